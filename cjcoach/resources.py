"""Where the bundled prompts, templates and demo workshops live.

In a checkout they sit at the top of the repository; in an installed wheel they are
shipped inside the package as ``cjcoach/_data/``. Everything that needs them asks here.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def prompts_dir() -> Path:
    """The bundled question sets: ``prompts/nl`` and ``prompts/en``."""
    return _data_dir("prompts")


def templates_dir() -> Path:
    """The bundled report templates."""
    return _data_dir("templates")


def demos_dir() -> Path:
    """The bundled, completely filled example workshops."""
    return _PACKAGE_DIR / "demos"
