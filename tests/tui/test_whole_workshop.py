"""A whole workshop through the TUI, in Dutch and in English, leaves exactly the file the
plain chat leaves when it is given the same answers."""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pytest

from cjcoach.plain import run_chat
from cjcoach.tui.app import Options, create_app
from cjcoach.tui.screens.chat import ChatScreen
from cjcoach.tui.widgets.journey_map import JourneyMap
from cjcoach.tui.widgets.question_bar import QuestionBar

from .conftest import send, shown_text
from .driver import Tracker

MAX_ANSWERS = 400


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_a_whole_workshop_in_the_tui_equals_the_plain_chat(tmp_path: Path,
                                                                  lang: str) -> None:
    tui_file = tmp_path / "tui" / "workshop.yaml"
    plain_file = tmp_path / "plain" / "workshop.yaml"
    tui_file.parent.mkdir()
    plain_file.parent.mkdir()
    tracker = Tracker()
    saw_touchpoints_on_the_map = False

    app = create_app(Options("new", tui_file, lang=lang))  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        conversation = screen.session.conversation
        while conversation.current is not None and len(tracker.sent) < MAX_ANSWERS:
            question = conversation.current
            assert question.text in str(screen.query_one(QuestionBar).render())
            text = tracker.next(question, lang)
            await send(pilot, text)
            reply = screen.last_reply
            assert reply is not None
            assert reply.save is None or reply.save.saved
            tracker.saw(question, text, any(m.kind == "retry" for m in reply.messages))
            board = shown_text(screen.query_one("#journey"))
            workshop = conversation.workshop
            if workshop.touchpoints and workshop.phases:
                assert workshop.touchpoints[0].name.split()[0][:6] in board
                saw_touchpoints_on_the_map = True
        assert conversation.current is None, "the workshop did not finish"
        shown = shown_text(screen.query_one(JourneyMap).query_one("#journey"))
        steps = shown.split("\n\n")[0]  # the steps, then an empty line, then the board
        assert "▶" not in steps and steps.count("✓") == len(conversation.steps())
    assert saw_touchpoints_on_the_map

    typed = io.StringIO("\n".join(tracker.sent) + "\n")
    assert run_chat(plain_file, lang=lang, stdin=typed, stdout=io.StringIO()) == 0
    tui, plain = (f.read_text(encoding="utf-8") for f in (tui_file, plain_file))
    difference = difflib.unified_diff(tui.splitlines(), plain.splitlines(), "tui", "plain",
                                      lineterm="")
    assert tui == plain, "\n".join(list(difference)[:60])
