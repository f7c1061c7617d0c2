"""The plain face: the whole workshop conversation as lines of text on stdin and stdout.

Made for any terminal, a screen reader, and scripts with piped input: no colours, no
cursor tricks, one line read at a time. Every accepted answer is saved before the next
question is printed, so closing the window, Ctrl+C, Ctrl+D or the end of a piped file
loses nothing; running the same command again continues at the next question.

In a terminal, long lines are wrapped between words to the window's width (at most
:data:`MAX_WIDTH` columns); piped output is printed exactly as the engine says it.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from cjcoach.datafile import DataFileError
from cjcoach.engine.api import BotMessage, Reply
from cjcoach.text_width import display_width as cells

EXIT_OK, EXIT_USER, EXIT_INTERRUPTED = 0, 1, 130

MAX_WIDTH = 100
"""Lines longer than this are hard to read, however wide the window."""

_LIST_HEAD = re.compile(r"^( *)((?:[A-Z]\d+|\d+[.)]|[·•*-]|\[[ x>]\]|/[^\s—]+(?: [^\s—]+)* —) +)?")
"""A line's indentation and list marker (``  T1  ``, ``  1. ``, ``· ``, ``* ``, ``[x] ``,
``/goto STEP — ``): the lines it wraps onto start under the text after them."""


def wrap(text: str, width: int) -> str:
    """``text`` with every line longer than ``width`` columns broken between words.

    Existing line breaks stay; a list line's continuation is indented under its text; a
    word (a code like T12, a path, a URL) is never split, even when it alone is too long.
    """
    return "\n".join("\n".join(_wrap_line(line, width)) for line in text.split("\n"))


def _wrap_line(line: str, width: int) -> list[str]:
    if cells(line) <= width:
        return [line]
    head = _LIST_HEAD.match(line)
    assert head is not None  # the pattern matches every line, if only with ""
    indent = " " * cells(head.group(0))
    if len(indent) > width // 2:  # a hanging indent that leaves no room for words
        indent = head.group(1) if len(head.group(1)) <= width // 2 else ""
    lines: list[str] = []
    current, used, gap, has_word = head.group(0), cells(head.group(0)), "", False
    for token in re.findall(r"\S+|\s+", line[head.end():]):
        if token.isspace():
            gap += token
            continue
        size = cells(token)
        if has_word and used + cells(gap) + size > width:
            lines.append(current)
            current, used = indent, len(indent)
        elif has_word:
            current, used = current + gap, used + cells(gap)
        current, used, gap, has_word = current + token, used + size, "", True
    lines.append(current if has_word else current.rstrip())
    return lines


def terminal_width() -> int:
    """The width to wrap to now: the window's (read again for every message, so a resized
    window is followed), less one column, at most :data:`MAX_WIDTH`."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(20, min(columns - 1, MAX_WIDTH))


def _reconfigure(stream: TextIO) -> None:
    """Never crash on a byte or character the terminal's encoding cannot carry."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="replace")


class PlainChat:
    """Prints what the engine says and feeds it what the user types."""

    def __init__(self, conversation: object, out: TextIO, interactive: bool,
                 width: Callable[[], int] | None = None) -> None:
        from cjcoach.engine import Conversation

        assert isinstance(conversation, Conversation)
        self.conv = conversation
        self.out = out
        self.interactive = interactive
        self.width = width
        """The columns to wrap each message to (asked per message); ``None``: no wrapping."""
        self.hinted: set[tuple[str, str]] = set()
        """Questions whose how-to-answer line was shown: printed once, not on every repeat."""

    def say(self, text: str = "") -> None:
        if self.width is not None:
            text = wrap(text, self.width())
        self.out.write(text + "\n")
        self.out.flush()

    def show(self, messages: list[BotMessage]) -> None:
        for message in messages:
            if not message.text:
                continue
            if message.kind == "question":
                self.say()
                self.say(message.text)
                q = self.conv.current
                if q is not None and q.hint and (q.step, q.key) not in self.hinted:
                    self.hinted.add((q.step, q.key))
                    self.say(f"({q.hint})")
            elif message.kind in ("recap", "info") and "\n" in message.text:
                self.say()
                self.say(message.text)
            elif message.kind == "coach":
                self.say(f"* {message.text}")
            else:
                self.say(message.text)

    def prompt(self) -> None:
        if self.interactive:
            self.out.write("> ")
            self.out.flush()

    def handle(self, reply: Reply) -> bool:
        """Show a reply; ``False`` when the chat should stop."""
        self.show(reply.messages)
        if reply.save is not None and reply.save.message:
            self.say(reply.save.message)
        if reply.report_requested or reply.finished:
            self._report()
        return not reply.quit

    def _report(self) -> None:
        """Write the report beside the workshop file, as Markdown to read and HTML to print,
        and say where (a whole report printed here would bury the chat)."""
        say = self.conv.prompts.say
        workshop_path = self.conv.file.path
        stem = f"{workshop_path.stem}-{say('report_file')}"
        md, html = (workshop_path.with_name(f"{stem}.{ext}") for ext in ("md", "html"))
        try:
            from cjcoach.report import export

            export(self.conv.workshop, md, "md")
            export(self.conv.workshop, html, "html")
        except Exception as exc:  # noqa: BLE001 - the chat goes on without the report
            self.say(say("report_failed", reason=str(exc)))
            return
        self.say(say("report_written", md=str(md), html=str(html)))

    def run(self, lines: TextIO) -> int:
        self.show(self.conv.start())
        self.prompt()
        while True:
            line = lines.readline()
            if not line:  # end of input: everything is saved already
                if self.interactive:
                    self.say()
                return EXIT_OK
            if not self.handle(self.conv.answer(line.rstrip("\r\n"))):
                return EXIT_OK
            self.prompt()


def _is_terminal(stream: TextIO) -> bool:
    with contextlib.suppress(ValueError, OSError, AttributeError):
        return stream.isatty()
    return False


def run_chat(path: Path | str, lang: str | None = None, prompts: Path | None = None,
             stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """``cjcoach chat FILE``: run the conversation on FILE; the exit code.

    ``lang`` is the workshop's language for a new file (default Dutch); for an existing
    file it switches the conversation to that language. ``prompts`` is a folder shaped
    like ``prompts/`` (``nl/``, ``en/``) whose files are laid over the bundled ones.
    """
    from cjcoach.engine import Conversation
    from cjcoach.store import StoreError
    from cjcoach.workfile import WorkshopFile

    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    _reconfigure(stdin)
    _reconfigure(stdout)
    try:
        workfile = WorkshopFile.open(Path(path), create_language=lang or "nl")  # type: ignore
    except StoreError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return EXIT_USER
    chat = None
    try:
        if lang and workfile.workshop.language != lang and not workfile.read_only:
            workfile.workshop.language = lang  # type: ignore[assignment]
        try:
            conversation = Conversation(workfile, prompts)
        except DataFileError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_USER
        chat = PlainChat(conversation, stdout, stdin.isatty(),
                         terminal_width if _is_terminal(stdout) else None)
        return chat.run(stdin)
    except KeyboardInterrupt:
        if chat is not None:
            chat.say()
            chat.say(chat.conv.prompts.say("quit"))
        return EXIT_INTERRUPTED
    finally:
        workfile.close()
