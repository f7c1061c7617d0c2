"""A save either happens completely or not at all, and the user hears why not."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cjcoach import store
from cjcoach.store import SaveError
from cjcoach.workfile import WorkshopFile

from .conftest import saved

SAVE_LOOP = textwrap.dedent("""
    import sys
    from cjcoach.workfile import WorkshopFile
    from cjcoach.model import Touchpoint
    f = WorkshopFile.open(sys.argv[1], "nl")
    i = int(f.workshop.why.removeprefix("state ") or 0)  # go on from the last saved state
    while True:
        i += 1
        f.workshop.why = f"state {i}"
        # grow the file so a write takes long enough to be interrupted part-way
        f.workshop.scene.offering = "x" * (2000 * (i % 50))
        f.save()
        print(i, flush=True)
""")


def test_sigkill_at_random_moments_leaves_old_or_new_state(tmp_path: Path) -> None:
    """Killing the process mid-save never leaves a broken or half-written workshop."""
    rng = random.Random(20261124)
    target = tmp_path / "loop.yaml"
    acknowledged = 0
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, "-c", SAVE_LOOP, str(target)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        deadline = time.monotonic() + rng.uniform(0.3, 1.2)
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            acknowledged = int(line)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for line in proc.stdout:  # acknowledged before the kill, still in the pipe
            acknowledged = int(line)
        if not target.exists():  # killed before the file was first created
            assert acknowledged == 0
            continue
        loaded = store.load(target)
        state = int(loaded.why.removeprefix("state ") or 0)  # 0: created, not yet answered
        assert state in (acknowledged, acknowledged + 1), (state, acknowledged)
        assert loaded.scene.offering == "x" * (2000 * (state % 50))
    # opening again after all those kills still works
    with WorkshopFile.open(target) as again:
        again.save()
    assert not list(tmp_path.glob(".*.tmp")), "half-written temp files are cleaned up on open"


FILL_DISK = textwrap.dedent("""
    import resource, signal, sys
    from cjcoach.workfile import WorkshopFile
    from cjcoach.store import SaveError
    f = WorkshopFile.open(sys.argv[1])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    f.workshop.why = "y" * 200_000
    try:
        f.save()
    except SaveError as exc:
        print(exc.code, "|", exc)
""")


def test_save_that_fails_half_way_keeps_old_file_and_says_so(tmp_path: Path,
                                                             workshop) -> None:
    """A write that cannot finish (file-size limit, like a full disk) changes nothing."""
    target = saved(tmp_path / "full.yaml", workshop)
    before = target.read_bytes()
    result = subprocess.run([sys.executable, "-c", FILL_DISK, str(target)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    code, message = result.stdout.split("|", 1)
    assert code.strip() == "disk_full"
    assert "still there" in message
    assert target.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A real 64 KB file system, when this machine lets us mount one."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)  # lazy: never left mounted


def test_full_disk_keeps_old_file(tiny_disk: Path, workshop) -> None:
    target = tiny_disk / "w.yaml"
    with WorkshopFile.open(target, "en") as f:
        f.workshop = workshop
        f.save()
        before = target.read_bytes()
        f.workshop.why = "z" * 100_000
        with pytest.raises(SaveError) as caught:
            f.save()
    assert caught.value.code == "disk_full"
    assert "disk is full" in str(caught.value)
    assert target.read_bytes() == before


def test_read_only_folder_gives_clear_sentence(tmp_path: Path, workshop) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(store.StoreError) as caught:
        WorkshopFile.open(folder / "w.yaml", "en")
    assert "may not write" in str(caught.value)


def test_never_replaced_by_empty(tmp_path: Path) -> None:
    target = tmp_path / "w.yaml"
    target.write_text("schema_version: 1\n")
    with pytest.raises(SaveError):
        store.write_atomic(target, b"  \n")
    assert target.read_text() == "schema_version: 1\n"


def test_backups_rotate(tmp_path: Path, workshop) -> None:
    """Each save keeps the previous versions as hidden backups beside the file."""
    target = tmp_path / "w.yaml"
    with WorkshopFile.open(target, "en") as f:
        f.workshop = workshop
        for n in range(5):
            f.workshop.why = f"version {n}"
            f.save()
    assert store.load(target).why == "version 4"
    assert store.load(store.backup_path(target, 1)).why == "version 3"
    assert store.load(store.backup_path(target, 2)).why == "version 2"
    assert store.load(store.backup_path(target, 3)).why == "version 1"
    assert not store.backup_path(target, 4).exists()
