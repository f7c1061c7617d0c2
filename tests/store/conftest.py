"""Shared helpers for the store tests: a small but real workshop, and running cjcoach."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cjcoach.model import (
    BusinessGoal,
    CustomerGoal,
    Idea,
    Moment,
    Persona,
    Phase,
    Touchpoint,
    Workshop,
)

REPO = Path(__file__).resolve().parents[2]


def small_workshop(why: str = "We make cycling in town easy.") -> Workshop:
    """A workshop with one of everything, enough to exercise references."""
    w = Workshop(language="en", why=why)
    w.scene.organisation = "Spoke & Co"
    w.business_goals = [BusinessGoal("G1", "More e-bike sales")]
    w.personas = [Persona("P1", "Commuter Cas", goals=[CustomerGoal("C1", "Arrive dry")])]
    w.phase_model = "before_during_after"
    w.phases = [Phase("before", "Before"), Phase("during", "During"), Phase("after", "After")]
    w.touchpoints = [
        Touchpoint("T1", "P1", "before", "Google search", order=1, channel="online",
                   importance=4, goal="G1", emotion=1,
                   pain_points=[Moment("M1", "Slow site", ["web"])]),
    ]
    w.ideas = [Idea("I1", "Test ride at home", touchpoints=["T1"], goals=["G1"])]
    return w


def saved(path: Path, workshop: Workshop) -> Path:
    """``workshop`` written to a new file at ``path`` by the real store, the file closed."""
    from cjcoach.workfile import WorkshopFile

    with WorkshopFile.open(path, "en") as opened:
        opened.workshop = workshop
        opened.save()
    return path


def run_cjcoach(*args: str, cwd: Path | None = None, exe: list[str] | None = None,
                stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line and capture what a user would see."""
    command = (exe or [sys.executable, "-m", "cjcoach"]) + list(args)
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd or REPO,
                          input=stdin, timeout=120)


@pytest.fixture
def workshop() -> Workshop:
    return small_workshop()
