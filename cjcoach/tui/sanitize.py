"""Cleaning what arrives in the chat input before the engine sees it.

Terminals sometimes leak escape sequences into an input (a stray mouse report, a focus
event, the markers of a bracketed paste, colour codes copied from another terminal).
None of that is something the team meant to say, so it is removed; so are control
characters other than newline and tab. Windows line ends become plain newlines.
"""

from __future__ import annotations

import re
from functools import cache

_ESCAPES = r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI: colours, cursor moves, mouse, paste markers
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC: titles, hyperlinks, clipboard
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC strings
    | \x1b[@-Z\\-_]                     # two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]             # 8-bit CSI
    """
_LEFTOVER_MOUSE = r"\[<\d+;\d+;\d+[mM]"
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled at the first answer, not while the room opens."""
    return (re.compile(_ESCAPES, re.VERBOSE), re.compile(_LEFTOVER_MOUSE), re.compile(_CONTROL))


def clean_input(text: str) -> str:
    """``text`` without escape sequences and control characters; newlines and tabs stay."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for pattern in _patterns():
        text = pattern.sub("", text)
    return text
