"""The rows of the report's long tables and lists, escaped once, before the template runs.

A report has one journey-table row, one Mermaid task and one or two moment rows per
touchpoint; with thousands of touchpoints, a filter call per field inside the template
loop is most of the time a report takes. So those rows are made here, each field passed
through the filter for its place (:func:`filters.cell` for a table cell,
:func:`filters.mermaid` for a Mermaid name): the same filters a template uses, applied
in Python. A template then prints ``{{ row.name }}`` and gets the escaped text, and a
trainer who adds a column writes ``{{ row.t.role | cell }}`` like anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cjcoach.report.filters import Safe, cell, cells, mermaid, mermaids

if TYPE_CHECKING:
    from cjcoach.model import Moment, Touchpoint
    from cjcoach.report.view import PhaseView

EMPTY = Safe("")
MERMAID_ACTOR = 24
"""Longest persona or owner name in a Mermaid task; the full name is in the table."""


def symbol(labels: dict[str, Any], value: Any, kind: str) -> str:
    """The symbol for a score (``symbols.emotion["-2"]`` in labels.yaml), or the unscored mark."""
    symbols = labels.get("symbols") or {}
    if value is None:
        return str(symbols.get("unscored", ""))
    return str((symbols.get(kind) or {}).get(str(value), value))


@dataclass(slots=True)
class JourneyRow:
    """One row of a persona's journey table; every field is escaped for a table cell."""

    t: Touchpoint
    phase: Safe
    """The phase's name on the first row of each phase, else empty."""
    id: Safe
    name: Safe
    channel: Safe
    importance: Safe
    owner: Safe
    emotion: Safe


class JourneyRows:
    """Makes journey-table rows; the few labels and symbols a row can show are escaped once."""

    def __init__(self, labels: dict[str, Any]) -> None:
        channels = labels.get("channels") or {}
        self._channels = {key: cell(text) for key, text in channels.items()}
        self._importance = {v: cell(symbol(labels, v, "importance")) for v in (None, 1, 2, 3, 4, 5)}
        self._emotion = {v: cell(symbol(labels, v, "emotion")) for v in (None, -2, -1, 0, 1, 2)}
        self._labels = labels

    def _symbol(self, known: dict[Any, Safe], value: Any, kind: str) -> Safe:
        found = known.get(value)
        return found if found is not None else cell(symbol(self._labels, value, kind))

    def rows(self, journey: list[Touchpoint], phases: list[str | None]) -> list[JourneyRow]:
        """The rows of a journey; ``phases[i]`` is the phase's name on its first row, else None.

        Names, ids and owners are escaped a column at a time (:func:`filters.cells`)."""
        channels, importance, emotion = self._channels, self._importance, self._emotion
        out = []
        for t, phase, id_, name, owner in zip(
                journey, phases, cells([t.id for t in journey]), cells([t.name for t in journey]),
                cells([t.owner for t in journey]), strict=True):
            channel = channels.get(t.channel) if t.channel else EMPTY
            imp = importance.get(t.importance)
            emo = emotion.get(t.emotion)
            out.append(JourneyRow(
                t, cell(phase) if phase else EMPTY, id_, name,
                channel if channel is not None else cell(t.channel),
                imp if imp is not None else self._symbol(importance, t.importance, "importance"),
                owner,
                emo if emo is not None else self._symbol(emotion, t.emotion, "emotion")))
        return out


@dataclass(slots=True)
class MomentRow:
    """One row of the pain-point or happy-moment table, every field escaped for a cell."""

    m: Moment
    t: Touchpoint
    persona: Safe
    touchpoint: Safe
    """The touchpoint's id and name (``T3 Card payment``)."""
    text: Safe
    teams: Safe
    """The teams who can act on it, joined with commas."""


def _label(row: JourneyRow) -> Safe:
    """``cell(f"{t.id} {t.name}")``: no escaping rule reaches across a space, so when both
    halves are there it is the two cells of the journey row joined (a test checks it)."""
    if row.id and row.name:
        return Safe(f"{row.id} {row.name}")
    return cell(f"{row.t.id} {row.t.name}")


Moments = list[tuple["Moment", "Touchpoint"]]


def moment_rows(pains: Moments, happies: Moments, persona: Safe, journey: list[JourneyRow]
                ) -> tuple[list[MomentRow], list[MomentRow]]:
    """The rows of a persona's pain points and happy moments, each with its touchpoint
    (named as in its ``journey`` row)."""
    labels = {id(row.t): _label(row) for row in journey
              if row.t.pain_points or row.t.happy_moments}

    def made(moments: Moments) -> list[MomentRow]:
        if not moments:
            return []
        texts = cells([m.text for m, _ in moments])
        teams = cells([", ".join(m.teams) for m, _ in moments])
        return [MomentRow(m, t, persona, labels[id(t)], text, team)
                for (m, t), text, team in zip(moments, texts, teams, strict=True)]

    return made(pains), made(happies)


@dataclass(slots=True)
class MermaidTask:
    """One task line of a Mermaid ``journey``: every name escaped with :func:`mermaid`."""

    t: Touchpoint
    name: Safe
    score: int
    """The emotion on Mermaid's 1..5 scale."""
    actors: Safe
    """The persona, and the touchpoint's owner when it has one, joined with commas."""


@dataclass(slots=True)
class MermaidSection:
    """A phase that has scored touchpoints: its escaped name and its tasks."""

    label: Safe
    tasks: list[MermaidTask]


def mermaid_sections(persona_name: str, phases: list[PhaseView]) -> list[MermaidSection]:
    """The sections of a persona's Mermaid journey; phases with no scored touchpoint left out."""
    persona = mermaid(persona_name, MERMAID_ACTOR)
    scored = [[tv for tv in phase.touchpoints if tv.score] for phase in phases]
    names = iter(mermaids([tv.t.name for tvs in scored for tv in tvs]))
    owners = sorted({tv.t.owner for tvs in scored for tv in tvs if tv.t.owner})
    actors = {owner: Safe(f"{persona}, {who}")
              for owner, who in zip(owners, mermaids(owners, MERMAID_ACTOR), strict=True)}
    sections = []
    for phase, tvs in zip(phases, scored, strict=True):
        if tvs:
            sections.append(MermaidSection(mermaid(phase.label), [
                MermaidTask(tv.t, next(names), tv.score or 0, actors.get(tv.t.owner, persona))
                for tv in tvs]))
    return sections
