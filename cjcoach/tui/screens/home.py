"""The home screen: start a new workshop, carry on with a recent one, or open a demo."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from cjcoach import recent
from cjcoach.tui.labels import Labels
from cjcoach.tui.screens.labelled import Labelled
from cjcoach.tui.widgets.key_line import KeyLine


def recent_line(entry: recent.RecentWorkshop, labels: Labels) -> str:
    """``Bakery De Vries · Touchpoints · 2026-05-10 14:02 · bakery.yaml``"""
    who = entry.organisation or labels("home.no_organisation")
    where = labels("home.finished") if entry.finished else labels.step_title(entry.step or
                                                                              "scene")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.changed))
    return f"{who} · {where} · {when} · {entry.path.name}"


class HomeScreen(Labelled, Screen[None]):
    """Where ``cjcoach`` without a file starts."""

    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("ctrl+l", "language", "Language", id="language", key_display="^l"),
    ]

    def __init__(self, error: str = "") -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        L = self.localized_labels()
        with VerticalScroll(id="home"):
            with Horizontal(id="heading-row"):
                yield Static(L("home.heading"), id="heading")
                yield Static(L("home.language"), id="language-label")
                yield Button(L("home.language_button"), id="language", compact=True)
            yield Static(L("home.intro"), id="intro")
            yield Static(L("home.new_title"), classes="section")
            with Horizontal(id="new-row"):
                yield Input(placeholder=L("home.new_placeholder"), id="name")
                yield Button(L("home.start"), id="start", variant="primary", compact=True)
            yield Static(L("home.folder", folder=_tilde(recent.workshops_dir())),
                         id="folder", markup=False)
            yield Static(self.error, id="error", markup=False, classes="" if self.error
                         else "-hidden")
            yield Static(L("home.recent_title"), classes="section")
            entries = recent.recent_workshops()
            if entries:
                yield OptionList(*[Option(recent_line(e, L), id=str(e.path)) for e in entries],
                                 id="recent")
            else:
                yield Static(L("home.recent_none"), id="recent-none")
            yield Static(L("home.demo_title"), classes="section")
            with Horizontal(id="demo-row"):
                yield Button(L("home.demo_nl"), id="demo-nl", compact=True)
                yield Button(L("home.demo_en"), id="demo-en", compact=True)
        yield KeyLine(L("keys.palette"))

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def show_error(self, message: str) -> None:
        error = self.query_one("#error", Static)
        error.update(message)
        error.set_class(not message, "-hidden")

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#start")
    def start_new(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.show_error(self.labels("home.need_name"))
            return
        path = recent.new_workshop_path(name)
        self.app.open_workshop(path, create_language=self.app.lang)  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected, "#recent")
    def open_recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_workshop(Path(event.option.id))  # type: ignore[attr-defined]

    @on(Button.Pressed, "#demo-nl")
    def demo_nl(self) -> None:
        self.app.open_demo("nl")  # type: ignore[attr-defined]

    @on(Button.Pressed, "#demo-en")
    def demo_en(self) -> None:
        self.app.open_demo("en")  # type: ignore[attr-defined]

    @on(Button.Pressed, "#language")
    async def action_language(self) -> None:
        self.app.set_language(self.labels.other_language)  # type: ignore[attr-defined]
        await self.recompose()
        self.query_one("#name", Input).focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        L = self.labels
        yield SystemCommand(L("palette.language"), L("palette.language_help"),
                            self.action_language)
        yield SystemCommand(L("home.demo_nl"), "cjcoach demo --lang nl", self.demo_nl)
        yield SystemCommand(L("home.demo_en"), "cjcoach demo --lang en", self.demo_en)


def _tilde(path: Path) -> str:
    home = Path.home()
    try:
        return "~/" + str(path.relative_to(home))
    except ValueError:
        return str(path)
