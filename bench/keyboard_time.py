"""How long a workshop took at the keyboard, estimated from its file's transcript.

``python -m bench.keyboard_time FILE [FILE ...] [--confusions N]``

FILE is a workshop file, or a transcript (``.txt``: one typed line per line, notes starting
with "## ", language from the name: ``en_…``/``nl_…``), such as
``bench/transcripts/en_demo_size.txt``: the demo-sized workshop answered the way every
question suggests, the fastest a newcomer can go. The workshop file keeps every line the
team typed. They are typed again, in order, into
``cjcoach chat`` on a new file, and everything the plain chat prints is counted as read
(the transcript itself keeps only the questions, not the explanations, tips and
acknowledgements around them). With fixed rates
(reading 200 words a minute, typing 30, ten seconds of thought per answer and thirty
seconds per moment of confusion, counted by whoever ran the session) this turns a
transcript into minutes, so two runs of the conversation can be compared by the same
yardstick. The issue's target: a newcomer finishes a demo-sized workshop "in under 45
minutes of typing"; both the typing minutes and the minutes at the keyboard in all are
printed (the welcome tells a team what to count on in all).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cjcoach import store

READ_WPM = 200
TYPE_WPM = 30
THINK_SECONDS = 10
CONFUSED_SECONDS = 30
TARGET_MINUTES = 45


@dataclass(frozen=True)
class KeyboardTime:
    """What a transcript holds, and the minutes it stands for."""

    answers: int
    words_read: int
    words_typed: int
    confusions: int = 0

    @property
    def typing_minutes(self) -> float:
        """The minutes spent typing alone: what the issue's 45 minutes "of typing" count."""
        return self.words_typed / TYPE_WPM

    @property
    def minutes(self) -> float:
        """The minutes at the keyboard in all: reading, typing, thinking and confusion."""
        seconds = (self.words_read / READ_WPM * 60 + self.words_typed / TYPE_WPM * 60
                   + self.answers * THINK_SECONDS + self.confusions * CONFUSED_SECONDS)
        return seconds / 60


def typed_lines(path: Path) -> tuple[list[str], str]:
    """The lines typed in the workshop or transcript at ``path``, and their language."""
    if path.suffix == ".txt":
        lines = path.read_text(encoding="utf-8").split("\n")
        lang = "nl" if path.name.startswith("nl") else "en"
        return [line for line in lines if not line.startswith("## ")][:-1], lang
    workshop = store.load(path)
    return [t.text for t in workshop.transcript if t.role == "user"], workshop.language


def measure(path: Path, confusions: int = 0) -> KeyboardTime:
    """Replay the lines typed at ``path`` into the plain chat; count what was read and typed."""
    typed, lang = typed_lines(path)
    with tempfile.TemporaryDirectory() as folder:
        shown = subprocess.run(
            [sys.executable, "-m", "cjcoach", "chat", str(Path(folder) / "replay.yaml"),
             "--lang", lang],
            input="\n".join(typed) + "\n", capture_output=True, text=True, check=False,
            timeout=600).stdout
    return KeyboardTime(len(typed), len(shown.split()),
                        sum(len(line.split()) for line in typed), confusions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.keyboard_time",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--confusions", type=int, default=0,
                        help="moments of confusion the person noted (30 s each)")
    args = parser.parse_args(argv)
    for path in args.files:
        try:
            t = measure(path, args.confusions)
        except (store.StoreError, OSError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            return 1
        print(f"{path.name}: {t.answers} answers, {t.words_read} words read, "
              f"{t.words_typed} typed, {t.confusions} confusions → "
              f"{t.typing_minutes:.0f} min typing (target: under {TARGET_MINUTES}), "
              f"{t.minutes:.0f} min at the keyboard in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
