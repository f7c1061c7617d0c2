"""Understanding what a team types: lists, scales, emotions, yes/no, choices, dates, rows.

Every ``parse_*`` function takes any ``str`` and never raises: it returns the value it
understood, or ``None`` when it is not sure (the engine then asks again, with an example).
It never guesses silently: two readings that disagree give ``None``.

The words (scale words, emotion words and emoji, yes/no, months …) are data, in
``prompts/<lang>/words.yaml``; :func:`load_words` reads them into :class:`Words`.

Rules the engine relies on:

* Lists (:func:`parse_list`): a new line and ``;`` always separate items. A comma separates
  items only when the line looks like a list of short things: every part has at most five
  words, no part after the first starts with a linking word ("maar", "vooral", "because",
  "especially" …), no part is just a number ("Anna, 34"), and it is not a company followed
  by its town ("Fiets & Zo, Utrecht", "Jansen BV, Delft"). When every part starts with a
  capital, eight words and any first word are fine ("Meer omzet via de site, Niet in de
  rij"). A comma between digits ("1,5") never splits. When commas split, "A, B en C" /
  "A, B and C" also splits the last "en/and".
* Short answers (scale, emotion, yes/no, choice, date) longer than ``SHORT_LIMIT`` characters
  are not read (``None``): nobody answers "1 to 5" with a page.
* A digit wins over words ("4, want het is belangrijk" → 4); two different numbers → ``None``.
* Words that disagree ("blij maar boos"), a doubt word ("misschien", "not sure", "?") or a
  negation outside the recognised phrase ("belangrijk, niet cruciaal") → ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cjcoach.engine.answer_refs import (  # noqa: F401 - part of this module's interface
    parse_date,
    parse_row,
    parse_votes,
    resolve_refs,
)
from cjcoach.engine.answer_words import (  # noqa: F401 - part of this module's interface
    _SPACES,
    REFS_LIMIT,
    SHORT_LIMIT,
    PhraseTable,
    Words,
    _fuzz_utils,
    clean_text,
    fold,
    fuzzy_one,
    load_words,
    short_answer,
    without_articles,
)

# --- lists ----------------------------------------------------------------------------

_END_PUNCT = " .!?,;:"


def is_done(text: str, words: Words) -> bool:
    """Whether ``text`` ends a list: empty, ``/done``, ``klaar``, ``dat was het``, ``nee`` …"""
    if not isinstance(text, str) or len(text) > SHORT_LIMIT:
        return False
    folded = fold(text)
    return (not folded or folded in words.done or folded.strip(_END_PUNCT) in words.done
            or not folded.strip(_END_PUNCT + "-"))


_BULLET = re.compile(r"^(?:[-*+•·‣◦▪▸►–—>]\s*(?:\[[ xX]?\]\s*)?|\(?\d{1,3}[.)]\s+|\(\d{1,3}\)\s*"
                     r"|[a-zA-Z]\)\s+)")
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_LINKER_WORDS = (
    "maar want omdat vooral voornamelijk dus die dat waardoor zodat ook zoals bijvoorbeeld bv "
    "bijv behalve hoewel als wanneer dan en of zeker met name niet geen alleen wel but "
    "because especially mainly which who that so also like such e.g. eg except although "
    "though if when then and or not only mostly particularly i.e. ie"
)
_LINKERS = frozenset(_LINKER_WORDS.split())
"""Words that start a clause, not a new item: after a comma they mean 'not a list'."""
_FIGURE_WORDS = frozenset(("nu", "now", "momenteel", "currently", "van", "from", "naar", "tot",
                           "to", "up"))
"""After a comma, with a number in the part, they give a goal's figures ("…, nu 4 willen
10", "…, from 4 to 10"): not a new item. Without a number they may start one ("van
tevoren bestellen")."""
CLAUSE_OR_HEDGE_WORDS = _LINKERS | frozenset((
    "misschien", "maybe", "perhaps", "probably", "denk", "think", "denken", "guess", "weet",
    "know"))
"""Those, and hedges: words that start an explanation after a code, not a name."""
_COMPANY = re.compile(r"(?:\s&\s|\b(?:b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|ltd|inc|gmbh|llc|bvba)$)",
                      re.IGNORECASE)
_LAST_AND = re.compile(r"\s+(?:en|and|&)\s+", re.IGNORECASE)


def _strip_bullet(piece: str) -> str:
    for _ in range(2):
        piece = _BULLET.sub("", piece.strip(), count=1)
    return _SPACES.sub(" ", piece).strip()


def _comma_parts(line: str) -> list[str] | None:
    """The parts of a line that looks like a comma list, else ``None`` (see module doc)."""
    parts = [p.strip() for p in _COMMA.split(line)]
    parts = [p for p in parts if p]
    capitals = all(p[:1].isupper() for p in parts)  # "Meer omzet via de site, Meer vaste klanten"
    if len(parts) < 2 or any(len(p.split()) > (8 if capitals else 5) for p in parts):
        return None
    if any(re.fullmatch(r"[\d.,\s]+(?:jaar|years?|jr)?", p, re.IGNORECASE) for p in parts):
        return None
    if not capitals and any(p.split()[0].casefold() in _LINKERS for p in parts[1:]):
        return None  # (a capital after the comma starts a new item: "…, Niet in de rij")
    if any(p.split()[0].casefold() in _FIGURE_WORDS and re.search(r"\d", p)
           for p in parts[1:]):
        return None
    if len(parts) == 2 and _COMPANY.search(parts[0]) and len(parts[1].split()) == 1 \
            and parts[1][:1].isupper():
        return None
    last = _LAST_AND.split(parts[-1])
    if len(last) == 2 and all(0 < len(p.split()) <= 3 for p in last):
        parts[-1:] = last
    return parts


def parse_list(text: str, split_commas: bool | None = None) -> list[str]:
    """The items in ``text``: one per line, or separated by ``;`` or (see module doc) commas.

    Bullets (``- ``, ``* ``, ``1. ``, ``•``) are removed and empty items dropped. A line without
    separators is one item, spaces and all. ``split_commas`` forces (``True``) or forbids
    (``False``) splitting on commas; ``None`` decides per line.
    """
    items: list[str] = []
    for line in clean_text(text).split("\n"):
        for piece in line.split(";"):
            piece = _strip_bullet(piece)
            if not piece.strip("-*•.,:;_ "):
                continue
            parts = None
            if split_commas is None:
                parts = _comma_parts(piece)
            elif split_commas:
                parts = [_strip_bullet(p) for p in _COMMA.split(piece)]
            items.extend(p for p in (parts or [piece]) if p.strip("-*•.,:;_ "))
    return items


# --- short answers ---------------------------------------------------------------------


def _agreed(table: PhraseTable, folded: str, words: Words) -> int | None:
    """The one value the phrases in ``folded`` agree on, with no doubt and no stray negation."""
    found = table.find(folded)
    if not found:
        return None
    values = {v for v, _, _ in found}
    if len(values) != 1:
        return None
    doubt = [(s, e) for v, s, e in words.yes_no.find(folded) if v == 2]
    negated = [(s, e) for _, s, e in words.negations.find(folded)]
    spans = [(s, e) for _, s, e in found]
    for s, e in doubt + negated:
        if not any(fs <= s and e <= fe for fs, fe in spans) or (s, e) in doubt:
            return None
    return values.pop()


_NUMBER = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]\()[+-]?\d+(?:[.,]\d+)?(?![^\W\d_])")
"""A number standing on its own: not glued to a word, as in "alert(1)" or "mp3"."""
_FRACTION = re.compile(r"(\d+)\s*(?:/|van de|van|uit|op|out of)\s*(\d+)")
_STARS = frozenset("★⭐*☆✩✰ ")


def parse_scale(text: str, low: int, high: int, words: Words) -> int | None:
    """A whole number in ``[low, high]`` from "4", "4/5", "vier", "heel belangrijk", "★★★" …"""
    folded = short_answer(text)
    if folded is None or low > high:
        return None
    folded = folded.strip(_END_PUNCT)
    value: int | None = None
    if folded and set(folded) <= _STARS:
        value = sum(folded.count(c) for c in "★⭐*")
    elif numbers := _NUMBER.findall(folded):
        fraction = _FRACTION.search(folded)
        if len(numbers) == 1 and re.fullmatch(r"[+-]?\d+", numbers[0]):
            value = int(numbers[0])
        elif len(numbers) == 2 and fraction and int(fraction.group(2)) == high:
            value = int(fraction.group(1))
        leading = re.match(r"[+-]?\d+\b", folded) is not None  # "3 i think, not sure"
        if not leading and (any(v == 2 for v, _, _ in words.yes_no.find(folded))
                            or words.negations.find(folded)):  # "niet 4" is not a 4
            value = None
    elif folded in words.numbers:
        value = words.numbers[folded]
    elif len(folded.split()) <= SCALE_WORDS:  # "not lose client files …" is no score
        value = _agreed(words.scale, folded, words)
    return value if value is not None and low <= value <= high else None


SCALE_WORDS = 5
"""An answer of more words than this is a sentence, not a scale in words ("heel erg")."""


_SIGNS = {"--": -2, "-": -1, "0": 0, "+": 1, "++": 2, "+-": 0, "-+": 0, "±": 0, "+/-": 0,
          "-/+": 0, "+/- 0": 0}


def parse_emotion(text: str, words: Words) -> int | None:
    """An emotion from -2 to +2: "-2", "+1", "--", "++", "0", "blij", "frustrated", 😀 🙁 …"""
    folded = short_answer(text)
    if folded is None:
        return None
    folded = re.sub("[\u2212\u2013\u2014]", "-", folded)
    bare = folded.strip(" .!,;")
    if bare in _SIGNS:
        return _SIGNS[bare]
    numbers = _NUMBER.findall(folded)
    if numbers:
        if len(numbers) != 1 or not re.fullmatch(r"[+-]?\d+", numbers[0]):
            return None
        if any(v == 2 for v, _, _ in words.yes_no.find(folded)):
            return None
        value = int(numbers[0])
        return value if -2 <= value <= 2 else None
    return _agreed(words.emotion, folded, words)


def parse_yes_no(text: str, words: Words) -> bool | None:
    """``True`` for ja/yes/klopt/👍 …, ``False`` for nee/no/nope …, else ``None``."""
    folded = short_answer(text)
    if folded is None:
        return None
    folded = folded.strip(_END_PUNCT.replace("?", ""))
    found = words.yes_no.find(folded)
    values = {v for v, _, _ in found}
    if values != {0} and values != {1}:
        return None
    spans = [(s, e) for _, s, e in found]
    if values == {1} and any(not any(fs <= s and e <= fe for fs, fe in spans)
                             for _, s, e in words.negations.find(folded)):
        return None
    return values == {1}


_INDEX = re.compile(r"(?:(?:optie|option|nummer|number|nr|no|keuze|choice)\.?\s*)?#?\(?(\d{1,4})"
                    r"[.)]?")


LEADING_WORD_CHARS = 6
"""A label's first word this long is distinctive enough to choose by when an answer starts
with it ("servicereis denk ik, …"); shorter ones ("voor", "taak") are too common."""


def _leading_choice(text: str, options: Sequence[tuple[str, str]], words: Words
                    ) -> str | None:
    """The option an answer starts with, as a whole word, followed by more words: its key
    ("B2C, denk ik") or a distinctive first word of its label ("servicereis denk ik, want
    …"). ``None`` when another option is named further on ("B2B en B2C")."""
    said = re.findall(r"[\w-]+", fold(text[:500]))
    names = _option_words(options)
    hits = [i for i, own in enumerate(names) if said and said[0] in own]
    if len(said) < 2 or len(hits) != 1:
        return None
    soon = " ".join(said[1:4])  # "aankoopreis, of toch niet", "servicereis niet, …"
    if words.negations.find(soon) or {"of", "or"} & set(said[1:4]):
        return None
    others = {n for i, own in enumerate(names) if i != hits[0] for n in own}
    return None if others & set(said[1:]) else options[hits[0]][0]


def _option_words(options: Sequence[tuple[str, str]]) -> list[set[str]]:
    """Per option: its number, its key and its label's first word when that is distinctive
    ("1 denk ik, brood koop je gewoon" starts with option 1)."""
    return [{str(n), fold(key), *[w for w in re.findall(r"[\w-]+", fold(label))[:1]
                                  if len(w) >= LEADING_WORD_CHARS]}
            for n, (key, label) in enumerate(options, 1)]


def _names_several(text: str, options: Sequence[tuple[str, str]]) -> bool:
    """``aankoopreis of servicereis``: the answer names more than one option."""
    words = set(re.findall(r"[\w-]+", fold(text[:500])))
    return sum(bool(own & words) for own in _option_words(options)) > 1


def parse_choice(text: str, options: Sequence[tuple[str, str]], words: Words) -> str | None:
    """The key of the option meant: its number (1-based), its key, or its label (fuzzily).

    In that order: exact key, exact label, number ("2", "optie 2"), number or ordinal word
    ("twee", "de tweede", "the last"), a unique start of a label ("see" → See-Think-Do-Care),
    then a fuzzy match that is good and clearly better than the runner-up; else ``None``.
    """
    if not options or text.rstrip().endswith("?"):
        return None  # a question back ("which one fits a bakery?") is never a choice
    folded = short_answer(text)
    if folded is None or " " in folded:
        leading = _leading_choice(text, options, words)
        if leading is not None:
            return leading
    if folded is None:
        return None
    folded = folded.strip(_END_PUNCT + "'\"")
    if not folded:
        return None
    keys = [fold(k) for k, _ in options]
    labels = [fold(lab) for _, lab in options]
    for names in (keys, labels):
        hits = [i for i, n in enumerate(names) if n == folded]
        if len(hits) == 1:
            return options[hits[0]][0]
        if hits:
            return None
    index: int | None = None
    if m := _INDEX.fullmatch(folded):
        index = int(m.group(1))
    else:
        bare = without_articles(folded, words.articles)
        index = words.ordinals.get(bare, words.numbers.get(bare))
        if index is not None and any(n.startswith(bare) for n in keys + labels):
            return None  # "vijf" when an option is called "Vijf fasen": ask again
    if index is not None:
        if index == -1:
            index = len(options)
        return options[index - 1][0] if 1 <= index <= len(options) else None
    query = _fuzz_utils().default_process(without_articles(folded, words.articles))
    if len(query) >= 3:
        starts = {i for i, n in enumerate(keys + labels)
                  if _fuzz_utils().default_process(n).startswith(query)}
        starts = {i % len(options) for i in starts}
        if len(starts) == 1:
            return options[starts.pop()][0]
    if _names_several(text, options) or (" " in folded and words.negations.find(folded)):
        return None  # "aankoopreis of servicereis", "servicereis niet": not a guess
    hit = fuzzy_one(folded, labels + keys, groups=len(options))
    return options[hit][0] if hit is not None else None
