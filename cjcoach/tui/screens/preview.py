"""The report preview, and saving the report as Markdown or HTML from inside the app.

In a terminal the file is saved beside the workshop file and its path is shown; in a
browser (textual-serve) the browser downloads it instead. The report module (Jinja2,
markdown-it) is imported only here, when the team first asks for the report.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Markdown, Static

from cjcoach.tui.labels import Labels
from cjcoach.tui.screens.labelled import Labelled
from cjcoach.tui.session import Session
from cjcoach.tui.widgets.key_line import KeyLine

SUFFIX = {"md": ".md", "html": ".html"}


def report_path(session: Session, fmt: str) -> Path:
    """Where the report goes: ``shop.yaml`` → ``shop-report.md`` in the same folder."""
    return session.path.with_name(f"{session.path.stem}-report{SUFFIX[fmt]}")


def export_report(app: App[object], session: Session, fmt: str,
                  labels: Labels) -> tuple[bool, str]:
    """Write the report; return whether it worked and a sentence saying where it went."""
    from cjcoach import report

    templates = getattr(getattr(app, "options", None), "templates", None)
    target = report_path(session, fmt)
    try:
        if app.is_web:
            folder = Path(tempfile.mkdtemp(prefix="cjcoach-"))
            written = report.export(session.workfile.workshop, folder / target.name, fmt,
                                    templates)
            app.deliver_binary(written, save_filename=target.name)
            return True, labels("preview.downloaded", name=target.name)
        written = report.export(session.workfile.workshop, target, fmt, templates)
    except Exception as exc:  # noqa: BLE001 - a user's template or disk: say it, don't crash
        return False, labels("preview.failed", reason=exc)
    return True, labels("preview.exported", path=written)


class PreviewScreen(Labelled, Screen[None]):
    """The report as it stands now, rendered as Markdown, with buttons to save it."""

    CSS_PATH = "preview.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", key_display="Esc"),
        Binding("ctrl+s", "export('md')", "Save as Markdown", id="export_md",
                key_display="^s"),
        Binding("ctrl+e", "export('html')", "Save as HTML", id="export_html",
                key_display="^e"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.markdown = ""

    def compose(self) -> ComposeResult:
        L = self.localized_labels()
        with Horizontal(id="preview-bar"):
            yield Static(L("preview.title"), id="preview-title")
            yield Button(L("keys.export_md"), id="export-md", compact=True)
            yield Button(L("keys.export_html"), id="export-html", compact=True)
            yield Button(L("keys.back"), id="back", compact=True)
        yield Static("", id="export-state", markup=False, classes="-hidden")
        with VerticalScroll(id="report-scroll"):
            yield Markdown(L("preview.loading"), id="report")
        yield KeyLine(L("keys.palette"))

    def on_mount(self) -> None:
        self.query_one("#report-scroll").focus()
        self.render_report()

    @work(thread=True, exclusive=True)
    def render_report(self) -> None:
        from cjcoach import report

        templates = getattr(self.app, "options", None)
        try:
            text = report.render_markdown(self.session.workfile.workshop,
                                          getattr(templates, "templates", None))
        except Exception as exc:  # noqa: BLE001 - a broken user template gets a sentence
            text = self.labels("preview.render_failed", reason=exc)
        # call_from_thread waits until the Markdown is laid out, so the worker ends after it
        self.app.call_from_thread(self._show, text)  # type: ignore[arg-type]

    async def _show(self, text: str) -> None:
        self.markdown = text
        await self.query_one("#report", Markdown).update(text)

    def action_back(self) -> None:
        self.dismiss()

    def action_export(self, fmt: str) -> None:
        ok, message = export_report(self.app, self.session, fmt, self.labels)
        state = self.query_one("#export-state", Static)
        state.update(message)
        state.set_class(False, "-hidden")
        state.set_class(not ok, "-error")

    @on(Button.Pressed, "#export-md")
    def _export_md(self) -> None:
        self.action_export("md")

    @on(Button.Pressed, "#export-html")
    def _export_html(self) -> None:
        self.action_export("html")

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.action_back()
