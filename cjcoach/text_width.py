"""How wide text is in a terminal: wide characters and emoji take two columns.

Used wherever text is lined up in columns of a fixed-width font: the plain chat's wrapping
and the report's text emotion curve.
"""

from __future__ import annotations

import re
import unicodedata

_NARROW = re.compile(r"[\u0020-\u02ff\u2010-\u205e\u2190-\u25ff]*")


def is_narrow(text: str) -> bool:
    """True when every character of ``text`` takes one column (plain ASCII at once)."""
    return (text.isascii() and text.isprintable()) or _NARROW.fullmatch(text) is not None


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes (wide and emoji characters count two;
    combining accents, the zero-width joiner and the emoji variation selector none)."""
    if is_narrow(text):
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width
