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

from typing import Any

from cjcoach.report.filters import Safe, code, display_width, pad, shorten
from cjcoach.report.view import PersonaView

NAME_WIDTH = 32
SLOT = 4


def _scale() -> str:
    return "".join(f"{e:+d}".replace("-", "−").replace("+0", "0").rjust(SLOT)
                   for e in range(-2, 3))


def text_curve(pv: PersonaView, labels: dict[str, Any]) -> list[Safe]:
    """The lines of ``pv``'s text emotion curve (without the fence around them)."""
    lines: list[Safe] = []
    id_width = max((display_width(code(tv.t.id)) for tv in pv.touchpoints), default=2)
    unknown = str(labels.get("no_emotion", "?"))
    lines.append(Safe(" " * (NAME_WIDTH + id_width + 4) + _scale()))
    for phase in pv.phases:
        lines.append(Safe("■ " + code(phase.label)))
        for tv in phase.touchpoints:
            e = tv.t.emotion
            dots = "".join(("●" if e == k else "·").rjust(SLOT) for k in range(-2, 3))
            mark = f"{e:+d}".replace("-", "−").replace("+0", "0") if e is not None else unknown
            name = pad(shorten(code(tv.t.name), NAME_WIDTH - 2), NAME_WIDTH)
            lines.append(Safe(f"  {pad(code(tv.t.id), id_width)}  {name}{dots}  {mark}"))
    return lines
