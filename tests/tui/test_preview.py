"""The report inside the app: preview as Markdown, save as Markdown and HTML."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from cjcoach import report
from cjcoach.tui.app import Options, create_app
from cjcoach.tui.screens.chat import ChatScreen
from cjcoach.tui.screens.preview import PreviewScreen

from .conftest import send


async def open_preview(pilot: object) -> PreviewScreen:
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.press("ctrl+r")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, PreviewScreen)
    return app.screen


async def test_the_preview_shows_the_same_report_as_the_command_line() -> None:
    app = create_app(Options("demo", lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        preview = await open_preview(pilot)
        assert app.session is not None
        assert preview.markdown == report.render_markdown(app.session.workfile.workshop)
        assert app.session.workfile.workshop.scene.organisation in preview.markdown
        await pilot.press("escape")
        assert isinstance(app.screen, ChatScreen)


async def test_saving_the_report_shows_where_it_went() -> None:
    app = create_app(Options("demo", lang="nl"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_preview(pilot)
        assert app.session is not None
        workshop = app.session.workfile.workshop
        md = app.session.path.with_name(app.session.path.stem + "-report.md")
        html = md.with_suffix(".html")
        await pilot.press("ctrl+s")
        state = str(app.screen.query_one("#export-state", Static).render())
        assert str(md) in state.replace("\n", "")
        assert md.read_text(encoding="utf-8") == report.render_markdown(workshop)
        await pilot.press("ctrl+e")
        assert html.exists() and "<html" in html.read_text(encoding="utf-8").lower()


async def test_the_report_command_in_the_chat_opens_the_preview(tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await send(pilot, "Bakery De Vries")
        await send(pilot, "/report")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        assert "Bakery De Vries" in app.screen.markdown


async def test_a_broken_template_folder_is_a_sentence_not_a_crash(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("{% if %}broken", encoding="utf-8")
    app = create_app(Options("new", tmp_path / "w.yaml", lang="en", templates=templates))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        preview = await open_preview(pilot)
        assert "could not be made" in preview.markdown
        await pilot.press("ctrl+s")
        state = str(app.screen.query_one("#export-state", Static).render())
        assert "could not be saved" in state
