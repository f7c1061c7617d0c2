"""Shared fixtures for the TUI tests: a private home folder, and helpers to drive the chat.

Every test gets its own HOME (so ``~/Documents/cjcoach`` and the recent list are private
and deterministic), and the app runs for real under ``App.run_test``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from cjcoach.tui.widgets.prompt_input import PromptInput


@pytest.fixture(autouse=True)
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home folder with the usual XDG folders inside it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


async def send(pilot: Pilot[object], text: str) -> None:
    """Type ``text`` into the answer box the way a paste would, press Enter, and wait for
    the reply (the engine saves the answer on a thread of its own before it replies)."""
    box = pilot.app.screen.query_one(PromptInput)
    box.focus()
    box.replace(text, box.document.start, box.document.end)
    await pilot.press("enter")
    await answered(pilot)


async def answered(pilot: Pilot[object]) -> None:
    """Wait until the answer being saved is on disk and its reply is on the screen."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def bot_texts(pilot: Pilot[object]) -> list[str]:
    from cjcoach.tui.widgets.chat_log import ChatLog

    return [m.text for m in pilot.app.screen.query_one(ChatLog).messages if m.role == "bot"]


def user_texts(pilot: Pilot[object]) -> list[str]:
    from cjcoach.tui.widgets.chat_log import ChatLog

    return [m.text for m in pilot.app.screen.query_one(ChatLog).messages if m.role == "user"]


def reasonable_answer(question: object, lang: str = "en", n: int = 0) -> str:
    """An answer a real team could give to ``question``, whatever its kind.

    Used to walk a whole workshop without knowing the question set by heart; ``n`` varies
    the answers so lists and names differ from question to question.
    """
    kind = getattr(question, "kind", "text")
    choices = getattr(question, "choices", ())
    if choices:
        return str(choices[n % len(choices)])
    nl = lang == "nl"
    return {
        "list": ("Webshop\nWinkel\nTelefoon" if nl else "Webshop\nShop\nPhone"),
        "scale": str(2 + n % 3),
        "emotion": ("-1", "1", "2", "-2", "0")[n % 5],
        "yesno": "ja" if nl else "yes",
        "date": "2027-11-24",
        "table": "3, 4, 2",
    }.get(str(kind), f"Antwoord {n}" if nl else f"Answer {n}")


def shown_text(widget: object) -> str:
    """The text a Static shows, as the user reads it (Rich tables and groups included)."""
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), width=max(widget.size.width, 20),  # type: ignore
                      color_system=None, legacy_windows=False)
    console.print(widget.content)  # type: ignore[attr-defined]
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]
