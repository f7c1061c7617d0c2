"""One writer per workshop file: an exclusive lock on a hidden file beside it.

On Linux and macOS this is ``fcntl.flock`` on ``.NAME.yaml.lock``: the kernel drops the
lock when the process ends, also after a crash or a kill, so a stale lock never blocks a
team. Elsewhere (Windows) the ``filelock`` library does the same job. ``filelock`` is not
imported on POSIX because it costs the workshop room a noticeable part of its start-up
(see ``make bench``), while the POSIX lock is one system call.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


class LockHeld(Exception):
    """Another process (another cjcoach window) holds the lock."""


class WriteLock:
    """``acquire()`` takes the lock without waiting (:class:`LockHeld` when it is taken,
    ``OSError`` when the lock file cannot be made); ``release()`` gives it back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._other: Any = None

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            self._acquire_portable()
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError:  # someone else's lock file in a shared folder: read it
            fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockHeld(str(self.path)) from None
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _acquire_portable(self) -> None:  # pragma: no cover - not POSIX
        from filelock import FileLock, Timeout

        lock = FileLock(str(self.path), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise LockHeld(str(self.path)) from None
        self._other = lock

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file gives the lock back
            self._fd = None
        if self._other is not None:  # pragma: no cover - not POSIX
            self._other.release()
            self._other = None
