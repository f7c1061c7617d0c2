"""Escaping a whole column at once: what the filters give each value, made faster.

A long table escapes the same field of every touchpoint. These functions give exactly what
the filter in ``filters.py`` gives for each value (a test checks it), with the work done on
the column's lines joined into one text, at C speed, instead of a Python call per value.
A column the report shows in several places (a touchpoint's name is a table cell, a
Mermaid task and a line of the text curve) is put on one line once (:func:`code_lines`)
and each place escapes that.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from cjcoach.report.filters import (
    _MERMAID_RE,
    _MERMAID_RESERVED,
    _MERMAID_RESERVED_LINES,
    MERMAID_MAX,
    Safe,
    _entities,
    _inline,
    cell,
    code,
    mermaid,
    one_line,
)


def _strings(values: list[Any]) -> bool:
    """True for a column of plain strings, none empty-handed (else: one call per value)."""
    return bool(values) and set(map(type, values)) == {str}


def _once(column: Callable[[list[str]], list[Safe]], values: list[str]) -> list[Safe]:
    """``column(values)``, each distinct value escaped once (owners and teams repeat)."""
    distinct = list(dict.fromkeys(values))
    if len(distinct) * 2 > len(values):
        return column(values)
    escaped = dict(zip(distinct, column(distinct), strict=True))
    return list(map(escaped.__getitem__, values))


_ASCII_CONTROLS = bytes([*range(0x20), 0x7F])


def _printable(joined: str, lines: int) -> bool:
    """True when ``joined``, ``lines`` texts joined with ``\\n``, has no other character
    that is not printable (``str.isprintable`` looks each one up; ASCII needs no table)."""
    if joined.isascii():
        data = joined.encode("ascii")
        return len(data.translate(None, _ASCII_CONTROLS)) == len(data) - (lines - 1)
    return joined.replace("\n", "").isprintable() and joined.count("\n") == lines - 1


def _one_lines(texts: list[str]) -> list[str]:
    """:func:`one_line` of each text; the column is checked at once when none needs it."""
    joined = "\n".join(texts)
    # no double space, nor a space at either end of a text (nor, rarely, an empty text)
    if ("  " not in joined.replace("\n", " ") and joined[:1] != " " and joined[-1:] != " "
            and _printable(joined, len(texts))):
        return texts  # printable text has no whitespace but " " to strip or collapse
    return [one_line(t) for t in texts]


def _lines(joined: str) -> list[Safe]:
    return list(map(Safe, joined.split("\n")))


def cells(values: list[Any]) -> list[Safe]:
    """``[cell(v) for v in values]``, done for the column at once."""
    if not _strings(values):
        return [cell(v) for v in values]
    return _once(_cells, values)


def _cells(values: list[str]) -> list[Safe]:
    return cells_of_lines(_one_lines(values))


def codes(values: list[Any]) -> list[Safe]:
    """``[code(v) for v in values]``, done for the column at once."""
    if not _strings(values):
        return [code(v) for v in values]
    return list(map(Safe, _one_lines(values)))


def code_lines(values: list[Any]) -> list[str]:
    """The text :func:`code` gives each value, as plain ``str``: one line, nothing escaped.

    A column the report shows in several places (a touchpoint's name is a table cell, a
    Mermaid task and a line of the text curve) is put on one line once, here, and each
    place escapes that: :func:`cells_of_lines`, :func:`mermaids_of_lines`."""
    if not _strings(values):
        return [str(code(v)) for v in values]
    return _one_lines(values)


def cells_of_lines(lines: list[str]) -> list[Safe]:
    """``cells(values)``, given ``code_lines(values)``."""
    if not lines:
        return []
    # Every rule of _inline stays within a line, so one pass over the joined lines is the
    # same as one pass per line.
    joined = "\n".join(lines)
    escaped = _inline(joined)
    if escaped == joined:  # nothing to escape (ids, most names): no need to split it again
        return list(map(Safe, lines))
    return _lines(escaped)


def mermaids(values: list[Any], limit: int = MERMAID_MAX) -> list[Safe]:
    """``[mermaid(v, limit) for v in values]``, done for the column at once."""
    if not _strings(values):
        return [mermaid(v, limit) for v in values]
    return _once(functools.partial(_mermaids, limit=limit), values)


def _mermaids(values: list[str], limit: int) -> list[Safe]:
    return mermaids_of_lines(_one_lines(values), limit)


def _reserved_after_break(joined: str) -> bool:
    """Whether a line after the first may start with a word Mermaid reserves (``section``
    …): for ASCII, plain searches of the lower-cased text, faster than the regex on a whole
    column (other text has letters the regex takes for ``s`` or ``k``, such as ``ſ``)."""
    if not joined.isascii():
        return _MERMAID_RESERVED_LINES.search(joined) is not None
    low = joined.lower()
    return any(f"\n{word}" in low for word in ("section", "journey", "title", "acc"))


def mermaids_of_lines(lines: list[str], limit: int = MERMAID_MAX) -> list[Safe]:
    """``mermaids(values, limit)``, given ``code_lines(values)``."""
    if not lines:
        return []
    shown = shorten_lines(lines, limit)
    if "" in shown:
        shown = [t or "…" for t in shown]
    joined = "\n".join(shown)
    if _MERMAID_RE.search(joined):
        joined = _entities(joined)
    if _MERMAID_RESERVED.match(joined):
        joined = f"#{ord(joined[0])};{joined[1:]}"
    if "\n" in joined and _reserved_after_break(joined):
        joined = _MERMAID_RESERVED_LINES.sub(lambda m: f"\n#{ord(m.group(0)[1])};{m.group(0)[2:]}",
                                             joined)
    return _lines(joined)


def shorten_lines(lines: list[str], limit: int) -> list[str]:
    """``[shorten(t, limit) for t in lines]`` for texts already on one line each
    (:func:`filters._cut` written out: a call per long name was most of the time)."""
    half, keep = limit // 2, limit - 1
    return [t if len(t) <= limit else (t[:space] if (space := t.rfind(" ", half, keep)) >= 0
                                       else t[:keep]).rstrip(" ,.;:-") + "…"
            for t in lines]
