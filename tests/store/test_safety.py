"""One writer per workshop, other people's edits kept, and files we refuse left untouched."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cjcoach import store
from cjcoach.model import SCHEMA_VERSION
from cjcoach.store import LoadError, SaveError
from cjcoach.workfile import WorkshopFile

from .conftest import saved

SECOND_WINDOW = textwrap.dedent("""
    import sys
    from cjcoach.workfile import WorkshopFile
    from cjcoach.store import SaveError
    f = WorkshopFile.open(sys.argv[1])
    print("READONLY" if f.read_only else "WRITER")
    print(f.read_only_reason)
    f.workshop.why = "second window"
    try:
        f.save()
        print("SAVED")
    except SaveError as exc:
        print("REFUSED", exc.code)
""")


def test_second_process_gets_read_only_view(tmp_path: Path, workshop) -> None:
    target = tmp_path / "shared.yaml"
    with WorkshopFile.open(target, "en") as first:
        first.workshop = workshop
        first.save()
        result = subprocess.run([sys.executable, "-c", SECOND_WINDOW, str(target)],
                                capture_output=True, text=True, timeout=60)
        lines = result.stdout.splitlines()
        assert lines[0] == "READONLY"
        assert "open in another cjcoach window" in lines[1]
        assert lines[2] == "REFUSED read_only"
        assert store.load(target).why == workshop.why
    # once the first window is closed, the second one may write
    result = subprocess.run([sys.executable, "-c", SECOND_WINDOW, str(target)],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[0] == "WRITER"
    assert store.load(target).why == "second window"


def test_file_changed_on_disk_is_kept_as_conflict_copy(tmp_path: Path, workshop) -> None:
    target = tmp_path / "w.yaml"
    with WorkshopFile.open(target, "en") as f:
        f.workshop = workshop
        f.save()
        theirs = target.read_text().replace("We make cycling", "Edited by hand: we make cycling")
        target.write_text(theirs)
        f.workshop.why = "ours"
        conflict = f.save()
    assert conflict is not None and conflict.exists()
    assert "Edited by hand" in conflict.read_text()
    assert store.load(target).why == "ours"


def test_unchanged_file_gives_no_conflict(tmp_path: Path, workshop) -> None:
    target = tmp_path / "w.yaml"
    with WorkshopFile.open(target, "en") as f:
        f.workshop = workshop
        assert f.save() is None
        assert f.save() is None
    assert not list(tmp_path.glob("*.conflict-*"))


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    target = tmp_path / "future.yaml"
    text = f"schema_version: {SCHEMA_VERSION + 1}\nlanguage: nl\nwhy: later\n"
    target.write_text(text)
    with pytest.raises(LoadError) as caught:
        WorkshopFile.open(target)
    assert caught.value.code == "newer_schema"
    assert "newer cjcoach" in str(caught.value)
    assert target.read_text() == text
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == ["future.yaml"]


def test_older_schema_is_migrated_with_a_backup(tmp_path: Path, monkeypatch,
                                                workshop) -> None:
    """The migration mechanism: schema n is lifted to n+1, the original kept first."""
    target = saved(tmp_path / "old.yaml", workshop)
    original = target.read_bytes()

    def rename_why(data: dict) -> dict:
        data["why"] = "migrated: " + data["why"]
        return data

    monkeypatch.setattr(store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr("cjcoach.workfile.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store.MIGRATIONS, SCHEMA_VERSION, rename_why)
    with WorkshopFile.open(target) as f:
        assert f.migrated_from == SCHEMA_VERSION
        assert f.workshop.why == "migrated: We make cycling in town easy."
        assert f.workshop.schema_version == SCHEMA_VERSION + 1
    backup = tmp_path / f"old.yaml.v{SCHEMA_VERSION}.bak"
    assert backup.read_bytes() == original


@pytest.mark.parametrize("text, expected", [
    ("a: &x [1, 2]\nb: *x\n", "aliases"),
    ("", "empty"),
    ("- just\n- a list\n", "does not hold a workshop"),
    ("why: no version\n", "schema_version"),
    ("schema_version: 1\nwhy: [unclosed\n", "line 3"),
])
def test_refused_files_say_why(tmp_path: Path, text: str, expected: str) -> None:
    target = tmp_path / "bad.yaml"
    target.write_text(text)
    with pytest.raises(LoadError) as caught:
        store.load(target)
    assert expected in str(caught.value)
    assert target.read_text() == text


def test_huge_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "huge.yaml"
    with target.open("wb") as out:
        out.truncate(store.MAX_FILE_BYTES + 1)
    with pytest.raises(store.StoreError) as caught:
        WorkshopFile.open(target)
    assert caught.value.code == "too_large"


def test_saving_read_only_view_never_touches_file(tmp_path: Path, workshop) -> None:
    target = tmp_path / "w.yaml"
    with WorkshopFile.open(target, "en") as first:
        first.workshop = workshop
        first.save()
        before = target.read_bytes()
        second = WorkshopFile.open(target)
        assert second.read_only
        with pytest.raises(SaveError):
            second.save()
        assert target.read_bytes() == before
