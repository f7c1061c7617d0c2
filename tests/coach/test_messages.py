"""coach.yaml as a trainer meets it: the bundled files are complete and warm, a trainer's
own file rewords only what it holds, and a mistake in it gets one clear sentence with the
file and the line instead of a traceback or a half-filled message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cjcoach.coach import RULES, load_catalog, placeholders
from cjcoach.datafile import DataFileError, load_yaml
from cjcoach.resources import prompts_dir


def own_file(tmp_path: Path, lang: str, text: str) -> Path:
    """A trainer's prompts folder holding only ``<lang>/coach.yaml`` with ``text``."""
    folder = tmp_path / "prompts"
    (folder / lang).mkdir(parents=True, exist_ok=True)
    (folder / lang / "coach.yaml").write_text(text, encoding="utf-8")
    return folder


def bram_without_touchpoints(build):  # type: ignore[no-untyped-def]
    b = build()
    b.goal("Omzet")
    anna = b.persona("Anna")
    for n in range(5):
        b.touchpoint(anna, "awareness", f"Moment {n}")
    bram = b.persona("Bram")
    return b.w, bram


# --- the bundled files -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bundled_file_has_every_message_and_mentions_its_placeholders(lang):
    path = prompts_dir() / lang / "coach.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), "a trainer's comment comes first"
    data = load_yaml(path)
    assert set(data["messages"]) == set(RULES)
    for code, names in placeholders().items():
        block = text[text.index(f"  {code}:") - 300:text.index(f"  {code}:")]
        for name in names:
            assert f"{{{name}}}" in block, f"the comment above {code} should list {{{name}}}"


def test_dutch_messages_say_je_not_u():
    catalog = load_catalog("nl")
    for code, forms in catalog.messages.items():
        for text in forms.values():
            assert not re.search(r"\b(u|uw)\b", text), code


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_message_says_what_to_do_not_just_what_is_wrong(lang):
    """At least two sentences: what the coach noticed, then something the team can do."""
    for code, forms in load_catalog(lang).messages.items():
        for text in forms.values():
            sentences = [s for s in re.split(r"(?<=[.?!])\s+", " ".join(text.split())) if s]
            assert len(sentences) >= 2, code


# --- a trainer's own file ----------------------------------------------------------------

def test_own_file_rewords_one_message_and_keeps_the_rest(tmp_path, build, say, lang):
    folder = own_file(tmp_path, lang, "messages:\n  persona_without_touchpoints: >-\n"
                                      "    {persona} staat nog leeg, vul maar aan!\n")
    w, bram = bram_without_touchpoints(build)
    remarks = say(w, prompts=folder)
    mine = [r for r in remarks if r.code == "persona_without_touchpoints"]
    assert [r.text for r in mine] == ["Bram staat nog leeg, vul maar aan!"]
    assert mine[0].about == (bram,)
    bundled = {r.code: r.text for r in say(w)}
    others = {r.code: r.text for r in remarks if r.code != "persona_without_touchpoints"}
    assert others and all(bundled[code] == text for code, text in others.items())


def test_own_file_with_plural_forms(tmp_path, build, say, lang):
    folder = own_file(tmp_path, lang, (
        "messages:\n  empty_phase:\n"
        "    one: 'Eén lege fase bij {persona}: {phases}.'\n"
        "    other: '{count} lege fasen bij {persona}: {phases}.'\n"))
    w, _ = bram_without_touchpoints(build)
    [remark] = say(w, "empty_phase", prompts=folder)
    assert remark.text.startswith("4 lege fasen bij Anna: ‘")


def test_own_file_may_leave_a_placeholder_out(tmp_path, build, say, lang):
    folder = own_file(tmp_path, lang, "messages:\n  persona_without_touchpoints: "
                                      "Er is een persona zonder contactmomenten.\n")
    w, bram = bram_without_touchpoints(build)
    [remark] = say(w, "persona_without_touchpoints", prompts=folder)
    assert remark.text == "Er is een persona zonder contactmomenten." and remark.about == (bram,)


def test_an_empty_message_switches_the_remark_off(tmp_path, build, say, lang):
    folder = own_file(tmp_path, lang, 'messages:\n  persona_without_touchpoints: ""\n')
    w, _ = bram_without_touchpoints(build)
    assert say(w, "persona_without_touchpoints") != []
    assert say(w, "persona_without_touchpoints", prompts=folder) == []


def test_own_words_for_the_seven_s(tmp_path, healthy, say, lang):
    folder = own_file(tmp_path, lang, "words:\n  seven_s:\n    staff: de mensen\n")
    healthy.idea("Zondag open", scores={"staff": -2})
    [remark] = say(healthy.w, "idea_heavy_conflict", prompts=folder)
    assert "de mensen" in remark.text


def test_a_folder_without_this_language_falls_back_to_the_bundled_file(tmp_path, build, say,
                                                                        lang):
    other = "en" if lang == "nl" else "nl"
    folder = own_file(tmp_path, other, "messages: {}\n")
    w, _ = bram_without_touchpoints(build)
    assert say(w, prompts=folder) == say(w)


def test_an_edited_file_is_read_again(tmp_path, build, say, lang):
    folder = own_file(tmp_path, lang, "messages:\n  persona_without_touchpoints: Eerst.\n")
    w, _ = bram_without_touchpoints(build)
    assert say(w, "persona_without_touchpoints", prompts=folder)[0].text == "Eerst."
    own_file(tmp_path, lang, "messages:\n  persona_without_touchpoints: Daarna, anders.\n")
    assert say(w, "persona_without_touchpoints", prompts=folder)[0].text == "Daarna, anders."


# --- mistakes in a trainer's file --------------------------------------------------------

BROKEN = [
    ("messages:\n  empty_phase: >-\n    fine\n  no_alignment: {persona} nee\n", 4, "key"),
    ("messages:\n  empty_phase: x\n  persona_without_goals: {persona}\n", 3, "with { goes"),
    ("messages:\n  no_alignment: ok\n  persona_without_touchpoints: >-\n"
     "    Hallo {persoon}, welkom\n", 3, "{persoon}"),
    ("messages:\n  review_date_far: >-\n    Datum {date:%d-%m}\n", 2, "{date:%d-%m}"),
    ("messages:\n  review_date_past: >-\n    Datum {date} {\n", 2, "{{"),
    ("messages:\n\n  few_touchpoint_before_purchase: hallo\n", 3, "few_touchpoint_before"),
    ("messages:\n  empty_phase:\n    one: '{phases}'\n    many: x\n", 2, "other"),
    ("messages:\n  empty_phase:\n    one: '{phases}'\n", 2, "other is needed"),
    ("mesages:\n  empty_phase: x\n", 1, "'mesages' is not a part"),
    ("messages:\n  - empty_phase\n", 1, "'messages' should hold keys and values"),
    ("words:\n  seven_s:\n    stafff: mensen\n", 3, "strategy"),
    ("words:\n  more: nog {aantal}\n", 2, "{count}"),
    ("words:\n  en: en\n", 2, "'and'"),
]


@pytest.mark.parametrize("text, line, hint", BROKEN)
def test_a_broken_file_names_file_line_and_what_is_wrong(tmp_path, healthy, text, line,
                                                         hint):
    folder = own_file(tmp_path, healthy.w.language, text)
    with pytest.raises(DataFileError) as caught:
        load_catalog(healthy.w.language, folder)
    message = str(caught.value)
    assert str(folder / healthy.w.language / "coach.yaml") in message
    assert f"line {line}:" in message
    assert hint in message


def test_an_unknown_placeholder_says_which_ones_may_be_used(tmp_path, healthy, say):
    folder = own_file(tmp_path, healthy.w.language,
                      "messages:\n  only_online_touchpoints: Alleen online bij {naam}\n")
    with pytest.raises(DataFileError, match=r"line 2: .*\{naam\}.*\{persona\}, \{count\}"):
        say(healthy.w, prompts=folder)


def test_an_unreadable_file_is_a_data_file_error(tmp_path, healthy):
    folder = own_file(tmp_path, healthy.w.language, "")
    (folder / healthy.w.language / "coach.yaml").write_bytes(b"messages:\n  x: \xff\xfe\n")
    with pytest.raises(DataFileError, match="coach.yaml"):
        load_catalog(healthy.w.language, folder)


def test_an_empty_own_file_changes_nothing(tmp_path, build, say, lang):
    folder = own_file(tmp_path, lang, "# nothing yet\n")
    w, _ = bram_without_touchpoints(build)
    assert say(w, prompts=folder) == say(w)
