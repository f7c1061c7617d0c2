"""/help says what you can type without burying it under the question's list again; /edit
and /delete with nothing after them show how to type them for the thing asked about now."""

from __future__ import annotations

import pytest

from cjcoach import store

from .conftest import transcript

SCRIPT = {"en": "en_one_persona.txt", "nl": "nl_one_persona.txt"}
WORDS = {"en": {"help": "/help", "edit": "/edit", "delete": "/delete", "back": "/back"},
         "nl": {"help": "/hulp", "edit": "/wijzig", "delete": "/verwijder", "back": "/terug"}}
LANGS = pytest.mark.parametrize("lang", ["en", "nl"])


def _at(chat, lang: str, where: tuple[str, str]):
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=where)
    return c


@LANGS
def test_help_at_the_ideas_question_leaves_out_the_pain_point_list(chat, lang) -> None:
    c = _at(chat, lang, ("ideas", "ideas"))
    question = c.conv.current.text.splitlines()
    assert len(question) > 2  # the question, a heading and the pain points under it
    said = c.say(WORDS[lang]["help"])
    for word in WORDS[lang].values():
        assert word in said
    assert question[0] in said
    assert not any(line.strip() in said for line in question[1:])
    assert said.endswith(question[0])  # it ends on what was asked, not on a command
    assert c.where == ("ideas", "ideas")


@LANGS
def test_help_at_a_choice_names_the_options_on_one_line(chat, lang) -> None:
    c = _at(chat, lang, ("scene", "market"))
    choices = c.conv.current.choices
    assert choices
    last = c.say(WORDS[lang]["help"]).splitlines()[-1]
    assert all(label.split(" — ")[0] in last for label in choices)
    assert " — " not in last


@LANGS
def test_edit_alone_shows_the_idea_asked_about_as_the_example(chat, lang) -> None:
    c = _at(chat, lang, ("ideas", "touchpoints"))
    idea = store.load(c.path).ideas[0]
    said = c.say(WORDS[lang]["edit"])
    lines = said.splitlines()
    assert f"{WORDS[lang]['edit']} {idea.id} {idea.title}" in lines[1]
    assert len(lines) <= 5 and WORDS[lang]["back"] in said and "/status" in said
    assert c.conv.current.text.splitlines()[0] in lines[-2:]  # asked again: no bare prompt
    assert c.where == ("ideas", "touchpoints")
    assert store.load(c.path).ideas[0].title == idea.title
    assert "T3 |" not in said and "P2" not in said  # no menu of every form
    # what the example shows is what /edit takes: typed with a new title, the idea has it
    new = "Quote within one day" if lang == "en" else "Offerte binnen één dag"
    c.say(f"{WORDS[lang]['edit']} {idea.id} {new}")
    assert store.load(c.path).ideas[0].title == new
    assert c.where == ("ideas", "touchpoints")


@LANGS
@pytest.mark.parametrize("item", ["P1", "T2", "G1"])
def test_edit_with_only_an_id_shows_it_in_a_form_edit_reads_back(chat, lang, item) -> None:
    c = _at(chat, lang, ("ideas", "ideas"))
    before = store.load(c.path)
    said = c.say(f"{WORDS[lang]['edit']} {item}")
    example = next(line.strip() for line in said.splitlines()
                   if line.strip().startswith(f"{WORDS[lang]['edit']} {item} "))
    if item == "P1":
        assert f"{before.persona('P1').name} - {before.persona('P1').description}" in example
    if item == "T2":
        assert " | " in example  # the touchpoint's details after bars
    c.say(example)  # typed back as shown: the item stays exactly as it was
    after = store.load(c.path)
    assert after.personas == before.personas and after.touchpoints == before.touchpoints
    assert after.business_goals == before.business_goals
    assert c.where == ("ideas", "ideas")


@LANGS
def test_edit_at_the_touchpoints_uses_the_personas_newest_touchpoint(chat, lang) -> None:
    c = _at(chat, lang, ("touchpoints", "touchpoints"))
    c.say("Google", "Instagram")
    assert c.where == ("touchpoints", "touchpoints")
    said = c.say(WORDS[lang]["edit"])
    assert f"{WORDS[lang]['edit']} T2 Instagram" in said


@LANGS
def test_edit_before_anything_has_an_id_points_to_back(chat, lang) -> None:
    c = chat(lang)
    c.say("Spoke & Co")
    said = c.say(WORDS[lang]["edit"])
    assert WORDS[lang]["back"] in said and len(said.splitlines()) <= 3
    assert said.splitlines()[-1] == c.conv.current.text.splitlines()[0]
    assert c.where == ("scene", "offering")


@LANGS
def test_edit_or_delete_with_an_unknown_id_says_so(chat, lang) -> None:
    c = _at(chat, lang, ("ideas", "ideas"))
    for command in ("edit", "delete"):
        said = c.say(f"{WORDS[lang][command]} Z9")
        assert "Z9" in said.splitlines()[0] and "/status" in said
    assert c.where == ("ideas", "ideas")


@LANGS
def test_delete_alone_shows_how_and_removes_nothing(chat, lang) -> None:
    c = _at(chat, lang, ("ideas", "touchpoints"))
    said = c.say(WORDS[lang]["delete"])
    assert f"{WORDS[lang]['delete']} I1" in said and len(said.splitlines()) <= 3
    w = store.load(c.path)
    assert [i.id for i in w.ideas] == ["I1", "I2"] and c.where == ("ideas", "touchpoints")
