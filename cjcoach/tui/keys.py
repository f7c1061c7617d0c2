"""Key bindings in the team's language.

Bindings are declared in English with an ``id`` (STYLE.md: ids and tooltips); this module
gives each node its own copy whose descriptions come from ``labels/<lang>.yaml`` under
``keys.<id>``, so the footer speaks Dutch or English. Only ctrl+letter and F-keys are used:
terminals swallow Cmd and Alt, and ctrl+h/i/m are backspace, tab and enter.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from cjcoach.tui.labels import Labels


def localize_bindings(node: DOMNode, labels: Labels) -> None:
    """Replace the descriptions of ``node``'s bindings that have an id with ``labels``."""
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=labels(f"keys.{b.id}")) if b.id else b for b in bindings
        ]


def key_rows(node: DOMNode, labels: Labels) -> list[tuple[str, str]]:
    """(key, what it does) for every shown binding of ``node``, for the help screen."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for bindings in node._bindings.key_to_bindings.values():
        for b in bindings:
            if not b.id or b.id in seen:
                continue
            seen.add(b.id)
            rows.append((b.key_display or b.key, labels(f"keys.{b.id}")))
    return rows
