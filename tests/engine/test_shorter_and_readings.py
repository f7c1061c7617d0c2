"""The shorter conversation and the answers a usability tester saw misread, in both languages."""

from __future__ import annotations

import pytest

from cjcoach import store

from .conftest import transcript

SCRIPT = {"en": "en_one_persona.txt", "nl": "nl_one_persona.txt"}
LANGS = pytest.mark.parametrize("lang", ["en", "nl"])
DETAILS = {"en": "outside, pretty important, Sanne, G2", "nl": "buiten, best belangrijk, Sanne, G2"}


def _two_personas_to_touchpoints(c, lang: str,
                                 personas: tuple[str, str] = ("Anna - one", "Bram - two")
                                 ) -> None:
    """Two personas (Anna and Bram; one goal each, linked to no business goal), then on to
    the first touchpoint question (phase model 1)."""
    c.feed(transcript(SCRIPT[lang]), until=("personas", "personas"))
    c.say(*personas, "")
    for _ in range(2):
        c.say("x", "x", "4", "goal one", "")
    for _ in range(10):
        if c.where[0] == "touchpoints":
            break
        c.say("1" if c.where[0] == "phases" else "none" if lang == "en" else "geen")


@LANGS
def test_details_are_read_by_what_they_look_like(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "channels"))
    target = next(t for t in store.load(c.path).journey("P1") if not t.owner)
    shown = c.say(f"{target.id}: {DETAILS[lang]}")
    t = store.load(c.path).touchpoint(target.id)
    assert (t.channel, t.importance, t.owner, t.goal) == ("offline", 4, "Sanne", "G2")
    assert "offline | 4 | Sanne | G2" in shown


@LANGS
def test_all_details_in_one_question_with_shared_lines(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "touchpoints"))
    c.say("Instagram, Google", "", "Kassa", "", "Spaarkaart", "")
    if c.where == ("touchpoints", "touchpoints"):  # the Dutch model has five phases
        c.say("", "")
    assert c.where == ("touchpoints", "channels")
    question = c.conv.current.text
    assert "T1" in question and "T4" in question
    c.say("T1, T2: online, 3, Ahmed, G1")
    assert c.where == ("touchpoints", "channels")  # two still without details
    c.say("T3 | offline | 5 | Lies | G2")
    c.say("T4 offline 4 Sanne G2")
    assert c.where == ("touchpoints", "roles")  # all details given, but for the role
    role = "where they look around" if lang == "en" else "hier kijken ze rond"
    c.say(f"T3 | {role}")
    assert c.where[0] == "moments"  # no walk
    assert store.load(c.path).touchpoint("T3").role == role
    w = store.load(c.path)
    assert [(t.channel, t.importance, t.owner) for t in w.journey("P1")] == [
        ("online", 3, "Ahmed"), ("online", 3, "Ahmed"), ("offline", 5, "Lies"),
        ("offline", 4, "Sanne")]


@LANGS
def test_a_second_persona_borrows_details_of_a_touchpoint_with_the_same_name(chat, lang) -> None:
    c = chat(lang)
    _two_personas_to_touchpoints(c, lang)
    c.say("Winkel | offline | 5 | Lies | G2", "")
    for _ in range(20):
        if c.where == ("touchpoints", "touchpoints") and "Bram" in c.conv.current.text:
            break
        c.say("")
    shown = c.say("Winkel")
    t = store.load(c.path).journey("P2")[0]
    # the moment's own details; its importance, role and goal are Bram's own (bike-shop run)
    assert (t.channel, t.owner, t.goal, t.importance) == ("offline", "Lies", "", None)
    assert "offline | Lies" in shown and "G2" not in shown


@LANGS
def test_alignment_goal_and_how_in_one_answer(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("alignment", "meets"))
    how = "a test ride on her route" if lang == "en" else "een proefrit op haar route"
    c.say(f"G1, G2: {how}")
    w = store.load(c.path)
    assert {(a.business_goal, a.statement) for a in w.alignments} == {("G1", how), ("G2", how)}
    assert c.where == ("alignment", "meets")  # the next customer goal, no "how" question


def _ideas(c, lang: str) -> None:
    c.feed(transcript(SCRIPT[lang]), until=("ideas", "ideas"))
    names = (["Cakes online", "Faster till", "Online ordering of cakes"] if lang == "en"
             else ["De taarten online", "De kassa sneller", "Online bestellen van taarten"])
    c.say(*names, "")


@LANGS
def test_choosing_ideas_by_code_and_name_keeps_every_one(chat, lang: str) -> None:
    c = chat(lang)
    _ideas(c, lang)
    c.say("/goto plan" if lang == "en" else "/ga plan")
    assert c.where == ("plan", "choose")
    c.say("I2, I3 and the cakes online" if lang == "en" else "I2, I3 en de taarten online")
    assert [i.decision for i in store.load(c.path).ideas] == ["do", "do", "do"]


@LANGS
def test_votes_with_a_count_after_the_name(chat, lang: str) -> None:
    c = chat(lang)
    _ideas(c, lang)
    c.say("/goto priorities" if lang == "en" else "/ga prioriteiten")
    while c.where == ("priorities", "value"):
        c.say("3 3 3")
    shown = c.say("the till 2x and I3" if lang == "en" else "de kassa 2x en I3")
    idea = store.load(c.path).ideas
    assert idea[1].votes == {"Sanne": 2} and idea[2].votes == {"Sanne": 1}
    assert ("I2: 2 dots, I3: 1 dot" if lang == "en" else "I2: 2 stippen, I3: 1 stip") in shown


@LANGS
def test_seven_s_words_mean_what_the_question_says(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    words = ("fits well, fits, no effect, clashes, clashes badly, fits well, fits"
             if lang == "en" else
             "past goed, past, geen effect, botst, botst zwaar, past goed, past")
    c.say(words)
    scores = [s.score for s in store.load(c.path).ideas[0].seven_s.values()]
    assert scores == [2, 1, 0, -1, -2, 2, 1]


@LANGS
def test_seven_s_one_by_one_with_words_and_a_note(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    c.say("one by one" if lang == "en" else "een voor een")
    c.say("fits well, we sell cakes already" if lang == "en"
          else "past goed, we verkopen al taarten")
    first = store.load(c.path).ideas[0].seven_s["strategy"]
    assert first.score == 2
    assert first.note == ("we sell cakes already" if lang == "en" else "we verkopen al taarten")


@LANGS
def test_seven_s_with_six_numbers_says_how_many(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    shown = c.say("1 0 -1 2 0 0")
    assert ("You gave 6, I need 7" if lang == "en" else "Je gaf er 6, ik heb er 7 nodig") in shown
    assert c.where == ("impact", "scores")


@LANGS
def test_numbers_read_as_people_write_them(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("moments", "emotions"))
    shown = c.say(" ".join(["0"] * len(store.load(c.path).journey("P1"))))
    assert "+0" not in shown and "T1 0" in shown


@LANGS
def test_priorities_and_dots_read_as_people_write_them(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("plan", "choose"))
    question = c.conv.current.text
    if lang == "nl":
        assert "prioriteit 2,2" in question or ("," in question.split("prioriteit ")[1][:4])
        assert "1 stippen" not in question
    else:
        assert "1 dots" not in question


@LANGS
def test_pain_points_listed_one_per_line(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("ideas", "ideas"))
    question = c.conv.current.text
    assert ".;" not in question
    assert "\n  T" in question


def test_choice_labels_are_lower_case_in_the_scene_recap(chat) -> None:
    c = chat("nl")
    c.feed(transcript("nl_one_persona.txt"), until=("scene", "participants"))
    shown = c.say("Sanne - eigenaar", "")
    assert "(B2C, servicereis)" in shown


def test_the_coach_says_a_fact_once(chat) -> None:
    c = chat("nl")
    _two_personas_to_touchpoints(c, "nl")
    shown = ""
    for line in ["Winkel | offline | 5 | Lies | G2", "", "", "", ""] * 2:  # 3 phases, role
        shown += c.say(line)
    assert c.where[0] == "moments"
    assert "Anna (1×) en Bram (1×)" in shown  # one remark for both personas
    assert shown.count("2% van de aankopen") == 1  # the fact only once


@LANGS
def test_a_pain_point_or_happy_moment_at_any_touchpoint(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("moments", "extra"))
    w = store.load(c.path)
    good = next(t for t in w.journey("P1") if (t.emotion or 0) > 0)
    happy = "they know his name" if lang == "en" else "ze kennen zijn naam"
    shown = c.say(f"{good.id}: {happy}")
    c.say(f"{good.id} -: " + ("no parking" if lang == "en" else "geen parkeerplek"))
    assert ("happy moment" if lang == "en" else "geluksmoment") in shown
    c.say("")
    assert c.where == ("moments", "helpers")  # the new pain point gets its team
    assert f"  {good.id}  " in c.conv.current.text
    c.say(f"{good.id} Lies")
    t = store.load(c.path).touchpoint(good.id)
    assert t.happy_moments[-1].text == happy
    assert [m.text for m in t.pain_points] == ["no parking" if lang == "en" else "geen parkeerplek"]
    assert t.pain_points[0].teams == [t.owner, "Lies"]  # Lies helps whoever owns it


@LANGS
def test_an_idea_gets_its_touchpoints_and_goal_in_one_answer(chat, lang: str) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("ideas", "touchpoints"))
    c.say("T1, T2, G2")
    idea = store.load(c.path).ideas[0]
    assert idea.touchpoints == ["T1", "T2"] and idea.goals == ["G2"]
    assert c.where == ("ideas", "touchpoints")  # the next idea: no separate goal question
    assert store.load(c.path).ideas[1].title in c.conv.current.text


@LANGS
def test_enter_at_each_details_question_leaves_that_detail_open(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "channels"))
    bare = [t.id for t in store.load(c.path).journey("P1") if not t.owner]
    assert bare
    asked = []
    while c.where[0] == "touchpoints":
        asked.append(c.where[1])
        c.say("")
    assert asked == ["channels", "importance", "roles", "owners", "goals"]  # one Enter each
    assert c.where[0] == "moments"  # no question per touchpoint
    w = store.load(c.path)
    assert all(not w.touchpoint(tid).owner for tid in bare)
    assert w.progress.step == "moments"  # a restart resumes after the details too


@LANGS
def test_edit_gives_a_touchpoint_details_and_a_persona_a_description(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "channels"))
    while c.where[0] == "touchpoints":
        c.say("")  # every detail left open
    edit = "/edit" if lang == "en" else "/wijzig"
    shown = c.say(f"{edit} T2 | offline | 5 | Sanne | G1")
    t = store.load(c.path).touchpoint("T2")
    name = t.name
    assert (t.channel, t.importance, t.owner, t.goal) == ("offline", 5, "Sanne", "G1")
    assert "offline | 5 | Sanne | G1" in shown
    c.say(f"{edit} T2 Flyer | online")
    t = store.load(c.path).touchpoint("T2")
    assert (t.name, t.channel, t.owner) == ("Flyer", "online", "Sanne") and name != "Flyer"
    shown = c.say(f"{edit} T2 | online | online | nonsense words | more words | still more")
    assert store.load(c.path).touchpoint("T2").owner == "Sanne"  # not half-applied
    assert c.where[0] == "moments" and "T2" not in shown.split("\n")[0][:2]
    c.say(f"{edit} P1 Student Sam - studies in town, cycles everywhere")
    p = store.load(c.path).persona("P1")
    assert (p.name, p.description) == ("Student Sam", "studies in town, cycles everywhere")


LONG_PERSONA = {"en": "a mother of two who shops on Saturday mornings",
                "nl": "een moeder van twee die op zaterdagochtend boodschappen doet"}


@LANGS
@pytest.mark.parametrize("short", ["Mother Mia", ""])
def test_a_persona_typed_as_a_description_gets_asked_for_a_short_name(chat, lang, short) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("personas", "personas"))
    c.say(LONG_PERSONA[lang], "Student Sam - studies in town", "")
    assert c.where == ("personas", "short_name")
    assert LONG_PERSONA[lang] in c.conv.current.text
    shown = c.say(short)
    p1, p2 = store.load(c.path).personas
    if short:
        assert (p1.name, p1.description) == ("Mother Mia", LONG_PERSONA[lang])
        assert "Mother Mia" in shown and "Mother Mia" in c.conv.current.text
    else:  # Enter: left as it was, and said so
        assert (p1.name, p1.description) == (LONG_PERSONA[lang], "")
        assert ("kept" if lang == "en" else "blijft") in shown.split("\n")[0].lower()
    assert c.where == ("personas", "why_buy")
    c.say("x", "x", "3", "a goal", "")
    assert c.where == ("personas", "why_buy")  # Student Sam has a name and a description
    assert "Student Sam" in c.conv.current.text and p2.name == "Student Sam"


@LANGS
def test_a_short_name_that_is_again_a_sentence_is_asked_again(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("personas", "personas"))
    c.say(LONG_PERSONA[lang], "")
    c.say("she is a mother of two young children")
    assert c.where == ("personas", "short_name")
    assert store.load(c.path).personas[0].name == LONG_PERSONA[lang]


@LANGS
def test_both_or_neither_at_the_journey_question_gets_a_way_to_choose(chat, lang) -> None:
    c = chat(lang)
    c.say("Salon Knip", "Cutting and colouring hair.", "B2C")
    assert c.where == ("scene", "journey")
    shown = c.say("both" if lang == "en" else "allebei")
    assert c.where == ("scene", "journey")
    assert ("service journey" if lang == "en" else "servicereis") in shown.split("\n")[0]
    assert "1." in shown and "2." in shown  # the options stay in sight
    shown = c.say("not sure" if lang == "en" else "weet ik niet")
    assert ("appointments" if lang == "en" else "afspraken") in shown  # the doubt tip
    c.say("2")
    assert store.load(c.path).scene.journey_type == "service"


@LANGS
def test_the_touchpoints_still_without_a_feeling_are_listed_short(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("moments", "emotions"))
    journey = store.load(c.path).journey("P1")
    assert len(journey) >= 6
    shown = c.say("T1 +1")
    assert "T2, T3" in shown and journey[-1].name not in shown  # codes: the list is above
    shown = c.say(", ".join(f"{t.id} 0" for t in journey[1:-3]))
    assert f"{journey[-1].id} {journey[-1].name}" in shown  # the last few are named


@LANGS
@pytest.mark.parametrize("market", ["B2B", "B2C"])
def test_a_team_that_sells_to_businesses_gets_business_examples(chat, lang, market) -> None:
    c = chat(lang)
    c.say("Telwerk", "Bookkeeping for small firms.", market, "2", "Sanne - owner", "")
    assert c.where == ("why", "why")
    shown = c.say("?")  # hesitating shows the example
    bakery, firm = ("bread", "receipts") if lang == "en" else ("brood", "bonnetjes")
    assert (firm in shown) == (market == "B2B") and (bakery in shown) == (market == "B2C")


@LANGS
def test_the_rest_gets_one_feeling(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("moments", "emotions"))
    journey = store.load(c.path).journey("P1")
    c.say(f"{journey[0].id} -2, {journey[1].id} +2")
    c.say("the rest +1" if lang == "en" else "de rest +1")
    felt = [t.emotion for t in store.load(c.path).journey("P1")]
    assert felt == [-2, 2] + [1] * (len(journey) - 2)
    assert c.where[0] == "moments" and c.where[1] != "emotions"


@LANGS
def test_all_seven_elements_one_score_in_words(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    c.say("all 1, I think" if lang == "en" else "allemaal 1 denk ik")
    idea = store.load(c.path).ideas[0]
    assert [sc.score for sc in idea.seven_s.values()] == [1] * 7


@LANGS
def test_a_pain_point_with_a_comma_stays_one_and_short_phrases_are_a_list(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("moments", "pains"))
    sentence = ("takes longer than promised, nobody tells you" if lang == "en"
                else "duurt soms langer dan gezegd, niemand zegt iets")
    c.say(sentence)
    c.say("long wait, no parking" if lang == "en" else "lang wachten, geen parkeerplek")
    pains = [m.text for t in store.load(c.path).touchpoints for m in t.pain_points]
    assert pains[-3:] == [sentence] + (["long wait", "no parking"] if lang == "en"
                                       else ["lang wachten", "geen parkeerplek"])


@LANGS
def test_the_ideas_question_lists_the_worst_pain_points_and_counts_the_rest(chat, lang) -> None:
    c = chat(lang)
    lines = transcript(SCRIPT[lang])
    used = c.feed(lines, until=("moments", "extra"))
    journey = store.load(c.path).journey("P1")
    calm = next(t for t in journey if (t.emotion or 0) >= 0)
    c.say("\n".join(f"{calm.id} -: small thing {n}" for n in range(9)))
    c.feed(lines[used:], until=("ideas", "ideas"))
    question = c.conv.current.text
    worst = min(journey, key=lambda t: t.emotion if t.emotion is not None else 0)
    total = sum(len(t.pain_points) for t in store.load(c.path).touchpoints)
    assert question.index(worst.name) < question.index("small thing")  # worst felt first
    more = f"{total - 8} more" if lang == "en" else f"nog {total - 8}"
    assert more in question


@pytest.mark.parametrize("lang, answer, expected", [
    ("nl", "servicereis denk ik, apk is niet lang nadenken maar wel veel contact", "service"),
    ("en", "service journey I guess, people call us a lot", "service"),
    ("nl", "aankoopreis of servicereis, allebei wel een beetje", None),
    ("en", "journey of a service kind", None),
])
def test_an_answer_that_starts_with_a_choice_and_explains_it(chat, lang, answer, expected):
    c = chat(lang)
    c.say("Garage Van Dijk", "MOT and repairs.", "B2C")
    c.say(answer)
    assert store.load(c.path).scene.journey_type == (expected or "")
    assert c.where == (("scene", "participants") if expected else ("scene", "journey"))


@LANGS
def test_a_market_named_first_with_a_remark_is_taken_but_two_named_are_not(chat, lang) -> None:
    c = chat(lang)
    c.say("Garage Van Dijk", "MOT and repairs.")
    c.say("B2B and B2C" if lang == "en" else "B2B en B2C")
    assert c.where == ("scene", "market")
    c.say("B2C, I think" if lang == "en" else "B2C, denk ik")
    assert store.load(c.path).scene.market == "B2C"


@pytest.mark.parametrize("lang, line, expected", [
    # both channels, a second channel word, and number, owner and goal run together
    ("nl", "allebei, telefoon en mail. 5 sanne G2", ("both", 5, "Sanne", "G2", "")),
    ("en", "both, phone and e-mail. 5 sanne G2", ("both", 5, "Sanne", "G2", "")),
    # "weet ik niet" is no owner; a long remark is no owner either
    ("nl", "offline, 3, weet ik niet", ("offline", 3, "", "", "")),
    ("en", "offline | 3 | henk. the sign is old", ("offline", 3, "", "", "henk. the sign is old")),
    # phone and e-mail together: both channels, not an owner called "mail"
    ("nl", "telefoon en mail, 4, Lies", ("both", 4, "Lies", "", "")),
])
def test_details_a_newcomer_typed_are_read_as_meant(chat, lang, line, expected) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "channels"))
    target = next(t for t in store.load(c.path).journey("P1") if not t.owner)
    shown = c.say(f"{target.id}: {line}")
    t = store.load(c.path).touchpoint(target.id)
    assert (t.channel, t.importance, t.owner, t.goal, t.role) == expected, shown
    if expected[0] == "both":
        assert "online/offline" in shown
    if expected[2]:  # complete: no longer listed as still without details
        assert target.id not in shown.split("\n")[-1]


@LANGS
@pytest.mark.parametrize("clash", [False, True])
def test_the_ranking_is_shown_once_with_how_it_is_made(chat, lang, clash) -> None:
    c = chat(lang)
    lines = transcript(SCRIPT[lang])
    used = c.feed(lines, until=("impact", "scores"))
    if clash:  # the first idea clashes heavily with one element
        c.say("-2 0 0 0 0 0 0")
        used += 1
    used += c.feed(lines[used:], until=("priorities", "votes"))
    shown = ""
    while c.where[1] == "votes":
        shown = c.say(lines[used])
        used += 1
    assert c.where == ("plan", "choose")
    assert shown.count("I1 ") == 1  # the ranking once: in the question, not in the recap too
    rule = ("divided by effort" if lang == "en" else "gedeeld door moeite")
    assert rule in c.conv.current.text
    flagged = any(i.heavy_conflicts() for i in store.load(c.path).ideas)
    assert flagged or not clash
    assert ("(!) " in c.conv.current.text) == flagged  # what (!) means, when one has it


@LANGS
def test_after_the_first_coach_remark_the_team_hears_once_that_no_answer_is_needed(chat, lang):
    c = chat(lang)
    lines = transcript(SCRIPT[lang])
    said = [m for line in lines for m in c.conv.answer(line).messages]
    coach = [i for i, m in enumerate(said) if m.kind == "coach"]
    notes = [i for i, m in enumerate(said) if "/back" in m.text and "/edit" in m.text
             or "/terug" in m.text and "/wijzig" in m.text]
    assert len(coach) >= 2 and len(notes) == 1
    assert notes[0] == coach[0] + 1 or said[coach[0] + 1].kind == "coach"


@pytest.mark.parametrize("lang, answer", [
    ("nl", "weet ik niet, past niet echt. gewoon ruud die het goed doet"),
    ("en", "not sure, it doesn't fit any of them really"),
])
def test_a_goal_that_fits_no_business_goal_in_a_sentence(chat, lang, answer) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("alignment", "meets"))
    goal = c.conv.position.ctx["goal"]
    shown = c.say(answer)
    assert ("doesn't meet any" if lang == "en" else "raakt (nog) geen") in shown
    assert not [a for a in store.load(c.path).alignments if a.customer_goal == goal]
    assert c.where != ("alignment", "meets") or c.conv.position.ctx["goal"] != goal


@LANGS
def test_the_review_date_is_said_in_words(chat, lang) -> None:
    c = chat(lang)
    lines = transcript(SCRIPT[lang])
    used = c.feed(lines, until=("review", "date"))
    shown = c.say("1-3-2027")
    assert ("1 March 2027" if lang == "en" else "1 maart 2027") in shown
    assert "2027-03-01" not in shown and c.last.finished
    assert store.load(c.path).review_date == "2027-03-01"  # the file keeps the ISO date
    assert used


@LANGS
def test_the_touchpoints_still_without_details_are_listed_short(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "touchpoints"))
    c.say("Instagram, Google, Flyer, Poster, Radio", "")
    while c.where == ("touchpoints", "touchpoints"):
        c.say("")
    shown = c.say("T1: online, 3, Sanne, G1")
    assert "T2, T3, T4, T5" in shown and "Poster" not in shown.split("\n")[-1]
    shown = c.say("T2: online, 3, Sanne, G1")
    assert "T3 Flyer, T4 Poster, T5 Radio" in shown  # the last few by name


@LANGS
def test_a_question_mark_in_the_seven_scores_is_not_sure_and_counts_as_zero(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    c.say("2 0 0 2 1 -1 ?")
    idea = store.load(c.path).ideas[0]
    assert [sc.score for sc in idea.seven_s.values()] == [2, 0, 0, 2, 1, -1, 0]


@LANGS
def test_a_moment_typed_with_its_code_and_a_dash(chat, lang) -> None:
    c = chat(lang)
    lines = transcript(SCRIPT[lang])
    used = c.feed(lines, until=("moments", "pains"))
    t = c.conv.position.ctx["touchpoint"]
    c.say(f"{t}-: it drags on" if lang == "en" else f"{t}-: het duurt lang")
    pains = store.load(c.path).touchpoint(t).pain_points
    assert pains[-1].text in ("it drags on", "het duurt lang")  # the code is not kept
    c.feed(lines[used:], until=("moments", "extra"))
    journey = store.load(c.path).journey("P1")
    calm = next(x for x in journey if (x.emotion or 0) >= 0)
    c.say(f"{calm.id} - nobody talks to her" if lang == "en" else f"{calm.id} - niemand praat")
    assert store.load(c.path).touchpoint(calm.id).pain_points[-1].text in (
        "nobody talks to her", "niemand praat")


@pytest.mark.parametrize("lang, answer, expected", [
    ("en", "3 i think, not sure", 3), ("nl", "3 denk ik, weet niet zeker", 3),
    ("en", "not lose client files or get hacked", None),
    ("nl", "niet meer wakker liggen van de administratie", None),
    # the hedge first and the number after means the same (a newcomer's "4 denk ik")
    ("en", "not sure, maybe 3", 3), ("nl", "weet ik niet precies, 4 denk ik", 4),
    ("nl", "tussen 3 en 4", None),
])
def test_satisfaction_read_as_meant(chat, lang, answer, expected) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("personas", "satisfaction"))
    c.say(answer)
    assert store.load(c.path).personas[0].satisfaction == expected


@LANGS
def test_quitting_a_finished_workshop_does_not_say_carry_on(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]))
    assert c.conv.position is None  # finished
    shown = c.say("/quit" if lang == "en" else "/stop")
    assert c.last.quit
    assert ("change something" if lang == "en" else "nog iets te veranderen") in shown


@LANGS
def test_every_idea_its_numbers_and_everyone_their_dots_in_one_answer(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("priorities", "value"))
    assert '"I1 4 3 2; I2' in c.conv.current.text  # said at the first idea
    shown = c.say("I1 5 4 2; I2 4, 5, 3")
    w = store.load(c.path)
    assert [(i.customer_value, i.business_value, i.effort) for i in w.ideas] == [
        (5, 4, 2), (4, 5, 3)]
    assert "I2: 4 5 3" in shown
    assert c.where == ("priorities", "votes")  # the second idea's question is passed over
    names = [p.name for p in w.scene.participants]
    assert f'"{names[0]}: I1 I1 I3' in c.conv.current.text
    shown = c.say(f"{names[0]}: I1 I1 I2; {names[1]}: I2; {names[2]}: I1 I2 I2")
    w = store.load(c.path)
    assert w.ideas[0].votes == {names[0]: 2, names[2]: 1}
    assert w.ideas[1].votes == {names[0]: 1, names[1]: 1, names[2]: 2}
    assert c.where == ("plan", "choose")  # nobody asked again


@LANGS
def test_one_voter_with_too_many_dots_in_a_shared_answer_is_asked_again(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("priorities", "votes"))
    names = [p.name for p in store.load(c.path).scene.participants]
    shown = c.say(f"{names[0]}: I1 I1 I1 I2; {names[1]}: I2")
    assert c.where == ("priorities", "votes") and "4" in shown
    assert all(not i.votes for i in store.load(c.path).ideas)  # nothing half-stored


@pytest.mark.parametrize("lang, answer, expected", [
    ("nl", "past goed bij strategie en waarden, botst met personeel",
     {"strategy": 2, "shared_values": 2, "staff": -1}),
    ("nl", "botst zwaar met de mensen, maar past bij onze koers", {"staff": -2, "strategy": 1}),
    ("en", "fits well with strategy, clashes with staff", {"strategy": 2, "staff": -1}),
    ("en", "clashes heavily with our systems but fits the culture",
     {"systems": -2, "shared_values": 1}),
])
def test_the_seven_s_in_words(chat, lang, answer, expected) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    shown = c.say(answer)
    idea = store.load(c.path).ideas[0]
    assert {s: sc.score for s, sc in idea.seven_s.items()} == {
        s: expected.get(s, 0) for s in idea.seven_s}
    assert len(idea.seven_s) == 7 and shown.count("0") >= 7 - len(expected)


@LANGS
def test_elements_named_without_a_score_word_are_asked_again(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    said = "strategy and staff" if lang == "en" else "strategie en personeel"
    shown = c.say(said)
    assert c.where == ("impact", "scores") and not store.load(c.path).ideas[0].seven_s
    assert f'"{said}"' in shown  # named, not "I need seven numbers" (salon run)


@LANGS
def test_choosing_ideas_with_who_takes_them_on(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("plan", "choose"))
    shown = c.say("I1 Lies, I2 Ahmed en Sanne" if lang == "nl" else "I1 Lies, I2 Ahmed and Sanne")
    w = store.load(c.path)
    assert [(i.decision, i.owner) for i in w.ideas] == [
        ("do", "Lies"), ("do", "Ahmed en Sanne" if lang == "nl" else "Ahmed and Sanne")]
    assert "(Lies)" in shown
    while c.where == ("plan", "confirm"):
        c.say("yes" if lang == "en" else "ja")
    assert c.where == ("plan", "channel")  # the owner question is not asked again
    shown = c.say("/back" if lang == "en" else "/terug")  # the owner can still be changed
    assert c.where == ("plan", "owner") and "Lies" in shown


@LANGS
def test_going_back_to_the_values_asks_every_idea_again(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("priorities", "value"))
    c.say("I1 5 4 2\nI2 4 5 3")
    c.say("/goto priorities" if lang == "en" else "/ga 10")  # part 10, as /status shows
    assert c.where == ("priorities", "value")
    c.say("3 3 3")
    assert c.where == ("priorities", "value")  # I2 again, not passed over this time
    assert c.conv.position.ctx["idea"] == "I2"


@pytest.mark.parametrize("answer", ["I1 denk ik", "I1 because it's cheap", "I1 1 2 3 4",
                                    "I1 -- Noor", "I1 Noor, I1 Tom"])
def test_what_follows_a_code_at_the_choice_is_only_an_owner_when_it_is_a_name(chat, answer):
    c = chat("nl")
    c.feed(transcript(SCRIPT["nl"]), until=("plan", "choose"))
    c.say(answer)
    assert c.where == ("plan", "choose")  # asked again, nothing stored
    assert all(not i.owner and i.decision != "do" for i in store.load(c.path).ideas)


@LANGS
def test_a_bulk_answer_must_include_the_idea_or_voter_asked_about(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("priorities", "value"))
    shown = c.say("I2 4 5 3")
    assert c.where == ("priorities", "value") and "I1" in shown
    assert all(i.effort is None for i in store.load(c.path).ideas)
    c.say("I1 5 4 2", "I2 4 5 3")
    names = [p.name for p in store.load(c.path).scene.participants]
    assert c.where == ("priorities", "votes") and names[0] in c.conv.current.text
    c.say(f"{names[1]}: I2 I2 I1")
    assert c.where == ("priorities", "votes") and names[0] in c.conv.current.text
    assert all(not i.votes for i in store.load(c.path).ideas)


@pytest.mark.parametrize("lang, answer", [
    ("nl", "strategie +2, personeel -3"),
    ("nl", "past goed bij strategie, maar we hebben geen tijd"),
    ("nl", "allemaal 1 behalve personeel -2"), ("en", "all 1 except staff -2"),
    ("en", "fits strategy, but no time for it"),
])
def test_seven_s_words_that_would_be_a_guess_are_asked_again(chat, lang, answer) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    c.say(answer)
    assert c.where == ("impact", "scores") and not store.load(c.path).ideas[0].seven_s


@pytest.mark.parametrize("lang, answer, expected", [
    ("nl", "past niet bij strategie", -1), ("en", "doesn't fit our strategy", -1),
])
def test_seven_s_not_fitting_is_minus_one(chat, lang, answer, expected) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("impact", "scores"))
    c.say(answer)
    assert store.load(c.path).ideas[0].seven_s["strategy"].score == expected


@LANGS
def test_details_answers_the_reviewer_tried(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "channels"))
    one = next(t.id for t in store.load(c.path).journey("P1") if not t.owner)
    c.say(f"{one}: {'not sure' if lang == 'en' else 'weet ik niet'}")  # nothing to note
    assert c.where == ("touchpoints", "channels")
    other = next(t.id for t in store.load(c.path).journey("P1") if t.id != one)
    before = store.load(c.path).touchpoint(other)
    c.say(f"{other}: offline, 2, Lies\n{one} a, b, c, d")  # the second line is refused
    after = store.load(c.path).touchpoint(other)
    assert (after.channel, after.importance, after.owner) == (
        before.channel, before.importance, before.owner)  # so nothing of the answer is kept
    c.say(f"{one}: online, 4, 5")  # a second number is no owner: asked again
    assert c.where == ("touchpoints", "channels")
    assert not store.load(c.path).touchpoint(one).owner
    c.say(f"{one}: online | offline | 4 | Sanne")
    assert store.load(c.path).touchpoint(one).channel == "both"


@pytest.mark.parametrize("answer", ["aankoopreis, of toch niet",
                                    "servicereis niet, eerder aankoop"])
def test_a_choice_taken_back_in_the_same_answer_is_asked_again(chat, answer) -> None:
    c = chat("nl")
    c.say("Garage Van Dijk", "APK en reparaties.", "B2C")
    c.say(answer)
    assert c.where == ("scene", "journey") and not store.load(c.path).scene.journey_type


@LANGS
def test_two_goals_for_one_touchpoint_ask_for_the_main_one(chat, lang) -> None:
    c = chat(lang)
    c.feed(transcript(SCRIPT[lang]), until=("touchpoints", "channels"))
    target = next(t for t in store.load(c.path).journey("P1") if not t.owner)
    shown = c.say(f"{target.id}: online, 4, Lies, G2 {'and' if lang == 'en' else 'en'} G1")
    assert "G2" in shown and c.where == ("touchpoints", "channels")
    assert not store.load(c.path).touchpoint(target.id).owner  # nothing half-stored
