"""SVG snapshots of the main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Each test says what you should see; after a deliberate change to the look, review the
new pictures and accept them with ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from cjcoach import recent
from cjcoach.engine import Conversation
from cjcoach.tui.app import Options, create_app
from cjcoach.tui.screens import chat
from cjcoach.tui.widgets.prompt_input import PromptInput
from cjcoach.workfile import WorkshopFile

from .driver import Tracker

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(chat, "clock", lambda: "10:30:00")


async def steady(pilot: Pilot[object]) -> None:
    """No blinking cursors, no half-finished work: the same picture every time."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    for widget in pilot.app.screen.query("PromptInput, Input"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


def workshop_halfway(path: Path, lang: str, answers: int) -> None:
    """A workshop answered by the patient participant up to ``answers`` answers."""
    with WorkshopFile.open(path, create_language=lang) as opened:  # type: ignore[arg-type]
        conversation = Conversation(opened)
        conversation.start()
        tracker = Tracker()
        while len(tracker.sent) < answers and conversation.current is not None:
            question = conversation.current
            text = tracker.next(question, lang)
            reply = conversation.answer(text)
            tracker.saw(question, text, any(m.kind == "retry" for m in reply.messages))


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: object, tmp_path: Path, size: tuple[int, int]) -> None:
    """You should see the English home screen: a name box with a Start button, the folder
    where new workshops go (~/Documents/cjcoach), one recent workshop ("Bakery De Vries ·
    Touchpoints · 2027-01-15 08:00 · shop.yaml"), two demo buttons, and a footer with
    ^l Switch to Dutch, ^q Quit and f1 Help."""
    path = tmp_path / "shop.yaml"
    WorkshopFile.open(path, create_language="en").close()
    recent.remember(path, "Bakery De Vries", "touchpoints")
    os.utime(path, (1_800_000_000, 1_800_000_000))
    app = create_app(Options(lang="en"))
    assert snap_compare(app, terminal_size=size, run_before=steady)  # type: ignore[operator]


@pytest.mark.parametrize("size", SIZES)
def test_chat_midway_with_the_map(snap_compare: object, tmp_path: Path,
                                  size: tuple[int, int]) -> None:
    """You should see a Dutch workshop at the pain points: the chat with the latest answer
    set apart on the right, the question pinned above the answer box, "✓ bewaard 10:30:00"
    top right. At 120×40 the map is beside it: the steps with the first ones ticked and
    "▶" at the current one, then "Klantreis van …" with the phases as columns, touchpoint
    cards with their emotion bar, and the emotion curve. At 80×24 the map is hidden (F2)."""
    path = tmp_path / "fietsen.yaml"
    workshop_halfway(path, "nl", 36)
    app = create_app(Options("open", path))

    async def answer_once(pilot: Pilot[object]) -> None:
        await pilot.pause()
        box = pilot.app.screen.query_one(PromptInput)
        box.insert("Ze moet eerst een account maken")
        await pilot.press("enter")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=answer_once)  # type: ignore


@pytest.mark.parametrize("size", SIZES)
def test_report_preview(snap_compare: object, size: tuple[int, int]) -> None:
    """You should see "Report preview" with the buttons Save as Markdown, Save as HTML and
    Back, and below it the English demo's report: the title "Customer journey of Hartley &
    Finch Office Coffee", who facilitated, and the top priorities. The footer shows
    Esc Back, ^s Save as Markdown, ^e Save as HTML."""
    app = create_app(Options("demo", lang="en"))

    async def preview(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=preview)  # type: ignore


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare: object, tmp_path: Path, size: tuple[int, int]) -> None:
    """You should see the Dutch help over the dimmed chat: "Zo werkt cjcoach", three short
    paragraphs (De workshop, Antwoorden, Er gaat niets verloren), the keys (Enter, ^j, ^t,
    ^r, f2, f1, ^q, ^p …) with what they do, and the commands you can type (/help …)."""
    app = create_app(Options("new", tmp_path / "w.yaml", lang="nl"))

    async def help_open(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("f1")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=help_open)  # type: ignore


def test_every_snapshot_says_what_you_should_see() -> None:
    snapshots = [test_home, test_chat_midway_with_the_map, test_report_preview,
                 test_help_screen]
    for test in snapshots:
        assert (test.__doc__ or "").startswith("You should see"), test.__name__
