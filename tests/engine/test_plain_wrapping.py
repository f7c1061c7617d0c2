"""The plain chat in a real terminal wraps long lines between words; piped, it prints as is.

The terminal runs are real: ``python -m cjcoach chat`` on a pseudo-terminal of a fixed size,
typed at one answer per prompt, and compared word for word with the same answers piped.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cjcoach.plain import cells, wrap

from .conftest import REPO, Chat, run_cli, transcript

SCRIPT = {"en": "en_one_persona.txt", "nl": "nl_one_persona.txt"}
PAINS = {"en": ["The checkout asks for an account first.", "Payment fails on the phone."],
         "nl": ["De offerte komt pas na een week.", "Niemand belt terug."]}
LONGER = {"en": " And then Joost has to phone the shop twice before anyone knows his order.",
          "nl": " En dan moet Joost nog twee keer bellen voordat iemand zijn bestelling kent."}
COMMANDS = {"en": ["/help", "/edit"], "nl": ["/hulp", "/wijzig"]}
FIRST_IDEA = {"en": "Guest checkout without an account", "nl": "Offerte binnen een dag"}
LIST_HEAD = re.compile(r"^( +)([A-Z]\d+ +|\d+\. +)|^(\* )")
"""List lines whose continuation must sit under their text: ``  T6 …``, ``  1. …``, ``* …``."""


def _answers(lang: str, path: Path) -> list[str]:
    """A file at the first alignment question, and what a team types from there to an idea's
    touchpoints: long pain points, help and edit at the ideas question, one answer the bot
    does not understand."""
    c = Chat(path, lang)
    lines = transcript(SCRIPT[lang])
    used = c.feed(lines, until=("alignment", "meets"))
    c.close()
    rest = [line + LONGER[lang] if line in PAINS[lang] else line for line in lines[used:]]
    first_idea = rest.index(FIRST_IDEA[lang])
    after_ideas = rest.index("", first_idea) + 1
    return (rest[:first_idea] + COMMANDS[lang] + rest[first_idea:after_ideas]
            + ["xyz nonsense"] + rest[after_ideas:after_ideas + 2])


def _in_terminal(path: Path, lang: str, answers: list[str], columns: int) -> str:
    """Everything the chat shows in a ``columns`` wide terminal while ``answers`` are typed,
    each after the prompt; ends with Ctrl+D."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.Popen([sys.executable, "-m", "cjcoach", "chat", str(path), "--lang", lang],
                            stdin=slave, stdout=slave, stderr=slave, cwd=REPO, env=env,
                            start_new_session=True)
    os.close(slave)
    seen = bytearray()

    def read_until_prompt(prompts: int) -> None:
        """Read until the chat waits at its ``prompts``-th prompt (each starts a line)."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (
                seen.endswith(b"> ") and (b"\n" + seen).count(b"\n> ") >= prompts):
            if select.select([master], [], [], 0.2)[0]:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the chat has ended
                    return
                if not chunk:
                    return
                seen.extend(chunk)
        assert seen.endswith(b"> "), seen.decode("utf-8", "replace")[-2000:]

    try:
        for n, answer in enumerate(answers, 1):
            read_until_prompt(n)
            os.write(master, answer.encode("utf-8") + b"\r")
        read_until_prompt(len(answers) + 1)
        os.write(master, b"\x04")  # Ctrl+D: the chat ends, everything saved
        assert proc.wait(timeout=60) == 0
        while select.select([master], [], [], 0.2)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen.extend(chunk)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return seen.decode("utf-8").replace("\r\n", "\n")


def _shown(terminal: str) -> list[str]:
    """The bot's lines: without the prompt lines (``> `` and what was typed after it)."""
    return [line for line in terminal.split("\n") if line.strip() and not line.startswith(">")]


def _groups(piped: str, terminal: str) -> list[tuple[str, list[str]]]:
    """Each line of the piped output with the terminal lines it was wrapped onto; fails
    when the words on screen differ from the piped ones (a word broken in two)."""
    screen = iter(_shown(terminal))
    groups = []
    for line in (x for x in piped.split("\n") if x.strip()):
        want: list[str] = line.split()
        got: list[str] = []
        group: list[str] = []
        while got != want:
            shown = next(screen, None)
            assert shown is not None, f"missing on screen: {line!r}"
            group.append(shown)
            got += shown.split()
            assert got == want[:len(got)], f"{line!r} came out as {group!r}"
        groups.append((line, group))
    assert next(screen, None) is None
    return groups


def _run_both(tmp_path: Path, lang: str, columns: int) -> tuple[str, str, int]:
    """The same answers piped and typed in a terminal: (piped, terminal, wrap width)."""
    start = tmp_path / "start.yaml"
    answers = _answers(lang, start)
    copies = [tmp_path / f"{name}.yaml" for name in ("piped", "terminal")]
    for copy in copies:
        copy.write_bytes(start.read_bytes())
    piped = run_cli("chat", str(copies[0]), "--lang", lang, stdin="\n".join(answers) + "\n")
    assert piped.returncode == 0, piped.stderr
    terminal = _in_terminal(copies[1], lang, answers, columns)
    assert "Traceback" not in terminal
    return piped.stdout, terminal, min(columns - 1, 100)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_narrow_terminal_wraps_between_words_and_keeps_lists_indented(tmp_path, lang) -> None:
    piped, terminal, width = _run_both(tmp_path, lang, 60)
    groups = _groups(piped, terminal)  # no word broken across lines
    wrapped = [(line, group) for line, group in groups if len(group) > 1]
    for line, group in groups:
        if cells(line) <= width:
            assert group == [line]  # what fits is shown as it is
        for shown in group:
            assert cells(shown) <= width or len(shown.split()) == 1, shown
        head = LIST_HEAD.match(line)
        lead = len(line) - len(line.lstrip(" "))
        for more in group[1:]:  # continuation lines: under a list item's text, else in line
            if head:
                indent = len(head.group(0))
                assert more.startswith(" " * indent) and more[indent] != " ", (line, group)
            else:
                assert more.startswith(" " * lead), (line, group)
    said = [line for line, _ in wrapped]
    # the kinds of long messages the newcomer saw broken: pain points under the ideas
    # question, a step summary, a coach remark, a retry sentence, the idea in a question
    assert any(line.startswith("  T") and LONGER[lang].split()[-1] in line for line in said)
    assert any(line.startswith("* ") for line in said)
    assert any(("Sorry" in line or "Dit kan ik niet" in line) for line in said)
    assert any(re.match(r"(Summary of|Samenvatting van) ", line) for line, _ in groups)


def test_a_wide_terminal_keeps_lines_to_a_readable_width(tmp_path) -> None:
    piped, terminal, width = _run_both(tmp_path, "nl", 120)
    assert width == 100
    groups = _groups(piped, terminal)
    lines = [shown for _, group in groups for shown in group]
    assert max(cells(line) for line in lines) <= 100
    assert any(cells(line) > 80 for line in lines)  # the room is used, up to 100
    assert any(len(group) > 1 for _, group in groups)


def test_piped_output_is_never_wrapped(tmp_path) -> None:
    answers = _answers("nl", tmp_path / "start.yaml")
    outputs = []
    for columns in ("40", ""):  # a narrow window set for the script, and none at all
        path = tmp_path / f"w{columns}.yaml"
        path.write_bytes((tmp_path / "start.yaml").read_bytes())
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env.update(PYTHONIOENCODING="utf-8", **({"COLUMNS": columns} if columns else {}))
        done = subprocess.run(
            [sys.executable, "-m", "cjcoach", "chat", str(path), "--lang", "nl"],
            input="\n".join(answers) + "\n", text=True, capture_output=True, cwd=REPO,
            env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert max(len(line) for line in outputs[0].split("\n")) > 100
    assert any(LONGER["nl"].strip() in line for line in outputs[0].split("\n"))


MARK = re.compile(r"^ *(?:[A-Z]\d+ +|\d+[.)] +|[·•*-] +)?")
words = st.text(st.sampled_from("abcdeéT12/-.:"), min_size=1, max_size=14)
lines = st.builds(lambda lead, head, ws: lead + head + " ".join(ws),
                  st.sampled_from(["", "  "]), st.sampled_from(["", "T12  ", "3. ", "* "]),
                  st.lists(words, max_size=30))


@given(st.lists(lines, min_size=1, max_size=5), st.integers(min_value=20, max_value=100))
def test_wrap_keeps_words_whole_and_line_breaks_in_place(text_lines, width) -> None:
    text = "\n".join(text_lines)
    out = wrap(text, width)
    assert out.split() == text.split()  # every word whole, in order
    for line in out.split("\n"):  # too wide only for one long word (after a list mark)
        assert cells(line) <= width or len(MARK.sub("", line).split()) == 1, line
    assert wrap(out, width) == out  # nothing more to wrap
    if all(cells(line) <= width for line in text_lines):
        assert out == text


def test_wrap_counts_wide_characters_as_two_columns() -> None:
    out = wrap("🚲🚲 " * 10, 20)
    assert all(cells(line) <= 20 for line in out.split("\n"))
    assert cells("🚲") == 2 and cells("é") == 1
