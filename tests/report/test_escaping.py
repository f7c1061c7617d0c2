"""Whatever a user types, in any field, the report shows it as typed and keeps its shape."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_testkit import MD, inline_text, small_workshop, squash, visible_text

from cjcoach.model import Workshop
from cjcoach.report import columns, filters, render_html, render_markdown
from cjcoach.report.html import _split

EXAMPLES = int(os.environ.get("REPORT_EXAMPLES", "60"))
"""More examples for a deep run: ``REPORT_EXAMPLES=2000 pytest tests/report/test_escaping.py``."""
NASTY = "|:;#*_<>[]{}\\`~!&%-+=.()'\"@/ \n\t"
pieces = st.one_of(st.sampled_from(list(NASTY)), st.characters(codec="utf-8",
                   exclude_categories=("Cs",)), st.sampled_from(["😀", "👩‍👩‍👧", "é", "**", "``"]))
texts = st.lists(pieces, min_size=1, max_size=40).map("".join).filter(
    lambda s: filters.one_line(s) != "")
long_words = st.text(alphabet="abcdefghij", min_size=80, max_size=200)
specials = st.sampled_from([
    "{{ 7*7 }}", "<script>alert(1)</script>", "# heading", "- item", "1. first", "> quote",
    "```", "~~~", "| a | b |", "section Buy", "title x", "a: 3: b", "#58;", "x;y#z",
    "**bold** _em_", "[link](http://evil.example)", "![img](x.png)", "https://x.nl/a_b",
    "www.example.com", "mail@example.com", ":smile:", "&amp; &lt;", "\\", "---", "===",
    "<!-- c -->", "{% raw %}", "%%{init}%%", "a\n\nb", "  indented\n    code",
])
any_text = st.one_of(texts, specials, long_words)

# Every place a user can type something that reaches the report.
FIELDS: dict[str, Callable[[Workshop, str], None]] = {
    "organisation": lambda w, s: setattr(w.scene, "organisation", s),
    "offering": lambda w, s: setattr(w.scene, "offering", s),
    "participant": lambda w, s: setattr(w.scene.participants[0], "name", s),
    "why": lambda w, s: setattr(w, "why", s),
    "business goal": lambda w, s: setattr(w.business_goals[0], "text", s),
    "persona name": lambda w, s: setattr(w.personas[0], "name", s),
    "persona description": lambda w, s: setattr(w.personas[0], "description", s),
    "customer goal": lambda w, s: setattr(w.personas[0].goals[0], "text", s),
    "alignment": lambda w, s: setattr(w.alignments[0], "statement", s),
    "phase label": lambda w, s: setattr(w.phases[1], "label", s),
    "touchpoint name": lambda w, s: setattr(w.touchpoints[1], "name", s),
    "touchpoint owner": lambda w, s: setattr(w.touchpoints[1], "owner", s),
    "pain point": lambda w, s: setattr(w.touchpoints[1].pain_points[0], "text", s),
    "team": lambda w, s: setattr(w.touchpoints[1].pain_points[0], "teams", [s]),
    "idea title": lambda w, s: setattr(w.ideas[0], "title", s),
    "idea description": lambda w, s: setattr(w.ideas[0], "description", s),
    "7S note": lambda w, s: setattr(w.ideas[0].seven_s["systems"], "note", s),
    "next step": lambda w, s: setattr(w.ideas[0], "next_step", s),
    "hypothesis": lambda w, s: setattr(w.ideas[0], "hypothesis", s),
    "review date": lambda w, s: setattr(w, "review_date", s),
}
fields = st.sampled_from(sorted(FIELDS))


def _visible_of(s: str) -> str:
    """What the report should show of ``s``: the same characters, on single spaces."""
    return squash(filters.plain(s))


# --- each filter on its own -------------------------------------------------------------

@settings(max_examples=EXAMPLES * 4)
@given(any_text)
def test_paragraph_text_reads_back_as_typed(s: str) -> None:
    md = f"Intro: {filters.md(s)}\n"
    assert visible_text(md) == squash("Intro: " + _visible_of(s))


@settings(max_examples=EXAMPLES * 4)
@given(any_text)
def test_list_item_text_reads_back_as_typed(s: str) -> None:
    md = f"- {filters.md(s)}\n- next\n"
    tokens = MD.parse(md)
    assert [t.type for t in tokens].count("list_item_open") == 2
    assert visible_text(md) == squash(_visible_of(s) + " next")


@settings(max_examples=EXAMPLES * 4)
@given(any_text, any_text)
def test_table_cells_keep_the_columns_and_the_text(a: str, b: str) -> None:
    md = f"| x | y | z |\n| --- | --- | --- |\n| {filters.cell(a)} | {filters.cell(b)} | end |\n"
    tokens = MD.parse(md)
    cells = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "td_open"]
    assert len(cells) == 3
    assert inline_text(cells[0]) == _visible_of(a)
    assert inline_text(cells[1]) == _visible_of(b)
    assert len(_split(md.splitlines()[2]) or []) == 3


@settings(max_examples=EXAMPLES * 4)
@given(any_text)
def test_headings_stay_one_heading_with_the_text(s: str) -> None:
    md = f"## {filters.heading(s)}\n\nafter\n"
    tokens = MD.parse(md)
    assert [t.type for t in tokens][:3] == ["heading_open", "inline", "heading_close"]
    assert inline_text(tokens[1].content) == _visible_of(s)


MERMAID_TASK = re.compile(r"^    [^:#;\n%]+: [1-5]: [^:#;\n%,]+(, [^:#;\n%,]+)*$")


def _task_ok(line: str) -> bool:
    """A task line as Mermaid reads it, once its entities (#58;) are set aside."""
    return MERMAID_TASK.match(re.sub(r"#\d+;", "E", line)) is not None
RESERVED = re.compile(r"^\s*(section|journey|title|acctitle|accdescr)", re.I)


@settings(max_examples=EXAMPLES * 4)
@given(any_text)
def test_mermaid_names_cannot_break_the_grammar(s: str) -> None:
    name = filters.mermaid(s)
    line = f"    {name}: 3: {filters.mermaid(s, 24)}"
    assert _task_ok(line), line
    assert not RESERVED.match(name)
    assert len(name.replace("#", "")) > 0 and "\n" not in name
    # entities decode back to the text the user typed (shortened to fit the box)
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), name)
    short = filters.shorten(s, filters.MERMAID_MAX)
    assert decoded == (short or "…")


@settings(max_examples=EXAMPLES * 4)
@given(any_text)
def test_a_title_or_section_after_its_keyword_stays_readable(s: str) -> None:
    """After ``title`` or ``section`` Mermaid reads the rest of the line as the name, so a
    name starting like a keyword keeps its letter (it read "#74;ourney of Fiona")."""
    name = filters.mermaid(s, 60, after_keyword=True)
    assert "\n" not in name and not re.search(r"[:;%]", re.sub(r"#\d+;", "", name))
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), name)
    assert decoded == (filters.shorten(s, 60) or "…")
    task = filters.mermaid(s, 60)  # the same, but for a task's first letter
    assert task in (name, f"#{ord(name[0])};{name[1:]}")


def test_the_journey_title_reads_as_typed() -> None:
    assert filters.mermaid("Journey of Sam", 60, after_keyword=True) == "Journey of Sam"
    assert filters.mermaid("Journey of Sam", 60) == "#74;ourney of Sam"  # a task line


column_values = st.lists(st.one_of(any_text, st.sampled_from(["", " ", "  a", "b ", "\t", "x\ny"]),
                             st.none(), st.integers()), max_size=8)


@settings(max_examples=EXAMPLES * 4)
@given(column_values)
def test_a_whole_column_is_escaped_as_each_value_would_be(values: list[object]) -> None:
    assert columns.cells(values) == [filters.cell(v) for v in values]
    assert columns.codes(values) == [filters.code(v) for v in values]
    assert columns.mermaids(values) == [filters.mermaid(v) for v in values]
    assert columns.mermaids(values, 24) == [filters.mermaid(v, 24) for v in values]
    strings = [v for v in values if isinstance(v, str)]
    assert columns.cells(strings) == [filters.cell(v) for v in strings]
    assert columns.mermaids(strings) == [filters.mermaid(v) for v in strings]
    assert all(type(v) is filters.Safe for v in columns.cells(strings))
    # a column put on one line once, then escaped for each place it is shown
    lines = columns.code_lines(values)
    assert lines == [filters.code(v) for v in values]
    assert columns.cells_of_lines(lines) == [filters.cell(v) for v in values]
    assert columns.mermaids_of_lines(lines) == [filters.mermaid(v) for v in values]
    assert columns.shorten_lines(lines, 30) == [filters.shorten(v, 30) for v in values]


@settings(max_examples=EXAMPLES * 4)
@given(any_text, any_text)
def test_a_cell_of_two_words_is_the_two_cells(a: str, b: str) -> None:
    # what the moment tables rely on to name a touchpoint "T3 Card payment" cheaply
    if filters.cell(a) and filters.cell(b):
        assert filters.cell(f"{a} {b}") == f"{filters.cell(a)} {filters.cell(b)}"


# --- the whole report ------------------------------------------------------------------

def _tables_keep_their_columns(md: str) -> None:
    lines = md.splitlines()
    for tok in MD.parse(md):
        if tok.type == "table_open" and tok.map:
            start, end = tok.map
            width = len(_split(lines[start]) or [])
            for line in lines[start + 2:end]:
                assert len(_split(line) or []) == width, line


def _mermaid_blocks_valid(md: str) -> None:
    for tok in MD.parse(md):
        if tok.type == "fence" and tok.info == "mermaid":
            for line in tok.content.splitlines()[1:]:
                bare = re.sub(r"#\d+;", "E", line)
                if line.startswith(("  title ", "  section ")):
                    assert not re.search(r"[#;:%]", bare), line
                else:
                    assert _task_ok(line), line


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields, any_text)
def test_any_text_in_any_field_keeps_the_report_whole(field: str, s: str) -> None:
    w = small_workshop()
    FIELDS[field](w, s)
    md = render_markdown(w)
    shown = visible_text(md)
    if field != "review date":
        assert _visible_of(s) in shown, field
    assert "49" not in shown or "49" in s
    _tables_keep_their_columns(md)
    _mermaid_blocks_valid(md)
    base = render_markdown(small_workshop())
    heads = [t.tag for t in MD.parse(md) if t.type == "heading_open"]
    assert heads == [t.tag for t in MD.parse(base) if t.type == "heading_open"]


def test_template_syntax_typed_by_a_user_stays_literal() -> None:
    w = small_workshop()
    w.personas[0].name = "{{ 7*7 }} {% if 1 %}yes{% endif %}"
    md = render_markdown(w)
    assert "{{ 7\\*7 }} {% if 1 %}yes{% endif %}" in md or "{{ 7*7 }}" in visible_text(md)
    assert "49" not in md
    assert "{{ 7*7 }} {% if 1 %}yes{% endif %}" in visible_text(md)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "br":  # a line break the user typed becomes a line break
            self.tags[tag] += 1


def _tags(page: str) -> Counter[str]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


@settings(max_examples=max(EXAMPLES * 2 // 3, 1), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(fields, any_text)
def test_html_holds_only_the_templates_elements(field: str, s: str) -> None:
    w, plain = small_workshop(), small_workshop()
    FIELDS[field](w, s)
    FIELDS[field](plain, "x")
    page = render_html(w)
    assert _tags(page) == _tags(render_html(plain))
    assert "<script" not in page.lower().replace("&lt;script", "")
