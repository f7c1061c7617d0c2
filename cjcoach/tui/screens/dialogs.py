"""Small dialogs that return a choice with ``dismiss()``."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cjcoach.engine.api import StepInfo
from cjcoach.tui.labels import Labels

MARKS = {"done": "✓", "current": "▶", "todo": "·"}


class StepDialog(ModalScreen[str | None]):
    """Choose a step to go to; returns its key, or ``None`` on Esc."""

    DEFAULT_CSS = """
    StepDialog { align: center middle; }
    StepDialog > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    StepDialog #step-title { text-style: bold; }
    """
    BINDINGS = [Binding("escape", "cancel", "Back", id="back", key_display="Esc")]

    def __init__(self, steps: Sequence[StepInfo], labels: Labels) -> None:
        super().__init__()
        self.steps = list(steps)
        self.labels = labels

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.labels("keys.goto"), id="step-title")
            yield OptionList(*[Option(f"{MARKS.get(s.state, '·')} {s.title}", id=s.key)
                               for s in self.steps], id="steps")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        current = next((i for i, s in enumerate(self.steps) if s.state == "current"), 0)
        options.highlighted = current
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
