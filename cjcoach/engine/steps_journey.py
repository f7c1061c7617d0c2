"""Steps 2 and 3: touchpoints per persona and phase, then emotions, pain and happy moments.

Fast paths, so four personas do not mean two hundred questions: a touchpoint line may
carry all its details (``Google | online | 4 | marketing | G1``), a persona may copy the
touchpoints of another (``same as Anna``), and the emotions of a whole journey go in one
answer (``T1 +2, T2 -1`` or ``2 -1 0 1``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cjcoach.engine import moment_helpers as helpers
from cjcoach.engine import reading
from cjcoach.engine import touchpoint_columns as columns
from cjcoach.engine.flow import Accepted, Ctx, Position, QDef, Retry, StepDef, joined, signed
from cjcoach.engine.steps_start import goal_lines
from cjcoach.engine.touchpoint_details import (
    copy_details,
    details_text,
    has_details,
    read_cells,
    share_details,
    touchpoint_fill,
)
from cjcoach.model import EMOTION_MAX, Moment, Touchpoint, Workshop

_ID = re.compile(r"^[A-Za-z]\d+$")
_NOT_A_NAME = re.compile(r"^\s*(?:[A-Za-z]\d+\s*(?:$|[:=–—]|-\s)|[-+\d\s.,/]+$)")
"""A touchpoint "name" that is a code or a number: meant for another question."""


def split_row(line: str) -> list[str] | None:
    """The cells of a table-like line, or ``None`` when it is a plain name."""
    if "|" in line:
        return line.split("|")
    return None


def _persona_phase_fill(ctx: Ctx) -> dict[str, object]:
    """The persona and phase; at a later persona's first phase, how to copy another's."""
    w, persona = ctx.workshop, ctx.persona()
    earlier = [p for p in w.personas[:w.personas.index(persona)] if w.journey(p.id)]
    first_phase = bool(w.phases) and ctx.get("phase") == w.phases[0].key
    copy = ctx.say("copy_hint", other=earlier[0].name) if earlier and first_phase else ""
    return {"persona": persona.name, "phase": w.phase_label(ctx.get("phase")),
            "business_goals": goal_lines(w), "copy_hint": copy}


_SENTENCE_END = re.compile(r"(?<=\w{3})\.\s+(?![^()]*\))")
"""A full stop between two sentences separates touchpoints like a comma ("not much tbh.
maybe a loyalty card"); one after a short word ("St. John's"), an abbreviation ("bijv.",
``abbreviations`` in the prompts) or inside brackets ("(incl. webshop)") does not."""


def _sentences_apart(ctx: Ctx, line: str) -> str:
    """``line`` with a comma for each full stop that ends a sentence."""
    short = set(ctx.word_list("abbreviations"))

    def end(m: re.Match[str]) -> str:
        word = re.findall(r"\w+$", line[:m.start()])
        return m.group(0) if word and reading.fold(word[0]) in short else ", "
    return _SENTENCE_END.sub(end, line)


def _copy_from(ctx: Ctx, text: str) -> tuple[list[Touchpoint] | None, str]:
    """``same as Anna`` / ``zelfde als P1`` anywhere in a comma list: that persona's
    touchpoints in this phase, and the other items of the answer ("same as the family,
    website and reviews", "looks in, same as sarah"). ``same as Sarah google reviews`` is
    one of Sarah's touchpoints, by name."""
    lead = ctx.say("copy_words").lower()
    cleaned = reading.clean(text)
    if lead not in cleaned.lower():
        return None, text
    sources: list[Touchpoint] = []
    lines = []
    said = False
    for line in cleaned.split("\n"):  # other lines (a row "Flyer | offline | 3") stay whole
        items = [i.strip() for i in re.split(r"[,;]", line) if i.strip()]
        copies = [i for i in items if i.lower().startswith(lead)]
        for item in copies:
            sources += _copied(ctx, item[len(lead):].strip())
        said = said or bool(copies)
        lines.append(", ".join(i for i in items if i not in copies) if copies else line)
    return (sources, "\n".join(lines)) if said else (None, text)


def _copied(ctx: Ctx, said: str) -> list[Touchpoint]:
    """The touchpoints "same as <said>" means: a persona's in this phase, or, with words
    after the persona's name, that persona's touchpoint of that name."""
    others = [(p.id, p.name) for p in ctx.workshop.personas if p.id != ctx.get("persona")]
    exact = {pid.lower(): pid for pid, _ in others}
    words = said.split()
    for size in range(len(words), 0, -1):  # the longest run of words that is a persona
        who, rest = " ".join(words[:size]), " ".join(words[size:])
        ids = [exact[who.lower()]] if who.lower() in exact else _persona_by_words(
            ctx, who, others)
        if len(ids) != 1:
            continue
        journey = ctx.workshop.journey(ids[0])
        if not rest:
            return [t for t in journey if t.phase == ctx.get("phase")]
        found, unknown = reading.refs(rest, [(t.id, t.name) for t in journey])
        if len(found) == 1 and not unknown:
            return [t for t in journey if t.id == found[0]]
    ids, bad = reading.refs(said, others)  # a persona's name with a typo
    if len(ids) == 1 and not bad:
        return [t for t in ctx.workshop.journey(ids[0]) if t.phase == ctx.get("phase")]
    raise Retry(ctx.prompts.say("refs_retry", what=said,
                                sample=others[0][0] if others else "P1"))


def _persona_by_words(ctx: Ctx, said: str, others: list[tuple[str, str]]) -> list[str]:
    """The one persona whose name holds every word said ("the family" → Family Jones)."""
    articles = ctx.word_list("article_words")
    words = [w for w in reading.fold(said).split() if w not in articles]
    return [pid for pid, name in others if words and all(
        w in reading.fold(name).split() or w.rstrip("s") in reading.fold(name).split()
        for w in words)]


def _new_touchpoint(ctx: Ctx, name: str) -> Touchpoint:
    w, persona, phase = ctx.workshop, ctx.get("persona"), ctx.get("phase")
    order = 1 + max((t.order for t in w.touchpoints if t.persona == persona and t.phase == phase),
                    default=0)
    t = Touchpoint(w.next_id("T"), persona, phase, name, order=order)
    w.touchpoints.append(t)
    return t


def _touchpoints(ctx: Ctx, text: str) -> Accepted:
    ctx.persona()
    copies, text = _copy_from(ctx, text)
    added: list[Touchpoint] = []
    copied: dict[str, Touchpoint | None] = {}
    dropped = False
    every_staged: list[Touchpoint] = []
    for line in reading.lines(text):  # read every line before anything is added
        cells = split_row(line)
        # a comma always separates touchpoints, as the help says ("telefoon als er meer kapot
        # is, auto ophalen en betalen, factuur" is three)
        names = reading.items(_sentences_apart(ctx, line), ctx.words, commas=True) \
            if cells is None else [reading.clean(cells[0])]
        if cells is None:  # "not much tbh, maybe our facebook page": one touchpoint
            kept = [n for n in (_unhedged(ctx, n) for n in names) if n]
            dropped, names = dropped or len(kept) < len(names), kept
            if not names:
                continue
        if not names or not all(names):
            raise Retry(ctx.retry())
        for name in names:  # "T3", "3 5", "T3: …", "G1": an answer to another question
            if _NOT_A_NAME.match(name):
                raise Retry(ctx.say("name_is_code", item=name))
        staged = [Touchpoint("", "", "", n) for n in names]
        if cells is not None:
            read_cells(ctx, cells[1:], staged[0])
        every_staged += staged
    for src in copies or []:
        t = _new_touchpoint(ctx, src.name)
        share_details(src, t)
        added.append(t)
    for s in every_staged:
        t = _new_touchpoint(ctx, s.name)
        t.channel, t.importance, t.owner, t.role, t.goal = (
            s.channel, s.importance, s.owner, s.role, s.goal)
        copied[t.id] = copy_details(ctx.workshop, t)
        added.append(t)
    if not added and dropped:  # "none really": nothing in this phase, on to the next
        return Accepted(ctx.say("phase_empty"))
    if not added:
        raise Retry(ctx.retry())
    shown = "; ".join(f"{t.id} {t.name}" + (f" ({details_text(t)})" if has_details(t) else "")
                      for t in added)
    notes = [ctx.say("details_copied", id=t.id, source=source.id, details=details_text(t),
                     persona=ctx.persona().name)
             for t in added if (source := copied.get(t.id)) is not None]
    return Accepted(ctx.more(shown), stay=True, notes=notes)


def _unhedged(ctx: Ctx, name: str) -> str:
    """A touchpoint's name without a hedge in front ("maybe our facebook page"), and ``""``
    for an item that says there is none ("not much tbh", "niks eigenlijk")."""
    words = name.split()
    hedges = ctx.word_list("hedge_words")
    while words and reading.fold(words[0].strip(",.")) in hedges:
        words = words[1:]
    fillers = ctx.word_list("filler_words")
    said = " ".join(w for w in words if reading.fold(w.strip(",.!")) not in fillers)
    nothing = ctx.word_list("nothing_words")
    return "" if reading.fold(said).strip(" .!") in nothing else " ".join(words)


def _touchpoints_now(ctx: Ctx) -> str:
    return "; ".join(f"{t.id} {t.name}" for t in ctx.workshop.journey(ctx.get("persona"))
                     if t.phase == ctx.get("phase"))


def _touchpoints_plan(w: Workshop) -> Iterator[Position]:
    for p in w.personas:
        for phase in w.phases:
            yield Position.of("touchpoints", "touchpoints", persona=p.id, phase=phase.key)
        if not w.journey(p.id):
            continue
        for key in columns.COLUMNS if w.business_goals else columns.COLUMNS[:-1]:
            # then the details, one aspect at a time (passed over when already given)
            yield Position.of("touchpoints", key, persona=p.id)


def _touchpoints_recap(ctx: Ctx) -> dict[str, object]:
    w = ctx.workshop
    per = "; ".join(f"{p.name} {len(w.journey(p.id))}" for p in w.personas)
    return {"count": len(w.touchpoints), "per_persona": per}


TOUCHPOINTS = StepDef(
    "touchpoints",
    {
        "touchpoints": QDef("table", _touchpoints, fill=_persona_phase_fill,
                            current=_touchpoints_now, many=True),
        **{key: QDef("table", apply, fill=columns.columns_fill, many=False,
                     filled=columns.all_given, current=columns.given)
           for key, apply in (("channels", columns.channels),
                              ("importance", columns.importance),
                              ("roles", columns.roles),
                              ("owners", columns.owners), ("goals", columns.goals))},
    },
    _touchpoints_plan,
    recap=_touchpoints_recap,
)


# --- emotions, pain points, happy moments --------------------------------------------


def _journey_lines(ctx: Ctx) -> str:
    return "\n".join(f"  {t.id}  {t.name} ({ctx.workshop.phase_label(t.phase)})"
                     + (f"  [{signed(t.emotion)}]" if t.emotion is not None else "")
                     for t in ctx.workshop.journey(ctx.get("persona")))


def _emotions_fill(ctx: Ctx) -> dict[str, object]:
    journey = ctx.workshop.journey(ctx.persona().id)
    sample = [1, -1, 0, 2, -2]
    line = ", ".join(f"{t.id} {signed(sample[i % 5])}" for i, t in enumerate(journey[:3]))
    return {"persona": ctx.persona().name, "touchpoints": _journey_lines(ctx),
            "example_line": line or "T1 +1"}


def _one_emotion(ctx: Ctx, item: str, journey: list[Touchpoint]) -> tuple[Touchpoint, int]:
    words = item.split()
    refs = [(t.id, t.name) for t in journey]
    for cut in range(1, len(words)):
        value = reading.emotion(" ".join(words[cut:]), ctx.words)
        if value is None:
            continue
        ids, bad = reading.refs(" ".join(words[:cut]), refs)
        if len(ids) == 1 and not bad:
            found = ctx.workshop.touchpoint(ids[0])
            if found is not None:
                return found, value
    raise Retry(ctx.say("emotion_item", item=item))


def _emotions(ctx: Ctx, text: str) -> Accepted:
    journey = ctx.workshop.journey(ctx.persona().id)
    tokens = [tok for tok in re.split(r"[\s,;]+", reading.clean(text)) if tok]
    unknown = [tok in ("?", "??", "x") for tok in tokens]  # "? where we don't know"
    values = [None if u else reading.emotion(tok, ctx.words)
              for tok, u in zip(tokens, unknown, strict=True)]
    if tokens and not all(unknown) and not any(_ID.match(tok) for tok in tokens) and all(
            v is not None or u for v, u in zip(values, unknown, strict=True)):
        # bare numbers: the whole journey in order, or else the ones still without a feeling
        targets = journey if len(values) == len(journey) else [
            t for t in journey if t.emotion is None]
        if len(values) > len(targets):
            raise Retry(ctx.retry())
        pairs = [(t, v) for t, v in zip(targets, values, strict=False) if v is not None]
    else:
        items = [item for line in reading.lines(text) for item in re.split(r"[,;]", line)
                 if item.strip()]
        all_words = ctx.say("all_words")
        read = [(item, reading.after_all(item, all_words)) for item in items]
        rest = [r for _, r in read if r is not None]
        pairs = [_one_emotion(ctx, item, journey) for item, r in read if r is None]
        if rest:  # "de rest +1": every touchpoint not given a feeling before or in this answer
            value = reading.emotion(rest[-1], ctx.words)
            if value is None:
                raise Retry(ctx.retry())
            named = {t.id for t, _ in pairs}
            pairs += [(t, value) for t in journey if t.emotion is None and t.id not in named]
    for t, value in pairs:
        t.emotion = value
    noted = ", ".join(f"{t.id} {signed(value)}" for t, value in pairs)
    missing = [t for t in journey if t.emotion is None]
    if missing:
        # with the list right above, codes are enough; a few are named in full
        in_full = len(missing) <= 3
        listed = ", ".join(f"{t.id} {t.name}" if in_full else t.id for t in missing)
        return Accepted(ctx.say("emotions_missing", items=listed, sample=missing[0].id),
                        stay=True)
    return Accepted(ctx.say("emotions_done", items=noted))


SHORT_MOMENT_WORDS = 3
"""Commas split a pain point or happy moment only when every part is this short ("lang
wachten, geen uitleg"); a sentence with a comma ("duurt langer dan gezegd, niemand zegt
iets") stays one."""


def moment_items(text: str, words: reading.Words) -> list[str]:
    """The pain points (or happy moments) in an answer: one per line or ``;``, and a comma
    list of short phrases."""
    found: list[str] = []
    for item in reading.items(text, words, commas=False):
        parts = [p.strip() for p in item.split(",")]
        short = len(parts) > 1 and all(0 < len(p.split()) <= SHORT_MOMENT_WORDS for p in parts)
        found += parts if short else [item]
    return found


def _moments(field: str) -> QDef:
    def apply(ctx: Ctx, text: str) -> Accepted:
        t = ctx.touchpoint()
        added = []
        # the touchpoint's own code in front ("T22-: het duurt lang") is not part of it
        text = re.sub(rf"(?im)^\s*{re.escape(t.id)}\b\s*[+-]?\s*[:–—-]?\s*", "", text)
        for item in moment_items(text, ctx.words):
            moment = Moment(ctx.workshop.next_id("M"), item)
            getattr(t, field).append(moment)
            added.append(f"{moment.id} {moment.text}")
        return ctx.list_added(added, ctx.prompts.say("required"))

    def current(ctx: Ctx) -> str:
        return joined(m.text for m in getattr(ctx.touchpoint(), field))

    return QDef("list", apply, fill=touchpoint_fill, current=current)


_CODE_FIRST = re.compile(r"^\s*([Tt]\d+)\s*([+-]?)\s*[-–—]?\s+(\S.*)$")
"""A moment typed as a code and then the text, without a colon ("T13 - wachten", "T4 + ze
kennen je naam")."""


def _extra(ctx: Ctx, text: str) -> Accepted:
    """``T4: wachten bij de kassa`` — a pain point or happy moment at any touchpoint.

    A ``-`` or ``+`` after the code says which (``T4 +: ze kennen je naam``); without one,
    a touchpoint that feels good gets a happy moment and any other a pain point.
    """
    journey = ctx.workshop.journey(ctx.persona().id)
    refs = [(t.id, t.name) for t in journey]
    added = []
    for line in reading.lines(text):
        head, colon, rest = line.partition(":")
        sign = ""
        if not colon and (m := _CODE_FIRST.match(line)):  # "T13 - nobody talks to her"
            head, colon, rest = m.group(1), ":", m.group(3)
            sign = m.group(2)
        elif m := re.match(r"^(.*?)\s*([+-])\s*$", head):
            head, sign = m.group(1), m.group(2)
        if not colon or not rest.strip():
            raise Retry(ctx.retry())
        ids, bad = reading.refs(head, refs)
        if len(ids) != 1 or bad:
            raise Retry(ctx.prompts.say("refs_retry", what=head.strip() or line,
                                        sample=journey[0].id if journey else "T1"))
        t = ctx.workshop.touchpoint(ids[0])
        if t is None:
            continue
        happy = sign == "+" or (not sign and (t.emotion or 0) > 0)
        moment = Moment(ctx.workshop.next_id("M"), rest.strip())
        (t.happy_moments if happy else t.pain_points).append(moment)
        added.append(ctx.say("extra_happy" if happy else "extra_pain", id=t.id, name=t.name,
                             text=moment.text))
    if not added:
        raise Retry(ctx.retry())
    return Accepted(ctx.more(joined(added), "extra_more"), stay=True)


def _extra_fill(ctx: Ctx) -> dict[str, object]:
    journey = ctx.workshop.journey(ctx.persona().id)
    calm = next((t for t in journey if t.emotion == 0), journey[0] if journey else None)
    return {"persona": ctx.persona().name,
            "example_id": calm.id if calm is not None else "T1"}


def _moments_plan(w: Workshop) -> Iterator[Position]:
    for p in w.personas:
        journey = w.journey(p.id)
        if not journey:
            continue
        yield Position.of("moments", "emotions", persona=p.id)
        for t in journey:
            if t.emotion is not None and t.emotion < 0:
                yield Position.of("moments", "pains", touchpoint=t.id)
            elif t.emotion is not None and t.emotion >= EMOTION_MAX:
                yield Position.of("moments", "happy", touchpoint=t.id)
        yield Position.of("moments", "extra", persona=p.id)
        if any(t.pain_points for t in journey):  # who could help, for all of them at once
            yield Position.of("moments", "helpers", persona=p.id)


def _moments_recap(ctx: Ctx) -> dict[str, object]:
    w = ctx.workshop
    felt = [t for t in w.touchpoints if t.emotion is not None]
    low = min((t.emotion for t in felt if t.emotion is not None), default=None)
    lowest = [t for t in felt if t.emotion == low]  # every one at the lowest, not the first
    return {"pains": sum(len(t.pain_points) for t in w.touchpoints),
            "happy": sum(len(t.happy_moments) for t in w.touchpoints),
            "lowest": "; ".join(f"{t.id} {t.name}" for t in lowest) + f" ({signed(low)})"
            if low is not None else ctx.say("lowest_none")}


MOMENTS = StepDef(
    "moments",
    {
        "emotions": QDef("emotion", _emotions, fill=_emotions_fill, many=True,
                         current=lambda ctx: ", ".join(
                             f"{t.id} {signed(t.emotion)}" for t in ctx.workshop.journey(
                                 ctx.get("persona")) if t.emotion is not None)),
        "pains": _moments("pain_points"),
        "helpers": QDef("table", helpers.helpers, fill=helpers.helpers_fill, many=False,
                        default=helpers.keep_owners, current=helpers.given),
        "happy": _moments("happy_moments"),
        "extra": QDef("list", _extra, fill=_extra_fill),
    },
    _moments_plan,
    recap=_moments_recap,
)
