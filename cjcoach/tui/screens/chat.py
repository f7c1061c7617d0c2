"""The chat screen: the conversation on the left, the growing map on the right.

Every answer goes through the engine (the same one as the plain chat), which saves it
before replying; this screen only shows what happened. The question being asked stays
pinned above the answer box, and the autosave indicator in the top bar says when the
last answer reached the disk.

The engine handles an answer on a thread of its own (see ``Session.answer_in_background``):
meanwhile the answer box keeps taking keys, Enter does not send, the top bar says
"saving…", and nothing here reads the workshop the engine is changing. The reply and the
next question appear once the answer is on disk.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from concurrent.futures import Future

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from cjcoach.engine.api import BotMessage, Reply, SaveOutcome
from cjcoach.tui.keys import localize_bindings
from cjcoach.tui.screens.labelled import Labelled
from cjcoach.tui.session import OpenError, Session
from cjcoach.tui.widgets.chat_log import ChatLog
from cjcoach.tui.widgets.journey_map import JourneyMap
from cjcoach.tui.widgets.key_line import KeyLine
from cjcoach.tui.widgets.prompt_input import PromptInput
from cjcoach.tui.widgets.question_bar import QuestionBar
from cjcoach.tui.widgets.top_bar import TopBar

NARROW = 100
"""Below this many columns the map starts hidden (F2 shows it)."""


def clock() -> str:
    """The time shown beside "saved" (a function, so snapshot tests can fix it)."""
    return time.strftime("%H:%M:%S")


class ChatScreen(Labelled, Screen[None]):
    """One workshop in progress."""

    CSS_PATH = "chat.tcss"
    AUTO_FOCUS = "#answer"
    """The answer box has the focus from the first frame (focusing the log first, as Textual
    would, and then the box made the room restyle and redraw twice while it opened)."""
    BINDINGS = [
        Binding("ctrl+t", "tip", "Example & tip", id="tip", key_display="^t"),
        Binding("ctrl+r", "report", "Report", id="report", key_display="^r"),
        Binding("f2", "toggle_map", "Map", id="map"),
        Binding("ctrl+g", "goto", "Go to step", id="goto", key_display="^g", show=False),
        Binding("ctrl+n", "next_persona", "Next persona", id="persona", key_display="^n",
                show=False),
        Binding("ctrl+l", "language", "Language", id="language", key_display="^l",
                show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.persona_id = ""
        self._map_choice: bool | None = None
        self._saved_at = ""
        self._state_before: tuple[str, bool] = ("", False)
        self.last_reply: Reply | None = None
        """What the engine said to the latest answer (the log may have folded it away)."""

    # --- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The bars along the edges and the map on the right are split off the screen in
        this order (see chat.tcss); the chat column fills what is left. No containers:
        every widget costs the room time while it opens."""
        L = self.localized_labels()
        question, journey_map = QuestionBar(id="question"), JourneyMap(id="map")
        self._draw_state(question, journey_map)  # filled before the first frame, drawn once
        yield TopBar(self.session.path.name, id="top-bar")
        if self.session.read_only_reason:
            yield Static(L("chat.read_only", reason=self.session.read_only_reason),
                         id="read-only", markup=False)
        yield KeyLine(L("keys.palette"))
        yield journey_map
        yield ChatLog(earlier_text=L("chat.earlier", count="{count}"), id="log",
                      messages=self._opening())
        yield question
        yield PromptInput(id="answer", placeholder=L("chat.placeholder"),
                          read_only=bool(self.session.read_only_reason))

    def _opening(self) -> list[tuple[str, str, str]]:
        """What the log shows when the room opens: the transcript so far, then the bot's
        welcome and the question it asks now."""
        workshop = self.session.workfile.workshop
        history: list[tuple[str, str, str]] = [
            (t.text, t.role, "") for t in workshop.transcript if t.text.strip()]
        return history + [(m.text, "bot", m.kind) for m in self.session.conversation.start()]

    def on_mount(self) -> None:
        localize_bindings(self.query_one(PromptInput), self.labels)
        box = self.query_one(PromptInput)
        if self.session.draft and not box.read_only:
            box.load_text(self.session.draft)
            box.move_cursor(box.document.end)

    def on_resize(self) -> None:
        wide = self.app.size.width >= NARROW
        show = wide if self._map_choice is None else self._map_choice
        board = self.query_one(JourneyMap)
        if board.display != show:  # setting it, even to the same value, lays the room out again
            board.display = show

    # --- the conversation -----------------------------------------------------------

    def show_bot(self, messages: Iterable[BotMessage]) -> None:
        self.query_one(ChatLog).add_many([(m.text, "bot", m.kind) for m in messages])

    @on(PromptInput.Changed)
    def keep_draft(self, event: PromptInput.Changed) -> None:
        """What is typed but not sent survives quitting (kept beside the recent list)."""
        self.session.draft = event.text_area.text

    @on(PromptInput.Submitted)
    def send(self, event: PromptInput.Submitted) -> None:
        event.stop()
        self.answer(event.text)

    @property
    def busy(self) -> bool:
        """The engine is handling (and saving) an answer right now."""
        return self.session.busy

    def answer(self, text: str) -> None:
        """Give ``text`` to the engine; what it says back is shown once it is on disk."""
        if self.busy:  # PromptInput does not send meanwhile; this is a second safety
            return
        if text.strip():
            self.query_one(ChatLog).add(text, "user")
        self._saving(True)
        future = self.session.answer_in_background(text)
        self.run_worker(self._show_reply_when_saved(future), name="answer", group="answer")

    async def _show_reply_when_saved(self, future: Future[Reply]) -> None:
        reply = await asyncio.wrap_future(future)
        if not self.is_attached:  # the room closed meanwhile; the answer is saved all the same
            return
        self._saving(False)
        self.show_reply(reply)

    def _saving(self, saving: bool) -> None:
        bar = self.query_one(TopBar)
        if saving:
            self._state_before = (bar.state, bar.error)
            bar.show_state(self.labels("chat.saving"))
        else:
            bar.show_state(*self._state_before)
        self.query_one(PromptInput).can_send = not saving

    def show_reply(self, reply: Reply) -> None:
        """Show the engine's reply, the next question, the map, and what the save did."""
        self.last_reply = reply
        self.show_bot(reply.messages)
        self.show_save(reply.save)
        self.refresh_state()
        self.session.remember_if_moved()
        if reply.quit:
            self.app.exit(0)
        elif reply.report_requested:
            self.action_report()

    def _wait_for_save(self) -> bool:
        """True (and a short notice) when an answer is still being saved: what reads the
        workshop (tip, map, report, steps, language) waits until the engine is done with it."""
        if self.busy:
            self.notify(self.labels("chat.wait_for_save"), timeout=3)
        return self.busy

    def refresh_state(self) -> None:
        """Redraw the question bar and the map from the engine and the workshop."""
        self._draw_state(self.query_one(QuestionBar), self.query_one(JourneyMap))

    def _draw_state(self, question: QuestionBar, journey_map: JourneyMap) -> None:
        conversation = self.session.conversation
        workshop = conversation.workshop
        question.show_question(conversation.current, self.labels("chat.question"))
        persona = workshop.progress.context.get("persona", "")
        if persona and workshop.persona(persona):
            self.persona_id = persona
        elif not workshop.persona(self.persona_id):
            self.persona_id = workshop.personas[0].id if workshop.personas else ""
        journey_map.show(workshop, conversation.steps(), self.persona_id, self.labels)

    def show_save(self, save: SaveOutcome | None) -> None:
        if save is None:
            return
        bar = self.query_one(TopBar)
        if save.saved:
            self._saved_at = clock()
            bar.show_state(self.labels("chat.saved", time=self._saved_at))
        else:
            bar.show_state(self.labels("chat.not_saved", reason=save.message), error=True)
            self.notify(save.message, severity="error", timeout=10)
        if save.conflict_copy is not None:
            self.notify(self.labels("chat.conflict", path=save.conflict_copy),
                        severity="warning", timeout=15)

    # --- actions --------------------------------------------------------------------

    def action_tip(self) -> None:
        if self._wait_for_save():
            return
        question = self.session.conversation.current
        L = self.labels
        parts = []
        if question is not None and question.example:
            parts.append(f"**{L('chat.example')}:** {question.example.strip()}")
        if question is not None and question.tip:
            parts.append(f"**{L('chat.tip')}:** {question.tip.strip()}")
        text = "\n\n".join(parts) or L("chat.no_tip")
        self.query_one(ChatLog).add(text, "bot", "tip")

    def action_report(self) -> None:
        if self._wait_for_save():
            return
        from cjcoach.tui.screens.preview import PreviewScreen

        self.app.push_screen(PreviewScreen(self.session))

    def action_toggle_map(self) -> None:
        board = self.query_one(JourneyMap)
        self._map_choice = not board.display
        board.display = self._map_choice

    def action_next_persona(self) -> None:
        if self._wait_for_save():
            return
        personas = self.session.conversation.workshop.personas
        if not personas:
            return
        ids = [p.id for p in personas]
        at = ids.index(self.persona_id) if self.persona_id in ids else -1
        self.show_persona(ids[(at + 1) % len(ids)])

    def show_persona(self, persona_id: str) -> None:
        if self._wait_for_save():
            return
        conversation = self.session.conversation
        self.persona_id = persona_id
        self.query_one(JourneyMap).show(conversation.workshop, conversation.steps(),
                                        persona_id, self.labels)
        board = self.query_one(JourneyMap)
        if not board.display:
            self._map_choice = board.display = True

    def action_goto(self) -> None:
        if self._wait_for_save():
            return
        from cjcoach.tui.screens.dialogs import StepDialog

        self.app.push_screen(StepDialog(self.session.conversation.steps(), self.labels),
                             self.goto_step)

    def goto_step(self, step: str | None) -> None:
        if self._wait_for_save():
            return
        if not step:
            return
        self.show_bot(self.session.conversation.goto_step(step))
        self.refresh_state()
        self.session.remember_if_moved()

    def action_language(self) -> None:
        if self._wait_for_save():
            return
        lang = self.labels.other_language
        try:
            self.session.switch_language(lang)  # type: ignore[arg-type]
        except OpenError as exc:
            self.notify(str(exc), severity="error")
            return
        self.app.set_language(lang)  # type: ignore[attr-defined]
        localize_bindings(self, self.labels)
        localize_bindings(self.query_one(PromptInput), self.labels)
        self.refresh_bindings()
        self.query_one(KeyLine).relabel(self.labels("keys.palette"))
        self.query_one(PromptInput).placeholder = self.labels("chat.placeholder")
        bar = self.query_one(TopBar)
        if self._saved_at and not bar.error:
            bar.show_state(self.labels("chat.saved", time=self._saved_at))
        self.query_one(ChatLog).add(self.labels("chat.language_now"), "bot", "info")
        self.show_bot(self.session.conversation.start())
        self.refresh_state()

    def palette_commands(self) -> Iterable[SystemCommand]:
        L = self.labels
        conversation = self.session.conversation
        steps = [] if self.busy else conversation.steps()
        personas = [] if self.busy else conversation.workshop.personas
        for step in steps:
            yield SystemCommand(L("palette.goto", title=step.title), L("palette.goto_help"),
                                lambda key=step.key: self.goto_step(key))
        for persona in personas:
            yield SystemCommand(L("palette.persona", name=persona.name),
                                L("palette.persona_help"),
                                lambda pid=persona.id: self.show_persona(pid))
        yield SystemCommand(L("palette.preview"), L("palette.preview_help"), self.action_report)
        yield SystemCommand(L("palette.export_md"), L("palette.export_help"),
                            lambda: self.export("md"))
        yield SystemCommand(L("palette.export_html"), L("palette.export_help"),
                            lambda: self.export("html"))
        yield SystemCommand(L("palette.tip"), L("palette.tip_help"), self.action_tip)
        yield SystemCommand(L("palette.map"), L("palette.map_help"), self.action_toggle_map)
        yield SystemCommand(L("palette.language"), L("palette.language_help"),
                            self.action_language)
        yield SystemCommand(L("palette.home"), L("palette.home_help"),
                            self.app.go_home)  # type: ignore[attr-defined]

    def export(self, fmt: str) -> None:
        """Save the report without leaving the chat; the path is shown as a notice."""
        from cjcoach.tui.screens.preview import export_report

        if self._wait_for_save():
            return
        ok, message = export_report(self.app, self.session, fmt, self.labels)
        self.notify(message, severity="information" if ok else "error", timeout=10)
