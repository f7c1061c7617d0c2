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

from cjcoach.report.filters import Safe, code, codes, display_width, pad, shorten
from cjcoach.report.view import PersonaView

NAME_WIDTH = 32
SLOT = 4


def _scale() -> str:
    return "".join(f"{e:+d}".replace("-", "−").replace("+0", "0").rjust(SLOT)
                   for e in range(-2, 3))


def _fit(text: Safe, width: int) -> str:
    """``text`` cut at a word to fit ``width`` − 2 columns, padded to ``width``."""
    if text.isascii():  # the common case: every character (and "…") takes one column
        return (text if len(text) <= width - 2 else shorten(text, width - 2)).ljust(width)
    return pad(shorten(text, width - 2), width)


def text_curve(pv: PersonaView, labels: dict[str, Any]) -> Safe:
    """``pv``'s text emotion curve, one line per touchpoint (without the fence around it)."""
    ids = codes([tv.t.id for tv in pv.touchpoints])
    names = codes([tv.t.name for tv in pv.touchpoints])
    id_width = max((display_width(i) for i in ids), default=2)
    unknown = str(labels.get("no_emotion", "?"))
    rows = {e: "".join(("●" if e == k else "·").rjust(SLOT) for k in range(-2, 3))
            + "  " + f"{e:+d}".replace("-", "−").replace("+0", "0") for e in range(-2, 3)}
    rows[None] = "".join("·".rjust(SLOT) for _ in range(-2, 3)) + "  " + unknown
    no_emotion = rows[None]
    lines = [" " * (NAME_WIDTH + id_width + 4) + _scale()]
    index = 0
    for phase in pv.phases:
        lines.append("■ " + code(phase.label))
        for tv in phase.touchpoints:
            tid = ids[index]
            tid = tid.ljust(id_width) if tid.isascii() else pad(tid, id_width)
            lines.append(f"  {tid}  {_fit(names[index], NAME_WIDTH)}"
                         f"{rows.get(tv.t.emotion, no_emotion)}")
            index += 1
    return Safe("\n".join(lines))
