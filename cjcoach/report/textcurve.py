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


def _fitted(texts: list[Safe], width: int) -> list[str]:
    """Each text cut at a word to fit ``width`` − 2 columns, padded to ``width``."""
    if "".join(texts).isascii():  # the common case: every character (and "…") one column
        return [(t if len(t) <= width - 2 else shorten(t, width - 2)).ljust(width)
                for t in texts]
    return [pad(shorten(t, width - 2), width) for t in texts]


def _padded(texts: list[Safe]) -> tuple[int, list[str]]:
    """The columns the widest text takes, and the texts padded to it."""
    if "".join(texts).isascii():
        width = max(map(len, texts), default=2)
        return width, [t.ljust(width) for t in texts]
    width = max(map(display_width, texts), default=2)
    return width, [pad(t, width) for t in texts]


def text_curve(pv: PersonaView, labels: dict[str, Any]) -> Safe:
    """``pv``'s text emotion curve, one line per touchpoint (without the fence around it)."""
    tps = pv.touchpoints
    id_width, ids = _padded(codes([tv.t.id for tv in tps]))
    names = _fitted(codes([tv.t.name for tv in tps]), NAME_WIDTH)
    unknown = str(labels.get("no_emotion", "?"))
    rows: dict[int | None, str] = {
        e: "".join(("●" if e == k else "·").rjust(SLOT) for k in range(-2, 3))
        + "  " + f"{e:+d}".replace("-", "−").replace("+0", "0") for e in range(-2, 3)}
    no_emotion = "".join("·".rjust(SLOT) for _ in range(-2, 3)) + "  " + unknown
    dots = [rows.get(tv.t.emotion, no_emotion) for tv in tps]
    lines = [" " * (NAME_WIDTH + id_width + 4) + _scale()]
    start = 0
    for phase in pv.phases:
        end = start + len(phase.touchpoints)
        lines.append("■ " + code(phase.label))
        lines += [f"  {i}  {n}{d}" for i, n, d in zip(ids[start:end], names[start:end],
                                                      dots[start:end], strict=True)]
        start = end
    return Safe("\n".join(lines))
