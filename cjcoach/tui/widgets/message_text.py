"""Turning the engine's Markdown messages into styled text, without a Markdown parser.

The bot's messages use a small part of Markdown: paragraphs, line breaks, ``**bold**``,
``code`` in backticks and lists. Everything else in them is text the team typed (a name
with ``*`` or ``#`` in it, a pasted URL) and must be shown exactly as typed, so this is
deliberately no full Markdown renderer. It also keeps start-up fast: markdown-it is
loaded only for the report preview.

Line breaks: a newline before a capital, a digit, a list mark or an indented line is
kept; a newline inside a sentence (text wrapped in a prompt file) becomes a space, so the
message reflows to the width of the chat.
"""

from __future__ import annotations

import re

from rich.text import Text

_KEEP_BREAK = re.compile(r"^([ \t]|[A-Z\u00C0-\u00DE0-9*_\-•(\"'])")
_INLINE = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|`(?P<code>[^`\n]+)`")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*•] (?P<rest>.*)$")


def _lines(paragraph: str) -> list[str]:
    """The lines of one paragraph, with wrapped lines joined back together."""
    lines: list[str] = []
    for line in paragraph.split("\n"):
        if lines and line and not _KEEP_BREAK.match(line) and lines[-1].strip():
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
        else:
            lines.append(line.rstrip())
    return lines


def _inline(line: str, text: Text) -> None:
    at = 0
    for match in _INLINE.finditer(line):
        text.append(line[at:match.start()])
        if match.group("bold") is not None:
            text.append(match.group("bold"), style="bold")
        else:
            text.append(match.group("code"), style="italic")
        at = match.end()
    text.append(line[at:])


def message_text(markdown: str) -> Text:
    """``markdown`` as Rich text: paragraphs, kept line breaks, bold, code and bullets."""
    text = Text()
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", markdown) if p.strip()]
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            text.append("\n\n")
        for l_index, line in enumerate(_lines(paragraph)):
            if l_index:
                text.append("\n")
            bullet = _BULLET.match(line)
            if bullet:
                text.append(bullet.group("indent") + "• ")
                line = bullet.group("rest")
            _inline(line, text)
    return text
