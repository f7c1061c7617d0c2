"""What the report templates see: the workshop, plus the few things worth computing once.

The templates get the model objects themselves (``w``, ``persona``, ``touchpoint``) and
these small views around them: a persona's journey grouped by phase, its worst and best
moment, the ranked ideas with their value, priority and quadrant. Escaping is the
filters' job (``filters.py``); the only escaped text here is the rows of the long tables
(``rows.py``), made with those same filters. Everything is built in one pass over the
touchpoints, so a workshop with thousands of them stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import groupby, repeat
from operator import attrgetter
from typing import Any, NamedTuple

from cjcoach.model import SEVEN_S, Idea, Persona, Touchpoint, Workshop
from cjcoach.report import rows
from cjcoach.report.columns import cells, cells_of_lines, code_lines
from cjcoach.report.filters import cell

HIGH = 3
"""Value or effort above this middle of the 1–5 scale counts as high on the grid."""


@dataclass(slots=True)
class TouchpointView:
    t: Touchpoint
    phase: str
    first_in_phase: bool
    goal: str
    score: int | None
    """The emotion on Mermaid's 1..5 scale (−2 → 1 … +2 → 5), or None."""


@dataclass
class PhaseView:
    key: str
    label: str
    touchpoints: list[TouchpointView]


class PhaseRun(NamedTuple):
    """A phase's stretch of a persona's journey: ``journey[start:end]``."""

    key: str
    label: str
    start: int
    end: int


@dataclass
class MomentView:
    touchpoint: Touchpoint
    text: str
    teams: list[str]
    id: str


@dataclass
class PersonaView:
    """A persona's journey. ``journey`` and ``runs`` are what the report itself reads;
    ``touchpoints`` and ``phases`` (a view per touchpoint) are made when a template asks."""

    p: Persona
    journey: list[Touchpoint]
    """The touchpoints in journey order: by phase, then by ``order``."""
    runs: list[PhaseRun]
    worst: Touchpoint | None
    best: Touchpoint | None
    journey_rows: list[rows.JourneyRow] = field(default_factory=list)
    """The journey table, one escaped row per touchpoint."""
    pain_rows: list[rows.MomentRow] = field(default_factory=list)
    happy_rows: list[rows.MomentRow] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict, repr=False)
    """The business goals' texts by id, for :attr:`TouchpointView.goal`."""
    code_ids: list[str] = field(default_factory=list, repr=False)
    """The touchpoints' ids in journey order as ``filters.code_lines`` gives them."""
    code_names: list[str] = field(default_factory=list, repr=False)
    """The touchpoints' names likewise: each of the report's places escapes these."""
    roles_given: bool = False
    """Whether any touchpoint of the workshop has a role: then every journey table has the
    role column, so the tables of two personas look alike."""
    worst_ties: int = 0
    """How many other touchpoints feel as bad as the worst one."""
    best_ties: int = 0
    """How many other touchpoints feel as good as the best one."""

    @property
    def has_emotions(self) -> bool:
        return self.worst is not None

    @cached_property
    def role_cells(self) -> list[Any]:
        """Each touchpoint's role in journey order, escaped for a table cell (made for the
        column at once); empty when no touchpoint of the workshop has one."""
        return cells([t.role for t in self.journey]) if self.roles_given else []

    @cached_property
    def phases(self) -> list[PhaseView]:
        """The journey phase by phase, a :class:`TouchpointView` per touchpoint."""
        goals, out = self.goals, []
        for run in self.runs:
            out.append(PhaseView(run.key, run.label, [
                TouchpointView(t, run.label, k == run.start, goals.get(t.goal, t.goal),
                               t.emotion + 3 if t.emotion is not None else None)
                for k, t in enumerate(self.journey[run.start:run.end], run.start)]))
        return out

    @cached_property
    def touchpoints(self) -> list[TouchpointView]:
        return [tv for phase in self.phases for tv in phase.touchpoints]

    @cached_property
    def pains(self) -> list[MomentView]:
        """The pain points in journey order, with their touchpoints."""
        return [MomentView(t, m.text, m.teams, m.id) for m, t, *_ in self.pain_rows]

    @cached_property
    def happies(self) -> list[MomentView]:
        return [MomentView(t, m.text, m.teams, m.id) for m, t, *_ in self.happy_rows]

    @cached_property
    def mermaid(self) -> list[rows.MermaidSection]:
        """The Mermaid journey's sections, escaped (made only when a template asks)."""
        return rows.mermaid_sections(self.p.name, [
            (run.label, self.journey[run.start:run.end]) for run in self.runs], self.code_names)


@dataclass
class IdeaView:
    i: Idea
    rank: int | None
    value: float | None
    priority: float | None
    quadrant: str
    """``quick_win``, ``big_bet``, ``fill_in``, ``money_pit``, or empty when unscored."""
    conflicts: list[str]
    flagged: bool
    """Heavy 7S conflict the team has not confirmed."""
    scores: dict[str, int | None]
    touchpoints: list[Touchpoint]


@dataclass
class GoalLink:
    business_id: str
    customer_id: str
    business: str
    customer: str
    statement: str


def quadrant(value: float | None, effort: int | None) -> str:
    if value is None or effort is None:
        return ""
    high_value, high_effort = value > HIGH, effort > HIGH
    if high_value:
        return "big_bet" if high_effort else "quick_win"
    return "money_pit" if high_effort else "fill_in"


_PHASE, _ORDER = attrgetter("phase"), attrgetter("order")
_ID, _NAME, _EMOTION = attrgetter("id"), attrgetter("name"), attrgetter("emotion")
_ROLE = attrgetter("role")


def _pick(scored: list[Touchpoint], extreme: Callable[..., Touchpoint],
          among_equals: Callable[[Touchpoint], tuple[int, int]]
          ) -> tuple[Touchpoint | None, int]:
    """The worst (``min``) or best (``max``) moment and how many others share its feeling.
    Among equals, the one with the most moments told, then the most important one; min and
    max give the first of full equals: the earliest. The tie-break runs on the equals only."""
    if not scored:
        return None, 0
    felt = extreme(scored, key=_EMOTION).emotion
    equal = [t for t in scored if t.emotion == felt]
    return extreme(equal, key=among_equals), len(equal) - 1


def _worst_key(t: Touchpoint) -> tuple[int, int]:
    """Among equally bad moments (for ``min``): the most pain points, then most important."""
    return (-len(t.pain_points), -(t.importance or 0))


def _best_key(t: Touchpoint) -> tuple[int, int]:
    """Among equally good moments (for ``max``): the most happy moments, then most important."""
    return (len(t.happy_moments), t.importance or 0)


def _in_journey_order(tps: list[Touchpoint], rank: dict[str, int]) -> list[Touchpoint]:
    """``tps`` by phase (unknown phases last), then by ``order``; ties keep their order.

    Two stable sorts on whole numbers (by order, then by phase) instead of one on pairs."""
    by_order = sorted(tps, key=_ORDER)
    ranks = list(map(rank.get, map(_PHASE, by_order), repeat(len(rank))))
    return list(map(by_order.__getitem__, sorted(range(len(tps)), key=ranks.__getitem__)))


def _runs(journey: list[Touchpoint], labels: dict[str, str]) -> list[PhaseRun]:
    """Each stretch of the journey in one phase (a phase may come back after another one
    only when neither is in the phase model)."""
    runs, start = [], 0
    for key, group in groupby(map(_PHASE, journey)):
        end = start + len(list(group))
        runs.append(PhaseRun(key, labels.get(key, key), start, end))
        start = end
    return runs


def _persona_views(w: Workshop, labels: dict[str, Any]) -> list[PersonaView]:
    by_persona: dict[str, list[Touchpoint]] = {p.id: [] for p in w.personas}
    for t in w.touchpoints:
        by_persona.setdefault(t.persona, []).append(t)
    rank = {p.key: i for i, p in enumerate(w.phases)}
    phase_labels = {p.key: p.label for p in w.phases}
    goals = {g.id: g.text for g in w.business_goals}
    views = []
    journey_rows = rows.JourneyRows(labels).rows
    roles_given = any(map(_ROLE, w.touchpoints))
    for p in w.personas:
        journey = _in_journey_order(by_persona.get(p.id, []), rank)
        runs = _runs(journey, phase_labels)
        firsts = [rows.EMPTY] * len(journey)
        for run in runs:
            firsts[run.start] = cell(run.label) if run.label else rows.EMPTY
        scored = [t for t in journey if t.emotion is not None]
        worst, worst_ties = _pick(scored, min, _worst_key)
        best, best_ties = _pick(scored, max, _best_key)
        ids = code_lines(list(map(_ID, journey)))
        names = code_lines(list(map(_NAME, journey)))
        id_cells, name_cells = cells_of_lines(ids), cells_of_lines(names)
        table = journey_rows(journey, firsts, id_cells, name_cells)
        named = rows.touchpoint_labels(journey, id_cells, name_cells)
        persona = cell(p.name)
        pains = rows.moment_rows([(m, t, k) for k, t in enumerate(journey) if t.pain_points
                                  for m in t.pain_points], persona, named)
        happies = rows.moment_rows([(m, t, k) for k, t in enumerate(journey) if t.happy_moments
                                    for m in t.happy_moments], persona, named)
        views.append(PersonaView(p, journey, runs, worst, best, table, pains, happies, goals,
                                 ids, names, roles_given, worst_ties, best_ties))
    return views


def _idea_views(w: Workshop) -> list[IdeaView]:
    tps = {t.id: t for t in w.touchpoints}
    views = []
    position = 0
    for idea in w.ranked_ideas():
        priority = idea.priority()
        if priority is not None:
            position += 1
        conflicts = idea.heavy_conflicts()
        views.append(IdeaView(
            i=idea, rank=position if priority is not None else None, value=idea.value(),
            priority=priority, quadrant=quadrant(idea.value(), idea.effort),
            conflicts=conflicts, flagged=bool(conflicts) and not idea.conflict_confirmed,
            scores={s: (idea.seven_s[s].score if s in idea.seven_s else None) for s in SEVEN_S},
            touchpoints=[tps[r] for r in idea.touchpoints if r in tps],
        ))
    return views


def _alignment(w: Workshop) -> dict[str, Any]:
    business = {g.id: g.text for g in w.business_goals}
    customer = {c.id: c.text for _, c in w.customer_goals()}
    links = [GoalLink(a.business_goal, a.customer_goal,
                      business.get(a.business_goal, a.business_goal),
                      customer.get(a.customer_goal, a.customer_goal), a.statement)
             for a in w.alignments]
    linked_b = {a.business_goal for a in w.alignments}
    linked_c = {a.customer_goal for a in w.alignments}
    return {
        "links": links,
        "unmet": [g for g in w.business_goals if g.id not in linked_b],
        "unserved": [(p, c) for p, c in w.customer_goals() if c.id not in linked_c],
    }


def number(value: float | None, decimal: str) -> str:
    """``3.5`` as the workshop's language writes it (``3,5``); whole numbers without decimals."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", decimal)


def long_date(iso: str, months: list[str]) -> str:
    """``2027-03-16`` as ``16 maart 2027``; text that is no date stays as it was typed."""
    try:
        d = date.fromisoformat(iso.strip())
    except ValueError:
        return iso
    return f"{d.day} {months[d.month - 1]} {d.year}"


def workshop_day(w: Workshop) -> date | None:
    """The last workshop date: the day the report speaks from (keeps the report reproducible)."""
    days = []
    for text in w.scene.dates:
        try:
            days.append(date.fromisoformat(text.strip()))
        except ValueError:
            continue
    return max(days) if days else None


def build(w: Workshop, labels: dict[str, Any], remarks: list[Any] | None) -> dict[str, Any]:
    """The template context for ``w``, with ``labels`` for its language."""
    personas = _persona_views(w, labels)
    ideas = _idea_views(w)
    chosen = [v for v in ideas if v.i.decision == "do"]  # ideas is in ranking order
    top = chosen or [v for v in ideas if v.rank is not None and v.i.decision != "drop"][:3]
    return {
        "w": w,
        "lang": w.language,
        "L": labels,
        "personas": personas,
        "ideas": ideas,
        "top": top,
        "top_chosen": bool(chosen),
        "actions": [v for v in ideas if v.i.decision != "drop"
                    and (v.i.decision == "do" or v.i.owner or v.i.next_step)],
        "goals": _alignment(w),
        "remarks": remarks,
        "seven_s": SEVEN_S,
    }
