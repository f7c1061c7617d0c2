"""The escaping filters: the one way user text reaches a report.

Every ``{{ value }}`` in a Markdown template passes through :func:`finalize`, which
escapes plain text for a Markdown paragraph unless a context filter already did the
job. The context filters are:

``md``       a paragraph or list item (the default): Markdown punctuation is
             backslash-escaped, line breaks become hard breaks.
``cell``     a table cell: like ``md`` on one line, with ``|`` escaped.
``heading``  a heading: like ``cell``, with ``#`` escaped too.
``mermaid``  a name in a Mermaid ``journey`` block: ``# : ;`` (and a few more) become
             Mermaid's entities in one pass, long names are cut short.
``code``     a line inside a fenced code block: one line, nothing can close the fence.
``html``     HTML text (the page shell and the SVG charts use Jinja's autoescape).

Each filter returns :class:`Safe`, so it is escaped exactly once. Numbers pass as they
are; ``None`` becomes empty. Everything else (a string, a list joined in the template,
a label) is treated as typed by a user: safe by default, whatever the template does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from markupsafe import escape as html_escape

from cjcoach.text_width import display_width, is_narrow


class Safe(str):
    """Text already escaped for its place in the Markdown; :func:`finalize` leaves it be."""

    __slots__ = ()


class Label(str):
    """A text from labels.yaml. It is escaped like any other text, but its escapes are kept
    from one report to the next (a report prints a hundred labels, the same every time),
    where a team's text is escaped afresh for each report (see :func:`clear_caches`)."""

    __slots__ = ()


_LABELS: dict[tuple[str, str], Safe] = {}
"""The escapes of labels, by filter and text (a few hundred at most, kept for good)."""


def _label(kind: str, text: Label, escape: Callable[[str], str]) -> Safe:
    found = _LABELS.get((kind, text))
    if found is None:
        found = _LABELS[(kind, str(text))] = Safe(escape(str(text)))
    return found


_NEWLINES = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]+")
_WS = re.compile(r"\s+")

# Inline Markdown punctuation that can change meaning anywhere in a line.
_INLINE_CHARS = "\\`*_[]<>|~"
_INLINE = re.compile(f"[{re.escape(_INLINE_CHARS)}]")
_LONG = 200
"""From this length on (a whole column), a search per character beats the regex."""
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What makes a line start special: headings, quotes, lists, thematic breaks, setext, code.
_LINE_START = re.compile(r"^([#>+=-])|^(\d{1,9})([.)])")
_URL = re.compile(r"\b(https?|ftp)://")
_WWW = re.compile(r"\bwww\.", re.IGNORECASE)
# ``:smile:`` is an emoji to GitHub and pandoc; runs after the other escapes (``\_``).
_SHORTCODE = re.compile(r":(?=(?:[A-Za-z0-9+-]|\\_)+:)")
_EMAIL_AT = re.compile(r"(?<=[\w.+-])@(?=[\w-]+\.)")


def plain(value: Any) -> str:
    """The visible text of a value: no control characters, ``\\n`` for every line break."""
    if value is None:
        return ""
    text = str(value)
    if text.isprintable():  # the common case: nothing to clean
        return text
    text = _CONTROLS.sub("", _NEWLINES.sub("\n", text))
    return text.replace("\t", " ")


def one_line(value: Any) -> str:
    """The text on a single line with single spaces, as a cell or a heading shows it."""
    text = plain(value)
    if not text.isprintable() or "  " in text:  # a line break or an odd space is unprintable
        text = _WS.sub(" ", text)
    return text.strip()


def _backslashed(m: re.Match[str]) -> str:
    return "\\" + m.group(0)


def _inline(text: str) -> str:
    """Escape one line so CommonMark, GFM and markdownlint read it as plain text.

    Each rule runs only when its trigger is there (a regex search is much cheaper than a
    substitution that finds nothing): most text needs none."""
    if _INLINE.search(text) if len(text) < _LONG else any(c in text for c in _INLINE_CHARS):
        text = _INLINE.sub(_backslashed, text)
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(r"\\&", text)
    if ":" in text:
        # Bare web addresses would become links (GFM) or lint warnings; :smile: an emoji.
        if "//" in text:
            text = _URL.sub(lambda m: m.group(1) + r"\://", text)
        if _SHORTCODE.search(text):
            text = _SHORTCODE.sub(r"\\:", text)
    if ("w." in text or "W." in text) and _WWW.search(text):
        text = _WWW.sub(lambda m: m.group(0)[:3] + r"\.", text)
    if "@" in text and _EMAIL_AT.search(text):
        text = _EMAIL_AT.sub(r"\\@", text)
    return text


# Any character one of the rules above acts on; text without them (and without a double
# space, a tab or a "www.") passes ``_inline`` unchanged, so most text skips the regexes.
_ACTIVE = re.compile(r"[\\`*_\[\]<>|~&:@\t]")


def _quiet(text: str) -> bool:
    """True when :func:`_inline` (and the space rule) would leave ``text`` as it is."""
    return (_ACTIVE.search(text) is None and "  " not in text
            and "w." not in text and "W." not in text)


def _line(text: str, hashes: bool = False, start: bool = True) -> str:
    """One escaped line; ``start``: it may begin a line, so list and heading marks count."""
    if _quiet(text):
        text = text.strip()
    else:
        if "  " in text or "\t" in text:
            text = _SPACES.sub(" ", text)
        text = _inline(text.strip())
    if hashes:
        return text.replace("#", "\\#")
    if not start or not text or not (text[0] in "#>+=-" or text[0].isdigit()):
        return text
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1)
                           else m.group(2) + "\\" + m.group(3), text)


@functools.cache
def _md(text: str) -> str:
    text = plain(text)
    if "\n" not in text:  # one line: most text
        return _line(text)
    lines = [_line(line) for line in text.split("\n")]
    return "\\\n".join(line for line in lines if line)


def md(value: Any) -> Safe:
    """Text for a paragraph or a list item; each line break becomes a hard line break."""
    if isinstance(value, Safe):
        return value
    if type(value) is Label:
        return _label("md", value, _md)
    return Safe(_md(str(value)) if value is not None else "")


@functools.cache
def _cell(text: str, hashes: bool = False) -> Safe:
    # The common case (one line, nothing to escape) tested inline: this runs for every name.
    if (text.isprintable() and _ACTIVE.search(text) is None and "  " not in text
            and "w." not in text and "W." not in text):
        text = text.strip()
        return Safe(text.replace("#", "\\#") if hashes else text)
    return Safe(_line(one_line(text), hashes, start=False))


def cell(value: Any) -> Safe:
    """Text for a table cell: one line, ``|`` escaped, never an empty-looking break."""
    kind = type(value)
    if kind is str:
        return _cell(value)
    if kind is Safe:
        return value
    if value is None:
        return Safe("")
    if kind is int or kind is float:
        return Safe(str(value))
    if kind is Label:
        return _label("cell", value, _cell)
    return _cell(str(value))


def heading(value: Any) -> Safe:
    """Text for a heading: one line, and a ``#`` can never end or start it."""
    if isinstance(value, Safe):
        return value
    if type(value) is Label:
        return _label("heading", value, _heading)
    return _cell(str(value if value is not None else ""), hashes=True)


def _heading(text: str) -> str:
    return _cell(text, hashes=True)


# --- Mermaid --------------------------------------------------------------------------

MERMAID_MAX = 28
"""Longest name in a Mermaid box; the full text is in the table next to it."""

_MERMAID_ENTITIES = {c: f"#{ord(c)};" for c in "#:;%<>&\"'`,{}"}
_MERMAID_RE = re.compile("[" + re.escape("".join(_MERMAID_ENTITIES)) + "]")
_MERMAID_ORDER = sorted(((c, e) for c, e in _MERMAID_ENTITIES.items() if c != "#"),
                       key=lambda item: item[0] != ";")
"""``;`` before the others: their entities bring in a ``;`` that must stay."""


def _entities(text: str) -> str:
    """Each of Mermaid's special characters as its entity (``:`` → ``#58;``), in one pass.

    ``str.replace`` per character present (far faster than ``str.translate`` with strings);
    ``#`` waits as a NUL, which :func:`plain` has taken out of any user text."""
    text = text.replace("#", "\0")
    for char, entity in _MERMAID_ORDER:
        if char in text:
            text = text.replace(char, entity)
    return text.replace("\0", "#35;")
_MERMAID_RESERVED = re.compile(r"^(section|journey|title|acctitle|accdescr)", re.IGNORECASE)
_MERMAID_RESERVED_LINES = re.compile(r"\n(?i:section|journey|title|acctitle|accdescr)")
"""A reserved word after a line break (``^`` in multi-line mode is several times slower)."""


def shorten(value: Any, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word, ``…`` when cut."""
    text = value if type(value) is Safe else one_line(value)
    return text if len(text) <= limit else _cut(text, limit)


def _cut(text: str, limit: int) -> str:
    """``text`` cut at its last space in ``text[limit // 2 : limit - 1]``, else at
    ``limit - 1`` characters, with ``…`` for what is left out."""
    space = text.rfind(" ", limit // 2, limit - 1)
    cut = text[:space] if space >= 0 else text[: limit - 1]
    return cut.rstrip(" ,.;:-") + "…"


@functools.cache
def _mermaid(text: str, limit: int, after_keyword: bool = False) -> str:
    short = shorten(text, limit) or "…"
    escaped = _entities(short) if _MERMAID_RE.search(short) else short
    if (not after_keyword and escaped[0] in "sjtaSJTA"
            and _MERMAID_RESERVED.match(escaped)):
        escaped = f"#{ord(escaped[0])};{escaped[1:]}"
    return escaped


def mermaid(value: Any, limit: int = MERMAID_MAX, after_keyword: bool = False) -> Safe:
    """A title, section, task or actor name for a Mermaid ``journey`` block.

    ``# : ; %`` and friends become Mermaid entities (``#58;``) in one pass, so the name
    can neither end the line, start a comment nor be read as a score; a name that starts
    like a keyword (``section``…) gets its first letter as an entity, unless it comes
    ``after_keyword`` (``title Journey of …``, ``section …``: there Mermaid reads the rest of
    the line as the name, and "#74;ourney" would only spoil the Markdown source); an empty
    name becomes ``…``; a long one is cut at ``limit`` characters.
    """
    return Safe(_mermaid(str(value if value is not None else ""), limit, after_keyword))


@functools.cache
def _code(text: str) -> Safe:
    return Safe(one_line(text))


def code(value: Any) -> Safe:
    """One line inside a fenced code block: line breaks flattened, so no fence can close."""
    return _code(value if type(value) is str else plain(value))


def html(value: Any) -> Markup:
    """HTML text (for the page shell and charts; Jinja's autoescape does the same)."""
    return html_escape(value if value is not None else "")


# --- the default ------------------------------------------------------------------------


def finalize(value: Any) -> Any:
    """What ``{{ value }}`` prints in a Markdown template: escaped unless already safe."""
    kind = type(value)
    if kind is Safe or kind is int:  # the common cases first (a Mermaid score is an int)
        return value
    if kind is str:
        return Safe(_md(value))
    if isinstance(value, Safe | Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return md(value)


def pad(text: str, width: int) -> str:
    """``text`` cut or padded with spaces to ``width`` columns."""
    if is_narrow(text):
        return text[:width].ljust(width)
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * (width - used)


def clear_caches() -> None:
    """Forget the escaped texts of the last report (the caches are per report, unbounded)."""
    for cached in (_md, _cell, _mermaid, _code):
        cached.cache_clear()


FILTERS = {"md": md, "cell": cell, "heading": heading, "mermaid": mermaid, "code": code,
           "html": html, "shorten": shorten}
