"""The emotion curve as plain text, for readers without Mermaid (and for the wall).

Time runs down the page, one line per touchpoint; the dot sits further right the happier
the persona is::

                                         −2  −1   0  +1  +2
    ■ Awareness
      T1  Instagram advert                ·   ·   ·   ●   ·   +1

Every line starts with cjcoach's own characters and ends with dots, so no name can close
the code block around it. Names go through ``filters.code`` like any text in a code block.
"""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter
from typing import Any

from cjcoach.report.columns import shorten_lines
from cjcoach.report.filters import Safe, code, display_width, pad, shorten
from cjcoach.report.view import PersonaView

NAME_WIDTH = 32
SLOT = 4
_EMOTION = attrgetter("emotion")


def _scale() -> str:
    return "".join(f"{e:+d}".replace("-", "−").replace("+0", "0").rjust(SLOT)
                   for e in range(-2, 3))


def _dots(unknown: str) -> dict[int | None, str]:
    """The dots and the score for each emotion; ``unknown`` when there is none."""
    dots: dict[int | None, str] = {
        e: "".join(("●" if e == k else "·").rjust(SLOT) for k in range(-2, 3))
        + "  " + f"{e:+d}".replace("-", "−").replace("+0", "0") for e in range(-2, 3)}
    dots[None] = "".join("·".rjust(SLOT) for _ in range(-2, 3)) + "  " + unknown
    return dots


def text_curve(pv: PersonaView, labels: dict[str, Any]) -> Safe:
    """``pv``'s text emotion curve, one line per touchpoint (without the fence around it)."""
    journey, ids, names = pv.journey, pv.code_ids, pv.code_names
    dots = _dots(str(labels.get("no_emotion", "?")))
    no_emotion = dots[None]
    column = list(map(dots.get, map(_EMOTION, journey), repeat(no_emotion)))
    if "".join(ids).isascii() and "".join(names).isascii():
        # the common case: every character (and the "…" of a cut name) takes one column
        id_width = max(map(len, ids), default=2)
        names = shorten_lines(names, NAME_WIDTH - 2)
        body = [f"  {i.ljust(id_width)}  {n.ljust(NAME_WIDTH)}{d}"
                for i, n, d in zip(ids, names, column, strict=True)]
    else:
        id_width = max(map(display_width, ids), default=2)
        body = [f"  {pad(i, id_width)}  {pad(shorten(n, NAME_WIDTH - 2), NAME_WIDTH)}{d}"
                for i, n, d in zip(ids, names, column, strict=True)]
    lines = [" " * (NAME_WIDTH + id_width + 4) + _scale()]
    for run in pv.runs:
        lines.append("■ " + code(run.label))
        lines += body[run.start:run.end]
    return Safe("\n".join(lines))
