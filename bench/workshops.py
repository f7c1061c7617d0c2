"""Large workshops for the benchmark, grown from the English demo."""

from __future__ import annotations

from cjcoach.demo import demo_workshop
from cjcoach.model import Moment, Touchpoint, Workshop


def workshop_with(touchpoints: int) -> Workshop:
    """The English demo with ``touchpoints`` realistic touchpoints spread over its phases."""
    w = demo_workshop("en")
    templates = list(w.touchpoints)
    grown: list[Touchpoint] = []
    moment_ids = (f"M{k}" for k in range(1, 10 * touchpoints + 1))
    for n in range(touchpoints):
        t = templates[n % len(templates)]
        grown.append(Touchpoint(
            id=f"T{n + 1}", persona=t.persona, phase=t.phase, name=f"{t.name} #{n + 1}",
            order=n, channel=t.channel, importance=t.importance, role=t.role, owner=t.owner,
            goal=t.goal, emotion=t.emotion,
            pain_points=[Moment(next(moment_ids), p.text, list(p.teams))
                         for p in t.pain_points],
            happy_moments=[Moment(next(moment_ids), h.text, list(h.teams))
                           for h in t.happy_moments],
        ))
    w.touchpoints = grown
    kept = {t.id for t in grown}
    for idea in w.ideas:
        idea.touchpoints = [ref for ref in idea.touchpoints if ref in kept] or ["T1"]
    return w
