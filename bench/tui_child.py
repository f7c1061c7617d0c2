"""One benchmark run of a Textual app in its own process (``python -m bench.tui_child``).

``cjcoach`` runs the real workshop room on a new workshop; ``minimal`` is the reference: a
bare Textual app with an input and a log that echoes each line. Both print timings as JSON:
the moment the first question (or the empty input) is visible, per-turn round trips, and
the peak memory.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()

ANSWER = "Webshop product page"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def run_minimal(turns: int) -> dict[str, object]:
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Log

    class Echo(App[None]):
        def compose(self) -> ComposeResult:
            yield Log()
            yield Input()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            self.query_one(Log).write_line(event.value)
            event.input.value = ""

    app = Echo()
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ready = time.perf_counter() - START
        print("READY", flush=True)
        log = app.query_one(Log)
        app.query_one(Input).focus()
        await pilot.pause()
        for _ in range(turns):
            start = time.perf_counter()
            box = app.query_one(Input)
            box.value = ANSWER
            await box.action_submit()
            while log.line_count < len(times) + 1:
                await pilot.pause()
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return {"ready": ready, "turns": times, "peak_mb": _peak_mb()}


async def run_cjcoach(turns: int) -> dict[str, object]:
    from cjcoach.tui.app import Options, create_app
    from cjcoach.tui.widgets.prompt_input import PromptInput
    from cjcoach.tui.widgets.question_bar import QuestionBar

    folder = Path(tempfile.mkdtemp())
    target = folder / "bench.yaml"
    app = create_app(Options(start="new", path=target, lang="en"))
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.query(QuestionBar) or \
                app.screen.query_one(QuestionBar).has_class("-empty"):
            await pilot.pause()
        await pilot.pause()  # measured like the minimal app: shown, then the loop idle
        ready = time.perf_counter() - START
        print("READY", flush=True)
        conversation = app.session.conversation  # type: ignore[union-attr]
        screen = app.screen
        prompt = screen.query_one(PromptInput)
        # The organisation's name first; then the business-goal list takes any number of turns.
        for n in range(turns):
            before = screen.last_reply  # type: ignore[attr-defined]
            start = time.perf_counter()
            prompt.text = f"{ANSWER} {n}"
            prompt.action_submit()
            while screen.last_reply is before:  # type: ignore[attr-defined]
                await pilot.pause()  # the reply is shown once the answer is saved
            await pilot.pause()
            times.append(time.perf_counter() - start)
        step = conversation.workshop.progress.step
    assert target.stat().st_size > 0
    return {"ready": ready, "turns": times, "peak_mb": _peak_mb(), "step": step}


async def run_stall(turns: int) -> dict[str, object]:
    """The longest pause of the UI loop while a 1,000-touchpoint answer is saved.

    A 2 ms interval timer stands for the keys the team types: the longest gap between two
    ticks during an answer's round trip is how long a key press would have waited. Beside
    it, the same save run on the UI loop, as the room did before answers were saved on a
    thread: that whole time the loop (and every key) stood still.
    """
    from bench.workshops import workshop_with
    from cjcoach.engine import Conversation
    from cjcoach.model import Progress
    from cjcoach.tui.app import Options, create_app
    from cjcoach.tui.widgets.prompt_input import PromptInput
    from cjcoach.workfile import WorkshopFile

    target = Path(tempfile.mkdtemp()) / "big.yaml"
    with WorkshopFile.open(target, "en") as opened:
        opened.workshop = workshop_with(1000)
        opened.workshop.progress = Progress()
        conversation = Conversation(opened)
        conversation.record_progress()  # the first question again: every answer is saved
        opened.save()
    app = create_app(Options(start="open", path=target, lang="en"))
    stalls: list[float] = []
    saves: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        prompt = screen.query_one(PromptInput)
        last = [time.perf_counter()]
        ticks: list[tuple[float, float]] = []
        session = app.session
        assert session is not None

        def tick() -> None:
            now = time.perf_counter()
            ticks.append((last[0], now))
            last[0] = now

        screen.set_interval(0.002, tick)
        for n in range(turns):
            before = screen.last_reply  # type: ignore[attr-defined]
            prompt.text = f"{ANSWER} {n}"
            await pilot.pause(0.02)
            ticks.clear()
            last[0] = time.perf_counter()
            handed = session.pending
            prompt.action_submit()
            while session.pending is handed:
                await asyncio.sleep(0)
            saved: list[float] = []
            session.pending.add_done_callback(  # type: ignore[union-attr]
                lambda _, at=saved: at.append(time.perf_counter()))
            while screen.last_reply is before:  # type: ignore[attr-defined]
                await asyncio.sleep(0.002)
            # every wait between two ticks that began before the answer was on disk
            stalls.append(max((end - begin for begin, end in ticks if begin < saved[0]),
                              default=0.0))
            start = time.perf_counter()
            session.workfile.save()
            saves.append(time.perf_counter() - start)
    return {"stalls": stalls[2:], "saves": saves[2:]}  # the first two warm up


def main() -> None:
    kind, turns = sys.argv[1], int(sys.argv[2])
    runner = {"cjcoach": run_cjcoach, "stall": run_stall}.get(kind, run_minimal)
    print(json.dumps(asyncio.run(runner(turns))))


if __name__ == "__main__":
    main()
