"""Whatever a team types, the answer parser never crashes and stays within its promises."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjcoach.engine.answers import (
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

WORDS = {lang: load_words(prompts_dir(), lang) for lang in ("nl", "en")}
TRICKY = "|:;#*_<>[]{}\\`\x1b\u200b\u202e\r\n\t,-+/.0123456789 ★😀🙂😡\ud800\x9b]"
OPTIONS = [("online", "Online"), ("offline", "Offline"), ("both", "Allebei / both")]
ITEMS = [("T1", "Google"), ("T2", "Fiets & Zo"), ("T3", "{{ webshop }}")]

typed = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(TRICKY)),
    st.lists(st.sampled_from(["ja", "nee", "heel", "belangrijk", "niet", "T1", "Google", "en",
                              "over", "6", "maanden", "😀", "--", "|", ",", ";", "\n", " ",
                              "\x1b[31m", "nov", "2027", "Anna:", "x2"])).map("".join),
)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=typed, lang=st.sampled_from(["nl", "en"]), low=st.integers(-3, 3),
       high=st.integers(0, 12), columns=st.integers(0, 6))
def test_nothing_ever_raises(text: str, lang: str, low: int, high: int, columns: int) -> None:
    words = WORDS[lang]
    clean_text(text)
    is_done(text, words)
    parse_list(text)
    parse_scale(text, low, high, words)
    emotion = parse_emotion(text, words)
    assert emotion is None or -2 <= emotion <= 2
    assert parse_yes_no(text, words) in (True, False, None)
    assert parse_choice(text, OPTIONS, words) in (None, "online", "offline", "both")
    ids, unknown = resolve_refs(text, ITEMS, words)
    assert set(ids) <= {"T1", "T2", "T3"} and len(ids) == len(set(ids))
    assert isinstance(unknown, list)
    found = parse_date(text, date(2026, 11, 24), words)
    assert found is None or isinstance(found, date)
    row = parse_row(text, columns)
    assert row is None or len(row) == columns
    parse_votes(text, ["Anna", "Bram"], ITEMS)


@FAST
@given(text=typed, low=st.integers(-5, 5), high=st.integers(-5, 10))
def test_scale_is_within_bounds_or_none(text: str, low: int, high: int) -> None:
    for words in WORDS.values():
        value = parse_scale(text, low, high, words)
        assert value is None or low <= value <= high


@FAST
@given(text=typed)
def test_clean_text_is_idempotent_and_drops_controls(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\x1b" not in once and "\r" not in once and "\x9b" not in once
    assert all(c in "\n\t" or not (ord(c) < 32 or 0x7f <= ord(c) <= 0x9f) for c in once)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in once)
    assert once == once.strip()


@FAST
@given(text=typed)
def test_list_items_are_trimmed_and_hold_no_line_or_semicolon(text: str) -> None:
    for item in parse_list(text):
        assert item and item == item.strip()
        assert "\n" not in item and ";" not in item
        assert "  " not in item


@FAST
@given(items=st.lists(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1,
                              max_size=12), min_size=1, max_size=8))
def test_one_item_per_line_comes_back_as_typed(items: list[str]) -> None:
    """Each line is one item, unchanged but for Unicode's canonical (NFC) form."""
    assert parse_list("\n".join(items)) == [unicodedata.normalize("NFC", i) for i in items]


@FAST
@given(value=st.integers(1, 5), lang=st.sampled_from(["nl", "en"]))
def test_every_digit_on_the_scale_reads_back(value: int, lang: str) -> None:
    assert parse_scale(str(value), 1, 5, WORDS[lang]) == value
    assert parse_scale(f"{value}/5", 1, 5, WORDS[lang]) == value
    assert parse_scale("★" * value, 1, 5, WORDS[lang]) == value


@pytest.mark.fuzz
@settings(max_examples=5000, deadline=None)
@given(text=typed, lang=st.sampled_from(["nl", "en"]))
def test_fuzz_nothing_raises(text: str, lang: str) -> None:
    test_nothing_ever_raises.hypothesis.inner_test(text, lang, 1, 5, 4)  # type: ignore[attr-defined]
