"""Timing helpers for the benchmark: repeated runs, medians, and rows of the table.

Every figure is measured beside its reference in the same run and reported as a ratio,
because absolute times on a shared two-core machine mean little.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Timing:
    """Repeated measurements of one thing, in seconds (or bytes for memory)."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, samples: list[float]) -> Timing:
        return cls(statistics.median(samples), min(samples), max(samples))


@dataclass(frozen=True)
class Row:
    """One line of the benchmark table: a figure, its reference, and the budget."""

    figure: str
    reference: str
    measured: Timing
    against: Timing
    budget: float | None
    """The highest ratio allowed; ``None`` for rows shown for context only."""
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.measured.median / self.against.median if self.against.median else 0.0

    @property
    def ok(self) -> bool:
        return self.budget is None or self.ratio <= self.budget

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data.update(ratio=round(self.ratio, 3), ok=self.ok)
        return data


def repeat(action: Callable[[], object], times: int, setup: Callable[[], object] | None = None,
           ) -> Timing:
    """Time ``action`` ``times`` times (after one warm-up), garbage collected in between."""
    if setup:
        setup()
    action()
    samples = []
    for _ in range(times):
        if setup:
            setup()
        gc.collect()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return Timing.of(samples)


def interleaved(first: Callable[[], object], second: Callable[[], object],
                times: int) -> tuple[Timing, Timing]:
    """Time two actions alternately, so machine noise hits both the same way."""
    first()
    second()
    a: list[float] = []
    b: list[float] = []
    for _ in range(times):
        for action, samples in ((first, a), (second, b)):
            gc.collect()
            start = time.perf_counter()
            action()
            samples.append(time.perf_counter() - start)
    return Timing.of(a), Timing.of(b)


def _show(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value * 1000:.1f} ms"


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table, ready for the README."""
    lines = [
        "| figure | cjcoach (median, min–max) | reference (median) | ratio | budget | ok |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        m = r.measured
        spread = f"{_show(m.median, r.unit)} ({_show(m.low, r.unit)}–{_show(m.high, r.unit)})"
        figure = f"{r.figure}<br>*vs {r.reference}*"
        note = f" {r.note}" if r.note else ""
        budget = "—" if r.budget is None else f"≤ {r.budget:g}×"
        verdict = "—" if r.budget is None else ("yes" if r.ok else "NO")
        lines.append(f"| {figure} | {spread} | {_show(r.against.median, r.unit)} | "
                     f"{r.ratio:.2f}× | {budget}{note} | {verdict} |")
    return "\n".join(lines)
