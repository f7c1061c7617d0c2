"""The core never pulls in Textual, and light commands never pull in heavy libraries.

Every face (plain chat, TUI, browser) shares the core, so it must stay free of Textual;
and `cjcoach --version` or `check` must start fast, so they load no Jinja2 or Textual.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["cjcoach.model", "cjcoach.store", "cjcoach.workfile", "cjcoach.validate",
        "cjcoach.engine", "cjcoach.coach", "cjcoach.report", "cjcoach.plain", "cjcoach.recent"]


def loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=60)
    return {name.split(".")[0] for name in result.stdout.split()}


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_textual(module: str) -> None:
    assert "textual" not in loaded_after(f"import {module}")


def test_check_and_version_stay_light() -> None:
    modules = loaded_after("from cjcoach import cli, store\nimport cjcoach.workfile")
    assert not modules & {"textual", "jinja2", "markdown_it", "rapidfuzz"}
