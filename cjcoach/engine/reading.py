"""The engine's view of :mod:`cjcoach.engine.answers`: the parsers, in the forms steps use.

``answers`` (another module) knows how people write lists, numbers, dates and names; this
module only adapts its results (a date to ISO text, votes for one voter) so that the
step modules read simply.
"""

from __future__ import annotations

import datetime
import importlib
import re
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cjcoach.engine.answers import Words, load_words

__all__ = ["Words", "load_words", "clean", "lines", "items", "is_done", "scale", "score",
           "emotion", "choice", "refs", "yes_no", "date", "votes", "votes_of", "is_unsure",
           "after_all",
           "fold"]


_loaded: list[ModuleType] = []


def _answers() -> ModuleType:
    """The parsers, imported when the first answer is read: showing the first question does
    not need them, and the workshop room should open fast."""
    if not _loaded:
        module = importlib.import_module("cjcoach.engine.answers")  # thread-safe import
        if not _loaded:
            _loaded.append(module)
    return _loaded[0]


def __getattr__(name: str) -> Any:
    if name in ("Words", "load_words"):
        return getattr(_answers(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def clean(text: str) -> str:
    return _answers().clean_text(text)


def fold(text: str) -> str:
    """The form answers and words are compared in (see ``answer_words.fold``)."""
    return _answers().fold(text)


def after_all(text: str, phrases: str) -> str | None:
    """``"de rest +1"`` → ``"+1"`` when the answer starts with one of ``phrases`` (a
    comma-separated list such as "de rest, allemaal"), else ``None``: one value for
    all of them."""
    lowered = _answers().fold(text).strip()
    for phrase in sorted((p.strip() for p in phrases.split(",")), key=len, reverse=True):
        folded = _answers().fold(phrase)
        if folded and (lowered == folded or lowered.startswith(folded + " ")):
            return lowered[len(folded):].strip(" :=,;")
    return None


def before_all(text: str, phrases: list[str]) -> str:
    """``"henk de rest"`` → ``"henk"`` (as typed) when the answer ends with one of
    ``phrases`` (folded, such as "de rest"), else ``""``: the mirror of :func:`after_all`."""
    words = text.split()
    folded = [fold(w) for w in words]
    for phrase in phrases:
        size = len(phrase.split())
        if 0 < size < len(words) and " ".join(folded[-size:]) == phrase:
            return " ".join(words[:-size]).strip(" :=,;-–—")
    return ""


def lines(text: str) -> list[str]:
    """The non-empty lines of an answer, cleaned."""
    return [line.strip() for line in clean(text).split("\n") if line.strip()]


def items(text: str, words: Words, commas: bool | None = None) -> list[str]:
    """List items: one per line or ``;``; commas split only where the line looks like a list
    (``commas=None``), always (``True``) or never (``False``)."""
    return _answers().parse_list(text, split_commas=commas)


def starts_a_clause(word: str) -> bool:
    """"because", "want", "maybe" …: a word that starts an explanation, not a name."""
    return _answers().fold(word) in _answers().CLAUSE_OR_HEDGE_WORDS


def has_doubt(text: str, words: Words) -> bool:
    """The answer holds a hesitation somewhere ("systemen weet ik niet", "g2 misschien")."""
    return any(value == 2 for value, _, _ in words.yes_no.find(_answers().fold(text)))


def is_unsure(text: str, words: Words) -> bool:
    """The whole answer is a hesitation ("weet ik niet", "geen idee", "?"), not content."""
    folded = _answers().fold(text).strip(" .!")
    if not folded or len(folded) > 40:
        return False
    found = words.yes_no.find(folded)
    return any(value == 2 and start == 0 and end == len(folded) for value, start, end in found)


def is_done(text: str, words: Words) -> bool:
    return _answers().is_done(text, words)


def scale(text: str, low: int, high: int, words: Words) -> int | None:
    return _answers().parse_scale(text, low, high, words)


def lone_number(text: str, low: int, high: int, words: Words) -> int | None:
    """The one whole number from ``low`` to ``high`` in a hedged answer ("weet ik niet
    precies, 4 denk ik" → 4), or ``None``: no number, several, out of range, or one that
    a negation comes right before ("niet 4"). "3ish" is 3."""
    cleaned = clean(text)
    found = list(re.finditer(r"(?<![\w.,+-])(\d+)(?:-?ish)?(?![\w.,]\d|\w)", cleaned))
    if len(found) != 1 or not low <= int(found[0].group(1)) <= high:
        return None
    before = cleaned[:found[0].start()].split()
    if before and not before[-1].endswith((",", ".", ";", ":")) and words.negations.find(
            fold(before[-1])):  # "niet 4", but not "weet niet, 4 denk ik"
        return None
    return int(found[0].group(1))


def score(text: str, words: Words) -> int | None:
    """A 7S score from -2 to +2 (digits, ``--``, ``++``)."""
    return _answers().parse_emotion(text, words)


def emotion(text: str, words: Words) -> int | None:
    return _answers().parse_emotion(text, words)


def choice(text: str, options: list[tuple[str, str]], words: Words) -> str | None:
    return _answers().parse_choice(text, options, words)


def refs(text: str, options: list[tuple[str, str]], words: Words | None = None
         ) -> tuple[list[str], list[str]]:
    return _answers().resolve_refs(text, options, words)


def yes_no(text: str, words: Words) -> bool | None:
    return _answers().parse_yes_no(text, words)


def date(text: str, today: datetime.date, words: Words) -> str | None:
    found = _answers().parse_date(text, today, words)
    return found.isoformat() if found is not None else None


def votes_of(text: str, voters: list[str], options: list[tuple[str, str]]
             ) -> dict[str, dict[str, int]] | None:
    """Several voters' dots at once ("Sanne: I1 I1; Ahmed: I3"): per voter, per idea id."""
    found = _answers().parse_votes(text, voters, options)
    if found is None:
        return None
    per: dict[str, dict[str, int]] = {}
    for item, by in found.items():
        for who, count in by.items():
            per.setdefault(who, {})[item] = per.get(who, {}).get(item, 0) + count
    return per


def votes(text: str, voter: str, options: list[tuple[str, str]]) -> dict[str, int] | None:
    """One voter's dots per idea id (``I1 I1 I3`` → ``{"I1": 2, "I3": 1}``), or ``None``."""
    found = _answers().parse_votes(text, [voter], options)
    if found is None:
        return None
    return {item: sum(per.values()) for item, per in found.items()}
