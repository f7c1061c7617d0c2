"""The chat screen: asking, answering, tips, commands, resuming, and staying fast."""

from __future__ import annotations

from pathlib import Path

from textual import events

from cjcoach.model import Turn
from cjcoach.tui.app import Options, create_app
from cjcoach.tui.screens.chat import ChatScreen
from cjcoach.tui.screens.help import HelpScreen
from cjcoach.tui.widgets.chat_log import ChatLog
from cjcoach.tui.widgets.journey_map import JourneyMap
from cjcoach.tui.widgets.prompt_input import PromptInput
from cjcoach.tui.widgets.question_bar import QuestionBar
from cjcoach.tui.widgets.top_bar import TopBar
from cjcoach.workfile import WorkshopFile

from .conftest import bot_texts, send, user_texts


def question_shown(app: object) -> str:
    return str(app.screen.query_one(QuestionBar).render())  # type: ignore[attr-defined]


async def test_the_first_question_is_asked_and_an_answer_reaches_the_disk(
        tmp_path: Path) -> None:
    path = tmp_path / "shop.yaml"
    app = create_app(Options("new", path, lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        first = app.session.conversation.current  # type: ignore[union-attr]
        assert first is not None and first.text.strip() in question_shown(app)
        await send(pilot, "Bakery De Vries")
        assert user_texts(pilot)[-1] == "Bakery De Vries"
        assert "✓" in str(app.screen.query_one(TopBar).render())
        assert "Bakery De Vries" in path.read_text(encoding="utf-8")


async def test_enter_sends_and_ctrl_j_starts_a_new_line(tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("B", "a", "k", "e", "r", "y", "ctrl+j", "B", "V")
        box = app.screen.query_one(PromptInput)
        assert box.text == "Bakery\nBV"
        await pilot.press("enter")
        await pilot.pause()
        assert box.text == ""
        assert user_texts(pilot)[-1] == "Bakery\nBV"


async def test_a_pasted_list_of_ten_is_one_answer_and_leaked_escapes_are_gone(
        tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        items = [f"Touchpoint {i}" for i in range(1, 11)]
        box = app.screen.query_one(PromptInput)
        box.post_message(events.Paste("\x1b[200~" + "\n".join(items) + "\x1b[31m\x1b[201~"))
        await pilot.pause()
        assert box.text == "\n".join(items)
        before = len(user_texts(pilot))
        await pilot.press("enter")
        await pilot.pause()
        assert user_texts(pilot)[before:] == ["\n".join(items)]


async def test_the_example_and_tip_are_one_key_away(tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        question = app.session.conversation.current  # type: ignore[union-attr]
        transcript = len(app.session.workfile.workshop.transcript)  # type: ignore[union-attr]
        await pilot.press("ctrl+t")
        await pilot.pause()
        shown = bot_texts(pilot)[-1]
        assert question is not None
        assert (question.example or question.tip or "no example").strip()[:20] in shown
        # Looking at a tip is not an answer: the workshop file does not change.
        assert len(app.session.workfile.workshop.transcript) == transcript  # type: ignore


async def test_the_plain_chat_commands_work_here_too(tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        words = app.session.conversation.command_words()  # type: ignore[union-attr]
        assert "/help" in " ".join(words)
        count = len(bot_texts(pilot))
        await send(pilot, "/help")
        assert len(bot_texts(pilot)) > count
        await send(pilot, "/quit")
        await pilot.pause()
    assert app.return_code == 0


async def test_quitting_mid_answer_asks_nothing_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    app = create_app(Options("new", path, lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await send(pilot, "Bakery De Vries")
        await pilot.press("h", "a", "l", "f")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    with WorkshopFile.open(path) as reopened:  # the lock was released, too
        assert not reopened.read_only
        assert "Bakery De Vries" in [t.text for t in reopened.workshop.transcript]


async def test_a_resumed_workshop_shows_where_it_was_and_asks_the_next_question(
        tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    app = create_app(Options("new", path, lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await send(pilot, "Bakery De Vries")
        asked = app.session.conversation.current  # type: ignore[union-attr]
    again = create_app(Options("open", path))
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Bakery De Vries" in user_texts(pilot)
        assert asked is not None and asked.text.strip() in question_shown(again)


async def test_the_map_hides_on_a_small_terminal_and_f2_brings_it_back(
        tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(JourneyMap)
        assert not board.display
        await pilot.press("f2")
        assert board.display
        await send(pilot, "Bakery De Vries")  # answering still works with the map shown
        assert user_texts(pilot)[-1] == "Bakery De Vries"
        await pilot.press("f2")
        assert not board.display


async def test_the_help_screen_explains_the_method_and_lists_the_keys(tmp_path: Path) -> None:
    app = create_app(Options("new", tmp_path / "w.yaml", lang="nl"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        method = app.labels("help.method")
        assert method.count("\n\n") == 2  # three short paragraphs
        keys = str(app.screen.query_one("#keys").render())
        for key in ("Enter", "^j", "^t", "^r", "f2", "f1", "^q", "^p"):
            assert key in keys
        await pilot.press("escape")
        assert isinstance(app.screen, ChatScreen)


async def test_every_action_is_in_the_command_palette(tmp_path: Path) -> None:
    app = create_app(Options("demo", lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Go to step:", "Show the journey of", "Preview the report",
                       "Save the report as Markdown", "Save the report as HTML", "Help",
                       "Switch to Dutch", "light and dark", "Quit"):
            assert any(wanted in t for t in titles), wanted


async def test_a_long_chat_keeps_a_bounded_number_of_message_widgets(tmp_path: Path) -> None:
    """Only the last messages are widgets, older ones fold into one line, so answering
    does not slow down with history (`make bench` measures turn 300 against turn 10)."""
    path = tmp_path / "long.yaml"
    with WorkshopFile.open(path, create_language="en") as made:
        for i in range(300):
            made.workshop.transcript.append(Turn("user" if i % 2 else "bot", f"message **{i}**"))
        made.save()
    app = create_app(Options("open", path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        log = app.screen.query_one(ChatLog)
        earlier = str(log.query_one("#earlier").render())  # said from the first frame on
        assert f"{log.folded} earlier messages are folded away" in earlier
        for i in range(5):
            await send(pilot, "/status" if i % 2 else "/help")
        assert len(log.messages) <= ChatLog().limit
        assert log.folded > 250, "the earlier messages are folded, not dropped"


async def test_an_unsent_answer_is_offered_again_next_time(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    app = create_app(Options("new", path, lang="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Bakery half")
        await pilot.press("ctrl+q")
    again = create_app(Options("open", path))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.screen.query_one(PromptInput).text == "Bakery half"
        await pilot.press("enter")
        await pilot.pause()
        assert user_texts(pilot)[-1] == "Bakery half"
    third = create_app(Options("open", path))
    async with third.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert third.screen.query_one(PromptInput).text == ""
