"""The help screen: the method in three short paragraphs, the keys, the chat commands."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from cjcoach.tui.keys import key_rows
from cjcoach.tui.screens.labelled import Labelled
from cjcoach.tui.widgets.key_line import KeyLine
from cjcoach.tui.widgets.message_text import message_text


def two_columns(rows: list[tuple[str, str]]) -> Text:
    """Keys (bold) and what they do, aligned, as plain text that also reads in a snapshot."""
    width = max((len(key) for key, _ in rows), default=0) + 2
    text = Text()
    for i, (key, what) in enumerate(rows):
        text.append(key.ljust(width), style="bold")
        text.append(what + ("\n" if i < len(rows) - 1 else ""))
    return text


class HelpScreen(Labelled, ModalScreen[None]):
    """Opened with F1 from anywhere; Esc or F1 closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,f1", "close", "Close", id="close", key_display="Esc"),
    ]

    def compose(self) -> ComposeResult:
        L = self.localized_labels()
        with VerticalScroll(id="help"):
            yield Static(L("help.title"), id="help-title")
            yield Static(message_text(L("help.method")), id="method")
            yield Static(L("help.keys_title"), classes="help-heading")
            yield Static(self._keys_table(), id="keys")
            commands = self._commands_table()
            if commands is not None:
                yield Static(L("help.commands_title"), classes="help-heading")
                yield Static(commands, id="commands")
        yield KeyLine(L("keys.palette"))

    def _keys_table(self) -> Text:
        L = self.labels
        rows = [("Enter", L("keys.send")), ("^j", L("keys.new_line"))]
        others = [s for s in self.app.screen_stack if s is not self]
        for node in (others[-1] if others else None, self.app):
            if node is not None:
                rows += key_rows(node, L)
        rows.append(("^p", L("keys.palette")))
        unique = dict(reversed(rows))
        return two_columns([(k, unique[k]) for k in dict.fromkeys(k for k, _ in rows)])

    def _commands_table(self) -> Text | None:
        session = getattr(self.app, "session", None)
        if session is None:
            return None
        return two_columns(list(session.conversation.command_words().items()))

    def action_close(self) -> None:
        self.dismiss()
