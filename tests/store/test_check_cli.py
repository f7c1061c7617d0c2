"""`cjcoach check` lists every problem on its own line, with its place, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjcoach import store

from .conftest import run_cjcoach, saved


def saved_in(tmp_path: Path, workshop) -> Path:
    return saved(tmp_path / "w.yaml", workshop)


def test_valid_file_is_ok(tmp_path: Path, workshop) -> None:
    result = run_cjcoach("check", str(saved_in(tmp_path, workshop)))
    assert result.returncode == 0
    assert result.stdout.strip().endswith(": ok")


def test_every_problem_on_its_own_line(tmp_path: Path, workshop) -> None:
    target = saved_in(tmp_path, workshop)
    text = target.read_text()
    text = text.replace("phase: before", "phase: zoeken")
    text = text.replace("importance: 4", "importance: veel")
    text = text.replace("- T1\n", "- T9\n")
    target.write_text(text)
    result = run_cjcoach("check", str(target))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert f"{target}: touchpoints[0].phase: 'zoeken' is not a phase of this workshop" in lines
    assert any("touchpoints[0].importance: expected a whole number" in line for line in lines)
    assert any("ideas[0].touchpoints[0]: 'T9' is not a touchpoint" in line for line in lines)
    assert len(lines) == 3
    assert "Traceback" not in result.stderr


def test_truncated_file(tmp_path: Path, workshop) -> None:
    target = saved_in(tmp_path, workshop)
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    result = run_cjcoach("check", str(target))
    assert result.returncode == 1
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr
    assert all(line.startswith(f"{target}: ") for line in result.stderr.strip().splitlines())


@pytest.mark.parametrize("content, expected", [
    (b"\x00\xff\xfe binary", "not UTF-8"),
    (b"{{ not: yaml: at all", "not valid YAML"),
    (b"just a sentence", "does not hold a workshop"),
    (b"schema_version: 1\nscene: [1, 2]\n", "scene: expected a mapping"),
    (b"schema_version: 1\npersonas:\n  - {id: P1, name: Ann, satisfaction: 9}\n",
     "personas[0].satisfaction: 9 is outside 1..5"),
    (b"schema_version: 1\nlanguage: fr\n", "language: 'fr' is not one of 'nl', 'en'"),
    (b"schema_version: 1\n" + b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
     "nested too deeply"),
], ids=["binary", "broken-yaml", "sentence", "wrong-type", "out-of-range", "language",
        "deep-nesting"])
def test_not_a_workshop(tmp_path: Path, content: bytes, expected: str) -> None:
    target = tmp_path / "bad.yaml"
    target.write_bytes(content)
    result = run_cjcoach("check", str(target))
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == content


def test_missing_file_and_folder(tmp_path: Path) -> None:
    result = run_cjcoach("check", str(tmp_path / "nope.yaml"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    result = run_cjcoach("check", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run_cjcoach("check").returncode == 2
    assert run_cjcoach("frobnicate").returncode == 2


def test_version_and_help() -> None:
    from cjcoach import __version__

    assert run_cjcoach("--version").stdout.strip() == f"cjcoach {__version__}"
    helped = run_cjcoach("--help")
    assert helped.returncode == 0
    for command in ("new", "open", "chat", "report", "check", "demo", "serve"):
        assert command in helped.stdout


def test_check_never_writes(tmp_path: Path, workshop) -> None:
    target = saved_in(tmp_path, workshop)
    before = sorted(p.name for p in tmp_path.iterdir())
    run_cjcoach("check", str(target))
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert store.load(target) == workshop


def test_a_bare_file_name_opens_it(tmp_path: Path) -> None:
    """`cjcoach FILE.yaml` is understood as `cjcoach open FILE.yaml`, not a usage error."""
    from cjcoach.cli import _file_shortcut

    assert _file_shortcut(["w.yaml"]) == ["open", "w.yaml"]
    assert _file_shortcut(["--prompts", "mine", "w.yml"]) == ["--prompts", "mine", "open", "w.yml"]
    assert _file_shortcut(["check", "w.yaml"]) == ["check", "w.yaml"]
    assert _file_shortcut(["nonsense"]) == ["nonsense"]
    missing = tmp_path / "nope" / "w.yaml"
    result = run_cjcoach(str(missing))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "cjcoach new" in result.stderr
    assert "Traceback" not in result.stderr
