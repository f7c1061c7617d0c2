"""The workshop as typed data: everything a team fills in during the method of METHOD.md.

Every item another item can point at has a stable id with a one-letter prefix:
business goals ``G1``, personas ``P1``, customer goals ``C1``, alignments ``A1``,
touchpoints ``T1``, pain points and happy moments ``M1``, ideas ``I1``. Phases are
named by their ``key`` (``awareness``, or a team's own, like ``zoeken``). Ids are never
reused within a workshop, so a reference in an old report still means the same thing.

Empty text and ``None`` mean "not filled in yet"; the engine fills the fields in order
and the coach reads them. Nothing here does I/O; ``store`` reads and writes files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = 1

Language = Literal["nl", "en"]
Market = Literal["", "B2B", "B2C"]
JourneyType = Literal["", "purchase", "service"]
Channel = Literal["", "online", "offline", "both"]
IdeaKind = Literal["", "bridge", "task", "fix", "new"]
Decision = Literal["", "do", "later", "drop"]

SEVEN_S: tuple[str, ...] = (
    "strategy", "structure", "systems", "shared_values", "style", "staff", "skills",
)
"""McKinsey's seven elements, in the order the coach asks about them."""

SCALE_MIN, SCALE_MAX = 1, 5  # importance, satisfaction, value and effort
EMOTION_MIN, EMOTION_MAX = -2, 2  # emotion and 7S fit


@dataclass
class Participant:
    """Someone taking part, with what they do (``role``) and where they work (``team``)."""

    name: str
    role: str = ""
    team: str = ""


@dataclass
class Scene:
    """Step 0: who we are, what we offer, and who is in the room."""

    organisation: str = ""
    offering: str = ""
    market: Market = ""
    journey_type: JourneyType = ""
    participants: list[Participant] = field(default_factory=list)
    facilitator: str = ""
    dates: list[str] = field(default_factory=list)
    """Workshop dates as ISO text (``2026-11-24``)."""


@dataclass
class BusinessGoal:
    """What the organisation wants to achieve (METHOD.md step 1)."""

    id: str
    text: str


@dataclass
class CustomerGoal:
    """What a persona wants to achieve."""

    id: str
    text: str


@dataclass
class Persona:
    """A kind of customer, known through why/how questions (METHOD.md step 1)."""

    id: str
    name: str
    description: str = ""
    why_buy: str = ""
    how_use: str = ""
    satisfaction: int | None = None
    goals: list[CustomerGoal] = field(default_factory=list)


@dataclass
class Alignment:
    """Where a business goal and a customer goal meet, and how marketing can help both."""

    id: str
    business_goal: str
    customer_goal: str
    statement: str = ""


@dataclass
class Phase:
    """A phase of the journey: its key and the label the team gave it."""

    key: str
    label: str


@dataclass
class Moment:
    """A pain point or a happy moment at a touchpoint, with the teams who can act on it."""

    id: str
    text: str
    teams: list[str] = field(default_factory=list)


@dataclass
class Touchpoint:
    """One interaction between a persona and the organisation, in one phase."""

    id: str
    persona: str
    phase: str
    name: str
    order: int = 0
    channel: Channel = ""
    importance: int | None = None
    role: str = ""
    owner: str = ""
    goal: str = ""
    """The id of the business goal this touchpoint serves, or empty."""
    emotion: int | None = None
    pain_points: list[Moment] = field(default_factory=list)
    happy_moments: list[Moment] = field(default_factory=list)


@dataclass
class SevenSScore:
    """How an idea fits one of the seven elements: −2 heavy conflict … +2 strong fit."""

    score: int | None = None
    note: str = ""


@dataclass
class Idea:
    """An improvement that changes or adds touchpoints, with its impact check and plan."""

    id: str
    title: str
    description: str = ""
    kind: IdeaKind = ""
    touchpoints: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    seven_s: dict[str, SevenSScore] = field(default_factory=dict)
    customer_value: int | None = None
    business_value: int | None = None
    effort: int | None = None
    votes: dict[str, int] = field(default_factory=dict)
    """Dot votes: participant name → number of dots."""
    decision: Decision = ""
    conflict_confirmed: bool = False
    """The team chose this idea knowing it conflicts heavily with a 7S element."""
    owner: str = ""
    channel: str = ""
    next_step: str = ""
    hypothesis: str = ""

    def value(self) -> float | None:
        """The average of customer value and business value, when both are known."""
        if self.customer_value is None or self.business_value is None:
            return None
        return (self.customer_value + self.business_value) / 2

    def priority(self) -> float | None:
        """Value divided by effort: the ranking formula the report explains in words."""
        value = self.value()
        if value is None or not self.effort:
            return None
        return value / self.effort

    def heavy_conflicts(self) -> list[str]:
        """The 7S elements this idea conflicts with heavily (score −2)."""
        return [s for s in SEVEN_S if (sc := self.seven_s.get(s)) and sc.score == EMOTION_MIN]

    def total_votes(self) -> int:
        return sum(self.votes.values())


@dataclass
class Turn:
    """One line of the chat: who said it (``bot`` or ``user``) and what."""

    role: Literal["bot", "user"]
    text: str


@dataclass
class Progress:
    """Where the conversation is: the step, the question, and what it is about.

    ``context`` holds the ids the question is about (``persona: P2``); ``done`` lists the
    steps finished. The engine owns the meaning of these; the store only keeps them.
    """

    step: str = ""
    question: str = ""
    context: dict[str, str] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)
    finished: bool = False


@dataclass
class Workshop:
    """A whole customer-journey workshop: the scene, the map, the ideas and the chat."""

    schema_version: int = SCHEMA_VERSION
    language: Language = "nl"
    scene: Scene = field(default_factory=Scene)
    why: str = ""
    business_goals: list[BusinessGoal] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)
    phase_model: str = ""
    phases: list[Phase] = field(default_factory=list)
    touchpoints: list[Touchpoint] = field(default_factory=list)
    ideas: list[Idea] = field(default_factory=list)
    review_date: str = ""
    """The next review of this map, as ISO text (``2027-11-24``)."""
    progress: Progress = field(default_factory=Progress)
    transcript: list[Turn] = field(default_factory=list)

    # --- ids -------------------------------------------------------------------------

    def all_ids(self) -> set[str]:
        ids = {g.id for g in self.business_goals}
        for p in self.personas:
            ids.add(p.id)
            ids.update(c.id for c in p.goals)
        ids.update(a.id for a in self.alignments)
        for t in self.touchpoints:
            ids.add(t.id)
            ids.update(m.id for m in (*t.pain_points, *t.happy_moments))
        ids.update(i.id for i in self.ideas)
        return ids

    def next_id(self, prefix: str) -> str:
        """A fresh id such as ``T12``: one higher than any id with that prefix so far."""
        pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
        numbers = [int(m.group(1)) for i in self.all_ids() if (m := pattern.match(i))]
        return f"{prefix}{max(numbers, default=0) + 1}"

    # --- look-ups --------------------------------------------------------------------

    def persona(self, persona_id: str) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)

    def business_goal(self, goal_id: str) -> BusinessGoal | None:
        return next((g for g in self.business_goals if g.id == goal_id), None)

    def customer_goals(self) -> list[tuple[Persona, CustomerGoal]]:
        return [(p, c) for p in self.personas for c in p.goals]

    def customer_goal(self, goal_id: str) -> CustomerGoal | None:
        return next((c for _, c in self.customer_goals() if c.id == goal_id), None)

    def touchpoint(self, touchpoint_id: str) -> Touchpoint | None:
        return next((t for t in self.touchpoints if t.id == touchpoint_id), None)

    def idea(self, idea_id: str) -> Idea | None:
        return next((i for i in self.ideas if i.id == idea_id), None)

    def phase_label(self, key: str) -> str:
        return next((p.label for p in self.phases if p.key == key), key)

    def journey(self, persona_id: str) -> list[Touchpoint]:
        """A persona's touchpoints in journey order: by phase, then by ``order``."""
        rank = {p.key: i for i, p in enumerate(self.phases)}
        own = [t for t in self.touchpoints if t.persona == persona_id]
        return sorted(own, key=lambda t: (rank.get(t.phase, len(rank)), t.order))

    def ranked_ideas(self) -> list[Idea]:
        """Ideas by priority (highest first), votes breaking ties; unscored ideas last.

        An idea with a heavy 7S conflict never ranks first unless the team confirmed it.
        """
        def sort_key(idea: Idea) -> tuple[int, float, int]:
            priority = idea.priority()
            return (priority is None, -(priority or 0.0), -idea.total_votes())

        ranked = sorted(self.ideas, key=sort_key)
        if ranked and ranked[0].heavy_conflicts() and not ranked[0].conflict_confirmed:
            safe = next((i for i in ranked if not i.heavy_conflicts() or i.conflict_confirmed),
                        None)
            if safe is not None:
                ranked.remove(safe)
                ranked.insert(0, safe)
        return ranked
