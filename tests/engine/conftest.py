"""Shared helpers for the engine tests: real workshop files in tmp_path, real transcripts."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from cjcoach.engine import Conversation, Reply
from cjcoach.workfile import WorkshopFile

REPO = Path(__file__).resolve().parents[2]
TRANSCRIPTS = Path(__file__).resolve().parent / "transcripts"
TODAY = datetime.date(2026, 11, 24)


def transcript(name: str) -> list[str]:
    """The answer lines of a transcript file (notes starting with "## " left out)."""
    text = (TRANSCRIPTS / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if not line.startswith("## ")][:-1]


def run_cli(*args: str, stdin: str = "", timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "cjcoach", *args], input=stdin, text=True,
                          capture_output=True, cwd=REPO, timeout=timeout, env=env)


class Chat:
    """A conversation on a real file, with what the bot said as plain text."""

    def __init__(self, path: Path, lang: str = "en", prompts: Path | None = None) -> None:
        self.path = path
        self.file = WorkshopFile.open(path, create_language=lang)  # type: ignore[arg-type]
        self.conv = Conversation(self.file, prompts, today=TODAY)
        self.opening = "\n".join(m.text for m in self.conv.start())

    def say(self, *lines: str) -> str:
        """Send each line; what the bot answered to the last one."""
        reply = Reply()
        for line in lines:
            reply = self.conv.answer(line)
        self.last = reply
        return "\n".join(m.text for m in reply.messages)

    def feed(self, lines: Iterable[str], until: tuple[str, str] | None = None) -> int:
        """Answer with ``lines`` until the current question is ``(step, key)``; how many
        lines were used (the rest can be fed later)."""
        used = 0
        for line in lines:
            q = self.conv.current
            if until is not None and q is not None and (q.step, q.key) == until:
                return used
            self.conv.answer(line)
            used += 1
        q = self.conv.current
        if until is not None:
            assert q is not None and (q.step, q.key) == until, q
        return used

    @property
    def where(self) -> tuple[str, str] | None:
        q = self.conv.current
        return (q.step, q.key) if q else None

    def close(self) -> None:
        self.file.close()


@pytest.fixture
def chat(tmp_path: Path):
    """``chat("en")`` → a :class:`Chat` on a new file in tmp_path."""
    made: list[Chat] = []

    def make(lang: str = "en", name: str = "w.yaml", prompts: Path | None = None) -> Chat:
        c = Chat(tmp_path / name, lang, prompts)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()
