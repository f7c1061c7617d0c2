"""Every coaching check, in Dutch and in English: it speaks about the right item when it
should, and keeps quiet on a near miss. Each test starts from the healthy workshop (on
which the coach says nothing) and changes one thing."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from cjcoach.coach import RULES, Remark
from cjcoach.engine.api import STEP_KEYS
from cjcoach.model import Phase

DUTCH = {"je", "jullie", "het", "nog", "een", "ik", "van"}
ENGLISH = {"you", "the", "your", "yet", "a", "it"}


def only(remarks: list[Remark], lang: str) -> Remark:
    """The single remark, checked to be filled in and in the workshop's language."""
    assert len(remarks) == 1, remarks
    remark = remarks[0]
    words = set(re.findall(r"\w+", remark.text.lower()))
    ours, theirs = (DUTCH, ENGLISH) if lang == "nl" else (ENGLISH, {"je", "jullie"})
    assert words & ours and not words & theirs, remark.text
    assert "{" not in remark.text and "}" not in remark.text
    return remark


# --- step 1 ------------------------------------------------------------------------------

def test_persona_without_goals(healthy, build, say, lang):
    b = healthy
    bram = b.persona("Bram")
    r = only(say(b.w, "persona_without_goals"), lang)
    assert "Bram" in r.text and r.about == (bram,) and r.step == "personas"
    b.customer_goal(bram, "Snel geholpen worden")
    assert say(b.w, "persona_without_goals") == []


def test_no_alignment(healthy, say, lang):
    b = healthy
    assert say(b.w, "no_alignment") == []
    b.w.alignments.clear()
    r = only(say(b.w, "no_alignment"), lang)
    assert r.severity == "warn" and r.step == "alignment"
    # With no alignments at all, the per-goal checks keep quiet: one remark, not a flood.
    assert say(b.w, "business_goal_unmet") == say(b.w, "customer_goal_unserved") == []


def test_business_goal_unmet(healthy, say, lang):
    b = healthy
    g2 = b.goal("Hogere marge op accessoires")
    r = only(say(b.w, "business_goal_unmet"), lang)
    assert "Hogere marge op accessoires" in r.text and r.about == (g2,)
    b.align(g2, "C1")
    assert say(b.w, "business_goal_unmet") == []


def test_customer_goal_unserved(healthy, say, lang):
    b = healthy
    c2 = b.customer_goal("P1", "Een fiets die bij haar stijl past")
    r = only(say(b.w, "customer_goal_unserved"), lang)
    assert "Anna" in r.text and "Een fiets die bij haar stijl past" in r.text
    assert r.about == (c2, "P1")
    b.align("G1", c2)
    assert say(b.w, "customer_goal_unserved") == []


# --- step 2 ------------------------------------------------------------------------------

def test_persona_without_touchpoints(healthy, say, lang):
    b = healthy
    bram = b.persona("Bram")
    r = only(say(b.w, "persona_without_touchpoints"), lang)
    assert "Bram" in r.text and r.about == (bram,)
    b.touchpoint(bram, "awareness", "Radio")
    assert say(b.w, "persona_without_touchpoints") == []


def test_persona_without_touchpoints_quiet_before_mapping_starts(build, say, lang):
    b = build()
    b.persona("Anna")
    b.persona("Bram")
    assert say(b.w, "persona_without_touchpoints") == []


@pytest.mark.parametrize("before", [0, 1, 4])
def test_few_touchpoints_before_purchase(build, say, lang, before):
    b = build()
    b.goal("Omzet")
    anna = b.persona("Anna")
    for n in range(before):
        b.touchpoint(anna, "awareness" if n % 2 else "consideration", f"Moment {n}")
    b.touchpoint(anna, "purchase", "Kassa")
    b.touchpoint(anna, "loyalty", "Nieuwsbrief")
    r = only(say(b.w, "few_touchpoints_before_purchase"), lang)
    assert "Anna" in r.text and r.about == (anna,) and r.severity == "warn"
    assert "2%" in r.text and "10%" in r.text
    if before == 4:
        assert " 4 " in r.text


def test_few_touchpoints_before_purchase_for_two_personas_is_one_remark(build, say, lang):
    b = build()
    b.goal("Omzet")
    anna, bram = b.persona("Anna"), b.persona("Bram")
    b.touchpoint(anna, "awareness", "Google")
    b.touchpoint(anna, "consideration", "Winkel")
    for p in (anna, bram):
        b.touchpoint(p, "purchase", "Kassa")
    r = only(say(b.w, "few_touchpoints_before_purchase_personas"), lang)
    assert say(b.w, "few_touchpoints_before_purchase") == []
    assert r.text.count("2%") == 1 and "Anna (2×)" in r.text and "Bram (0×)" in r.text
    assert r.about == (anna, bram) and r.severity == "warn" and r.step == "touchpoints"
    for n in range(5):  # Bram gets enough: the remark about one persona comes back
        b.touchpoint(bram, "awareness", f"Moment {n}")
    assert say(b.w, "few_touchpoints_before_purchase_personas") == []
    assert only(say(b.w, "few_touchpoints_before_purchase"), lang).about == (anna,)


def test_five_touchpoints_before_purchase_is_enough(healthy, say, lang):
    b = healthy  # Anna has exactly five touchpoints before the purchase phase
    assert say(b.w, "few_touchpoints_before_purchase") == []
    b.w.touchpoints = [t for t in b.w.touchpoints if t.id != "T5"]
    assert only(say(b.w, "few_touchpoints_before_purchase"), lang).about == ("P1",)


def test_only_online_touchpoints(healthy, say, lang):
    b = healthy
    bram = b.persona("Bram")
    b.touchpoint(bram, "awareness", "Google", channel="online")
    b.touchpoint(bram, "purchase", "Webshop", channel="online")
    r = only(say(b.w, "only_online_touchpoints"), lang)
    assert "Bram" in r.text and r.about == (bram,)
    b.touchpoint(bram, "service", "Klantenservice (telefoon)", channel="offline")
    assert say(b.w, "only_online_touchpoints") == []


def test_only_online_keeps_quiet_when_channels_are_unknown(build, say, lang):
    b = build()
    anna = b.persona("Anna")
    b.touchpoint(anna, "awareness", "Google", channel="online")
    b.touchpoint(anna, "purchase", "Kassa", channel="")
    assert say(b.w, "only_online_touchpoints") == []


def test_empty_phase(healthy, say, lang):
    b = healthy
    b.w.touchpoints = [t for t in b.w.touchpoints if t.phase != "service"]
    r = only(say(b.w, "empty_phase"), lang)
    label = b.w.phase_label("service")
    assert f"‘{label}’" in r.text and "Anna" in r.text and r.about == ("P1",)
    b.touchpoint("P1", "service", "Reparatie")
    assert say(b.w, "empty_phase") == []


def test_empty_phases_are_named_in_one_remark(healthy, say, lang):
    b = healthy
    b.w.touchpoints = [t for t in b.w.touchpoints if t.phase not in ("service", "loyalty")]
    r = only(say(b.w, "empty_phase"), lang)
    for key in ("service", "loyalty"):
        assert f"‘{b.w.phase_label(key)}’" in r.text


def test_too_many_touchpoints(healthy, say, lang):
    b = healthy
    for n in range(7):  # 8 + 7 = 15: still fine
        b.touchpoint("P1", "consideration", f"Extra {n}")
    assert say(b.w, "too_many_touchpoints") == []
    b.touchpoint("P1", "consideration", "Nog één")
    r = only(say(b.w, "too_many_touchpoints"), lang)
    assert "Anna" in r.text and "16" in r.text and r.about == ("P1",)


def test_touchpoint_without_owner(healthy, say, lang):
    b = healthy
    assert say(b.w, "touchpoint_without_owner") == []
    b.w.touchpoint("T2").owner = " "  # type: ignore[union-attr]
    r = only(say(b.w, "touchpoint_without_owner"), lang)
    assert "‘Folder’" in r.text and "Anna" in r.text and r.about == ("T2",)
    b.w.touchpoint("T6").owner = ""  # type: ignore[union-attr]
    r = only(say(b.w, "touchpoint_without_owner"), lang)
    assert "‘Folder’" in r.text and "‘Kassa’" in r.text and r.about == ("T2", "T6")


def test_long_lists_are_cut_short(healthy, say, lang):
    b = healthy
    for t in b.w.touchpoints:
        t.owner = ""
    r = only(say(b.w, "touchpoint_without_owner"), lang)
    assert len(r.about) == 8 and "‘Instagram’" in r.text and "‘Nieuwsbrief’" not in r.text
    assert ("en nog 3" if lang == "nl" else "and 3 more") in r.text


def test_goal_without_touchpoint(healthy, say, lang):
    b = healthy
    g2 = b.goal("Meer onderhoudsbeurten")
    r = only(say(b.w, "goal_without_touchpoint"), lang)
    assert "Meer onderhoudsbeurten" in r.text and r.about == (g2,)
    b.w.touchpoint("T7").goal = g2  # type: ignore[union-attr]
    assert say(b.w, "goal_without_touchpoint") == []


def test_goal_without_touchpoint_quiet_when_goals_are_not_linked(healthy, say, lang):
    b = healthy
    b.goal("Meer onderhoudsbeurten")
    for t in b.w.touchpoints:
        t.goal = ""
    assert say(b.w, "goal_without_touchpoint") == []


# --- step 3 ------------------------------------------------------------------------------

def test_pain_point_without_team(healthy, say, lang):
    b = healthy
    m = b.pain("T6", "Lang wachten bij de kassa", teams=())
    r = only(say(b.w, "pain_point_without_team"), lang)
    assert "Lang wachten bij de kassa" in r.text and "‘Kassa’" in r.text and "Anna" in r.text
    assert r.about == (m, "T6") and r.step == "moments"
    b.w.touchpoint("T6").pain_points[0].teams.append("winkel")  # type: ignore[union-attr]
    assert say(b.w, "pain_point_without_team") == []


def test_negative_emotion_without_pain_point(healthy, say, lang):
    b = healthy
    b.w.touchpoint("T6").emotion = -1  # type: ignore[union-attr]
    r = only(say(b.w, "negative_emotion_without_pain_point"), lang)
    assert "‘Kassa’" in r.text and "Anna" in r.text and r.about == ("T6",)
    b.w.touchpoint("T4").emotion = -2  # type: ignore[union-attr]  # T4 has a pain point
    b.w.touchpoint("T6").emotion = 0  # type: ignore[union-attr]
    assert say(b.w, "negative_emotion_without_pain_point") == []


# --- step 4 ------------------------------------------------------------------------------

def test_idea_without_touchpoint(healthy, say, lang):
    b = healthy
    i2 = b.idea("Fietsenbus langs bedrijven", touchpoints=())
    r = only(say(b.w, "idea_without_touchpoint"), lang)
    assert "Fietsenbus langs bedrijven" in r.text and r.about == (i2,) and r.step == "ideas"
    b.w.idea(i2).touchpoints.append("T2")  # type: ignore[union-attr]
    assert say(b.w, "idea_without_touchpoint") == []


def test_idea_without_goal(healthy, say, lang):
    b = healthy
    i2 = b.idea("Fietsenbus langs bedrijven", goals=())
    r = only(say(b.w, "idea_without_goal"), lang)
    assert "Fietsenbus langs bedrijven" in r.text and r.about == (i2,)
    b.w.idea(i2).goals.append("G1")  # type: ignore[union-attr]
    assert say(b.w, "idea_without_goal") == []


def test_idea_heavy_conflict_names_the_element(healthy, say, lang):
    b = healthy
    i2 = b.idea("Winkel zeven dagen open", scores={"shared_values": -2, "staff": -1})
    r = only(say(b.w, "idea_heavy_conflict"), lang)
    culture = "gedeelde waarden (cultuur)" if lang == "nl" else "shared values (culture)"
    assert culture in r.text and "Winkel zeven dagen open" in r.text
    assert ("personeel" if lang == "nl" else "staff") not in r.text  # −1 is no heavy conflict
    assert r.about == (i2,) and r.step == "impact" and r.severity == "warn"


def test_idea_heavy_conflict_names_every_element(healthy, say, lang):
    b = healthy
    b.idea("Winkel zeven dagen open", scores={"staff": -2, "skills": -2})
    r = only(say(b.w, "idea_heavy_conflict"), lang)
    both = "personeel en vaardigheden" if lang == "nl" else "staff and skills"
    assert both in r.text


def test_idea_heavy_conflict_quiet_once_confirmed_or_dropped(healthy, say, lang):
    b = healthy
    b.idea("Winkel zeven dagen open", scores={"style": -1})
    assert say(b.w, "idea_heavy_conflict") == []
    b.idea("Alles via de app", scores={"structure": -2}, conflict_confirmed=True)
    b.idea("Geen winkel meer", scores={"strategy": -2}, decision="drop")
    assert say(b.w, "idea_heavy_conflict") == []


# --- step 5 ------------------------------------------------------------------------------

def test_conflict_idea_held_back_from_first_place(healthy, say, lang):
    b = healthy
    bold = b.idea("Proefrit aan huis", scores={"staff": -2}, value=(5, 5), effort=1)
    r = only(say(b.w, "conflict_idea_held_back"), lang)
    assert "Proefrit aan huis" in r.text and "Voorraad live op de site" in r.text
    assert ("personeel" if lang == "nl" else "staff") in r.text
    assert r.about == (bold, "I1") and r.step == "priorities"
    assert b.w.ranked_ideas()[0].id == "I1"


def test_conflict_idea_confirmed_or_not_on_top_is_not_held_back(healthy, say, lang):
    b = healthy
    low = b.idea("Proefrit aan huis", scores={"staff": -2}, value=(2, 2), effort=5)
    assert say(b.w, "conflict_idea_held_back") == []  # it would not be first anyway
    idea = b.w.idea(low)
    idea.customer_value, idea.business_value, idea.effort = 5, 5, 1  # type: ignore[union-attr]
    idea.conflict_confirmed = True  # type: ignore[union-attr]
    assert say(b.w, "conflict_idea_held_back") == []
    assert b.w.ranked_ideas()[0].id == low


def test_chosen_idea_without_owner(healthy, say, lang):
    b = healthy
    i2 = b.idea("Fietsenbus langs bedrijven", owner="")
    b.idea("Later misschien", owner="", decision="later")
    r = only(say(b.w, "chosen_idea_without_owner"), lang)
    assert "Fietsenbus langs bedrijven" in r.text and r.about == (i2,) and r.step == "plan"
    b.w.idea(i2).owner = "Joris"  # type: ignore[union-attr]
    assert say(b.w, "chosen_idea_without_owner") == []


def test_no_review_date(healthy, say, lang):
    b = healthy
    assert say(b.w, "no_review_date") == []
    b.w.review_date = ""
    r = only(say(b.w, "no_review_date"), lang)
    assert r.step == "review" and r.about == ()
    assert ("jaar" if lang == "nl" else "year") in r.text


def test_review_date_unreadable(healthy, say, lang):
    b = healthy
    b.w.review_date = "volgend voorjaar"
    r = only(say(b.w, "review_date_unreadable"), lang)
    assert "volgend voorjaar" in r.text and "2027-05-04" in r.text
    assert say(b.w, "no_review_date") == say(b.w, "review_date_past") == []


def test_review_date_past(healthy, say, lang, today):
    b = healthy
    b.w.review_date = (today - timedelta(days=1)).isoformat()
    r = only(say(b.w, "review_date_past"), lang)
    assert b.w.review_date in r.text
    b.w.review_date = today.isoformat()
    assert say(b.w, "review_date_past") == []


def test_review_date_far(healthy, say, lang):
    b = healthy
    b.w.review_date = "2028-01-01"  # twenty months after the test date
    r = only(say(b.w, "review_date_far"), lang)
    assert "2028-01-01" in r.text and r.severity == "info"
    b.w.review_date = "2027-05-04"  # a year ahead
    assert say(b.w, "review_date_far") == []


# --- the set as a whole ------------------------------------------------------------------

def test_every_rule_has_a_test_here():
    source = Path(__file__).read_text(encoding="utf-8")
    untested = [code for code in RULES if f'"{code}"' not in source]
    assert untested == []


def test_every_rule_belongs_to_a_step():
    assert {rule.step for rule in RULES.values()} <= set(STEP_KEYS)


def test_the_healthy_workshop_gets_no_remarks(healthy, say):
    assert say(healthy.w) == []


def test_a_step_gets_only_its_own_remarks(build, say, lang):
    b = build()
    b.goal("Omzet")
    anna = b.persona("Anna")
    b.touchpoint(anna, "purchase", "Webshop", channel="online", owner="")
    codes = {r.code for r in say(b.w, step="touchpoints")}
    assert codes == {"few_touchpoints_before_purchase", "only_online_touchpoints",
                     "empty_phase", "touchpoint_without_owner"}
    assert {r.code for r in say(b.w, step="personas")} == {"persona_without_goals"}
    assert say(b.w, step="scene") == []
    with pytest.raises(ValueError, match="unknown step"):
        say(b.w, step="touchpunten")


def test_custom_phase_names_are_used(build, say, lang):
    b = build(model="custom", phases=[("zoeken", "Zoeken"), ("kopen", "Kopen"),
                                      ("gebruiken", "Gebruiken")])
    anna = b.persona("Anna")
    b.touchpoint(anna, "zoeken", "Google")
    b.w.phases.append(Phase("terugkomen", "Terugkomen"))
    r = only(say(b.w, "empty_phase"), lang)
    assert "‘Kopen’" in r.text and "‘Gebruiken’" in r.text and "‘Terugkomen’" in r.text
