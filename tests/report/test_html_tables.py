"""The HTML writes simple tables itself; they must come out exactly as markdown-it makes them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cjcoach.report import filters
from cjcoach.report.html import Blocks, markdown_it, table_html, to_html

cells = st.text(alphabet=st.sampled_from(list("ab |\\*_`<>&#:-!~[]😀é ")), max_size=12)


@settings(max_examples=300)
@given(st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=5),
       st.sampled_from(["---", ":--", "--:", ":-:"]), st.booleans())
def test_direct_tables_equal_markdown_its(rows: list[list[str]], align: str,
                                          escape: bool) -> None:
    def row(values: list[str]) -> str:
        shown = [filters.cell(v) if escape else v.replace("|", "\\|") for v in values]
        return "| " + " | ".join(shown) + " |"

    lines = [row(["h1", "h 2", "h3"]), f"| {align} | {align} | {align} |",
             *(row(r) for r in rows)]
    direct = table_html(lines)
    reference = markdown_it().render("\n".join(lines) + "\n")
    if direct is not None:  # None: the table is left to markdown-it entirely
        assert direct == reference


def test_big_report_tables_are_written_directly_and_identically() -> None:
    lines = ["| A | B |", "| --- | --- |", *[f"| {i} | x {i} |" for i in range(50)]]
    md = "Intro\n\n" + "\n".join(lines) + "\n\nOutro\n"
    assert to_html(md) == markdown_it().render(md)
    blocks = Blocks()
    to_html(md, blocks)
    assert len(blocks.pieces) == 1  # the table did not go through markdown-it


def test_tables_in_code_blocks_stay_code() -> None:
    md = "```text\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n```\n"
    assert to_html(md) == markdown_it().render(md)
