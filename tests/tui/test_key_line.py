"""The line of keys at the bottom: what it says, in which language, and that a click works."""

from __future__ import annotations

from pathlib import Path

from cjcoach.tui.app import Options, create_app
from cjcoach.tui.screens.help import HelpScreen
from cjcoach.tui.widgets.chat_log import ChatLog
from cjcoach.tui.widgets.journey_map import JourneyMap
from cjcoach.tui.widgets.key_line import KeyLine


def line_text(app: object) -> str:
    """The key line as the user reads it."""
    return app.screen.query_one(KeyLine).render().plain  # type: ignore[attr-defined]


async def test_the_keys_read_in_dutch_on_one_line_and_a_click_presses_the_key(
        tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="nl"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = line_text(app)
        assert text.startswith("⏎ Stuur ^j Nieuwe regel ^t Tip ^r Rapport f2 Kaart")
        assert "^q Stop" in text and "f1 Hulp" in text
        assert text.endswith("▏^p Opdrachten") and len(text) <= 80

        log = app.screen.query_one(ChatLog)
        await pilot.click(KeyLine, offset=(text.index("^t"), 0))
        await pilot.pause()
        assert log.messages[-1].kind == "tip"

        board = app.screen.query_one(JourneyMap)
        assert not board.display  # 80 columns: the map starts hidden
        await pilot.click(KeyLine, offset=(text.index("Kaart"), 0))
        await pilot.pause()
        assert board.display

        await pilot.click(KeyLine, offset=(text.index("f1"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_keys_follow_the_language_and_a_narrow_line_keeps_every_key(
        tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="nl"))
    async with app.run_test(size=(70, 24)) as pilot:
        await pilot.pause()
        text = line_text(app)
        assert len(text) <= 70 and "f1 Hulp" in text
        assert text.endswith("▏^p")  # the palette key loses its word first
        await pilot.press("ctrl+l")
        await pilot.pause()
        text = line_text(app)
        assert text.startswith("⏎ Send ^j New line ^t Tip ^r Report f2 Map ^q Quit f1 Help")
        assert text.endswith("▏^p Commands")


async def test_the_home_screen_shows_its_own_keys(tmp_path: Path) -> None:
    app = create_app(Options(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = line_text(app)
        assert text.startswith("^l Switch to Dutch ^q Quit f1 Help")
        assert text.endswith("▏^p Commands")
