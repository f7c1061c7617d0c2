"""A patient workshop participant: answers whatever the bot asks, in Dutch or English.

It tries the question's own example first, then a plain answer that fits the question's
kind, then ``/skip``, then an empty line. A list gets one item, then an empty line.
Used to walk a whole workshop without knowing the question set by heart, so the same
answers can be typed into the TUI and piped into the plain chat.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cjcoach.engine.api import Question

PLAIN = {
    "nl": {"text": "Dat doen we samen", "list": "Webshop", "scale": "4", "emotion": "-1",
           "yesno": "ja", "date": "over een jaar", "table": "4 3 2"},
    "en": {"text": "We do that together", "list": "Webshop", "scale": "4", "emotion": "-1",
           "yesno": "yes", "date": "in a year", "table": "4 3 2"},
}


def candidates(question: Question, lang: str) -> list[str]:
    """What to try, in order, for ``question``; every candidate is one line."""
    example = " ".join(", ".join(question.example.splitlines()).split())
    for prefix in ("e.g. ", "bijv. ", "Bijvoorbeeld: ", "For example: "):
        example = example.removeprefix(prefix)
    plain = "1" if question.choices else PLAIN[lang].get(question.kind, PLAIN[lang]["text"])
    tries = [example] if example else []
    return [*tries, plain, "/skip" if lang == "en" else "/overslaan", ""]


@dataclass
class Tracker:
    """Remembers, per question, how many tries failed and whether an answer was taken.

    A question that comes back after an answer was taken is a list asking for more: the
    next answer is an empty line, which ends it.
    """

    key: tuple[str, str, str] = ("", "", "")
    failed: int = 0
    listed: bool = False
    sent: list[str] = field(default_factory=list)

    def next(self, question: Question, lang: str) -> str:
        key = (question.step, question.key, question.text)
        if key != self.key:
            self.key, self.failed, self.listed = key, 0, False
        if self.listed:
            return ""
        tries = candidates(question, lang)
        return tries[min(self.failed, len(tries) - 1)]

    def saw(self, question: Question, text: str, retried: bool) -> None:
        self.sent.append(text)
        if retried:
            self.failed += 1
            self.listed = False
        elif text:
            self.listed = True  # if the same question comes back, it wants more: end it
