"""A trainer's own question set (--prompts DIR): reworded questions, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjcoach.datafile import DataFileError
from cjcoach.engine.prompts import load_prompts

from .conftest import run_cli


def test_own_folder_rewords_one_question_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "scene.yaml").write_text(
        "questions:\n  organisation:\n    text: Hoe heet jullie club?\n"
        "    tips: [Gebruik de naam op de gevel.]\n", encoding="utf-8")
    done = run_cli("chat", str(tmp_path / "w.yaml"), "--prompts", str(tmp_path),
                   stdin="/tip\nClub Zwart\n")
    assert done.returncode == 0, done.stderr
    assert "Hoe heet jullie club?" in done.stdout
    assert "Gebruik de naam op de gevel." in done.stdout
    assert "Wat biedt Club Zwart aan?" in done.stdout  # the bundled next question


@pytest.mark.parametrize(("text", "line"), [
    ("questions:\n  organisation:\n    text: [unclosed\n", "line"),
    ("questions:\n  organisation:\n    text: \"\"\n", "line 2"),
    ("questions:\n  organisaton:\n    text: typo in the key\n", "line 2"),
    ("questions:\n  organisation:\n    text: Hoe heet {organisation?\n", "line 3"),
])
def test_broken_folder_names_file_and_line(tmp_path: Path, text: str, line: str) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "scene.yaml").write_text(text, encoding="utf-8")
    from cjcoach.engine.conversation import KNOWN_QUESTIONS

    with pytest.raises(DataFileError) as caught:
        load_prompts("nl", tmp_path, KNOWN_QUESTIONS)
    assert "scene.yaml" in str(caught.value) and line in str(caught.value)
    done = run_cli("chat", str(tmp_path / "w.yaml"), "--prompts", str(tmp_path), stdin="")
    assert done.returncode == 1
    assert "scene.yaml" in done.stderr and "Traceback" not in done.stderr


def test_a_mistake_in_a_later_step_of_the_folder_is_named_at_start(tmp_path: Path) -> None:
    """Our own files are read when needed; a trainer's are all checked before the first
    question, so a typo in the last step does not wait for the end of the workshop."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "review.yaml").write_text(
        "title: Next review\nquestions:\n  wen:\n    text: When?\n", encoding="utf-8")
    done = run_cli("chat", str(tmp_path / "w.yaml"), "--lang", "en", "--prompts", str(tmp_path),
                   stdin="")
    assert done.returncode == 1
    assert "review.yaml, line 3" in done.stderr and "Traceback" not in done.stderr


def test_our_files_read_when_needed_say_the_same_as_read_at_once(tmp_path: Path) -> None:
    from cjcoach.engine.conversation import KNOWN_QUESTIONS
    from cjcoach.engine.prompts import FILES

    for lang in ("nl", "en"):
        (tmp_path / lang).mkdir()  # an empty folder of their own: everything read at once
        at_once = load_prompts(lang, tmp_path, KNOWN_QUESTIONS)
        when_needed = load_prompts(lang, None, KNOWN_QUESTIONS)
        assert [when_needed.title(s) for s in FILES] == [at_once.title(s) for s in FILES]
        assert when_needed.say("welcome") == at_once.say("welcome")
        assert set(when_needed.data) == {"common"}  # the titles came without reading the rest
        for name in FILES:
            assert when_needed.step(name) == at_once.step(name), (lang, name)


def test_missing_folder_is_a_clear_message(tmp_path: Path) -> None:
    done = run_cli("chat", str(tmp_path / "w.yaml"), "--prompts", str(tmp_path / "nope"),
                   stdin="")
    assert done.returncode == 1 and "does not exist" in done.stderr


def test_both_bundled_sets_load() -> None:
    from cjcoach.engine.conversation import KNOWN_QUESTIONS

    for lang in ("nl", "en"):
        prompts = load_prompts(lang, None, KNOWN_QUESTIONS)
        for step, questions in KNOWN_QUESTIONS.items():
            for key in questions:
                q = prompts.question(step, key)
                assert q.get("text") and q.get("hint"), (lang, step, key)
                assert q.get("example"), (lang, step, key)


def test_plain_report_command_writes_the_report_beside_the_workshop(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    done = run_cli("chat", str(path), "--lang", "en", stdin="Spoke & Co\n/report\n")
    assert done.returncode == 0, done.stderr
    md, html = tmp_path / "w-report.md", tmp_path / "w-report.html"
    assert str(md) in done.stdout and str(html) in done.stdout
    assert "# Customer journey of Spoke & Co" in md.read_text(encoding="utf-8")
    assert "<html" in html.read_text(encoding="utf-8")


def test_the_first_question_needs_no_answer_parsing(tmp_path: Path) -> None:
    """Start-up: the parsers and their word lists load when the first answer is read."""
    code = ("import sys, pathlib\n"
            "from cjcoach.workfile import WorkshopFile\n"
            "from cjcoach.engine import Conversation\n"
            f"f = WorkshopFile.open(pathlib.Path({str(tmp_path / 'w.yaml')!r}), 'nl')\n"
            "c = Conversation(f)\n"
            "c.start()\n"
            "print('before', 'cjcoach.engine.answers' in sys.modules)\n"
            "c.answer('Bakkerij Korst')\n"
            "print('after', 'cjcoach.engine.answers' in sys.modules,\n"
            "      c.workshop.scene.organisation)\n")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "before False" in done.stdout and "after True Bakkerij Korst" in done.stdout
