"""The conversation: which question comes next, what an answer does, and the autosave.

:class:`Conversation` is what every face talks to (see :mod:`cjcoach.engine.api`). It
keeps one thing of its own, the current :class:`~cjcoach.engine.flow.Position`, and
stores it in ``workshop.progress`` with every save, so a killed session resumes at
exactly the question it would have asked next. Commands (``/back``, ``/tip`` …) are in
:mod:`cjcoach.engine.commands`.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from pathlib import Path

from cjcoach.engine import commands, edits, reading, split_items
from cjcoach.engine.api import (
    METHOD_STEP,
    STEP_KEYS,
    BotMessage,
    Question,
    Reply,
    SaveOutcome,
    StepInfo,
)
from cjcoach.engine.flow import (
    Accepted,
    Clarify,
    Ctx,
    Position,
    QDef,
    Retry,
    StepDef,
    full_plan,
    next_after,
    spoken_date,
)
from cjcoach.engine.prompts import PromptSet, load_prompts
from cjcoach.engine.steps_alignment import ALIGNMENT
from cjcoach.engine.steps_ideas import IDEAS
from cjcoach.engine.steps_impact import IMPACT
from cjcoach.engine.steps_journey import MOMENTS, TOUCHPOINTS
from cjcoach.engine.steps_plan import PLAN, REVIEW
from cjcoach.engine.steps_priorities import PRIORITIES
from cjcoach.engine.steps_start import PERSONAS, PHASES, SCENE, WHY
from cjcoach.model import Progress, Turn, Workshop
from cjcoach.resources import prompts_dir
from cjcoach.store import SaveError
from cjcoach.workfile import WorkshopFile

STEPS: tuple[StepDef, ...] = (SCENE, WHY, PERSONAS, ALIGNMENT, PHASES, TOUCHPOINTS, MOMENTS,
                              IDEAS, IMPACT, PRIORITIES, PLAN, REVIEW)
STEP_DEFS = {s.key: s for s in STEPS}
assert tuple(STEP_DEFS) == STEP_KEYS
KNOWN_QUESTIONS = {s.key: s.questions for s in STEPS}

MAX_ANSWER_CHARS = 20_000
"""Longer than a few pages is a paste gone wrong, not an answer: it is asked again."""


class Conversation:
    """One workshop's conversation. Never raises on any text a user types."""

    def __init__(self, workfile: WorkshopFile, prompts: Path | None = None,
                 today: datetime.date | None = None) -> None:
        self.file = workfile
        self.prompts_folder = prompts
        lang = workfile.workshop.language
        self.prompts: PromptSet = load_prompts(lang, prompts, KNOWN_QUESTIONS)
        self._words: reading.Words | None = None
        if prompts is not None:  # a trainer's folder: a broken words.yaml is said at once
            self._words = reading.load_words(prompts, lang)
        self.today = today or datetime.date.today()
        self.tip_counter: dict[tuple[str, str], int] = {}
        self.coach_said: set[str] = set()
        self._coach_explained = False
        self.answered_already: frozenset[Position] = frozenset()
        """Questions an earlier answer already answered ("I1 Lies" names I1's owner): passed
        over when the conversation comes to them (in this session)."""
        self.revisiting = ""
        """The step /back or /goto went to: its questions come again even when filled."""
        self._split: split_items.Split | None = None
        """The items the last answer's one line became (joined again by "one")."""
        self.asked: set[tuple[str, str]] = set()
        """Questions (step, key) asked in this session: a choice asked again lists its
        options on one short line."""
        self._filling: Position | None = None
        """The list question the latest answer stayed at: its next items are only confirmed."""
        self._unsaved = False
        self.position: Position | None = self._resume_position()

    @property
    def words(self) -> reading.Words:
        """The words answers are read with; the bundled ones are loaded at the first answer
        (the first question does not need them)."""
        if self._words is None:
            self._words = reading.load_words(self.prompts_folder or prompts_dir(),
                                             self.workshop.language)
        return self._words

    # --- the face contract -------------------------------------------------------------

    @property
    def workshop(self) -> Workshop:
        return self.file.workshop

    @property
    def current(self) -> Question | None:
        if self.position is None:
            return None
        return self._question(self.position)

    def plan(self) -> list[Position]:
        return full_plan(STEPS, self.workshop)

    def start(self) -> list[BotMessage]:
        w, say = self.workshop, self.prompts.say
        messages: list[BotMessage] = []
        fresh = not w.progress.step and not w.transcript
        if not self.file.read_only and self.today.isoformat() not in w.scene.dates:
            w.scene.dates.append(self.today.isoformat())  # a session day; saved with the answer
        if fresh:
            messages.append(BotMessage("info", say("welcome").strip()))
        elif self.position is None:
            messages.append(BotMessage("info", say("welcome_finished")))
        else:
            messages.append(BotMessage("info", say(
                "welcome_back", number=STEP_KEYS.index(self.position.step) + 1,
                title=self.prompts.title(self.position.step))))
        if self.file.read_only:
            messages.append(BotMessage("error", say("read_only",
                                                    reason=self.file.read_only_reason)))
        if self.position is not None:
            messages += self.ask(intro=fresh or self._at_step_start())
        return messages

    def answer(self, text: str) -> Reply:
        try:
            return self._answer(text if isinstance(text, str) else "")
        except Exception as exc:  # noqa: BLE001 - a face must never see a traceback
            return Reply([BotMessage("error", self.prompts.say(
                "not_understood", why=f"({type(exc).__name__}: {exc})"))])

    def steps(self) -> list[StepInfo]:
        done = set(self.workshop.progress.done)
        out = []
        for key in STEP_KEYS:
            state = ("current" if self.position and self.position.step == key
                     else "done" if key in done else "todo")
            out.append(StepInfo(key, self.prompts.title(key), state))  # type: ignore[arg-type]
        return out

    def goto_step(self, step: str) -> list[BotMessage]:
        return commands.goto(self, step)

    def command_words(self) -> dict[str, str]:
        helps = self.prompts.command_help()
        return {words[0]: helps.get(name, name)
                for name, words in self.prompts.commands().items() if words}

    # --- inside ------------------------------------------------------------------------

    def ctx(self, position: Position) -> Ctx:
        return Ctx(self.workshop, position, self.prompts, lambda: self.words, self.today,
                   again=position == self._filling)

    def qdef(self, position: Position) -> QDef:
        return STEP_DEFS[position.step].questions[position.question]

    def _resume_position(self) -> Position | None:
        progress = self.workshop.progress
        if progress.finished:
            return None
        plan = self.plan()
        if not progress.step:
            return plan[0]
        saved = Position(progress.step, progress.question, tuple(sorted(progress.context.items())))
        saved = self._moved(saved)
        if saved in plan:
            return saved
        later = [p for p in plan
                 if STEP_KEYS.index(p.step) >= STEP_KEYS.index(saved.step)]
        return later[0] if later else None

    def _moved(self, saved: Position) -> Position:
        """Where a question saved by an older cjcoach is asked now: "who can help" per
        touchpoint became one question per persona, an idea's kind one for all ideas."""
        if (saved.step, saved.question) == ("moments", "teams"):
            t = self.workshop.touchpoint(saved.ctx.get("touchpoint", ""))
            return Position.of("moments", "helpers", persona=t.persona) if t else saved
        if (saved.step, saved.question) == ("ideas", "kind"):
            return Position.of("ideas", "kinds")
        return saved

    def _at_step_start(self) -> bool:
        plan = self.plan()
        return self.position is not None and next(
            (p for p in plan if p.step == self.position.step), None) == self.position

    def _question(self, position: Position) -> Question:
        q = self.prompts.question(position.step, position.question)
        qdef, ctx = self.qdef(position), self.ctx(position)
        values = qdef.fill(ctx)
        from cjcoach.engine.prompts import fill

        choices = tuple(label for _, label in qdef.choices(ctx)) if qdef.choices else ()
        tips = q.get("tips") or []
        return Question(
            step=position.step, key=position.question,
            text=fill(str(q.get("text", "")), **values).strip(), kind=qdef.kind,
            hint=fill(str(q.get("hint") or ""), **values),
            example=fill(str(self._example(q)), **values),
            tip=fill(str(tips[0]), **values) if tips else "", choices=choices)

    def _example(self, q: dict[str, object]) -> object:
        """The question's example; for a team that sells to businesses, its B2B one."""
        if self.workshop.scene.market == "B2B" and q.get("example_b2b"):
            return q["example_b2b"]
        return q.get("example") or ""

    def ask(self, intro: bool = False) -> list[BotMessage]:
        """The current question as messages (with the step's introduction when it starts)."""
        messages: list[BotMessage] = []
        for _ in range(len(self.plan()) + 1):  # skip questions about removed items
            if self.position is None:
                return messages
            try:
                question = self._question(self.position)
                qdef, ctx = self.qdef(self.position), self.ctx(self.position)
                current = qdef.current(ctx)
                break
            except Retry:
                self._move_on(self.plan(), self.plan())
        else:  # pragma: no cover - the plan always ends
            return messages
        step = self.position.step
        if intro:
            head = self.prompts.say("step_start", number=METHOD_STEP[step],
                                    part=STEP_KEYS.index(step) + 1, parts=len(STEP_KEYS),
                                    title=self.prompts.title(step))
            why = str(self.prompts.step(step).get("why") or "").strip()
            messages.append(BotMessage("info", f"{head}\n{why}".strip()))
        text = question.text
        if question.choices and (question.step, question.key) in self.asked:
            text += "\n  " + " · ".join(f"{n}\u00a0{c.split(' — ')[0]}"  # kept together
                                        for n, c in enumerate(question.choices, 1))
        elif question.choices:
            text += "\n" + "\n".join(f"  {n}. {c}" for n, c in enumerate(question.choices, 1))
        self.asked.add((question.step, question.key))
        messages.append(BotMessage("question", text))
        if current:
            key = "current_list" if qdef.multi else "current"
            if self._partly_filled(qdef, ctx):
                key = "current_partly"  # some touchpoints have it, others are still open
            messages.append(BotMessage("info", self.prompts.say(
                key, value=current.removesuffix(".") if not current.endswith("..") else current)))
        self.workshop.transcript.append(Turn("bot", text))
        return messages

    def _answer(self, text: str) -> Reply:
        if commands.is_command(self, text):
            return commands.run(self, text)
        if self.position is None:
            return Reply([BotMessage("info", self.prompts.say("after_finished"))])
        if self.file.read_only:
            return Reply([BotMessage("error", self.prompts.say("read_only_answer"))])
        if len(text) > MAX_ANSWER_CHARS:
            sep = "." if self.workshop.language == "nl" else ","
            return Reply([BotMessage("retry", self.prompts.say(
                "too_long", count=f"{len(text):,}".replace(",", sep),
                limit=f"{MAX_ANSWER_CHARS:,}".replace(",", sep)))])
        self.workshop.transcript.append(Turn("user", reading.clean(text)))
        position, qdef = self.position, self.qdef(self.position)
        ctx = self.ctx(position)
        cleaned = reading.clean(text)
        empty = not cleaned or (qdef.multi and reading.is_done(cleaned, self.words))
        if empty:
            return self.pass_over(position, qdef, ctx)
        asks_back = qdef.kind == "choice" and cleaned.endswith("?")
        if asks_back or reading.is_unsure(cleaned, self.words):
            unsure = self.prompts.question(position.step, position.question).get("unsure")
            if unsure and not asks_back and not qdef.required and not qdef.current(ctx):
                # "how satisfied?" "no idea": left open (not when a value is there already)
                return self.pass_over(position, qdef, ctx, skipping=True, note=str(unsure))
            return self._hesitate(position)
        split, self._split = self._split, None
        if reading.fold(cleaned).strip(" .!") in ctx.word_list("join_words") and (
                split is not None or (position.step, position.question) in split_items.LISTS):
            if split is None or split.position != position:  # "één" is no goal or idea
                return self._retry(position, self.prompts.say("nothing_to_join"), prefix=False)
            one = split_items.join(self.workshop, split)  # "that was one"
            return self._accepted(Accepted(self.prompts.say(
                "joined", item=edits.describe(self.workshop, one)), stay=True), self.plan())
        old_plan, before = self.plan(), self.workshop.all_ids()
        try:
            accepted = qdef.apply(ctx, cleaned)
        except Retry as retry:
            return self._retry(position, str(retry), prefix=not isinstance(retry, Clarify))
        self._split = split_items.made_from_one_line(position, cleaned, before, self.workshop)
        if self._split is not None:
            accepted.ack += self.prompts.say("split_note", count=len(self._split.ids))
        return self._accepted(accepted, old_plan)

    def pass_over(self, position: Position, qdef: QDef, ctx: Ctx,
                  skipping: bool = False, note: str = "") -> Reply:
        """An empty answer, ``done`` or ``/skip``: keep what is there and go on (saying
        ``note``, when given, instead of "kept" or "left open")."""
        try:
            current = qdef.current(ctx)
        except Retry:
            current = ""
        suggested = qdef.default(ctx) if qdef.default and not current and not skipping else ""
        if suggested:
            old_plan = self.plan()  # before the answer changes what comes next
            try:
                accepted = qdef.apply(ctx, suggested)
            except Retry as retry:
                return self._retry(position, str(retry))
            return self._accepted(accepted, old_plan)
        if qdef.required and not current:
            key = "list_required" if qdef.multi else "required"
            return self._retry(position, self.prompts.say(key), prefix=False)
        still_open = self._partly_filled(qdef, ctx)
        note = note or ("" if qdef.multi and not skipping else
                        self.prompts.say("kept" if current and not still_open else "skipped"))
        return self._accepted(Accepted(note), self.plan())

    def _retry(self, position: Position, why: str, prefix: bool = True) -> Reply:
        q = self._question(position)
        from cjcoach.engine.prompts import fill

        with contextlib.suppress(Retry):  # a retry sentence may use the question's {names}
            why = fill(why, **self.qdef(position).fill(self.ctx(position)))
        text = self.prompts.say("not_understood", why=why) if prefix else why
        messages = [BotMessage("retry", text)]
        messages += self._options(q)
        if q.example:
            messages.append(BotMessage("help", self.prompts.say("example", example=q.example)))
        return Reply(messages)

    def _hesitate(self, position: Position) -> Reply:
        """A "weet ik niet": no answer to store, but an example and a tip to think with."""
        q = self._question(position)
        messages = [BotMessage("help", self.prompts.say("hesitate"))]
        if q.example:
            messages.append(BotMessage("help", self.prompts.say("example", example=q.example)))
        if q.tip:
            messages.append(BotMessage("tip", q.tip))
        messages += self._options(q)
        return Reply(messages)

    @staticmethod
    def _options(q: Question) -> list[BotMessage]:
        """A choice question's options again, so they never scroll out of sight."""
        if not q.choices:
            return []
        return [BotMessage("help", "\n".join(f"  {n}. {c}" for n, c in enumerate(q.choices, 1)))]

    def _accepted(self, accepted: Accepted, old_plan: list[Position]) -> Reply:
        self._filling = self.position if accepted.stay else None
        messages = [BotMessage("ack", accepted.ack)] if accepted.ack else []
        messages += [BotMessage("remark", n) for n in accepted.notes if n]
        finished = False
        if not accepted.stay:
            step_before = self.position.step if self.position else ""
            self.answered_already |= accepted.answered
            self._move_on(old_plan, self.plan())
            if self.position is None or self.position.step != step_before:
                messages += self.close_step(step_before)
            if self.position is None:
                finished = True
                messages.append(BotMessage("info", self.prompts.say(
                    "finished", file=_quoted(self.file.path),
                    review=spoken_date(self.prompts, self.workshop.review_date or "?")).strip()))
            else:
                messages += self.ask(intro=self.position.step != step_before)
        save = self.save()
        return Reply(messages, save=save, finished=finished)

    def _move_on(self, old_plan: list[Position], new_plan: list[Position]) -> None:
        if self.position is None:
            return
        self.position = next_after(old_plan, new_plan, self.position)
        while self.position is not None and (self.position in self.answered_already
                                             or self._filled(self.position)):
            self.position = next_after(new_plan, new_plan, self.position)
        if self.position is None or self.position.step != self.revisiting:
            self.revisiting = ""
        self.record_progress()

    @staticmethod
    def _filled_now(qdef: QDef, ctx: Ctx) -> bool:
        """Whether a question that can be filled another way has its whole answer (Enter
        at one with some left open says they stay open, not "kept as it was")."""
        try:
            return qdef.filled is not None and qdef.filled(ctx)
        except Retry:
            return False

    @classmethod
    def _partly_filled(cls, qdef: QDef, ctx: Ctx) -> bool:
        """A question that can be filled another way with some of its answer still open
        (a touchpoint without a channel): not "kept as it was", not "Press Enter to keep"."""
        return qdef.filled is not None and not cls._filled_now(qdef, ctx)

    def _filled(self, position: Position) -> bool:
        """Whether ``position`` already has its answer and is passed over going forward
        (not in a step the team went back to on purpose)."""
        qdef = self.qdef(position)
        return (qdef.filled is not None and position.step != self.revisiting
                and self._filled_now(qdef, self.ctx(position)))

    def record_progress(self) -> None:
        progress = self.workshop.progress
        if self.position is None:
            self.workshop.progress = Progress(progress.step, progress.question,
                                              progress.context, progress.done, True)
            return
        self.workshop.progress = Progress(self.position.step, self.position.question,
                                          dict(self.position.context), progress.done, False)

    def close_step(self, step: str) -> list[BotMessage]:
        """The recap of a finished step and what the coach says about it."""
        if not step:
            return []
        done = self.workshop.progress.done
        upto = STEP_KEYS.index(self.position.step) if self.position else len(STEP_KEYS)
        for key in STEP_KEYS[:upto]:
            if key not in done:
                done.append(key)
        ctx = self.ctx(Position(step, ""))
        recap = self.prompts.step_say(step, "recap", **STEP_DEFS[step].recap(ctx))
        title = self.prompts.say("recap_title", title=self.prompts.title(step))
        messages = [BotMessage("recap", f"{title}\n{recap}")]
        messages += self.coach(step)
        return messages

    def coach(self, step: str) -> list[BotMessage]:
        try:
            from cjcoach import coach

            remarks = coach.review(self.workshop, step=step, prompts=self.prompts_folder,
                                   today=self.today)
        except Exception:  # noqa: BLE001 - a broken coach must not stop the workshop
            return []
        messages = []
        for remark in remarks:
            text = self._not_said_before(remark.text)
            if text:
                messages.append(BotMessage("coach", text))
        if messages and not self._coach_explained:  # once: the remarks ask, nobody must answer
            self._coach_explained = True
            messages.append(BotMessage("info", self.prompts.say("coach_note")))
        return messages

    def _not_said_before(self, text: str) -> str:
        """``text`` without the facts the coach already said in this session.

        The same fact ("only 2% of purchases happen at the first contact …") is said once,
        however many personas it applies to: a sentence said before is left out, except
        the remark's first sentence (about *this* persona) and its question with what
        follows it (what the team can do). A remark said word for word before is not
        said again.
        """
        sentences = re.split(r"(?<=[.!?])\s+", text.strip())
        if " ".join(sentences) in self.coach_said:
            return ""
        asks = next((i for i, s in enumerate(sentences) if s.endswith("?")), len(sentences))
        kept = [s for i, s in enumerate(sentences)
                if i == 0 or i >= asks or s not in self.coach_said]
        self.coach_said.update(sentences)
        self.coach_said.add(" ".join(sentences))
        return " ".join(kept)

    def save(self) -> SaveOutcome:
        """Write the workshop; a failure becomes a sentence and is tried again next time."""
        if self.file.read_only:
            return SaveOutcome(False)
        try:
            conflict = self.file.save()
        except SaveError as exc:
            self._unsaved = True
            key = f"save_{exc.code}"
            reason = self.prompts.say(key, file=self.file.path.name,
                                      folder=str(self.file.path.parent)) \
                if self.prompts.has_message(key) else str(exc)
            return SaveOutcome(False, self.prompts.say("saved_failed", message=reason))
        except OSError as exc:
            self._unsaved = True
            return SaveOutcome(False, self.prompts.say("saved_failed", message=str(exc)))
        self._unsaved = False
        if conflict is not None:
            return SaveOutcome(True, self.prompts.say("conflict_copy", path=conflict.name),
                               conflict)
        return SaveOutcome(True)


def _quoted(path: object) -> str:
    """The path as a shell would need it typed (shlex is imported only at the end)."""
    import shlex

    return shlex.quote(str(path))
