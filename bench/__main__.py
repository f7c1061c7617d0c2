"""`make bench`: measure cjcoach beside its references and print one table.

The table is also written to bench/results.json. Run with ``--quick`` for fewer repeats.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import figures_store
from bench.harness import Row, table

RESULTS = Path(__file__).with_name("results.json")


def _figures() -> list[tuple[str, Callable[[int], list[Row]]]]:
    figures: list[tuple[str, Callable[[int], list[Row]]]] = []
    try:
        from bench import figures_tui
        figures += [("cold start", figures_tui.cold_start),
                    ("round trip", figures_tui.round_trip),
                    ("memory", figures_tui.memory)]
    except ImportError as exc:
        print(f"(TUI figures unavailable: {exc})", file=sys.stderr)
    try:
        from bench import figures_report
        figures += [("markdown report", figures_report.markdown),
                    ("html report", figures_report.html)]
    except ImportError as exc:
        print(f"(report figures unavailable: {exc})", file=sys.stderr)
    figures.append(("autosave", figures_store.autosave))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument("--only", default="", help="run only figures whose name has this text")
    args = parser.parse_args()
    times = 3 if args.quick else 9
    rows: list[Row] = []
    started = time.monotonic()
    for name, figure in _figures():
        if args.only and args.only not in name:
            continue
        print(f"measuring {name} …", file=sys.stderr, flush=True)
        rows += figure(times)
    print(table(rows))
    machine = f"{platform.machine()}, {platform.python_implementation()} " \
              f"{platform.python_version()}, {platform.system()}"
    took = time.monotonic() - started
    print(f"\n{time.strftime('%Y-%m-%d')} on {machine}; {took:.0f} s")
    RESULTS.write_text(json.dumps({
        "date": time.strftime("%Y-%m-%d"), "machine": machine, "seconds": round(took, 1),
        "rows": [r.as_dict() for r in rows],
    }, indent=2, default=str))
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
