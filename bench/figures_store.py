"""Benchmark figures: autosaving a 1,000-touchpoint workshop, and what the room feels of it."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from bench.harness import Row, Timing, interleaved
from bench.workshops import workshop_with
from cjcoach.typed import to_data
from cjcoach.workfile import WorkshopFile


def autosave(times: int) -> list[Row]:
    workshop = workshop_with(1000)
    data = to_data(workshop)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with tempfile.TemporaryDirectory() as folder:
        opened = WorkshopFile.open(Path(folder) / "big.yaml", "en")
        opened.workshop = workshop
        ours, ref = interleaved(opened.save, lambda: yaml.dump(data, Dumper=dumper), times)
        opened.close()
    return [Row("autosave, 1,000 touchpoints (serialise, write, fsync, backup)",
                "yaml.dump with PyYAML's C dumper", ours, ref, 1.5), _stall(times)]


def _stall(times: int) -> Row:
    """The longest wait of the workshop room's UI loop while an answer is being saved.

    Measured in the real room (``bench.tui_child stall``): a 2 ms timer stands for the keys
    the team types, and the longest gap between two ticks before the answer is on disk is
    how long a key would have waited. The reference is that save itself run on the UI loop,
    as the room did before answers were saved on a thread: that whole time (~110 ms and
    more) every key stood still.

    Budget 0.25×: typing starts to feel sticky around 50 ms of delay, and a quarter of a
    1,000-touchpoint save stays below that. The engine's thread shares the interpreter with
    the UI loop, which gets a turn at least every 5 ms (Python's switch interval), so the
    expected stall is a few of those, not the whole save.
    """
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-m", "bench.tui_child", "stall",
                             str(max(times, 5) + 2)], capture_output=True, text=True, cwd=root,
                            timeout=600, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"stall run failed:\n{result.stderr[-2000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return Row("longest UI stall while a 1,000-touchpoint answer is saved (typing goes on)",
               "the same save on the UI loop (the stall before saving moved to a thread)",
               Timing.of(data["stalls"]), Timing.of(data["saves"]), 0.25)
