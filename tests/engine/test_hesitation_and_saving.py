"""A team that hesitates gets help, and a save that fails is said in the team's language."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import Chat, transcript

SCRIPT = {"en": "en_one_persona.txt", "nl": "nl_one_persona.txt"}


@pytest.mark.parametrize("lang, doubt, expected", [
    ("nl", "weet ik niet", "Bijvoorbeeld"), ("nl", "geen idee", "Bijvoorbeeld"),
    ("nl", "?", "Bijvoorbeeld"), ("en", "not sure", "For example"),
    ("en", "no idea", "For example"),
])
def test_hesitation_gets_an_example_and_is_not_stored(tmp_path: Path, lang: str, doubt: str,
                                                      expected: str) -> None:
    c = Chat(tmp_path / "w.yaml", lang)
    said = c.say(doubt)
    assert expected in said
    assert "hesitate" not in said
    assert c.where == ("scene", "organisation")
    assert c.conv.workshop.scene.organisation == ""
    c.say("Bakkerij Van Dam")
    assert c.conv.workshop.scene.organisation == "Bakkerij Van Dam"
    c.close()


def test_a_name_that_only_contains_a_doubt_word_is_kept(tmp_path: Path) -> None:
    c = Chat(tmp_path / "w.yaml", "nl")
    c.say("Misschien Morgen Reizen")
    assert c.conv.workshop.scene.organisation == "Misschien Morgen Reizen"
    c.close()


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)  # lazy: never left mounted


@pytest.mark.parametrize("lang, words", [("nl", "schijf is vol"), ("en", "disk is full")])
def test_full_disk_is_said_in_the_workshop_language(tiny_disk: Path, lang: str,
                                                    words: str) -> None:
    c = Chat(tiny_disk / "w.yaml", lang)
    c.say("Fiets & Zo")
    saved = (tiny_disk / "w.yaml").read_bytes()
    c.say("x" * 15_000)  # the offering: more than the disk holds
    assert c.last.save is not None and not c.last.save.saved
    assert words in c.last.save.message
    assert (tiny_disk / "w.yaml").read_bytes() == saved, "the earlier version is intact"
    c.close()


@pytest.mark.parametrize("lang, question", [
    ("nl", "welke raad je aan voor een bakker?"), ("en", "which one suits a bakery?")])
def test_a_question_back_on_a_choice_is_never_taken_as_the_choice(tmp_path: Path, lang: str,
                                                                    question: str) -> None:
    c = Chat(tmp_path / "w.yaml", lang)
    c.feed(transcript(SCRIPT[lang]), until=("phases", "model"))
    said = c.say(question)
    assert c.where == ("phases", "model")
    assert c.conv.workshop.phase_model == ""
    assert "1. " in said and "5. " in said, "the options are shown again"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unreadable_choice_shows_the_options_again(tmp_path: Path, lang: str) -> None:
    c = Chat(tmp_path / "w.yaml", lang)
    c.feed(transcript(SCRIPT[lang]), until=("phases", "model"))
    said = c.say("allebei eigenlijk" if lang == "nl" else "both really")
    assert c.where == ("phases", "model")
    assert "2. " in said


@pytest.mark.parametrize("lang, line", [
    ("nl", "Drukke Dirk - werkt veel, wil snel geknipt"),
    ("en", "Busy Dirk - works long hours, wants a quick cut")])
def test_a_persona_description_with_commas_stays_one_persona(tmp_path: Path, lang: str,
                                                              line: str) -> None:
    c = Chat(tmp_path / "w.yaml", lang)
    c.feed(transcript(SCRIPT[lang]), until=("personas", "personas"))
    c.say(line, "Anna, Bram")
    names = [p.name for p in c.conv.workshop.personas]
    assert names == ["Drukke Dirk" if lang == "nl" else "Busy Dirk", "Anna", "Bram"]
    assert "," in c.conv.workshop.personas[0].description
    c.close()


@pytest.mark.parametrize("lang, said", [("nl", "stippen"), ("en", "dots")])
def test_more_dots_than_allowed_is_asked_again(tmp_path: Path, lang: str, said: str) -> None:
    c = Chat(tmp_path / "w.yaml", lang)
    c.feed(transcript(SCRIPT[lang]), until=("priorities", "votes"))
    codes = [i.id for i in c.conv.workshop.ideas]
    reply = c.say(" ".join([codes[0]] * 2 + [codes[-1]] * 2))
    assert said in reply and "3" in reply
    assert c.where == ("priorities", "votes")
    assert not any(i.votes for i in c.conv.workshop.ideas)
    c.say(" ".join([codes[0]] * 2 + [codes[-1]]))
    assert sum(i.total_votes() for i in c.conv.workshop.ideas) == 3
    c.close()
