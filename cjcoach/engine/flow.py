"""The shape of the conversation: positions, question definitions and the plan.

A :class:`Position` is one question about one thing (``touchpoints/details`` about
``T3``). Each step lists, from the workshop as it is now, the positions it asks in order
(:attr:`StepDef.plan`); the whole conversation is those lists one after the other. The
plan is recomputed after every answer, so adding a persona adds its questions and
deleting a touchpoint drops its questions, with nothing stored but the current position.

What the bot *says* lives in the prompts YAML; what an answer *does* lives in the
``apply`` function of a :class:`QDef`, in the step modules.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from cjcoach.engine import reading
from cjcoach.engine.prompts import PromptSet
from cjcoach.model import Idea, Persona, Touchpoint, Workshop

Kind = Literal["text", "list", "scale", "emotion", "choice", "yesno", "date", "table"]


@dataclass(frozen=True)
class Position:
    """Where a question stands: its step, its key, and the ids it is about."""

    step: str
    question: str
    context: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, step: str, question: str, **context: str) -> Position:
        return cls(step, question, tuple(sorted(context.items())))

    @property
    def ctx(self) -> dict[str, str]:
        return dict(self.context)


class Retry(Exception):
    """The answer was not understood: ask again with this sentence (and the example)."""


class Clarify(Retry):
    """The answer was understood but cannot be taken as it is ("both", when the question
    needs one): asked again with this sentence, without "Sorry, I didn't quite get that"."""


@dataclass
class Accepted:
    """The answer was taken. ``ack`` is said back; ``stay`` keeps the same question (lists)."""

    ack: str = ""
    stay: bool = False
    notes: list[str] = field(default_factory=list)
    answered: frozenset[Position] = frozenset()
    """Later questions this answer also answered ("I2 4 5 3" at the first idea's values):
    they are passed over when they come next."""


@dataclass
class Ctx:
    """What an ``apply`` function may use: the workshop, the context ids, words and prompts."""

    workshop: Workshop
    position: Position
    prompts: PromptSet
    words_of: Callable[[], Any]
    """Gives the words answers are read with (loaded when first needed)."""
    today: datetime.date
    again: bool = False
    """This question already took an answer and stayed (a list being filled in)."""

    @property
    def words(self) -> Any:
        return self.words_of()

    @property
    def lang(self) -> str:
        return self.prompts.lang

    def get(self, name: str) -> str:
        return self.position.ctx.get(name, "")

    def persona(self) -> Persona:
        found = self.workshop.persona(self.get("persona"))
        if found is None:
            raise Retry(self.say("gone"))
        return found

    def touchpoint(self) -> Touchpoint:
        found = self.workshop.touchpoint(self.get("touchpoint"))
        if found is None:
            raise Retry(self.say("gone"))
        return found

    def idea(self) -> Idea:
        found = self.workshop.idea(self.get("idea"))
        if found is None:
            raise Retry(self.say("gone"))
        return found

    def say(self, key: str, /, **values: object) -> str:
        return self.prompts.step_say(self.position.step, key, **values)

    def list_added(self, added: list[str], retry: str | None = None) -> Accepted:
        """The reply to a list answer: what was added, and "anything else?".

        Nothing added means the answer is asked again (with ``retry`` or the question's own
        "not understood" sentence)."""
        if not added:
            raise Retry(retry if retry is not None else self.retry())
        return Accepted(self.more(joined(added)), stay=True)

    def more(self, items: str, key: str = "list_more", **values: object) -> str:
        """What a list says back: the first answer also asks "anything else? or Enter",
        later ones only confirm (the message ``<key>_again``, when the prompts have it)."""
        again = f"{key}_again"
        if self.again and (self.prompts.has_step_message(self.position.step, again)
                           or self.prompts.has_message(again)):
            key = again
        return self.say(key, items=items, **values)

    def word_list(self, key: str, step: str = "") -> list[str]:
        """A comma-separated word list from the prompts (this step's, or ``step``'s), each
        word folded the way answers are compared ("ik, mij, mezelf")."""
        said = self.prompts.step_say(step, key) if step else self.say(key)
        return [reading.fold(w.strip()) for w in said.split(",") if w.strip()]

    def retry(self) -> str:
        """The question's own "not understood" sentence, or the general one."""
        q = self.prompts.question(self.position.step, self.position.question)
        return str(q.get("retry") or q.get("hint") or "")


Apply = Callable[[Ctx, str], Accepted]
Describe = Callable[[Ctx], str]
Choices = Callable[[Ctx], list[tuple[str, str]]]


def _nothing(ctx: Ctx) -> str:
    return ""


@dataclass(frozen=True)
class QDef:
    """One question of a step: how its answer is read and what fills its text.

    ``current`` describes what is already filled in (shown when the question comes again;
    an empty answer then keeps it). ``fill`` gives the values for the ``{placeholders}``
    of the question text. ``required`` questions cannot be skipped.
    """

    kind: Kind
    apply: Apply
    fill: Callable[[Ctx], dict[str, object]] = lambda ctx: {}
    current: Describe = _nothing
    required: bool = False
    choices: Choices | None = None
    many: bool | None = None
    """Answers add up (a list) until an empty line or ``done``; default: ``kind == "list"``."""
    default: Callable[[Ctx], str] | None = None
    """The answer an empty line gives while nothing is filled in: a suggestion the
    question itself names ("Enter: five phases")."""
    filled: Callable[[Ctx], bool] | None = None
    """Passed over on the way forward while this says its answer is already there (given
    some other way: a line with every detail, a copied persona). It stays in the plan, so
    ``/back`` and ``/goto`` still reach it."""

    @property
    def multi(self) -> bool:
        return self.kind == "list" if self.many is None else self.many


@dataclass(frozen=True)
class StepDef:
    """One step of the method: its questions and which of them the workshop needs now."""

    key: str
    questions: dict[str, QDef]
    plan: Callable[[Workshop], Iterable[Position]]
    recap: Callable[[Ctx], dict[str, object]] = lambda ctx: {}
    """The values for the step's ``recap`` message."""


def full_plan(steps: Iterable[StepDef], workshop: Workshop) -> list[Position]:
    return [pos for step in steps for pos in step.plan(workshop)]


def next_after(old: list[Position], new: list[Position], current: Position) -> Position | None:
    """The question after ``current``: the first one of the new plan not already behind us.

    Comparing with the plan from *before* the answer keeps this right when the answer
    added questions (a new persona) or removed the current one (a finished 7S walk).
    """
    behind = set(old[: old.index(current) + 1]) if current in old else {current}
    if current in new:
        start = new.index(current) + 1
        return next((p for p in new[start:] if p not in behind), None)
    return next((p for p in new if p not in behind), None)


def previous(plan: list[Position], current: Position) -> Position | None:
    if current in plan:
        i = plan.index(current)
        return plan[i - 1] if i > 0 else None
    return plan[-1] if plan else None


def first_of(plan: list[Position], step: str) -> Position | None:
    return next((p for p in plan if p.step == step), None)


def iter_once(step: str, *keys: str) -> Iterator[Position]:
    for key in keys:
        yield Position.of(step, key)


def signed(value: int) -> str:
    """An emotion or 7S score as people write it: ``+2``, ``-1``, and a plain ``0``."""
    return f"{value:+d}" if value else "0"


def joined(items: Iterable[str]) -> str:
    """Items in running text: ``a; b; c`` — or one per line when they are whole sentences,
    so "… te laat.; …" never appears."""
    items = [i for i in items if i]
    if any(i.rstrip()[-1:] in ".!?" for i in items) and len(items) > 1:
        return "\n" + "\n".join(f"  {i}" for i in items)
    return "; ".join(items)


def spoken_date(prompts: PromptSet, iso: str) -> str:
    """``2027-03-16`` as ``16 maart 2027`` (month names from ``common.yaml``); text that is no
    date stays as it is."""
    months = [m.strip() for m in prompts.say("month_names").split(",")]
    try:
        d = datetime.date.fromisoformat(iso.strip())
    except ValueError:
        return iso
    return f"{d.day} {months[d.month - 1]} {d.year}" if len(months) == 12 else iso


def decimal(lang: str, value: float, places: int = 2) -> str:
    """``1.75`` in English, ``1,75`` in Dutch; no trailing zeros (``2,2``, ``3``), so the
    chat shows the same number as the report."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text
