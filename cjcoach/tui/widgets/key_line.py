"""The line at the bottom of every screen: the keys that work here and what they do.

It shows the same keys as Textual's ``Footer`` (the shown bindings of the focused widget,
its screen and the app, in the team's language; the command palette on the right), and a
click on a key (or its description) presses it. Unlike ``Footer``, which is a container
with a widget per key, it is one widget drawing one line: the workshop room starts
noticeably faster with it.

When the line is too narrow, the palette key loses its word first (F1 lists every key).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    """One key on the line: what to press, how it is shown, what it does."""

    key: str
    display: str
    description: str
    enabled: bool = True


@lru_cache(maxsize=128)
def key_text(key: Key, hover: bool = False) -> Content:
    """The key bold in the footer's key colour, its description after it.

    Kept once made: the line is drawn again whenever the focus or the bindings change, and
    its keys rarely do (the colours are looked up in the theme when the line is drawn).
    """
    text = Content.styled(key.display, "bold $footer-key-foreground")
    if key.description:
        text += " " + key.description
    if not key.enabled:
        text = text.stylize_before("dim")
    if hover:
        text = text.stylize_before("on $block-hover-background")
    return text


@lru_cache(maxsize=1)
def _separator() -> Content:
    """The thin line before the command palette key."""
    return Content.styled("▏", "dim")


class KeyLine(Widget, can_focus=False):
    """One line of keys; ``palette`` is the word shown beside the command palette key."""

    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    ALLOW_SELECT = False

    def __init__(self, palette: str = "", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.palette = palette
        self._spots: list[tuple[int, int, Key]] = []
        """Where each key was drawn (first cell, cell after the last), for the mouse."""
        self._hover = ""
        self._drawn: tuple[object, Content] | None = None
        """What the line was last drawn from, and the line: drawn again only when it changes."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def relabel(self, palette: str) -> None:
        """A new word for the palette key (after the language changed)."""
        self.palette = palette
        self.refresh()

    def keys(self) -> tuple[list[Key], Key | None]:
        """The keys shown on the left, and the command palette key for the right."""
        app = self.app
        shown: list[Key] = []
        actions: set[str] = set()
        palette: Key | None = None
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.action in ("command_palette", "app.command_palette"):
                if app.ENABLE_COMMAND_PALETTE:
                    palette = Key(binding.key, app.get_key_display(binding),
                                  self.palette or binding.description, enabled)
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.append(Key(binding.key, app.get_key_display(binding),
                                 binding.description, enabled))
        return shown, palette

    def render(self) -> RenderResult:
        shown, palette = self.keys()
        drawn_from = (tuple(shown), palette, self.palette, self.size.width, self._hover)
        if self._drawn is None or self._drawn[0] != drawn_from:
            self._drawn = (drawn_from, self._line(shown, palette))
        return self._drawn[1]

    def _line(self, shown: list[Key], palette: Key | None) -> Content:
        """The whole line; remembers where each key is for the mouse."""
        spots: list[tuple[int, int, Key]] = []
        line = Content("")
        for key in shown:
            if spots:
                line += Content(" ")
            text = key_text(key, key.key == self._hover)
            spots.append((line.cell_length, line.cell_length + text.cell_length, key))
            line += text
        if palette is not None:
            for words in (palette.description, ""):
                text = key_text(palette._replace(description=words),
                                palette.key == self._hover)
                gap = self.size.width - line.cell_length - text.cell_length - 1
                if gap >= 0 or not words:
                    break
            line += Content(" " * max(gap, 0)) + _separator()
            spots.append((line.cell_length, line.cell_length + text.cell_length, palette))
            line += text
        self._spots = spots
        return line

    def key_at(self, x: int) -> Key | None:
        """The key drawn at column ``x``, if any."""
        return next((key for start, end, key in self._spots if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        """A click on a key does what pressing it does."""
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        hover = key.key if key is not None else ""
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover:
            self._hover = ""
            self.refresh()
