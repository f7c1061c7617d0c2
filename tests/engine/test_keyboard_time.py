"""The yardstick for the 45-minute target: a demo-sized workshop replayed through the
plain chat finishes, and its minutes are counted from what was really printed and typed.
(No minutes are asserted: the figure is printed by ``python -m bench.keyboard_time``.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import keyboard_time  # noqa: E402
from cjcoach import store  # noqa: E402
from cjcoach.model import Workshop  # noqa: E402

DEMO_SIZE = Path(keyboard_time.__file__).with_name("transcripts") / "en_demo_size.txt"


def _replayed(transcript: Path, tmp_path: Path) -> Workshop:
    """The workshop the lines of ``transcript`` make in the plain chat."""
    from .conftest import run_cli

    lines, lang = keyboard_time.typed_lines(transcript)
    target = tmp_path / "replayed.yaml"
    run_cli("chat", str(target), "--lang", lang, stdin="\n".join(lines) + "\n")
    return store.load(target)


def test_the_demo_sized_transcript_makes_the_demo_sized_map(tmp_path: Path) -> None:
    w = _replayed(DEMO_SIZE, tmp_path)
    assert w.progress.finished
    assert len(w.personas) == 2 and len(w.touchpoints) == 22 and len(w.ideas) == 5
    assert all(t.channel and t.importance and t.owner for t in w.touchpoints)
    assert sum(len(t.pain_points) for t in w.touchpoints) == 10
    assert sum(bool(t.role) for t in w.touchpoints) == 5


def test_minutes_count_every_word_printed_and_typed(tmp_path: Path) -> None:
    measured = keyboard_time.measure(DEMO_SIZE, confusions=2)
    lines, _ = keyboard_time.typed_lines(DEMO_SIZE)
    assert measured.answers == len(lines)
    assert measured.words_typed == sum(len(line.split()) for line in lines)
    assert measured.words_read > 10 * len(lines) // 2  # every question and reply is counted
    plain = keyboard_time.KeyboardTime(measured.answers, measured.words_read,
                                       measured.words_typed)
    assert measured.minutes - plain.minutes == pytest.approx(1.0)  # two confusions, 30 s each
    assert measured.typing_minutes == pytest.approx(measured.words_typed / 30)
    assert plain.minutes > measured.typing_minutes + measured.words_read / 200


def test_the_printed_line_names_typing_and_all_minutes(capsys) -> None:
    assert keyboard_time.main([str(DEMO_SIZE.with_name("en_one_persona_size.txt"))]) == 0
    line = capsys.readouterr().out
    typed = int(line.split(" typed")[0].rsplit(" ", 1)[1])
    assert f"→ {typed / 30:.0f} min typing (target: under 45)" in line
    assert "min at the keyboard in all" in line


def test_the_one_persona_transcript_makes_a_one_persona_map(tmp_path: Path) -> None:
    """The smaller reference (the demo-sized one without its second persona) still runs
    through to the end: the yardstick for a one-persona workshop."""
    w = _replayed(DEMO_SIZE.with_name("en_one_persona_size.txt"), tmp_path)
    assert w.progress.finished
    assert len(w.personas) == 1 and len(w.touchpoints) == 13 and len(w.ideas) == 5
    assert all(t.channel and t.importance and t.owner for t in w.touchpoints)
