"""Objectives: what the owner wants to achieve, with today's value, the target and the
deadline when said — several per message, figures that follow in the next sentence,
"by 20 %" as a change relative to today's value."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from assistant.extraction import (
    classify_objective,
    find_date_spans,
)
from assistant.regex_cache import compiled
from assistant.understanding import cues
from assistant.understanding.intents import said_as_old
from assistant.understanding.metrics import (
    bind_by_cues,
    bind_by_meaning,
    cue_hits,
    metric_bank,
)
from assistant.understanding.objective_baselines import (
    complement_baseline,
    described_baseline,
    known_baseline,
    launched_market_baseline,
    missing_channel_baseline,
    none_yet_baseline,
    referred_baseline,
    unnamed_aim_baseline,
)
from assistant.understanding.objective_clauses import (
    aim_before,
    in_objectives_section,
    parallel_wish,
)
from assistant.understanding.objective_deadlines import deadline_of, gone_by
from assistant.understanding.objective_figures import figure_role, said_as_today, unit_price
from assistant.understanding.objective_lead_ins import after_remark, apart_from
from assistant.understanding.objective_merge import completed
from assistant.understanding.objective_scopes import (
    ONE_MORE,
    Scope,
    changed_to,
    in_one_item,
    objective_scopes,
)
from assistant.understanding.objective_units import (
    apart_in_time,
    one_time_unit,
    plausible_pair,
    shared_unit,
    two_things,
)
from assistant.understanding.quantities import Found
from assistant.understanding.reading import Amount, MetricFact, ObjectiveFact, Span
from assistant.understanding.relative import base_of_change, change_word, way_of
from assistant.understanding.text import (
    Piece,
    clauses,
    containing,
    sentences,
    span_of,
    without_dates,
    without_forgone,
)

UNITLESS_SIMILARITY = 0.5  # with no number to check the unit, only a close example decides


def _comparable(a: Found, b: Found) -> bool:
    """Two figures of one metric: the same unit, a bare count beside a unit, or a zero."""
    units = (a.amount.unit, b.amount.unit)
    return units[0] == units[1] or "count" in units or 0 in (a.amount.value, b.amount.value)


FROM_AND_TO = 2  # figures an aim needs besides one put right to leave that one out


def _numbers(
    text: str, scope: Scope, language: str
) -> tuple[Found | None, Found | None, Found | None]:
    """(baseline, target, relative change) among the scope's amounts: by the words before
    each ("from", "to", "by", "now"), else the last is the target and an earlier one of the
    same unit today's value."""
    baseline = target = change = None
    rest = []
    contrasts = [f for f in scope.amounts if _compared_with(text, f, language)]
    put_right = [f for f in scope.amounts if said_as_old(text, f.amount.span, language)]
    if len(scope.amounts) - len(put_right) < FROM_AND_TO:
        put_right = []  # "half an hour a day, not 3 hours": today's value, said as "not"
    for index, found in enumerate(scope.amounts):
        role = figure_role(text, found, language)
        if found in contrasts:
            continue  # "55 % booked vs 90 % on Fri/Sat": another thing's figure, for contrast
        if found in put_right:
            continue  # "Reviews: 23 to 100 by June, not 5!": the wrong figure, put right
        contrasted = index + 1 < len(scope.amounts) and scope.amounts[index + 1] in contrasts
        if role == "change_by" and found.amount.unit == "%":
            change = found
        elif role == "change_to" and not changed_to(text, found, language):
            target = found
        elif role == "change_from" or (
            baseline is None
            and (
                contrasted
                or said_as_today(text, found, language, scope.start)
                or changed_to(text, found, language)
                or _done_before(text, found, language)
            )
        ):
            baseline = found
        elif not _another_today(text, found, language, scope, baseline):
            rest.append(found)
    said = text[scope.start : scope.end]  # "…, and churn is bad, around 9 %": joined on
    wished = any(p.search(said) for p in _wishes(language))
    wished = wished or cues.search("elided_wish", language, said) is not None  # "and 8 new …"
    dated = bool(find_date_spans(said, language))  # "And a subscription … by Christmas": aimed
    described = ONE_MORE.match(said) is not None and not (wished or dated)
    if target is None and baseline is None and len(rest) == 1 and described:
        baseline = rest.pop()  # "and churn is bad, around 9 % a month": how it is today
    if target is None and baseline is None and len(rest) == 1 and change_word(said, language):
        baseline = rest.pop()  # "vi slänger 15-20 kg om dan, vill halvera det": today's
    if target is None and rest:
        target = _aimed_at(text, scope, rest, language)
        rest.remove(target)
    if baseline is None and target is not None:
        earlier = [f for f in rest if f.start < target.start and _comparable(f, target)]
        baseline = earlier[0] if earlier else None
    if change and target and baseline is None and base_of_change(text, change, target, language):
        baseline, target = target, None  # "up 15 % on last winter (£92,000)": its base
    return baseline, target, change


def _done_before(text: str, found: Found, language: str) -> bool:
    """ "…, we won 6 in 2026": a figure the business reached in a year said is today's
    value ("We got 1 reply to our last advert" is no value of the aim)."""
    sentence = containing(sentences(text), found.start)
    clause = containing(clauses(sentence), found.start) if sentence else None
    said = clause.text if clause else ""
    dated = bool(find_date_spans(said, language)) or cues.search("last_year", language, said)
    return bool(dated) and cues.search("done_before", language, said) is not None


def _free_for(found: Found, kpi: str | None, claimed: dict[int, str | None] | None) -> bool:
    """Whether a figure described earlier may be today's value of an aim counting ``kpi``:
    not when an earlier aim of another metric read it as its own ("25 % of the slots stand
    empty" is not today's share of online bookings)."""
    if not claimed or found.start not in claimed:
        return True
    return kpi is not None and claimed[found.start] == kpi


def _another_today(
    text: str, found: Found, language: str, scope: Scope, baseline: Found | None
) -> bool:
    """ "vi har 4,3 på google med 180 omdömen": a second figure of how things are today,
    in the same clause as the first and with no wish between them, is no target."""
    if baseline is None or cues.search("objective", language, text[baseline.end : found.start]):
        return False
    between = text[baseline.end : found.start]
    return not re.search(r"[.;!?]", between) and said_as_today(text, found, language, scope.start)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
COMPARED_REACH = 20  # "… booked vs ", "сравнению с ": the words right before the figure


def _compared_with(text: str, found: Found, language: str) -> bool:
    before = text[max(0, found.start - COMPARED_REACH) : found.start]
    return cues.search("compared_with", language, before) is not None


def _wishes(language: str) -> tuple[re.Pattern[str], ...]:
    return (*cues.patterns("objective", language), *cues.patterns("objective_imperative", language))


def _aimed_at(text: str, scope: Scope, figures: list[Found], language: str) -> Found:
    """The figure aimed at: the last one said ("vi har 23 anmeldelser. Målet er 60"), unless
    the sentences after the aim's own only describe ("få inn 4 maskinførere før sesongen.
    Fikk 2 søknader på siste annonse"): then the last one in the aim's sentence."""
    end = _SENTENCE_END.search(text, scope.start)
    if end is None:
        return figures[-1]
    in_aim = [f for f in figures if f.end <= end.start()]
    after = text[end.end() : scope.end]
    if not in_aim or cues.search("objective", language, after) is not None:
        return figures[-1]
    return in_aim[-1]


def _before_the_change(
    everything: list[Found], target: Amount, change_percent: float | None
) -> Amount | None:
    """Today's value a relative aim and its target imply, when the owner said it too:
    "double online sales to 3.6m" with "about 1.8m online" said before."""
    if not change_percent or change_percent <= -100:
        return None
    implied = target.value / (1 + change_percent / 100)
    said = [
        f.amount
        for f in everything
        if f.amount.span != target.span
        and f.amount.unit == target.unit
        and abs(f.amount.value - implied) <= 0.03 * implied
    ]
    return said[0] if len(said) == 1 else None


NEW_AFTER = 25  # characters after a target that say what it counts ("20 new clients")


def _counts_new(text: str, target: Amount | None, language: str) -> bool:
    """ "take on 20 new clients": a count of new ones, which the total said earlier ("about
    140 clients") is not today's value of."""
    if target is None:
        return False
    after = text[target.span.end : target.span.end + NEW_AFTER]
    return cues.search("counts_new", language, after) is not None


def _derived_target(text: str, baseline: Amount, percent: float, scope: Scope) -> Amount:
    """Today's value changed by ``percent``, spanning both the value and the change."""
    value = round(baseline.value * (1 + percent / 100), 4)
    start, end = min(baseline.span.start, scope.start), max(baseline.span.end, scope.end)
    return baseline.model_copy(
        update={"value": value, "low": None, "high": None, "span": span_of(text, start, end)}
    )


def _lead_in(text: str, start: int, sentence_before: bool = True) -> str:
    """What comes before an objective's words: its own sentence so far and (unless left
    out) the sentence before ("Reception spends hours on e-mail. We want that down from 20
    to 10 hours")."""
    before = [p for p in sentences(text) if p.start < start]
    if before and before[-1].end <= start:  # the objective opens its sentence
        before.append(Piece("", start))
    back = 2 if sentence_before else 1
    first = before[-back].start if len(before) >= back else before[0].start if before else start
    return text[first:start].strip()


# "(fortnightly visits, about £95 a month each)": an aside in brackets names no metric
_ASIDE = re.compile(r"\([^()]*\)")


def _kpi(
    text: str,
    scope: Scope,
    language: str,
    amount: Amount | None,
    said_before: frozenset[str] = frozenset(),
) -> str | None:
    """The objective's metric: by cue words in its own words, then in the sentence before
    ("Reception spends hours on e-mail. We want that down from 20 to 10 hours"), then by
    meaning."""
    words = _ASIDE.sub(lambda m: " " * len(m.group()), text[scope.start : scope.end])
    words = without_forgone(words, language)  # "150 a week without hiring"
    verb = _verb(words, language)  # "fler bokningar utan att vi sitter i telefon": bookings
    unsaid = len(words) if verb is None else verb[1]
    position = amount.span.start - scope.start if amount else unsaid
    points_back = cues.search("anaphora", language, words) is not None  # "want that down"
    points_back = points_back or _bare_aim(words, language)  # "… 40 % now. I want 70 %."
    points_back = points_back and not aim_before(text, scope.start, language)
    context = _lead_in(text, scope.start, sentence_before=points_back)
    sibling = parallel_wish(text, scope.pieces[0], language)  # "…, og at vi får flere elbiler"
    names_own = bool(cue_hits(words, language, 0))  # "matsvinn … halvera det": its own metric
    borrow = amount and not sibling and not names_own
    borrowed = [(f"{context} {words}", len(context) + 1)] if borrow else []
    pieces = [(words, 0), *borrowed]
    for piece, offset in pieces:
        if amount is None:
            hits = cue_hits(piece, language, offset + position)
            if hits:
                return hits[0][2]
            continue
        label = bind_by_cues(piece, language, offset + position, amount, True, said_before)
        if label is not None:
            return label
    found = bind_by_meaning(words, language, amount)
    if found is None or (amount is None and found[1] < UNITLESS_SIMILARITY):
        return None
    return found[0]


def _bare_aim(words: str, language: str) -> bool:
    """An aim that names nothing but its figure and date ("I want 70% by next winter")."""
    words = without_dates(words, language)
    said = "|".join(cues.raw("metric_lead_in").get(language, ()))
    words = compiled(rf"(?<!\w)(?:{said})(?!\w)", re.IGNORECASE).sub(" ", words) if said else words
    for pattern in cues.patterns("points_there", language):  # "I want 50% there"
        words = pattern.sub(" ", words)
    return len(re.findall(r"[^\W\d_]", words)) < BARE_LETTERS


BARE_LETTERS = 4  # fewer letters than this besides wish words, figures and dates: no name


def _category(words: str, lead_in: str, language: str, kpi: str | None) -> str:
    """By the objective's own words, else its metric, else the words leading up to it."""
    ranking = classify_objective(words, language)
    if ranking and ranking[0][1] > 0:
        return ranking[0][0]
    spec = metric_bank().get(kpi or "")
    if spec is not None:
        return spec.category
    ranking = classify_objective(lead_in, language) if lead_in else []
    return ranking[0][0] if ranking and ranking[0][1] > 0 else "other"


Direction = Literal["increase", "decrease"]


def _verb(words: str, language: str) -> tuple[Direction, int] | None:
    """The way the owner's first verb of change points ("cut no-shows", "grow sales"), and
    where that verb is said."""
    purpose = cues.search("purpose_clause", language, words)
    if purpose is not None:  # "bättre koll på lagret så att svinnet minskar": it falls
        aimed = _verb_in(words[purpose.end() :], language)
        if aimed is not None:
            return aimed[0], purpose.end() + aimed[1]
    return _verb_in(words, language)


def _verb_in(words: str, language: str) -> tuple[Direction, int] | None:
    down = cues.search("decrease", language, words)
    up = cues.search("increase", language, words)
    if down is None or (up is not None and up.start() < down.start()):
        return ("increase", up.start()) if up is not None else None
    return "decrease", down.start()


def _direction(
    text: str, scope: Scope, language: str, baseline: Amount | None, target: Amount | None
) -> Direction | None:
    """The owner's verb, unless it is said in another clause than the target and the two
    figures go the other way: in "we drop to roughly 40 %, want 70 %" the verb describes
    today and the figures say the aim; "reduce no-shows from 8 % to 10 %" keeps its verb."""
    verb = _verb(text[scope.start : scope.end], language)
    floor = target is not None and cues.search(
        "floor_before", language, text[max(0, target.span.start - 24) : target.span.start]
    )
    if floor and verb is not None and verb[0] == "decrease":
        said_at = scope.start + verb[1]
        if re.search(r"[,.;:!?\n–—]", text[said_at : target.span.start]):
            return "increase"  # "Mindre styr med booking: at minst 40 % via nett"
    if verb is None or baseline is None or target is None or baseline.value == target.value:
        return verb[0] if verb else None
    figures: Direction = "increase" if target.value > baseline.value else "decrease"
    said_at = scope.start + verb[1]
    between = text[min(said_at, target.span.start) : max(said_at, target.span.start)]
    if verb[0] != figures and re.search(r"[,.;:!?\n–—]", between):
        return figures
    return verb[0]


def _objective(
    text: str,
    scope: Scope,
    language: str,
    today: dt.date,
    metrics: list[MetricFact],
    everything: list[Found],
    taken: frozenset[int] = frozenset(),
    claimed: dict[int, str | None] | None = None,
) -> ObjectiveFact:
    everything = [f for f in everything if not unit_price(text, f, language)]  # "£45 each"
    baseline_found, target_found, change = _numbers(text, scope, language)
    baseline = baseline_found.amount if baseline_found else None
    target = target_found.amount if target_found else None
    if baseline is not None and target is not None and apart_in_time(text, baseline, target):
        baseline = target = None  # "120 returns and half come in the last 3 weeks": two things
    if baseline is not None and target is not None and two_things(text, baseline, target):
        baseline = None  # "4,3 stjerner og 85 anmeldelser … 200 anmeldelser": 85 is today's
    if baseline is not None and target is not None:
        baseline = shared_unit(baseline, target)
        target = shared_unit(target, baseline)  # "from 8 % … down to 3": 3 %
        if target.period is None and target.unit == baseline.unit:  # "6 h a week … to 2"
            target = target.model_copy(update={"period": baseline.period})
    before = frozenset(m.kpi for m in metrics if m.amount.span.start < scope.start and m.kpi)
    relative = target is None and baseline is None and change is not None  # "25 % mer omsetning"
    kpi = _kpi(text, scope, language, None if relative else target or baseline, before)
    spec = metric_bank().get(kpi or "")
    comparable = (spec is not None and spec.new_ones) or not _counts_new(text, target, language)
    comparable = comparable and not relative  # today's value of the part meant is not known
    starts_new = cues.search("starts_new", language, text[scope.start : scope.end])
    comparable = comparable and starts_new is None  # "start a class": nothing said is today
    if baseline is None and kpi is not None and comparable:
        others = taken - {a.start for a in scope.amounts}  # another objective's figures
        free = [m for m in metrics if m.amount.span.start not in others]
        way = _verb(text[scope.start : scope.end], language)
        said = (text, language)
        baseline = known_baseline(free, kpi, target, scope, said, way[0] if way else None)
    if baseline is None and target is not None:  # never another aim's figure ("under 10 %")
        own = {a.start for a in scope.amounts}
        untaken = [f for f in everything if f.start not in taken or f.start in own]
        baseline = referred_baseline(text, scope, language, target, untaken)
    words = text[scope.start : scope.end]
    if baseline is None and target is not None:  # "85 % via Booking.com … 35 % direkt"
        baseline = complement_baseline(text, kpi, target, everything, language)
    aimed = target is not None or change is not None or change_word(words, language) is not None
    if baseline is None and comparable and aimed and not (spec and spec.new_ones):
        earlier = [
            f
            for f in everything
            if f.end <= scope.start and f.start not in taken and _free_for(f, kpi, claimed)
        ]
        verb = _verb(words, language)
        baseline = described_baseline(
            text, words, kpi, language, target, verb[0] if verb else None, earlier
        )
    if baseline is None and target is not None:  # "omsetter ca 1,8 mill … doble til 3,6 mill"
        baseline = _before_the_change(everything, target, change_word(words, language))
    if baseline is None and target is not None:  # "we have 22 contracts … and I want 45"
        baseline = unnamed_aim_baseline(text, target, everything, language)
    if baseline is None and target is not None:  # "Har ingen i dag. … 50 nettmedlemmer"
        baseline = none_yet_baseline(text, scope, target, language)
    if baseline is None and target is not None:  # "No online ordering … 40 % self-service"
        baseline = missing_channel_baseline(text, kpi, target, language)
    if baseline is None and target is not None:  # "lansera i Norge … 15 % därifrån"
        baseline = launched_market_baseline(text, scope, target, language)
    if baseline is not None and target is not None:
        baseline, target = one_time_unit(baseline, target)
        said_from = baseline_found is not None and baseline.span == baseline_found.amount.span
        said_from = said_from and figure_role(text, baseline_found, language) == "change_from"
        if not (said_from or plausible_pair(baseline, target)):
            baseline = None  # a figure picked up from elsewhere, not "from X to Y"
    direction = _direction(text, scope, language, baseline, target)
    decrease = direction == "decrease"
    change_percent = None
    if change is not None:
        change_percent = -change.amount.value if decrease else change.amount.value
    elif target is None:
        change_percent = way_of(change_word(words, language), direction)
    if change_percent is not None and target is None and baseline is not None:
        target = _derived_target(text, baseline, change_percent, scope)
    floor = target is not None and baseline is not None and target.value <= baseline.value
    hold = (target is None or floor) and baseline is not None and change_percent is None
    hold = hold and cues.search("keep_level", language, words) is not None  # "4.7 or better"
    target = baseline if hold else target  # "rated 9.1, which I want to keep": today's level
    return ObjectiveFact(
        category=_category(words, _lead_in(text, scope.start), language, kpi),
        kpi=kpi,
        baseline=baseline,
        target=target,
        change_percent=change_percent,
        direction=direction,
        hold=hold,
        deadline=deadline_of(text, scope, language, today),
        gone_by=gone_by(text, scope, language, today),
        confidence=0.7 if target or baseline else 0.5,
        span=span_of(text, after_remark(text, scope, baseline, language), scope.end),
    )


def read_objectives(
    text: str,
    language: str,
    today: dt.date,
    amounts: list[Found],
    metrics: list[MetricFact],
    orders: tuple[Span, ...] = (),
) -> list[ObjectiveFact]:
    """Objectives, leaving out the clauses that order a change to the plan ("drop goal 4")."""
    read = in_one_item(text, objective_scopes(text, language, amounts), language)
    scopes = [s for s in (apart_from(s, orders) for s in read) if s is not None]
    scopes = in_objectives_section(text, language, scopes)
    taken = frozenset(a.start for s in scopes for a in s.amounts)  # another objective's figures
    claimed: dict[int, str | None] = {}  # today's values already read, by the metric's KPI
    found = []
    for scope in scopes:
        objective = _objective(text, scope, language, today, metrics, amounts, taken, claimed)
        if objective.baseline is not None and objective.baseline.span is not None:
            claimed.setdefault(objective.baseline.span.start, objective.kpi)
        found.append(objective)
    return completed(found, text, language)
