"""Understanding references to earlier items, dates, table-like rows and dot votes.

Part of the answer parser (:mod:`cjcoach.engine.answers` re-exports everything here);
like every parser it never raises and returns ``None`` when it is not sure.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from cjcoach.engine.answer_words import (
    _SPACES,
    REFS_LIMIT,
    Words,
    _fuzz,
    _fuzz_utils,
    clean_text,
    fold,
    fuzzy_one,
    short_answer,
    without_articles,
)

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
        self.names = [without_articles(fold(n), self.articles) for _, n in items]
        by_number: dict[str, list[str]] = {}
        for item_id, _ in items:
            if m := re.fullmatch(r"[^\d]*(\d+)", item_id):
                by_number.setdefault(str(int(m.group(1))), []).append(item_id)
        self.by_number = {n: ids[0] for n, ids in by_number.items() if len(ids) == 1}

    def one(self, chunk: str, fuzzy: bool = True) -> list[str] | None:
        """The ids in ``chunk`` (several when it is "T3 T5"), or ``None``."""
        folded = without_articles(fold(chunk).strip(" .!?:'\"()[]"), self.articles)
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
        if first and fold(first.group(1)) in self.ids and len(tokens) > 1 \
                and not _CONJ.match(" " + tokens[1] + " "):
            item_id = self.ids[fold(first.group(1))]  # "T3 (webshop)": the id, if the name fits
            rest = without_articles(" ".join(tokens[1:]).strip(" -:()"), self.articles)
            name = self.names[[i for i, _ in self.items].index(item_id)]
            score = _fuzz().WRatio(rest, name, processor=_fuzz_utils().default_process)
            return [item_id] if score >= 70 else None
        hit = fuzzy_one(folded, self.names, cutoff=85) if fuzzy and not hits else None
        if hit is not None and len(tokens) > len(self.names[hit].split()) + 2:
            return None  # a sentence that mentions a name ("een knop op de telefoon die
            # werkt") is not a reference to it: asked again, not guessed
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
    folded = short_answer(text)
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


_MANY = r"(?:[x×*]|keer|maal|times|stippen|stip|dots?)"
_TIMES = (re.compile(rf"(\d{{1,3}})\s*{_MANY}\s+(.+)", re.IGNORECASE),     # 2x I1, 2 keer I1
          re.compile(r"(\d{1,3})\s*[x×*]\s*(.+)", re.IGNORECASE),         # 2xI1
          re.compile(r"(.+?)\s*[x×*]\s*(\d{1,3})", re.IGNORECASE),        # I1 x2
          re.compile(rf"(.+?)\s+(\d{{1,3}})\s*{_MANY}", re.IGNORECASE),  # de kassa 2x, I1 2 keer
          re.compile(r"(.+?)\s*\((\d{1,3})\)"),                        # I1 (2)
          re.compile(r"([a-z]{1,3}\d{1,6})\s+(\d{1,3})", re.IGNORECASE))  # I1 2
"""The ways a team writes "this idea gets several dots"."""


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
    for pattern in _TIMES:
        if m := pattern.fullmatch(chunk):
            first_is_count = m[1].isdigit()
            count = int(m[1] if first_is_count else m[2])
            chunk = m[2] if first_is_count else m[1]
            break
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
    hit = fuzzy_one(typed, list(names), cutoff=85)
    return names[hit] if hit is not None else None
