"""Escape sequences and control characters that leak into the answer box are removed."""

from __future__ import annotations

import pytest

from cjcoach.tui.sanitize import clean_input


@pytest.mark.parametrize("leaked, meant", [
    ("\x1b[31mrood\x1b[0m", "rood"),
    ("\x1b[200~Google\nInstagram\x1b[201~", "Google\nInstagram"),
    ("web\x1b]0;title\x07shop", "webshop"),
    ("a\x1b[<35;10;5Mb", "ab"),
    ("a[<35;10;5Mb", "ab"),
    ("bel\x07 nul\x00 del\x7f", "bel nul del"),
    ("windows\r\nlines\rold mac", "windows\nlines\nold mac"),
    ("tab\tstays, émoji 😀 stays, | : # {{ }} <script> stay", None),
])
def test_only_what_the_team_meant_is_kept(leaked: str, meant: str | None) -> None:
    assert clean_input(leaked) == (leaked if meant is None else meant)
