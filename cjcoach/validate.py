"""Checks that a workshop holds together: ranges, unique ids and references that resolve.

``typed.from_data`` already checked the types; this module checks the meaning, and says
where each problem is in the same path form (``touchpoints[3].phase``).
"""

from __future__ import annotations

from collections.abc import Iterator

from cjcoach.model import (
    EMOTION_MAX,
    EMOTION_MIN,
    SCALE_MAX,
    SCALE_MIN,
    SEVEN_S,
    Workshop,
)
from cjcoach.phases import PHASE_MODEL_KEYS
from cjcoach.typed import Problem


def _scale(path: str, value: int | None, low: int, high: int) -> Iterator[Problem]:
    if value is not None and not low <= value <= high:
        yield Problem(path, f"{value} is outside {low:+d}..{high:+d}" if low < 0
                      else f"{value} is outside {low}..{high}")


def _ids(workshop: Workshop) -> Iterator[tuple[str, str]]:
    """Every (path, id) pair in the workshop, in file order."""
    for i, g in enumerate(workshop.business_goals):
        yield f"business_goals[{i}].id", g.id
    for i, p in enumerate(workshop.personas):
        yield f"personas[{i}].id", p.id
        for j, c in enumerate(p.goals):
            yield f"personas[{i}].goals[{j}].id", c.id
    for i, a in enumerate(workshop.alignments):
        yield f"alignments[{i}].id", a.id
    for i, t in enumerate(workshop.touchpoints):
        yield f"touchpoints[{i}].id", t.id
        for j, m in enumerate(t.pain_points):
            yield f"touchpoints[{i}].pain_points[{j}].id", m.id
        for j, m in enumerate(t.happy_moments):
            yield f"touchpoints[{i}].happy_moments[{j}].id", m.id
    for i, idea in enumerate(workshop.ideas):
        yield f"ideas[{i}].id", idea.id


def problems(workshop: Workshop) -> list[Problem]:
    """Every meaning problem in ``workshop``; an empty list means it holds together."""
    return list(_problems(workshop))


def _problems(w: Workshop) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for path, ident in _ids(w):
        if not ident:
            yield Problem(path, "is empty")
        elif ident in seen:
            yield Problem(path, f"{ident!r} is used twice (also at {seen[ident]})")
        else:
            seen[ident] = path

    if w.phase_model and w.phase_model not in PHASE_MODEL_KEYS:
        yield Problem("phase_model",
                      f"{w.phase_model!r} is not one of {', '.join(PHASE_MODEL_KEYS)}")
    phase_keys = [p.key for p in w.phases]
    for i, key in enumerate(phase_keys):
        if not key:
            yield Problem(f"phases[{i}].key", "is empty")
        elif key in phase_keys[:i]:
            yield Problem(f"phases[{i}].key", f"{key!r} is used twice")

    business = {g.id for g in w.business_goals}
    personas = {p.id for p in w.personas}
    customer = {c.id for _, c in w.customer_goals()}
    touchpoints = {t.id for t in w.touchpoints}

    for i, p in enumerate(w.personas):
        yield from _scale(f"personas[{i}].satisfaction", p.satisfaction, SCALE_MIN, SCALE_MAX)
    for i, a in enumerate(w.alignments):
        if a.business_goal not in business:
            yield Problem(f"alignments[{i}].business_goal",
                          f"{a.business_goal!r} is not a business goal of this workshop")
        if a.customer_goal not in customer:
            yield Problem(f"alignments[{i}].customer_goal",
                          f"{a.customer_goal!r} is not a customer goal of this workshop")

    for i, t in enumerate(w.touchpoints):
        at = f"touchpoints[{i}]"
        if t.persona not in personas:
            yield Problem(f"{at}.persona", f"{t.persona!r} is not a persona of this workshop")
        if t.phase not in phase_keys:
            yield Problem(f"{at}.phase", f"{t.phase!r} is not a phase of this workshop")
        if not t.name.strip():
            yield Problem(f"{at}.name", "is empty")
        if t.goal and t.goal not in business:
            yield Problem(f"{at}.goal", f"{t.goal!r} is not a business goal of this workshop")
        yield from _scale(f"{at}.importance", t.importance, SCALE_MIN, SCALE_MAX)
        yield from _scale(f"{at}.emotion", t.emotion, EMOTION_MIN, EMOTION_MAX)

    for i, idea in enumerate(w.ideas):
        at = f"ideas[{i}]"
        for j, ref in enumerate(idea.touchpoints):
            if ref not in touchpoints:
                yield Problem(f"{at}.touchpoints[{j}]",
                              f"{ref!r} is not a touchpoint of this workshop")
        for j, ref in enumerate(idea.goals):
            if ref not in business:
                yield Problem(f"{at}.goals[{j}]",
                              f"{ref!r} is not a business goal of this workshop")
        for element, score in idea.seven_s.items():
            if element not in SEVEN_S:
                yield Problem(f"{at}.seven_s.{element}",
                              f"is not one of the seven S's ({', '.join(SEVEN_S)})")
            yield from _scale(f"{at}.seven_s.{element}.score", score.score,
                              EMOTION_MIN, EMOTION_MAX)
        for name in ("customer_value", "business_value", "effort"):
            yield from _scale(f"{at}.{name}", getattr(idea, name), SCALE_MIN, SCALE_MAX)
        for voter, dots in idea.votes.items():
            if dots < 0:
                yield Problem(f"{at}.votes.{voter}", f"{dots} is below 0")
