"""Step 5, second half: choosing ideas, the plan for each, and the next review."""

from __future__ import annotations

import calendar
import datetime
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
    iter_once,
    spoken_date,
)
from cjcoach.engine.steps_impact import element_name
from cjcoach.engine.steps_priorities import ranking, ranking_rule
from cjcoach.engine.touchpoint_details import refuse_me
from cjcoach.model import Workshop

# --- choice and plan -----------------------------------------------------------------


_CODE_AND_OWNER = re.compile(r"^\s*([Ii]\d+)\s*[:=–—-]?\s*(.*?)\s*$")
OWNER_WORDS = 4
"""After an idea's code, this many words at most are taken as who makes it happen."""


def _teams(ctx: Ctx) -> set[str]:
    """The teams the workshop already names, in lower case: owners of touchpoints, who can
    help at a moment, participants' roles and teams."""
    w = ctx.workshop
    named = {t.owner for t in w.touchpoints}
    named |= {team for t in w.touchpoints for m in t.pain_points for team in m.teams}
    named |= {x for p in w.scene.participants for x in (p.role, p.team)}
    return {n.casefold() for n in named if n}


def _owners(ctx: Ctx, text: str) -> dict[str, str] | None:
    """``I1 Lies, I3 Ahmed en Sanne`` → ``{"I1": "Lies", "I3": "Ahmed en Sanne"}``; ``None``
    when a part is not a code with (at most a short) name after it, or what follows a code
    is another idea ("I3 en de taarten online")."""
    ideas = [(i.id, i.title) for i in ctx.workshop.ideas]
    joiners = set(ctx.words.conjunctions)
    spelled = _spelled(ctx)
    found: dict[str, str] = {}
    for part in re.split(r"[,;\n]+", text):
        if not part.strip():
            continue
        m = _CODE_AND_OWNER.match(part)
        if m is None or len(m.group(2).split()) > OWNER_WORDS:
            return None
        code, who = m.group(1).upper(), m.group(2)
        if code in found or (who and not _name_like(ctx, who, joiners, spelled)) or (
                who and reading.refs(who, ideas)[0]):
            return None  # "I1 denk ik", "I1 Noor, I1 Tom": not guessed at
        found[code] = " ".join(spelled.get(w.casefold(), w) for w in who.split())  # "tom": Tom
    return found if any(found.values()) else None


def _name_like(ctx: Ctx, text: str, joiners: set[str], spelled: dict[str, str]) -> bool:
    """A participant, or names: every word a capitalised name ("Ahmed en Sanne", "Lies") or
    a participant's name typed in lower case ("tom"), or a team the workshop already
    names ("stylists", "de werkplaats"; not "later" or "graag"). "Ik"/"me" is asked again:
    the report is read by others. ``spelled``: :func:`_spelled`."""
    folded = text.casefold()
    taking_part = set(spelled)
    if folded in taking_part:
        return True
    words = text.split()
    names = [w for w in words if w.casefold() not in joiners]
    refuse_me(ctx, names)
    if not names or words[0] not in names or not all(
            w.replace("-", "").replace("'", "").isalpha() for w in names):
        return False
    if all(w[:1].isupper() or w.casefold() in taking_part for w in names):
        return True
    teams = _teams(ctx)
    articles = set(ctx.words.articles)
    return folded in teams or all(w.casefold() in teams or w.casefold() in articles
                                  for w in names) and any(w.casefold() in teams for w in names)


def _choose(ctx: Ctx, text: str) -> Accepted:
    w = ctx.workshop
    owners = _owners(ctx, text)
    if owners is not None:  # "I1 Lies, I3 Ahmed": who makes it happen, said at once
        text = ", ".join(owners)
    ids, bad = reading.refs(text, [(i.id, i.title) for i in w.ideas])
    if bad or not ids:
        raise Retry(ctx.prompts.say("refs_retry", what=", ".join(bad) or text, sample="I1"))
    answered: frozenset[Position] = frozenset()
    if owners is not None:
        for idea in w.ideas:
            if owners.get(idea.id):
                idea.owner = owners[idea.id]
        answered = frozenset(Position.of("plan", "owner", idea=i) for i, who in owners.items()
                             if who)
    for idea in w.ideas:
        if idea.id in ids:
            idea.decision = "do"
        elif idea.decision == "do" or not idea.decision:
            idea.decision = "later"
    chosen = "; ".join(f"{i.id} {i.title}" + (f" ({i.owner})" if owners and i.owner else "")
                       for i in w.ideas if i.id in ids)
    return Accepted(ctx.say("chosen", ideas=chosen), answered=answered)


def _choose_fill(ctx: Ctx) -> dict[str, object]:
    top = [i.id for i in ctx.workshop.ranked_ideas()[:2]]
    return {"ranking": ranking(ctx), "rule": ranking_rule(ctx),
            "example_refs": ", ".join(top) or "I1"}


_YES_AND_REMARK = re.compile(r"^\s*(\S+)\s*[,:;.!–—-]\s*(\S.*?)\s*$", re.S)
_REMARK_WORDS = 2
"""After "ja," this many words at least are a remark on the clash, not "ja, graag"."""


def _confirm(ctx: Ctx, text: str) -> Accepted:
    """Yes or no to an idea that clashes heavily. A remark after the yes ("ja, begin simpel
    met een formulier") is how the team will handle the clash: it goes with the clash's note,
    so the report shows it."""
    answer = reading.yes_no(text, ctx.words)
    remark = ""
    m = _YES_AND_REMARK.match(text) if answer is not False else None
    first = reading.yes_no(m.group(1), ctx.words) if m else None
    rest = reading.clean(m.group(2)) if m else ""
    rest_answer = reading.yes_no(rest, ctx.words) if m else None
    said = f" {reading.fold(rest)} "
    if m and first and rest_answer is not False and not (
            ctx.words.negations.find(said.strip())
            or any(f" {w} " in said for w in ctx.word_list("not_now_words"))):
        answer = True  # "ja, begin simpel met een formulier"; not "yes, but not now"
        if len(rest.split()) >= _REMARK_WORDS and rest_answer is None:
            remark = rest  # not "ja, graag" or "yes, sure"
    elif first is False and answer is None:
        answer = False  # "nee, te duur voor nu"
    if answer is None:
        raise Retry(ctx.prompts.say("yes_no_retry"))
    idea = ctx.idea()
    idea.conflict_confirmed = answer
    if not answer:
        idea.decision = "later"
        return Accepted(ctx.say("not_confirmed", idea=idea.title))
    if not remark:
        return Accepted()
    for element in idea.heavy_conflicts():
        score = idea.seven_s[element]
        if remark not in score.note:
            score.note = f"{score.note}; {remark}" if score.note else remark
    return Accepted(ctx.say("confirmed_with_remark", remark=remark))


def _plan_text(field: str) -> QDef:
    def apply(ctx: Ctx, text: str) -> Accepted:
        value = reading.clean(text)
        if not value:
            raise Retry(ctx.prompts.say("required"))
        setattr(ctx.idea(), field, value)
        return Accepted()

    return QDef("text", apply, fill=_plan_fill, current=lambda ctx: str(getattr(ctx.idea(), field)))


def _plan_fill(ctx: Ctx) -> dict[str, object]:
    """The idea's title, and where customers will notice it ({where} in the tips): the
    names of the touchpoints it changes, or its title when it names none."""
    idea = ctx.idea()
    names = [t.name for tid in idea.touchpoints if (t := ctx.workshop.touchpoint(tid))]
    return {"idea": idea.title, "where": ", ".join(dict.fromkeys(names)) or idea.title}


def _owner(ctx: Ctx, text: str) -> Accepted:
    """Who makes the idea happen: "fatma ook" is Fatma, "ik" is asked again (the report
    is read by others), a participant typed in lower case is spelled as taking part."""
    also = ctx.word_list("owner_fillers")
    words = [w for w in reading.clean(text).split() if reading.fold(w.strip(".,!")) not in also]
    if not words:
        raise Retry(ctx.prompts.say("required"))
    refuse_me(ctx, words)
    spelled = _spelled(ctx)
    ctx.idea().owner = " ".join(spelled.get(w.casefold(), w) for w in words)
    return Accepted()


def _spelled(ctx: Ctx) -> dict[str, str]:
    """Participants' names (and first names) in lower case, as they were entered."""
    spelled: dict[str, str] = {}
    for p in ctx.workshop.scene.participants:
        if p.name:
            spelled.setdefault(p.name.split()[0].casefold(), p.name.split()[0])
            spelled[p.name.casefold()] = p.name
    return spelled


def _plan_plan(w: Workshop) -> Iterator[Position]:
    if not w.ideas:
        return
    yield Position.of("plan", "choose")
    for idea in w.ideas:
        if idea.decision == "do" and idea.heavy_conflicts():
            yield Position.of("plan", "confirm", idea=idea.id)
    for idea in w.ideas:
        if idea.decision == "do":
            for key in ("owner", "channel", "next_step", "hypothesis"):
                yield Position.of("plan", key, idea=idea.id)


def _plan_recap(ctx: Ctx) -> dict[str, object]:
    chosen = [f"{i.id} {i.title} ({i.owner or '?'})" for i in ctx.workshop.ideas
              if i.decision == "do"]
    return {"plan": "; ".join(chosen) or ctx.prompts.say("none")}


PLAN = StepDef(
    "plan",
    {
        "choose": QDef("choice", _choose, fill=_choose_fill,
                       current=lambda ctx: ", ".join(i.id for i in ctx.workshop.ideas
                                                     if i.decision == "do")),
        "confirm": QDef("yesno", _confirm, fill=lambda ctx: {
            "idea": ctx.idea().title,
            "elements": ", ".join(element_name(ctx, s)[0] for s in ctx.idea().heavy_conflicts())},
            current=lambda ctx: ""),
        "owner": QDef("text", _owner, fill=lambda ctx: {"idea": ctx.idea().title},
                      current=lambda ctx: ctx.idea().owner),
        "channel": _plan_text("channel"),
        "next_step": _plan_text("next_step"),
        "hypothesis": _plan_text("hypothesis"),
    },
    _plan_plan,
    recap=_plan_recap,
)


# --- review --------------------------------------------------------------------------


def _date(ctx: Ctx, text: str) -> Accepted:
    value = reading.date(text, ctx.today, ctx.words)
    if value is None:  # "na de zomer, september ofzo": the one month named in it
        words = re.findall(r"\w+", reading.fold(text))
        months = {w for w in words if w in ctx.words.months}
        if len(months) == 1:
            value = reading.date(months.pop(), ctx.today, ctx.words)
            if value is not None:
                value = _in_month(ctx, words, value)
        elif not months:
            value = _season(ctx, " ".join(words))
    if value is None:
        raise Retry(ctx.retry())
    ctx.workshop.review_date = value
    return Accepted()


def _season(ctx: Ctx, folded: str) -> str | None:
    """"na de zomer", "in the autumn": the next day the prompts give that time of the year
    (``seasons``, month-day), as an ISO date; the longest phrase in the answer counts. A
    year in the answer is that year's ("na de zomer van 2028"); "niet voor de zomer" is
    not guessed at (``None``)."""
    seasons = ctx.prompts.section("review", "seasons") or {}
    said = f" {folded} "
    if ctx.words.negations.find(folded):
        return None
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", folded)]
    for phrase in sorted(map(str, seasons), key=len, reverse=True):
        if f" {reading.fold(phrase)} " not in said:
            continue
        try:
            month, day = (int(n) for n in str(seasons[phrase]).split("-"))
            found = datetime.date(years[0] if years else ctx.today.year, month, day)
            while not years and found <= ctx.today:
                found = datetime.date(found.year + 1, month, day)
        except ValueError:  # a trainer's "02-30" or "9-1-2"
            return None
        return found.isoformat()
    return None


def _in_month(ctx: Ctx, words: list[str], first: str) -> str:
    """The day the words before the month point to: "eind oktober" its last day, "half
    oktober" the 15th, else the 1st (``first``, an ISO date)."""
    month_at = next(i for i, w in enumerate(words) if w in ctx.words.months)
    before = " ".join(words[max(0, month_at - 2):month_at])
    day = datetime.date.fromisoformat(first)
    for key, pick in (("month_end_words", calendar.monthrange(day.year, day.month)[1]),
                      ("month_mid_words", 15)):
        said = ctx.word_list(key)
        if any(before == w or before.endswith(" " + w) for w in said):
            return day.replace(day=pick).isoformat()
    return first


REVIEW = StepDef(
    "review",
    {"date": QDef("date", _date, current=lambda ctx: spoken_date(
        ctx.prompts, ctx.workshop.review_date) if ctx.workshop.review_date else "")},
    lambda w: iter_once("review", "date"),
    recap=lambda ctx: {"date": spoken_date(ctx.prompts, ctx.workshop.review_date or "?")},
)
