"""The coach: small checks that read a workshop and say something useful about it.

Each check is a function registered with :func:`_rule` under a code (``empty_phase``), the
step it belongs to (one of ``cjcoach.engine.api.STEP_KEYS``), a severity and the
placeholders its message may use. A check yields findings: the facts (names, counts) and
the ids the remark is about. The words live in ``prompts/<lang>/coach.yaml`` so a trainer
can reword them; :func:`review` fills them in and returns :class:`Remark` objects.

Checks stay silent until there is something to say: the per-persona touchpoint checks only
look at a persona once it has touchpoints, the alignment checks only once there is
something to align. The engine decides when to ask (best: when a step is finished).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Literal

from cjcoach import coach_words
from cjcoach.coach_words import Catalog
from cjcoach.model import Idea, Persona, Touchpoint, Workshop
from cjcoach.phases import PHASE_MODELS

Severity = Literal["info", "warn"]

FEW_BEFORE_PURCHASE = 5
"""Fewer touchpoints than this before the purchase gets a remark (METHOD.md: five to eight)."""
MANY_TOUCHPOINTS = 15
"""More touchpoints than this for one persona gets a "keep the ones that matter" remark."""
REVIEW_HORIZON_DAYS = 548
"""About eighteen months: a review date further away than this is too late."""
_PURCHASE_WORDS = ("purchase", "buy", "koop", "kopen", "bestel", "order", "checkout",
                   "afreken", "beslis", "decid")


@dataclass(frozen=True)
class Remark:
    """One thing the coach says about the workshop, ready to show."""

    code: str
    """Which check spoke, e.g. ``few_touchpoints_before_purchase``."""
    step: str
    """The step (``STEP_KEYS``) the remark belongs to."""
    severity: Severity
    text: str
    """One to three plain sentences in the workshop's language, already filled in. User
    text (names, goals) is in it as typed: escape it when rendering Markdown or HTML."""
    about: tuple[str, ...] = ()
    """The ids it is about (``P1``, ``T3``, ``I2`` …), most specific first."""


@dataclass(frozen=True)
class _Finding:
    about: tuple[str, ...]
    values: dict[str, str]
    count: int | None = None


@dataclass(frozen=True)
class Rule:
    """A registered check: its code, step, severity and the placeholders its message may use."""

    code: str
    step: str
    severity: Severity
    placeholders: tuple[str, ...]
    check: Callable[[_Context], Iterator[_Finding]] = field(repr=False)


RULES: dict[str, Rule] = {}
"""Every check, in the order its remarks are given."""


def _rule(code: str, step: str, severity: Severity, *placeholders: str
          ) -> Callable[[Callable[[_Context], Iterator[_Finding]]],
                        Callable[[_Context], Iterator[_Finding]]]:
    def register(check: Callable[[_Context], Iterator[_Finding]]
                 ) -> Callable[[_Context], Iterator[_Finding]]:
        RULES[code] = Rule(code, step, severity, placeholders, check)
        return check
    return register


def _found(about: Sequence[str], count: int | None = None, **values: str) -> _Finding:
    if count is not None:
        values["count"] = str(count)
    return _Finding(tuple(about), values, count)


def _short(text: str, limit: int = 70) -> str:
    """User text on one line, cut at a word when a pasted paragraph is too long to quote."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(" ,.;:-") + "…"


@dataclass(frozen=True)
class _Context:
    w: Workshop
    catalog: Catalog
    today: date

    def join(self, items: Sequence[str], limit: int = 6, quote: bool = True) -> str:
        """``‘a’, ‘b’ and ‘c’`` in the workshop language; a long list ends in ``and 4 more``.

        Items are quoted, so a phase called "Service and use" stays one item."""
        items = [f"‘{i}’" if quote else i for i in items]
        if len(items) > limit:
            more = self.catalog.words["more"].format(count=len(items) - limit + 1)
            items = [*items[:limit - 1], more]
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.catalog.words['and']} {items[-1]}"

    @cached_property
    def _journeys(self) -> list[tuple[Persona, list[Touchpoint]]]:
        """Each persona's journey, sorted once per review (a rule never changes the workshop)."""
        return [(p, journey) for p in self.w.personas if (journey := self.w.journey(p.id))]

    @cached_property
    def few_before(self) -> tuple[list[tuple[Persona, int]], str]:
        """The personas with few touchpoints before the purchase (and how many), and the
        phases that count as "before", joined for a message: two rules ask it."""
        ordered = phases_before_purchase(self.w)
        before = set(ordered)
        if not before:
            return [], ""
        few = [(p, count) for p, journey in self.mapped()
               if (count := sum(t.phase in before for t in journey)) < FEW_BEFORE_PURCHASE]
        return few, self.join([self.w.phase_label(k) for k in ordered])

    def mapped(self) -> Iterator[tuple[Persona, list[Touchpoint]]]:
        """Each persona that has touchpoints, with its journey in order."""
        return iter(self._journeys)

    def elements(self, idea: Idea) -> str:
        return self.join([self.catalog.seven_s(s) for s in idea.heavy_conflicts()], quote=False)


def _persona(p: Persona) -> str:
    return _short(p.name, 40) or p.id


def _touchpoint(t: Touchpoint) -> str:
    return _short(t.name, 50) or t.id


def phases_before_purchase(workshop: Workshop) -> list[str]:
    """The keys of the phases that come before the purchase, in journey order.

    Built-in models say it themselves (awareness + consideration; see + think; come + look +
    choose …). For a team's own phases: those before the first phase named like a purchase
    ("kopen", "bestellen", "decide" …), else those before the middle phase.
    """
    keys = [p.key for p in workshop.phases]
    model = PHASE_MODELS.get(workshop.phase_model)
    if not keys and model is not None:
        keys = [p.key for p in model.phases]
    if model is not None:
        before = {
            "before_during_after": 1, "five_phases": 2, "b2b_four_steps": 2,
            "see_think_do_care": 2, "come_look_choose_buy_retain": 3,
        }.get(model.key, len(model.phases) // 2)
        builtin = [p.key for p in model.phases[:before]]
        if any(k in keys for k in builtin):
            return [k for k in keys if k in builtin]
    labels = [f"{p.key} {p.label}".lower() for p in workshop.phases] or keys
    for i, label in enumerate(labels[1:], start=1):
        if any(word in label for word in _PURCHASE_WORDS):
            return keys[:i]
    return keys[:len(keys) // 2]


# --- step 1: personas and goal alignment ---------------------------------------------------

@_rule("persona_without_goals", "personas", "info", "persona")
def _persona_without_goals(c: _Context) -> Iterator[_Finding]:
    for p in c.w.personas:
        if not p.goals:
            yield _found([p.id], persona=_persona(p))


@_rule("no_alignment", "alignment", "warn")
def _no_alignment(c: _Context) -> Iterator[_Finding]:
    if c.w.business_goals and c.w.customer_goals() and not c.w.alignments:
        yield _found([])


@_rule("business_goal_unmet", "alignment", "warn", "goal")
def _business_goal_unmet(c: _Context) -> Iterator[_Finding]:
    if not c.w.alignments:
        return
    used = {a.business_goal for a in c.w.alignments}
    for g in c.w.business_goals:
        if g.id not in used:
            yield _found([g.id], goal=_short(g.text) or g.id)


@_rule("customer_goal_unserved", "alignment", "warn", "persona", "goal")
def _customer_goal_unserved(c: _Context) -> Iterator[_Finding]:
    if not c.w.alignments:
        return
    used = {a.customer_goal for a in c.w.alignments}
    for p, goal in c.w.customer_goals():
        if goal.id not in used:
            yield _found([goal.id, p.id], persona=_persona(p), goal=_short(goal.text) or goal.id)


# --- step 2: touchpoints -------------------------------------------------------------------

@_rule("persona_without_touchpoints", "touchpoints", "info", "persona")
def _persona_without_touchpoints(c: _Context) -> Iterator[_Finding]:
    mapped = {p.id for p, _ in c.mapped()}
    if mapped:
        for p in c.w.personas:
            if p.id not in mapped:
                yield _found([p.id], persona=_persona(p))


@_rule("few_touchpoints_before_purchase", "touchpoints", "warn", "persona", "count", "phases")
def _few_before_purchase(c: _Context) -> Iterator[_Finding]:
    few, phases = c.few_before
    if len(few) == 1:
        [(p, count)] = few
        yield _found([p.id], count, persona=_persona(p), phases=phases)


@_rule("few_touchpoints_before_purchase_personas", "touchpoints", "warn", "personas", "phases")
def _few_before_purchase_personas(c: _Context) -> Iterator[_Finding]:
    """The same remark for several personas at once: the facts are said once, not per persona."""
    few, phases = c.few_before
    if len(few) > 1:
        named = c.join([f"{_persona(p)} ({count}×)" for p, count in few], quote=False)
        yield _found([p.id for p, _ in few], personas=named, phases=phases)


@_rule("only_online_touchpoints", "touchpoints", "info", "persona", "count")
def _only_online(c: _Context) -> Iterator[_Finding]:
    for p, journey in c.mapped():
        if all(t.channel == "online" for t in journey):
            yield _found([p.id], len(journey), persona=_persona(p))


@_rule("empty_phase", "touchpoints", "info", "persona", "count", "phases")
def _empty_phase(c: _Context) -> Iterator[_Finding]:
    for p, journey in c.mapped():
        used = {t.phase for t in journey}
        empty = [ph.label or ph.key for ph in c.w.phases if ph.key not in used]
        if empty:
            yield _found([p.id], len(empty), persona=_persona(p), phases=c.join(empty))


@_rule("too_many_touchpoints", "touchpoints", "info", "persona", "count")
def _too_many(c: _Context) -> Iterator[_Finding]:
    for p, journey in c.mapped():
        if len(journey) > MANY_TOUCHPOINTS:
            yield _found([p.id], len(journey), persona=_persona(p))


@_rule("touchpoint_without_owner", "touchpoints", "info", "persona", "count", "touchpoints")
def _without_owner(c: _Context) -> Iterator[_Finding]:
    for p, journey in c.mapped():
        orphans = [t for t in journey if not t.owner.strip()]
        if orphans:
            yield _found([t.id for t in orphans], len(orphans), persona=_persona(p),
                         touchpoints=c.join([_touchpoint(t) for t in orphans]))


@_rule("goal_without_touchpoint", "touchpoints", "info", "goal")
def _goal_without_touchpoint(c: _Context) -> Iterator[_Finding]:
    served = {t.goal for t in c.w.touchpoints if t.goal}
    if served:  # only once the team links touchpoints to goals at all
        for g in c.w.business_goals:
            if g.id not in served:
                yield _found([g.id], goal=_short(g.text) or g.id)


# --- step 3: pain points and happy moments -------------------------------------------------

@_rule("pain_point_without_team", "moments", "warn", "persona", "touchpoint", "pain_point")
def _pain_without_team(c: _Context) -> Iterator[_Finding]:
    for p, journey in c.mapped():
        for t in journey:
            for m in t.pain_points:
                if m.text.strip() and not any(team.strip() for team in m.teams):
                    yield _found([m.id, t.id], persona=_persona(p), touchpoint=_touchpoint(t),
                                 pain_point=_short(m.text))


@_rule("negative_emotion_without_pain_point", "moments", "info", "persona", "touchpoint")
def _unhappy_without_pain(c: _Context) -> Iterator[_Finding]:
    for p, journey in c.mapped():
        for t in journey:
            if t.emotion is not None and t.emotion <= -1 and not t.pain_points:
                yield _found([t.id], persona=_persona(p), touchpoint=_touchpoint(t))


# --- step 4: ideas and the 7S impact check -------------------------------------------------

@_rule("idea_without_touchpoint", "ideas", "info", "idea")
def _idea_without_touchpoint(c: _Context) -> Iterator[_Finding]:
    for idea in c.w.ideas:
        if not idea.touchpoints:
            yield _found([idea.id], idea=_short(idea.title) or idea.id)


@_rule("idea_without_goal", "ideas", "warn", "idea")
def _idea_without_goal(c: _Context) -> Iterator[_Finding]:
    for idea in c.w.ideas:
        if not idea.goals:
            yield _found([idea.id], idea=_short(idea.title) or idea.id)


@_rule("idea_heavy_conflict", "impact", "warn", "idea", "elements", "count")
def _heavy_conflict(c: _Context) -> Iterator[_Finding]:
    for idea in c.w.ideas:
        conflicts = idea.heavy_conflicts()
        if conflicts and not idea.conflict_confirmed and idea.decision != "drop":
            yield _found([idea.id], len(conflicts), idea=_short(idea.title) or idea.id,
                         elements=c.elements(idea))


# --- step 5: priorities, plan, review ------------------------------------------------------

@_rule("conflict_idea_held_back", "priorities", "warn", "idea", "elements", "first")
def _held_back(c: _Context) -> Iterator[_Finding]:
    """The idea that scores best is not ranked first because of an unconfirmed conflict."""
    scored = [i for i in c.w.ideas if i.priority() is not None]
    if not scored:
        return
    top = min(scored, key=lambda i: (-(i.priority() or 0.0), -i.total_votes()))
    first = c.w.ranked_ideas()[0]
    if top is not first and top.heavy_conflicts() and not top.conflict_confirmed:
        yield _found([top.id, first.id], idea=_short(top.title) or top.id,
                     elements=c.elements(top), first=_short(first.title) or first.id)


@_rule("chosen_idea_without_owner", "plan", "warn", "idea")
def _chosen_without_owner(c: _Context) -> Iterator[_Finding]:
    for idea in c.w.ideas:
        if idea.decision == "do" and not idea.owner.strip():
            yield _found([idea.id], idea=_short(idea.title) or idea.id)


def _review_date(c: _Context) -> date | None:
    try:
        return date.fromisoformat(c.w.review_date.strip())
    except ValueError:
        return None


@_rule("no_review_date", "review", "warn")
def _no_review_date(c: _Context) -> Iterator[_Finding]:
    if not c.w.review_date.strip():
        yield _found([])


@_rule("review_date_unreadable", "review", "warn", "date", "example")
def _review_unreadable(c: _Context) -> Iterator[_Finding]:
    if c.w.review_date.strip() and _review_date(c) is None:
        example = c.today.replace(year=c.today.year + 1) if (c.today.month, c.today.day) != (
            2, 29) else c.today + timedelta(days=365)
        yield _found([], date=_short(c.w.review_date, 30), example=example.isoformat())


@_rule("review_date_past", "review", "warn", "date")
def _review_past(c: _Context) -> Iterator[_Finding]:
    when = _review_date(c)
    if when is not None and when < c.today:
        yield _found([], date=when.isoformat())


@_rule("review_date_far", "review", "info", "date")
def _review_far(c: _Context) -> Iterator[_Finding]:
    when = _review_date(c)
    if when is not None and (when - c.today).days > REVIEW_HORIZON_DAYS:
        yield _found([], date=when.isoformat())


def load_catalog(language: str, prompts: Path | None = None) -> Catalog:
    """The coach's words in ``language``, a trainer's own file (if any) over the bundled one."""
    return coach_words.load_catalog(language, placeholders(), prompts)


# --- the entry point -----------------------------------------------------------------------

def placeholders() -> dict[str, tuple[str, ...]]:
    """Each message code with the placeholders its text may use (for checking data files)."""
    return {code: rule.placeholders for code, rule in RULES.items()}


def review(workshop: Workshop, step: str | None = None, prompts: Path | None = None,
           today: date | None = None) -> list[Remark]:
    """Everything the coach has to say about ``workshop``, or only about one ``step``.

    Messages come from ``<prompts>/<language>/coach.yaml`` where that file exists, each
    message missing there from the bundled set. A broken file raises
    :class:`cjcoach.datafile.DataFileError` naming the file and the line. A message a
    trainer made empty is never said. ``today`` is for tests; it defaults to today.
    """
    if step is not None:
        from cjcoach.engine.api import STEP_KEYS  # late: the engine imports this module

        if step not in STEP_KEYS:
            raise ValueError(f"unknown step {step!r}; steps are {', '.join(STEP_KEYS)}")
    catalog = load_catalog(workshop.language, prompts)
    context = _Context(workshop, catalog, today or date.today())
    remarks = []
    for rule in RULES.values():
        if step is not None and rule.step != step:
            continue
        for finding in rule.check(context):
            text = catalog.render(rule.code, finding.values, finding.count)
            if text:
                remarks.append(Remark(rule.code, rule.step, rule.severity, text, finding.about))
    return remarks

