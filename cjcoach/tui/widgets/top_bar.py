"""The bar at the top of the chat: the workshop's file name, and what the autosave did.

One widget drawing one line (the name on the left, "saved 14:02:11 ✓" or the problem on
the right), rather than a row of widgets: every widget costs the room time while it opens.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget


class TopBar(Widget, can_focus=False):
    """``title`` on the left; :meth:`show_state` sets the text on the right."""

    DEFAULT_CSS = """
    TopBar { height: 1; background: $primary 25%; padding: 0 1; }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.title = title
        self.state = ""
        """What the autosave did, as shown (empty before the first answer)."""
        self.error = False

    def show_state(self, state: str, error: bool = False) -> None:
        """Show ``state`` on the right: green when all is well, bold red for a problem."""
        self.state, self.error = state, error
        self.refresh()

    def render(self) -> RenderResult:
        width = self.content_region.width
        state = Content.styled(self.state, "bold $error" if self.error else "$success")
        room = max(width - state.cell_length - (1 if self.state else 0), 0)
        title = Content.styled(self.title, "bold", strip_control_codes=True).truncate(room)
        return title + Content(" " * (width - title.cell_length - state.cell_length)) + state
