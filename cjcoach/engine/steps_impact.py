"""Step 4, second half: the McKinsey 7S check of each idea.

The check takes seven scores in one line (``1 0 -1 2 0 0 1``) or words ("fits well with
strategy, clashes with staff"); a team that wants to talk each element through types
``walk`` and gets one question per element.
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
    signed,
)
from cjcoach.model import SEVEN_S, Idea, SevenSScore, Workshop

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


def _scores_in_words(ctx: Ctx, text: str, unscored: list[str] | None = None
                     ) -> list[int] | None:
    """``past goed bij strategie en waarden, botst met personeel`` → seven scores (the
    elements not named are 0), ``None`` when the answer names no element. A part that
    cannot be read without guessing (a negation, a number outside -2..2, a sentence with
    no score word) is asked again, by name.

    Each part between commas (or "maar"/"but") gives its score words to the elements it
    names; a short part that names elements without a score word ("…, structuur en
    vaardigheden") takes the one before it, and one with only "een beetje"/"a bit" takes
    its direction at strength 1. A part of a few words that names no element ("sanne kan
    het wel") is added to ``unscored``, to be told.
    """
    folded = f" {reading.fold(text)} "
    named = _element_words(ctx)
    if not any(f" {word} " in folded or f" {word}," in folded for word, _ in named):
        return None
    phrases = _score_phrases(ctx)
    scores = dict.fromkeys(SEVEN_S, 0)
    value: int | None = None
    for part in re.split(r"[,;.]|\bmaar\b|\bbut\b", folded):
        part = f" {part.strip()} "
        if not any(f" {word} " in part for word, _ in named):
            if unscored is not None and len(part.split()) > 1 and not reading.has_doubt(
                    part, ctx.words) and not any(
                    f" {p} " in part for p, _ in phrases) and reading.after_all(
                    part.strip(), ctx.say("all_words")) is None:
                unscored.append(part.strip())  # "sanne kan het wel": about which point?
            continue  # an explanation between the scores ("weet niet of dat kan, dus …")
        hit = next(((p, v) for p, v in phrases if f" {p} " in part), None)
        said = hit[1] if hit else None
        numbers = re.findall(r"(?<!\S)[+-]?\d+(?!\S)", part)
        unclear = Retry(ctx.say("words_unclear", part=part.strip()))
        if hit is None and not numbers and reading.has_doubt(part, ctx.words):
            # "systemen weet ik niet": 0, not sure
            for word, element in named:
                if f" {word} " in part:
                    scores[element] = 0
                    part = part.replace(f" {word} ", " ")
            continue
        if any(not -2 <= int(n) <= 2 for n in numbers) or len(numbers) > 1:
            raise unclear  # "personeel -3": no such score
        if said is None and numbers:
            said = int(numbers[0])
        if said is None and value and any(f" {w} " in part for w in ctx.word_list("softer_words")):
            said = 1 if value > 0 else -1  # "past goed bij strategie, systemen ook beetje"
        rest = part.replace(f" {hit[0]} ", " ") if hit else part
        if ctx.words.negations.find(rest.strip()):
            raise unclear  # "past niet bij …", "geen tijd": not read as a score
        value = said if said is not None else value
        hits = []
        for word, element in named:
            if f" {word} " in part:
                hits.append(element)
                part = part.replace(f" {word} ", " ")
        if said is None and len(part.split()) > _FEW_WORDS:
            raise unclear  # "systems is a big job, moving everything over": which way?
        if hits and value is None:
            if _one_for_all(ctx, text) is not None or reading.after_all(
                    text, ctx.say("all_words")) is not None:
                return None  # "past overal goed bij, personeel ook", "all 1, staff too"
            raise unclear  # "strategie en personeel": which way? asked again, named
        for element in hits:
            scores[element] = value  # type: ignore[assignment]
    return [scores[s] for s in SEVEN_S]


def _score_phrases(ctx: Ctx) -> list[tuple[str, int]]:
    """(folded phrase, score) for every score word ("past goed" +2), longest first."""
    return sorted(((reading.fold(str(p)), int(str(v))) for v, ps in (ctx.prompts.section(
        "impact", "score_words") or {}).items() for p in ps or []), key=lambda x: -len(x[0]))


def _one_for_all(ctx: Ctx, text: str) -> int | None:
    """"past overal goed bij eigenlijk", "fits well everywhere": one score for all seven
    points (``None`` when the answer does not say it of all of them)."""
    folded = " {} ".format(re.sub(r"[^\w\s]", " ", reading.fold(text)))  # "past overal, …"
    every = ctx.word_list("everything_words")
    if not any(f" {w} " in folded for w in every):
        return None
    hit = next((v for p, v in _score_phrases(ctx) if f" {p} " in folded
                or all(f" {x} " in folded for x in p.split())), None)
    return hit


_FEW_WORDS = 3
"""A part naming a point with more other words than this and no score word is a sentence
about it ("systems is a big job moving everything over"), not one more point in a list."""

_REASON = re.compile(r"[,;]?\s+(?:want|omdat|doordat|aangezien|because|since)\s+(.+)$",
                     re.IGNORECASE | re.S)


def _reason(ctx: Ctx, text: str) -> tuple[str, str, str]:
    """"botst met systemen want we hebben geen planningstool": the scores, and the reason
    (kept as the note of the point named last). The reason ends where a part after a comma
    names a point again ("systemen -2 want we hebben niks, personeel +1"): that part and
    the ones after it are scores too. Third: the text before the reason, where the point it
    is about is named last."""
    m = _REASON.search(text)
    if not m:
        return text, "", text
    parts = re.split(r"(?<=[,;])", m.group(1))
    named = _element_words(ctx)
    for k, part in enumerate(parts[1:], 1):
        folded = f" {reading.fold(part).strip(' ,;')} "
        if any(f" {word} " in folded for word, _ in named):
            reason = "".join(parts[:k]).strip(" ,;")
            return f"{text[:m.start()]}, {''.join(parts[k:]).strip()}", reason, text[:m.start()]
    return text[:m.start()], m.group(1).strip(), text[:m.start()]


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
    cleaned, reason, said = _reason(ctx, reading.clean(text))
    unscored: list[str] = []
    in_words = _scores_in_words(ctx, cleaned, unscored)
    if in_words is None and (everywhere := _one_for_all(ctx, cleaned)) is not None:
        in_words = [everywhere] * len(SEVEN_S)  # "past overal goed bij"
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
    if in_words is not None and unscored:
        notes.append(ctx.say("unscored", parts=", ".join(f'"{p}"' for p in unscored)))
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
