"""The journey report: a pure function of a workshop and a template folder.

``render_markdown`` and ``render_html`` give the report as text; ``export`` writes it to a
file atomically. The command line (``report.cli.run_report``) and the TUI's export both
come here, so they give the same report. Jinja2 and markdown-it-py are imported on first
use only, to keep the TUI's start-up fast.

A template that cannot be used raises :class:`TemplateProblem` (its message names the
file and the line).
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cjcoach.model import Workshop

if TYPE_CHECKING:
    from cjcoach.report.html import Blocks

FORMATS = ("md", "html")


class TemplateProblem(Exception):
    """A report template (or its labels) that cannot be used: file, line and what is wrong."""


class _Figures:
    """What ``figures.curve(persona)`` and ``figures.grid(ideas)`` give a template.

    In Markdown there are no figures (empty text); in HTML each call leaves a token line
    that becomes an SVG chart once markdown-it has rendered the text around it.
    """

    def __init__(self, labels: dict[str, Any], blocks: Blocks | None) -> None:
        self._labels = labels
        self._blocks = blocks

    def curve(self, persona: Any) -> str:
        from cjcoach.report import filters, svg

        if self._blocks is None:
            return filters.Safe("")
        return filters.Safe(self._blocks.token(svg.emotion_curve(persona, self._labels)))

    def grid(self, ideas: Any) -> str:
        from cjcoach.report import filters, svg

        if self._blocks is None:
            return filters.Safe("")
        return filters.Safe(self._blocks.token(svg.impact_effort(list(ideas), self._labels)))


def _remarks(workshop: Workshop) -> list[Any] | None:
    """The coach's open remarks, or None when there is no coach to ask."""
    try:
        from cjcoach import coach
    except ImportError:
        return None
    from cjcoach.report.view import workshop_day

    try:
        return coach.review(workshop, today=workshop_day(workshop))
    except Exception:  # noqa: BLE001 - a coach problem must never cost the team its report
        return None


def _markdown(workshop: Workshop, templates: Path | None, blocks: Blocks | None
              ) -> tuple[str, dict[str, Any], Any]:
    from cjcoach.report import environment, filters, textcurve, tidy, view

    try:
        envs = environment.environments(templates)
        labels = envs.labels(workshop.language)
        context = view.build(workshop, labels, _remarks(workshop))
        context["format"] = "html" if blocks is not None else "md"
        context["figures"] = _Figures(labels, blocks)
        context["text_curve"] = functools.partial(textcurve.text_curve, labels=labels)
        template = envs.md.get_template(environment.REPORT_TEMPLATE)
        text = tidy.render_kept(lambda: template.render(context))
    except Exception as exc:
        raise environment.problem(exc) from None
    finally:
        filters.clear_caches()
    return text, context, envs


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a report is made, and resumed after (also when
    making it fails).

    A report makes tens of thousands of small objects (escaped cells, rows) that all live
    until it is done: the collector would walk them again and again and find nothing to
    free (a tenth of the time of a big report). Reference counting frees everything as
    usual; only a reference cycle waits for the next collection, after the report. Nothing
    is resumed that someone else paused: when the collector was off, it stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def render_markdown(workshop: Workshop, templates: Path | None = None) -> str:
    """The report as Markdown (CommonMark + GFM tables + Mermaid blocks)."""
    with _collector_paused():
        return _markdown(workshop, templates, None)[0]


def render_html(workshop: Workshop, templates: Path | None = None) -> str:
    """The report as one standalone, print-friendly HTML page (no script, no network)."""
    from markupsafe import Markup

    from cjcoach.report import environment, html

    blocks = html.Blocks()
    with _collector_paused():
        text, context, envs = _markdown(workshop, templates, blocks)
        body = html.to_html(text, blocks)
        try:
            page = envs.html.get_template(environment.PAGE_TEMPLATE)
            return str(page.render(context, body=Markup(body)))
        except Exception as exc:
            raise environment.problem(exc) from None


def export(workshop: Workshop, path: Path, fmt: str, templates: Path | None = None) -> Path:
    """Write the report in ``fmt`` (``md`` or ``html``) to ``path`` by atomic replace."""
    from cjcoach import store

    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose md or html")
    text = render_html(workshop, templates) if fmt == "html" else render_markdown(workshop,
                                                                                   templates)
    path = Path(path)
    store.write_atomic(path, text.encode("utf-8"), keep_backup=False)
    return path
