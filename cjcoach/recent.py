"""The recent-workshops list and where new workshops go, in the user's own folders.

New workshops are saved in ``~/Documents/cjcoach`` (the platform's documents folder), so a
team finds them again without knowing what a data folder is. The list of recent workshops
(and the language last chosen on the home screen) is a small JSON file in the platform's
user data folder. Losing that file loses nothing but the list: the workshops are elsewhere.

No Textual here: the plain chat and the command line may use it too.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

APP_NAME = "cjcoach"
MAX_RECENT = 12
_LIST_FILE = "recent.json"


@dataclass(frozen=True)
class RecentWorkshop:
    """One line of the recent list: which file, whose, how far, and when it last changed."""

    path: Path
    organisation: str = ""
    step: str = ""
    finished: bool = False
    changed: float = 0.0
    """The file's modification time (seconds since the epoch); 0 when it is gone."""

    @property
    def exists(self) -> bool:
        return self.changed > 0


def data_dir() -> Path:
    """The user data folder where cjcoach keeps its own small files."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def workshops_dir() -> Path:
    """Where a new workshop is saved when the user gives a name rather than a path."""
    return Path(platformdirs.user_documents_dir()) / APP_NAME


def _list_path() -> Path:
    return data_dir() / _LIST_FILE


def _read() -> dict[str, object]:
    try:
        data = json.loads(_list_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(data: dict[str, object]) -> None:
    """Write the list atomically; a failure only costs the list, so it is swallowed."""
    path = _list_path()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def recent_workshops() -> list[RecentWorkshop]:
    """The remembered workshops, most recently changed first; files that are gone are left out."""
    entries = _read().get("recent", [])
    found: list[RecentWorkshop] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        path = Path(entry["path"])
        changed = _mtime(path)
        if not changed:
            continue
        found.append(RecentWorkshop(path, str(entry.get("organisation", "")),
                                    str(entry.get("step", "")), bool(entry.get("finished")),
                                    changed))
    return sorted(found, key=lambda r: r.changed, reverse=True)


def remember(path: Path, organisation: str = "", step: str = "", finished: bool = False,
             draft: str = "") -> None:
    """Put ``path`` at the top of the recent list with what the home screen shows of it.

    ``draft`` is an answer typed but not yet sent when the app closed; it is offered
    again the next time the workshop opens (it is not part of the workshop itself).
    """
    path = Path(path).expanduser().absolute()
    data = _read()
    old = data.get("recent", [])
    others = [e for e in old if isinstance(e, dict) and e.get("path") != str(path)] \
        if isinstance(old, list) else []
    entry: dict[str, object] = asdict(RecentWorkshop(path, organisation, step, finished,
                                                     time.time()))
    entry["path"] = str(path)
    if draft.strip():
        entry["draft"] = draft
    data["recent"] = [entry, *others][:MAX_RECENT]
    _write(data)


def draft(path: Path) -> str:
    """The unsent answer kept for ``path`` when it was last closed, or empty."""
    path = Path(path).expanduser().absolute()
    entries = _read().get("recent", [])
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("path") == str(path):
            text = entry.get("draft", "")
            return text if isinstance(text, str) else ""
    return ""


def forget(path: Path) -> None:
    """Take ``path`` off the recent list (the file itself is left alone)."""
    data = _read()
    old = data.get("recent", [])
    if isinstance(old, list):
        data["recent"] = [e for e in old if not (isinstance(e, dict)
                                                  and e.get("path") == str(path))]
        _write(data)


def preference(key: str, allowed: tuple[str, ...]) -> str:
    """A remembered choice (``language``, ``theme``); the first allowed value until chosen."""
    value = _read().get(key)
    return value if isinstance(value, str) and value in allowed else allowed[0]


def set_preference(key: str, value: str) -> None:
    data = _read()
    data[key] = value
    _write(data)


def slug(name: str) -> str:
    """A file name made from a workshop name: ``Bakkerij de Vries!`` → ``bakkerij-de-vries``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()
    return words[:60].strip("-") or "workshop"


def looks_like_path(text: str) -> bool:
    """Whether the user typed a path (``~/x.yaml``, ``a/b``) rather than just a name."""
    text = text.strip()
    return (os.sep in text or text.startswith("~") or text.endswith((".yaml", ".yml")))


def new_workshop_path(name: str, folder: Path | None = None) -> Path:
    """Where a new workshop called ``name`` is saved: a path as typed, else a fresh file
    in :func:`workshops_dir` that never overwrites an existing one."""
    if looks_like_path(name):
        path = Path(name.strip()).expanduser()
        return path if path.suffix in (".yaml", ".yml") else path.with_suffix(".yaml")
    folder = folder or workshops_dir()
    base = slug(name)
    path = folder / f"{base}.yaml"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}.yaml"
        n += 1
    return path
