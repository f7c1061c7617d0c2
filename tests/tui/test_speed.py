"""Answering feels instant: a real answer (engine, autosave, map) takes at most twice as
long as a bare echo app that only shows what was typed."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from cjcoach.tui.app import Options, create_app
from cjcoach.tui.widgets.prompt_input import PromptInput

from .driver import Tracker

pytestmark = pytest.mark.slow
ROUNDS = 15


class Echo(App[None]):
    """The smallest chat there is: what you type, and an echo of it."""

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="log")
        yield TextArea(id="box")

    def on_key(self, event: object) -> None:
        if getattr(event, "key", "") == "enter":
            event.prevent_default()  # type: ignore[attr-defined]
            box = self.query_one(TextArea)
            log = self.query_one("#log")
            log.mount(Static(box.text))
            log.mount(Static("echo: " + box.text))
            box.clear()


async def median_round_trip(app: App[object], box_type: type[TextArea], lang: str) -> float:
    times = []
    tracker = Tracker()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = getattr(app, "session", None)
        for _ in range(ROUNDS):
            question = session.conversation.current if session else None
            text = tracker.next(question, lang) if question else "hello"
            box = app.screen.query_one(box_type)
            box.replace(text, box.document.start, box.document.end)
            started = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            times.append(time.perf_counter() - started)
            if question is not None:
                reply = app.screen.last_reply  # type: ignore[attr-defined]
                tracker.saw(question, text, any(m.kind == "retry" for m in reply.messages))
    return statistics.median(times)


async def test_an_answer_takes_at_most_twice_an_echo(tmp_path: Path) -> None:
    echo = await median_round_trip(Echo(), TextArea, "en")
    ours = await median_round_trip(create_app(Options("new", tmp_path / "w.yaml", lang="en")),
                                   PromptInput, "en")
    assert ours <= 2 * echo, f"answer {ours * 1000:.0f} ms vs echo {echo * 1000:.0f} ms"
