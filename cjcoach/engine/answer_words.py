"""The words behind the answer parser, and the text helpers every parser shares.

``prompts/<lang>/words.yaml`` holds the scale words, emotion words and emoji, yes/no,
months and the rest; :func:`load_words` reads it into :class:`Words`. :func:`clean_text`
strips what a terminal leaks into an answer. See :mod:`cjcoach.engine.answers`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
    """Phrases with the value each stands for, found in an answer longest-first.

    The search pattern is compiled on first use: a table of a few hundred phrases takes
    tens of milliseconds to compile, which start-up should not pay for.
    """

    values: dict[str, int] = field(default_factory=dict)
    source: str = field(default="", compare=False)

    @classmethod
    def build(cls, values: dict[str, int]) -> PhraseTable:
        parts = []
        for phrase in sorted((p for p in values if len(p) > 1 or not p.isalnum()),
                             key=len, reverse=True):
            before = r"(?<!\w)" if phrase[0].isalnum() or phrase[0] == "_" else ""
            after = r"(?!\w)" if phrase[-1].isalnum() or phrase[-1] == "_" else ""
            parts.append(before + re.escape(phrase) + after)
        return cls(values, "|".join(parts))

    @property
    def pattern(self) -> re.Pattern[str] | None:
        return _compiled(self.source) if self.source else None

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
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"),
                            Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        load_yaml(path)  # raises the clear message for a missing or unreadable file, bad YAML
        raise DataFileError(f"{path}: cannot be read ({exc})") from None  # pragma: no cover
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


# --- shared helpers ------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


def _fuzz():  # type: ignore[no-untyped-def]
    """rapidfuzz's scorers, imported on first use: most answers never need them."""
    from rapidfuzz import fuzz

    return fuzz


def _fuzz_process():  # type: ignore[no-untyped-def]
    from rapidfuzz import process

    return process


def _fuzz_utils():  # type: ignore[no-untyped-def]
    from rapidfuzz import utils

    return utils


def short_answer(text: str) -> str | None:
    if not isinstance(text, str) or len(text) > SHORT_LIMIT:
        return None
    folded = fold(text)
    return folded if len(folded) <= SHORT_LIMIT else None



def without_articles(folded: str, articles: Sequence[str]) -> str:
    for _ in range(2):
        head, _sep, rest = folded.partition(" ")
        if rest and head in articles:
            folded = rest
    return folded



def fuzzy_one(query: str, names: Sequence[str], cutoff: float = 80, margin: float = 10,
               groups: int = 0) -> int | None:
    """The index of the one name ``query`` clearly means, by rapidfuzz, or ``None``.

    With ``groups`` > 0, name ``i`` belongs to thing ``i % groups`` (a label and a key of one
    option) and the index of the thing is returned.
    """
    fuzz, process, utils = _fuzz(), _fuzz_process(), _fuzz_utils()
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
