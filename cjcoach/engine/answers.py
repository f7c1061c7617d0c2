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
  by its town ("Fiets & Zo, Utrecht", "Jansen BV, Delft"). A comma between digits ("1,5")
  never splits. When commas split, "A, B en C" / "A, B and C" also splits the last "en/and".
* Short answers (scale, emotion, yes/no, choice, date) longer than ``SHORT_LIMIT`` characters
  are not read (``None``): nobody answers "1 to 5" with a page.
* A digit wins over words ("4, want het is belangrijk" → 4); two different numbers → ``None``.
* Words that disagree ("blij maar boos"), a doubt word ("misschien", "not sure", "?") or a
  negation outside the recognised phrase ("belangrijk, niet cruciaal") → ``None``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process, utils

from cjcoach.datafile import DataFileError, load_yaml

SHORT_LIMIT = 400
"""Answers to short questions longer than this are not read."""
REFS_LIMIT = 20_000
"""Reference lists longer than this are not read (they come back as not understood)."""

# --- cleaning -------------------------------------------------------------------------

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"                  # CSI: colours, cursor moves
    r"|\x9b[0-?]*[ -/]*[@-~]"                   # the same, 8-bit
    r"|\x1b\][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"   # OSC: titles, hyperlinks
    r"|\x1b[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)?"        # DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]"                          # any other escape sequence
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_EDGES = (" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u180e"
          "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
          "\u2028\u2029\u202f\u205f\u3000"
          "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
          "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_text(text: str) -> str:
    """``text`` without terminal escapes, control characters (but ``\\n`` and ``\\t``),
    lone surrogates, and blank or zero-width characters at both ends; ``\\r\\n`` → ``\\n``.

    Emoji, right-to-left text and characters like ``| : # { } < >`` are kept as typed.
    """
    if not isinstance(text, str):
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", _ESCAPES.sub("", text))
    return unicodedata.normalize("NFC", text).strip(_EDGES)


_MODIFIERS = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")  # emoji variation and skin tone
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The form answers and words are compared in: clean, lower case, single spaces."""
    text = clean_text(text).casefold().replace("\u2019", "'").replace("\u2018", "'")
    return _SPACES.sub(" ", _MODIFIERS.sub("", text)).strip()


# --- the word lists -------------------------------------------------------------------


@dataclass(frozen=True)
class PhraseTable:
    """Phrases with the value each stands for, found in an answer longest-first."""

    values: dict[str, int] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = field(default=None, compare=False)

    @classmethod
    def build(cls, values: dict[str, int]) -> PhraseTable:
        parts = []
        for phrase in sorted((p for p in values if len(p) > 1 or not p.isalnum()),
                             key=len, reverse=True):
            before = r"(?<!\w)" if phrase[0].isalnum() or phrase[0] == "_" else ""
            after = r"(?!\w)" if phrase[-1].isalnum() or phrase[-1] == "_" else ""
            parts.append(before + re.escape(phrase) + after)
        return cls(values, re.compile("|".join(parts)) if parts else None)

    def find(self, folded: str) -> list[tuple[int, int, int]]:
        """``(value, start, end)`` of every phrase in ``folded``; one letter only as a whole."""
        if folded in self.values:
            return [(self.values[folded], 0, len(folded))]
        if self.pattern is None:
            return []
        return [(self.values[m.group()], m.start(), m.end())
                for m in self.pattern.finditer(folded)]


@dataclass(frozen=True)
class Words:
    """The words of one language that answers are read with (``prompts/<lang>/words.yaml``)."""

    lang: str
    scale: PhraseTable
    numbers: dict[str, int]
    ordinals: dict[str, int]
    emotion: PhraseTable
    yes_no: PhraseTable
    """Value 1 yes, 0 no, 2 unsure."""
    negations: PhraseTable
    done: frozenset[str]
    months: dict[str, int]
    rel_before: tuple[str, ...]
    rel_after: tuple[str, ...]
    rel_one: tuple[str, ...]
    rel_units: dict[str, str]
    rel_fixed: dict[str, dict[str, int]]
    articles: tuple[str, ...]
    conjunctions: tuple[str, ...]


_KEYS = {"scale", "numbers", "ordinals", "emotion", "yes", "no", "unsure", "negations", "done",
         "months", "relative_dates", "articles", "conjunctions"}
_UNITS = ("days", "weeks", "months", "years")


class _Reader:
    """Reads the YAML node tree (raw text, with line numbers) into plain values."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: yaml.Node, what: str) -> DataFileError:
        return DataFileError(f"{self.path}, line {node.start_mark.line + 1}: {what}")

    def mapping(self, node: yaml.Node, where: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{where} should be a list of 'key: value' lines")
        out: list[tuple[str, yaml.Node, yaml.Node]] = []
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise self.fail(key, f"a key in {where} should be a plain word")
            out.append((key.value.strip(), key, value))
        return out

    def words(self, node: yaml.Node, where: str) -> list[str]:
        if isinstance(node, yaml.ScalarNode):
            items = [node] if node.value.strip() else []
        elif isinstance(node, yaml.SequenceNode):
            items = node.value
        else:
            raise self.fail(node, f"{where} should be a list like [word, other word]")
        out = []
        for item in items:
            if not isinstance(item, yaml.ScalarNode) or not fold(item.value):
                raise self.fail(item, f"{where} holds something that is not a word")
            out.append(fold(item.value))
        return out

    def number(self, text: str, node: yaml.Node, where: str, low: int, high: int) -> int:
        try:
            value = int(text.replace("+", ""))
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise self.fail(node, f"{where}: '{text}' should be a whole number {low}..{high}")
        return value

    def table(self, node: yaml.Node, where: str, low: int, high: int) -> dict[str, int]:
        out: dict[str, int] = {}
        for key, key_node, value in self.mapping(node, where):
            number = self.number(key, key_node, where, low, high)
            for word in self.words(value, f"{where} {key}"):
                if out.get(word, number) != number:
                    raise self.fail(value, f"'{word}' is in {where} twice, with "
                                           f"{out[word]} and {number}")
                out[word] = number
        return out

    def numbered(self, node: yaml.Node, where: str, low: int, high: int) -> dict[str, int]:
        return {fold(k): self.number(v.value if isinstance(v, yaml.ScalarNode) else "",
                                     v, f"{where} {k}", low, high)
                for k, _, v in self.mapping(node, where)}


def load_words(folder: Path, lang: str) -> Words:
    """The words of ``lang`` from ``folder/<lang>/words.yaml``, or the bundled file when
    ``folder`` has none. A broken file raises :class:`DataFileError` naming file and line."""
    path = Path(folder) / lang / "words.yaml"
    if not path.is_file():
        from cjcoach.resources import prompts_dir

        path = prompts_dir() / lang / "words.yaml"
    load_yaml(path)  # the clear message for a missing or unreadable file, or bad YAML
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:  # pragma: no cover
        raise DataFileError(f"{path}: cannot be read ({exc})") from None
    r = _Reader(path)
    if root is None:
        raise DataFileError(f"{path}: the file is empty")
    sections: dict[str, yaml.Node] = {}
    for key, key_node, value in r.mapping(root, "the file"):
        if key not in _KEYS:
            raise r.fail(key_node, f"unknown section '{key}' (known: {', '.join(sorted(_KEYS))})")
        sections[key] = value
    empty = yaml.SequenceNode("tag:yaml.org,2002:seq", [])

    def words(key: str) -> list[str]:
        return r.words(sections[key], key) if key in sections else []

    def table(key: str, low: int, high: int) -> dict[str, int]:
        if key not in sections:
            return {}
        return r.table(sections[key], key, low, high)

    yes_no = {w: 2 for w in words("unsure")}
    yes_no.update({w: 0 for w in words("no")})
    yes_no.update({w: 1 for w in words("yes")})
    rel = dict((k, v) for k, _, v in r.mapping(sections["relative_dates"], "relative_dates")) \
        if "relative_dates" in sections else {}
    units: dict[str, str] = {}
    if "units" in rel:
        for unit, unit_node, value in r.mapping(rel["units"], "relative_dates units"):
            if unit not in _UNITS:
                raise r.fail(unit_node, f"unit '{unit}' should be one of {', '.join(_UNITS)}")
            units.update({w: unit for w in r.words(value, f"units {unit}")})
    fixed: dict[str, dict[str, int]] = {}
    if "fixed" in rel:
        for phrase, _, value in r.mapping(rel["fixed"], "relative_dates fixed"):
            delta = {}
            for unit, unit_node, amount in r.mapping(value, f"fixed '{phrase}'"):
                if unit not in _UNITS:
                    raise r.fail(unit_node, f"unit '{unit}' should be one of {', '.join(_UNITS)}")
                text = amount.value if isinstance(amount, yaml.ScalarNode) else ""
                delta[unit] = r.number(text, amount, f"fixed '{phrase}'", 0, 1200)
            fixed[fold(phrase)] = delta
    months: dict[str, int] = table("months", 1, 12)
    return Words(
        lang=lang,
        scale=PhraseTable.build(table("scale", 1, 5)),
        numbers=r.numbered(sections["numbers"], "numbers", 0, 1000) if "numbers" in sections
        else {},
        ordinals=r.numbered(sections["ordinals"], "ordinals", -1, 100) if "ordinals" in sections
        else {},
        emotion=PhraseTable.build(table("emotion", -2, 2)),
        yes_no=PhraseTable.build(yes_no),
        negations=PhraseTable.build({w: 1 for w in words("negations")}),
        done=frozenset(words("done")),
        months=months,
        rel_before=tuple(r.words(rel.get("before_number", empty), "before_number")),
        rel_after=tuple(r.words(rel.get("after_number", empty), "after_number")),
        rel_one=tuple(r.words(rel.get("one", empty), "one")),
        rel_units=units,
        rel_fixed=fixed,
        articles=tuple(words("articles")),
        conjunctions=tuple(words("conjunctions")),
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
    if len(parts) < 2 or any(len(p.split()) > 5 for p in parts):
        return None
    if any(re.fullmatch(r"[\d.,\s]+(?:jaar|years?|jr)?", p, re.IGNORECASE) for p in parts):
        return None
    if any(p.split()[0].casefold() in _LINKERS for p in parts[1:]):
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


def _short(text: str) -> str | None:
    if not isinstance(text, str) or len(text) > SHORT_LIMIT:
        return None
    folded = fold(text)
    return folded if len(folded) <= SHORT_LIMIT else None


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


_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_FRACTION = re.compile(r"(\d+)\s*(?:/|van de|van|uit|op|out of)\s*(\d+)")
_STARS = frozenset("★⭐*☆✩✰ ")


def parse_scale(text: str, low: int, high: int, words: Words) -> int | None:
    """A whole number in ``[low, high]`` from "4", "4/5", "vier", "heel belangrijk", "★★★" …"""
    folded = _short(text)
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
        if any(v == 2 for v, _, _ in words.yes_no.find(folded)):
            value = None
    elif folded in words.numbers:
        value = words.numbers[folded]
    else:
        value = _agreed(words.scale, folded, words)
    return value if value is not None and low <= value <= high else None


_SIGNS = {"--": -2, "-": -1, "0": 0, "+": 1, "++": 2, "+-": 0, "-+": 0, "±": 0, "+/-": 0,
          "-/+": 0, "+/- 0": 0}


def parse_emotion(text: str, words: Words) -> int | None:
    """An emotion from -2 to +2: "-2", "+1", "--", "++", "0", "blij", "frustrated", 😀 🙁 …"""
    folded = _short(text)
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
    folded = _short(text)
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


def _without_articles(folded: str, articles: Sequence[str]) -> str:
    for _ in range(2):
        head, _sep, rest = folded.partition(" ")
        if rest and head in articles:
            folded = rest
    return folded


def _fuzzy_one(query: str, names: Sequence[str], cutoff: float = 80, margin: float = 10,
               groups: int = 0) -> int | None:
    """The index of the one name ``query`` clearly means, by rapidfuzz, or ``None``.

    With ``groups`` > 0, name ``i`` belongs to thing ``i % groups`` (a label and a key of one
    option) and the index of the thing is returned.
    """
    query = utils.default_process(query)
    if len(query) < 3 or len(query) > 200:
        return None
    best: dict[int, float] = {}
    for _name, score, index in process.extract(query, [n[:200] for n in names],
                                               scorer=fuzz.WRatio,
                                               processor=utils.default_process, limit=None):
        owner = index % groups if groups else index
        best[owner] = max(best.get(owner, 0.0), score)
    ranked = sorted(best.values(), reverse=True)
    if not ranked or ranked[0] < cutoff or (len(ranked) > 1 and ranked[0] - ranked[1] < margin):
        return None
    return max(best, key=lambda i: best[i])


def parse_choice(text: str, options: Sequence[tuple[str, str]], words: Words) -> str | None:
    """The key of the option meant: its number (1-based), its key, or its label (fuzzily).

    In that order: exact key, exact label, number ("2", "optie 2"), number or ordinal word
    ("twee", "de tweede", "the last"), a unique start of a label ("see" → See-Think-Do-Care),
    then a fuzzy match that is good and clearly better than the runner-up; else ``None``.
    """
    folded = _short(text)
    if folded is None or not options:
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
        bare = _without_articles(folded, words.articles)
        index = words.ordinals.get(bare, words.numbers.get(bare))
        if index is not None and any(n.startswith(bare) for n in keys + labels):
            return None  # "vijf" when an option is called "Vijf fasen": ask again
    if index is not None:
        if index == -1:
            index = len(options)
        return options[index - 1][0] if 1 <= index <= len(options) else None
    query = utils.default_process(_without_articles(folded, words.articles))
    if len(query) >= 3:
        starts = {i for i, n in enumerate(keys + labels)
                  if utils.default_process(n).startswith(query)}
        starts = {i % len(options) for i in starts}
        if len(starts) == 1:
            return options[starts.pop()][0]
    hit = _fuzzy_one(folded, labels + keys, groups=len(options))
    return options[hit][0] if hit is not None else None


# --- references -----------------------------------------------------------------------

_ARTICLES = ("de", "het", "een", "'t", "the", "a", "an")
_CONJ = re.compile(r"\s+(?:en|and|&|\+|plus|ook|also)\s+", re.IGNORECASE)
_ID_TOKEN = re.compile(r"#?([a-z]{1,3}\d{1,6})[.,:)]?", re.IGNORECASE)


class _Refs:
    """Finds items by id ("T3", "t3", "3") or by name ("de webshop", "webshp")."""

    def __init__(self, items: Sequence[tuple[str, str]], articles: Sequence[str]) -> None:
        self.items = list(items)
        self.articles = tuple(articles)
        self.ids = {fold(i): i for i, _ in items}
        self.names = [_without_articles(fold(n), self.articles) for _, n in items]
        by_number: dict[str, list[str]] = {}
        for item_id, _ in items:
            if m := re.fullmatch(r"[^\d]*(\d+)", item_id):
                by_number.setdefault(str(int(m.group(1))), []).append(item_id)
        self.by_number = {n: ids[0] for n, ids in by_number.items() if len(ids) == 1}

    def one(self, chunk: str, fuzzy: bool = True) -> list[str] | None:
        """The ids in ``chunk`` (several when it is "T3 T5"), or ``None``."""
        folded = _without_articles(fold(chunk).strip(" .!?:'\"()[]"), self.articles)
        if not folded or len(folded) > 200:
            return None
        if folded in self.ids:
            return [self.ids[folded]]
        if folded.isdecimal() and str(int(folded)) in self.by_number:
            return [self.by_number[str(int(folded))]]
        tokens = folded.split()
        matched = [_ID_TOKEN.fullmatch(t) for t in tokens]
        if all(m and fold(m.group(1)) in self.ids for m in matched):
            return [self.ids[fold(m.group(1))] for m in matched if m]
        hits = [i for i, n in enumerate(self.names) if n == folded]
        if len(hits) == 1:
            return [self.items[hits[0]][0]]
        first = matched[0] if matched else None
        if first and fold(first.group(1)) in self.ids and len(tokens) > 1:
            item_id = self.ids[fold(first.group(1))]  # "T3 (webshop)": the id, if the name fits
            rest = _without_articles(" ".join(tokens[1:]).strip(" -:()"), self.articles)
            name = self.names[[i for i, _ in self.items].index(item_id)]
            return [item_id] if fuzz.WRatio(rest, name, processor=utils.default_process) >= 70 \
                else None
        hit = _fuzzy_one(folded, self.names, cutoff=85) if fuzzy and not hits else None
        return [self.items[hit][0]] if hit is not None else None

    def all(self, text: str) -> tuple[list[str], list[str]]:
        """Every id in ``text`` in order (repeats kept) and the parts not understood."""
        found: list[str] = []
        unknown: list[str] = []
        for chunk in re.split(r"[,;\n]+", clean_text(text)):
            chunk = _SPACES.sub(" ", chunk).strip(" .!?:'\"")
            if not chunk:
                continue
            parts = [p.strip(" .!?:'\"") for p in _CONJ.split(chunk)]
            ids = self.one(chunk, fuzzy=len(parts) == 1)
            if ids is not None:  # the whole chunk, exactly ("Zoeken en vergelijken")
                found.extend(ids)
                continue
            resolved = [self.one(p) if p else [] for p in parts]
            if len(parts) > 1 and None in resolved and (ids := self.one(chunk)) is not None:
                found.extend(ids)  # the whole chunk fuzzily beats a half-understood split
                continue
            for part, ids in zip(parts, resolved, strict=True):
                if ids is None:
                    unknown.append(part)
                else:
                    found.extend(ids)
        return found, unknown


def resolve_refs(text: str, items: Sequence[tuple[str, str]],
                 words: Words | None = None) -> tuple[list[str], list[str]]:
    """The ids of the ``(id, name)`` items that ``text`` mentions, and the parts not understood.

    Parts are separated by commas, ``;``, new lines, and "en/and/&". A part is an id
    (case-insensitive, "t3"; a bare "3" when exactly one id ends in 3), several ids ("T3 T5"),
    or a name: exact, or fuzzily when clearly the best. Articles (de/het/een/the/a) are ignored.
    Each id is given once, in the order first mentioned.
    """
    if not isinstance(text, str):
        return [], []
    if len(text) > REFS_LIMIT:
        return [], [clean_text(text[:80]) + "…"]
    articles = words.articles + _ARTICLES if words else _ARTICLES
    found, unknown = _Refs(items, articles).all(text)
    return list(dict.fromkeys(found)), unknown


# --- dates ----------------------------------------------------------------------------


def _shift(today: date, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0
           ) -> date | None:
    try:
        total = today.year * 12 + today.month - 1 + months + 12 * years
        year, month = divmod(total, 12)
        day = min(today.day, calendar.monthrange(year, month + 1)[1])
        return date.fromordinal(date(year, month + 1, day).toordinal() + days + 7 * weeks)
    except (ValueError, OverflowError):
        return None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def parse_date(text: str, today: date, words: Words) -> date | None:
    """A date from "2027-11-24", "24-11-2027", "24 november 2027", "nov 2027" (the 1st),
    "over 6 maanden", "in a year", "volgend jaar" … Day before month ("05/06/2027" is 5 June).
    A day and month without a year is the next such day. Past dates are returned as well."""
    folded = _short(text)
    if folded is None:
        return None
    folded = folded.strip(" .!?").replace(",", " ")
    folded = _SPACES.sub(" ", folded).strip()
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?", folded):
        return _make(int(m[1]), int(m[2]), int(m[3] or 1))
    if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", folded):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _make(year, int(m[2]), int(m[1]))
    if folded in words.rel_fixed:
        return _shift(today, **words.rel_fixed[folded])
    month_names = "|".join(re.escape(n) for n in sorted(words.months, key=len, reverse=True))
    if month_names:
        month = rf"(?P<m>{month_names})\.?"
        day = r"(?P<d>\d{1,2})(?:st|nd|rd|th|e|ste|de)?\.?"
        year_ = r"(?P<y>\d{4})"
        for pattern in (rf"{day} {month}(?: {year_})?", rf"{month} {day}(?: {year_})?",
                        rf"{month} {year_}", month):
            if m := re.fullmatch(pattern, folded):
                parts = m.groupdict()
                number = words.months[parts["m"]]
                found = _make(int(parts.get("y") or today.year), number, int(parts.get("d") or 1))
                if found and not parts.get("y") and found < today:
                    found = _make(today.year + 1, number, found.day)
                return found
    return _relative(folded, today, words)


def _relative(folded: str, today: date, words: Words) -> date | None:
    amount = r"(?P<n>\d{1,4}|" + "|".join(re.escape(w) for w in (*words.numbers, *words.rel_one)
                                           if w) + ")"
    units = "|".join(re.escape(u) for u in sorted(words.rel_units, key=len, reverse=True))
    if not units:
        return None
    before = "|".join(re.escape(w) for w in words.rel_before) or "(?!)"
    after = "|".join(re.escape(w) for w in words.rel_after) or "(?!)"
    for pattern in (rf"(?:{before}) {amount} (?P<u>{units})",
                    rf"{amount} (?P<u>{units}) (?:{after})"):
        if m := re.fullmatch(pattern, folded):
            n = m["n"]
            count = int(n) if n.isdecimal() else 1 if n in words.rel_one else words.numbers[n]
            return _shift(today, **{words.rel_units[m["u"]]: count})
    return None


# --- rows and votes --------------------------------------------------------------------

_RULE_CELL = re.compile(r":?-{2,}:?")


def parse_row(text: str, columns: int) -> list[str] | None:
    """Exactly ``columns`` cells from one table-like line ("Google | online | 4 | marketing").

    Cells are separated by ``|`` (a Markdown row's outer bars are fine), else a tab, else ``;``,
    else a comma. Missing trailing cells are ``''``. ``None`` for a line without separators,
    more cells than ``columns``, several lines, or a Markdown rule row (``|---|---|``).
    """
    if not isinstance(text, str) or columns < 1 or len(text) > 100_000:
        return None
    line = clean_text(text)
    if "\n" in line:
        return None
    if line.startswith("|") and line.endswith("|") and len(line) > 1:
        line = line[1:-1]
    sep = next((s for s in ("|", "\t", ";", ",") if s in line), None)
    if sep is None:
        return None
    cells = [_SPACES.sub(" ", c).strip() for c in line.split(sep)]
    if len(cells) > columns or not any(cells) or all(_RULE_CELL.fullmatch(c) for c in cells):
        return None
    return cells + [""] * (columns - len(cells))


_TIMES = re.compile(r"(?:(\d{1,3})\s*[x×*]\s*(.+)|(.+?)\s*[x×*]\s*(\d{1,3})|(.+?)\s*\((\d{1,3})\))")


def parse_votes(text: str, names: Sequence[str], items: Sequence[tuple[str, str]]
                ) -> dict[str, dict[str, int]] | None:
    """Dot votes per item: ``{item id: {participant: dots}}``, from lines like
    ``Anna: I1 I1 I3; Bram: I2`` (also ``Anna: 2x I1, de chatbot``, ``I1 x2``, ``I1 (2)``).

    Each person is separated by ``;`` or a new line; a line without "name:" is allowed only
    when there is one participant. Names match the participants (case-insensitive, or a clear
    fuzzy match); with no participants known, the name is kept as typed. Anything not
    understood (a name, an item) gives ``None``: the engine asks again.
    """
    if not isinstance(text, str) or len(text) > REFS_LIMIT:
        return None
    refs = _Refs(items, _ARTICLES)
    votes: dict[str, dict[str, int]] = {}
    for segment in re.split(r"[;\n]+", clean_text(text)):
        segment = _SPACES.sub(" ", segment).strip()
        if not segment:
            continue
        who, colon, what = segment.partition(":")
        if not colon:
            if len(names) != 1:
                return None
            who, what = names[0], segment
        person = _person(who.strip(), names)
        if person is None:
            return None
        for chunk in what.split(","):
            counted = _counted(chunk, refs)
            if counted is None:  # "I1 en I3": each part on its own
                parts = [_counted(p, refs) for p in _CONJ.split(chunk)]
                if None in parts:
                    return None
                counted = [pair for part in parts if part for pair in part]
            for item_id, count in counted:
                row = votes.setdefault(item_id, {})
                row[person] = row.get(person, 0) + count
    return votes or None


def _counted(chunk: str, refs: _Refs) -> list[tuple[str, int]] | None:
    """``[(id, dots)]`` for one vote chunk ("I1", "2x I1", "I1 x2", "de chatbot (2)")."""
    chunk = chunk.strip(" .")
    if not chunk:
        return []
    if len(chunk) > 200:
        return None
    count = 1
    if m := _TIMES.fullmatch(chunk):
        count, chunk = int(m[1] or m[4] or m[6]), (m[2] or m[3] or m[5])
    ids = refs.one(chunk)
    if ids is None or count < 1:
        return None
    return [(item_id, count) for item_id in ids]


def _person(typed: str, names: Sequence[str]) -> str | None:
    if not names:
        return _SPACES.sub(" ", typed) if 0 < len(typed) <= 100 else None
    exact = [n for n in names if fold(n) == fold(typed)]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    hit = _fuzzy_one(typed, list(names), cutoff=85)
    return names[hit] if hit is not None else None

