"""The answer box: several lines, Enter sends, ctrl+j starts a new line.

A pasted list arrives as one paste and stays one answer. Whatever leaks in from the
terminal (escape sequences, control characters) is cleaned before it is shown or sent.
While the previous answer is being saved, typing goes on but Enter does not send
(:attr:`PromptInput.can_send`).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from cjcoach.tui.sanitize import clean_input

NEWLINE_KEYS = ("ctrl+j", "shift+enter")


class PromptInput(TextArea):
    """A ``TextArea`` that sends its text on Enter and is cleared afterwards."""

    DEFAULT_CSS = """
    PromptInput {
        height: auto;
        min-height: 3;
        max-height: 8;
        border: tall $accent;
    }
    PromptInput:focus { border: tall $accent; }
    """

    @dataclass
    class Submitted(Message):
        """The team sent an answer (already cleaned of terminal noise)."""

        prompt: PromptInput
        text: str

        @property
        def control(self) -> PromptInput:
            return self.prompt

    BINDINGS = [
        # Shown in the footer; the keys themselves are handled in _on_key, before TextArea's.
        Binding("enter", "submit", "Send", id="send"),
        Binding("ctrl+j", "newline", "New line", key_display="^j", id="new_line"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                         highlight_cursor_line=False, **kwargs)  # type: ignore[arg-type]
        self.can_send = True
        """False while the previous answer is saved: Enter then keeps the text where it is.
        (The footer is not redrawn for this: the top bar says "saving…" instead.)"""

    async def _on_key(self, event: events.Key) -> None:
        if self.read_only:
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.action_submit()
        elif event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self.action_newline()

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = clean_input(event.text)
        result = self.replace(text, *self.selection)
        self.move_cursor(result.end_location)

    def action_submit(self) -> None:
        if not self.can_send:
            return
        text = clean_input(self.text)
        self.clear()
        self.post_message(self.Submitted(self, text))

    def action_newline(self) -> None:
        result = self.replace("\n", *self.selection)
        self.move_cursor(result.end_location)

