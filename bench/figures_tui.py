"""Benchmark figures of the workshop room: cold start, answer round trip, memory."""

from __future__ import annotations

import compileall
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Row, Timing

ROOT = Path(__file__).resolve().parents[1]


def _child(kind: str, turns: int) -> dict[str, object]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "bench.tui_child", kind, str(turns)],
                            capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{kind} run failed:\n{result.stderr[-2000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["wall"] = time.perf_counter() - started
    return data


def _process_start_to_ready(kind: str) -> float:
    """Wall time from starting the process to the first question on screen."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bench.tui_child", kind, "0"],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "READY":
            ready = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{kind} never became ready")
    proc.stdout.read()
    proc.wait(timeout=60)
    return ready


def cold_start(times: int) -> list[Row]:
    """Process start → first question visible, both apps started the same way.

    Both start from compiled bytecode, as an installed program does (pip compiles a wheel
    when it installs it; Textual's own bytecode is compiled already). Without this, a
    checkout run with PYTHONDONTWRITEBYTECODE set compiles cjcoach's own modules from
    source at every start, and the figure measures the compiler. One unmeasured start of
    each app warms the disk cache.
    """
    compileall.compile_dir(ROOT / "cjcoach", quiet=1)
    _process_start_to_ready("minimal")
    _process_start_to_ready("cjcoach")
    ours: list[float] = []
    ref: list[float] = []
    for _ in range(times):
        ref.append(_process_start_to_ready("minimal"))
        ours.append(_process_start_to_ready("cjcoach"))
    return [Row("cold start: process start → first question visible (headless)",
                "a minimal Textual app (input + log)", Timing.of(ours), Timing.of(ref), 1.3)]


Run = dict[str, object]
_LONG_RUNS: dict[int, tuple[list[Run], list[Run]]] = {}
"""The 300-turn runs of both apps, by repeat count: round trip and memory share them."""


def _long_runs(times: int) -> tuple[list[Run], list[Run]]:
    if times not in _LONG_RUNS:
        runs = max(1, times // 3)
        _LONG_RUNS[times] = ([_child("cjcoach", 300) for _ in range(runs)],
                             [_child("minimal", 300) for _ in range(runs)])
    return _LONG_RUNS[times]


def _window(data: list[Run], start: int, end: int) -> Timing:
    return Timing.of([t for d in data for t in d["turns"][start:end]])  # type: ignore[index]


def round_trip(times: int) -> list[Row]:
    """Submit → next question drawn and autosaved; and flatness over 300 turns."""
    ours, ref = _long_runs(times)
    early_ours = _window(ours, 5, 15)
    return [
        Row("answer round trip: submit → next question drawn and saved (turn 10)",
            "the minimal app echoing a line", early_ours, _window(ref, 5, 15), 2.0),
        Row("round trip at turn 300 of a long workshop", "cjcoach at turn 10",
            _window(ours, 290, 300), early_ours, 1.2),
    ]


def memory(times: int) -> list[Row]:
    """Peak memory of the same 300-turn processes the round trip measured."""
    ours, ref = _long_runs(times)
    peak = [float(d["peak_mb"]) for d in ours]  # type: ignore[arg-type]
    ref_peak = [float(d["peak_mb"]) for d in ref]  # type: ignore[arg-type]
    return [Row("peak memory after 300 turns", "the minimal app after 300 echoes",
                Timing.of(peak), Timing.of(ref_peak), 2.0, unit="MB")]
