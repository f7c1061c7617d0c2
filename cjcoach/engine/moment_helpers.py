"""Who could help at the moments that hurt: one question per persona, after its pain points.

METHOD asks, for every negative moment, which teams are involved and who else could help.
Asking that after each pain point made it the most repeated question of the workshop, so
it comes once, with every touchpoint that has a pain point still without helpers listed
next to who looks after it now. Enter keeps those owners; an answer names others:

- ``T5 marketing, sales; T8 sales, management`` (a code, then who; ``;``, a new line or a
  comma before the next code separates them), ``T5, T8: sales``;
- ``sales: T5, T8`` (who, then the codes);
- ``marketing and sales`` (no codes: all of them).

Whoever is named comes next to the owner (who looks after the moment is always involved:
"T7 sanne" at Henk's moment is Henk and Sanne); touchpoints the answer does not name keep
their owner, as the question says.
"""

from __future__ import annotations

import re

from cjcoach.engine import reading
from cjcoach.engine.flow import Accepted, Ctx, Retry
from cjcoach.engine.touchpoint_columns import LEADING_CODES, code_parts, refs
from cjcoach.engine.touchpoint_details import refuse_me
from cjcoach.model import Touchpoint, Workshop


def waiting(w: Workshop, persona: str) -> list[Touchpoint]:
    """The persona's touchpoints with a pain point that no one has been named for."""
    return [t for t in w.journey(persona) if any(not m.teams for m in t.pain_points)]


def _asked(ctx: Ctx) -> list[Touchpoint]:
    """The touchpoints this question is about: those waiting, or (asked again after
    /back) every one with a pain point."""
    journey = ctx.workshop.journey(ctx.persona().id)
    return waiting(ctx.workshop, ctx.persona().id) or [t for t in journey if t.pain_points]


def helpers_fill(ctx: Ctx) -> dict[str, object]:
    """The touchpoints with their pain points' owner, and an example that fits."""
    asked = _asked(ctx)
    nobody = ctx.say("helpers_no_owner")
    listed = "\n".join(f"  {t.id}  {t.name}: {t.owner or nobody}" for t in asked)
    first, last = (asked[0], asked[-1]) if asked else (None, None)
    owner = first.owner if first and first.owner else ctx.say("sample_team")
    example = f"{first.id if first else 'T1'} {owner}, {ctx.say('sample_helper')}"
    if last is not None and last is not first:
        example += f"; {last.id} {ctx.say('sample_other')}"
    return {"persona": ctx.persona().name, "touchpoints": listed, "example": example,
            "first": first.id if first else "T1", "owner": owner}


def _names(ctx: Ctx, text: str) -> list[str]:
    """"marketing, sales en Lies" as three names; "niemand" as none."""
    text = re.sub(r"(?:^|\s)(?:en|and|&|\+)(?=\s)", ",", text)
    found = [n.strip(" .") for n in reading.items(text, ctx.words, commas=True)]
    refuse_me(ctx, found)  # as at the owners question: "ik" means nobody to a reader
    nobody = ctx.word_list("nobody_words", "touchpoints")
    return [n for n in found if n and reading.fold(n) not in nobody]


def _read(ctx: Ctx, text: str, asked: list[Touchpoint]) -> dict[str, list[str]]:
    """Who the answer names for which touchpoint (by id); ``""`` for "all of them"."""
    named: dict[str, list[str]] = {}
    for part in code_parts(text):
        if m := LEADING_CODES.match(part):  # "T5 marketing, sales"
            touchpoints, who = refs(ctx, m.group("codes"), asked), m.group("role")
        elif ":" in part:  # "sales: T5, T8"
            who, _, codes = part.partition(":")
            touchpoints = refs(ctx, codes, asked)
        else:  # "marketing and sales": every one
            touchpoints, who = [], part
        names = _names(ctx, who.strip(" :|-–—"))
        if not names or any(len(n.split()) > 4 for n in names):
            raise Retry(ctx.say("helpers_item", item=part))
        targets: list[Touchpoint | None] = [*touchpoints] or [None]  # None: all of them
        for t in targets:
            key = t.id if t is not None else ""
            named[key] = _unique([*named.get(key, []), *names])
    return named


def helpers(ctx: Ctx, text: str) -> Accepted:
    asked = _asked(ctx)
    if not asked:
        raise Retry(ctx.say("gone"))
    named = _read(ctx, reading.clean(text), asked)
    everyone = named.pop("", [])
    given: list[str] = []
    for t in asked:
        who = _unique([*([t.owner] if t.owner else []), *named.get(t.id, []), *everyone])
        # the owner (what Enter gives) fills only the pain points no one was named for yet
        said = bool(everyone) or named.get(t.id, [t.owner]) != [t.owner]
        for m in t.pain_points:
            if said or not m.teams:
                m.teams = list(who)
        shown = _unique([team for m in t.pain_points for team in m.teams])
        given.append(f"{t.id} {', '.join(shown) if shown else ctx.say('helpers_nobody')}")
    return Accepted(ctx.say("helpers_done", items=" · ".join(given)))


def _unique(names: list[str]) -> list[str]:
    """``names`` once each, compared without case ("Henk", "henk"), first spelling kept."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


def keep_owners(ctx: Ctx) -> str:
    """What Enter answers: each touchpoint keeps who looks after it now ("T5 marketing;
    T8 sales"), or nothing when none has an owner (then Enter leaves them open)."""
    return "; ".join(f"{t.id} {t.owner}" for t in _asked(ctx) if t.owner)


def given(ctx: Ctx) -> str:
    """Who was named so far, when the question comes again ("T5 marketing, sales · …")."""
    journey = ctx.workshop.journey(ctx.persona().id)
    if waiting(ctx.workshop, ctx.persona().id):
        return ""  # asked for the first time: Enter takes the owners
    return " · ".join(f"{t.id} {', '.join(t.pain_points[0].teams)}" for t in journey
                      if t.pain_points and t.pain_points[0].teams)
