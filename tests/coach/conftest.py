"""Build workshops for the coach tests in a few readable lines.

``Build`` starts from an empty workshop with a phase model; each method adds one thing and
returns its id, with defaults chosen so the thing does not trip other checks (touchpoints
are offline, owned and linked to a goal; ideas are linked and scored). ``clean_workshop``
is a complete, healthy map on which the coach has nothing to say: tests change one thing
in it and expect exactly the matching remark.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cjcoach.coach import Remark, review
from cjcoach.model import (
    SEVEN_S,
    Alignment,
    BusinessGoal,
    CustomerGoal,
    Idea,
    Moment,
    Persona,
    Phase,
    SevenSScore,
    Touchpoint,
    Workshop,
)
from cjcoach.phases import PHASE_MODELS

TODAY = date(2026, 5, 4)


class Build:
    def __init__(self, lang: str = "nl", model: str = "five_phases",
                 phases: list[tuple[str, str]] | None = None) -> None:
        if phases is None:
            phases = [(p.key, p.label(lang)) for p in PHASE_MODELS[model].phases]
        self.w = Workshop(language=lang, phase_model=model,  # type: ignore[arg-type]
                          phases=[Phase(k, label) for k, label in phases])

    def goal(self, text: str) -> str:
        gid = self.w.next_id("G")
        self.w.business_goals.append(BusinessGoal(gid, text))
        return gid

    def persona(self, name: str) -> str:
        pid = self.w.next_id("P")
        self.w.personas.append(Persona(pid, name))
        return pid

    def customer_goal(self, persona: str, text: str) -> str:
        cid = self.w.next_id("C")
        p = self.w.persona(persona)
        assert p is not None
        p.goals.append(CustomerGoal(cid, text))
        return cid

    def align(self, goal: str, customer_goal: str) -> str:
        aid = self.w.next_id("A")
        self.w.alignments.append(Alignment(aid, goal, customer_goal, "ze raken elkaar"))
        return aid

    def touchpoint(self, persona: str, phase: str, name: str, channel: str = "offline",
                   owner: str = "marketing", goal: str | None = None,
                   emotion: int | None = 1) -> str:
        tid = self.w.next_id("T")
        if goal is None:
            goal = self.w.business_goals[0].id if self.w.business_goals else ""
        self.w.touchpoints.append(Touchpoint(
            tid, persona, phase, name, order=len(self.w.touchpoints), channel=channel,  # type: ignore[arg-type]
            importance=3, owner=owner, goal=goal, emotion=emotion))
        return tid

    def pain(self, touchpoint: str, text: str, teams: tuple[str, ...] = ("sales",)) -> str:
        mid = self.w.next_id("M")
        t = self.w.touchpoint(touchpoint)
        assert t is not None
        t.pain_points.append(Moment(mid, text, list(teams)))
        return mid

    def idea(self, title: str, touchpoints: tuple[str, ...] | None = None,
             goals: tuple[str, ...] | None = None, scores: dict[str, int] | None = None,
             value: tuple[int, int] = (4, 4), effort: int = 2, **extra: object) -> str:
        iid = self.w.next_id("I")
        if touchpoints is None:
            touchpoints = (self.w.touchpoints[0].id,) if self.w.touchpoints else ()
        if goals is None:
            goals = (self.w.business_goals[0].id,) if self.w.business_goals else ()
        seven = {s: SevenSScore(1) for s in SEVEN_S}
        seven.update({s: SevenSScore(v) for s, v in (scores or {}).items()})
        idea = Idea(iid, title, touchpoints=list(touchpoints), goals=list(goals), seven_s=seven,
                    customer_value=value[0], business_value=value[1], effort=effort,
                    decision="do", owner="Sanne")
        for name, v in extra.items():
            setattr(idea, name, v)
        self.w.ideas.append(idea)
        return iid


def clean(lang: str) -> Build:
    """A complete, healthy workshop for persona Anna (P1): the coach has nothing to say."""
    b = Build(lang)
    g = b.goal("Meer fietsen verkopen" if lang == "nl" else "Sell more bikes")
    p = b.persona("Anna")
    c = b.customer_goal(p, "Veilig naar het werk" if lang == "nl" else "Ride to work safely")
    b.align(g, c)
    for phase, name, channel in [
        ("awareness", "Instagram", "online"), ("awareness", "Folder", "offline"),
        ("awareness", "Mond-tot-mond", "offline"), ("consideration", "Website", "online"),
        ("consideration", "Showroom", "offline"), ("purchase", "Kassa", "offline"),
        ("service", "Onderhoudsbeurt", "offline"), ("loyalty", "Nieuwsbrief", "online"),
    ]:
        b.touchpoint(p, phase, name, channel)
    b.pain("T4", "Voorraad niet te zien", teams=("web",))
    b.idea("Voorraad live op de site")
    b.w.review_date = (TODAY + timedelta(days=300)).isoformat()
    return b


def coach(w: Workshop, code: str | None = None, **kw: object) -> list[Remark]:
    """What the coach says (on the fixed test date), optionally only remarks of ``code``."""
    kw.setdefault("today", TODAY)
    remarks = review(w, **kw)  # type: ignore[arg-type]
    return [r for r in remarks if code is None or r.code == code]


@pytest.fixture(params=["nl", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def build(lang: str):  # type: ignore[no-untyped-def]
    """Make an empty ``Build`` in the test's language: ``build()`` or ``build(model=…)``."""
    return lambda **kw: Build(lang, **kw)


@pytest.fixture
def healthy(lang: str) -> Build:
    """The complete, healthy workshop of :func:`clean`, in the test's language."""
    return clean(lang)


@pytest.fixture
def say():  # type: ignore[no-untyped-def]
    """The coach on the fixed test date: ``say(workshop, code)``."""
    return coach


@pytest.fixture
def today() -> date:
    """The date the coach believes it is in these tests."""
    return TODAY
