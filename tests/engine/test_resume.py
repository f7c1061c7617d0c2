"""Killing `cjcoach chat` after an acknowledged answer loses nothing, and resumes in place."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cjcoach import store

from .conftest import REPO, run_cli, transcript


def _reader(stream, lines: queue.Queue) -> None:
    for line in iter(stream.readline, ""):
        lines.put(line)


def _wait_for(lines: queue.Queue, needle: str, seen: list[str], timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return
    raise AssertionError(f"never saw {needle!r}; got:\n{''.join(seen[-20:])}")


@pytest.mark.parametrize(("answers", "acknowledged", "next_question"), [
    # after the name of a persona's use (a plain text answer)
    (15, "How satisfied is Busy Bas", "How satisfied is Busy Bas"),
    # after a touchpoint line in a list: the list question comes back with what is in it
    (25, "Got it: T2 Instagram", "Where does Busy Bas meet you in the phase \"Before"),
])
def test_sigkill_then_resume(tmp_path: Path, answers: int, acknowledged: str,
                             next_question: str) -> None:
    path = tmp_path / "w.yaml"
    lines = transcript("en_one_persona.txt")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "cjcoach", "chat", str(path), "--lang", "en"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
                            env=env)
    out: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, out), daemon=True).start()
    seen: list[str] = []
    try:
        assert proc.stdin is not None
        for line in lines[:answers]:
            proc.stdin.write(line + "\n")
        proc.stdin.flush()
        _wait_for(out, acknowledged, seen)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    typed = [line for line in lines[:answers] if line]
    w = store.load(path)
    said = [t.text for t in w.transcript if t.role == "user" and t.text]
    assert said == typed  # every acknowledged answer is on disk
    again = run_cli("chat", str(path), stdin="")
    assert again.returncode == 0
    assert "Welcome back" in again.stdout
    assert next_question in again.stdout.split("Welcome back", 1)[1]
    rest = run_cli("chat", str(path), stdin="\n".join(lines[answers:]) + "\n")
    assert rest.returncode == 0, rest.stderr
    finished = store.load(path)
    assert finished.progress.finished and run_cli("check", str(path)).returncode == 0
    assert finished.touchpoint("T4").name == "Webshop checkout"


def test_end_of_input_saves_and_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    done = run_cli("chat", str(path), "--lang", "nl", stdin="Bakkerij Korst\n")
    assert done.returncode == 0
    assert store.load(path).scene.organisation == "Bakkerij Korst"
    again = run_cli("chat", str(path), stdin="")
    assert "Welkom terug" in again.stdout and "Wat biedt Bakkerij Korst aan?" in again.stdout


def test_ctrl_c_exits_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    proc = subprocess.Popen([sys.executable, "-m", "cjcoach", "chat", str(path), "--lang", "en"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO)
    out: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, out), daemon=True).start()
    assert proc.stdin is not None
    proc.stdin.write("Spoke & Co\n")
    proc.stdin.flush()
    _wait_for(out, "What does Spoke & Co offer", [])
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=10)
    assert "Traceback" not in err
    assert store.load(path).scene.organisation == "Spoke & Co"
