"""A persona's touchpoint details asked one aspect at a time, across the whole journey.

Like a facilitator at a wall of sticky notes: first "which of these are offline?", then
how important each one is, what role it plays in its phase, who looks after which, and
which business goal each serves.
Each question is about the touchpoints still missing that detail, and takes one answer:

- channels: the offline ones by code or name ("T2, T5"; the rest are online), or the
  online ones when the answer says "online"; "geen"/"alle" for none or all of them;
- importance: numbers 1-5 in journey order ("2 4 5 3"), or per code ("T1 4, T3 5"),
  or "de rest 3";
- roles (optional: Enter leaves them open): "T2: hier kijken ze rond; T5: herinnering",
  one per line or ";", a code or name before the role;
- owners: "marketing: T1, T2; Lies: T3", "T1 Lies", or one name for all of them;
- goals: "G1: T1-T4; G2: T5", "T1 G1, T2 G2", or one goal for all of them.

Codes may come as a range ("T3-T6", "T3 t/m T6"). A team that knows everything per
touchpoint can still type a line each ("T3 offline 4 Lies G2") at the first question:
that is read by :mod:`touchpoint_details`.
"""

from __future__ import annotations

import re

from cjcoach.engine import reading
from cjcoach.engine.flow import Accepted, Ctx, Retry
from cjcoach.engine.steps_start import goal_lines
from cjcoach.engine.touchpoint_details import all_details, participant, refuse_me
from cjcoach.model import Touchpoint

_RANGE = re.compile(r"\b[Tt](\d+)\s*(?:-|–|t/m|tm|tot en met|to|through|until|till)\s*[Tt]?(\d+)\b")
_DETAIL_LINE = re.compile(r"\||\b[Gg]\d+\b|(?<![\w/])[1-5](?![\w/])")
_CODE = re.compile(r"\b[Tt]\d+\b")
_CODES = re.compile(rf"{_RANGE.pattern}|{_CODE.pattern}")
"""A code or a range of codes, as typed: ranges are spelled out by :func:`refs`."""
_GOAL = re.compile(r"\b[Gg]\d+\b")


def expand_ranges(text: str) -> str:
    """"T3-T6" and "T3 t/m T6" as "T3, T4, T5, T6" (at most 50 codes, low to high)."""
    def spell(m: re.Match[str]) -> str:
        low, high = int(m.group(1)), int(m.group(2))
        if not low <= high <= low + 50:
            return m.group(0)
        return ", ".join(f"T{n}" for n in range(low, high + 1))
    return _RANGE.sub(spell, text)


def _journey(ctx: Ctx) -> list[Touchpoint]:
    return ctx.workshop.journey(ctx.persona().id)


def refs(ctx: Ctx, text: str, journey: list[Touchpoint]) -> list[Touchpoint]:
    """The touchpoints of this journey ``text`` names; anything else is asked again."""
    ids, bad = reading.refs(expand_ranges(text), [(t.id, t.name) for t in journey], ctx.words)
    if bad or not ids:
        raise Retry(ctx.prompts.say("refs_retry", what=", ".join(bad) or text.strip(),
                                    sample=journey[0].id if journey else "T1"))
    by_id = {t.id: t for t in journey}
    return [by_id[i] for i in ids if i in by_id]


def _codes(touchpoints: list[Touchpoint]) -> str:
    """"T1–T4, T7": codes in a row said as a range."""
    numbers = sorted(int(t.id[1:]) for t in touchpoints if t.id[1:].isdigit())
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"T{r[0]}–T{r[-1]}" if len(r) > 2 else ", ".join(f"T{n}" for n in r)
                     for r in runs)


def _grouped(done: list[tuple[Touchpoint, str]]) -> str:
    """"marketing: T1–T5 · sales: T6, T7": who or what each touchpoint got, by value."""
    by: dict[str, list[Touchpoint]] = {}
    for t, value in done:
        by.setdefault(value, []).append(t)
    return " · ".join(f"{value}: {_codes(ts)}" for value, ts in by.items())


def _lines(ctx: Ctx, touchpoints: list[Touchpoint], channel: bool = False) -> str:
    """One line per touchpoint (with its channel when ``channel`` and it has one)."""
    return "\n".join(f"  {t.id}  {t.name} ({ctx.workshop.phase_label(t.phase)})"
                     + (f": {t.channel}" if channel and t.channel else "")
                     for t in touchpoints)


def columns_fill(ctx: Ctx) -> dict[str, object]:
    """The persona, the touchpoints this question is about, and an example that fits."""
    journey = _journey(ctx)
    key = ctx.position.question
    missing = [t for t in journey if not _has(t, key)]
    first = missing[0].id if missing else "T1"
    owner = next((p.name for p in ctx.workshop.scene.participants if p.name),
                 ctx.say("sample_owner"))
    goal = ctx.workshop.business_goals[0].id if ctx.workshop.business_goals else "G1"
    last = missing[-1].id if missing else "T2"
    if key == COLUMNS[0]:  # the whole journey, with what another persona's copy brought
        listed = _lines(ctx, journey, channel=True)
    elif len(missing) == len(journey) > 3:  # the same list as right above
        listed = ctx.say("same_list", first=journey[0].id, last=journey[-1].id)
    else:
        listed = _lines(ctx, missing)
    return {"persona": ctx.persona().name, "touchpoints": listed,
            "business_goals": goal_lines(ctx.workshop), "first": first, "last": last,
            "owner": owner, "goal": goal,
            "example_numbers": " ".join(str(3 + (n % 3) - 1) for n in range(len(missing)))}


COLUMNS = ("channels", "importance", "roles", "owners", "goals")
"""The details asked after a persona's touchpoints, in this order (goals only when there
are business goals)."""


def _has(t: Touchpoint, key: str) -> bool:
    return {"channels": bool(t.channel), "importance": t.importance is not None,
            "roles": bool(t.role), "owners": bool(t.owner),
            "goals": bool(t.goal)}.get(key, True)


def missing(key: str, journey: list[Touchpoint]) -> list[Touchpoint]:
    return [t for t in journey if not _has(t, key)]


def all_given(ctx: Ctx) -> bool:
    """Every touchpoint of the journey has this detail: the question is passed over going
    forward (it was given another way, like a line with every detail or a copied persona)."""
    return not missing(ctx.position.question, _journey(ctx))


def given(ctx: Ctx) -> str:
    """What the journey has for this detail so far, when the question comes again."""
    key, journey = ctx.position.question, _journey(ctx)
    if key == "importance":
        return ", ".join(f"{t.id} {t.importance}" for t in journey if t.importance is not None)
    field = {"channels": "channel", "roles": "role", "owners": "owner", "goals": "goal"}[key]
    return _grouped([(t, getattr(t, field)) for t in journey if getattr(t, field)])


# --- online or offline ---------------------------------------------------------------


def _said(text: str) -> set[str]:
    """Which of the words "online" and "offline" ``text`` says outright."""
    return {reading.fold(w.strip(",.;:")) for w in text.split()} & {"online", "offline"}


def _without(text: str, said: set[str]) -> str:
    """``text`` without those channel words: what is left names touchpoints."""
    return " ".join(w for w in text.split() if reading.fold(w.strip(",.;:")) not in said)


def channels(ctx: Ctx, text: str) -> Accepted:
    if _DETAIL_LINE.search(text):
        return all_details(ctx, text)  # a line per touchpoint, as an expert types it
    journey = _journey(ctx)
    open_ = missing("channels", journey)
    cleaned = reading.fold(reading.clean(text)).strip(" .!")
    named: list[Touchpoint]
    whole = not open_  # asked again with every channel known: the answer says them all
    excepted = _except(ctx, reading.clean(text))
    if excepted is not None:  # "alles behalve T1 en T4": all of them but those
        before, after = excepted
        listed = "online" if _said(before) == {"online"} else "offline"
        left_out = refs(ctx, after, journey)
        named, whole = [t for t in journey if t not in left_out], True
    elif cleaned in ctx.word_list("none_words"):
        named = []
        listed = "offline"
    elif cleaned in ctx.word_list("all_words"):
        named, listed = list(open_ or journey), "offline"
    else:  # "online" or "offline" said outright tells which ones are named
        said = _said(text)
        if len(said) == 2:  # "T1 online, T2 offline": each part says its own
            return _channel_pairs(ctx, text, journey)
        listed = "online" if said == {"online"} else "offline"
        rest = _without(text, said)
        if said and (not rest.strip() or _is_rest(ctx, rest)):  # "allemaal online"
            named = list(open_ or journey)
        else:
            named = refs(ctx, rest, journey)
    other = "online" if listed == "offline" else "offline"
    for t in journey:
        if t in named:
            t.channel = listed  # type: ignore[assignment]
        elif not t.channel or whole:
            t.channel = other  # type: ignore[assignment]
    offline = [t for t in journey if t.channel == "offline"]
    online = [t for t in journey if t.channel == "online"]
    if not offline or not online:
        return Accepted(ctx.say("channels_all", channel="online" if online else "offline"))
    return Accepted(ctx.say("channels_done", offline=_codes(offline), online=_codes(online)))


def _except(ctx: Ctx, text: str) -> tuple[str, str] | None:
    """"alles behalve T1 en T4" → ("alles", "T1 en T4"); ``None`` without such a word."""
    for word in sorted(ctx.word_list("except_words"), key=len, reverse=True):
        m = re.search(rf"(?:^|\s){re.escape(word)}(?:\s|$)", reading.fold(text))
        if m:
            return text[:m.start()], text[m.end():]
    return None


def _channel_pairs(ctx: Ctx, text: str, journey: list[Touchpoint]) -> Accepted:
    """"T1 online, T2 offline", "T1, T2 online; T3 offline", "online: T1, T2; offline: T3":
    touchpoints named before a channel word (or after one that starts the part) get it."""
    def channel_in(item: str) -> str:
        said = _said(item)
        if len(said) > 1:
            raise Retry(ctx.retry())
        return next(iter(said), "")

    def named(item: str, channel: str) -> list[Touchpoint]:
        rest = _without(item, {channel})
        return refs(ctx, rest, journey) if rest.strip(" :") else []

    pairs: list[tuple[Touchpoint, str]] = []
    for part in re.split(r"[;\n]", text):
        items = [i for i in part.split(",") if i.strip()]
        if not items:
            continue
        first = channel_in(items[0])
        if first and reading.fold(items[0].split()[0].strip(",.;:")) == first:
            pairs += [(t, first) for item in items for t in named(item, first)]
            continue  # "online: T1, T2"
        waiting: list[Touchpoint] = []
        for item in items:
            channel = channel_in(item)
            waiting += named(item, channel)
            if channel:
                pairs += [(t, channel) for t in waiting]
                waiting = []
        if waiting:
            raise Retry(ctx.retry())  # "T1 online, T2": which channel is T2?
    if not pairs:
        raise Retry(ctx.retry())
    for t, channel in pairs:
        t.channel = channel  # type: ignore[assignment]
    return _still_open(ctx, "channels", ctx.say("channels_done", offline=_codes(
        [t for t, c in pairs if c == "offline"]) or "—", online=_codes(
        [t for t, c in pairs if c == "online"]) or "—"))


# --- importance ----------------------------------------------------------------------


def importance(ctx: Ctx, text: str) -> Accepted:
    journey = _journey(ctx)
    open_ = missing("importance", journey)
    text = reading.clean(text)  # ranges stay whole until refs: "T1-T3 4" is one part
    tokens = [tok for tok in re.split(r"[\s,;]+", text) if tok]
    values = [reading.scale(tok, 1, 5, ctx.words) for tok in tokens]
    pairs: list[tuple[Touchpoint, int]] = []
    if tokens and not _CODE.search(text) and all(v is not None for v in values):
        targets = journey if len(values) == len(journey) else open_
        if len(values) != len(targets):
            raise Retry(ctx.say("importance_count", given=len(values), needed=len(targets)))
        pairs = [(t, v) for t, v in zip(targets, values, strict=True) if v is not None]
    else:
        rest_value: int | None = None
        rest_words = "|".join(map(re.escape, ctx.word_list("all_words")))
        # after a value, a code or "the rest" starts a part of its own: "t15 5 t17 5 rest 2"
        text = re.sub(rf"(?<=\s[1-5])\s+(?=[A-Za-z]{{1,2}}\d|(?:{rest_words})\s)", ", ", text,
                      flags=re.IGNORECASE)
        for part in re.split(r"[,;\n]|\.\s", text):  # "T1 5. T2 3"
            if not part.strip():
                continue
            after = reading.after_all(part, ctx.say("all_words"))
            if after is not None:
                rest_value = reading.scale(after, 1, 5, ctx.words)
                if rest_value is None:
                    raise Retry(ctx.retry())
                continue
            pairs += _one_importance(ctx, part, journey)
        if rest_value is not None:
            named = {t.id for t, _ in pairs}
            pairs += [(t, rest_value) for t in open_ if t.id not in named]
    for t, value in pairs:
        t.importance = value
    return _still_open(ctx, "importance", ctx.say("importance_done", items=", ".join(
        f"{t.id} {v}" for t, v in pairs)))


def _one_importance(ctx: Ctx, part: str, journey: list[Touchpoint]
                    ) -> list[tuple[Touchpoint, int]]:
    """"T1 4", "T1, T2 5" or "webshop heel belangrijk": the touchpoints, then the value."""
    words = part.split()
    for cut in range(len(words) - 1, 0, -1):
        value = reading.scale(" ".join(words[cut:]), 1, 5, ctx.words)
        if value is None:
            continue
        try:
            return [(t, value) for t in refs(ctx, " ".join(words[:cut]), journey)]
        except Retry:
            continue
    raise Retry(ctx.say("importance_item", item=part.strip()))


# --- roles --------------------------------------------------------------------------

LEADING_CODES = re.compile(
    rf"^\s*(?P<codes>(?:(?:{_CODES.pattern})[\s,&]*(?:(?:en|and)\s+)?)+)[:=|–—-]?\s*(?P<role>.*)$")
"""Codes at the start of a part ("T1, T2 en T3: …"), and what follows them ("role")."""
_NAME_THEN_ROLE = re.compile(r"^(?P<name>.*?)(?::|\s[-–—|]\s)\s*(?P<role>.*)$")
"""A touchpoint's name, then its role after a colon or a dash between spaces."""


def code_parts(text: str) -> list[str]:
    """An answer split where a new code starts what it says: at a line, ";", a sentence's
    end or a comma right before the next code ("T1: zien ons, T2: vergelijken"). A comma
    inside what is said ("kijkt rond, koopt later") stays, and so does one between codes
    that share it ("T1, T2: vergelijken"). Used for roles and for who can help."""
    parts: list[str] = []
    for line in re.split(r"[;\n]|(?<=[.!?])\s+(?=[Tt]\d+\b)", text):  # "… now. T22: …"
        waiting, start = "", len(parts)
        for piece in re.split(r",\s*(?=[Tt]\d)", line):
            m = LEADING_CODES.match(piece)
            if m and not m.group("role").strip(" :|-–—"):  # codes only: they share what follows
                waiting += piece + ", "
                continue
            parts.append(waiting + piece)
            waiting = ""
        if waiting and len(parts) > start:  # "verkoop: T1, T6": the end belongs to it
            parts[-1] += ", " + waiting
        elif waiting:
            parts.append(waiting)
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


def roles(ctx: Ctx, text: str) -> Accepted:
    """What each touchpoint does for the persona in its phase: "T2: hier kijken ze rond"."""
    journey = _journey(ctx)
    if reading.fold(reading.clean(text)).strip(" .!") in ctx.word_list("none_words"):
        return Accepted(ctx.prompts.say("skipped"))
    given: list[tuple[Touchpoint, str]] = []
    for part in code_parts(reading.clean(text)):
        if m := LEADING_CODES.match(part):  # "T2 kijken ze rond", "T1-T3: oriëntatie"
            named, role = m.group("codes"), m.group("role")
        elif m := _NAME_THEN_ROLE.match(part):  # "de winkel: …", "telefoon - …"
            named, role = m.group("name"), m.group("role")
        else:
            raise Retry(ctx.say("roles_item", item=part, sample=journey[0].id))
        role = role.strip(" :|-–—")
        if not role:
            raise Retry(ctx.say("roles_item", item=part, sample=journey[0].id))
        given += [(t, role) for t in refs(ctx, named, journey)]
    if not given:
        raise Retry(ctx.retry())
    for t, role in given:
        t.role = role
    return Accepted(ctx.say("roles_done", items=_codes([t for t, _ in given])))


# --- owners and goals ----------------------------------------------------------------


def _is_rest(ctx: Ctx, text: str) -> bool:
    """"de rest", "the others", "allemaal": every touchpoint still open."""
    return reading.after_all(text.strip() + " x", ctx.say("all_words")) == "x"


def _assignments(ctx: Ctx, text: str, journey: list[Touchpoint]
                 ) -> list[tuple[str, list[Touchpoint]]]:
    """"marketing: T1, T2; Lies: T3", "T1 Lies, T2 Ahmed, de rest Sanne" as
    [(value, touchpoints)]; no touchpoints (``[]``) means every one still open that the
    answer names nowhere else."""
    out: list[tuple[str, list[Touchpoint]]] = []
    all_words = ctx.say("all_words")
    rest_words = ctx.word_list("all_words")
    for part in re.split(r";|\n|\.\s+", text):
        part = part.strip(" ,.")
        if not part:
            continue
        if ":" in part:
            left, _, right = part.partition(":")
            if _is_rest(ctx, left):
                out.append((right.strip(" ,."), []))
                continue
            if _is_rest(ctx, right):  # "gareth: the rest"
                out.append((left.strip(" ,."), []))
                continue
            try:  # "marketing: T1, T2" (as the hint shows), else "de webshop: Lies"
                out.append((left.strip(" ,."), refs(ctx, right, journey)))
            except Retry:
                out.append((right.strip(" ,."), refs(ctx, left, journey)))
            continue
        pieces = [p for p in part.split(",") if p.strip()]
        if len(pieces) < 2 or not all(
                (_CODE.search(p) and _CODES.sub("", p).strip())
                or reading.after_all(p, all_words)
                or reading.before_all(p.strip(), rest_words)  # "henk the rest"
                for p in pieces):
            pieces = [part]  # "marketing T1, T2": one value for all the codes
        for piece in pieces:
            rest_value = reading.after_all(piece, all_words)
            if rest_value and not _CODE.search(piece):  # as typed, not folded
                out.append((piece.strip()[-len(rest_value):], []))
                continue
            if not _CODE.search(piece) and (
                    before := reading.before_all(piece, rest_words)):
                out.append((before, []))  # "henk de rest"
                continue
            codes = [m.group(0) for m in _CODES.finditer(piece)]
            value = _CODES.sub(" ", piece)
            value = re.sub(r"(?:^|\s)(?:en|and|&)(?=\s|$)|,", " ", value)
            touched = refs(ctx, ", ".join(codes), journey) if codes else []
            out.append((" ".join(value.split()), touched))
    return out


def _without_fillers(ctx: Ctx, name: str) -> str:
    """"sam does", "Lies doet" → the name; "nobody really" → "nobody"."""
    fillers = set(ctx.word_list("owner_fillers"))
    return " ".join(w for w in name.split() if reading.fold(w) not in fillers)


def owners(ctx: Ctx, text: str) -> Accepted:
    journey = _journey(ctx)
    done: dict[str, tuple[Touchpoint, str]] = {}
    rest: list[str] = []
    nobody = ctx.word_list("nobody_words")
    for name, touched in _assignments(ctx, reading.clean(text), journey):
        name = _without_fillers(ctx, name)
        if reading.fold(name) in nobody:  # "T1 nobody really": left open
            done.update((t.id, (t, "")) for t in touched)
            continue
        who = participant(ctx, name) or name
        refuse_me(ctx, [who])  # who is "me" in a shared report?
        if (not who or len(who.split()) > 3 or reading.is_unsure(who, ctx.words)
                or _GOAL.search(who) or _CODE.search(who) or not re.search(r"[^\W\d_]", who)):
            raise Retry(ctx.say("owners_item", item=name or text.strip()))
        if touched:
            done.update((t.id, (t, who)) for t in touched)
        else:
            rest.append(who)
    if len(rest) > 1:
        raise Retry(ctx.say("owners_item", item=", ".join(rest)))
    return _give(ctx, "owners", "owner", done, rest)


def goals(ctx: Ctx, text: str) -> Accepted:
    journey = _journey(ctx)
    known = {g.id.lower(): g.id for g in ctx.workshop.business_goals}
    done: dict[str, tuple[Touchpoint, str]] = {}
    rest: list[str] = []
    twice: list[str] = []
    for part in [p for p in re.split(r";|\n", reading.clean(text)) if p.strip()]:
        found = _GOAL.findall(part)
        chunks = re.split(r",(?=[^,]*\b[Gg]\d)", part) if len(found) > 1 else [part]
        for chunk in chunks:
            goal_codes = _GOAL.findall(chunk)
            if len(goal_codes) != 1 or goal_codes[0].lower() not in known:
                raise Retry(ctx.say("goals_item", item=chunk.strip(" ,"),
                                    sample=next(iter(known.values()), "G1")))
            goal = known[goal_codes[0].lower()]
            named = _GOAL.sub(" ", chunk).replace(":", " ").strip(" ,")
            if not named or _is_rest(ctx, named):
                rest.append(goal)
                continue
            for t in refs(ctx, named, journey):
                if t.id in done and done[t.id][1] != goal:
                    twice.append(f"{t.id} {goal}")  # "G1: T13-T24; G3: T18"
                done[t.id] = (t, goal)
    if len(rest) > 1:
        raise Retry(ctx.say("goals_item", item=", ".join(rest), sample=rest[0]))
    given = _give(ctx, "goals", "goal", done, rest)
    if twice:  # one goal per touchpoint: say which one it kept
        given.ack += " " + ctx.say("goal_replaced", items=", ".join(twice))
    return given


def _give(ctx: Ctx, key: str, field: str, done: dict[str, tuple[Touchpoint, str]],
          rest: list[str]) -> Accepted:
    """Store the owners or goals read (``rest``: the one value for every touchpoint still
    open that the answer did not name) and say what each touchpoint got."""
    if rest:  # asked again with nothing open (/back): the one value is for all of them
        journey = _journey(ctx)
        done.update((t.id, (t, rest[0])) for t in missing(key, journey) or journey
                    if t.id not in done)
    for t, value in done.values():
        setattr(t, field, value)
    return _still_open(ctx, key, ctx.say(f"{key}_done", items=_grouped(
        [(t, value) for t, value in done.values() if value])))


def _still_open(ctx: Ctx, key: str, noted: str) -> Accepted:
    """What was noted; while some touchpoints still miss this detail, the question stays
    (Enter leaves them open)."""
    waiting = missing(key, _journey(ctx))
    if not waiting:
        return Accepted(noted)
    return Accepted(noted + " " + ctx.say("columns_open", items=_codes(waiting)), stay=True)
