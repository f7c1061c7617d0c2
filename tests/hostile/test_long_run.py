"""A long session: 2,000 answers through the plain chat. Memory stays flat, the file valid.

A classroom leaves cjcoach running for hours; what thirty students type must not make
it grow without bound or leave a file that no longer loads.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cjcoach import store

ANSWERS = 2000


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _wait_for_output(proc: subprocess.Popen[str], marker: str) -> None:
    """Read until a line holds ``marker``; fail after two minutes (a reader thread, so a
    cjcoach that stopped printing cannot hang the test on a blocking read)."""
    assert proc.stdout is not None
    found = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if marker in line:
                found.set()
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not found.wait(timeout=120):
        proc.kill()
        raise AssertionError(f"no {marker!r} from cjcoach")
    reader.join()


@pytest.mark.slow
def test_two_thousand_answers_memory_flat_file_valid(tmp_path: Path) -> None:
    target = tmp_path / "long.yaml"
    proc = subprocess.Popen([sys.executable, "-m", "cjcoach", "chat", str(target),
                             "--lang", "en"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, bufsize=1)
    assert proc.stdin is not None
    # the organisation, what it offers, B2B/B2C, the journey: then the participants list,
    # which takes answer after answer
    for line in ("Long Run Ltd", "Bicycles & repairs", "B2C", "service"):
        proc.stdin.write(line + "\n")
    samples: dict[int, float] = {}
    for n in range(1, ANSWERS + 1):
        proc.stdin.write(f"Student {n} | 😀 | {{{{ 7*7 }}}} <b>#{n}</b>\n")
        if n in (400, ANSWERS):
            proc.stdin.write("/status\n")
            proc.stdin.flush()
            _wait_for_output(proc, f"Student {n}")
            samples[n] = _rss_mb(proc.pid)
    proc.stdin.close()
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    workshop = store.load(target)
    assert len(workshop.scene.participants) == ANSWERS
    typed = f"Student {ANSWERS} | 😀 | {{{{ 7*7 }}}} <b>#{ANSWERS}</b>"
    assert workshop.scene.participants[-1].name == typed
    grown = samples[ANSWERS] - samples[400]
    assert grown < 25, f"memory grew {grown:.1f} MB between answer 400 and {ANSWERS}"
