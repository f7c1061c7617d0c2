"""The screen texts of the TUI in Dutch and English, read from ``labels/<lang>.yaml``.

The texts are data a trainer can edit (see the comment at the top of each file). A missing
text shows its key instead of crashing, so a half-edited file still gives a working room.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from cjcoach.datafile import DataFileError, load_yaml

LANGUAGES: tuple[str, ...] = ("nl", "en")
_FOLDER = Path(__file__).resolve().parent / "labels"


@lru_cache(maxsize=4)
def _load(lang: str) -> dict[str, Any]:
    try:
        data = load_yaml(_FOLDER / f"{lang}.yaml")
    except DataFileError:
        return {}
    return data if isinstance(data, dict) else {}


class Labels:
    """Look up a screen text by its dotted key: ``labels("home.start")``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "nl"
        self._data = _load(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        node: Any = self._data
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, str):
            return key
        if not values:
            return node.strip()
        try:
            return node.format_map(values).strip()
        except (KeyError, ValueError, IndexError):
            return node.strip()

    def step_title(self, step: str) -> str:
        title = self(f"steps.{step}")
        return step if title == f"steps.{step}" else title

    @property
    def other_language(self) -> str:
        return "en" if self.lang == "nl" else "nl"
