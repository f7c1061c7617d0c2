"""The plain face: the whole workshop conversation as lines of text on stdin and stdout.

Made for any terminal, a screen reader, and scripts with piped input: no colours, no
cursor tricks, one line read at a time. Every accepted answer is saved before the next
question is printed, so closing the window, Ctrl+C, Ctrl+D or the end of a piped file
loses nothing; running the same command again continues at the next question.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TextIO

from cjcoach.datafile import DataFileError
from cjcoach.engine.api import BotMessage, Reply

EXIT_OK, EXIT_USER, EXIT_INTERRUPTED = 0, 1, 130


def _reconfigure(stream: TextIO) -> None:
    """Never crash on a byte or character the terminal's encoding cannot carry."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="replace")


class PlainChat:
    """Prints what the engine says and feeds it what the user types."""

    def __init__(self, conversation: object, out: TextIO, interactive: bool) -> None:
        from cjcoach.engine import Conversation

        assert isinstance(conversation, Conversation)
        self.conv = conversation
        self.out = out
        self.interactive = interactive
        self.hinted: set[tuple[str, str]] = set()
        """Questions whose how-to-answer line was shown: printed once, not on every repeat."""

    def say(self, text: str = "") -> None:
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
        chat = PlainChat(conversation, stdout, stdin.isatty())
        return chat.run(stdin)
    except KeyboardInterrupt:
        if chat is not None:
            chat.say()
            chat.say(chat.conv.prompts.say("quit"))
        return EXIT_INTERRUPTED
    finally:
        workfile.close()
