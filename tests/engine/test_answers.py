"""What a team types, and what the engine must make of it (Dutch and English)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from cjcoach.datafile import DataFileError
from cjcoach.engine.answers import (
    REFS_LIMIT,
    SHORT_LIMIT,
    clean_text,
    is_done,
    load_words,
    parse_choice,
    parse_date,
    parse_emotion,
    parse_list,
    parse_row,
    parse_scale,
    parse_votes,
    parse_yes_no,
    resolve_refs,
)
from cjcoach.resources import prompts_dir

NL = load_words(prompts_dir(), "nl")
EN = load_words(prompts_dir(), "en")
TODAY = date(2026, 11, 24)
PHASE_MODELS = [
    ("before_during_after", "Voor, tijdens en na de aankoop"),
    ("five_phases", "Vijf fasen"),
    ("b2b", "B2B vier stappen"),
    ("see_think_do_care", "See-Think-Do-Care"),
    ("come_look", "Komen, kijken, kiezen, kopen, retentie"),
    ("custom", "Eigen fasen"),
]
TOUCHPOINTS = [("T1", "Google"), ("T2", "Instagram"), ("T3", "Webshop"), ("T4", "Google Ads"),
               ("T5", "Fysieke winkel"), ("T12", "Nieuwsbrief")]


# --- words files ------------------------------------------------------------------------

def test_own_prompts_folder_without_words_falls_back_to_bundled(tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    words = load_words(tmp_path, "nl")
    assert parse_yes_no("ja", words) is True


def test_a_trainers_own_words_file_is_used(tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "words.yaml").write_text("yes: [jawel, helemaal goed]\nno: [neuh]\n",
                                                encoding="utf-8")
    words = load_words(tmp_path, "nl")
    assert parse_yes_no("Helemaal goed!", words) is True
    assert parse_yes_no("neuh", words) is False
    assert parse_yes_no("ja", words) is None  # only their words now


@pytest.mark.parametrize(("content", "line", "says"), [
    ("yes: [ja\nno: [nee]\n", None, "words.yaml"),
    ("yes: [ja]\nscael:\n  1: [laag]\n", 2, "unknown section 'scael'"),
    ("scale:\n  1: [laag]\n  7: [super]\n", 3, "1..5"),
    ("scale:\n  1: [laag]\n  5: [laag]\n", 3, "twice"),
    ("emotion: hallo\n", 1, "emotion"),
    ("relative_dates:\n  units:\n    eeuwen: [eeuw]\n", 3, "unit 'eeuwen'"),
])
def test_broken_words_file_names_file_and_line(tmp_path: Path, content: str, line: int | None,
                                               says: str) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "words.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_words(tmp_path, "en")
    message = str(err.value)
    assert "words.yaml" in message and says in message
    if line is not None:
        assert f"line {line}" in message


def test_yaml_booleans_stay_words(tmp_path: Path) -> None:
    """A trainer writing `no` or `on` unquoted still means the word, not a YAML boolean."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "words.yaml").write_text("yes: [yes, on]\nno: [no, off]\n",
                                                encoding="utf-8")
    words = load_words(tmp_path, "en")
    assert parse_yes_no("on", words) is True and parse_yes_no("off", words) is False


# --- clean_text --------------------------------------------------------------------------

def test_clean_text_removes_terminal_tricks_and_keeps_content() -> None:
    typed = ("\x1b[31mrood\x1b[0m \x1b]0;titel\x07webshop\x00\x08 | : # {{ x }} <script>"
             "\r\nرسالة 😀\t\u200d")
    assert clean_text(typed) == "rood webshop | : # {{ x }} <script>\nرسالة 😀"
    assert clean_text("\u200b\ufeff  hallo \u200b") == "hallo"
    assert clean_text("a\ud800b") == "ab"
    assert clean_text("👨\u200d👩\u200d👧 gezin") == "👨\u200d👩\u200d👧 gezin"


# --- lists --------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "items"), [
    ("webshop", ["webshop"]),
    ("de fysieke winkel in Utrecht", ["de fysieke winkel in Utrecht"]),
    ("- webshop\n- winkel\n* telefoon\n1. nieuwsbrief\n2) flyer\n• beurs",
     ["webshop", "winkel", "telefoon", "nieuwsbrief", "flyer", "beurs"]),
    ("Google, Instagram, de winkel", ["Google", "Instagram", "de winkel"]),
    ("Google, Instagram en de winkel", ["Google", "Instagram", "de winkel"]),
    ("search, social media and the shop", ["search", "social media", "the shop"]),
    ("Google Ads, Instagram", ["Google Ads", "Instagram"]),
    ("webshop; winkel;; telefoon", ["webshop", "winkel", "telefoon"]),
    ("  a  ,   b  ", ["a", "b"]),
    ("webshop\n\n\nwinkel\n", ["webshop", "winkel"]),
    ("- [ ] taak een\n- [x] taak twee", ["taak een", "taak twee"]),
])
def test_list_items(typed: str, items: list[str]) -> None:
    assert parse_list(typed) == items


@pytest.mark.parametrize("typed", [
    "Fiets & Zo, Utrecht",
    "Jansen BV, Delft",
    "meer omzet, vooral online",
    "more revenue, especially from repeat customers",
    "Anna, 34, moeder van twee",
    "kosten 1,5 miljoen lager",
    "zoeken en vergelijken",
    "de checkout is lastig op mobiel, klanten haken af bij het betalen van de bestelling",
    # the figures of a goal after a comma (newcomer runs: read as a second goal)
    "meer bedrijven met leasefietsen, nu 4 willen 10",
    "meer abonnementen, naar 150 stuks",
    "more lease companies, from 4 to 10",
])
def test_commas_that_are_not_a_list_stay_one_item(typed: str) -> None:
    assert parse_list(typed) == [typed]


@pytest.mark.parametrize(("typed", "items"), [
    ("spaarkaart, van tevoren bestellen, sms herinnering",
     ["spaarkaart", "van tevoren bestellen", "sms herinnering"]),
    ("more repeat customers, up front pricing, now open on sundays",
     ["more repeat customers", "up front pricing", "now open on sundays"]),
])
def test_a_word_that_may_start_a_goals_figures_starts_an_item_without_a_number(
        typed: str, items: list[str]) -> None:
    """Review: "van"/"now"/"up" after a comma kept whole lists of ideas together."""
    assert parse_list(typed) == items


def test_comma_splitting_can_be_forced_or_forbidden() -> None:
    assert parse_list("Fiets & Zo, Utrecht", split_commas=True) == ["Fiets & Zo", "Utrecht"]
    assert parse_list("Google, Instagram", split_commas=False) == ["Google, Instagram"]


def test_list_of_only_bullets_and_blanks_is_empty() -> None:
    assert parse_list("-\n*\n   \n•") == []
    assert parse_list("") == []


@pytest.mark.parametrize("typed", ["", "   ", "/done", "klaar", "Klaar!", "dat was het", "nee",
                                   "done", "niks meer"])
def test_done_dutch(typed: str) -> None:
    assert is_done(typed, NL)


@pytest.mark.parametrize("typed", ["", "/done", "that's it", "Done.", "nothing else", "no"])
def test_done_english(typed: str) -> None:
    assert is_done(typed, EN)


@pytest.mark.parametrize("typed", ["nee, nog eentje", "webshop", "klaarzetten", "de klaar-over"])
def test_not_done(typed: str) -> None:
    assert not is_done(typed, NL)


# --- scale ------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "value"), [
    ("4", 4), (" 4. ", 4), ("4/5", 4), ("4 van 5", 4), ("vier", 4), ("heel belangrijk", 5),
    ("Heel erg belangrijk!", 5), ("nauwelijks", 2), ("helemaal niet", 1), ("niet belangrijk", 1),
    ("niet zo belangrijk", 2), ("gemiddeld", 3), ("★★★", 3), ("★★★☆☆", 3), ("⭐⭐⭐⭐⭐", 5),
    ("4, want het is de eerste indruk", 4), ("cruciaal", 5),
])
def test_scale_dutch(typed: str, value: int) -> None:
    assert parse_scale(typed, 1, 5, NL) == value


@pytest.mark.parametrize(("typed", "value"), [
    ("very", 5), ("very important", 5), ("not at all", 1), ("hardly", 2), ("4 out of 5", 4),
    ("three", 3), ("not very important", 2), ("quite important", 4),
])
def test_scale_english(typed: str, value: int) -> None:
    assert parse_scale(typed, 1, 5, EN) == value


@pytest.mark.parametrize("typed", [
    "6", "0", "-1", "3,5", "3.5", "2 of 3", "3-4", "8/10", "misschien", "geen idee", "xyz",
    "belangrijk maar niet cruciaal", "", "★★★★★★", "3 of 4 denk ik", "niet 4", "zeker niet 5",
])
def test_scale_not_understood_dutch(typed: str) -> None:
    assert parse_scale(typed, 1, 5, NL) is None


@pytest.mark.parametrize("typed", ["no idea", "important, not essential", "not sure", "maybe 4",
                                   "not 4", "definitely not a 5"])
def test_scale_not_understood_english(typed: str) -> None:
    assert parse_scale(typed, 1, 5, EN) is None


def test_scale_respects_other_ranges() -> None:
    assert parse_scale("8", 1, 10, NL) == 8
    assert parse_scale("8/10", 1, 10, NL) == 8
    assert parse_scale("heel belangrijk", 1, 3, NL) is None


# --- emotion ------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "value"), [
    ("-2", -2), ("−2", -2), ("+1", 1), ("2", 2), ("0", 0), ("--", -2), ("-", -1), ("++", 2),
    ("+", 1), ("blij", 1), ("heel blij", 2), ("boos", -2), ("gefrustreerd", -1), ("niet blij", -1),
    ("neutraal", 0), ("😀", 2), ("🙂", 1), ("😐", 0), ("🙁", -1), ("😡", -2), ("👍🏽", 1),
    (":)", 1), ("Blij! 😀😃", None), ("blij 🙂", 1),
])
def test_emotion_dutch(typed: str, value: int | None) -> None:
    assert parse_emotion(typed, NL) == value


@pytest.mark.parametrize(("typed", "value"), [
    ("frustrated", -1), ("happy", 1), ("very happy", 2), ("not happy", -1), ("furious", -2),
    ("neutral", 0), ("delighted 😀", 2),
])
def test_emotion_english(typed: str, value: int) -> None:
    assert parse_emotion(typed, EN) == value


@pytest.mark.parametrize("typed", ["blij maar boos", "3", "-3", "😀😡", "misschien blij", "xyz",
                                   "1.5", ""])
def test_emotion_not_understood(typed: str) -> None:
    assert parse_emotion(typed, NL) is None


# --- yes / no --------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "value"), [
    ("ja", True), ("Ja!", True), ("j", True), ("klopt", True), ("zeker", True), ("ja hoor", True),
    ("👍", True), ("ok", True), ("yes", True), ("nee", False), ("n", False), ("nee hoor", False),
    ("klopt niet", False), ("zeker niet", False), ("nope", False),
    ("ja, we hebben ook een winkel", True),
])
def test_yes_no_dutch(typed: str, value: bool) -> None:
    assert parse_yes_no(typed, NL) is value


@pytest.mark.parametrize(("typed", "value"), [
    ("yes", True), ("y", True), ("sure", True), ("of course", True), ("no", False),
    ("nope", False), ("not really", False), ("definitely not", False),
])
def test_yes_no_english(typed: str, value: bool) -> None:
    assert parse_yes_no(typed, EN) is value


@pytest.mark.parametrize("typed", ["misschien", "weet ik niet", "nee, dat klopt", "ja?", "jein",
                                   "ja nee", "", "jazeker niet", "nja"])
def test_yes_no_not_understood_dutch(typed: str) -> None:
    assert parse_yes_no(typed, NL) is None


@pytest.mark.parametrize("typed", ["maybe", "I don't know", "yes, I don't", "yes and no"])
def test_yes_no_not_understood_english(typed: str) -> None:
    assert parse_yes_no(typed, EN) is None


# --- choices --------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "key"), [
    ("2", "five_phases"), ("optie 3", "b2b"), ("#4", "see_think_do_care"),
    ("de tweede", "five_phases"), ("twee", "five_phases"), ("laatste", "custom"),
    ("Vijf fasen", "five_phases"), ("five_phases", "five_phases"),
    ("see think", "see_think_do_care"),
    ("see-think-do-care", "see_think_do_care"), ("komen kijken", "come_look"), ("eigen", "custom"),
    ("b2b", "b2b"), ("voor tijdens na", "before_during_after"), ("vijf fase", "five_phases"),
])
def test_choice(typed: str, key: str) -> None:
    assert parse_choice(typed, PHASE_MODELS, NL) == key


@pytest.mark.parametrize("typed", ["7", "0", "fasen", "xyz", "", "vijf", "stdc", "🙂"])
def test_choice_not_understood(typed: str) -> None:
    """Ambiguous or unknown: never a silent guess ("vijf" may be option 5 or "Vijf fasen")."""
    assert parse_choice(typed, PHASE_MODELS, NL) is None


def test_choice_fuzzy_needs_a_clear_winner() -> None:
    options = [("online", "Online"), ("offline", "Offline")]
    assert parse_choice("onlin", options, EN) == "online"
    assert parse_choice("the first", options, EN) == "online"
    assert parse_choice("ofline", options, EN) is None  # close to both
    assert parse_choice("both", options, EN) is None
    assert parse_choice("2", [], EN) is None


# --- references --------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "ids", "unknown"), [
    ("T3, de webshop en google", ["T3", "T1"], []),
    ("t3 t5", ["T3", "T5"], []),
    ("3", ["T3"], []),
    ("12", ["T12"], []),
    ("de winkel", ["T5"], []),
    ("webshp", ["T3"], []),
    ("nieuwsbrief en Insta", ["T12", "T2"], []),
    ("T3 (webshop)", ["T3"], []),
    ("the webshop and T2", ["T3", "T2"], []),
    ("google ads, T1", ["T4", "T1"], []),
    ("T3, de fietsenmaker", ["T3"], ["de fietsenmaker"]),
    ("T9", [], ["T9"]),
    ("", [], []),
])
def test_refs(typed: str, ids: list[str], unknown: list[str]) -> None:
    assert resolve_refs(typed, TOUCHPOINTS) == (ids, unknown)


def test_refs_keep_a_name_with_en_whole() -> None:
    phases = [("F1", "Zoeken en vergelijken"), ("F2", "Kopen")]
    assert resolve_refs("zoeken en vergelijken, kopen", phases) == (["F1", "F2"], [])


def test_refs_ambiguous_name_is_not_guessed() -> None:
    items = [("T1", "Google Ads"), ("T2", "Google Maps")]
    assert resolve_refs("google", items) == ([], ["google"])


# --- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected"), [
    ("2027-11-24", date(2027, 11, 24)), ("24-11-2027", date(2027, 11, 24)),
    ("24/11/2027", date(2027, 11, 24)), ("24.11.2027", date(2027, 11, 24)),
    ("24 november 2027", date(2027, 11, 24)), ("nov 2027", date(2027, 11, 1)),
    ("over een jaar", date(2027, 11, 24)), ("volgend jaar", date(2027, 11, 24)),
    ("over 6 maanden", date(2027, 5, 24)), ("over zes maanden", date(2027, 5, 24)),
    ("over een half jaar", date(2027, 5, 24)), ("1 januari", date(2027, 1, 1)),
    ("maart", date(2027, 3, 1)), ("2020-01-01", date(2020, 1, 1)),
])
def test_date_dutch(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY, NL) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("in a year", date(2027, 11, 24)), ("next year", date(2027, 11, 24)),
    ("in 6 months", date(2027, 5, 24)), ("November 24, 2027", date(2027, 11, 24)),
    ("24th November 2027", date(2027, 11, 24)), ("Nov 2027", date(2027, 11, 1)),
    ("6 months from now", date(2027, 5, 24)), ("in two weeks", date(2026, 12, 8)),
])
def test_date_english(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY, EN) == expected


def test_date_month_end_and_leap_day() -> None:
    assert parse_date("over 1 maand", date(2027, 1, 31), NL) == date(2027, 2, 28)
    assert parse_date("volgend jaar", date(2028, 2, 29), NL) == date(2029, 2, 28)


@pytest.mark.parametrize("typed", ["31-02-2027", "bla", "volgende keer", "2027", "over jaren",
                                   "over 99999 jaar", "0000-01-01", "", "13/13/2027"])
def test_date_not_understood(typed: str) -> None:
    assert parse_date(typed, TODAY, NL) is None


# --- rows and votes ------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "cells"), [
    ("Google | online | 4 | marketing", ["Google", "online", "4", "marketing"]),
    ("| Google | online |", ["Google", "online", "", ""]),
    ("Google\tonline\t4", ["Google", "online", "4", ""]),
    ("Google; online; 4", ["Google", "online", "4", ""]),
    ("Anna, marketing", ["Anna", "marketing", "", ""]),
    ("Fiets & Zo | winkel |  | ", ["Fiets & Zo", "winkel", "", ""]),
    ("Google", None), ("|---|---|", None), ("a|b|c|d|e", None), ("a|b\nc|d", None), ("|", None),
])
def test_row(typed: str, cells: list[str] | None) -> None:
    assert parse_row(typed, 4) == cells


IDEAS = [("I1", "Chatbot"), ("I2", "Click & collect"), ("I3", "Nieuwe checkout")]


def test_votes() -> None:
    assert parse_votes("Anna: I1 I1 I3; Bram: I2", ["Anna", "Bram"], IDEAS) == {
        "I1": {"Anna": 2}, "I3": {"Anna": 1}, "I2": {"Bram": 1}}
    assert parse_votes("anna: 2x I1, de chatbot\nBram: I3 x3", ["Anna", "Bram"], IDEAS) == {
        "I1": {"Anna": 3}, "I3": {"Bram": 3}}
    assert parse_votes("Anna: click & collect (2)", ["Anna"], IDEAS) == {"I2": {"Anna": 2}}
    assert parse_votes("I1 I1 I2", ["Anna"], IDEAS) == {"I1": {"Anna": 2}, "I2": {"Anna": 1}}
    assert parse_votes("Zoë: I1", [], IDEAS) == {"I1": {"Zoë": 1}}


@pytest.mark.parametrize("typed", ["Anna: I1; Carl: I2", "I1 I2", "Anna: I9", "Anna:", "",
                                   "Anna: I1, iets"])
def test_votes_not_understood(typed: str) -> None:
    assert parse_votes(typed, ["Anna", "Bram"], IDEAS) is None


# --- big pastes ---------------------------------------------------------------------------

def test_a_megabyte_paste_is_handled_quickly() -> None:
    big = ("webshop, winkel; 😀 \x1b[31m" * 40_000)[:1_000_000]
    start = time.perf_counter()
    assert len(clean_text(big)) > 500_000
    assert len(parse_list(big)) > 10_000
    assert parse_scale(big, 1, 5, NL) is None
    assert parse_emotion(big, NL) is None
    assert parse_yes_no(big, NL) is None
    assert parse_choice(big, PHASE_MODELS, NL) is None
    assert parse_date(big, TODAY, NL) is None
    assert parse_row(big, 4) is None
    assert resolve_refs(big, TOUCHPOINTS)[0] == []
    assert parse_votes(big, ["Anna"], IDEAS) is None
    assert not is_done(big, NL)
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("paste", [
    " " * 1_000_000, "a" + " \t" * 9_000 + "x2", "1" * 1_000_000, "," * 1_000_000,
    "Anna: " + "I1 " * 6_000, "\x1b[" * 300_000, "é" * 1_000_000, "de " * 6_000 + "webshop",
], ids=lambda paste: f"{paste[:6]!r}x{len(paste)}")
def test_pathological_pastes_stay_fast(paste: str) -> None:
    start = time.perf_counter()
    for text in (paste, paste[:SHORT_LIMIT], paste[:REFS_LIMIT]):
        clean_text(text)
        parse_list(text)
        parse_scale(text, 1, 5, NL)
        parse_emotion(text, EN)
        parse_yes_no(text, NL)
        parse_choice(text, PHASE_MODELS, NL)
        parse_date(text, TODAY, EN)
        parse_row(text, 3)
        resolve_refs(text, TOUCHPOINTS)
        parse_votes(text, ["Anna"], IDEAS)
    assert time.perf_counter() - start < 5
