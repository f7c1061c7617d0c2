"""One line read as several items, and the way back: "that was one".

A comma may separate goals and ideas ("Meer omzet, Vaste klanten"), but it may also sit
inside one ("more direct bookings, less via booking.com"). When one line became several
business goals, customer goals, ideas or moments ("kan niet zelf, moet mailen"), the reply
says so, and the answer "one" (or "één") right after it joins them again into the single
item the team meant.
"""

from __future__ import annotations

from dataclasses import dataclass

from cjcoach.engine import edits
from cjcoach.engine.flow import Position
from cjcoach.model import Workshop

JOINABLE = "GCIM"
"""The kinds of items a split line can be joined back into: goals, customer goals, ideas,
pain points and happy moments."""
LISTS = (("why", "business_goals"), ("personas", "goals"), ("ideas", "ideas"),
         ("moments", "pains"), ("moments", "happy"))
"""The questions that make those items: "one" typed there with nothing to join is asked
again, not taken as a goal or idea called "one"."""


@dataclass(frozen=True)
class Split:
    """The items one line of an answer became, at the question that took it."""

    position: Position
    ids: tuple[str, ...]
    text: str


def _number(item_id: str) -> int:
    return int(item_id[1:]) if item_id[1:].isdigit() else 0


def made_from_one_line(position: Position, text: str, before: set[str], w: Workshop
                       ) -> Split | None:
    """The split, when ``text`` (one line with a comma) just added several joinable items."""
    if "\n" in text or ";" in text or "," not in text:
        return None
    new = sorted((i for i in w.all_ids() - before if i[:1] in JOINABLE), key=_number)
    return Split(position, tuple(new), text.strip()) if len(new) > 1 else None


def join(w: Workshop, split: Split) -> str:
    """Make the split items one again, named as the line was typed; its id."""
    first, *rest = split.ids
    edits.rename(w, first, split.text)
    for item_id in rest:
        edits.delete(w, item_id)
    return first
