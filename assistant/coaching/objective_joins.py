"""Aims said in pieces made one, and aims said apart kept apart: a clause with no figure
joins the clause of its sentence that has them ("be more visible online and get more
enquiries, from 10 to 25 a quarter"); numbered items, lines of their own and two wishes stay
two aims (used by ``reading_facts``)."""

from __future__ import annotations

import re

from assistant.understanding import cues
from assistant.understanding.metrics import cue_hits
from assistant.understanding.objective_clauses import after_header, opens_objective, parallel_wish
from assistant.understanding.reading import ObjectiveFact, Reading, Span
from assistant.understanding.text import Piece, sentences


def _bare(objective: ObjectiveFact) -> bool:
    """No figure or date of its own ("by about 30 %" is a figure of its own)."""
    figures = (objective.baseline, objective.target, objective.deadline, objective.change_percent)
    return all(f is None for f in figures)


def _same_sentence(text: str, first: ObjectiveFact, second: ObjectiveFact) -> bool:
    between = text[max(first.span.end - 1, 0) : second.span.start + 4]  # "…, 2) more …"
    return not re.search(r"[.!?;\n]|\(?\d[.)]\s", between)  # "…; more online orders": a new item


# a list item starts: "2) ", "(2) ", a bullet on a new line, or after a semicolon
_NEXT_ITEM = re.compile(r"(?:^|\s)\(?\d[.)]\s|\n[ \t]*[-•*–]\s|;")


def _next_list_item(text: str, first: ObjectiveFact, second: ObjectiveFact) -> bool:
    """ "2) sell gift cards online; 3) fewer cancellations", "renew Cyber Essentials asap;
    and grow probate income by 25 %", bullets: items of a list stay apart."""
    return _NEXT_ITEM.search(text[first.span.end - 1 : second.span.start + 4]) is not None


def _one_aim(first: ObjectiveFact, second: ObjectiveFact, language: str = "en") -> bool:
    """A clause with no figures joins its neighbour only when it names no other metric:
    "be more visible online and get more enquiries, from 10 to 25" is one aim, "grow
    cake sales online and stop wasting hours on orders" two; "more boiler jobs. so win rate
    from 33 to 45 %" is one, the second says how the first is measured."""
    if _bare(first) and cues.search("continuation", language, second.span.text):
        return True
    bare = first if _bare(first) else second
    other = second if bare is first else first
    if bare.kpi is None or other.kpi is None or bare.kpi == other.kpi:
        return True
    named = {label for *_, label in cue_hits(bare.span.text, language, 0)}
    return other.kpi in named  # "flere direktebookinger: andelen av omsetningen …, fra 15 til 25"


def _new_aim_after_figures(first: ObjectiveFact, second: ObjectiveFact, language: str) -> bool:
    """ "new pupils to 60 a month within a year, reduce drop-outs": a whole objective, then
    a clause opening with a change of its own, is two aims."""
    if _bare(first) or not _bare(second):
        return False
    return _opens_aim(second.span.text, language)


def _two_aims(first: ObjectiveFact, second: ObjectiveFact, language: str) -> bool:
    """ "перейти на ЭДО и сократить время на подготовку документов", "minska avhoppen och få
    en ny hemsida före vårterminen": two clauses that each open with what the owner wants
    are two aims when neither has figures, or when the first names its own metric; "be
    more visible online and get more enquiries, from 10 to 25" stays one."""
    if not (_bare(first) and opens_objective(Piece(first.span.text, 0), language)):
        return False
    if not _opens_aim(second.span.text, language):
        return False
    return _bare(second) or first.kpi is not None


_LEADING_JOIN = re.compile(r"^[\W\d]*(?:(?:and|og|och|и|а также|plus)\s+)?", re.IGNORECASE)


def _opens_aim(text: str, language: str) -> bool:
    """The clause starts with a change or a wish ("and cut admin in half", "- øke …")."""
    opening = text[_LEADING_JOIN.match(text).end() :].lower()  # type: ignore[union-attr]
    patterns = [
        *cues.patterns("objective", language),
        *cues.patterns("objective_imperative", language),
    ]
    return any(
        (match := pattern.search(opening)) is not None and match.start() == 0
        for pattern in patterns
    )


def _two_wishes(first: ObjectiveFact, second: ObjectiveFact, language: str) -> bool:
    """ "Хочу онлайн-запись, … и поднять загрузку до 75 %": a wish with no figure, then an
    "and" that opens a change of its own with the figures, are two aims; a purpose clause
    ("so that …", "чтобы …") or a plain description still joins its neighbour."""
    if not (_bare(first) and not _bare(second)):
        return False
    opening = second.span.text.lower()
    joined = re.match(
        r"^\W*(?:and|og|och|и|а также|plus)\s+(?:(?:then|also|så|også|också|ещё|еще|тоже)\s+)?"
        r"(?:(?:i|we|jeg|vi|jag|я|мы)\s+)?",  # "og så vil jeg få opp …"
        opening,
        re.IGNORECASE,
    )
    if joined is None:
        return False
    rest = opening[joined.end() :]
    wish, change = cues.patterns("objective", language)
    return (change.match(rest) is not None or wish.match(rest) is not None) and (
        wish.search(first.span.text) is not None
    )


ENUMERATION = 3  # clauses of one sentence after "Ønsker:" that make it a list of objectives


def _listed_apart(reading: Reading, first: ObjectiveFact, second: ObjectiveFact) -> bool:
    """ "Ønsker: nettbooking innen april, maks 1 uke ventetid, jevnere inntekter vinterstid,
    kanskje selge brukte sykler": the items of a sentence that lists objectives stay apart,
    unless the second only says how ("mest ved å selge kaker …"); "mål: fylla tisdag-onsdag.
    från 40 % till 65 %" and "mål: bli mindre avhengig av mittanbud, det koster skjorta" do
    not list."""
    if not _same_sentence(reading.text, first, second):
        return False
    listed = after_header(reading.text, reading.language)
    if not any(s <= first.span.start < e for s, e in listed):
        return False
    sentence = next(p for p in sentences(reading.text) if p.start <= first.span.start < p.end)
    items = [o for o in reading.objectives if sentence.start <= o.span.start < sentence.end]
    enumerated = len(items) >= ENUMERATION
    return enumerated and cues.search("continuation", reading.language, second.span.text) is None


def _joined(text: str, first: ObjectiveFact, second: ObjectiveFact) -> ObjectiveFact:
    """One objective said in two clauses: the words of both, the figures of the second."""
    keep, other = (second, first) if _bare(first) else (first, second)
    start, end = first.span.start, second.span.end
    category = keep.category if keep.category != "other" else other.category
    span = Span(start=start, end=end, text=text[start:end])
    return keep.model_copy(
        update={"span": span, "category": category, "kpi": keep.kpi or other.kpi}
    )


def coach_objectives(reading: Reading) -> list[ObjectiveFact]:
    """The objectives the coach plans with: a clause with no figure or date joins the
    clause of its sentence that has them ("be more visible online and get more enquiries,
    from 10 to 25 a quarter" is one goal), or the next objective when that one gives its
    figures ("More course guests. We want course enquiries from 60 to 90 a year"), so the
    owner is not asked three questions about a half-sentence. Aims about different metrics
    stay apart."""
    merged: list[ObjectiveFact] = []
    for objective in reading.objectives:
        last = merged[-1] if merged else None
        if last is not None and _joins(reading, last, objective):
            merged[-1] = _joined(reading.text, last, objective)
        else:
            merged.append(objective)
    return merged


def _joins(reading: Reading, last: ObjectiveFact, objective: ObjectiveFact) -> bool:
    """Whether ``objective`` is part of the aim ``last`` began (see ``coach_objectives``)."""
    if _describes_item(reading, last, objective):
        return True
    if _whole_aim_then_another(reading, last, objective):
        return False
    near = not _next_list_item(reading.text, last, objective) and (
        _same_sentence(reading.text, last, objective) or (_bare(last) and not _bare(objective))
    )
    near = near and not _lines_apart(reading.text, last, objective)
    return (
        (_bare(last) or _bare(objective))
        and near
        and _one_aim(last, objective, reading.language)
        and not _new_aim_after_figures(last, objective, reading.language)
        and not _two_wishes(last, objective, reading.language)
        and not _listed_apart(reading, last, objective)
        and not _two_aims(last, objective, reading.language)
        and not parallel_wish(reading.text, _piece(objective), reading.language)
    )


def _lines_apart(text: str, last: ObjectiveFact, then: ObjectiveFact) -> bool:
    """Aims on lines of their own ("Bedre booking. Bytte ut BookFlow …\nNettklasser … 50
    nettmedlemmer …") are apart, unless the first line is only a heading of the next."""
    if "\n" not in text[last.span.end : then.span.start]:
        return False
    line_start = text.rfind("\n", 0, last.span.start) + 1
    line_end = text.find("\n", last.span.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.strip(" .:-–—•*") != last.span.text.strip(" .:-–—•*")


HEADLINE_WORDS = 6  # a first sentence this short only heads the aim the next one states


def _whole_aim_then_another(reading: Reading, last: ObjectiveFact, then: ObjectiveFact) -> bool:
    """ "Get wholesale ordering onto something proper so nobody texts me at 6am. And add 15
    new wholesale accounts": a whole sentence of an aim, then a sentence that opens an aim of
    its own, are two aims; "More course guests. We want enquiries from 60 to 90" is one."""
    if _same_sentence(reading.text, last, then):
        return False
    whole = len(last.span.text.split()) > HEADLINE_WORDS
    return whole and _opens_aim(then.span.text, reading.language)


_ITEM_START = re.compile(r"^\W*\(?\d[.)]\s")


def _describes_item(reading: Reading, item: ObjectiveFact, then: ObjectiveFact) -> bool:
    """ "3) stop wasting evenings driving out to quote. I'd say half my site visits go
    nowhere": a sentence of the same numbered item that opens no aim of its own describes
    that item's aim."""
    if not _ITEM_START.match(item.span.text) or _next_list_item(reading.text, item, then):
        return False
    if not _bare(item) or not _bare(then):
        return False
    wish = cues.patterns("objective", reading.language)[0]
    return not _opens_aim(then.span.text, reading.language) and not wish.search(then.span.text)


def _piece(objective: ObjectiveFact) -> Piece:
    return Piece(objective.span.text, objective.span.start)
