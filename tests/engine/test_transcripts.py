"""Whole workshops typed as transcripts, through `python -m cjcoach chat` with piped input."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cjcoach import store, validate

from .conftest import TRANSCRIPTS, run_cli, transcript


def _run(tmp_path: Path, name: str, lang: str) -> dict:
    path = tmp_path / "workshop.yaml"
    lines = transcript(name)
    done = run_cli("chat", str(path), "--lang", lang, stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    check = run_cli("check", str(path))
    assert check.returncode == 0, check.stderr
    workshop = store.load(path)
    assert validate.problems(workshop) == []
    assert workshop.progress.finished
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"w": workshop, "data": data, "out": done.stdout}


def test_english_one_persona(tmp_path: Path) -> None:
    r = _run(tmp_path, "en_one_persona.txt", "en")
    w = r["w"]
    assert w.scene.organisation == "Bakery De Gouden Korst"
    assert w.scene.market == "B2C" and w.scene.journey_type == "purchase"
    assert [p.name for p in w.scene.participants] == ["Sanne", "Ahmed", "Lies"]
    assert [g.text for g in w.business_goals] == ["30% more pre-orders through the website",
                                                  "More repeat customers"]
    assert [p.name for p in w.personas] == ["Busy Bas"] and w.personas[0].satisfaction == 4
    assert {(a.business_goal, a.customer_goal) for a in w.alignments} == {
        ("G1", "C1"), ("G1", "C2"), ("G2", "C2")}
    assert w.phase_model == "before_during_after"
    checkout = w.touchpoint("T4")
    assert (checkout.name, checkout.phase, checkout.channel, checkout.importance,
            checkout.owner, checkout.goal, checkout.emotion) == (
        "Webshop checkout", "during", "online", 5, "Ahmed", "G1", -2)
    assert [m.text for m in checkout.pain_points] == ["The checkout asks for an account first.",
                                                      "Payment fails on the phone."]
    assert checkout.pain_points[0].teams == ["Ahmed", "webshop", "writers"]  # owner + named
    assert w.touchpoint("T3").owner == "Sanne" and w.touchpoint("T3").channel == "offline"
    assert w.touchpoint("T3").role == "where he hears about us, before he ever searches"
    assert w.touchpoint("T5").role == "the moment that decides he comes back"
    assert w.touchpoint("T2").role == "inspiration"  # from its line, not asked again
    guest, reminder = w.ideas
    assert guest.kind == "fix" and guest.touchpoints == ["T4"] and guest.goals == ["G1"]
    assert reminder.seven_s["systems"].score == -2
    assert reminder.seven_s["systems"].note == "our webshop cannot do it"
    assert (guest.customer_value, guest.business_value, guest.effort) == (5, 4, 2)
    assert guest.votes == {"Sanne": 2, "Ahmed": 1, "Lies": 1}
    assert reminder.conflict_confirmed and reminder.decision == "do"
    assert guest.owner == "Ahmed" and reminder.hypothesis.startswith("We expect 30%")
    assert w.review_date == "2027-11-24" or w.review_date > "2027-01-01"
    assert "That's it" in r["out"]
    report = tmp_path / "workshop-report.md"  # written beside the workshop at the end
    assert f"{report}" in r["out"] and "Bakery De Gouden Korst" in report.read_text("utf-8")
    turns = r["data"]["transcript"]
    assert {"role": "user", "text": "Bakery De Gouden Korst"} in turns


def test_dutch_one_persona(tmp_path: Path) -> None:
    r = _run(tmp_path, "nl_one_persona.txt", "nl")
    w = r["w"]
    assert w.language == "nl" and w.scene.journey_type == "service"
    assert [p.name for p in w.scene.participants] == ["Sanne", "Ahmed", "Lies"]
    assert w.personas[0].satisfaction == 5  # "heel tevreden"
    assert w.phase_model == "come_look_choose_buy_retain"
    assert w.touchpoint("T3").importance == 4  # "belangrijk"
    assert w.touchpoint("T4").role == "proefrit"  # from its line
    assert (w.touchpoint("T5").role, w.touchpoint("T8").role) == (
        "hier vergelijken ze thuis de modellen", "dit houdt ze jaren bij ons")
    assert w.touchpoint("T4").emotion == 2  # "heel blij"
    assert w.touchpoint("T6").emotion == -2 and len(w.touchpoint("T6").pain_points) == 2
    assert w.ideas[1].kind == "bridge" and w.ideas[1].touchpoints == ["T8", "T7"]
    assert [i.decision for i in w.ideas] == ["do", "do"]
    assert "Klaar" in r["out"]


@pytest.mark.parametrize(("name", "lang"), [("en_three_personas.txt", "en"),
                                            ("nl_three_personas.txt", "nl")])
def test_three_personas(tmp_path: Path, name: str, lang: str) -> None:
    r = _run(tmp_path, name, lang)
    w = r["w"]
    assert len(w.personas) == 3
    for p in w.personas:
        assert w.journey(p.id), p.name
        assert all(t.emotion is not None for t in w.journey(p.id))
    assert any(i.decision == "do" and i.owner for i in w.ideas)
    assert [i.kind for i in w.ideas] == ["fix", "new"]  # Enter: what the touchpoints suggest
    pains = [t for t in w.touchpoints if t.pain_points]
    assert all(m.teams for t in pains for m in t.pain_points)  # once per persona, no gaps
    front = "front desk" if lang == "en" else "balie"
    assert w.touchpoint("T3").pain_points[0].teams == [front]  # Enter: who looks after it
    assert w.touchpoint("T8").pain_points[1].teams[0] == front
    assert w.touchpoint("T11").pain_points[0].teams == ["marketing", front]  # no code: all
    sam, petra = w.journey("P1"), w.journey("P2")
    assert [bool(t.role) for t in sam] == [False, True, False, True, True]
    copied = [t for t in petra if t.name == sam[1].name]
    # "same as Sam" brings the channel and owner along; the role and goal are Petra's own
    assert copied and (copied[0].channel, copied[0].owner) == (sam[1].channel, sam[1].owner)
    assert copied[0].role not in ("", sam[1].role) and copied[0].importance == 5


def test_transcripts_exist() -> None:
    names = {p.name for p in TRANSCRIPTS.glob("*.txt")}
    assert {"en_one_persona.txt", "nl_one_persona.txt"} <= names


@pytest.mark.parametrize("name", ["en_one_persona.txt", "nl_one_persona.txt"])
def test_plain_chat_explains_how_to_answer_once_per_question(tmp_path: Path, name: str) -> None:
    """A question asked again (for the next phase, the next touchpoint) does not repeat its
    how-to-answer line: reading time is most of a workshop's time."""
    lang = name[:2]
    result = run_cli("chat", str(tmp_path / "w.yaml"), "--lang", lang,
                     stdin="\n".join(transcript(name)) + "\n")
    assert result.returncode == 0, result.stderr
    hints = [line for line in result.stdout.splitlines() if line.startswith("(")]
    assert hints, "hints are shown"
    repeated = {h for h in hints if hints.count(h) > 1}
    assert not repeated, repeated
