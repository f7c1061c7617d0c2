"""The two demo workshops render to reviewed Markdown files.

When a change to the templates is intended, regenerate and review the diff:

    CJCOACH_REGEN_GOLDEN=1 .venv/bin/pytest tests/report/test_golden.py
    git diff tests/report/golden/
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cjcoach.demo import demo_workshop
from cjcoach.report import render_markdown

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_demo_report_matches_the_reviewed_file(lang: str) -> None:
    text = render_markdown(demo_workshop(lang))  # type: ignore[arg-type]
    golden = GOLDEN / f"demo-{lang}.md"
    if os.environ.get("CJCOACH_REGEN_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        f"the {lang} demo report changed; if intended, regenerate with CJCOACH_REGEN_GOLDEN=1 "
        "and review the diff")
