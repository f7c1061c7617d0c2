"""The rows of the report's long tables and lists, escaped once, before the template runs.

A report has one journey-table row, one Mermaid task and one or two moment rows per
touchpoint; with thousands of touchpoints, a filter call per field inside the template
loop is most of the time a report takes. So those rows are made here, each field passed
through the filter for its place (:func:`filters.cell` for a table cell,
:func:`filters.mermaid` for a Mermaid name): the same filters a template uses, applied
to a whole column at once.

A row is a plain tuple, put together by ``zip`` from the escaped columns, and a template
unpacks it: ``{% for t, phase, id, name, channel, importance, owner, emotion in
pv.journey_rows %}``. (A tuple with names costs four times as much to make, and a report
of a thousand touchpoints makes three thousand rows.) The fields of each kind of row, in
order, are listed with :data:`JourneyRow`, :data:`MomentRow` and :data:`MermaidTask`; a
trainer who adds a column writes ``{{ t.role | cell }}`` like anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any, cast

from cjcoach.report.columns import cells, mermaids, mermaids_of_lines
from cjcoach.report.filters import Safe, cell, mermaid

if TYPE_CHECKING:
    from cjcoach.model import Moment, Touchpoint

EMPTY = Safe("")
MERMAID_ACTOR = 24
"""Longest persona or owner name in a Mermaid task; the full name is in the table."""

_NAME, _OWNER = attrgetter("name"), attrgetter("owner")
_CHANNEL, _IMPORTANCE, _EMOTION = (attrgetter("channel"), attrgetter("importance"),
                                   attrgetter("emotion"))
_TEXT, _TEAMS = attrgetter("text"), attrgetter("teams")


def symbol(labels: dict[str, Any], value: Any, kind: str) -> str:
    """The symbol for a score (``symbols.emotion["-2"]`` in labels.yaml), or the unscored mark."""
    symbols = labels.get("symbols") or {}
    if value is None:
        return str(symbols.get("unscored", ""))
    return str((symbols.get(kind) or {}).get(str(value), value))


JourneyRow = tuple["Touchpoint", Safe, Safe, Safe, Safe, Safe, Safe, Safe]
"""One row of a persona's journey table: ``t, phase, id, name, channel, importance, owner,
emotion``; every field but the touchpoint ``t`` escaped for a table cell, ``phase`` the
phase's name on the first row of each phase, else empty."""


def _looked_up(known: dict[Any, Safe], values: list[Any], escape: Callable[[Any], Safe]
               ) -> list[Safe]:
    """``known.get(v)`` for each value, and ``escape(v)`` for the few it does not hold."""
    found = list(map(known.get, values))
    if None in found:
        return [f if f is not None else escape(v) for f, v in zip(found, values, strict=True)]
    return cast("list[Safe]", found)


class JourneyRows:
    """Makes journey-table rows; the few labels and symbols a row can show are escaped once."""

    def __init__(self, labels: dict[str, Any]) -> None:
        channels = labels.get("channels") or {}
        self._channels: dict[Any, Safe] = {key: cell(text) for key, text in channels.items()}
        self._channels.update({"": EMPTY, None: EMPTY})  # no channel: an empty cell
        self._importance = {v: cell(symbol(labels, v, "importance")) for v in (None, 1, 2, 3, 4, 5)}
        self._emotion = {v: cell(symbol(labels, v, "emotion")) for v in (None, -2, -1, 0, 1, 2)}
        self._labels = labels

    def _channel(self, value: Any) -> Safe:
        return cell(value) if value else EMPTY

    def _symbol(self, kind: str) -> Callable[[Any], Safe]:
        return lambda value: cell(symbol(self._labels, value, kind))

    def rows(self, journey: list[Touchpoint], phases: list[Safe], ids: list[Safe],
             names: list[Safe]) -> list[JourneyRow]:
        """The rows of a journey; ``phases[i]`` is the phase's name (escaped) on its first
        row, else empty; ``ids`` and ``names`` are the touchpoints' ids and names escaped
        for a cell. Every other field is escaped here, a column at a time."""
        return list(zip(
            journey, phases, ids, names,
            _looked_up(self._channels, list(map(_CHANNEL, journey)), self._channel),
            _looked_up(self._importance, list(map(_IMPORTANCE, journey)),
                       self._symbol("importance")),
            cells(list(map(_OWNER, journey))),
            _looked_up(self._emotion, list(map(_EMOTION, journey)), self._symbol("emotion")),
            strict=True))


MomentRow = tuple["Moment", "Touchpoint", Safe, Safe, Safe, Safe]
"""One row of the pain-point or happy-moment table: ``m, t, persona, touchpoint, text,
teams``; every field but the moment ``m`` and its touchpoint ``t`` escaped for a table
cell, ``touchpoint`` its id and name (``T3 Card payment``), ``teams`` the teams who can act
on it, joined with commas."""


def touchpoint_labels(journey: list[Touchpoint], ids: list[Safe], names: list[Safe]
                      ) -> list[Safe]:
    """``cell(f"{t.id} {t.name}")`` for each touchpoint, from its id and name escaped for a
    cell: no escaping rule reaches across a space, so when both are there it is the two
    joined (a test checks it)."""
    # " ".join, not str.format: formatting a str subclass (Safe) takes a slow path
    labels = list(map(Safe, map(" ".join, zip(ids, names, strict=True))))
    if EMPTY in ids or EMPTY in names:
        labels = [label if i and n else cell(f"{t.id} {t.name}")
                  for label, i, n, t in zip(labels, ids, names, journey, strict=True)]
    return labels


Moments = list[tuple["Moment", "Touchpoint", int]]
"""Each moment with its touchpoint and that touchpoint's place in the journey."""


def moment_rows(moments: Moments, persona: Safe, labels: list[Safe]) -> list[MomentRow]:
    """The rows of a persona's pain points (or happy moments); ``labels[i]`` names the
    touchpoint at place ``i`` of the journey (:func:`touchpoint_labels`)."""
    if not moments:
        return []
    ms, ts, places = zip(*moments, strict=True)
    return list(zip(ms, ts, repeat(persona), map(labels.__getitem__, places),
                    cells(list(map(_TEXT, ms))), cells(list(map(", ".join, map(_TEAMS, ms))))))


MermaidTask = tuple["Touchpoint", Safe, int, Safe]
"""One task line of a Mermaid ``journey``: ``t, name, score, actors``; ``name`` and
``actors`` (the persona, and the touchpoint's owner when it has one, joined with commas)
escaped with :func:`filters.mermaid`, ``score`` the emotion on Mermaid's 1..5 scale."""


@dataclass(slots=True)
class MermaidSection:
    """A phase that has scored touchpoints: its escaped name and its tasks."""

    label: Safe
    tasks: list[MermaidTask]


def mermaid_sections(persona_name: str, phases: list[tuple[str, list[Touchpoint]]],
                     names: list[str]) -> list[MermaidSection]:
    """The sections of a persona's Mermaid journey, from its phases (label, touchpoints in
    journey order) and the touchpoints' names in that order as :func:`filters.code_lines`
    gives them; a touchpoint without a score is left out, and so is a phase without any."""
    persona = mermaid(persona_name, MERMAID_ACTOR)
    every: list[Touchpoint] = []
    shown: list[str] = []
    sizes: list[tuple[str, int]] = []
    place = 0
    for label, tps in phases:
        count = len(every)
        for t in tps:
            if t.emotion is not None and t.emotion + 3:
                every.append(t)
                shown.append(names[place])
            place += 1
        if len(every) > count:
            sizes.append((label, len(every) - count))
    owners = sorted({o for o in map(_OWNER, every) if o})
    actors = {owner: Safe(f"{persona}, {who}")
              for owner, who in zip(owners, mermaids(owners, MERMAID_ACTOR), strict=True)}
    tasks = list(zip(every, mermaids_of_lines(shown), [(t.emotion or 0) + 3 for t in every],
                     map(actors.get, map(_OWNER, every), repeat(persona)), strict=True))
    sections = []
    start = 0
    for label, size in sizes:
        sections.append(MermaidSection(mermaid(label, after_keyword=True),
                                       tasks[start:start + size]))
        start += size
    return sections
