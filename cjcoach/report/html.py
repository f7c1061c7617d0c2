"""Markdown to HTML for the report: markdown-it-py with raw HTML off, big tables done directly.

markdown-it-py spends most of its time on long tables. The report's tables are simple
(one line per row, cells escaped by ``filters.cell``), so :func:`to_html` lifts every table
it can read with certainty out of the text, writes it as HTML itself (exactly as
markdown-it would: a test compares the two), and lets markdown-it render the rest. A cell
with any Markdown in it still goes through markdown-it's inline renderer; a table that
looks unusual in any way is left entirely to markdown-it. Charts are put in the same way:
the Markdown holds a token line, the HTML gets the SVG.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

_DELIMITER = re.compile(r"^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Anything in a cell that markdown-it's inline parser could read as more than text.
_SPECIAL = re.compile(r"[\\`*_\[\]<>&!~]")
_TRIM = " \t\n\r\f\v"


@functools.cache
def markdown_it() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough; raw HTML is shown as text."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def _split(row: str) -> list[str] | None:
    """A table row's cells, like markdown-it's ``escapedSplit``; None when it has no end pipe."""
    row = row.strip(_TRIM)
    if len(row) < 2 or row[0] != "|" or row[-1] != "|" or row[-2] == "\\":
        return None
    cells, current, last, escaped = [], "", 1, False
    for pos in range(1, len(row)):
        ch = row[pos]
        if ch == "|":
            if not escaped:
                cells.append(current + row[last:pos])
                current, last = "", pos + 1
            else:
                current += row[last:pos - 1]
                last = pos
        escaped = ch == "\\"
    return [c.strip(_TRIM) for c in cells]


def _aligns(delimiter: str) -> list[str]:
    out = []
    for part in delimiter.strip(_TRIM).strip("|").split("|"):
        part = part.strip(_TRIM)
        if part.endswith(":"):
            out.append("center" if part.startswith(":") else "right")
        else:
            out.append("left" if part.startswith(":") else "")
    return out


def _cell_html(text: str, inline: Callable[[str], str]) -> str:
    if _SPECIAL.search(text) is None:
        return escapeHtml(text)
    return inline(text)


def table_html(lines: list[str]) -> str | None:
    """The HTML markdown-it makes of a simple pipe table, or None if it is not that simple."""
    header = _split(lines[0])
    aligns = _aligns(lines[1])
    if not header or len(header) != len(aligns):
        return None
    rows = []
    for line in lines[2:]:
        cells = _split(line)
        if cells is None or len(cells) != len(header):
            return None
        rows.append(cells)
    inline = markdown_it().renderInline
    attrs = [f' style="text-align:{a}"' if a else "" for a in aligns]
    out = ["<table>\n<thead>\n<tr>\n"]
    out += [f"<th{a}>{_cell_html(c, inline)}</th>\n" for a, c in zip(attrs, header, strict=True)]
    out.append("</tr>\n</thead>\n")
    if rows:
        out.append("<tbody>\n")
        for cells in rows:
            out.append("<tr>\n")
            out += [f"<td{a}>{_cell_html(c, inline)}</td>\n"
                    for a, c in zip(attrs, cells, strict=True)]
            out.append("</tr>\n")
        out.append("</tbody>\n")
    out.append("</table>\n")
    return "".join(out)


class Blocks:
    """HTML pieces put in place of token lines after markdown-it has rendered the text."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self.pieces: dict[str, str] = {}

    def token(self, html: str) -> str:
        """A line that markdown-it keeps as a paragraph and nobody can type by chance."""
        key = f"CJCOACHBLOCK{self.nonce}N{len(self.pieces)}"
        self.pieces[key] = html
        return key

    def put_back(self, html: str) -> str:
        if not self.pieces:
            return html
        return re.sub(rf"<p>(CJCOACHBLOCK{self.nonce}N\d+)</p>\n?|CJCOACHBLOCK{self.nonce}N\d+",
                      lambda m: self.pieces.get(m.group(1) or m.group(0), ""), html)


def _lift_tables(text: str, blocks: Blocks) -> str:
    """Replace each simple table (blank line before and after) with a token line."""
    lines = text.split("\n")
    out: list[str] = []
    fence = ""
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if fence:
            out.append(line)
            if line.strip(" ").startswith(fence) and not line.strip(" ").strip(fence[0]):
                fence = ""
            i += 1
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            out.append(line)
            i += 1
            continue
        if (line.startswith("|") and i + 1 < n and _DELIMITER.match(lines[i + 1])
                and (i == 0 or not lines[i - 1].strip())):
            end = i + 2
            while end < n and lines[end].startswith("|"):
                end += 1
            if end == n or not lines[end].strip():
                html = table_html(lines[i:end])
                if html is not None:
                    out.append(blocks.token(html))
                    i = end
                    continue
        out.append(line)
        i += 1
    return "\n".join(out)


def to_html(markdown: str, blocks: Blocks | None = None) -> str:
    """The report's Markdown as an HTML fragment (no user text can become markup)."""
    blocks = blocks or Blocks()
    lifted = _lift_tables(markdown, blocks)
    return blocks.put_back(markdown_it().render(lifted))
