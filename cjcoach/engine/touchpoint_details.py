"""Reading a touchpoint's details: channel, importance, owner, business goal and role.

Cells are assigned by what they look like, not only by where they stand: a channel word
("online", "buiten", "in de winkel") is the channel, a number or scale word ("4", "best
belangrijk") the importance, a goal code ("G2") the goal, a participant's name the owner;
what is left is the owner (if still open), then the role.

Used by ``/edit T3 | offline | 4 | Sanne`` and by the first details question of a persona
(see :mod:`touchpoint_columns`) when a team types a line per touchpoint: ``T3 | online |
4 | Sanne | G1``, or several with the same details at once: ``T1, T2: online, 3, Ahmed, G1``.
"""

from __future__ import annotations

import re

from cjcoach.engine import reading
from cjcoach.engine.flow import Accepted, Ctx, Retry
from cjcoach.engine.steps_start import goal_lines
from cjcoach.model import Touchpoint, Workshop

_ID = re.compile(r"^[A-Za-z]\d+$")
_GOAL_IDS = re.compile(r"^[Gg]\d+(?:\s*(?:,|&|\+|/|\ben\b|\band\b)\s*[Gg]\d+)+$")
PURE_CHANNELS = {"online", "offline"}
"""A second channel word that can only be a channel (not "winkel", which may be a team)."""
OWNER_WORDS = 4
"""Left-over text longer than this is not taken as the owner's name (it is a remark: the
role), so "henk. bord aan de gevel is oud" does not become the owner."""
_HEAD_IDS = re.compile(r"^((?:[Tt]\d+(?:\s*(?:,|&|\+|\ben\b|\band\b)\s*|\s+))*[Tt]\d+)\b[\s:|,;-]*"
                       r"(.*)$")


def channel_of(cell: str, ctx: Ctx) -> str:
    """``online``/``offline`` when ``cell`` is one of the channel words in touchpoints.yaml."""
    folded = reading.fold(cell).strip(" .!")
    for channel, names in (ctx.prompts.section("touchpoints", "channels") or {}).items():
        if folded in [reading.fold(str(n)) for n in names or []]:
            return str(channel)
    return ""


def participant(ctx: Ctx, cell: str) -> str:
    """The participant ``cell`` names (as they were entered), or ``""``."""
    folded = reading.fold(cell)
    for p in ctx.workshop.scene.participants:
        if p.name and reading.fold(p.name) == folded:
            return p.name
    return ""


def refuse_me(ctx: Ctx, names: list[str]) -> None:
    """Ask again when one of ``names`` is "ik"/"me": the report is read by others, who do
    not know who that was (owners, who could help, who makes an idea happen)."""
    me = ctx.word_list("me_words", "touchpoints")
    for name in names:
        if reading.fold(name.strip(".,!")) in me:
            raise Retry(ctx.prompts.step_say("touchpoints", "owners_me", item=name))


def read_cells(ctx: Ctx, cells: list[str], t: Touchpoint) -> None:
    """Fill a touchpoint's details from row cells (see the module doc).

    A number counts once, and so does a channel word: a second one is ordinary text
    ("offline | winkel" is the shop team), except a word for both channels ("allebei").
    "Weet ik niet" fills nothing; one long remark is the role, not the owner. More than
    two cells of plain text are not guessed at: the answer is asked again.
    """
    goals = [(g.id, g.text) for g in ctx.workshop.business_goals]
    texts: list[str] = []
    channel_seen = importance_seen = False
    unsure = 0
    for raw in cells:
        cell = reading.clean(raw).strip()
        if not cell or cell in {"-", "?"}:
            continue
        if channel := channel_of(cell, ctx):
            if not channel_seen:
                t.channel, channel_seen = channel, True  # type: ignore[assignment]
                continue
            if channel == "both" or (channel != t.channel and cell.casefold() in PURE_CHANNELS):
                t.channel = "both"  # "online | offline", "online, allebei": both
                continue
        if reading.is_unsure(cell, ctx.words):
            unsure += 1
            continue  # "weet ik niet" is not an owner: the detail stays open
        if re.fullmatch(r"[+-]?\d+([.,]\d+)?", cell) and (importance_seen or reading.scale(
                cell, 1, 5, ctx.words) is None):
            raise Retry(ctx.retry())  # "9" or a second number: no owner is called that
        if goals and _GOAL_IDS.match(cell):  # "G2 en G3": a touchpoint serves one goal
            raise Retry(ctx.prompts.step_say("touchpoints", "one_goal",
                                             first=re.split(r"[^A-Za-z0-9]+", cell)[0]))
        if goals and _ID.match(cell):
            ids, bad = reading.refs(cell, goals)
            if ids and not bad:
                t.goal = ids[0]
                continue
            raise Retry(ctx.prompts.say("refs_retry", what=cell, sample="G1"))
        if not importance_seen and len(cell.split()) <= 3 and (
                n := reading.scale(cell, 1, 5, ctx.words)) is not None:
            t.importance, importance_seen = n, True
            continue
        texts.append(cell)
    if unsure and not (texts or channel_seen or importance_seen or t.goal):
        raise Retry(ctx.retry())  # only "weet ik niet": nothing to note
    owners = [c for c in texts if participant(ctx, c)]
    if owners:
        t.owner = participant(ctx, owners[0])
        texts.remove(owners[0])
        if len(texts) > 1:
            raise Retry(ctx.retry())
        if texts:
            t.role = texts[0]
        return
    if len(texts) > 2:
        raise Retry(ctx.retry())
    if len(texts) == 1 and len(texts[0].split()) > OWNER_WORDS:
        t.role = texts[0]  # a remark, not a name
        return
    if texts:
        t.owner = texts[0]
    if len(texts) > 1:
        t.role = texts[1]


def _kind(ctx: Ctx, phrase: str) -> str:
    """What ``phrase`` on its own reads as: ``channel``, ``goal``, ``importance``, ``owner``
    (a participant) or ``""``. A phrase of several words must be such a thing as a whole
    ("best belangrijk"), not merely contain one ("buiten best belangrijk")."""
    if channel_of(phrase, ctx):
        return "channel"
    if _GOAL_IDS.match(phrase):
        return "goal"
    if participant(ctx, phrase):
        return "owner"
    if " " in phrase:
        return "importance" if reading.fold(phrase) in ctx.words.scale.values else ""
    probe = Touchpoint("", "", "", "")
    try:
        read_cells(ctx, [phrase], probe)
    except Retry:
        return ""
    return "goal" if probe.goal else "importance" if probe.importance is not None else ""


def space_cells(ctx: Ctx, line: str) -> list[str]:
    """``buiten best belangrijk Sanne G2``: the phrases cjcoach recognises as cells (longest
    first, up to three words; a channel and an importance once), the rest joined as one
    cell, so a line without separators is not taken as one long owner name."""
    words = line.split()
    known: list[str] = []
    rest: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[i:i + n])
            kind = _kind(ctx, phrase) if i + n <= len(words) else ""
            if kind and not (kind in seen and kind in ("channel", "importance")):
                known.append(phrase)
                seen.add(kind)
                i += n
                break
        else:
            rest.append(words[i])
            i += 1
    leftover = " ".join(rest)
    if not leftover.strip(" .,;:-&+/").casefold() or \
            leftover.strip(" .,;:-&+/").casefold() in ctx.words.conjunctions:
        leftover = ""  # "telefoon en mail": the "en" between two known things
    return known + ([leftover] if leftover else [])


def detail_cells(ctx: Ctx, text: str) -> list[str]:
    """The cells of a details answer: split on ``|``, else on commas, and a cell that holds
    several recognised things ("telefoon en mail. 5 sandra G3") by recognition."""
    line = reading.clean(text)
    cells = line.split("|") if "|" in line else re.split(r"[,;]", line)
    return [part for cell in cells for part in _mixed(ctx, cell)]


BOTH = "online/offline"
"""A phrase in both languages' list of words for "both channels"."""


def _both_joined(ctx: Ctx, cell: str) -> str:
    """``telefoon en mail`` → ``online/offline``: a channel word of each kind, joined."""
    words = cell.split()
    joiners = {*ctx.words.conjunctions, "/", "of", "or"}
    for i in range(len(words) - 2):
        first, second = channel_of(words[i], ctx), channel_of(words[i + 2], ctx)
        if first and second and first != second and words[i + 1].casefold() in joiners:
            return " ".join([*words[:i], BOTH, *words[i + 3:]])
    return cell


def _mixed(ctx: Ctx, cell: str) -> list[str]:
    """``cell`` as it is, or its recognised parts when it holds more than one thing."""
    cell = _both_joined(ctx, cell.strip())
    if " " not in cell or _kind(ctx, cell):
        return [cell]
    parts = space_cells(ctx, cell)
    known = [p for p in parts if _kind(ctx, p)]
    return parts if len(known) >= 2 else [cell]


def has_details(t: Touchpoint) -> bool:
    return bool(t.channel or t.importance is not None or t.owner or t.goal or t.role)


def incomplete(t: Touchpoint) -> bool:
    return not t.channel or t.importance is None or not t.owner


def details_text(t: Touchpoint) -> str:
    channel = "online/offline" if t.channel == "both" else t.channel  # the same in nl and en
    parts = [channel, str(t.importance or ""), t.owner, t.goal, t.role]
    return " | ".join(p for p in parts if p)


def _copy(t: Touchpoint) -> Touchpoint:
    """A scratch copy of ``t``'s details to read an answer into before it is stored."""
    return Touchpoint(t.id, "", "", t.name, channel=t.channel, importance=t.importance,
                      role=t.role, owner=t.owner, goal=t.goal)


def apply_cells(ctx: Ctx, cells: list[str], t: Touchpoint) -> None:
    """Read ``cells`` into ``t`` only when all of them are understood."""
    trial = _copy(t)
    read_cells(ctx, cells, trial)
    t.channel, t.importance, t.owner, t.role, t.goal = (
        trial.channel, trial.importance, trial.owner, trial.role, trial.goal)


def copy_details(w: Workshop, t: Touchpoint) -> Touchpoint | None:
    """Give a new touchpoint without details those of another persona's touchpoint of the
    same name that belong to the moment itself (a shop visit is offline, and the shop looks
    after it, for everyone): the source, or ``None``. Its importance, role and goal are the
    persona's own, and asked for."""
    if has_details(t):
        return None
    name = t.name.strip().casefold()
    source = next((s for s in w.touchpoints if s.id != t.id and s.persona != t.persona
                   and s.name.strip().casefold() == name and has_details(s)), None)
    if source is not None:
        share_details(source, t)
    return source


def share_details(source: Touchpoint, t: Touchpoint) -> None:
    """What one persona's touchpoint shares with the same moment of another persona: its
    channel and who looks after it. Not the importance, role or goal ("here she decides")."""
    t.channel, t.owner = source.channel, source.owner


# --- one touchpoint ------------------------------------------------------------------


def touchpoint_fill(ctx: Ctx) -> dict[str, object]:
    t = ctx.touchpoint()
    persona = ctx.workshop.persona(t.persona)
    return {"touchpoint": f"{t.id} {t.name}", "persona": persona.name if persona else "",
            "phase": ctx.workshop.phase_label(t.phase),
            "business_goals": goal_lines(ctx.workshop)}


# --- all touchpoints of a persona ----------------------------------------------------


def open_touchpoints(ctx: Ctx) -> list[Touchpoint]:
    return [t for t in ctx.workshop.journey(ctx.get("persona")) if incomplete(t)]


def _split_head(ctx: Ctx, line: str, journey: list[Touchpoint]) -> tuple[list[str], str]:
    """The touchpoints a line is about (ids) and the rest of the line (the details)."""
    refs = [(t.id, t.name) for t in journey]
    if m := _HEAD_IDS.match(line):
        head, rest = m.group(1), m.group(2)
    elif "|" in line:
        head, _, rest = line.partition("|")
    elif ":" in line:
        head, _, rest = line.partition(":")
    else:
        head, rest = line, ""
        words = line.split()
        for cut in range(len(words) - 1, 0, -1):  # the longest start that names a touchpoint
            ids, bad = reading.refs(" ".join(words[:cut]), refs)
            if ids and not bad:
                head, rest = " ".join(words[:cut]), " ".join(words[cut:])
                break
        else:
            head, _, rest = line.partition(",")
    ids, bad = reading.refs(head, refs)
    if bad or not ids:
        raise Retry(ctx.prompts.say("refs_retry", what=", ".join(bad) or head.strip(),
                                    sample=journey[0].id if journey else "T1"))
    if not rest.strip(" |,;:-"):
        raise Retry(ctx.say("details_missing", items=", ".join(ids)))
    return ids, rest


def all_details(ctx: Ctx, text: str) -> Accepted:
    persona = ctx.persona()
    journey = ctx.workshop.journey(persona.id)
    trials: dict[str, Touchpoint] = {}  # every line read before any is stored
    for line in reading.lines(text):
        for part in re.split(r";\s*(?=[Tt]\d)", line):
            ids, rest = _split_head(ctx, part, journey)
            cells = rest.split("|") if "|" in rest else detail_cells(ctx, rest)
            for tid in ids:
                t = ctx.workshop.touchpoint(tid)
                if t is not None:
                    apply_cells(ctx, cells, trials.setdefault(tid, _copy(t)))
    done: list[Touchpoint] = []
    for tid, trial in trials.items():
        t = ctx.workshop.touchpoint(tid)
        if t is not None:
            t.channel, t.importance, t.owner, t.role, t.goal = (
                trial.channel, trial.importance, trial.owner, trial.role, trial.goal)
            done.append(t)
    noted = "\n".join(f"  {t.id} {t.name}: {details_text(t)}" for t in done)
    waiting = open_touchpoints(ctx)
    if not waiting:
        return Accepted(ctx.say("details_all_done", items=noted, persona=persona.name))
    named = len(waiting) <= 3  # with the list right above, codes are enough for a long one
    listed = ", ".join(f"{t.id} {t.name}" if named else t.id for t in waiting)
    if named:  # what is still open: said at the first line, and by name for the last few
        return Accepted(ctx.say("details_more", items=noted, waiting=listed), stay=True)
    return Accepted(ctx.more(noted, "details_more", waiting=listed), stay=True)
