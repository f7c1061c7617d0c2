"""The home screen: new workshop, recent list, demo, language, and clear errors."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Button, Input, OptionList, Static

from cjcoach import demo, recent
from cjcoach.tui.app import Options, create_app
from cjcoach.tui.screens.chat import ChatScreen
from cjcoach.tui.screens.home import HomeScreen
from cjcoach.workfile import WorkshopFile


def error_text(app: object) -> str:
    return str(app.screen.query_one("#error", Static).render())  # type: ignore[attr-defined]


async def test_naming_a_workshop_saves_it_in_documents_and_opens_the_chat(
        user_home: Path) -> None:
    app = create_app(Options(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one("#name", Input).value = "Bakery De Vries"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        path = user_home / "Documents" / "cjcoach" / "bakery-de-vries.yaml"
        assert app.session is not None and app.session.path == path
    assert path.exists()
    assert WorkshopFile.open(path).workshop.language == "en"


async def test_an_empty_name_gets_a_sentence_not_a_file(user_home: Path) -> None:
    app = create_app(Options(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "name" in error_text(app)
    assert not (user_home / "Documents" / "cjcoach").exists()


async def test_a_broken_file_is_explained_on_home(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 99\n")
    app = create_app(Options("open", broken, lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        message = error_text(app)
        assert "broken.yaml" in message and "newer cjcoach" in message
        assert "Traceback" not in message


async def test_a_place_that_cannot_hold_a_file_is_explained_on_home(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    app = create_app(Options("new", tmp_path / "afile" / "x.yaml", lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Could not open" in error_text(app) and "may not write" in error_text(app)


async def test_recent_workshops_show_organisation_step_and_last_change(
        tmp_path: Path) -> None:
    path = tmp_path / "shop.yaml"
    WorkshopFile.open(path, create_language="en").close()
    recent.remember(path, "Bakery De Vries", "touchpoints")
    os.utime(path, (1_800_000_000, 1_800_000_000))
    app = create_app(Options(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        options = app.screen.query_one("#recent", OptionList)
        line = str(options.get_option_at_index(0).prompt)
        assert "Bakery De Vries" in line and "Touchpoints" in line
        assert "2027-01-15" in line and "shop.yaml" in line
        options.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.session is not None and app.session.path == path


async def test_the_demo_is_a_fresh_copy_and_the_bundled_file_stays_untouched(
        user_home: Path) -> None:
    before = demo.demo_bytes("en")
    app = create_app(Options(lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#demo-en")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.session is not None
        copy = app.session.path
        assert copy.parent == user_home / "Documents" / "cjcoach"
        assert copy.name.startswith("demo-en-")
        assert app.session.workfile.workshop.personas
    assert demo.demo_bytes("en") == before


async def test_the_language_button_switches_the_screen_and_is_remembered() -> None:
    app = create_app(Options())
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Klantreis" in str(app.screen.query_one("#heading", Static).render())
        await pilot.click("#language")
        await pilot.pause()
        assert "Customer-journey" in str(app.screen.query_one("#heading", Static).render())
        assert str(app.screen.query_one("#language", Button).label) == "Nederlands"
    assert recent.preference("language", ("nl", "en")) == "en"


async def test_a_workshop_open_elsewhere_opens_read_only_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "shared.yaml"
    holder = WorkshopFile.open(path, create_language="en")
    try:
        app = create_app(Options("open", path))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ChatScreen)
            banner = app.screen.query_one("#read-only", Static)
            assert banner.display and "another cjcoach window" in str(banner.render())
    finally:
        holder.close()
