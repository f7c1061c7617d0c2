"""The demo reports, and one full of awkward text, pass the outside tools (check-report).

Runs ../shared/tools/check-report --strict: markdownlint, Mermaid in headless Chromium,
pandoc agreement. Skips itself when Node or Chromium is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from report_testkit import small_workshop

from cjcoach.demo import demo_workshop
from cjcoach.model import Workshop
from cjcoach.report import render_markdown

pytestmark = pytest.mark.slow

TOOL = Path(__file__).resolve().parents[3] / "shared" / "tools" / "check-report"

needs_tools = pytest.mark.skipif(
    not (TOOL.exists() and shutil.which("node") and Path("/usr/bin/chromium").exists()),
    reason="check-report needs Node and Chromium")


def awkward() -> Workshop:
    w = small_workshop()
    w.personas[0].name = "Eddie: #1, the *early*; one | {{ 7*7 }}"
    w.phases[1].label = "During: pay # here; now"
    w.touchpoints[1].name = "section Queue: 10 min; #busy <b>hot</b> | %% `x`"
    w.touchpoints[2].name = "title journey: Card"
    w.touchpoints[1].owner = "shop, front: desk"
    w.ideas[0].title = "# App | pre-order: 24/7 :smile: https://x.example"
    w.touchpoints[1].pain_points[0].text = "Line one\n\n- not a list\n1. nor this"
    return w


def _check(md: str, tmp_path: Path, name: str) -> str:
    report = tmp_path / f"{name}.md"
    report.write_text(md, encoding="utf-8")
    done = subprocess.run([sys.executable, str(TOOL), "--strict", "-o", str(tmp_path / name),
                           str(report)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@needs_tools
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_demo_report_passes_check_report(lang: str, tmp_path: Path) -> None:
    out = _check(render_markdown(demo_workshop(lang)), tmp_path, f"demo-{lang}")  # type: ignore[arg-type]
    assert "RESULT: PASS" in out


@needs_tools
def test_awkward_text_passes_check_report(tmp_path: Path) -> None:
    out = _check(render_markdown(awkward()), tmp_path, "awkward")
    assert "RESULT: PASS" in out
