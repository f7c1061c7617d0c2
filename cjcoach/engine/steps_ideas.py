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
from cjcoach.engine.steps_start import goal_line_short, goal_lines, short_line
from cjcoach.model import Idea, Persona, Touchpoint, Workshop

# --- ideas ---------------------------------------------------------------------------


def _hurting(w: Workshop) -> tuple[list[tuple[Persona, Touchpoint]],
                                   list[tuple[Persona, Touchpoint]]]:
    """Every touchpoint with its persona, and those where it hurts now (a pain point or a
    bad feeling)."""
    every = [(p, t) for p in w.personas for t in w.journey(p.id)]
    return every, [(p, t) for p, t in every if t.pain_points or (t.emotion or 0) < 0]


def _touchpoint_lines(ctx: Ctx) -> str:
    """The touchpoints to pick from at the first idea: where it hurts now (a pain point or a
    bad feeling), with a line saying any other may be named too. All of them when none hurts."""
    w = ctx.workshop
    every, hurting = _hurting(w)
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
        more = len(pains) - PAINS_SHOWN
        shown += "\n" + ctx.say("pains_more_one" if more == 1 else "pains_more", count=more)
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
    if first:
        listed = _touchpoint_lines(ctx)
    else:  # a reminder on two lines: where it hurts, and the goals
        every, hurting = _hurting(ctx.workshop)
        by_name: dict[str, list[str]] = {}  # a moment two personas share: "T3/T8 Website"
        for _, t in hurting or every:
            by_name.setdefault(t.name.casefold(), [t.name]).append(t.id)
        listed = "\n".join([short_line([("/".join(ids[1:]), ids[0])
                                        for ids in by_name.values()], 3),
                            goal_line_short(ctx.workshop, 3), ctx.prompts.say("codes_above")])
    return {"idea": ctx.idea().title, "touchpoints": listed,
            "business_goals": goal_lines(ctx.workshop),
            # the goals under the touchpoints once, at the first idea (like the touchpoints)
            "goals_once": goal_lines(ctx.workshop) if first else "",
            "example_refs": ", ".join(t.id for t in worst) or "T1"}


def _kind_choices(ctx: Ctx) -> list[tuple[str, str]]:
    raw = ctx.prompts.question("ideas", "kinds").get("choices") or {}
    return [(str(k), str(v)) for k, v in raw.items()]


def _short(ctx: Ctx, kind: str) -> str:
    """A kind as the team sees it: its label up to the dash ("Fix")."""
    return dict(_kind_choices(ctx)).get(kind, kind).split(" — ")[0]


def suggested_kind(w: Workshop, idea: Idea) -> str:
    """The kind the idea's touchpoints point to: a fix where they hurt, a bridge across
    online and offline, new when it changes none of them yet, else a task."""
    touched = [t for t in w.touchpoints if t.id in idea.touchpoints]
    if not touched:
        return "new"
    if any(t.pain_points or (t.emotion is not None and t.emotion < 0) for t in touched):
        return "fix"
    channels = {t.channel for t in touched}
    if "both" in channels or {"online", "offline"} <= channels:
        return "bridge"
    return "task"


def _kinds_fill(ctx: Ctx) -> dict[str, object]:
    """Every idea with the kind it has (or that its touchpoints suggest), and the kinds."""
    w = ctx.workshop
    lines = "\n".join(f"  {i.id}  {i.title}: {_short(ctx, i.kind or suggested_kind(w, i))}"
                      for i in w.ideas)
    kinds = "\n".join(f"  {n}. {label}" for n, (_, label) in enumerate(_kind_choices(ctx), 1))
    last = w.ideas[-1] if w.ideas else None
    now = (last.kind or suggested_kind(w, last)) if last else ""
    other = next((k for k, _ in _kind_choices(ctx) if k not in (now, "bridge")), "task")
    return {"ideas": lines, "kinds": kinds, "sample": last.id if last else "I1",
            "other": _short(ctx, other).lower(),
            "in_order": " ".join(_short(ctx, k).lower() for k, _ in (
                _kind_choices(ctx) * len(w.ideas))[:max(len(w.ideas), 2)])}


def _kind_of(ctx: Ctx, word: str) -> str | None:
    """"fix", "Oplossen", "3": a kind's key; anything else ``None``."""
    choices = [(k, _short(ctx, k)) for k, _ in _kind_choices(ctx)]
    return reading.choice(word, choices, ctx.words)


_IDEA = re.compile(r"^[Ii]\d+$")


def _kinds(ctx: Ctx, text: str) -> Accepted:
    """"I2 taak, I4 nieuw", "fix task fix" (every idea in order), "allemaal taak" or one
    kind for all; ideas not named keep what their touchpoints suggest."""
    w = ctx.workshop
    ids = {i.id.lower(): i for i in w.ideas}
    all_words = ctx.say("all_words")
    rest = reading.after_all(text, all_words)
    tokens = [tok for tok in re.split(r"[\s,;:=|]+|\s[-–—]\s", rest if rest is not None else text)
              if tok and reading.fold(tok) not in {"en", "and", "&", "is", "-"}]
    given: dict[str, str] = {}
    waiting: list[Idea] = []
    loose: list[str] = []  # kinds typed without a code
    for tok in tokens:
        if _IDEA.match(tok):
            idea = ids.get(tok.lower())
            if idea is None:
                raise Retry(ctx.prompts.say("refs_retry", what=tok, sample=w.ideas[0].id))
            waiting.append(idea)
            continue
        kind = _kind_of(ctx, tok)
        if kind is None:
            raise Retry(ctx.say("kinds_item", item=tok))
        if waiting:
            given.update((i.id, kind) for i in waiting)
            waiting = []
        else:
            loose.append(kind)
    if waiting or (loose and given):
        raise Retry(ctx.retry())  # "I2" without a kind, or kinds both with and without codes
    if loose:
        if len(loose) == 1:  # "taak", "allemaal taak": one kind for every idea
            given = {i.id: loose[0] for i in w.ideas}
        elif len(loose) == len(w.ideas):
            given = {i.id: k for i, k in zip(w.ideas, loose, strict=True)}
        else:
            raise Retry(ctx.say("kinds_count", given=len(loose), needed=len(w.ideas)))
    for idea in w.ideas:
        idea.kind = given.get(idea.id) or idea.kind or suggested_kind(w, idea)  # type: ignore
    return Accepted(ctx.say("kinds_done", items=" · ".join(
        f"{i.id} {_short(ctx, i.kind)}" for i in w.ideas)))


def _suggested(ctx: Ctx) -> str:
    """What Enter answers: each idea the kind its touchpoints suggest ("I1 fix, I2 task")."""
    w = ctx.workshop
    return ", ".join(f"{i.id} {_short(ctx, i.kind or suggested_kind(w, i))}" for i in w.ideas)


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
    return Accepted(ctx.prompts.say("noted", items=", ".join(ids)))


def _ideas_plan(w: Workshop) -> Iterator[Position]:
    yield Position.of("ideas", "ideas")
    for idea in w.ideas:
        if w.touchpoints:
            yield Position.of("ideas", "touchpoints", idea=idea.id)
        if w.business_goals and (not idea.goals or not w.touchpoints):
            yield Position.of("ideas", "goals", idea=idea.id)  # unless already given above
    if w.ideas:  # then every idea's kind at once: their touchpoints suggest one
        yield Position.of("ideas", "kinds")


def ideas_now(ctx: Ctx) -> str:
    return "; ".join(f"{i.id} {i.title}" for i in ctx.workshop.ideas)


IDEAS = StepDef(
    "ideas",
    {
        "ideas": QDef("list", _ideas, required=True, current=ideas_now,
                      fill=lambda ctx: {"pains": _pains_line(ctx)}),
        "kinds": QDef("table", _kinds, fill=_kinds_fill, default=_suggested, many=False,
                      current=lambda ctx: ", ".join(
                          f"{i.id} {_short(ctx, i.kind)}" for i in ctx.workshop.ideas)
                      if all(i.kind for i in ctx.workshop.ideas) else ""),
        "touchpoints": QDef("choice", _idea_touchpoints, fill=_idea_fill,
                            current=lambda ctx: ", ".join(ctx.idea().touchpoints)),
        "goals": QDef("choice", _idea_goals, fill=_idea_fill,
                      current=lambda ctx: ", ".join(ctx.idea().goals)),
    },
    _ideas_plan,
    recap=lambda ctx: {"count": len(ctx.workshop.ideas), "ideas": ideas_now(ctx)},
)
