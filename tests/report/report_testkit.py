"""Helpers for the report tests: a small workshop built in code, and text readers.

(Imported by name: conftest.py puts this folder on ``sys.path``.)"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from cjcoach.model import (
    Alignment,
    BusinessGoal,
    CustomerGoal,
    Idea,
    Moment,
    Participant,
    Persona,
    Phase,
    Scene,
    SevenSScore,
    Touchpoint,
    Workshop,
)


def small_workshop(lang: str = "en") -> Workshop:
    """A complete little workshop: one persona, three phases, four touchpoints, two ideas."""
    return Workshop(
        language=lang,  # type: ignore[arg-type]
        scene=Scene(organisation="Corner Bakery", offering="Bread and cakes", market="B2C",
                    journey_type="purchase",
                    participants=[Participant("Ann", "owner", "management")],
                    facilitator="Bo", dates=["2026-05-01"]),
        why="Fresh bread for the street.",
        business_goals=[BusinessGoal("G1", "More regulars")],
        personas=[Persona("P1", "Early Eddie", "Buys at seven", "On his way to work",
                          "At his desk", 3, [CustomerGoal("C1", "Warm bread before work")])],
        alignments=[Alignment("A1", "G1", "C1", "Open at half past six")],
        phase_model="before_during_after",
        phases=[Phase("before", "Before"), Phase("during", "During"), Phase("after", "After")],
        touchpoints=[
            Touchpoint("T1", "P1", "before", "Smell in the street", 1, "offline", 4,
                       owner="bakery", emotion=1,
                       happy_moments=[Moment("M1", "The smell", ["bakery"])]),
            Touchpoint("T2", "P1", "during", "Queue at the counter", 2, "offline", 5,
                       owner="shop", emotion=-2,
                       pain_points=[Moment("M2", "Ten minutes waiting", ["shop", "owner"])]),
            Touchpoint("T3", "P1", "during", "Card payment", 3, "offline", 3, owner="shop",
                       emotion=0),
            Touchpoint("T4", "P1", "after", "Loyalty card", 4, "offline", 2, owner="shop",
                       emotion=2),
        ],
        ideas=[
            Idea("I1", "Pre-order app", "Order the night before", "new", ["T2"], ["G1"],
                 {"systems": SevenSScore(-2, "No IT staff"), "strategy": SevenSScore(1)},
                 4, 4, 1, {"Ann": 2}, "do", False, "Ann", "app", "Ask a builder",
                 "Queues halve"),
            Idea("I2", "Second till", "Open a second till at rush hour", "fix", ["T2"], [],
                 {"staff": SevenSScore(1)}, 4, 3, 2, {"Ann": 1}, "do", False, "Bo", "shop",
                 "Try in June", "Waiting under three minutes"),
        ],
        review_date="2027-05-01",
    )


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def visible_text(markdown: str, with_code: bool = False) -> str:
    """What a reader sees of a Markdown text (markdown-it's tokens), on single spaces."""
    parts: list[str] = []
    for tok in MD.parse(markdown):
        if tok.type == "inline":
            for child in tok.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            parts.append(" ")
        elif tok.type in ("fence", "code_block") and with_code:
            parts.append(tok.content)
    return squash(" ".join(parts))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def inline_text(content: str) -> str:
    """What a reader sees of one inline (a cell, a heading's text)."""
    parts = []
    for tok in MD.parseInline(content):
        for child in tok.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return squash("".join(parts))
