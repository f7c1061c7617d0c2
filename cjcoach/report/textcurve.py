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
    ids = [code(tv.t.id) for tv in pv.touchpoints]
    id_width = max((display_width(i) for i in ids), default=2)
    unknown = str(labels.get("no_emotion", "?"))
    rows = {e: "".join(("●" if e == k else "·").rjust(SLOT) for k in range(-2, 3))
            + "  " + f"{e:+d}".replace("-", "−").replace("+0", "0") for e in range(-2, 3)}
    rows[None] = "".join("·".rjust(SLOT) for _ in range(-2, 3)) + "  " + unknown
    lines: list[Safe] = [Safe(" " * (NAME_WIDTH + id_width + 4) + _scale())]
    index = 0
    for phase in pv.phases:
        lines.append(Safe("■ " + code(phase.label)))
        for tv in phase.touchpoints:
            name = pad(shorten(code(tv.t.name), NAME_WIDTH - 2), NAME_WIDTH)
            dots = rows.get(tv.t.emotion, rows[None])
            lines.append(Safe(f"  {pad(ids[index], id_width)}  {name}{dots}"))
            index += 1
    return lines
