"""Every command, in English and in Dutch, on a real workshop file."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjcoach import store, validate

from .conftest import transcript

WORDS = {
    "en": {"help": "/help", "back": "/back", "skip": "/skip", "tip": "/tip", "status": "/status",
           "edit": "/edit", "delete": "/delete", "goto": "/goto", "report": "/report",
           "quit": "/quit", "done": "/done"},
    "nl": {"help": "/hulp", "back": "/terug", "skip": "/overslaan", "tip": "/tip",
           "status": "/stand", "edit": "/wijzig", "delete": "/verwijder", "goto": "/ga",
           "report": "/rapport", "quit": "/stop", "done": "/klaar"},
}
SCRIPT = {"en": "en_one_persona.txt", "nl": "nl_one_persona.txt"}
LANGS = pytest.mark.parametrize("lang", ["en", "nl"])


@LANGS
def test_help_lists_commands_and_the_example(chat, lang: str) -> None:
    c = chat(lang)
    text = c.say(WORDS[lang]["help"])
    for word in ("back", "skip", "tip", "quit"):
        assert WORDS[lang][word] in text
    assert "/status" in text
    assert ("For example" if lang == "en" else "Bijvoorbeeld") in text
    assert c.where == ("scene", "organisation")


@LANGS
def test_back_returns_with_the_answer_kept(chat, lang: str) -> None:
    c = chat(lang)
    c.say("Spoke & Co")
    assert c.where == ("scene", "offering")
    text = c.say(WORDS[lang]["back"])
    assert c.where == ("scene", "organisation") and "Spoke & Co" in text
    c.say("")  # Enter keeps it
    assert c.where == ("scene", "offering")
    assert store.load(c.path).scene.organisation == "Spoke & Co"
    c.say(WORDS[lang]["back"])
    c.say("Spaak en Zo")
    assert store.load(c.path).scene.organisation == "Spaak en Zo"


@LANGS
def test_back_at_the_first_question(chat, lang: str) -> None:
    c = chat(lang)
    assert c.say(WORDS[lang]["back"]) and c.where == ("scene", "organisation")


@LANGS
def test_skip_leaves_optional_open_but_not_required(chat, lang: str) -> None:
    c = chat(lang)
    c.say("Spoke & Co")
    c.say(WORDS[lang]["skip"])
    assert c.where == ("scene", "market") and store.load(c.path).scene.offering == ""
    c.feed(transcript(SCRIPT[lang])[2:], until=("personas", "personas"))
    c.say(WORDS[lang]["skip"])
    assert c.where == ("personas", "personas")  # at least one persona is needed


@LANGS
def test_tip_gives_touchpoints_that_fit_the_phase(chat, lang: str) -> None:
    c = chat(lang)
    first = c.say(WORDS[lang]["tip"])
    assert first and c.where == ("scene", "organisation")
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "touchpoints"))
    tip = c.say(WORDS[lang]["tip"])
    assert "Google" in tip or "Instagram" in tip or "SEO" in tip
    later = {c.say(WORDS[lang]["tip"]) for _ in range(3)}
    assert len(later) > 1  # it moves on to other tips


@LANGS
def test_status_shows_steps_and_ids(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "touchpoints"))
    text = c.say(WORDS[lang]["status"])
    assert "[x]" in text and "[>]" in text and "[ ]" in text
    assert "G1" in text and "P1" in text


@LANGS
def test_edit_renames_and_explains(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("alignment", "meets"))
    assert "/" in c.say(WORDS[lang]["edit"])
    c.say(f"{WORDS[lang]['edit']} P1 Busy Bea")
    assert store.load(c.path).personas[0].name == "Busy Bea"
    assert "P9" in c.say(f"{WORDS[lang]['edit']} P9 Nobody")


@LANGS
def test_delete_removes_with_everything_that_refers_to_it(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    w = store.load(c.path)
    target = w.ideas[0].touchpoints[0]
    c.say(f"{WORDS[lang]['delete']} {target}")
    w = store.load(c.path)
    assert w.touchpoint(target) is None and validate.problems(w) == []
    c.say(f"{WORDS[lang]['delete']} G1")
    c.say(f"{WORDS[lang]['delete']} P1")
    w = store.load(c.path)
    assert not w.personas and not w.touchpoints and not w.alignments
    assert validate.problems(w) == []
    assert c.conv.current is not None  # still a question to answer


@LANGS
def test_goto_jumps_to_a_step(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "touchpoints"))
    c.say(f"{WORDS[lang]['goto']} 2")  # part 2, as /status numbers it
    assert c.where == ("why", "why")
    c.say(f"{WORDS[lang]['goto']} phases")
    assert c.where == ("phases", "model")
    assert c.say(f"{WORDS[lang]['goto']} nowhere-at-all")
    assert c.where == ("phases", "model")
    assert store.load(c.path).progress.step == "phases"


@LANGS
def test_report_quit_done_and_unknown(chat, lang: str) -> None:
    c = chat(lang)
    c.say(WORDS[lang]["report"])
    assert c.last.report_requested
    c.feed(transcript(SCRIPT[lang])[:4])
    assert c.where == ("scene", "participants")
    c.say("Sanne - eigenaar")
    c.say(WORDS[lang]["done"])
    assert c.where == ("why", "why")
    text = c.say("/frobnicate")
    assert "/frobnicate" in text and c.where == ("why", "why")
    c.say(WORDS[lang]["quit"])
    assert c.last.quit


@LANGS
def test_dutch_and_english_words_both_work(chat, lang: str) -> None:
    c = chat(lang)
    other = WORDS["nl" if lang == "en" else "en"]
    c.say("Spoke")
    c.say(other["back"])
    assert c.where == ("scene", "organisation")


def test_command_words_for_faces(chat) -> None:
    c = chat("nl")
    words = c.conv.command_words()
    assert "/hulp" in words and "/terug" in words and all(words.values())


def test_done_word_ends_a_list(chat) -> None:
    c = chat("nl")
    c.feed(transcript("nl_one_persona.txt")[:4])
    c.say("Sanne - eigenaar", "klaar")
    assert c.where == ("why", "why")


def test_goto_after_finishing_and_answers_after_end(tmp_path: Path, chat) -> None:
    c = chat("en")
    c.feed(transcript("en_one_persona.txt"))
    assert c.conv.current is None
    assert "/report" in c.say("hello")
    c.say("/goto review")
    assert c.where == ("review", "date")
    c.say("in 6 months")
    assert store.load(c.path).review_date == "2027-05-24"
    assert store.load(c.path).progress.finished
