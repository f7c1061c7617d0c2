"""Step 1c: where the business goals and the customer goals meet.

One question per customer goal: "which business goal, and how?" (``G1: a test ride on
her route``); the "how" is asked on its own only when the team gave just a code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cjcoach.engine import reading
from cjcoach.engine.flow import Accepted, Ctx, Position, QDef, Retry, StepDef
from cjcoach.engine.steps_start import goal_line_short, goal_lines, text_or_retry
from cjcoach.model import Alignment, Workshop

# --- alignment -----------------------------------------------------------------------


def _goal_fill(ctx: Ctx) -> dict[str, object]:
    goal = ctx.workshop.customer_goal(ctx.get("goal"))
    persona = ctx.workshop.persona(ctx.get("persona"))
    if goal is None or persona is None:
        raise Retry(ctx.say("gone"))
    w = ctx.workshop
    first = next((g for p in w.personas for g in p.goals), None) is goal
    return {"persona": persona.name, "goal": goal.text,  # in full at the first goal only
            "business_goals": goal_lines(w) if first else goal_line_short(w)}


_GOAL_HEAD = re.compile(r"^((?:[A-Za-z]\d+(?:\s*(?:,|&|\+|\ben\b|\band\b)\s*|\s+))*"
                        r"[A-Za-z]\d+)\b[\s:,;.–—-]*(.*)$", re.S)


def split_meets(ctx: Ctx, text: str) -> tuple[list[str], str] | None:
    """``G1: een proefrit op haar route`` → ``(["G1"], "een proefrit op haar route")``.

    The business goals come first, by code or by name, then (after a colon, a dash or just
    a space after the codes) how the two meet. ``None`` for "geen" / "none".
    """
    w = ctx.workshop
    goals = [(g.id, g.text) for g in w.business_goals]
    cleaned = reading.clean(text)
    none_words = [x.strip() for x in ctx.say("none_words").split(",")]
    head_word = re.split(r"[\s:,.!–—-]+", cleaned.lower(), maxsplit=1)[0]
    if cleaned.lower().strip(" .!") in none_words or head_word in none_words:
        return None
    candidates: list[tuple[str, str]] = []
    if m := _GOAL_HEAD.match(cleaned):
        candidates.append((m.group(1), m.group(2)))
    for sep in (":", " - ", " – ", " — "):
        if sep in cleaned:
            head, _, rest = cleaned.partition(sep)
            candidates.append((head, rest))
    candidates.append((cleaned, ""))
    for head, rest in candidates:
        ids, bad = reading.refs(head, goals)
        if ids and not bad:
            return ids, rest.strip()
    known = {g.id.lower(): g.id for g in w.business_goals}
    codes = [known[c.lower()] for c in re.findall(r"\b[Gg]\d+\b", cleaned) if c.lower() in known]
    if codes:  # "weet ik niet echt, g2 misschien, nek groepje": the code typed counts
        parts = [p.strip() for p in re.split(r"[,;]", cleaned) if p.strip()]
        how = [p for p in parts if not re.search(r"\b[Gg]\d+\b", p) and not (
            len(p.split()) <= 4 and reading.has_doubt(p, ctx.words))]
        # "weet ik niet echt" is no way of helping
        return list(dict.fromkeys(codes)), ", ".join(how)
    lowered = f" {reading.clean(cleaned).lower()} "
    no_fit = [x.strip() for x in ctx.say("no_fit_words").split(",")]
    if any(f" {phrase} " in lowered or f" {phrase}," in lowered or f" {phrase}." in lowered
           for phrase in no_fit if phrase):
        return None  # "weet ik niet, past niet echt": no goal named, and it says it fits none
    _, bad = reading.refs(candidates[0][0], goals)
    raise Retry(ctx.prompts.say("refs_retry", what=", ".join(bad) or cleaned, sample="G1"))


_NEXT_GOAL = re.compile(r"(?:[.;]\s*(?:(?:and|en|&)\s+)?|\s+(?:and|en|&)\s+)(?=[Gg]\d+\b)")
"""Where a second goal with its own "how" starts, after a full stop, ";" or "and": "g3 -
shampoo so it lasts. and g1 book her next visit"."""


def _per_goal(ctx: Ctx, text: str) -> list[tuple[str, str]] | None:
    """``G3: colour-safe shampoo. and G1 book her next visit`` → each goal with its own how,
    or ``None`` when the answer is not several goals each followed by a how."""
    cleaned = reading.clean(text)
    known = {g.id.lower() for g in ctx.workshop.business_goals}

    def code_at(at: int) -> bool:
        words = cleaned[at:].split()
        return bool(words) and re.split(r"[:,.–—-]", words[0])[0].lower() in known

    starts = [m.end() for m in _NEXT_GOAL.finditer(cleaned) if code_at(m.end())]
    if not starts or not code_at(0):
        return None
    pieces = [cleaned[a:b].strip() for a, b in zip([0, *starts], [*starts, len(cleaned)],
                                                   strict=True)]
    pairs = []
    for piece in pieces:
        try:
            found = split_meets(ctx, piece) if piece else None
        except Retry:
            return None
        if found is None or len(found[0]) != 1 or not found[1]:
            return None  # "G1 en G2: …" or a code with nothing after it: one how for all
        how = re.sub(r"[\s.;,]*(?:\b(?:and|en|&))?[\s.;,]*$", "", found[1])
        if not [w for w in how.split() if not reading.starts_a_clause(w.strip(".,;:"))]:
            return None  # "G1 en G2: …" (no how of its own), "G2 ook wel": one how for all
        pairs.append((found[0][0], how))
    return pairs if len({g for g, _ in pairs}) == len(pairs) else None


def _meets(ctx: Ctx, text: str) -> Accepted:
    w = ctx.workshop
    goal = ctx.get("goal")
    if (each := _per_goal(ctx, text)) is not None:  # a how for each goal
        w.alignments = [a for a in w.alignments if a.customer_goal != goal]
        for gid, how in each:
            w.alignments.append(Alignment(w.next_id("A"), gid, goal, how))
        return Accepted(ctx.prompts.say("noted", items="; ".join(
            f"{gid} — {how}" for gid, how in each)))
    found = split_meets(ctx, text)
    ids, statement = found if found is not None else ([], "")
    old = [a for a in w.alignments if a.customer_goal == goal]
    statement = statement or (old[0].statement if old else "")
    w.alignments = [a for a in w.alignments if a.customer_goal != goal]
    for gid in ids:
        w.alignments.append(Alignment(w.next_id("A"), gid, goal, statement))
    if not ids:
        return Accepted(ctx.say("meets_none"))
    return Accepted(ctx.say("meets_done", goals=", ".join(ids), how=statement)
                    if statement else "")


def _meets_now(ctx: Ctx) -> str:
    linked = [a for a in ctx.workshop.alignments if a.customer_goal == ctx.get("goal")]
    ids = ", ".join(a.business_goal for a in linked)
    return f"{ids}: {linked[0].statement}" if linked and linked[0].statement else ids


def _how(ctx: Ctx, text: str) -> Accepted:
    value = text_or_retry(ctx, text)
    for a in ctx.workshop.alignments:
        if a.customer_goal == ctx.get("goal"):
            a.statement = value
    return Accepted()


def _how_now(ctx: Ctx) -> str:
    return next((a.statement for a in ctx.workshop.alignments
                 if a.customer_goal == ctx.get("goal")), "")


def _alignment_plan(w: Workshop) -> Iterator[Position]:
    if not w.business_goals:
        return
    for p, c in w.customer_goals():
        yield Position.of("alignment", "meets", persona=p.id, goal=c.id)
        linked = [a for a in w.alignments if a.customer_goal == c.id]
        if linked and not linked[0].statement:  # only when the team did not say how yet
            yield Position.of("alignment", "how", persona=p.id, goal=c.id)


ALIGNMENT = StepDef(
    "alignment",
    {
        "meets": QDef("choice", _meets, fill=_goal_fill, current=_meets_now),
        "how": QDef("text", _how, fill=_goal_fill, current=_how_now),
    },
    _alignment_plan,
    recap=lambda ctx: {"count": len(ctx.workshop.alignments)},
)
