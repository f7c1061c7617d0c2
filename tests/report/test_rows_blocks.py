"""``{% rows %} … {% endrows %}`` only makes long tables fast: the report reads the same."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from report_testkit import small_workshop

from cjcoach import resources
from cjcoach.demo import demo_workshop
from cjcoach.model import Moment, Workshop
from cjcoach.report import render_markdown, tidy

ROWS_TAGS = re.compile(r"^\{% (?:end)?rows %\}\n", re.M)


def _parts_without_rows_blocks(folder: Path) -> None:
    """A trainer's copy of our parts with every ``{% rows %}`` line taken out."""
    shutil.copytree(resources.templates_dir() / "parts", folder / "parts")
    for part in (folder / "parts").iterdir():
        part.write_text(ROWS_TAGS.sub("", part.read_text(encoding="utf-8")), encoding="utf-8")


def _untidy(w: Workshop) -> Workshop:
    """Empty cells, a blank goal and a pain point with no team: text that needs tidying."""
    w.touchpoints[1].owner = "   "
    w.touchpoints[2].name = ""
    w.business_goals[0].text = "  "
    w.touchpoints[1].pain_points.append(Moment("M9", "No team yet", []))
    return w


def test_parts_without_rows_blocks_give_the_same_report(tmp_path: Path) -> None:
    _parts_without_rows_blocks(tmp_path)
    for w in (demo_workshop("nl"), demo_workshop("en"), _untidy(small_workshop())):
        assert render_markdown(w, tmp_path) == render_markdown(w)


def test_empty_cells_in_a_long_table_are_written_compactly() -> None:
    md = render_markdown(_untidy(small_workshop()))
    assert "| During | T2 | Queue at the counter | offline | ●●●●● | | 😣 −2 |" in md
    assert "| | T3 | | offline | ●●●○○ | shop | 😐 0 |" in md
    assert "| Early Eddie | T2 Queue at the counter | No team yet | |" in md
    assert "|  |" not in md.split("```")[0]


def test_text_that_looks_like_a_token_stays_text() -> None:
    w = small_workshop()
    w.touchpoints[0].name = "CJCOACHROWS0N0"
    w.why = "CJCOACHROWS N0 CJCOACHROWS0"
    md = render_markdown(w)
    assert "| Before | T1 | CJCOACHROWS0N0 | offline |" in md
    assert "CJCOACHROWS N0 CJCOACHROWS0" in md


def test_a_fenced_block_inside_rows_is_kept_exactly() -> None:
    kept = tidy.Kept()
    code = "```text\n  |  |a\n```"
    table = "| a |  | b |\n| --- | --- | --- |"
    text = kept.keep(f"\n{code}\n") + "\n\n\n" + kept.keep(f"{table}\n")
    assert kept.restore(tidy.tidy(text)) == f"{code}\n\n| a | | b |\n| --- | --- | --- |\n"


def test_a_trainer_adds_a_column_to_the_journey_table(tmp_path: Path) -> None:
    # the way journeys.md.j2 says: a heading, and {{ t.FIELD | cell }} in the row
    shutil.copytree(resources.templates_dir() / "parts", tmp_path / "parts")
    part = tmp_path / "parts" / "journeys.md.j2"
    text = part.read_text(encoding="utf-8")
    text = text.replace("{{ L.emotion | cell }} |\n| --- |",
                        "{{ L.emotion | cell }} | Goal |\n| --- | --- |")
    text = text.replace("{{ emotion }} |\n", "{{ emotion }} | {{ t.goal | cell }} |\n")
    part.write_text(text, encoding="utf-8")
    w = small_workshop()
    w.touchpoints[1].goal = "G1 *first* | wait"
    md = render_markdown(w, tmp_path)
    assert "| Emotion | Goal |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n" in md
    assert "| During | T2 | Queue at the counter | offline | ●●●●● | shop | 😣 −2 | " \
           "G1 \\*first\\* \\| wait |" in md
    assert "| Before | T1 | Smell in the street | offline | ●●●●○ | bakery | 🙂 +1 | |" in md


def test_the_role_column_is_there_when_the_team_gave_roles() -> None:
    """METHOD: each touchpoint's role in its phase. A column only when a role was given."""
    w = small_workshop()
    assert "Role in the phase" not in render_markdown(w)
    w.touchpoints[1].role = "moment of *truth* | wait"
    md = render_markdown(w)
    assert "| Touchpoint | Role in the phase | Channel |" in md
    assert "| T2 | Queue at the counter | moment of \\*truth\\* \\| wait | offline |" in md
    assert "| T1 | Smell in the street | | offline |" in md


def test_the_happy_moments_table_has_a_helpers_column_only_when_someone_is_named() -> None:
    """The conversation asks who can help at pain points only: an empty "Who can help"
    column under the happy moments puzzled a newcomer."""
    w = small_workshop()
    assert "| Persona | Touchpoint | Happy moment | Who can help |" in render_markdown(w)
    w.touchpoints[0].happy_moments[0].teams = []
    md = render_markdown(w)
    assert "| Persona | Touchpoint | Happy moment |\n| --- | --- | --- |\n" in md
    assert "| Persona | Touchpoint | Pain point | Who can help |" in md


def test_an_idea_changes_each_touchpoint_name_once() -> None:
    """Two personas with a touchpoint of the same name: "Changes: Quote, Quote" was said."""
    w = small_workshop()
    twin = w.touchpoints[1]
    w.touchpoints.append(type(twin)("T9", "P1", twin.phase, twin.name, 9))
    w.ideas[0].touchpoints = [twin.id, "T9"]
    md = render_markdown(w)
    line = next(x for x in md.splitlines() if x.startswith(f"- **{w.ideas[0].id} "))
    assert line.endswith(f"Changes: {twin.name}.")
