"""The question being asked, pinned above the answer box so it never scrolls away."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cjcoach.engine.api import Question


class QuestionBar(Static):
    """Shows the current question and, dimmed, how to answer it."""

    DEFAULT_CSS = """
    QuestionBar {
        height: auto;
        max-height: 6;
        padding: 0 1;
        background: $primary 15%;
        border-left: thick $primary;
    }
    QuestionBar.-empty { display: none; }
    """

    def show_question(self, question: Question | None, label: str) -> None:
        self.set_class(question is None, "-empty")
        if question is None:
            self.update("")
            return
        text = Text()
        text.append(f"{label}: ", style="bold")
        text.append(question.text.strip(), style="bold")
        if question.hint:
            text.append("\n" + question.hint.strip(), style="italic")
        if question.choices:
            text.append("\n" + " · ".join(f"{n} {c}" for n, c in
                                            enumerate(question.choices, 1)), style="italic")
        self.update(text)
