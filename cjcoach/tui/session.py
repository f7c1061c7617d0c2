"""One open workshop in the TUI: the file with its lock, and the engine's conversation.

Opening is where things go wrong for a user (a missing folder, a broken file, a copy
already open elsewhere, a broken question set), so :func:`Session.open` turns every such
problem into :class:`OpenError` with one sentence. The recent list is updated when a
workshop is opened, reaches a new step, and is closed.

An answer is handled on a thread of its own (:meth:`Session.answer_in_background`): the
engine saves the whole workshop before it replies (serialise, write, fsync, backup), which
takes a noticeable moment for a big workshop, and the answer box must keep taking keys
meanwhile. Closing the session waits for that save, so quitting never loses an answer.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from cjcoach import recent
from cjcoach.datafile import DataFileError
from cjcoach.model import Language
from cjcoach.store import StoreError
from cjcoach.tui import collector
from cjcoach.workfile import WorkshopFile

if TYPE_CHECKING:  # the engine itself is imported when a workshop opens, not at start-up
    from cjcoach.engine import Conversation
    from cjcoach.engine.api import Reply


class OpenError(Exception):
    """A workshop that could not be opened; the message is one sentence for the user."""


class Session:
    """A workshop file held open with its conversation, until :meth:`close`."""

    def __init__(self, workfile: WorkshopFile, conversation: Conversation,
                 prompts: Path | None) -> None:
        self.workfile = workfile
        self.conversation = conversation
        self.prompts = prompts
        self._remembered_step = ""
        self.draft = recent.draft(workfile.path)
        """An answer typed but not sent when this workshop was last closed."""
        self._pending: Future[Reply] | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def open(cls, path: Path, create_language: Language | None = None,
             prompts: Path | None = None) -> Session:
        """Open (or create) the workshop at ``path`` and start its conversation."""
        try:
            if create_language is not None and path.parent == recent.workshops_dir():
                path.parent.mkdir(parents=True, exist_ok=True)
            workfile = WorkshopFile.open(path, create_language)
        except (StoreError, OSError) as exc:
            raise OpenError(str(exc)) from None
        try:
            conversation = _conversation(workfile, prompts)
        except BaseException:
            workfile.close()
            raise
        session = cls(workfile, conversation, prompts)
        session.remember(keep_draft=False)  # the draft goes back in the answer box now
        return session

    @property
    def path(self) -> Path:
        return self.workfile.path

    @property
    def read_only_reason(self) -> str:
        return self.workfile.read_only_reason

    @property
    def busy(self) -> bool:
        """An answer is being handled and saved: the workshop must not be read meanwhile."""
        return self._pending is not None and not self._pending.done()

    @property
    def pending(self) -> Future[Reply] | None:
        """The latest answer handed to the engine (done once it is saved)."""
        return self._pending

    def answer_in_background(self, text: str) -> Future[Reply]:
        """Give ``text`` to the engine on its own thread; the future holds the reply once the
        answer is on disk. One answer at a time (the caller waits for :attr:`busy` to end).

        The thread is no daemon: even a Python that is shutting down finishes the save.
        """
        if self.busy:
            raise RuntimeError("the previous answer is still being saved")
        future: Future[Reply] = Future()
        future.set_running_or_notify_cancel()  # a face that stops waiting cannot cancel it
        conversation = self.conversation

        def run() -> None:
            try:
                future.set_result(conversation.answer(text))
            except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
                future.set_exception(exc)

        self._pending = future
        self._thread = threading.Thread(target=run, name="cjcoach-answer", daemon=False)
        self._thread.start()
        return future

    def wait_until_saved(self) -> None:
        """Block until the answer being handled (if any) is saved."""
        if self._thread is not None:
            self._thread.join()

    def remember(self, keep_draft: bool = True) -> None:
        """Update this workshop's line in the recent list."""
        workshop = self.workfile.workshop
        step = workshop.progress.step
        self._remembered_step = step
        recent.remember(self.path, workshop.scene.organisation, step,
                        workshop.progress.finished, self.draft if keep_draft else "")

    def remember_if_moved(self) -> None:
        """Update the recent list when the workshop reached another step."""
        if self.workfile.workshop.progress.step != self._remembered_step:
            self.remember(keep_draft=False)

    def switch_language(self, lang: Language) -> None:
        """Let the bot speak ``lang`` from now on (saved in the workshop file)."""
        self.workfile.workshop.language = lang
        if not self.workfile.read_only:
            self.workfile.save()
        self.conversation = _conversation(self.workfile, self.prompts)

    def close(self) -> None:
        """Release the file once the answer being saved is on disk; the unsent answer in
        ``draft`` is kept for next time."""
        self.wait_until_saved()
        self.remember()
        self.workfile.close()


def _conversation(workfile: WorkshopFile, prompts: Path | None) -> Conversation:
    with collector.importing():  # the engine's modules, imported when the first workshop opens
        from cjcoach.engine import Conversation

    try:
        return Conversation(workfile, prompts)
    except DataFileError as exc:
        raise OpenError(str(exc)) from None


def demo_copy(lang: str) -> Path:
    """A fresh copy of the bundled demo in the user's workshop folder (never the original)."""
    from cjcoach import demo, store

    folder = recent.workshops_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"demo-{lang}-{stamp}.yaml"
    n = 2
    while path.exists():
        path = folder / f"demo-{lang}-{stamp}-{n}.yaml"
        n += 1
    try:
        store.write_atomic(path, demo.demo_bytes(lang), keep_backup=False)
    except (StoreError, OSError) as exc:
        raise OpenError(str(exc)) from None
    return path
