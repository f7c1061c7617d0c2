"""`cjcoach report FILE [-o OUT] [--format md|html]`, through the real command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_testkit import small_workshop

from cjcoach import store
from cjcoach.cli import main
from cjcoach.report import render_html, render_markdown


@pytest.fixture
def workshop_file(tmp_path: Path) -> Path:
    path = tmp_path / "bakery.yaml"
    store.write_atomic(path, store.dump_text(small_workshop()).encode(), keep_backup=False)
    return path


def test_report_to_stdout_is_the_markdown(workshop_file: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(workshop_file)]) == 0
    out = capsys.readouterr()
    assert out.out == render_markdown(store.load(workshop_file)) and out.err == ""


def test_format_follows_the_extension(workshop_file: Path, tmp_path: Path) -> None:
    assert main(["report", str(workshop_file), "-o", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.split("<main")[1] == render_html(store.load(workshop_file)).split("<main")[1]
    assert main(["report", str(workshop_file), "-o", str(tmp_path / "r.txt")]) == 0
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("# Customer journey")
    assert main(["report", str(workshop_file), "--format", "html"]) == 0


def test_bad_workshop_file_gets_one_line_per_problem(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\npersonas: 3\nideas: nope\n")
    assert main(["report", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith(f"{bad}: ") for line in err)
    assert "Traceback" not in "".join(err)


def test_missing_file_is_one_clear_line(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "nope.yaml")]) == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'nope.yaml'} does not exist"


def test_broken_template_names_file_and_line(workshop_file: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tpl"
    (folder / "parts").mkdir(parents=True)
    (folder / "parts" / "review.md.j2").write_text("## Review\n\n{% for x in %}\n")
    out = tmp_path / "r.md"
    assert main(["report", str(workshop_file), "-o", str(out), "--templates", str(folder)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"Report template problem: {folder / 'parts' / 'review.md.j2'}, "
                          "line 3: ")
    assert "\n" not in err and not out.exists()
