"""The recent-workshops list and where new workshops are saved."""

from __future__ import annotations

import os
from pathlib import Path

from cjcoach import recent


def test_a_new_workshop_goes_to_documents_and_never_overwrites(user_home: Path) -> None:
    first = recent.new_workshop_path("Bakkerij De Vriës!")
    assert first == user_home / "Documents" / "cjcoach" / "bakkerij-de-vries.yaml"
    first.parent.mkdir(parents=True)
    first.write_text("taken")
    assert recent.new_workshop_path("Bakkerij De Vriës!").name == "bakkerij-de-vries-2.yaml"


def test_a_typed_path_is_used_as_given(user_home: Path) -> None:
    assert recent.new_workshop_path("~/work/shop") == user_home / "work" / "shop.yaml"
    assert recent.new_workshop_path("/tmp/x.yml") == Path("/tmp/x.yml")


def test_names_without_letters_still_make_a_file_name() -> None:
    assert recent.slug("😀 ### ") == "workshop"
    assert recent.slug("<script>alert(1)</script>") == "script-alert-1-script"


def test_recent_list_newest_first_and_gone_files_left_out(tmp_path: Path) -> None:
    a, b, gone = tmp_path / "a.yaml", tmp_path / "b.yaml", tmp_path / "gone.yaml"
    for path in (a, b, gone):
        path.write_text("x")
    recent.remember(a, "Shop A", "touchpoints")
    recent.remember(b, "Shop B", "ideas", finished=True)
    recent.remember(gone, "Gone", "scene")
    gone.unlink()
    os.utime(a, (2_000_000_000, 2_000_000_000))
    os.utime(b, (1_900_000_000, 1_900_000_000))
    entries = recent.recent_workshops()
    assert [(e.path, e.organisation, e.step) for e in entries] == [
        (a, "Shop A", "touchpoints"), (b, "Shop B", "ideas")]
    assert entries[1].finished
    recent.forget(a)
    assert [e.path for e in recent.recent_workshops()] == [b]


def test_a_damaged_list_is_an_empty_list_not_a_crash() -> None:
    path = recent.data_dir() / "recent.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert recent.recent_workshops() == []
    assert recent.preference("language", ("nl", "en")) == "nl"
    recent.set_preference("language", "en")
    assert recent.preference("language", ("nl", "en")) == "en"
