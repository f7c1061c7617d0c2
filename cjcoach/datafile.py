"""Reading the YAML data files a trainer may edit (prompts, word lists, coach messages).

Every problem becomes a :class:`DataFileError` whose message names the file and the line,
so ``--prompts DIR`` with a typo gets one clear sentence instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataFileError(Exception):
    """A data file that cannot be used; the message says which file, which line, and why."""


def load_yaml(path: Path) -> Any:
    """Load one YAML data file (safe loader only), or raise :class:`DataFileError`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(f"{path}: the file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc})") from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - safe loader only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        what = getattr(exc, "problem", None) or "not valid YAML"
        opened = getattr(exc, "context_mark", None)
        if opened is not None and mark is not None and opened.line != mark.line:
            what += f" (the part that is not closed starts on line {opened.line + 1})"
        raise DataFileError(f"{path}{where}: {what}") from None


def require_mapping(data: Any, path: Path, where: str = "") -> dict[str, Any]:
    """``data`` as a mapping, or a :class:`DataFileError` naming the file."""
    if not isinstance(data, dict):
        place = f" at {where}" if where else ""
        raise DataFileError(f"{path}: expected keys and values{place}, found "
                            f"{type(data).__name__}")
    return data


def merge_layers(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``base`` with a trainer's ``override`` laid on top, key by key, nested mappings too.

    A trainer's file needs only what it changes; lists and texts replace ours whole.
    """
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_layers(out[key], value)
        else:
            out[key] = value
    return out
