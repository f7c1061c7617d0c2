"""Changing and removing items after the fact, without leaving references behind.

Removing a persona removes its goals, their alignments and its touchpoints; removing a
touchpoint removes its pain points and happy moments and takes it out of every idea; and
so on. After any of these, :func:`cjcoach.validate.problems` finds no dangling id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cjcoach.model import Alignment, Workshop


def _named(w: Workshop) -> Iterator[tuple[Any, str]]:
    """Every item with an id, with the field that names it (``name``, ``text`` …)."""
    yield from ((g, "text") for g in w.business_goals)
    for p in w.personas:
        yield p, "name"
        yield from ((c, "text") for c in p.goals)
    yield from ((a, "statement") for a in w.alignments)
    for t in w.touchpoints:
        yield t, "name"
        yield from ((m, "text") for m in (*t.pain_points, *t.happy_moments))
    yield from ((i, "title") for i in w.ideas)


def rename(w: Workshop, item_id: str, text: str) -> bool:
    """Give the item ``item_id`` a new name or text. ``False`` when there is no such item."""
    item_id = item_id.upper()
    for item, field in _named(w):
        if item.id == item_id:
            setattr(item, field, text)
            return True
    return False


def describe(w: Workshop, item_id: str) -> str:
    """``T3 Webshop``: an id with its name, for messages."""
    for item, field in _named(w):
        if item.id == item_id:
            return f"{item.id} {getattr(item, field)}"
    return item_id


_ABOUT = ("idea", "touchpoint", "goal")
"""The context keys of a question that name the item it is about, most specific first."""

_STEP_PREFIX = {"why": "G", "personas": "P", "alignment": "C", "touchpoints": "T",
                "moments": "M", "ideas": "I", "impact": "I", "priorities": "I", "plan": "I",
                "review": "I"}
"""The kind of item each step adds or works on."""

_LATEST_FIRST = "IMTCPG"
"""Id prefixes in the reverse order of the steps that add them."""


def likely_target(w: Workshop, step: str, context: dict[str, str]) -> str | None:
    """The id a team most likely wants to change at this question: the item the question
    is about (``idea=I2``, ``persona=P1``; at the touchpoints, that persona's newest
    touchpoint), else the newest item of this step's kind, else the newest item of the
    latest kind there is (alignments left out: their long sentences make a poor example).
    ``None`` when nothing has an id yet."""
    ids = w.all_ids()
    for key in _ABOUT:
        if context.get(key, "").upper() in ids:
            return context[key].upper()
    persona = context.get("persona", "").upper()
    if step == "touchpoints":  # the persona's own touchpoints, not the persona
        theirs = [t.id for t in w.touchpoints if t.persona == persona]
        if theirs:
            return max(theirs, key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)
    if persona in ids:
        return persona
    prefix = _STEP_PREFIX.get(step, "")
    for kind in prefix + _LATEST_FIRST:
        of_kind = [i for i in ids if i[:1] == kind and i[1:].isdigit()]
        if of_kind:
            return max(of_kind, key=lambda i: int(i[1:]))
    return None


def delete(w: Workshop, item_id: str) -> list[str]:
    """Remove ``item_id`` and what depends on it; the removed ids, the item itself first.

    An empty list means there was no such item.
    """
    item_id = item_id.upper()
    if item_id not in w.all_ids():
        return []
    removed = [item_id]
    if item_id.startswith("G"):
        w.business_goals = [g for g in w.business_goals if g.id != item_id]
        removed += _drop_alignments(w, lambda a: a.business_goal == item_id)
        for t in w.touchpoints:
            if t.goal == item_id:
                t.goal = ""
        for i in w.ideas:
            i.goals = [g for g in i.goals if g != item_id]
    elif item_id.startswith("P"):
        persona = w.persona(item_id)
        goal_ids = {c.id for c in persona.goals} if persona else set()
        w.personas = [p for p in w.personas if p.id != item_id]
        removed += sorted(goal_ids)
        removed += _drop_alignments(w, lambda a: a.customer_goal in goal_ids)
        for t in [t for t in w.touchpoints if t.persona == item_id]:
            removed += _drop_touchpoint(w, t.id)
    elif item_id.startswith("C"):
        for p in w.personas:
            p.goals = [c for c in p.goals if c.id != item_id]
        removed += _drop_alignments(w, lambda a: a.customer_goal == item_id)
    elif item_id.startswith("A"):
        _drop_alignments(w, lambda a: a.id == item_id)
    elif item_id.startswith("T"):
        removed = _drop_touchpoint(w, item_id)
    elif item_id.startswith("M"):
        for t in w.touchpoints:
            t.pain_points = [m for m in t.pain_points if m.id != item_id]
            t.happy_moments = [m for m in t.happy_moments if m.id != item_id]
    elif item_id.startswith("I"):
        w.ideas = [i for i in w.ideas if i.id != item_id]
    return removed


def _drop_alignments(w: Workshop, gone: Callable[[Alignment], bool]) -> list[str]:
    dropped = [a.id for a in w.alignments if gone(a)]
    w.alignments = [a for a in w.alignments if a.id not in dropped]
    return dropped


def _drop_touchpoint(w: Workshop, touchpoint_id: str) -> list[str]:
    t = w.touchpoint(touchpoint_id)
    if t is None:
        return []
    removed = [t.id, *(m.id for m in (*t.pain_points, *t.happy_moments))]
    w.touchpoints = [x for x in w.touchpoints if x.id != touchpoint_id]
    for idea in w.ideas:
        idea.touchpoints = [x for x in idea.touchpoints if x != touchpoint_id]
    return removed
