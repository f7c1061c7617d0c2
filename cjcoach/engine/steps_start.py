"""Steps 0 and 1 and the phase choice: scene, why, personas, phases (alignment is in
:mod:`cjcoach.engine.steps_alignment`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cjcoach.engine import reading
from cjcoach.engine.flow import (
    Accepted,
    Clarify,
    Ctx,
    Position,
    QDef,
    Retry,
    StepDef,
    iter_once,
)
from cjcoach.model import (
    BusinessGoal,
    CustomerGoal,
    Participant,
    Persona,
    Phase,
    Workshop,
)
from cjcoach.phases import CUSTOM, PHASE_MODELS, phase_model_label

_DASH = re.compile(r"\s+[-–—]\s*|\s*[–—]\s*|\s*:\s+|\s*\(\s*")


def split_name(item: str) -> tuple[str, str]:
    """``"Sanne - owner"`` → ``("Sanne", "owner")``; also ``:`` and ``(…)`` as separators."""
    parts = _DASH.split(item, maxsplit=1)
    name = parts[0].strip(" -–—:")
    rest = parts[1].strip().rstrip(")").strip() if len(parts) > 1 else ""
    return name, rest


def goal_lines(w: Workshop) -> str:
    return "\n".join(f"  {g.id}  {g.text}" for g in w.business_goals)


def goal_line_short(w: Workshop, words: int = 4) -> str:
    """The business goals on one line, each cut to its first few words: the reminder under
    questions that come again after the goals were listed in full."""
    return short_line([(g.id, g.text) for g in w.business_goals], words)


def short_line(items: list[tuple[str, str]], words: int = 4) -> str:
    """Items on one line, "  G1 Win 40 new office… · G2 Keep renewals above 90%": each
    name cut to its first few words."""
    def short(text: str) -> str:
        cut = text.split()
        return " ".join(cut[:words]) + ("…" if len(cut) > words else "")
    return "  " + " · ".join(f"{code} {short(text)}" for code, text in items)


def text_or_retry(ctx: Ctx, text: str) -> str:
    value = reading.clean(text)
    if not value:
        raise Retry(ctx.say("required"))
    return value


# --- scene ---------------------------------------------------------------------------


def _set_scene(field: str) -> QDef:
    def apply(ctx: Ctx, text: str) -> Accepted:
        setattr(ctx.workshop.scene, field, text_or_retry(ctx, text))
        return Accepted()

    def current(ctx: Ctx) -> str:
        return str(getattr(ctx.workshop.scene, field))

    return QDef("text", apply, current=current,
                fill=lambda ctx: {"organisation": ctx.workshop.scene.organisation or "you"})


def _choice_scene(field: str) -> QDef:
    def choices(ctx: Ctx) -> list[tuple[str, str]]:
        raw = ctx.prompts.question(ctx.position.step, ctx.position.question).get("choices")
        return [(str(k), str(v)) for k, v in (raw or {}).items()]

    def apply(ctx: Ctx, text: str) -> Accepted:
        key = reading.choice(text, choices(ctx), ctx.words)
        question = ctx.prompts.question(ctx.position.step, ctx.position.question)
        folded = f" {reading.fold(text)} "
        if key is None and question.get("both") and (any(
                f" {w} " in folded for w in ctx.word_list("both_words", "scene")) or all(
                reading.fold(k) in folded for k, _ in choices(ctx))):
            raise Clarify(str(question["both"]))  # "allebei eigenlijk", "B2B and B2C"
        if key is None:
            own = question.get("retry")
            raise Retry(str(own or ctx.prompts.say("choice_retry")))
        setattr(ctx.workshop.scene, field, key)
        return Accepted()

    def current(ctx: Ctx) -> str:
        value = str(getattr(ctx.workshop.scene, field))
        return dict(choices(ctx)).get(value, value)

    return QDef("choice", apply, current=current, choices=choices)


def named_items(text: str, words: reading.Words, comma_role: bool = False) -> list[str]:
    """One item per line or list separator, where a line with a name and a description
    ("Dirk - werkt veel, wil snel geknipt") stays one item: commas after the dash belong to
    the description. With ``comma_role``, "Sanne, winkel" is Sanne, who works in the shop:
    a comma only separates items when every part looks like a name ("Anna, Bram en Cees")."""
    found: list[str] = []
    lines = [part.strip() for line in reading.lines(text) for part in line.split(";")]
    for line in filter(None, lines):
        parts = reading.items(line, words)
        if _DASH.search(line):
            # "Ahmed - werkplaats, Lies - verkoop" is two; "Dirk - werkt veel, wil snel" one;
            # "sanne - planner en offertes" stays one role (not split at its "en")
            commas = [p.strip() for p in line.split(",") if p.strip()]
            each_named = len(commas) > 1 and all(_DASH.search(part) for part in commas)
            found += commas if each_named else [line]
            continue
        if comma_role and len(parts) > 1 and not all(p[:1].isupper() for p in parts):
            head, _, role = line.partition(",")
            found.append(f"{head.strip()} - {role.strip()}")
        else:
            found += parts
    return found


_NAME_PARTICLES = {"de", "van", "der", "den", "ter", "ten", "te", "het", "la", "le", "di",
                   "da", "von", "el", "al", "bin", "mc", "'t"}


def _name_and_role(name: str) -> tuple[str, str]:
    """"fatma receptie/planning" (no dash): the first word is the name, the lower-case
    words after it the role; "Jan van Dijk" and "Anna Bakker" stay whole names."""
    words = name.split()
    if len(words) < 2 or not words[1][:1].isalpha() or not words[1][:1].islower() \
            or words[1].casefold() in _NAME_PARTICLES or not words[0].isalpha():
        return name, ""
    return words[0], " ".join(words[1:])  # its capital: capitalised(), as for every name


def capitalised(name: str) -> str:
    """A name typed all in lower case with a capital, as in a heading ("e-bike ellen" →
    "E-bike ellen", "ouders met jonge kinderen" → "Ouders met jonge kinderen"); others as
    typed. Only the first letter: the bot cannot tell which other words are names."""
    if name != name.lower() or not name[:1].isalpha():
        return name
    return name[:1].upper() + name[1:]


def _participants(ctx: Ctx, text: str) -> Accepted:
    added = []
    for item in named_items(text, ctx.words, comma_role=True):
        name, rest = split_name(item)
        if not rest:
            name, rest = _name_and_role(name)
        if not name:
            raise Retry(ctx.retry())
        if reading.fold(name) in ctx.word_list("me_words", "touchpoints"):
            raise Clarify(ctx.say("participant_me", item=name))  # "ik - eigenaar"
        name = capitalised(name)  # "henk - eigenaar" is Henk, as "henk eigenaar" was
        role, _, team = rest.partition(" - ")
        ctx.workshop.scene.participants.append(Participant(name, role.strip(), team.strip()))
        added.append(name + (f" ({role.strip()})" if role.strip() else ""))
    if not added:
        raise Retry(ctx.retry())
    return Accepted(ctx.say("ack_participant", names=", ".join(added)), stay=True)


def _participants_now(ctx: Ctx) -> str:
    return ", ".join(p.name + (f" ({p.role})" if p.role else "")
                     for p in ctx.workshop.scene.participants)


def _short_choice(ctx: Ctx, question: str, value: str) -> str:
    raw = ctx.prompts.question("scene", question).get("choices") or {}
    label = str(raw.get(value, value or "?"))
    short = re.split(r"\s+[-–—]\s+", label, maxsplit=1)[0]
    return in_sentence(short)


def in_sentence(label: str) -> str:
    """A choice label as it reads mid-sentence: "Servicereis" → "servicereis"; a name
    in capitals such as "B2C" stays as it is."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _scene_recap(ctx: Ctx) -> dict[str, object]:
    s = ctx.workshop.scene
    return {"organisation": s.organisation or "?", "offering": s.offering or "?",
            "market": s.market or "?", "journey": _short_choice(ctx, "journey", s.journey_type),
            "participants": _participants_now(ctx) or ctx.prompts.say("none")}


SCENE = StepDef(
    "scene",
    {
        "organisation": _set_scene("organisation"),
        "offering": _set_scene("offering"),
        "market": _choice_scene("market"),
        "journey": _choice_scene("journey_type"),
        "participants": QDef("list", _participants, current=_participants_now),
    },
    lambda w: iter_once("scene", "organisation", "offering", "market", "journey",
                        "participants"),
    recap=_scene_recap,
)


# --- why and business goals ----------------------------------------------------------


def _why(ctx: Ctx, text: str) -> Accepted:
    ctx.workshop.why = text_or_retry(ctx, text)
    return Accepted()


def _business_goals(ctx: Ctx, text: str) -> Accepted:
    added = []
    for item in reading.items(text, ctx.words):
        goal = BusinessGoal(ctx.workshop.next_id("G"), item)
        ctx.workshop.business_goals.append(goal)
        added.append(f"{goal.id} {goal.text}")
    return ctx.list_added(added)


def _goals_now(ctx: Ctx) -> str:
    return "; ".join(f"{g.id} {g.text}" for g in ctx.workshop.business_goals)


WHY = StepDef(
    "why",
    {
        "why": QDef("text", _why, current=lambda ctx: ctx.workshop.why,
                    fill=lambda ctx: {"organisation": ctx.workshop.scene.organisation}),
        "business_goals": QDef("list", _business_goals, current=_goals_now, required=True),
    },
    lambda w: iter_once("why", "why", "business_goals"),
    recap=lambda ctx: {"why": ctx.workshop.why or "?", "goals": _goals_now(ctx)},
)


# --- personas and their goals --------------------------------------------------------


def _personas(ctx: Ctx, text: str) -> Accepted:
    added = []
    for item in named_items(text, ctx.words):
        name, description = split_name(item)
        if not name:
            raise Retry(ctx.retry())
        if len(name.split()) < LONG_NAME_WORDS:  # not a description, asked about next
            name = capitalised(name)
        persona = Persona(ctx.workshop.next_id("P"), name, description)
        ctx.workshop.personas.append(persona)
        added.append(f"{persona.id} {persona.name}")
    return ctx.list_added(added)


def _personas_now(ctx: Ctx) -> str:
    return "; ".join(f"{p.id} {p.name}" for p in ctx.workshop.personas)


def _persona_text(field: str) -> QDef:
    def apply(ctx: Ctx, text: str) -> Accepted:
        setattr(ctx.persona(), field, text_or_retry(ctx, text))
        return Accepted()

    return QDef("text", apply, current=lambda ctx: str(getattr(ctx.persona(), field)),
                fill=lambda ctx: {"persona": ctx.persona().name})


def _satisfaction(ctx: Ctx, text: str) -> Accepted:
    value = reading.scale(text, 1, 5, ctx.words)
    if value is None:  # "weet ik niet precies, 4 denk ik": the 4
        value = reading.lone_number(text, 1, 5, ctx.words)
    if value is None:
        raise Retry(ctx.prompts.say("number_retry", low=1, high=5))
    ctx.persona().satisfaction = value
    return Accepted()


def _customer_goals(ctx: Ctx, text: str) -> Accepted:
    persona = ctx.persona()
    added = []
    for item in reading.items(text, ctx.words):
        goal = CustomerGoal(ctx.workshop.next_id("C"), item)
        persona.goals.append(goal)
        added.append(f"{goal.id} {goal.text}")
    return ctx.list_added(added)


LONG_NAME_WORDS = 5
"""A persona "name" of this many words without a description is a description: the team
is asked for a short name to use in the questions."""


def _long_name(p: Persona) -> bool:
    return not p.description and len(p.name.split()) >= LONG_NAME_WORDS


def _short_name(ctx: Ctx, text: str) -> Accepted:
    persona = ctx.persona()
    name = reading.clean(text)
    if len(name.split()) >= LONG_NAME_WORDS or _DASH.search(name):
        raise Retry(ctx.retry())
    if _long_name(persona):
        persona.description = persona.name
    persona.name = capitalised(name)
    return Accepted(ctx.say("short_name_done", name=persona.name,
                            description=persona.description))


def _personas_plan(w: Workshop) -> Iterator[Position]:
    yield Position.of("personas", "personas")
    for p in w.personas:
        if _long_name(p):
            yield Position.of("personas", "short_name", persona=p.id)
        for key in ("why_buy", "how_use", "satisfaction", "goals"):
            yield Position.of("personas", key, persona=p.id)


def _persona_fill(ctx: Ctx) -> dict[str, object]:
    return {"persona": ctx.persona().name}


PERSONAS = StepDef(
    "personas",
    {
        "personas": QDef("list", _personas, current=_personas_now, required=True),
        "short_name": QDef("text", _short_name, fill=_persona_fill,
                           current=lambda ctx: ctx.persona().name),
        "why_buy": _persona_text("why_buy"),
        "how_use": _persona_text("how_use"),
        "satisfaction": QDef("scale", _satisfaction, fill=_persona_fill,
                             current=lambda ctx: str(ctx.persona().satisfaction or "")),
        "goals": QDef("list", _customer_goals, fill=_persona_fill,
                      current=lambda ctx: "; ".join(f"{c.id} {c.text}"
                                                    for c in ctx.persona().goals)),
    },
    _personas_plan,
    recap=lambda ctx: {"personas": "; ".join(
        f"{p.id} {p.name} ({', '.join(c.text for c in p.goals) or '-'})"
        for p in ctx.workshop.personas)},
)


# --- phases --------------------------------------------------------------------------


def model_choices(ctx: Ctx) -> list[tuple[str, str]]:
    options = [(key, m.label(ctx.lang) + ": " + ", ".join(p.label(ctx.lang) for p in m.phases))
               for key, m in PHASE_MODELS.items()]
    return [*options, (CUSTOM, ctx.say("custom_choice"))]


def suggested_model(ctx: Ctx) -> str:
    """The phase model that fits the scene: B2B's four steps for businesses, five phases
    for a service journey with much contact, else the simplest: before, during, after."""
    scene = ctx.workshop.scene
    if scene.market == "B2B":
        return "b2b_four_steps"
    return "five_phases" if scene.journey_type == "service" else "before_during_after"


def _suggestion(ctx: Ctx) -> dict[str, object]:
    return {"suggested": PHASE_MODELS[suggested_model(ctx)].label(ctx.lang)}


def _move_touchpoints(w: Workshop, old: list[Phase]) -> bool:
    """Put touchpoints of phases that no longer exist in the phase at the same place."""
    keys = [p.key for p in w.phases]
    old_keys = [p.key for p in old]
    moved = False
    for t in w.touchpoints:
        if t.phase in keys or not keys:
            continue
        at = old_keys.index(t.phase) if t.phase in old_keys else 0
        share = at / max(len(old_keys) - 1, 1)
        t.phase = keys[round(share * (len(keys) - 1))]
        moved = True
    return moved


def _model(ctx: Ctx, text: str) -> Accepted:
    key = reading.choice(text, model_choices(ctx), ctx.words)
    if key is None:
        raise Retry(ctx.prompts.say("choice_retry"))
    w = ctx.workshop
    if key == w.phase_model:
        return Accepted()
    old = list(w.phases)
    w.phase_model = key
    if key == CUSTOM:
        w.phases = []
        return Accepted()  # the custom question comes next; touchpoints move after it
    w.phases = [Phase(p.key, p.label(ctx.lang)) for p in PHASE_MODELS[key].phases]
    moved = _move_touchpoints(w, old)
    return Accepted(ctx.say("phases_moved") if moved else "")


def slug(label: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "phase"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def _custom(ctx: Ctx, text: str) -> Accepted:
    w = ctx.workshop
    added = []
    for item in reading.items(text, ctx.words, commas=True):
        w.phases.append(Phase(slug(item, {p.key for p in w.phases}), item))
        added.append(item)
    if not added:
        raise Retry(ctx.say("required"))
    moved = _move_touchpoints(w, [])
    note = [ctx.say("phases_moved")] if moved else []
    return Accepted(ctx.more(", ".join(added)), stay=True, notes=note)


def _phases_plan(w: Workshop) -> Iterator[Position]:
    yield Position.of("phases", "model")
    if w.phase_model == CUSTOM:
        yield Position.of("phases", "custom")


PHASES = StepDef(
    "phases",
    {
        "model": QDef("choice", _model, choices=model_choices, required=True,
                      current=lambda ctx: phase_model_label(ctx.workshop.phase_model, ctx.lang)
                      if ctx.workshop.phase_model else "",
                      fill=_suggestion, default=lambda ctx: str(_suggestion(ctx)["suggested"])),
        "custom": QDef("list", _custom, required=True,
                       current=lambda ctx: ", ".join(p.label for p in ctx.workshop.phases)),
    },
    _phases_plan,
    recap=lambda ctx: {"phases": ", ".join(
        p.label for p in ctx.workshop.phases)},
)
