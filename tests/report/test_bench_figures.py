"""The report's benchmark figures run and say what they measure (no timing asserted here:
the budgets live in the benchmark, ``.venv/bin/python -m bench --only report``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import figures_report  # noqa: E402
from bench.workshops import workshop_with  # noqa: E402
from cjcoach.report import render_markdown  # noqa: E402


def test_the_bare_loop_prints_the_rows_the_report_prints() -> None:
    w = workshop_with(30)
    report, bare = render_markdown(w), figures_report.BARE_LOOP.render(rows=w.touchpoints)
    for t in w.touchpoints:
        assert f"| {t.id} | {t.name} |" in bare
        assert t.name in report
    moments = sum(len(t.pain_points) + len(t.happy_moments) for t in w.touchpoints)
    assert bare.count("\n") == 3 * len(w.touchpoints) + moments


@pytest.mark.slow  # renders a 10,000-touchpoint report a few times
def test_markdown_figures_cover_every_size_and_linear_growth() -> None:
    rows = figures_report.markdown(1)
    assert [r.figure for r in rows] == [
        "Markdown report, 10 touchpoints", "Markdown report, 100 touchpoints",
        "Markdown report, 1,000 touchpoints", "Markdown report, 10,000 touchpoints",
        "Markdown report, 10,000 touchpoints (linear growth)"]
    assert rows[2].budget == 3.0 and rows[4].budget == figures_report.LINEAR_BUDGET
    assert all(r.measured.median > 0 and r.against.median > 0 for r in rows)


def test_html_figure_is_against_markdown_it() -> None:
    [row] = figures_report.html(1)
    assert row.budget == 1.0 and "markdown-it" in row.reference
    assert row.measured.median > 0 and row.against.median > 0
