"""The workshop room as a Textual app, and the factory the command line and tests share.

The app owns which main screen shows (home or chat), the open :class:`Session`, the
screen language and the theme. Screens ask the app to open workshops; the app turns
every failure into a sentence on the home screen.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import signal
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cjcoach.tui import collector

with collector.importing():  # Textual, YAML and the model: made once, kept for good
    from textual.app import App, SystemCommand
    from textual.binding import Binding
    from textual.screen import Screen

    from cjcoach import recent
    from cjcoach.model import Language
    from cjcoach.tui.keys import localize_bindings
    from cjcoach.tui.labels import Labels
    from cjcoach.tui.session import OpenError, Session, demo_copy

THEMES = ("textual-dark", "textual-light")
StartKind = Literal["home", "new", "open", "demo"]


@dataclass
class Options:
    """How the app starts: on the home screen, or straight into a workshop."""

    start: StartKind = "home"
    path: Path | None = None
    lang: Language | None = None
    """The workshop language for ``new``/``demo``; the screen language everywhere."""
    prompts: Path | None = None
    templates: Path | None = None
    handle_signals: bool = False
    """Exit cleanly on SIGTERM/SIGHUP (only for a real run, not under tests)."""


class CoachApp(App[int]):
    """cjcoach's workshop room."""

    TITLE = "cjcoach"
    CSS_PATH = ["app.tcss", "screens/chat.tcss"]
    """The chat's styles are read with the app's: read when the chat screen opens, they made
    Textual parse every style sheet again and restyle the app (ChatScreen names them too)."""
    BINDINGS = [
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit", key_display="^q"),
    ]
    DEFAULT_MODE = "room-0"
    """Each main screen (home, or the chat on one workshop) is the base of a mode of its own
    (see :meth:`_show`); the first one is the screen the app starts on."""

    def __init__(self, options: Options | None = None) -> None:
        super().__init__()
        self.options = options or Options()
        lang = self.options.lang or recent.preference("language", ("nl", "en"))
        self.labels = Labels(lang)
        self.lang: Language = "en" if self.labels.lang == "en" else "nl"
        self.session: Session | None = None
        localize_bindings(self, self.labels)
        self._rooms = itertools.count(1)
        self.add_mode(self.DEFAULT_MODE, self._first_screen)

    # --- start and stop -------------------------------------------------------------

    def _first_screen(self) -> Screen:
        """What the room opens on: a workshop's chat, or the home screen.

        It is the first screen Textual draws, rather than one pushed over a blank default
        screen once the app is mounted: that blank screen stayed underneath, and was laid
        out and made the chat redraw while the room opened.
        """
        opts = self.options
        if opts.start == "open" and opts.path is not None:
            return self._workshop_screen(opts.path)
        if opts.start == "new" and opts.path is not None:
            return self._workshop_screen(opts.path, create_language=opts.lang or self.lang)
        if opts.start == "demo":
            return self._demo_screen(opts.lang or self.lang)
        return self._home_screen()

    def on_mount(self) -> None:
        self.theme = recent.preference("theme", THEMES)
        if self.options.handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self.exit)

    def on_unmount(self) -> None:
        self.close_session()

    def close_session(self) -> None:
        """Close the open workshop, keeping an unsent answer for next time."""
        if self.session is not None:
            session, self.session = self.session, None
            session.close()

    # --- main screens ---------------------------------------------------------------

    def _show(self, screen: Screen) -> None:
        """Make ``screen`` the main screen, in place of the one shown (and what is over it).

        Textual cannot take away the bottom screen of a stack, so every main screen starts
        a mode of its own and the previous mode, with its screens, is removed.
        """
        before, mode = self.current_mode, f"room-{next(self._rooms)}"
        self.add_mode(mode, lambda: screen)
        self.switch_mode(mode)
        self.remove_mode(before)

    def go_home(self, error: str = "") -> None:
        self._show(self._home_screen(error))

    def open_workshop(self, path: Path, create_language: Language | None = None) -> None:
        """Open ``path`` in the chat; on failure, go home and say why."""
        self._show(self._workshop_screen(path, create_language))

    def open_demo(self, lang: Language) -> None:
        self._show(self._demo_screen(lang))

    def _home_screen(self, error: str = "") -> Screen:
        with collector.importing():
            from cjcoach.tui.screens.home import HomeScreen

        self.close_session()
        return HomeScreen(error=error)

    def _workshop_screen(self, path: Path, create_language: Language | None = None) -> Screen:
        """The chat on ``path``; the home screen saying why, when it cannot be opened."""
        try:
            session = Session.open(path, create_language, self.options.prompts)
        except OpenError as exc:
            return self._home_screen(self.labels("home.cannot_open", path=path, reason=exc))
        with collector.importing():
            from cjcoach.tui.screens.chat import ChatScreen

        self.close_session()
        self.session = session
        if session.workfile.workshop.language != self.labels.lang:
            self.set_language(session.workfile.workshop.language, remember=False)
        return ChatScreen(session)

    def _demo_screen(self, lang: Language) -> Screen:
        """A fresh copy of the demo in the chat (the home screen, if it cannot be made)."""
        try:
            path = demo_copy(lang)
        except OpenError as exc:
            return self._home_screen(str(exc))
        return self._workshop_screen(path)

    # --- language and theme ---------------------------------------------------------

    def set_language(self, lang: str, remember: bool = True) -> None:
        self.labels = Labels(lang)
        self.lang = "en" if self.labels.lang == "en" else "nl"
        localize_bindings(self, self.labels)
        if remember:
            recent.set_preference("language", self.labels.lang)

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]
        recent.set_preference("theme", self.theme)

    # --- help and palette -----------------------------------------------------------

    def action_help(self) -> None:
        from cjcoach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Quit at once: every accepted answer is already on disk, so nothing is asked."""
        self.exit(0)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        L = self.labels
        provider = getattr(screen, "palette_commands", None)
        if provider is not None:
            yield from provider()
        yield SystemCommand(L("palette.help"), L("palette.help_help"), self.action_help)
        yield SystemCommand(L("palette.theme"), L("palette.theme_help"), self.action_toggle_theme)
        yield SystemCommand(L("palette.quit"), L("palette.quit_help"), self.action_quit)


def create_app(options: Options | None = None) -> CoachApp:
    """The app factory used by ``cjcoach`` and by the tests."""
    _keep_what_is_imported()
    return CoachApp(options)


_imports_kept = False


def _keep_what_is_imported() -> None:
    """Exempt everything loaded so far from garbage collection, once per process.

    Start-up imports Textual, the engine and their modules: some 36,000 objects the
    collector tracks (classes, functions, module dicts) that live as long as the program.
    Left in its care, they made it walk them all (a full collection, 25-35 ms) while the
    first screen was being drawn. Frozen (``gc.freeze``), they are skipped by every later
    collection; what the room creates from here on is collected as usual.
    """
    global _imports_kept
    if not _imports_kept:
        _imports_kept = True
        gc.freeze()
