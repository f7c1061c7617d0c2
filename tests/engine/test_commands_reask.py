"""After a command that changes something, the question being asked comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Chat, transcript

SCRIPT = {"en": "en_one_persona.txt", "nl": "nl_one_persona.txt"}


@pytest.mark.parametrize("lang, edit, delete", [("en", "/edit", "/delete"),
                                                ("nl", "/wijzig", "/verwijder")])
def test_edit_and_delete_ask_the_current_question_again(tmp_path: Path, lang: str, edit: str,
                                                        delete: str) -> None:
    c = Chat(tmp_path / "w.yaml", lang)
    c.feed(transcript(SCRIPT[lang]), until=("personas", "satisfaction"))
    question = c.conv.current
    assert question is not None
    said = c.say(f"{edit} G1 More loyal regulars")
    assert c.conv.workshop.business_goal("G1").text == "More loyal regulars"
    assert question.text in said
    said = c.say(f"{delete} G2")
    assert c.conv.workshop.business_goal("G2") is None
    assert question.text in said
    c.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_touchpoint_codes_are_listed_at_the_first_idea_only(tmp_path: Path,
                                                                lang: str) -> None:
    """Reading time: the full list of touchpoints is not printed again for every idea; a
    one-line reminder of their codes is (a newcomer had to remember the codes)."""
    c = Chat(tmp_path / "w.yaml", lang)
    c.feed(transcript(SCRIPT[lang]), until=("ideas", "touchpoints"))
    first = c.conv.current
    w = c.conv.workshop
    hurting = [t for t in w.touchpoints if t.pain_points or (t.emotion or 0) < 0]
    calm = [t for t in w.touchpoints if t not in hurting]
    assert first is not None and hurting and calm
    # where it hurts now, listed; the others by the range of their codes, not one by one
    assert all(t.name in first.text for t in hurting)
    assert not any(f"  {t.id}  {t.name}" in first.text for t in calm)
    assert f"{w.touchpoints[0].id} " in first.text and w.touchpoints[-1].id in first.text
    assert len(w.ideas) > 1
    c.conv.position = type(c.conv.position)(  # the same question for the second idea
        "ideas", "touchpoints", (("idea", w.ideas[1].id),))
    second = c.conv.current
    assert second is not None and "/status" in second.text
    assert not any(f"  {t.id}  " in second.text for t in w.touchpoints)  # no list of lines
    reminder = next(line for line in second.text.splitlines() if f"{hurting[0].id} " in line)
    assert all(f"{t.id} " in reminder for t in hurting)
    goal = w.business_goals[0]
    assert goal.text in first.text and goal.text not in second.text  # goals once, too
    c.close()
