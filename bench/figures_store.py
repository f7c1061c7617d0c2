"""Benchmark figure: autosaving a 1,000-touchpoint workshop."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml

from bench.harness import Row, interleaved
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
                "yaml.dump with PyYAML's C dumper", ours, ref, 1.5)]
