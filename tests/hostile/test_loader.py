"""The loader fed garbage: a clear message every time, never a traceback, never a changed file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjcoach import resources, store
from cjcoach.store import StoreError
from cjcoach.workfile import WorkshopFile

DEMO = (resources.demos_dir() / "en.yaml").read_bytes()


def _load_or_message(path: Path) -> str:
    """What a user would be told when opening ``path``: '' for a good file."""
    try:
        WorkshopFile.open(path).close()
    except StoreError as exc:
        message = str(exc)
        assert message.strip(), "every refusal says something"
        return message
    return ""


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("rand") / "w.yaml"
    path.write_bytes(data)
    _load_or_message(path)
    assert path.read_bytes() == data


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(DEMO) - 1))
def test_truncated_demo(tmp_path_factory: pytest.TempPathFactory, cut: int) -> None:
    path = tmp_path_factory.mktemp("cut") / "w.yaml"
    path.write_bytes(DEMO[:cut])
    message = _load_or_message(path)
    assert path.read_bytes() == DEMO[:cut]
    if cut < len(DEMO) // 2:
        assert message, "half a workshop is never accepted silently"


@settings(max_examples=100, deadline=None)
@given(position=st.integers(min_value=0, max_value=len(DEMO) - 1),
       junk=st.binary(min_size=1, max_size=8))
def test_corrupted_demo(tmp_path_factory: pytest.TempPathFactory, position: int,
                        junk: bytes) -> None:
    path = tmp_path_factory.mktemp("bad") / "w.yaml"
    data = DEMO[:position] + junk + DEMO[position + len(junk):]
    path.write_bytes(data)
    _load_or_message(path)
    assert path.read_bytes() == data


@pytest.mark.parametrize("text", [
    "schema_version: 1\nwhy: &a x\nscene: {organisation: *a}\n",
    "schema_version: 1\n" + "".join(f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]\n" for i in range(1, 30))
    .replace("*l0, *l0", "1, 2"),
    "schema_version: 1\nwhy: !!python/object/apply:os.system ['echo pwned']\n",
    "schema_version: 1\nwhy: " + "{a: " * 300 + "1" + "}" * 300 + "\n",
    "schema_version: 1\n" + "".join(" " * i + f"k{i}:\n" for i in range(400)),
    "schema_version: 1\nimportance: 1e999999\nwhy: 0x10\n",
], ids=["alias", "billion-laughs", "python-tag", "deep-flow", "deep-block", "odd-numbers"])
def test_hostile_yaml_is_refused_clearly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(text)
    result = subprocess.run([sys.executable, "-m", "cjcoach", "check", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()
    assert path.read_text() == text
    assert "pwned" not in result.stdout


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder mounted read-only (refused even to root), when this machine allows it."""
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "w.yaml").write_bytes(DEMO)
    done = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot make a read-only mount here")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)  # lazy: never left mounted


def test_read_only_folder_opens_read_only_with_a_reason(read_only_folder: Path) -> None:
    opened = WorkshopFile.open(read_only_folder / "w.yaml")
    assert opened.read_only
    assert "may not write" in opened.read_only_reason
    assert opened.workshop.scene.organisation
    with pytest.raises(store.SaveError):
        opened.save()
    with pytest.raises(StoreError) as caught:
        WorkshopFile.open(read_only_folder / "new.yaml", "en")
    assert "may not write" in str(caught.value) or "read" in str(caught.value)
