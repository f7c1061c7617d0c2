"""The autosave never blocks typing, and quitting during a save still keeps the answer.

The real save runs (serialise, write, fsync, backup); only the workshop's fsync on the
answer thread is held at a gate until the test lets it go, so the test sees the moment
"the answer is on its way to the disk" without relying on timing.
"""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest

from cjcoach import store
from cjcoach.tui.app import Options, create_app
from cjcoach.tui.widgets.prompt_input import PromptInput
from cjcoach.tui.widgets.question_bar import QuestionBar
from cjcoach.tui.widgets.top_bar import TopBar
from cjcoach.workfile import WorkshopFile

from .conftest import answered, bot_texts, user_texts


class FsyncGate:
    """``os.fsync`` for the store that, on the answer thread, waits until released."""

    def __init__(self) -> None:
        self.real = os.fsync
        self.reached = threading.Event()
        self.release = threading.Event()

    def __call__(self, fd: int) -> None:
        if threading.current_thread().name == "cjcoach-answer":
            self.reached.set()
            self.release.wait(30)
        self.real(fd)

    async def wait_reached(self) -> None:
        assert await asyncio.to_thread(self.reached.wait, 30), "the save never started"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> FsyncGate:
    fsync_gate = FsyncGate()
    monkeypatch.setattr(store.os, "fsync", fsync_gate)
    return fsync_gate


def question_shown(app: object) -> str:
    return str(app.screen.query_one(QuestionBar).render())  # type: ignore[attr-defined]


async def test_typing_goes_on_while_the_answer_is_saved(tmp_path: Path, gate: FsyncGate,
                                                        ) -> None:
    path = tmp_path / "shop.yaml"
    app = create_app(Options("new", path, lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = question_shown(app)
        said = len(bot_texts(pilot))
        box = app.screen.query_one(PromptInput)
        box.insert("Bakery De Vries")
        await pilot.press("enter")
        await gate.wait_reached()  # the answer is being written, and held there

        await pilot.press(*"Next", "space", *"one")
        assert box.text == "Next one"
        assert "saving" in str(app.screen.query_one(TopBar).render())
        await pilot.press("enter")  # does not send while saving; the text stays
        assert box.text == "Next one"
        assert user_texts(pilot) == ["Bakery De Vries"]
        assert len(bot_texts(pilot)) == said, "the bot replied before the answer was saved"
        assert question_shown(app) == first
        await pilot.press("ctrl+t")  # the tip reads the workshop: it waits for the save
        assert len(bot_texts(pilot)) == said

        gate.release.set()
        await answered(pilot)
        assert len(bot_texts(pilot)) > said
        assert question_shown(app) != first
        assert "✓" in str(app.screen.query_one(TopBar).render())
        assert box.text == "Next one"
        assert "Bakery De Vries" in path.read_text(encoding="utf-8")
        await pilot.press("enter")  # sending works again
        await answered(pilot)
        assert user_texts(pilot) == ["Bakery De Vries", "Next one"]


async def test_quitting_during_a_save_keeps_the_answer(tmp_path: Path, gate: FsyncGate) -> None:
    path = tmp_path / "shop.yaml"
    app = create_app(Options("new", path, lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        closing = threading.Event()
        wait = session.wait_until_saved

        def closing_waits() -> None:
            closing.set()
            wait()

        session.wait_until_saved = closing_waits  # type: ignore[method-assign]
        threading.Thread(target=lambda: closing.wait(30) and gate.release.set()).start()
        app.screen.query_one(PromptInput).insert("Bakery De Vries")
        await pilot.press("enter")
        await gate.wait_reached()
        await pilot.press("ctrl+q")
    assert closing.is_set()
    assert "Bakery De Vries" in path.read_text(encoding="utf-8")
    with WorkshopFile.open(path) as again:  # the lock was released after the save
        assert not again.read_only
        assert again.workshop.scene.organisation == "Bakery De Vries"
