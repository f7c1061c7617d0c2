"""Moving between the main screens: the chat on a workshop, home, and another workshop.

The first screen is the one the room starts on; each later main screen takes its place
(with whatever was open over it), so the room never holds two workshops at once.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from cjcoach.tui.app import Options, create_app
from cjcoach.tui.screens.chat import ChatScreen
from cjcoach.tui.screens.help import HelpScreen
from cjcoach.tui.screens.home import HomeScreen
from cjcoach.tui.widgets.prompt_input import PromptInput
from cjcoach.workfile import WorkshopFile


def is_free(path: Path) -> bool:
    """Nobody holds the workshop: opening it again is not read-only."""
    opened = WorkshopFile.open(path)
    try:
        return not opened.read_only_reason
    finally:
        opened.close()


async def test_the_room_opens_on_the_chat_with_the_answer_box_ready(tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "first.yaml", lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.screen_stack == [app.screen]  # nothing underneath the chat
        assert isinstance(app.focused, PromptInput)
        await pilot.press("H", "i")
        assert app.screen.query_one(PromptInput).text == "Hi"


async def test_home_and_back_into_another_workshop_leaves_one_screen_and_frees_the_first(
        tmp_path: Path) -> None:
    first = tmp_path / "first.yaml"
    app = create_app(Options("new", first, lang="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

        app.go_home()  # as the palette's "home" does, with the help still open
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen_stack == [app.screen] and app.session is None
        assert is_free(first)

        second = tmp_path / "second.yaml"
        app.screen.query_one("#name", Input).value = str(second)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.screen_stack == [app.screen]
        assert app.session is not None and app.session.path == second

        app.open_workshop(first)  # straight from one workshop into another
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and app.screen_stack == [app.screen]
        assert app.session is not None and app.session.path == first
        assert is_free(second)
