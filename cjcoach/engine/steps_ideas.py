"""Step 4, first half: improvement ideas, the touchpoints and goals each one changes, and
its kind (bridge, task, fix, new).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cjcoach.engine import edits, reading
from cjcoach.engine.flow import (
    Accepted,
    Ctx,
    Position,
    QDef,
    Retry,
    StepDef,
    joined,
    signed,
)
from cjcoach.engine.steps_start import goal_lines
from cjcoach.model import Idea, Workshop

# --- ideas ---------------------------------------------------------------------------


def _touchpoint_lines(ctx: Ctx) -> str:
    """The touchpoints to pick from at the first idea: where it hurts now (a pain point or a
    bad feeling), with a line saying any other may be named too. All of them when none hurts."""
    w = ctx.workshop
    every = [(p, t) for p in w.personas for t in w.journey(p.id)]
    hurting = [(p, t) for p, t in every if t.pain_points or (t.emotion or 0) < 0]
    lines = []
    for p, t in hurting or every:
        mood = f" [{signed(t.emotion)}]" if t.emotion is not None else ""
        lines.append(f"  {t.id}  {t.name} ({p.name}, {w.phase_label(t.phase)}){mood}")
    if hurting and len(hurting) < len(every):
        lines.append(ctx.say("others_too", first=every[0][1].id, last=every[-1][1].id))
    return "\n".join(lines)


PAINS_SHOWN = 8
"""The pain points listed above the ideas question, the worst-felt touchpoints first."""


def _pains_line(ctx: Ctx) -> str:
    w = ctx.workshop
    felt = sorted(w.touchpoints, key=lambda t: t.emotion if t.emotion is not None else 0)
    pains = [f"{t.id} {t.name}: {m.text}" for t in felt for m in t.pain_points]
    if not pains:
        return ctx.say("no_pains")
    shown = joined(pains[:PAINS_SHOWN])
    if len(pains) > PAINS_SHOWN:
        shown += "\n" + ctx.say("pains_more", count=len(pains) - PAINS_SHOWN)
    return ctx.say("pains_header", pains=shown)


def _ideas(ctx: Ctx, text: str) -> Accepted:
    added = []
    for item in reading.items(text, ctx.words):
        idea = Idea(ctx.workshop.next_id("I"), item)
        ctx.workshop.ideas.append(idea)
        added.append(f"{idea.id} {idea.title}")
    return ctx.list_added(added)


def _idea_fill(ctx: Ctx) -> dict[str, object]:
    journey = [t for p in ctx.workshop.personas for t in ctx.workshop.journey(p.id)]
    worst = sorted(journey, key=lambda t: t.emotion if t.emotion is not None else 3)[:2]
    first = ctx.workshop.ideas and ctx.idea() is ctx.workshop.ideas[0]
    listed = _touchpoint_lines(ctx) if first else ctx.prompts.say("codes_above")
    return {"idea": ctx.idea().title, "touchpoints": listed,
            "business_goals": goal_lines(ctx.workshop),
            # the goals under the touchpoints once, at the first idea (like the touchpoints)
            "goals_once": goal_lines(ctx.workshop) if first else "",
            "example_refs": ", ".join(t.id for t in worst) or "T1"}


def _kind_choices(ctx: Ctx) -> list[tuple[str, str]]:
    raw = ctx.prompts.question("ideas", "kind").get("choices") or {}
    return [(str(k), str(v)) for k, v in raw.items()]


def suggested_kind(ctx: Ctx) -> str:
    """The kind the idea's touchpoints point to: a fix where they hurt, a bridge across
    online and offline, new when it changes none of them yet, else a task."""
    w = ctx.workshop
    touched = [t for t in w.touchpoints if t.id in ctx.idea().touchpoints]
    if not touched:
        return "new"
    if any(t.pain_points or (t.emotion is not None and t.emotion < 0) for t in touched):
        return "fix"
    channels = {t.channel for t in touched}
    if "both" in channels or {"online", "offline"} <= channels:
        return "bridge"
    return "task"


def _suggested_label(ctx: Ctx) -> str:
    """The suggested kind as the team sees it: its label up to the dash ("Fix")."""
    return dict(_kind_choices(ctx)).get(suggested_kind(ctx), "").split(" — ")[0]


def _kind_fill(ctx: Ctx) -> dict[str, object]:
    return {**_idea_fill(ctx), "suggested": _suggested_label(ctx)}


def _kind(ctx: Ctx, text: str) -> Accepted:
    key = reading.choice(text, _kind_choices(ctx), ctx.words)
    if key is None:
        raise Retry(ctx.prompts.say("choice_retry"))
    ctx.idea().kind = key  # type: ignore[assignment]
    return Accepted()


def same_name_too(ctx: Ctx, ids: list[str]) -> list[str]:
    """A touchpoint named by its name means every persona's touchpoint of that name."""
    names = {t.name.lower() for t in ctx.workshop.touchpoints if t.id in ids}
    out = list(ids)
    for t in ctx.workshop.touchpoints:
        if t.name.lower() in names and t.id not in out:
            out.append(t.id)
    return out


def unique_names(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Items whose name was already used are named by their id only, so a name is never
    ambiguous: "the webshop" means the first, and :func:`same_name_too` adds the others."""
    seen: set[str] = set()
    out = []
    for item_id, name in items:
        key = name.strip().lower()
        out.append((item_id, item_id if key in seen else name))
        seen.add(key)
    return out


def _idea_touchpoints(ctx: Ctx, text: str) -> Accepted:
    """The touchpoints an idea changes; business goal codes in the same answer ("T6, T7,
    G1") are the goals it serves, so that question is not asked any more."""
    w = ctx.workshop
    goal_ids = {g.id.lower(): g.id for g in w.business_goals}
    parts = [p for p in re.split(r"[,;\s]+", reading.clean(text)) if p]
    goals = [goal_ids[p.lower().strip(".")] for p in parts if p.lower().strip(".") in goal_ids]
    if goals:
        text = re.sub(r"\b(?:" + "|".join(re.escape(g) for g in goals) + r")\b", " ", text,
                      flags=re.IGNORECASE)
        text = re.sub(r"[,;\s]+$|^[,;\s]+", "", re.sub(r"\s*[,;]\s*(?=[,;]|$)", "", text))
        text = re.sub(r"^(?:en|and|&)\b\s*|\s*\b(?:en|and|&)$", "", text.strip(),
                      flags=re.IGNORECASE)  # "T17 en G2": the "en" was between them
        ctx.idea().goals = list(dict.fromkeys(goals))
        if not text.strip(" ,;·|-"):
            return Accepted(ctx.prompts.say("noted", items=", ".join(ctx.idea().goals)))
    ids, bad = reading.refs(text, unique_names([(t.id, t.name) for t in w.touchpoints]))
    if bad or not ids:
        raise Retry(ctx.prompts.say("refs_retry", what=", ".join(bad) or text, sample="T2"))
    explicit = all(re.fullmatch(r"[Tt]\d+", part.strip()) for part in re.split(r"[,;\s]+",
                                                                              text.strip()))
    ctx.idea().touchpoints = ids if explicit else same_name_too(ctx, ids)
    return Accepted(ctx.prompts.say("noted", items=", ".join(
        [edits.describe(w, t) for t in ctx.idea().touchpoints] + goals)))


def _idea_goals(ctx: Ctx, text: str) -> Accepted:
    ids, bad = reading.refs(text, [(g.id, g.text) for g in ctx.workshop.business_goals])
    if bad or not ids:
        raise Retry(ctx.prompts.say("refs_retry", what=", ".join(bad) or text, sample="G1"))
    ctx.idea().goals = ids
    return Accepted()


def _ideas_plan(w: Workshop) -> Iterator[Position]:
    yield Position.of("ideas", "ideas")
    for idea in w.ideas:  # the touchpoints first: they suggest the kind
        if w.touchpoints:
            yield Position.of("ideas", "touchpoints", idea=idea.id)
        if w.business_goals and (not idea.goals or not w.touchpoints):
            yield Position.of("ideas", "goals", idea=idea.id)  # unless already given above
        yield Position.of("ideas", "kind", idea=idea.id)


def ideas_now(ctx: Ctx) -> str:
    return "; ".join(f"{i.id} {i.title}" for i in ctx.workshop.ideas)


IDEAS = StepDef(
    "ideas",
    {
        "ideas": QDef("list", _ideas, required=True, current=ideas_now,
                      fill=lambda ctx: {"pains": _pains_line(ctx)}),
        "kind": QDef("choice", _kind, fill=_kind_fill, choices=_kind_choices,
                     current=lambda ctx: ctx.idea().kind, default=_suggested_label),
        "touchpoints": QDef("choice", _idea_touchpoints, fill=_idea_fill,
                            current=lambda ctx: ", ".join(ctx.idea().touchpoints)),
        "goals": QDef("choice", _idea_goals, fill=_idea_fill,
                      current=lambda ctx: ", ".join(ctx.idea().goals)),
    },
    _ideas_plan,
    recap=lambda ctx: {"count": len(ctx.workshop.ideas), "ideas": ideas_now(ctx)},
)
