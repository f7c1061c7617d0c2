"""Step 5, first half: each idea's value and effort, everyone's dot votes, and the ranking
that comes of them (shown again at the choice, in :mod:`steps_plan`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cjcoach.engine import reading
from cjcoach.engine.flow import (
    Accepted,
    Ctx,
    Position,
    QDef,
    Retry,
    StepDef,
    decimal,
)
from cjcoach.model import Workshop

# --- value, effort, votes ------------------------------------------------------------


_IDEA_CODE = re.compile(r"\b[Ii]\d+\b")


def _value_fill(ctx: Ctx) -> dict[str, object]:
    """The idea; at the first one, also how to give every idea its numbers at once."""
    w = ctx.workshop
    first = len(w.ideas) > 1 and ctx.idea() is w.ideas[0]
    return {"idea": ctx.idea().title, "at_once": ctx.say(
        "values_at_once", sample=w.ideas[1].id if len(w.ideas) > 1 else "I2") if first else ""}


def _three(ctx: Ctx, text: str) -> list[int]:
    """Customer value, business value and effort, each 1 to 5 ("4 3 2", "4, 3, 2")."""
    tokens = [tok for tok in re.split(r"[\s,;|/:=]+", text) if tok]
    values = [reading.scale(tok, 1, 5, ctx.words) for tok in tokens]
    if len(values) != 3 or any(v is None for v in values):
        raise Retry(ctx.retry())
    return values  # type: ignore[return-value]


def _value(ctx: Ctx, text: str) -> Accepted:
    """Three numbers for this idea, or a line per idea with its code ("I1 4 3 2", "I2 5 4
    3"): then the ideas named are done at once and their own questions are passed over."""
    cleaned = reading.clean(text)
    starts = [m for m in _IDEA_CODE.finditer(cleaned)]
    if not starts:
        per_idea = [(ctx.idea(), _three(ctx, cleaned))]
    else:
        if cleaned[:starts[0].start()].strip(" ,;\n"):
            raise Retry(ctx.retry())
        per_idea = []
        for m, nxt in zip(starts, [*starts[1:], None], strict=True):
            idea = ctx.workshop.idea(m.group().upper())
            if idea is None:
                raise Retry(ctx.prompts.say("refs_retry", what=m.group(), sample="I1"))
            chunk = cleaned[m.end():nxt.start() if nxt else len(cleaned)]
            per_idea.append((idea, _three(ctx, chunk)))
        if ctx.idea() not in [i for i, _ in per_idea]:  # "I2 4 5 3" at I1: not a guess
            raise Retry(ctx.say("values_this_one", id=ctx.idea().id))
    for idea, (customer, business, effort) in per_idea:
        idea.customer_value, idea.business_value, idea.effort = customer, business, effort
    shown = [ctx.say("value_done", customer=v[0], business=v[1], effort=v[2])
             if len(per_idea) == 1 else f"{i.id}: {v[0]} {v[1]} {v[2]}" for i, v in per_idea]
    return Accepted(" · ".join(shown) if len(per_idea) == 1 else ctx.say(
        "values_done", values="; ".join(shown)),
        answered=frozenset(Position.of("priorities", "value", idea=i.id) for i, _ in per_idea))


DOTS_PER_PERSON = 3
"""Dots each participant may spread over the ideas (the votes question says so)."""


def voters(w: Workshop) -> list[str]:
    return [p.name for p in w.scene.participants if p.name] or [""]


def _votes_fill(ctx: Ctx) -> dict[str, object]:
    voter = ctx.get("voter") or ctx.say("room")
    names = [v for v in voters(ctx.workshop) if v]
    first = len(names) > 1 and voter == names[0]
    return {"voter": voter, "ideas": "\n".join(f"  {i.id}  {i.title}"
                                              for i in ctx.workshop.ideas),
            "at_once": ctx.say("votes_at_once", first=names[0], second=names[1])
            if first else ""}


def _votes(ctx: Ctx, text: str) -> Accepted:
    """This voter's dots ("I1 I1 I3"), or everyone's at once ("Sanne: I1 I1; Ahmed: I3"):
    then the other voters' questions are passed over."""
    w = ctx.workshop
    voter = ctx.get("voter") or ctx.say("room")
    items = [(i.id, i.title) for i in w.ideas]
    names = [v for v in voters(w) if v]
    everyone = reading.votes_of(text, names, items) if ":" in text and len(names) > 1 \
        else None
    per_voter = everyone or {}
    if per_voter and voter not in per_voter:  # "Tom: I2 I2" at Noor's question
        raise Retry(ctx.say("votes_this_one", voter=voter))
    if not per_voter:
        counts = reading.votes(text, voter, items)
        if counts is None:
            raise Retry(ctx.retry())
        per_voter = {voter: counts}
    for counts in per_voter.values():
        if sum(counts.values()) > DOTS_PER_PERSON:
            raise Retry(ctx.say("too_many_dots", count=sum(counts.values()),
                                limit=DOTS_PER_PERSON))
    for who, counts in per_voter.items():
        for idea in w.ideas:
            idea.votes.pop(who, None)
            if counts.get(idea.id):
                idea.votes[who] = counts[idea.id]
    several = len(per_voter) > 1  # "Sanne: I1 2 dots, I2 1 dot; Ahmed: …"
    shown = "; ".join((f"{who}: " if several else "") + ", ".join(
        f"{k}{' ' if several else ': '}{dots(ctx, v)}" for k, v in counts.items())
        for who, counts in per_voter.items())
    return Accepted(ctx.say("votes_done", votes=shown), answered=frozenset(
        Position.of("priorities", "votes", voter=who) for who in per_voter))


def dots(ctx: Ctx, count: int) -> str:
    """``1 stip``, ``2 stippen`` / ``1 dot``, ``2 dots``."""
    return ctx.prompts.step_say("priorities", "dots_one" if count == 1 else "dots_many",
                                count=count)


def _votes_now(ctx: Ctx) -> str:
    voter = ctx.get("voter") or ctx.say("room")
    return ", ".join(f"{i.id} {i.votes[voter]}" for i in ctx.workshop.ideas if voter in i.votes)


def _priorities_plan(w: Workshop) -> Iterator[Position]:
    for idea in w.ideas:
        yield Position.of("priorities", "value", idea=idea.id)
    if w.ideas:
        for voter in voters(w):
            yield Position.of("priorities", "votes", voter=voter)


def ranking(ctx: Ctx) -> str:
    lines = []
    for n, idea in enumerate(ctx.workshop.ranked_ideas(), 1):
        priority = idea.priority()
        score = decimal(ctx.lang, priority) if priority is not None else "-"
        flag = " (!)" if idea.heavy_conflicts() else ""
        lines.append("  " + ctx.prompts.step_say(
            "priorities", "rank_line", n=n, id=idea.id, title=idea.title, score=score,
            dots=dots(ctx, idea.total_votes()), flag=flag))
    return "\n".join(lines)


PRIORITIES = StepDef(
    "priorities",
    {
        "value": QDef("table", _value, fill=_value_fill,
                      current=lambda ctx: " ".join(str(v) for v in (
                          ctx.idea().customer_value, ctx.idea().business_value,
                          ctx.idea().effort) if v is not None)),
        "votes": QDef("table", _votes, fill=_votes_fill, current=_votes_now),
    },
    _priorities_plan,
    recap=lambda ctx: {  # the ranking itself comes right after, with the choice
        "scored": sum(i.priority() is not None for i in ctx.workshop.ideas),
        "count": len(ctx.workshop.ideas),
        "dots": dots(ctx, sum(i.total_votes() for i in ctx.workshop.ideas))},
)


def ranking_rule(ctx: Ctx) -> str:
    """How the ranking is made, in words; with what "(!)" means when an idea has it."""
    rule = ctx.prompts.step_say("priorities", "rank_rule")
    if any(i.heavy_conflicts() for i in ctx.workshop.ideas):
        rule += " " + ctx.prompts.step_say("priorities", "rank_flag")
    return rule
