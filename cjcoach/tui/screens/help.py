"""The help screen: the method in three short paragraphs, the keys, the chat commands."""

from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from cjcoach.tui.keys import key_rows, localize_bindings
from cjcoach.tui.labels import Labels


class HelpScreen(ModalScreen[None]):
    """Opened with F1 from anywhere; Esc or F1 closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,f1", "close", "Close", id="close", key_display="Esc"),
    ]

    @property
    def labels(self) -> Labels:
        return self.app.labels  # type: ignore[attr-defined, no-any-return]

    def compose(self) -> ComposeResult:
        L = self.labels
        localize_bindings(self, L)
        with VerticalScroll(id="help"):
            yield Static(L("help.title"), id="help-title")
            yield Static(RichMarkdown(L("help.method")), id="method")
            yield Static(L("help.keys_title"), classes="help-heading")
            yield Static(self._keys_table(), id="keys")
            commands = self._commands_table()
            if commands is not None:
                yield Static(L("help.commands_title"), classes="help-heading")
                yield Static(commands, id="commands")
        yield Footer()

    def _keys_table(self) -> Table:
        L = self.labels
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        rows = [("Enter", L("keys.send")), ("^j", L("keys.new_line"))]
        others = [s for s in self.app.screen_stack if s is not self]
        for node in (others[-1] if others else None, self.app):
            if node is not None:
                rows += key_rows(node, L)
        rows.append(("^p", L("keys.palette")))
        seen: set[str] = set()
        for key, what in rows:
            if key not in seen:
                seen.add(key)
                table.add_row(key, what)
        return table

    def _commands_table(self) -> Table | None:
        session = getattr(self.app, "session", None)
        if session is None:
            return None
        words = session.conversation.command_words()
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for word, meaning in words.items():
            table.add_row(word, meaning)
        return table

    def action_close(self) -> None:
        self.dismiss()
