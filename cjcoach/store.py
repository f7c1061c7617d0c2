"""The one place that reads and writes workshop files.

A workshop is one YAML file with ``schema_version`` at the top. Reading uses
``yaml.safe_load`` only, refuses files that are too large or use YAML aliases, and turns
every problem into a :class:`~cjcoach.typed.Problem` with its place in the file.

Writing is atomic: the new text goes to a temporary file in the same folder, is flushed
and fsynced, and replaces the old file with ``os.replace``; then the folder is fsynced.
Before each replace the previous version is kept as a hidden backup beside the file
(``.NAME.bak1`` newest … ``.bak3`` oldest). One process at a time may write a workshop:
a second one gets a read-only view. A file that someone else changed on disk since we
read it is kept as a conflict copy before we write ours.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cjcoach import validate
from cjcoach.model import SCHEMA_VERSION, Turn, Workshop
from cjcoach.typed import Problem, from_data, to_data

MAX_FILE_BYTES = 20 * 1024 * 1024
"""A workshop of 10,000 touchpoints is about 5 MB; anything far beyond is not ours."""

BACKUPS_KEPT = 3
HEADER = (
    "# cjcoach workshop file. You may edit it by hand; run `cjcoach check FILE` afterwards.\n"
)
TRAILER = "# end of cjcoach workshop\n"
"""The last line of every file cjcoach writes. A file that starts like ours (``# cjcoach``)
but lacks it was cut off — by a full disk or a bad copy — and is refused, not half read."""

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Never writes anchors or aliases, so our own files always load back."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class StoreError(Exception):
    """A problem with a workshop file, as one sentence for the user.

    ``code`` names the kind of problem (``disk_full``, ``locked``, ``newer_schema`` …)
    so a face can say it in the workshop's language.
    """

    def __init__(self, message: str, code: str = "error", path: Path | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.path = path


class LoadError(StoreError):
    """A file that cannot be used as a workshop; ``problems`` lists why, one per line."""

    def __init__(self, path: Path, problems: list[Problem], code: str = "invalid") -> None:
        super().__init__("; ".join(str(p) for p in problems), code, path)
        self.problems = problems


class SaveError(StoreError):
    """A save that did not happen; the file on disk is still the previous version."""


# --- migrations ----------------------------------------------------------------------

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` turns plain data of schema ``n`` into schema ``n + 1``."""


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


# --- reading -------------------------------------------------------------------------


def _has_alias(text: str) -> bool:
    if "&" not in text and "*" not in text:
        return False  # the common case: no event scan needed
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return True
    except yaml.YAMLError as exc:  # PyYAML ≥ 6.0.4 (its libyaml) has a depth limit of its own
        return "nesting depth" in str(getattr(exc, "problem", "") or exc)
    return False  # any other syntax error: the real load reports it with its line


MAX_NESTING = 64
"""A workshop nests about six levels deep; far deeper is not ours (and would crash libyaml)."""

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def _too_deep(text: str) -> bool:
    """True when the YAML nests deeper than :data:`MAX_NESTING`.

    Nesting depth is bounded by the deepest indentation plus the number of brackets, so
    ordinary files skip the event scan; only suspicious ones are walked event by event
    (libyaml's parser is iterative, its composer is not).
    """
    indents = _INDENT.findall(text)
    bound = max(map(len, indents), default=0) + text.count("[") + text.count("{")
    if bound <= MAX_NESTING:
        return False
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_NESTING:
                    return True
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:  # PyYAML ≥ 6.0.4 (its libyaml) has a depth limit of its own
        return "nesting depth" in str(getattr(exc, "problem", "") or exc)
    return False  # any other syntax error: the real load reports it with its line


def _yaml_problem(exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is not None:
        return Problem(f"line {mark.line + 1}, column {mark.column + 1}",
                       f"this is not valid YAML ({what})")
    return Problem("", f"this is not valid YAML ({what})")


def parse_text(text: str) -> tuple[Workshop | None, list[Problem], int | None]:
    """Parse workshop text: the workshop (or ``None``), its problems, and its schema version."""
    if not text.strip():
        return None, [Problem("", "the file is empty")], None
    if text.startswith("# cjcoach") and not text.rstrip().endswith(TRAILER.strip()):
        return None, [Problem("", "the file ends too early: it looks cut off (the backup "
                                  ".NAME.bak1 beside it may hold the whole workshop)")], None
    if _has_alias(text):
        refusal = "the file uses YAML aliases (& and *), which cjcoach refuses"
        return None, [Problem("", refusal)], None
    if _too_deep(text):
        return None, [Problem("", "the file is nested too deeply to be a cjcoach workshop")], None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - CSafeLoader/SafeLoader only
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(exc)], None
    except RecursionError:
        return None, [Problem("", "the file is nested too deeply to be a workshop")], None
    if not isinstance(data, dict):
        return None, [Problem("", "the file does not hold a workshop (expected keys like "
                                  "'scene' and 'personas' at the top)")], None
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return None, [Problem("schema_version", "is missing or not a whole number; "
                                                "this does not look like a cjcoach workshop")], None
    if version > SCHEMA_VERSION:
        return None, [Problem("schema_version",
                              f"{version} was written by a newer cjcoach (this one reads up to "
                              f"{SCHEMA_VERSION}); update cjcoach to open it")], version
    data = _migrate(data, version)
    workshop, problems = from_data(Workshop, data)
    typed_paths = {p.path for p in problems}  # say each place once: the type problem wins
    problems += [p for p in validate.problems(workshop) if p.path not in typed_paths]
    return workshop, problems, version


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is missing, not a file, or too large."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise StoreError(f"{path} is not a file", "not_a_file", path)
        if size > MAX_FILE_BYTES:
            raise StoreError(f"{path} is {size // (1024 * 1024)} MB; a workshop file is at most "
                             f"{MAX_FILE_BYTES // (1024 * 1024)} MB", "too_large", path)
        return path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"{path} does not exist", "missing", path) from None
    except PermissionError:
        raise StoreError(f"cjcoach may not read {path}", "no_permission", path) from None
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a workshop file", "not_a_file", path) from None


def decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(path, [Problem(f"byte {exc.start}", "the file is not UTF-8 text")],
                        "not_text") from None


def load(path: Path) -> Workshop:
    """Load a workshop or raise :class:`StoreError` / :class:`LoadError` saying why."""
    workshop, _, _ = _load_checked(Path(path))
    return workshop


def _load_checked(path: Path) -> tuple[Workshop, bytes, int]:
    raw = read_bytes(path)
    workshop, problems, version = parse_text(decode(raw, path))
    if problems or workshop is None:
        code = "newer_schema" if version and version > SCHEMA_VERSION else "invalid"
        raise LoadError(path, problems, code)
    return workshop, raw, version or SCHEMA_VERSION


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


_TURN_TEXT: dict[tuple[str, str], str] = {}
"""Each chat turn's YAML, made once: the transcript only grows, and dumping it whole
after every answer would make a long session slower with every turn."""


def _transcript_text(turns: list[Turn]) -> str:
    if not turns:
        return "transcript: []\n"
    if len(_TURN_TEXT) > 20_000:
        _TURN_TEXT.clear()
    chunks = []
    for turn in turns:
        key = (turn.role, turn.text)
        chunk = _TURN_TEXT.get(key)
        if chunk is None:
            chunk = _TURN_TEXT[key] = _dump([to_data(turn)])
        chunks.append(chunk)
    return "transcript:\n" + "".join(chunks)


def dump_text(workshop: Workshop) -> str:
    """The YAML text of a workshop, as the store writes it (the transcript comes last)."""
    data = to_data(workshop)
    del data["transcript"]
    return HEADER + _dump(data) + _transcript_text(workshop.transcript) + TRAILER


# --- writing -------------------------------------------------------------------------


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the replace itself is still atomic
    finally:
        os.close(fd)


def _save_error(exc: OSError, path: Path) -> SaveError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return SaveError(f"The disk is full, so {path.name} was not saved; your earlier "
                         "version is still there. Free some space and answer again.",
                         "disk_full", path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SaveError(f"cjcoach may not write in {path.parent}, so {path.name} was not "
                         "saved. Choose another folder.", "no_permission", path)
    return SaveError(f"{path.name} was not saved ({exc.strerror or exc}); your earlier version "
                     "is still there.", "io", path)


def backup_path(path: Path, n: int) -> Path:
    return path.with_name(f".{path.name}.bak{n}")


def _rotate_backups(path: Path) -> None:
    if not path.exists():
        return
    for n in range(BACKUPS_KEPT - 1, 0, -1):
        older = backup_path(path, n)
        if older.exists():
            os.replace(older, backup_path(path, n + 1))
    newest = backup_path(path, 1)
    try:
        os.link(path, newest)
    except FileExistsError:
        os.unlink(newest)
        os.link(path, newest)
    except OSError:
        shutil.copy2(path, newest)


def write_atomic(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    if not data.strip():
        raise SaveError(f"refusing to replace {path.name} with an empty file", "empty", path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_backup:
            _rotate_backups(path)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise _save_error(exc, path) from exc


@dataclass(frozen=True)
class DiskState:
    """What we last knew of the file on disk, to notice someone else's change."""

    mtime_ns: int
    size: int
    inode: int
    digest: str

    @classmethod
    def of(cls, path: Path, data: bytes) -> DiskState:
        st = path.stat()
        return cls(st.st_mtime_ns, st.st_size, st.st_ino, hashlib.sha256(data).hexdigest())

    def same_file(self, path: Path) -> bool:
        try:
            st = path.stat()
        except FileNotFoundError:
            return True  # gone: nothing of theirs to keep
        return (st.st_mtime_ns, st.st_size, st.st_ino) == (self.mtime_ns, self.size, self.inode)
