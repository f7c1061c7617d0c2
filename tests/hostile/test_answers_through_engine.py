"""What thirty students might type, sent through the real conversation: a clear outcome each."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjcoach import store
from cjcoach.engine import Conversation
from cjcoach.workfile import WorkshopFile


@pytest.fixture(params=["nl", "en"])
def conversation(request: pytest.FixtureRequest, tmp_path: Path):
    opened = WorkshopFile.open(tmp_path / "w.yaml", request.param)
    conv = Conversation(opened)
    conv.start()
    yield conv
    opened.close()


def test_a_one_megabyte_paste_is_asked_again_and_changes_nothing(conversation) -> None:
    before = conversation.file.path.read_bytes()
    reply = conversation.answer("onze bakkerij " * 75_000)
    assert reply.messages[0].kind == "retry"
    limit = "20.000" if conversation.workshop.language == "nl" else "20,000"
    assert limit in reply.messages[0].text
    assert conversation.workshop.scene.organisation == ""
    assert conversation.current is not None and conversation.current.key == "organisation"
    assert conversation.file.path.read_bytes() == before


@pytest.mark.parametrize("typed, stored", [
    ("\x1b[31mRode\x1b[0m Fiets", "Rode Fiets"),
    ("\u200bFiets & Zo\u200b", "Fiets & Zo"),
    ("ביגל'ה בייקרי", "ביגל'ה בייקרי"),
    ("{{ 7*7 }} <script>alert(1)</script>", "{{ 7*7 }} <script>alert(1)</script>"),
    ("Bakkerij 🥐 | Café: #1", "Bakkerij 🥐 | Café: #1"),
])
def test_odd_text_is_cleaned_of_terminal_noise_and_kept_literally(conversation, typed: str,
                                                                  stored: str) -> None:
    conversation.answer(typed)
    assert conversation.workshop.scene.organisation == stored
    assert store.load(conversation.file.path).scene.organisation == stored
