"""The report's final layout: tidy prose, and the long tables kept out of the tidying.

:func:`tidy` leaves at most one blank line between blocks, no trailing spaces, ``| |`` for
an empty table cell and one final newline; fenced code blocks stay exactly as they are.
It is a safety net for text whose shape depends on what a team typed (an empty goal, a
part of a trainer's own template that leaves a blank line).

The long tables and code blocks (a row per touchpoint) are tidy as they are made, and
scanning them again would cost as much as printing them. A template puts them between
``{% rows %}`` and ``{% endrows %}``: the text inside is rendered in one piece, set aside
while the rest is tidied, and put back (see :class:`RowsExtension`). Only ``|  |`` is
written ``| |`` inside, as an empty cell; a block that is a fenced code block is left
exactly as it is.
"""

from __future__ import annotations

import contextvars
import re
import secrets
from collections.abc import Callable
from typing import Any

from jinja2 import nodes
from jinja2.ext import Extension

_FENCE_RUN = re.compile(r"`+|~+")


def _fence_marks(text: str) -> list[re.Match[str]]:
    """Every run of three or more backticks or tildes, found with fast string searches."""
    marks = []
    for three in ("```", "~~~"):
        pos = text.find(three)
        while pos >= 0:
            m = _FENCE_RUN.match(text, pos)
            assert m is not None
            marks.append(m)
            pos = text.find(three, m.end())
    return sorted(marks, key=lambda m: m.start())


def _empty_cells(text: str) -> str:
    """``| |`` for each empty cell (markdownlint's compact table style). A pass leaves
    every other one of a run of empty cells; the second pass takes the rest."""
    if "|  |" in text:
        text = text.replace("|  |", "| |")
        if "|  |" in text:
            text = text.replace("|  |", "| |")
    return text


def _tidy_prose(text: str) -> str:
    # Plain string searches first: on a big report they are many times faster than regexes.
    if " \n" in text or "\t\n" in text:
        text = re.sub(r"[ \t]+$", "", text, flags=re.M)
    text = _empty_cells(text)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def _code_blocks(text: str) -> list[tuple[int, int]]:
    """Where the fenced code blocks are: (start, end) of each, fences included."""
    blocks: list[tuple[int, int]] = []
    opening: tuple[int, str] | None = None
    for m in _fence_marks(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start > 3 or text[line_start:m.start()].strip(" "):
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        fence, rest = m.group(0), text[m.end():line_end]
        if opening is None:
            opening = (line_start, fence)
        elif (fence[0] == opening[1][0] and len(fence) >= len(opening[1])
              and not rest.strip()):
            blocks.append((opening[0], line_end))
            opening = None
    if opening is not None:
        blocks.append((opening[0], len(text)))
    return blocks


def tidy(text: str) -> str:
    """One blank line at most between blocks, no trailing spaces, one final newline.

    Fenced code blocks are left exactly as they are."""
    out, last = [], 0
    for start, end in _code_blocks(text):
        out.append(_tidy_prose(text[last:start]))
        out.append(text[start:end])
        last = end
    out.append(_tidy_prose(text[last:]))
    return "".join(out).strip("\n") + "\n"


# --- {% rows %} … {% endrows %} ------------------------------------------------------------


_PREFIX = f"CJCOACHROWS{secrets.token_hex(8)}N"
"""Starts each token: random per process, so no text a team types can be taken for one."""
_TOKEN = re.compile(rf"{_PREFIX}(\d+)")
"""Compiled once: a new pattern per report cost more than the restoring itself."""


class Kept:
    """The ``{% rows %}`` blocks of one report, each stood in for by a token while tidying."""

    def __init__(self) -> None:
        self._prefix = _PREFIX
        self._texts: list[str] = []

    def keep(self, text: str) -> str:
        """A token for ``text`` (its leading and trailing newlines stay, for the tidying)."""
        start, end = 0, len(text)
        while start < end and text[start] == "\n":
            start += 1
        while end > start and text[end - 1] == "\n":
            end -= 1
        if start == end:
            return text
        block = text[start:end]
        if not block.startswith(("```", "~~~")):
            block = _empty_cells(block)
        self._texts.append(block)
        return f"{text[:start]}{self._prefix}{len(self._texts) - 1}{text[end:]}"

    def restore(self, text: str) -> str:
        """``text`` with every token replaced by the block it stands for."""
        if not self._texts:
            return text
        parts = _TOKEN.split(text)
        parts[1::2] = [self._texts[int(n)] for n in parts[1::2]]
        return "".join(parts)


_KEPT: contextvars.ContextVar[Kept | None] = contextvars.ContextVar("cjcoach_kept",
                                                                  default=None)


def render_kept(render: Callable[[], str]) -> str:
    """``render()`` tidied, with its ``{% rows %}`` blocks set aside meanwhile."""
    kept = Kept()
    token = _KEPT.set(kept)
    try:
        text = render()
    finally:
        _KEPT.reset(token)
    return kept.restore(tidy(text))


class RowsExtension(Extension):
    """``{% rows %} … {% endrows %}`` around a long table or code block.

    The block is rendered in one piece (one string instead of a dozen per row, which
    matters with thousands of rows) and kept out of the tidying. Values inside are
    escaped exactly as anywhere else; only the block's layout is taken as it is.
    """

    tags = {"rows"}

    def parse(self, parser: Any) -> nodes.Node:
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(("name:endrows",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_keep"), [], [], body).set_lineno(lineno)

    def _keep(self, caller: Callable[[], str]) -> str:
        text = caller()
        kept = _KEPT.get()
        return kept.keep(text) if kept is not None else text
