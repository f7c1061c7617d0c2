"""An open workshop file: one writer at a time, autosave, and care for other people's edits.

``WorkshopFile.open(path)`` loads (or creates) a workshop and takes the write lock. If
another cjcoach already holds it, the file opens read-only and ``read_only_reason`` says
so. ``save()`` writes atomically through :mod:`cjcoach.store`; if the file changed on disk
since we last read or wrote it, their version is kept as ``NAME.conflict-TIME.yaml``
first and ``save()`` returns that path so the face can tell the user.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cjcoach import store
from cjcoach.model import SCHEMA_VERSION, Language, Workshop
from cjcoach.store import DiskState, SaveError, StoreError

if TYPE_CHECKING:
    from cjcoach.writelock import WriteLock


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files left by a save that was killed half-way; the lock says none is running."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


class WorkshopFile:
    """A workshop loaded from ``path``, with the right to write it (unless read-only)."""

    def __init__(self, path: Path, workshop: Workshop, lock: WriteLock | None,
                 disk: DiskState | None, read_only_reason: str = "",
                 migrated_from: int | None = None) -> None:
        self.path = path
        self.workshop = workshop
        self._lock = lock
        self._disk = disk
        self.read_only_reason = read_only_reason
        self.migrated_from = migrated_from

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    @classmethod
    def open(cls, path: Path | str, create_language: Language | None = None) -> WorkshopFile:
        """Open ``path``; create it when missing and ``create_language`` is given.

        Raises :class:`StoreError` (with a sentence for the user) when it cannot be used.
        """
        from cjcoach.writelock import LockHeld, WriteLock

        path = Path(path).expanduser().absolute()
        wanted = WriteLock(lock_path(path))
        lock: WriteLock | None = wanted
        reason = ""
        try:
            wanted.acquire()
        except LockHeld:
            lock, reason = None, (f"{path.name} is open in another cjcoach window; you can "
                                  "look here, but nothing you type here is saved.")
        except OSError:
            lock, reason = None, (f"cjcoach may not write in {path.parent}; you can look, "
                                  "but nothing you type is saved. Copy the file elsewhere.")
        try:
            if not path.exists() and create_language is not None:
                return cls._create(path, create_language, lock, reason)
            workshop, raw, version = store._load_checked(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if lock is not None:
            _remove_stale_temp_files(path)
        migrated = version if version < SCHEMA_VERSION else None
        if migrated is not None and lock is not None:
            store.write_atomic(path.with_name(f"{path.name}.v{version}.bak"), raw, False)
        return cls(path, workshop, lock, DiskState.of(path, raw), reason, migrated)

    @classmethod
    def _create(cls, path: Path, language: Language, lock: WriteLock | None,
                reason: str) -> WorkshopFile:
        if reason:
            raise StoreError(reason, "read_only", path)
        if not path.parent.is_dir():
            raise StoreError(f"the folder {path.parent} does not exist", "missing", path)
        opened = cls(path, Workshop(language=language), lock, None)
        opened.save()
        return opened

    def save(self) -> Path | None:
        """Write the workshop now. Returns the path of a conflict copy if one was kept.

        Raises :class:`SaveError` when it could not write; the old file is then untouched.
        """
        if self.read_only:
            raise SaveError(self.read_only_reason, "read_only", self.path)
        data = store.dump_text(self.workshop).encode("utf-8")
        conflict = self._keep_their_copy()
        store.write_atomic(self.path, data)
        self._disk = DiskState.of(self.path, data)
        return conflict

    def _keep_their_copy(self) -> Path | None:
        if self._disk is None or self._disk.same_file(self.path):
            return None
        try:
            theirs = self.path.read_bytes()
        except OSError:
            return None
        if DiskState.of(self.path, theirs).digest == self._disk.digest:
            return None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        copy = self.path.with_name(f"{self.path.stem}.conflict-{stamp}{self.path.suffix}")
        store.write_atomic(copy, theirs, keep_backup=False)
        return copy

    def close(self) -> None:
        """Release the write lock. The workshop was saved after every change already."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> WorkshopFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
