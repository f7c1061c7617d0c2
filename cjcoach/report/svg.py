"""The two charts cjcoach draws itself for the HTML report: no JavaScript, no network.

* :func:`emotion_curve`: a persona's emotion (−2..+2) at each touchpoint, in journey order,
  over bands for the phases.
* :func:`impact_effort`: every scored idea on the value/effort grid with its four quadrants.

All text is HTML-escaped (``filters.html``); sizes are in a ``viewBox`` so the chart scales
to the page and prints sharp.
"""

from __future__ import annotations

from typing import Any

from cjcoach.report.filters import html, shorten
from cjcoach.report.view import HIGH, IdeaView, PersonaView

_COLOURS = {-2: "#c0392b", -1: "#e67e22", 0: "#7f8c8d", 1: "#27ae60", 2: "#1e8449"}
_FONT = 'font-family="Helvetica, Arial, sans-serif"'
_LABELLED = 28
"""Up to this many touchpoints get their name under the curve; more get every few ids."""


def _text(x: float, y: float, body: str, size: int = 11, anchor: str = "middle",
          extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'{_FONT}{extra}>{html(body)}</text>')


def emotion_curve(pv: PersonaView, labels: dict[str, Any]) -> str:
    """An SVG line chart of ``pv``'s emotions, one point per touchpoint."""
    tps = pv.touchpoints
    n = max(len(tps), 1)
    labelled = len(tps) <= _LABELLED
    left, right, top = (96 if labelled else 44), 12, 34
    plot_h = 180
    bottom = 120 if labelled else 40
    width = 700
    plot_w = width - left - right
    height = top + plot_h + bottom
    step = plot_w / n

    def x(i: int) -> float:
        return left + step * (i + 0.5)

    def y(e: int) -> float:
        return top + (2 - e) * plot_h / 4

    title = str(labels.get("curve_of", "{name}")).replace("{name}", pv.p.name)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart curve" role="img" '
           f'viewBox="0 0 {width} {height}" aria-label="{html(title)}">',
           f"<title>{html(title)}</title>"]
    # phase bands
    start = 0
    for k, phase in enumerate(pv.phases):
        count = len(phase.touchpoints)
        fill = "#f4f6f8" if k % 2 == 0 else "#ffffff"
        x0 = left + step * start
        out.append(f'<rect x="{x0:.1f}" y="{top}" width="{step * count:.1f}" '
                   f'height="{plot_h}" fill="{fill}"/>')
        out.append(_text(x0 + step * count / 2, top - 10,
                         shorten(phase.label, max(4, int(step * count / 7))), 11,
                         extra=' font-weight="bold" fill="#34495e"'))
        start += count
    # grid and axis labels
    for e in range(-2, 3):
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(e):.1f}" y2="{y(e):.1f}" '
                   f'stroke="{"#95a5a6" if e == 0 else "#dfe4e8"}" stroke-width="1"/>')
        out.append(_text(left - 8, y(e) + 4, f"{e:+d}" if e else "0", 11, "end",
                         f' fill="{_COLOURS[e]}"'))
    # the curve: a line through the known emotions, broken where one is missing
    segment: list[str] = []
    paths = []
    for i, tv in enumerate(tps):
        if tv.t.emotion is None:
            if len(segment) > 1:
                paths.append(segment)
            segment = []
            continue
        segment.append(f"{x(i):.1f},{y(tv.t.emotion):.1f}")
    if len(segment) > 1:
        paths.append(segment)
    for points in paths:
        out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#2c3e50" '
                   'stroke-width="2" stroke-linejoin="round"/>')
    radius = 5 if n <= 60 else 3 if n <= 200 else 1.5
    every = max(1, n // 20)
    for i, tv in enumerate(tps):
        felt = tv.t.emotion
        if felt is not None:
            out.append(f'<circle cx="{x(i):.1f}" cy="{y(felt):.1f}" r="{radius}" '
                       f'fill="{_COLOURS.get(felt, "#7f8c8d")}"><title>{html(tv.t.id)} '
                       f'{html(tv.t.name)}: {felt:+d}</title></circle>')
        if labelled:
            base = top + plot_h + 10
            out.append(_text(x(i), base, shorten(f"{tv.t.id} {tv.t.name}", 24), 10, "end",
                             f' transform="rotate(-45 {x(i):.1f} {base:.1f})"'))
        elif i % every == 0:
            out.append(_text(x(i), top + plot_h + 16, tv.t.id, 9))
    out.append("</svg>")
    return "".join(out)


def impact_effort(ideas: list[IdeaView], labels: dict[str, Any]) -> str:
    """An SVG grid with effort across and value up, the four quadrants named."""
    size, pad = 360, 48
    width, height = size + pad + 20, size + pad + 30
    x0, y0 = pad, 10

    def x(effort: float) -> float:
        return x0 + (effort - 1) * size / 4

    def y(value: float) -> float:
        return y0 + (5 - value) * size / 4

    quadrants = labels.get("quadrants") or {}
    title = str(labels.get("impact_effort", ""))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart grid" role="img" '
           f'viewBox="0 0 {width} {height}" aria-label="{html(title)}">',
           f"<title>{html(title)}</title>",
           f'<rect x="{x0}" y="{y0}" width="{size}" height="{size}" fill="#fbfcfd" '
           'stroke="#95a5a6"/>']
    mid_x, mid_y = x(HIGH), y(HIGH)
    out.append(f'<rect x="{x0}" y="{y0}" width="{mid_x - x0:.1f}" height="{mid_y - y0:.1f}" '
               'fill="#e9f7ef"/>')
    out.append(f'<rect x="{mid_x:.1f}" y="{mid_y:.1f}" width="{x0 + size - mid_x:.1f}" '
               f'height="{y0 + size - mid_y:.1f}" fill="#fdecea"/>')
    out.append(f'<line x1="{mid_x:.1f}" x2="{mid_x:.1f}" y1="{y0}" y2="{y0 + size}" '
               'stroke="#95a5a6" stroke-dasharray="4 3"/>')
    out.append(f'<line x1="{x0}" x2="{x0 + size}" y1="{mid_y:.1f}" y2="{mid_y:.1f}" '
               'stroke="#95a5a6" stroke-dasharray="4 3"/>')
    corners = (("quick_win", x0 + 6, y0 + 16, "start"), ("big_bet", x0 + size - 6, y0 + 16, "end"),
               ("fill_in", x0 + 6, y0 + size - 8, "start"),
               ("money_pit", x0 + size - 6, y0 + size - 8, "end"))
    for key, cx, cy, anchor in corners:
        out.append(_text(cx, cy, str(quadrants.get(key, key)), 12, anchor,
                         ' font-weight="bold" fill="#5d6d7e"'))
    for v in range(1, 6):
        out.append(_text(x0 - 8, y(v) + 4, str(v), 10, "end", ' fill="#5d6d7e"'))
        out.append(_text(x(v), y0 + size + 14, str(v), 10, extra=' fill="#5d6d7e"'))
    out.append(_text(x0 + size / 2, y0 + size + 30, str(labels.get("effort", "")), 12))
    out.append(_text(14, y0 + size / 2, str(labels.get("value", "")), 12,
                     extra=f' transform="rotate(-90 14 {y0 + size / 2:.1f})"'))
    seen: dict[tuple[float, int], int] = {}
    for iv in ideas:
        if iv.value is None or iv.i.effort is None:
            continue
        spot = (iv.value, iv.i.effort)
        k = seen.get(spot, 0)
        seen[spot] = k + 1
        dx, dy = ((k % 3) - 1) * 22 * (k > 0), (k // 3) * 20
        dot_x, dot_y = x(iv.i.effort) + dx, y(iv.value) + dy
        stroke = ' stroke="#c0392b" stroke-width="3"' if iv.flagged else ""
        out.append(f'<circle cx="{dot_x:.1f}" cy="{dot_y:.1f}" r="11" fill="#2c3e50"{stroke}>'
                   f"<title>{html(iv.i.id)} {html(iv.i.title)}</title></circle>")
        out.append(_text(dot_x, dot_y + 4, shorten(iv.i.id, 4), 9, extra=' fill="#ffffff"'))
    out.append("</svg>")
    return "".join(out)
