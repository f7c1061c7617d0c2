"""The chat: bot messages (the engine's Markdown, see ``message_text``), the team's
answers set apart, newest at the bottom.

A long workshop has hundreds of turns. Only the last ``limit`` messages are widgets; older
ones are folded into one cheap line at the top, so answering stays as fast at turn 300 as
at turn 10. Everything stays in the workshop file's transcript.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import VerticalScroll
from textual.widgets import Static

from cjcoach.tui.widgets.message_text import message_text

DEFAULT_LIMIT = 40


class ChatMessage(Static):
    """One message. Bot text is Markdown; the team's text is shown exactly as typed."""

    DEFAULT_CSS = """
    ChatMessage {
        width: 1fr;
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    ChatMessage.user {
        margin: 0 0 1 6;
        border-left: thick $accent;
        background: $accent 10%;
    }
    ChatMessage.bot { border-left: thick $primary 40%; }
    ChatMessage.question { border-left: thick $primary; }
    ChatMessage.error, ChatMessage.retry { border-left: thick $error; }
    ChatMessage.coach, ChatMessage.remark { border-left: thick $success; }
    ChatMessage.tip, ChatMessage.help { border-left: thick $warning; background: $warning 8%; }
    """

    def __init__(self, text: str, role: str, kind: str = "") -> None:
        content = message_text(text) if role == "bot" else text
        super().__init__(content, markup=False, classes=f"{role} {kind}".strip())
        self.text = text
        self.role = role
        self.kind = kind


class ChatLog(VerticalScroll):
    """A bottom-anchored log that keeps at most ``limit`` message widgets."""

    DEFAULT_CSS = """
    ChatLog { height: 1fr; padding: 0 1; }
    ChatLog > #earlier { color: $text-muted; padding: 0 1; margin-bottom: 1; }
    """

    def __init__(self, limit: int = DEFAULT_LIMIT, earlier_text: str = "{count}",
                 messages: Sequence[tuple[str, str, str]] = (), **kwargs: object) -> None:
        """``messages`` (text, role, kind) are there from the start, oldest first."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.limit = limit
        keep = messages[-limit:] if limit else []
        self.folded = len(messages) - len(keep)
        self._earlier_text = earlier_text
        self._shown = [ChatMessage(text, role, kind) for text, role, kind in keep]

    def compose(self):  # type: ignore[no-untyped-def]
        if self.folded:  # the line about folded messages only once there are some
            yield self._earlier()
        yield from self._shown

    def _earlier(self) -> Static:
        return Static(self._earlier_text.replace("{count}", str(self.folded)), id="earlier",
                      markup=False)

    def on_mount(self) -> None:
        self._show_folded()
        self.anchor()

    def add(self, text: str, role: str, kind: str = "") -> None:
        """Add one message and fold away the oldest when there are too many."""
        self.add_many([(text, role, kind)])

    def add_many(self, messages: list[tuple[str, str, str]]) -> None:
        """Add several messages in one go (one layout pass, one fold)."""
        if not messages:
            return
        keep = messages[-self.limit:]
        self.folded += len(messages) - len(keep)
        widgets = [ChatMessage(text, role, kind) for text, role, kind in keep]
        self._shown.extend(widgets)
        self.mount_all(widgets)
        extra = len(self._shown) - self.limit
        if extra > 0:
            old, self._shown = self._shown[:extra], self._shown[extra:]
            self.remove_children(old)
            self.folded += extra
        self._show_folded()
        self.anchor()

    def _show_folded(self) -> None:
        if not self.folded:
            return
        found = self.query("#earlier")
        if found:
            found.first(Static).update(self._earlier_text.replace("{count}", str(self.folded)))
        else:
            self.mount(self._earlier(), before=0)

    @property
    def messages(self) -> list[ChatMessage]:
        """The message widgets shown now, oldest first (at most ``limit``)."""
        return list(self._shown)
