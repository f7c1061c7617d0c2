"""The commands a team may type instead of an answer: /help, /back, /skip, /tip, /status,
/edit, /delete, /goto, /report, /quit, /done — and their Dutch words (``common.yaml``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cjcoach.engine import edits, reading
from cjcoach.engine.api import STEP_KEYS, BotMessage, Reply
from cjcoach.engine.flow import first_of, previous
from cjcoach.engine.prompts import fill
from cjcoach.model import Turn

if TYPE_CHECKING:
    from cjcoach.engine.conversation import Conversation
    from cjcoach.model import Workshop


def _command(conv: Conversation, text: str) -> tuple[str, str] | None:
    """The command name and the rest of the line, or ``None`` for an ordinary answer."""
    cleaned = reading.clean(text)
    if cleaned in ("?", "??", "help", "hulp"):
        return "help", ""
    if not cleaned.startswith("/"):
        return None
    lowered = cleaned.lower()
    best: tuple[int, str] | None = None
    for name, words in conv.prompts.commands().items():
        for word in words:
            matches = lowered == word or lowered.startswith(word + " ")
            if matches and (best is None or len(word) > best[0]):
                best = (len(word), name)
    if best is None:
        return "unknown", cleaned
    return best[1], cleaned[best[0]:].strip()


def is_command(conv: Conversation, text: str) -> bool:
    return _command(conv, text) is not None


def run(conv: Conversation, text: str) -> Reply:
    found = _command(conv, text)
    assert found is not None
    name, rest = found
    if conv.file.read_only and name not in LOOKING_ONLY:
        return Reply([_say(conv, "read_only_answer", "error")])
    conv.workshop.transcript.append(Turn("user", reading.clean(text)))
    handler = HANDLERS.get(name, _unknown)
    return handler(conv, rest)


def _say(conv: Conversation, key: str, kind: str = "info", /, **values: object) -> BotMessage:
    return BotMessage(kind, conv.prompts.say(key, **values))  # type: ignore[arg-type]


def _unknown(conv: Conversation, rest: str) -> Reply:
    word = rest.split()[0] if rest.split() else rest
    known = ", ".join(conv.command_words())
    return Reply([_say(conv, "unknown_command", "error", word=word, commands=known)])


def _help(conv: Conversation, rest: str) -> Reply:
    lines = "\n".join(conv.prompts.command_help().values())
    messages = [_say(conv, "help", "help", commands=lines)]
    q = conv.current
    if q is not None:
        if q.hint:
            messages.append(BotMessage("help", q.hint))
        if q.example:
            messages.append(_say(conv, "example", "help", example=q.example))
    return Reply(messages + _reminder(conv))


def _reminder(conv: Conversation) -> list[BotMessage]:
    """The question still open, on its first line only (the list under it is still on screen
    just above; said again it would bury what was asked for), with its options on one line."""
    q = conv.current
    if q is None or not q.text.strip():
        return []
    text = q.text.strip().splitlines()[0]
    if q.choices:
        text += "\n  " + " · ".join(f"{n} {c.split(' — ')[0]}" for n, c in enumerate(q.choices, 1))
    return [BotMessage("question", text)]


def _back(conv: Conversation, rest: str) -> Reply:
    plan = conv.plan()
    if conv.position is None:
        target = plan[-1] if plan else None
    else:
        target = previous(plan, conv.position)
    if target is None:
        return Reply([_say(conv, "back_at_start")])
    conv.position = target
    conv.answered_already = frozenset()  # going back: every question may come again
    conv.revisiting = target.step
    conv.asked.discard((target.step, target.question))  # its options in full again
    conv.record_progress()
    messages = [_say(conv, "back"), *conv.ask()]
    return Reply(messages, save=conv.save())


def _skip(conv: Conversation, rest: str) -> Reply:
    if conv.position is None:
        return Reply([_say(conv, "after_finished")])
    position = conv.position
    return conv.pass_over(position, conv.qdef(position), conv.ctx(position), skipping=True)


def _done(conv: Conversation, rest: str) -> Reply:
    if conv.position is None:
        return Reply([_say(conv, "after_finished")])
    position = conv.position
    return conv.pass_over(position, conv.qdef(position), conv.ctx(position))


def _tip(conv: Conversation, rest: str) -> Reply:
    if conv.position is None:
        return Reply([_say(conv, "after_finished")])
    position = conv.position
    tips = _bank_tips(conv) + [
        fill(str(t), **conv.qdef(position).fill(conv.ctx(position)))
        for t in conv.prompts.question(position.step, position.question).get("tips") or []]
    key = (position.step, position.question)
    n = conv.tip_counter.get(key, 0)
    conv.tip_counter[key] = n + 1
    if not tips or n >= len(tips) * 2:
        return Reply([_say(conv, "tip_none", "tip")])
    return Reply([BotMessage("tip", tips[n % len(tips)])])


def _bank_tips(conv: Conversation) -> list[str]:
    """For a touchpoint question: touchpoints from the idea bank that fit this phase."""
    position = conv.position
    if position is None or (position.step, position.question) != ("touchpoints", "touchpoints"):
        return []
    w, ctx = conv.workshop, position.ctx
    keys = [p.key for p in w.phases]
    at = keys.index(ctx["phase"]) if ctx.get("phase") in keys else 0
    share = at / max(len(keys) - 1, 1)
    part = "before" if share < 0.34 else "during" if share < 0.67 else "after"
    named = {t.name.lower() for t in w.touchpoints if t.persona == ctx.get("persona")}
    fits = [str(e.get("name")) for e in conv.prompts.section("touchpoints", "idea_bank") or []
            if isinstance(e, dict) and part in (e.get("when") or [])
            and (not w.scene.market or w.scene.market in (e.get("market") or []))
            and str(e.get("name", "")).lower() not in named]
    if not fits:
        return []
    chunks = [fits[i:i + 4] for i in range(0, len(fits), 4)]
    return [conv.prompts.step_say("touchpoints", "tip_bank", items=", ".join(c)) for c in chunks]


def _status(conv: Conversation, rest: str) -> Reply:
    w = conv.workshop
    marks = {"done": "[x]", "current": "[>]", "todo": "[ ]"}
    lines = [conv.prompts.say("status_line", mark=marks[s.state], number=n, title=s.title)
             for n, s in enumerate(conv.steps(), 1)]  # numbered as the parts: "Deel 6 van 12"
    q = conv.current
    if q is not None:
        lines.append(conv.prompts.say("status_now", question=q.text.splitlines()[0]))
    lines.append(conv.prompts.say(
        "status_counts", goals=len(w.business_goals), personas=len(w.personas),
        touchpoints=len(w.touchpoints), ideas=len(w.ideas),
        moments=sum(len(t.pain_points) + len(t.happy_moments) for t in w.touchpoints)))
    groups = [
        (conv.prompts.title("why"), [f"{g.id} {g.text}" for g in w.business_goals]),
        (conv.prompts.title("personas"), [f"{p.id} {p.name}" for p in w.personas]
         + [f"{c.id} {c.text}" for _, c in w.customer_goals()]),
        (conv.prompts.title("touchpoints"), [f"{t.id} {t.name}" for t in w.touchpoints]),
        (conv.prompts.title("ideas"), [f"{i.id} {i.title}" for i in w.ideas]),
    ]
    for label, items in groups:
        if items:
            lines.append(conv.prompts.say("ids_list", label=label, items="; ".join(items)))
    return Reply([BotMessage("status", "\n".join(lines))])


_ID = re.compile(r"^([A-Za-z]\d+)\b\s*(.*)$", re.S)


def _edit(conv: Conversation, rest: str) -> Reply:
    m = _ID.match(rest)
    if m and m.group(2).strip():
        item_id, text = m.group(1).upper(), m.group(2).strip()
        if item_id.startswith("T") and "|" in text:
            return _edit_touchpoint(conv, item_id, text)
        if item_id.startswith("P") and (split := _persona_split(text)) is not None:
            return _edit_persona(conv, item_id, *split)
        if not edits.rename(conv.workshop, item_id, text):
            return Reply([_say(conv, "id_unknown", "error", id=item_id)])
        # the question we were at comes back, so nobody is left at a bare prompt
        return Reply([_say(conv, "edit_done", "ack", id=item_id, text=text), *conv.ask()],
                     save=conv.save())
    if rest and not m:
        return Reply(goto(conv, rest))
    return _usage(conv, "edit", m.group(1).upper() if m else None)


def _usage(conv: Conversation, command: str, item_id: str | None) -> Reply:
    """``/edit`` or ``/delete`` with nothing (or only an id) after it: how to type it, with
    the item this question is about as the example, then the question again."""
    w, position = conv.workshop, conv.position
    if item_id is not None and item_id not in w.all_ids():
        return Reply([_say(conv, "id_unknown", "error", id=item_id), *_reminder(conv)])
    if item_id is None and position is not None:
        item_id = edits.likely_target(w, position.step, position.ctx)
    elif item_id is None:
        item_id = edits.likely_target(w, "", {})
    if item_id is None:
        return Reply([BotMessage("help", conv.prompts.say("edit_usage_empty").strip()),
                      *_reminder(conv)])
    word = (conv.prompts.commands().get(command) or [f"/{command}"])[0]
    example = f"{word} {item_id}"
    if command == "edit":
        example += f" {_editable_text(w, item_id)}"
    key = "edit_usage" if command == "edit" else "delete_usage"
    usage = conv.prompts.say(key, example=example).strip()
    return Reply([BotMessage("help", usage), *_reminder(conv)])


def _editable_text(w: Workshop, item_id: str) -> str:
    """The item's text as ``/edit`` reads it back: a touchpoint with its details after bars,
    a persona with its description after a dash."""
    from cjcoach.engine.touchpoint_details import details_text

    t, p = w.touchpoint(item_id), w.persona(item_id)
    if t is not None:
        return " | ".join(x for x in (t.name, details_text(t)) if x)
    if p is not None:
        return f"{p.name} - {p.description}" if p.description else p.name
    return edits.describe(w, item_id).removeprefix(item_id).strip()


def _edit_touchpoint(conv: Conversation, item_id: str, text: str) -> Reply:
    """``/edit T3 Webshop | online | 4 | Sanne`` (name and details) or ``/edit T3 | online``
    (details only), read like a table-like line when the touchpoint was added."""
    from cjcoach.engine.flow import Position, Retry
    from cjcoach.engine.touchpoint_details import apply_cells, details_text

    t = conv.workshop.touchpoint(item_id)
    if t is None:
        return Reply([_say(conv, "id_unknown", "error", id=item_id)])
    name, *cells = text.split("|")
    ctx = conv.ctx(Position.of("touchpoints", "details", touchpoint=item_id))
    try:
        apply_cells(ctx, cells, t)
    except Retry as retry:
        return Reply([BotMessage("retry", str(retry)), *conv.ask()])
    if reading.clean(name):
        t.name = reading.clean(name)
    shown = " | ".join(x for x in (t.name, details_text(t)) if x)
    return Reply([_say(conv, "edit_done", "ack", id=item_id, text=shown), *conv.ask()],
                 save=conv.save())


def _persona_split(text: str) -> tuple[str, str] | None:
    """``Fatima - cycles to work``: a persona's new name and description, or ``None``."""
    from cjcoach.engine.steps_start import split_name

    name, description = split_name(text)
    return (name, description) if name and description else None


def _edit_persona(conv: Conversation, item_id: str, name: str, description: str) -> Reply:
    persona = conv.workshop.persona(item_id)
    if persona is None:
        return Reply([_say(conv, "id_unknown", "error", id=item_id)])
    persona.name, persona.description = name, description
    return Reply([_say(conv, "edit_done", "ack", id=item_id, text=f"{name} - {description}"),
                  *conv.ask()], save=conv.save())


def _delete(conv: Conversation, rest: str) -> Reply:
    m = _ID.match(rest)
    if not m:
        return _usage(conv, "delete", None)
    item_id = m.group(1).upper()
    old_plan = conv.plan()
    what = edits.describe(conv.workshop, item_id)
    removed = edits.delete(conv.workshop, item_id)
    if not removed:
        return Reply([_say(conv, "id_unknown", "error", id=item_id)])
    messages = [_say(conv, "delete_done", "ack", what=what)]
    if len(removed) > 1:
        messages.append(_say(conv, "delete_cascade", "info", what=", ".join(removed[1:])))
    if conv.position is not None and conv.position not in conv.plan():
        conv._move_on(old_plan, conv.plan())
    messages += conv.ask()
    return Reply(messages, save=conv.save())


def goto(conv: Conversation, step: str) -> list[BotMessage]:
    """Jump to the first question of ``step`` (a key, a title, or a method step number)."""
    wanted = _step_key(conv, step)
    if wanted is None:
        titles = ", ".join(f"{k} ({conv.prompts.title(k)})" for k in STEP_KEYS)
        return [_say(conv, "goto_unknown", "error", steps=titles)]
    target = first_of(conv.plan(), wanted)
    if target is None:
        return [_say(conv, "goto_empty", "error")]
    conv.position = target
    conv.answered_already = frozenset()
    conv.revisiting = target.step  # its questions come again, also those already filled
    conv.record_progress()
    messages = [_say(conv, "goto_done", title=conv.prompts.title(wanted)),
                *conv.ask(intro=True)]
    outcome = conv.save()
    if outcome.message:
        messages.append(BotMessage("error", outcome.message))
    return messages


def _step_key(conv: Conversation, text: str) -> str | None:
    cleaned = reading.clean(text).strip()
    if cleaned in STEP_KEYS:
        return cleaned
    if cleaned.isdigit():  # the part's number, as /status and the chat show it
        return STEP_KEYS[int(cleaned) - 1] if 1 <= int(cleaned) <= len(STEP_KEYS) else None
    options = [(k, conv.prompts.title(k)) for k in STEP_KEYS]
    return reading.choice(cleaned, options, conv.words) if cleaned else None


def _goto(conv: Conversation, rest: str) -> Reply:
    return Reply(goto(conv, rest))


def _report(conv: Conversation, rest: str) -> Reply:
    return Reply([_say(conv, "report_hint", file=conv.file.path.name)], report_requested=True,
                 save=conv.save())


def _quit(conv: Conversation, rest: str) -> Reply:
    if conv.file.read_only:
        return Reply([_say(conv, "quit_read_only")], quit=True)
    key = "quit_finished" if conv.workshop.progress.finished else "quit"
    return Reply([_say(conv, key)], quit=True, save=conv.save())


LOOKING_ONLY = frozenset({"help", "status", "tip", "report", "quit"})
"""Commands a read-only window may use: they show things and change nothing."""


HANDLERS = {
    "help": _help, "back": _back, "skip": _skip, "tip": _tip, "status": _status,
    "edit": _edit, "delete": _delete, "goto": _goto, "report": _report, "quit": _quit,
    "done": _done, "unknown": _unknown,
}
