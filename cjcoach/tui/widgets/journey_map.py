"""The map beside the chat: how far the workshop is, and the current persona's journey.

The journey is a board with the phases as columns and the touchpoints in them, each with
its emotion as a small bar (▁ bad … █ great) and its pain points and happy moments
marked; under the board the emotions in journey order make a small curve. Both parts are
one Rich renderable in one widget, redrawn from the workshop after every accepted answer.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from cjcoach.engine.api import StepInfo
from cjcoach.model import Touchpoint, Workshop
from cjcoach.tui.labels import Labels

BARS = {-2: "▁", -1: "▃", 0: "▄", 1: "▆", 2: "█"}
BAR_STYLES = {-2: "bold red", -1: "dark_orange", 0: "yellow", 1: "green", 2: "bold green"}
STEP_MARKS = {"done": ("✓", "green"), "current": ("▶", "bold reverse"), "todo": ("·", "dim")}


def steps_text(steps: Sequence[StepInfo], labels: Labels) -> Text:
    """All steps, one per line: done ones ticked, the current one highlighted."""
    text = Text()
    text.append(labels("map.steps") + "\n", style="bold underline")
    for i, step in enumerate(steps):
        mark, style = STEP_MARKS.get(step.state, ("·", ""))
        text.append(f"{mark} ", style=style if step.state != "current" else "bold")
        title = step.title if step.title and step.title != step.key else \
            labels.step_title(step.key)
        text.append(title, style=style)
        if i < len(steps) - 1:
            text.append("\n")
    return text


def emotion_bar(emotion: int | None) -> Text:
    """One character whose height and colour show the emotion (-2 … +2); · when unknown."""
    if emotion is None:
        return Text.assemble(("·", "dim"))
    return Text.assemble((BARS.get(emotion, "?"), BAR_STYLES.get(emotion, "")))


CARD_LINES = 2
"""A touchpoint name takes at most this many lines on the board; the report has it in full."""


def card(tp: Touchpoint, width: int) -> Text:
    """A touchpoint as a card: its emotion bar and marks on top, its name below."""
    text = Text()
    text.append_text(emotion_bar(tp.emotion))
    if tp.pain_points:
        text.append(" " + "!" * min(len(tp.pain_points), 3), style="bold red")
    if tp.happy_moments:
        text.append(" " + "+" * min(len(tp.happy_moments), 3), style="bold green")
    lines = textwrap.wrap(" ".join(tp.name.split()), max(width, 4), break_long_words=True)
    if len(lines) > CARD_LINES:
        lines = lines[:CARD_LINES]
        lines[-1] = lines[-1][:max(width, 4) - 1].rstrip() + "…"
    for line in lines:
        text.append("\n" + line)
    return text


def curve_text(journey: Sequence[Touchpoint], phase_order: Sequence[str], label: str) -> Text:
    """The emotions in journey order, with a thin line between phases."""
    text = Text.assemble((label + " ", "bold"))
    last_phase: str | None = None
    for tp in journey:
        if last_phase is not None and tp.phase != last_phase:
            text.append("│", style="dim")
        text.append_text(emotion_bar(tp.emotion))
        last_phase = tp.phase
    return text


def lines(*parts: Text) -> Text:
    """Texts one under the other, as one text.

    Drawn like a ``Group`` of them, but Textual shows a text itself, where a group goes
    through Rich's console: the map of a workshop without phases draws faster.
    """
    return Text("\n").join(parts)


def board(workshop: Workshop, persona_id: str, labels: Labels,
          width: int = 50) -> RenderableType:
    """The persona's journey: phases as columns, touchpoint cards in them, a curve below."""
    persona = workshop.persona(persona_id)
    if persona is None:
        return Text(labels("map.no_persona"), style="italic")
    index = workshop.personas.index(persona) + 1
    title = Text(labels("map.journey", name=persona.name), style="bold underline")
    count = Text(labels("map.persona_count", index=index, total=len(workshop.personas)),
                 style="dim")
    if not workshop.phases:
        return lines(title, count, Text(labels("map.no_phases"), style="italic"))
    journey = workshop.journey(persona_id)
    table = Table(show_lines=False, expand=True, padding=(0, 0, 0, 1), pad_edge=False,
                  header_style="bold", border_style="dim")
    by_phase: dict[str, list[Touchpoint]] = {p.key: [] for p in workshop.phases}
    for tp in journey:
        by_phase.setdefault(tp.phase, []).append(tp)
    for phase in workshop.phases:
        table.add_column(Text(phase.label, overflow="ellipsis", no_wrap=True),
                         overflow="fold", ratio=1, min_width=6)
    columns = len(workshop.phases)
    card_width = (width - columns - 1) // columns - 1
    depth = max((len(tps) for tps in by_phase.values()), default=0)
    for row in range(depth):
        table.add_row(*[card(tps[row], card_width) if row < len(tps) else Text("")
                        for tps in (by_phase[p.key] for p in workshop.phases)])
    parts: list[RenderableType] = [title, count, table]
    if journey:
        parts.append(curve_text(journey, [p.key for p in workshop.phases],
                                labels("map.curve")))
        parts.append(Text(labels("map.legend"), style="dim"))
    else:
        parts.append(Text(labels("map.no_touchpoints"), style="dim italic"))
    return Group(*parts)


class JourneyMap(VerticalScroll):
    """The side panel: step progress on top, the journey board below, in one text."""

    DEFAULT_CSS = """
    JourneyMap { width: 45%; min-width: 30; padding: 0 1; border-left: vkey $primary 30%; }
    """

    _first: RenderableType = ""
    """What the map shows when it is first drawn (``show`` called before it was mounted)."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(self._first, id="journey")

    def show(self, workshop: Workshop, steps: Sequence[StepInfo], persona_id: str,
             labels: Labels) -> None:
        width = self.scrollable_content_region.width or 50
        journey = board(workshop, persona_id, labels, width)
        content: RenderableType = (
            lines(steps_text(steps, labels), Text(""), journey) if isinstance(journey, Text)
            else Group(steps_text(steps, labels), Text(""), journey))
        if self.is_mounted:
            self.query_one("#journey", Static).update(content)
        else:
            self._first = content
