"""The bundled demo workshops, as a trainer gets them with ``cjcoach demo --save``.

A classroom demo, the report's golden files and the first look at cjcoach all start from
these two files, so they must pass ``cjcoach check``, speak their own language and be
filled in completely: every persona in every phase, every idea through all seven S's.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cjcoach import store
from cjcoach.model import SEVEN_S, Workshop
from cjcoach.phases import PHASE_MODELS

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("nl", "en")

# Lists that may honestly be empty in a complete workshop: not every touchpoint has a pain
# point or a happy moment, and the finished conversation is about nothing in particular.
MAY_BE_EMPTY = ("pain_points", "happy_moments", "context")


def cjcoach(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as a user would."""
    return subprocess.run([sys.executable, "-m", "cjcoach", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module", params=LANGUAGES)
def saved(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
          ) -> tuple[str, Path, Workshop]:
    """The demo in one language, saved with ``cjcoach demo --save`` and loaded back."""
    lang: str = request.param
    folder = tmp_path_factory.mktemp(f"demo-{lang}")
    target = folder / f"voorbeeld-{lang}.yaml"
    result = cjcoach("demo", "--save", str(target), "--lang", lang, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert target.is_file()
    return lang, target, store.load(target)


def test_saved_demo_passes_check(saved: tuple[str, Path, Workshop]) -> None:
    _, target, _ = saved
    result = cjcoach("check", str(target), cwd=target.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(": ok")
    assert result.stderr == ""


def test_saved_demo_is_in_its_own_language(saved: tuple[str, Path, Workshop]) -> None:
    lang, target, w = saved
    assert w.language == lang
    model = PHASE_MODELS[w.phase_model]
    assert [(p.key, p.label) for p in w.phases] == [
        (t.key, t.label(lang)) for t in model.phases]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# cjcoach demo workshop")
    assert "edit, then run `cjcoach check`" in text.split("schema_version:")[0]
    # A word each language uses all the time and the other never does.
    common_word = {"nl": " de ", "en": " the "}[lang]
    assert common_word in w.why and common_word in w.personas[0].description


def test_every_persona_meets_us_in_every_phase(saved: tuple[str, Path, Workshop]) -> None:
    _, _, w = saved
    phases = [p.key for p in w.phases]
    assert len(w.personas) >= 2
    for persona in w.personas:
        journey = w.journey(persona.id)
        assert 8 <= len(journey) <= 12, persona.name
        assert {t.phase for t in journey} == set(phases), persona.name
        assert any(t.channel == "offline" for t in journey), f"{persona.name}: all online"
        curve = [t.emotion for t in journey]
        assert min(c for c in curve if c is not None) < 0 < max(c for c in curve if c is not None)


def test_every_idea_is_scored_on_all_seven_s(saved: tuple[str, Path, Workshop]) -> None:
    _, _, w = saved
    assert {i.kind for i in w.ideas} >= {"bridge", "task", "fix", "new"}
    for idea in w.ideas:
        assert set(idea.seven_s) == set(SEVEN_S), idea.title
        for element in SEVEN_S:
            score = idea.seven_s[element]
            assert score.score is not None and score.note.strip(), f"{idea.title}: {element}"


def test_the_heavy_conflict_is_shown_not_ranked_first(
        saved: tuple[str, Path, Workshop]) -> None:
    _, _, w = saved
    flagged = [i for i in w.ideas if i.heavy_conflicts() and not i.conflict_confirmed]
    assert flagged, "the demo should show what a heavy 7S conflict looks like"
    best_by_score = max(w.ideas, key=lambda i: i.priority() or 0)
    assert best_by_score in flagged  # so the demo shows the rule doing its work
    assert w.ranked_ideas()[0] not in flagged


def test_votes_come_from_the_people_in_the_room(saved: tuple[str, Path, Workshop]) -> None:
    _, _, w = saved
    names = {p.name for p in w.scene.participants}
    voters = {name for idea in w.ideas for name in idea.votes}
    assert voters == names
    assert {i.decision for i in w.ideas} == {"do", "later", "drop"}


def test_review_is_about_a_year_after_the_workshop(saved: tuple[str, Path, Workshop]) -> None:
    _, _, w = saved
    last_session = max(date.fromisoformat(d) for d in w.scene.dates)
    gap = (date.fromisoformat(w.review_date) - last_session).days
    assert 330 <= gap <= 400


def _empty_fields(value: Any, path: str) -> list[str]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found: list[str] = []
        for f in dataclasses.fields(value):
            found += _empty_fields(getattr(value, f.name), f"{path}.{f.name}".lstrip("."))
        return found
    if isinstance(value, (list, dict)):
        if not value and not path.endswith(MAY_BE_EMPTY):
            return [path]
        items = value.items() if isinstance(value, dict) else enumerate(value)
        return [p for k, v in items for p in _empty_fields(v, f"{path}[{k}]")]
    if value is None or (isinstance(value, str) and not value.strip()):
        return [path]
    return []


def test_the_demo_is_filled_in_completely(saved: tuple[str, Path, Workshop]) -> None:
    _, _, w = saved
    assert _empty_fields(w, "") == []
    assert w.progress.finished and w.progress.step == "review"
    assert 6 <= len(w.transcript) <= 10
    assert {t.role for t in w.transcript} == {"bot", "user"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_demo_save_never_overwrites_a_file(tmp_path: Path, lang: str) -> None:
    target = tmp_path / "mijn-workshop.yaml"
    original = "schema_version: 1\nlanguage: nl\nwhy: Ons eigen werk van gisteren.\n"
    target.write_text(original, encoding="utf-8")
    result = cjcoach("demo", "--save", str(target), "--lang", lang, cwd=tmp_path)
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mijn-workshop.yaml"]
