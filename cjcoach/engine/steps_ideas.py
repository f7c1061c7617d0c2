"""Steps 4 and 5: ideas, their 7S check, value and votes, the plan and the next review.

The 7S check takes seven scores in one line (``1 0 -1 2 0 0 1``); a team that wants to
talk each element through types ``walk`` and gets one question per element.
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
    decimal,
    joined,
    signed,
)
from cjcoach.engine.steps_start import goal_lines
from cjcoach.model import SEVEN_S, Idea, SevenSScore, Workshop

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


# --- the 7S check --------------------------------------------------------------------


def element_name(ctx: Ctx, element: str) -> tuple[str, str]:
    info = (ctx.prompts.section("impact", "elements") or {}).get(element) or {}
    return str(info.get("name", element)), str(info.get("help", ""))


def _scores_fill(ctx: Ctx) -> dict[str, object]:
    first = ctx.workshop.ideas and ctx.idea() is ctx.workshop.ideas[0]
    names = [(n, *element_name(ctx, element)) for n, element in enumerate(SEVEN_S, 1)]
    if first:  # what each element means is said once, at the first idea; then one line
        return {"idea": ctx.idea().title,
                "elements": "\n".join(f"  {n}. {name} — {help_text}"
                                      for n, name, help_text in names)}
    return {"idea": ctx.idea().title,
            "elements": "  " + " · ".join(f"{n}\u00a0{name}"  # a wrap never parts them
                                          for n, name, _ in names)}


def _scores_text(ctx: Ctx, idea: Idea) -> str:
    return ", ".join(f"{element_name(ctx, s)[0]} {signed(sc.score)}"
                     for s in SEVEN_S if (sc := idea.seven_s.get(s)) and sc.score is not None)


def _heavy(ctx: Ctx, idea: Idea) -> str:
    heavy = [element_name(ctx, s)[0] for s in idea.heavy_conflicts()]
    return ctx.say("heavy", elements=", ".join(heavy)) if heavy else ""


def _score_word(ctx: Ctx, text: str) -> int | None:
    folded = reading.fold(text).strip(" .!,;:")
    for value, phrases in (ctx.prompts.section("impact", "score_words") or {}).items():
        if folded in [reading.fold(str(p)) for p in phrases or []]:
            return int(str(value))
    return None


def score_of(ctx: Ctx, text: str) -> int | None:
    """A 7S score from a number or from the question's own words ("past goed" is +2)."""
    found = _score_word(ctx, text)
    return found if found is not None else reading.score(text, ctx.words)


def _score_and_note(ctx: Ctx, text: str) -> tuple[int, str] | None:
    """``"past goed, we hebben al een kassa"`` → ``(2, "we hebben al een kassa")``;
    ``"-1 geen tijd"`` → ``(-1, "geen tijd")``."""
    words = text.split()
    for cut in range(min(len(words), 4), 0, -1):
        value = _score_word(ctx, " ".join(words[:cut]))
        if value is not None:
            return value, " ".join(words[cut:]).strip(" -–:,;")
    if words and (value := reading.score(words[0].rstrip(",;:"), ctx.words)) is not None:
        return value, " ".join(words[1:]).strip(" -–:,;")
    value = reading.score(text, ctx.words)
    return (value, "") if value is not None else None


def _element_words(ctx: Ctx) -> list[tuple[str, str]]:
    """(folded word, element) for every element's name and its other words, longest first."""
    found = []
    for element in SEVEN_S:
        info = (ctx.prompts.section("impact", "elements") or {}).get(element) or {}
        for word in [info.get("name", element), *(info.get("also") or [])]:
            found.append((reading.fold(str(word)), element))
    return sorted(found, key=lambda pair: -len(pair[0]))


def _scores_in_words(ctx: Ctx, text: str) -> list[int] | None:
    """``past goed bij strategie en waarden, botst met personeel`` → seven scores (the
    elements not named are 0), ``None`` when the answer names no element, and ``[]`` when
    it does but cannot be read without guessing (a negation, a number outside -2..2).

    Each part between commas (or "maar"/"but") gives its score words to the elements it
    names; a part that names elements without a score word takes the one before it.
    """
    folded = f" {reading.fold(text)} "
    named = _element_words(ctx)
    if not any(f" {word} " in folded or f" {word}," in folded for word, _ in named):
        return None
    phrases = sorted(((reading.fold(str(p)), int(str(v))) for v, ps in (ctx.prompts.section(
        "impact", "score_words") or {}).items() for p in ps or []), key=lambda x: -len(x[0]))
    scores = dict.fromkeys(SEVEN_S, 0)
    value: int | None = None
    for part in re.split(r"[,;.]|\bmaar\b|\bbut\b", folded):
        part = f" {part.strip()} "
        if not any(f" {word} " in part for word, _ in named):
            continue  # an explanation between the scores ("weet niet of dat kan, dus …")
        hit = next(((p, v) for p, v in phrases if f" {p} " in part), None)
        said = hit[1] if hit else None
        numbers = re.findall(r"(?<!\S)[+-]?\d+(?!\S)", part)
        if any(not -2 <= int(n) <= 2 for n in numbers) or len(numbers) > 1:
            return []  # "personeel -3": no such score, ask again
        if said is None and numbers:
            said = int(numbers[0])
        rest = part.replace(f" {hit[0]} ", " ") if hit else part
        if ctx.words.negations.find(rest.strip()):
            return []  # "past niet bij …", "geen tijd": not read as a score, ask again
        value = said if said is not None else value
        hits = []
        for word, element in named:
            if f" {word} " in part:
                hits.append(element)
                part = part.replace(f" {word} ", " ")
        if hits and value is None:
            return None  # "strategie en personeel": which way? ask again
        for element in hits:
            scores[element] = value  # type: ignore[assignment]
    return [scores[s] for s in SEVEN_S]


_REASON = re.compile(r"[,;]?\s+(?:want|omdat|doordat|aangezien|because|since)\s+(.+)$",
                     re.IGNORECASE | re.S)


def _reason(text: str) -> tuple[str, str]:
    """"botst met systemen want we hebben geen planningstool": the scores, and the reason
    (kept as the note of the point named last)."""
    m = _REASON.search(text)
    return (text[:m.start()], m.group(1).strip()) if m else (text, "")


def _last_named(ctx: Ctx, text: str) -> str:
    folded = f" {reading.fold(text)} "
    at = [(folded.rfind(f" {word}"), element) for word, element in _element_words(ctx)]
    return max(((i, e) for i, e in at if i >= 0), default=(-1, ""))[1]


def _scores(ctx: Ctx, text: str) -> Accepted:
    idea = ctx.idea()
    walk = [x.strip() for x in ctx.say("walk_words").split(",")]
    if reading.clean(text).lower().strip(" .!") in walk:
        for s in SEVEN_S:
            idea.seven_s.setdefault(s, SevenSScore())
        return Accepted(ctx.say("walk_start"))
    cleaned, reason = _reason(reading.clean(text))
    said = cleaned
    in_words = _scores_in_words(ctx, cleaned)
    if in_words == []:
        raise Retry(ctx.retry())
    rest = reading.after_all(cleaned, ctx.say("all_words"))
    if in_words is not None and rest is not None:
        raise Retry(ctx.retry())  # "allemaal 1 behalve personeel -2": not guessed at
    if rest is not None:
        found = _score_and_note(ctx, rest)  # "allemaal 1, denk ik": seven times 1
        if found is None:
            raise Retry(ctx.retry())
        cleaned = " ".join([str(found[0])] * len(SEVEN_S))
    if in_words is not None:
        cleaned = " ".join(str(v) for v in in_words)  # "past goed bij strategie, botst met …"
    separated = re.search(r"[,;|]", cleaned) is not None
    tokens = [tok.strip() for tok in re.split(r"[,;|]+" if separated else r"\s+", cleaned)
              if tok.strip()]
    values = [0 if tok == "?" else score_of(ctx, tok) for tok in tokens]  # "?": not sure, 0
    if any(v is None for v in values):
        raise Retry(ctx.retry())
    if len(values) != len(SEVEN_S):
        raise Retry(ctx.say("count_wrong", given=len(values), needed=len(SEVEN_S)))
    about = _last_named(ctx, said) if reason else ""  # "… botst met systemen, want …"
    if reason and not about:
        raise Retry(ctx.retry())  # seven numbers and a reason: which point is it about?
    for s, v in zip(SEVEN_S, values, strict=True):
        note = reason if s == about else idea.seven_s[s].note if s in idea.seven_s else ""
        idea.seven_s[s] = SevenSScore(v, note)
    notes = [x for x in [_heavy(ctx, idea)] if x]
    return Accepted(ctx.say("read_as", scores=_scores_text(ctx, idea)), notes=notes)


def _element_fill(ctx: Ctx) -> dict[str, object]:
    name, help_text = element_name(ctx, ctx.get("element"))
    return {"idea": ctx.idea().title, "element_name": name, "element_help": help_text}


def _element(ctx: Ctx, text: str) -> Accepted:
    idea = ctx.idea()
    found = _score_and_note(ctx, reading.clean(text))
    if found is None:
        raise Retry(ctx.retry())
    value, note = found
    idea.seven_s[ctx.get("element")] = SevenSScore(value, note)
    return Accepted()


def _walking(idea: Idea) -> bool:
    return bool(idea.seven_s) and any(sc.score is None for sc in idea.seven_s.values())


def _impact_plan(w: Workshop) -> Iterator[Position]:
    for idea in w.ideas:
        yield Position.of("impact", "scores", idea=idea.id)
        if _walking(idea):
            for s in SEVEN_S:
                yield Position.of("impact", "element", idea=idea.id, element=s)


def _impact_recap(ctx: Ctx) -> dict[str, object]:
    w = ctx.workshop
    checked = [i for i in w.ideas if i.seven_s and not _walking(i)]
    clashes = [f"{i.id} {i.title}" for i in w.ideas if i.heavy_conflicts()]
    text = ctx.say("clash", items="; ".join(clashes)) if clashes else ctx.say("no_clash")
    return {"checked": len(checked), "count": len(w.ideas), "clashes": text}


IMPACT = StepDef(
    "impact",
    {
        "scores": QDef("table", _scores, fill=_scores_fill,
                       current=lambda ctx: _scores_text(ctx, ctx.idea())),
        "element": QDef("scale", _element, fill=_element_fill,
                        current=lambda ctx: str(sc.score) if (sc := ctx.idea().seven_s.get(
                            ctx.get("element"))) and sc.score is not None else ""),
    },
    _impact_plan,
    recap=_impact_recap,
)


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
