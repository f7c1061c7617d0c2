"""SIGTERM and SIGHUP end the app cleanly: exit 0, the terminal restored, the lock freed.

The app runs for real in a pseudo-terminal, as it would in a terminal window.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from cjcoach.workfile import WorkshopFile

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")]

LEAVE_ALT_SCREEN = b"\x1b[?1049l"


def read_until(fd: int, marker: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_the_app_cleanly(tmp_path: Path, user_home: Path, sig: int) -> None:
    path = tmp_path / "w.yaml"
    WorkshopFile.open(path, create_language="en").close()
    pid, fd = pty.fork()
    if pid == 0:  # the child: cjcoach in the pseudo-terminal, run from this checkout
        os.chdir(Path(__file__).resolve().parents[2])
        os.execv(sys.executable, [sys.executable, "-m", "cjcoach", "open", str(path)])
    try:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        assert b"organisation" in read_until(fd, b"organisation", 15)
        os.kill(pid, sig)
        rest = read_until(fd, LEAVE_ALT_SCREEN, 10)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert LEAVE_ALT_SCREEN in rest  # the normal screen is back
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert b"Traceback" not in rest
    with WorkshopFile.open(path) as again:
        assert not again.read_only
