"""The report a team takes home: its sections, its languages, its templates and its errors."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from report_testkit import MD, small_workshop, visible_text

from cjcoach import store
from cjcoach.model import Persona, Touchpoint, Workshop
from cjcoach.report import TemplateProblem, export, filters, render_html, render_markdown

SECTIONS_EN = ["At a glance", "The scene", "Why, goals and where they meet", "Personas",
               "The journey of each persona", "Emotion curve",
               "Pain points and happy moments", "Improvement ideas and the 7S check",
               "Priorities", "Action plan", "The coach's open remarks", "Review"]


def _h2(md: str) -> list[str]:
    tokens = MD.parse(md)
    return [tokens[i + 1].content for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.tag == "h2"]


def test_sections_follow_the_method_with_the_summary_first(workshop: Workshop) -> None:
    assert _h2(render_markdown(workshop)) == SECTIONS_EN


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_worst_moment_among_equals_is_the_one_with_a_pain_point_and_says_so(
        lang: str) -> None:
    """From the bike-shop run: three moments at -1 and the summary showed the first, with no
    pain point and no sign of the others."""
    w = small_workshop(lang)
    for t in w.touchpoints:
        t.emotion = -1 if t.id != "T4" else 2
    w.touchpoints[1].pain_points = []
    w.touchpoints[2].pain_points = [w.touchpoints[0].happy_moments[0]]
    w.touchpoints[2].pain_points[0].text = "Card reader down"
    summary = render_markdown(w).split("\n## ")[1]
    worst = next(line for line in summary.splitlines() if "T3 Card payment" in line)
    assert "Card reader down" in worst
    assert ("(2 more with the same score)" if lang == "en"
            else "(nog 2 met dezelfde score)") in worst
    best = next(line for line in summary.splitlines() if "T4 Loyalty card" in line)
    assert "same score" not in best and "dezelfde score" not in best


def test_the_role_column_is_in_every_journey_table_once_any_role_was_given() -> None:
    """From the salon run: the column was in Sarah's table and missing from Tom's."""
    w = small_workshop("en")
    w.touchpoints[0].role = "where they first notice us"
    w.personas.append(Persona("P2", "Walk-in Will", "Passes by"))
    w.touchpoints.append(Touchpoint("T5", "P2", "before", "Shop window", 1, "offline", 3))
    md = render_markdown(w)
    tables = [line for line in md.splitlines() if line.startswith("| Phase |")]
    assert len(tables) == 2 and all("Role in the phase" in t for t in tables)
    assert "| Shop window |  |" in md or "| Shop window | |" in md


def test_summary_names_priorities_moments_and_review_date(workshop: Workshop) -> None:
    md = render_markdown(workshop)
    summary = md.split("## The scene")[0]
    # I1 has the heavy 7S conflict, so the safe I2 leads even though I1 scores higher
    assert summary.index("I2 Second till") < summary.index("I1 Pre-order app** ⚠")
    assert "Worst moment: T2 Queue at the counter (😣 −2). Ten minutes waiting" in summary
    assert "Best moment: T4 Loyalty card (😄 +2)" in summary
    assert "1 May 2027" in summary


def test_dutch_workshop_gets_dutch_labels() -> None:
    md = render_markdown(small_workshop("nl"))
    assert _h2(md)[:2] == ["In één oogopslag", "De situatie"]
    assert "1 mei 2027" in md and "snelle winst" in md


def test_journey_table_has_a_row_per_touchpoint_with_its_details(workshop: Workshop) -> None:
    md = render_markdown(workshop)
    assert "| Phase | # | Touchpoint | Channel | Importance | Owner | Emotion |" in md
    assert "| During | T2 | Queue at the counter | offline | ●●●●● | shop | 😣 −2 |" in md
    assert "| | T3 | Card payment | offline | ●●●○○ | shop | 😐 0 |" in md


def test_mermaid_journey_maps_emotion_onto_one_to_five(workshop: Workshop) -> None:
    md = render_markdown(workshop)
    block = md.split("```mermaid\n")[1].split("```")[0]
    assert "    Queue at the counter: 1: Early Eddie, shop" in block
    assert "    Loyalty card: 5: Early Eddie, shop" in block
    assert "  section During" in block


def test_text_curve_reads_without_mermaid(workshop: Workshop) -> None:
    md = render_markdown(workshop)
    curve = md.split("```text\n")[1].split("```")[0].splitlines()
    queue = next(line for line in curve if "Queue at the counter" in line)
    card = next(line for line in curve if "Loyalty card" in line)
    # the dot sits further right the happier the persona is
    assert queue.index("●") < card.index("●")
    assert queue.rstrip().endswith("−2") and card.rstrip().endswith("+2")


def test_7s_matrix_marks_every_score_and_calls_out_heavy_conflicts(workshop: Workshop) -> None:
    md = render_markdown(workshop)
    row = next(line for line in md.splitlines() if line.startswith("| I1 Pre-order app |"))
    assert row == "| I1 Pre-order app | + | · | **−−** | · | · | · | · |"
    assert "- **I1 Pre-order app** clashes badly with systems: No IT staff" in md


def test_ranking_shows_formula_and_quadrants(workshop: Workshop) -> None:
    md = render_markdown(workshop)
    assert "value is the average of customer value and business value" in md
    assert "| 1 | I2 Second till | 4 | 3 | 3.5 | 2 | 1.75 | 1 | quick win |" in md
    assert "| 2 | I1 Pre-order app ⚠ | 4 | 4 | 4 | 1 | 4 | 2 | quick win |" in md


def test_action_plan_lists_owner_channel_step_and_hypothesis(workshop: Workshop) -> None:
    md = render_markdown(workshop)
    assert "| I2 Second till | Bo | shop | Try in June | Waiting under three minutes |" in md


def test_summary_shows_what_the_team_chose_once_it_chose(workshop: Workshop) -> None:
    """A tester missed the idea they chose at the top, and saw one they did not choose."""
    for idea in workshop.ideas:
        idea.decision = ""
    before = render_markdown(workshop).split("## The scene")[0]
    assert "### The top three priorities" in before  # nothing chosen yet: the ranking's top
    chosen, other = workshop.ideas[1], workshop.ideas[0]
    chosen.decision, other.decision = "do", "later"
    summary = render_markdown(workshop).split("## The scene")[0]
    assert "### What you will work on" in summary and "### The top three" not in summary
    assert f"{chosen.id} {chosen.title}" in summary
    assert f"{other.id} {other.title}" not in summary


def test_coach_remarks_are_in_the_report(workshop: Workshop) -> None:
    md = render_markdown(workshop)
    remarks = md.split("## The coach's open remarks")[1].split("## Review")[0]
    assert "Pre-order app" in remarks  # the coach speaks about the heavy conflict


def test_report_is_a_pure_function_of_the_workshop(workshop: Workshop) -> None:
    assert render_markdown(workshop) == render_markdown(small_workshop())


def test_empty_workshop_still_gives_a_readable_report() -> None:
    md = render_markdown(Workshop(language="en"))
    assert _h2(md) == SECTIONS_EN
    assert "Nothing filled in yet." in md and "No improvement ideas yet." in md


# --- HTML --------------------------------------------------------------------------------

def test_html_is_standalone_printable_and_script_free(workshop: Workshop) -> None:
    page = render_html(workshop)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "@page" in page and "size: A4" in page and "break-before: page" in page
    assert not re.search(r"<script|<link|src=|https?://(?!www\.w3\.org/2000/svg)", page)
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart curve"') == 1
    assert page.count('class="chart grid"') == 1
    assert "```mermaid" not in page


def test_html_shows_what_the_markdown_says(workshop: Workshop) -> None:
    page = render_html(workshop)
    assert "<td>Queue at the counter</td>" in page
    assert "<h2>Action plan</h2>" in page
    assert "Ten minutes waiting" in page


def test_user_markup_is_text_in_the_html(workshop: Workshop) -> None:
    workshop.personas[0].name = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    page = render_html(workshop)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


# --- templates ---------------------------------------------------------------------------

def test_one_part_can_be_overridden(workshop: Workshop, tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "summary.md.j2").write_text(
        "## Our own summary\n\nFor {{ w.scene.organisation }} and {{ personas[0].p.name }}.\n")
    md = render_markdown(workshop, tmp_path)
    assert "## Our own summary" in md and "For Corner Bakery and Early Eddie." in md
    assert "## The scene" in md  # the other parts are ours


def test_labels_can_be_overridden_one_word_at_a_time(workshop: Workshop,
                                                     tmp_path: Path) -> None:
    (tmp_path / "labels.yaml").write_text('en:\n  scene: "Who we are"\n')
    md = render_markdown(workshop, tmp_path)
    assert "## Who we are" in md and "## Personas" in md


def test_a_trainers_label_is_escaped_like_any_text_and_each_edit_shows(
        workshop: Workshop, tmp_path: Path) -> None:
    # labels are escaped once per process; an edited label is a new text, escaped afresh
    labels = tmp_path / "labels.yaml"
    for k, (scene, phase) in enumerate((("Who *we* are #1", "Phase | step"),
                                        ("Who we_are", "Fase"))):
        labels.write_text(f'en:\n  scene: "{scene}"\n  phase: "{phase}"\n', encoding="utf-8")
        stamp = time.time_ns() + k * 10**9  # a new stamp, even within the same second
        os.utime(labels, ns=(stamp, stamp))
        md = render_markdown(workshop, tmp_path)
        assert f"## {filters.heading(scene)}" in md
        assert f"| {filters.cell(phase)} | " in md
    assert "## Who we\\_are" in md and "| Fase | " in md


def test_user_text_is_escaped_in_an_overridden_part_too(workshop: Workshop,
                                                        tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "summary.md.j2").write_text("Hi {{ personas[0].p.name }}\n")
    workshop.personas[0].name = "# *bold* {{ 7*7 }}"
    md = render_markdown(workshop, tmp_path)
    assert "Hi # *bold* {{ 7*7 }}" in visible_text(md)


@pytest.mark.parametrize(("source", "line", "words"), [
    ("ok\n{% if %}\n", 2, "Expected an expression"),
    ("ok\n\n{{ w.no_such_field }}\n", 3, "no_such_field"),
    ("{{ w.__class__.__mro__ }}\n", 1, "not allowed"),
    ("{% include 'parts/missing.md.j2' %}\n", 1, "missing.md.j2"),
    ("{{ w.personas.append(1) }}\n", 1, "not allowed"),
])
def test_a_broken_template_gets_one_clear_message(workshop: Workshop, tmp_path: Path,
                                                  source: str, line: int, words: str) -> None:
    (tmp_path / "parts").mkdir()
    part = tmp_path / "parts" / "scene.md.j2"
    part.write_text(source)
    with pytest.raises(TemplateProblem) as caught:
        render_markdown(workshop, tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{part}, line {line}: ")
    assert words in message and "\n" not in message
    assert len(workshop.personas) == 1


def test_a_broken_labels_file_names_file_and_line(workshop: Workshop, tmp_path: Path) -> None:
    (tmp_path / "labels.yaml").write_text("en:\n  scene: [unclosed\n")
    with pytest.raises(TemplateProblem, match=r"labels\.yaml, line \d+"):
        render_markdown(workshop, tmp_path)


def test_missing_template_folder_is_a_clear_problem(workshop: Workshop, tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match="does not exist"):
        render_markdown(workshop, tmp_path / "nope")


# --- export ------------------------------------------------------------------------------

def test_export_writes_the_same_text_as_render(workshop: Workshop, tmp_path: Path) -> None:
    out = export(workshop, tmp_path / "r.md", "md")
    assert out.read_text(encoding="utf-8") == render_markdown(workshop)
    html = export(workshop, tmp_path / "r.html", "html")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == sorted(["r.md", "r.html"]) or \
        sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.md"]


def test_export_into_a_missing_folder_is_a_store_error(workshop: Workshop,
                                                       tmp_path: Path) -> None:
    with pytest.raises(store.StoreError):
        export(workshop, tmp_path / "no" / "r.md", "md")


def test_an_empty_templates_folder_gives_the_same_report(workshop: Workshop,
                                                         tmp_path: Path) -> None:
    # with a user folder everything renders in the sandbox; ours alone render unsandboxed
    assert render_markdown(workshop, tmp_path) == render_markdown(workshop)
    assert render_html(workshop, tmp_path).split("<main")[1] == \
        render_html(workshop).split("<main")[1]


def test_a_touchpoint_on_both_channels_says_so_in_the_workshop_language() -> None:
    for lang, label in (("en", "online and offline"), ("nl", "online en offline")):
        w = small_workshop(lang)
        w.touchpoints[0].channel = "both"
        row = next(line for line in render_markdown(w).splitlines()
                   if f"| {w.touchpoints[0].id} | {w.touchpoints[0].name} |" in line)
        assert f"| {label} |" in row
