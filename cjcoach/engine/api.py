"""What every face (plain chat, TUI, browser) may use of the conversation engine.

This module is the contract between the engine and its faces: faces import these types
and the ``Conversation`` class from :mod:`cjcoach.engine`, and nothing deeper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from cjcoach.model import Workshop

MessageKind = Literal["question", "ack", "remark", "recap", "coach", "retry", "help", "info",
                      "error", "status", "tip"]


@dataclass(frozen=True)
class BotMessage:
    """One thing the bot says. ``text`` is Markdown (faces may show it plain)."""

    kind: MessageKind
    text: str


@dataclass(frozen=True)
class Question:
    """The question being asked now: always visible in the faces."""

    step: str
    """The step key (``scene``, ``goals``, ``personas``, ``alignment``, ``phases``,
    ``touchpoints``, ``emotions``, ``ideas``, ``seven_s``, ``priorities``, ``review``…)."""
    key: str
    """The question key within its step, as in the prompts YAML."""
    text: str
    """The question itself, already filled in (``Which touchpoints does Anna meet …?``)."""
    kind: Literal["text", "list", "scale", "emotion", "choice", "yesno", "date", "table"]
    hint: str = ""
    """How to answer, in one line (``one per line; an empty line when you are done``)."""
    example: str = ""
    tip: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class StepInfo:
    """One step of the method as a face lists it: its key, title, and how far it is."""

    key: str
    title: str
    state: Literal["done", "current", "todo"]


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to the autosave after an answer."""

    saved: bool
    message: str = ""
    """Empty when all went well; otherwise one sentence for the user (disk full …)."""
    conflict_copy: Path | None = None


@dataclass(frozen=True)
class Reply:
    """What the engine answers to one line (or one multi-line paste) from the user."""

    messages: list[BotMessage] = field(default_factory=list)
    save: SaveOutcome | None = None
    finished: bool = False
    """The workshop is complete (the last question was answered)."""
    quit: bool = False
    """The user asked to stop (``/quit``, ``/stop``)."""
    report_requested: bool = False
    """The user asked for the report (``/report``): the face shows or writes it."""


class ConversationFace(Protocol):
    """The methods of ``cjcoach.engine.Conversation`` that faces rely on."""

    @property
    def workshop(self) -> Workshop: ...

    @property
    def current(self) -> Question | None: ...

    def start(self) -> list[BotMessage]:
        """The opening: a welcome (or "welcome back, we were at …") and the current question."""
        ...

    def answer(self, text: str) -> Reply:
        """Handle one answer or command. Never raises on any text; autosaves when accepted."""
        ...

    def steps(self) -> list[StepInfo]: ...

    def goto_step(self, step: str) -> list[BotMessage]:
        """Jump to the first question of ``step`` (answers are kept)."""
        ...

    def command_words(self) -> dict[str, str]:
        """Every command with its meaning in this language, for help screens."""
        ...


STEP_KEYS: tuple[str, ...] = (
    "scene", "why", "personas", "alignment", "phases", "touchpoints", "moments",
    "ideas", "impact", "priorities", "plan", "review",
)
"""The conversation's steps in order, as stored in ``Workshop.progress.step``.

METHOD.md's steps: 0 scene · 1 why, personas, alignment · 2 phases, touchpoints ·
3 moments (emotion, pain points, happy moments) · 4 ideas, impact (7S) ·
5 priorities (value, effort, votes), plan (decision, owner, channel, next step,
hypothesis), review (next review date).
"""

METHOD_STEP: dict[str, int] = {
    "scene": 0, "why": 1, "personas": 1, "alignment": 1, "phases": 2, "touchpoints": 2,
    "moments": 3, "ideas": 4, "impact": 4, "priorities": 5, "plan": 5, "review": 5,
}
