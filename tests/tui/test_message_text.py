"""Bot messages: the engine's bit of Markdown is styled, the team's own words stay exact."""

from __future__ import annotations

from cjcoach.tui.widgets.message_text import message_text


def test_wrapped_prompt_lines_flow_and_meant_breaks_stay() -> None:
    text = message_text("Hello! Together\nwe map your journey.\n\nStep 0 · Set the scene\n"
                        "First the basics.\n  T1  Google\n  T2  Shop")
    assert text.plain == ("Hello! Together we map your journey.\n\nStep 0 · Set the scene\n"
                          "First the basics.\n  T1  Google\n  T2  Shop")


def test_bold_code_and_bullets_are_styled() -> None:
    text = message_text("**Tip:** use `done`\n- one\n- two")
    assert text.plain == "Tip: use done\n• one\n• two"
    styles = {text.plain[span.start:span.end]: str(span.style) for span in text.spans}
    assert styles == {"Tip:": "bold", "done": "italic"}


def test_what_the_team_typed_is_shown_exactly() -> None:
    typed = "Noted: # Bakery *best* | {{ x }} <script>alert(1)</script> _a_b_ [x](y) 😀"
    assert message_text(typed).plain == typed
