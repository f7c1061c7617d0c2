"""The write lock: one cjcoach writes a workshop; a killed one never leaves it locked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cjcoach.workfile import WorkshopFile, lock_path
from cjcoach.writelock import LockHeld, WriteLock


def test_a_second_lock_is_refused_and_given_after_release(tmp_path: Path) -> None:
    first, second = WriteLock(tmp_path / ".w.lock"), WriteLock(tmp_path / ".w.lock")
    first.acquire()
    with pytest.raises(LockHeld):
        second.acquire()
    first.release()
    second.acquire()
    second.release()


def test_a_killed_writer_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    WorkshopFile.open(path, "nl").close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, pathlib\n"
         "from cjcoach.workfile import WorkshopFile\n"
         f"f = WorkshopFile.open(pathlib.Path({str(path)!r}))\n"
         "print('locked', f.read_only, flush=True)\n"
         "time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked False"
    second = WorkshopFile.open(path)
    assert second.read_only  # the other window writes
    second.close()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    deadline = time.monotonic() + 10
    third = WorkshopFile.open(path)
    while third.read_only and time.monotonic() < deadline:  # the kernel drops it at exit
        third.close()
        third = WorkshopFile.open(path)
    assert not third.read_only and lock_path(path).exists()
    third.close()
