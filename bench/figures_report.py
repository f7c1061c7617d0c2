"""Benchmark figures: the journey report in Markdown and in HTML.

Markdown is measured beside a bare Jinja2 loop that prints the same rows the report
prints for each touchpoint, with no filters and no sandbox: the journey-table row (phase,
id, name, channel, importance, owner, emotion), the Mermaid task, the text-curve line and
a row per pain point or happy moment. What the report does beyond that loop (escaping
every field for its place, the summary, the coach's review, tidying) is the ratio.
HTML is measured beside markdown-it-py rendering the report's own Markdown.
"""

from __future__ import annotations

import jinja2

from bench.harness import Row, Timing, interleaved
from bench.workshops import workshop_with
from cjcoach.model import Workshop
from cjcoach.report import render_html, render_markdown
from cjcoach.report.html import markdown_it

SIZES = (10, 100, 1000, 10000)
BUDGET_AT_1000 = 3.0
LINEAR_BUDGET = 1.3
"""The 10,000 figure may be at most this much above ten times the 1,000 one."""

BARE_LOOP = jinja2.Environment().from_string(
    "{% for t in rows %}| {{ t.phase }} | {{ t.id }} | {{ t.name }} | {{ t.role }} | "
    "{{ t.channel }} | {{ t.importance }} | {{ t.owner }} | {{ t.emotion }} |\n{% endfor %}"
    "{% for t in rows %}    {{ t.name }}: {{ t.emotion }}: {{ t.persona }}, {{ t.owner }}\n"
    "{% endfor %}"
    "{% for t in rows %}  {{ t.id }}  {{ t.name }}  {{ t.emotion }}\n{% endfor %}"
    "{% for t in rows %}{% for m in t.pain_points + t.happy_moments %}| {{ t.persona }} | "
    "{{ t.id }} {{ t.name }} | {{ m.text }} | {{ m.teams | join(', ') }} |\n"
    "{% endfor %}{% endfor %}")
"""The reference: the report's per-touchpoint rows, printed as they are."""

JOURNEY_ONLY = jinja2.Environment().from_string(
    "{% for t in rows %}| {{ t.name }} | {{ t.channel }} | {{ t.importance }} | "
    "{{ t.owner }} | {{ t.emotion }} |\n{% endfor %}")
"""A narrower loop (the journey table's columns only), shown in the note for comparison."""


def _bare(w: Workshop) -> str:
    return BARE_LOOP.render(rows=w.touchpoints)


def _times(n: int, times: int) -> int:
    """Fewer repeats for the big workshop (a run takes a few hundred milliseconds)."""
    return max(3, times // 3) if n >= 10000 else times


def _scaled(t: Timing, factor: float) -> Timing:
    return Timing(t.median * factor, t.low * factor, t.high * factor)


def markdown(times: int) -> list[Row]:
    """One row per size against the bare loop, and one for linear growth (10,000 vs 1,000)."""
    rows: list[Row] = []
    measured: dict[int, Timing] = {}
    for n in SIZES:
        w = workshop_with(n)
        ours, ref = interleaved(lambda w=w: render_markdown(w), lambda w=w: _bare(w),
                                _times(n, times))
        measured[n] = ours
        note = ""
        if n == 1000:
            _, narrow = interleaved(lambda: None, lambda w=w: JOURNEY_ONLY.render(
                rows=w.touchpoints), times)
            note = f"(journey-table-only loop: {ours.median / narrow.median:.0f}×)"
        rows.append(Row(f"Markdown report, {n:,} touchpoints",
                        "a bare Jinja2 loop printing the same rows", ours, ref,
                        BUDGET_AT_1000 if n == 1000 else None, note=note))
    rows.append(Row("Markdown report, 10,000 touchpoints (linear growth)",
                    "10× the 1,000-touchpoint report", measured[10000],
                    _scaled(measured[1000], 10), LINEAR_BUDGET))
    return rows


def html(times: int) -> list[Row]:
    """The HTML report of 1,000 touchpoints against markdown-it-py on its Markdown."""
    w = workshop_with(1000)
    text = render_markdown(w)
    ours, ref = interleaved(lambda: render_html(w), lambda: markdown_it().render(text), times)
    return [Row("HTML report, 1,000 touchpoints", "markdown-it-py rendering the same Markdown",
                ours, ref, 1.0, note="(goal: ≤ 0.3×)")]
