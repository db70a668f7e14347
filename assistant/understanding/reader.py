"""One reading of a message: numbers first, then what each belongs to."""

from __future__ import annotations

import datetime as dt

from assistant.extraction import normalize_language
from assistant.extraction.models import MAX_TEXT_CHARS
from assistant.understanding import cues, intents, profile
from assistant.understanding.beside_orders import from_add_orders, said_beside
from assistant.understanding.maturity import read_maturity, zero_online_sales
from assistant.understanding.metrics import (
    bind_by_cues,
    bind_by_meaning,
    fits,
    metric_bank,
    scaled,
)
from assistant.understanding.objective_figures import figure_role
from assistant.understanding.objective_units import priced
from assistant.understanding.objectives import read_objectives
from assistant.understanding.own_nouns import an_average, counts_own_thing
from assistant.understanding.quantities import Found, clock_times, read_amounts
from assistant.understanding.reading import (
    Amount,
    CommandFact,
    CorrectionFact,
    MetricFact,
    ObjectiveFact,
    ProfileFact,
    Reading,
    Span,
)
from assistant.understanding.team import counts_people
from assistant.understanding.text import (
    clauses,
    containing,
    sentences,
    span_of,
    without_quoted_arrows,
    without_quoted_notes,
)
from assistant.understanding.zero_words import zero_as_number

_PEOPLE = "people"


def _bound(
    text: str, language: str, found: Found, by_meaning: bool = True
) -> tuple[str, float] | None:
    """The metric of an amount, from its clause, else its sentence. People ("30 people")
    are bound only by a cue: most counts of people are staff, not a metric."""
    sentence = containing(sentences(text), found.start)
    if sentence is None:
        return None
    clause = containing(clauses(sentence), found.start) or sentence
    for piece in (clause, sentence):
        position = found.start - piece.start
        settle = piece is sentence  # a word two metrics share: the sentence may tell
        label = bind_by_cues(piece.text, language, position, found.amount, settle)
        if label is not None:
            return label, 0.8
    meant = bind_by_meaning(clause.text, language, found.amount) if by_meaning else None
    bound = meant or _time_spent(found.amount)
    if (bound is None or bound[0] == "other") and _unnamed_turnover(text, found, language):
        return "revenue", 0.6
    return bound


TURNOVER_REACH = 60  # characters either side of a sum that may say it is paid or spent


def _unnamed_turnover(text: str, found: Found, language: str) -> bool:
    """ "8 people, about 820k euro a year": a sum of money per year that no word names is
    what the business turns over; a sum paid or spent is said to be so."""
    amount = found.amount
    if amount.unit != "money" or amount.period != "year":
        return False
    before = text[max(0, found.start - TURNOVER_REACH) : found.start]
    after = text[found.end : found.end + TURNOVER_REACH]
    return not (
        cues.search("paid_before", language, before) or cues.search("paid_after", language, after)
    )


def _without_clock_times(text: str, language: str) -> str:
    """The text with the hours of the day blanked out ("утром с 8 до 11"), positions kept."""
    for start, end in clock_times(text, language):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _time_spent(amount: Amount) -> tuple[str, float] | None:
    """ "15 hrs a week", "часа 2 в день": hours per period with no other metric named are
    time the team spends on work, which the bank calls admin hours."""
    if amount.unit == "hours" and amount.period in ("day", "week", "month"):
        return "admin_hours", 0.5
    return None


def _names_revenue(words: str, language: str) -> bool:
    return cues.search("whole_revenue", language, words) is not None


def _sentence_end(text: str, position: int) -> int:
    piece = containing(sentences(text), position)
    return piece.end if piece else len(text)


def _metrics(
    text: str, language: str, amounts: list[Found], staff: Span | None
) -> tuple[list[MetricFact], ProfileFact | None, list[Span]]:
    metrics: list[MetricFact] = []
    revenue: ProfileFact | None = None
    unplaced: list[Span] = []
    part_until = part_said = -1  # the end of a sentence that spoke of one part's revenue
    for found in amounts:
        if staff and staff.start <= found.start < staff.end:
            continue
        if cues.search("segment_revenue", language, text[max(0, found.start - 50) : found.start]):
            part_until = _sentence_end(text, found.start)  # "… 1,3 млн, хочу 2 млн": that part
            part_said = found.end
        elif found.start < part_until and _names_revenue(text[part_said : found.start], language):
            part_until = -1  # "…, total turnover £1.1m": the whole again
        if cues.compiled(cues.raw("how_often_after").get(language, "$^")).match(text, found.end):
            unplaced.append(found.amount.span)  # "2 ggr per år, ca 2000 adresser": how often
            continue
        if counts_people(text, found.end, language):
            unplaced.append(found.amount.span)  # "11 engineers on the road": the team
            continue
        own = found.amount.unit == "count" and found.counted is None
        if own and counts_own_thing(text, found.end, language):
            unplaced.append(found.amount.span)  # "Парк 38 машин": cars, not orders
            continue
        bound = _bound(text, language, found, by_meaning=found.counted != _PEOPLE)
        if bound is not None and own and an_average(text, found, language, bound[0]):
            bound = None  # "bruttofortjeneste per bil (ca 28 000 i snitt)": no orders
        if bound is None:
            unplaced.append(found.amount.span)
            continue
        label, confidence = bound
        if "money" in metric_bank()[label].units and scaled(found.amount):
            found = Found(found.amount.model_copy(update={"unit": "money"}), found.counted)
        yearly = found.amount.period in (None, "year")
        part = cues.search("part_of_after", language, text[found.end : found.end + 40])
        total = found.start >= part_until and part is None  # not one part's revenue
        aimed = _aimed_revenue(text, found, language)  # "ну и выручку бы до 50 млн"
        if (
            label == "revenue"
            and yearly
            and total
            and not aimed
            and not revenue
            and found.amount.value >= 1000
        ):
            revenue = profile.revenue(found, language)
            if revenue is None:
                unplaced.append(found.amount.span)
            continue
        metrics.append(
            MetricFact(
                kpi=label, amount=found.amount, confidence=confidence, span=found.amount.span
            )
        )
    return metrics, revenue, unplaced


def _aimed_revenue(text: str, found: Found, language: str) -> bool:
    """ "Ну и выручку бы до 50 млн", "revenue up to £2m would be nice": a revenue the owner
    wishes to reach, not today's."""
    if figure_role(text, found, language) != "change_to":
        return False
    said = containing(sentences(text), found.start)
    return said is not None and cues.search("objective", language, said.text) is not None


def _zero_online_sales(text: str, language: str) -> MetricFact | None:
    """ "We sell nothing online": online sales are zero today, in the owner's words ("no
    online booking" is no figure as annotators read it; it settles a booking goal's
    baseline instead: assistant/coaching/implied.py)."""
    match = cues.search("zero_online_sales", language, text)
    if match is None:
        return None
    span = Span(start=match.start(), end=match.end(), text=match.group())
    amount = Amount(value=0.0, unit="%", span=span)
    return MetricFact(kpi="online_revenue_share", amount=amount, confidence=0.7, span=span)


def _other_figures(
    unplaced: list[Span], amounts: list[Found], objectives: list[ObjectiveFact]
) -> list[MetricFact]:
    """Figures that name no metric the reader knows but are plainly figures ("footfall
    about 9,000 a week", "open rate ~45 %"): kept as "other" with the owner's words, never
    dropped. Bare counts ("4 vans") are not kept."""
    used = {a.span.start for o in objectives for a in (o.baseline, o.target) if a is not None}
    by_start = {f.start: f for f in amounts}
    kept = []
    for span in unplaced:
        found = by_start.get(span.start)
        if found is None or span.start in used or found.counted == _PEOPLE:
            continue
        figure_like = found.amount.period is not None or found.amount.unit not in ("count",)
        if figure_like:
            kept.append(MetricFact(kpi="other", amount=found.amount, confidence=0.3, span=span))
    return kept


def _without_targets(
    metrics: list[MetricFact], objectives: list[ObjectiveFact]
) -> list[MetricFact]:
    """Today's figures only: an objective's target is not one, and a figure that is an
    objective's baseline belongs to the objective's metric."""
    targets = {o.target.span.start for o in objectives if o.target is not None}
    baselines = {o.baseline.span.start: o.kpi for o in objectives if o.baseline is not None}
    kept = []
    for metric in metrics:
        start = metric.amount.span.start
        if start in targets:
            continue
        objective_kpi = baselines.get(start)
        if objective_kpi is not None and fits(metric_bank()[objective_kpi], metric.amount):
            metric = metric.model_copy(update={"kpi": objective_kpi})
        kept.append(metric)
    return kept


def _numbers(reading: Reading, amounts: list[Found]) -> list[tuple[float, Span]]:
    """Every value the message gives, as (value, span): read amounts and the staff count."""
    found = [(f.amount.value, f.amount.span) for f in amounts]
    staff = reading.profile_value("staff")
    if staff is not None and not any(s.start <= staff.span.start < s.end for _, s in found):
        found.append((float(staff.value), staff.span))
    return sorted(found, key=lambda pair: pair[1].start)


def read(
    text: str, language: str, today: dt.date, brief: bool = False, goals: int | None = None
) -> Reading:
    """Everything understood in ``text`` (written in ``language``), as of ``today``; a
    ``brief`` is the first thing said, so nothing in it corrects what came before. Given
    the ``goals`` the plan has, "Goal 3: …" beyond them states a new aim, not an edit."""
    lang = normalize_language(language)
    text = zero_as_number(text[:MAX_TEXT_CHARS], lang)  # "we want zero by June": 0
    amounts = read_amounts(text, lang)  # never a quoted «62 poeng → 150 poeng» (see there)
    facts = profile.read_profile(without_quoted_notes(text), lang, amounts)  # not «X: …» quoted
    staff = next((f.span for f in facts if f.field == "staff"), None)
    metrics, revenue, unplaced = _metrics(text, lang, amounts, staff)
    if revenue is not None and not any(f.field == "industry" for f in facts):
        facts = profile.read_profile(without_quoted_notes(text), lang, amounts, revenue_said=True)
    ordered = intents.commands(text, lang)
    known = 0 if brief else goals
    if known is not None:  # "Goal 1: orders from 10 to 40" before there are goals: an aim
        ordered = [c for c in ordered if not _beyond(c, known)]
    orders = tuple(_order_span(text, c) for c in ordered if c.action not in AIMS_KEPT)
    timeless = _without_clock_times(without_quoted_arrows(text), lang)  # "с 14 до 17": hours
    timeless = from_add_orders(timeless, ordered)
    objectives = [
        o.model_copy(update={"span": span_of(text, o.span.start, o.span.end)})
        for o in read_objectives(timeless, lang, today, amounts, metrics, orders)
    ]
    objectives = [priced(o) for o in objectives]  # "revenue … 40k a month": money
    metrics = _without_targets(metrics, objectives)
    metrics += _other_figures(unplaced, amounts, objectives)
    if revenue is not None and _an_aims_target(revenue.span, objectives):
        revenue = None  # "omsättningen från 3,2 till 4 miljoner år 2028": 4 is the aim
    zero = _zero_online_sales(text, lang)
    if zero is not None and not any(m.kpi == zero.kpi for m in metrics):
        metrics.append(zero)
    asked = intents.questions(text, lang)
    facts = [f for f in facts if not _asked_about(text, f, asked, lang)]
    reading = Reading(
        text=text,
        language=lang,
        profile=facts + ([revenue] if revenue else []),
        metrics=metrics,
        objectives=objectives,
        questions=asked,
        commands=ordered,
        unplaced=unplaced,
    )
    wishes = [o.span for o in objectives] + [c.span for c in reading.commands]
    reading.maturity = zero_online_sales(text, lang, read_maturity(text, lang, wishes))
    reading.corrections = intents.corrections(text, lang, _numbers(reading, amounts))
    # an aim with no figure and no date ("ok goals are fine now", "need to show my
    # accountant") does not stop a message from approving
    aims = [o for o in reading.objectives if o.baseline or o.target or o.deadline]
    # a place named in passing ("btw the weather in Dublin is awful") is no answer
    said = [p for p in reading.profile if p.field != "location"]
    has_facts = bool(said or reading.metrics or aims or reading.maturity)
    reading.intents = intents.classify(
        text,
        lang,
        has_facts,
        reading.questions,
        reading.commands,
        reading.corrections,
        wants=bool(aims),
    )
    if reading.intent == "correction" and brief:  # a brief is said first: nothing to correct
        reading.intents = [i for i in reading.intents if i.kind != "correction"]
        reading.corrections = []
        return reading
    return _corrected(reading) if reading.intent == "correction" else _profile_fixed(reading)


def _an_aims_target(span: Span, objectives: list[ObjectiveFact]) -> bool:
    targets = [o.target.span for o in objectives if o.target and o.target.span]
    return any(t.start == span.start for t in targets)


def _profile_fixed(reading: Reading) -> Reading:
    """ "Mål 3 … innen juni. Og vi er 14 ansatte, ikke 13": beside an order, a head count or
    revenue said against its old value fixes that fact of the profile."""
    for index, correction in enumerate(reading.corrections):
        fact = next((p for p in reading.profile if _inside(correction.span, p.span)), None)
        old = intents.said_as_old(reading.text, correction.span, reading.language)
        if (
            fact is None
            or fact.field not in ("staff", "revenue")
            or old
            or said_beside(reading, fact)
        ):
            continue
        sentence = containing(sentences(reading.text), fact.span.start)
        olds = [
            f
            for f in read_amounts(sentence.text if sentence else "", reading.language)
            if intents.said_as_old(sentence.text, f.amount.span, reading.language)
        ]
        if not olds:  # "…, og vi er 14 ansatte": a head count said, not a fix
            continue
        reading.profile.remove(fact)
        reading.corrections[index] = correction.model_copy(
            update={"field": fact.field, "currency": fact.currency, "value": fact.value}
        )
    return reading


def _for_old_field(reading: Reading, fix: CorrectionFact, old: list[ProfileFact]) -> CorrectionFact:
    """ "я сказал нас 7, на самом деле 8": a bare new value after an old one said for a
    profile field fixes that field."""
    before = [p for p in old if p.span.end <= fix.span.start and _same_sentence(reading, p, fix)]
    if not before:
        return fix
    metric = next((m for m in reading.metrics if m.amount.span == fix.span), None)
    if metric is not None:
        reading.metrics.remove(metric)
    return fix.model_copy(update={"field": before[-1].field})


def _same_sentence(reading: Reading, fact: ProfileFact, fix: CorrectionFact) -> bool:
    return any(
        s.start <= fact.span.start and fix.span.end <= s.end for s in sentences(reading.text)
    )


def _asked_about(text: str, fact: ProfileFact, asked: list[Span], language: str) -> bool:
    """A place or trade named in a question that says nothing of the owner ("any tips on
    good fishing spots in Roslagen?") is no fact about the business."""
    if fact.field not in ("industry", "location", "business_name"):
        return False
    question = next((q for q in asked if q.start <= fact.span.start < q.end), None)
    if question is None:
        return False
    if fact.field == "business_name" and cues.search("names_itself", language, question.text):
        return False  # "Og firmanavnet er Fjellsida …, kan du skrive det inn?": said, not asked
    return cues.search("self_words", language, question.text) is None


def _order_span(text: str, command: CommandFact) -> Span:
    """Where an order is said; keeping a target takes its whole sentence ("Mål 1: behåll 70 %
    …, vi stänger telefonbokningen på kvällar": the reason for keeping it, no new aim)."""
    if command.action != "keep_goal":
        return command.span
    sentence = containing(sentences(text), command.span.start)
    return span_of(text, sentence.start, sentence.end) if sentence else command.span


GOAL_ORDERS = ("change_goal", "rename_goal", "turn_goal", "drop_goal")
# Orders whose words hold an aim read as one ("add a goal: clients from 35 to 60 by …").
AIMS_KEPT = ("add_goal", "export")


def _beyond(command: CommandFact, goals: int) -> bool:
    """A change to goal N when the plan has fewer goals: an aim said with its number. A goal
    deleted stays an order ("Delete goal 1. My real objectives: …"): it is no aim's name."""
    number = command.goal_number
    aimed = command.action in GOAL_ORDERS and command.action != "drop_goal"
    return aimed and number is not None and number > goals


def _stale_revenue(reading: Reading, metric: MetricFact) -> ProfileFact | None:
    """The revenue this message gave first, when the correction is an unnamed sum of money:
    the correction is the revenue, the first figure the one it replaces."""
    revenue = next((p for p in reading.profile if p.field == "revenue"), None)
    if metric.kpi != "other" or revenue is None or metric.span.start < revenue.span.start:
        return None  # "14-15 000 is what we pay …. Revenue last year was 16m": a cost first
    if metric.amount.unit == "money" and _near(metric.amount.value, revenue.value):
        return revenue  # "€480k was 2024. last year was €510k"
    if _revenue_scale(metric, revenue) is not None:
        return revenue  # "18 mill was 2024. last year we ended at 21,5": millions too
    return None


def _near(value: float, revenue: object) -> bool:
    """Two sums of one size: a year's revenue said again, not a monthly cost beside it."""
    return isinstance(revenue, int | float) and 0.33 <= value / max(float(revenue), 1.0) <= 3


def _revenue_scale(metric: MetricFact, revenue: ProfileFact) -> float | None:
    """The scale ("21,5" after "18 mill": a million) that puts a bare number beside the
    revenue said in the same message."""
    if metric.amount.unit not in (None, "count") or not isinstance(revenue.value, int | float):
        return None
    for scale in (1.0, 1e3, 1e6):
        if 0.5 <= metric.amount.value * scale / float(revenue.value) <= 2:
            return scale
    return None


def _inside(span: Span, other: Span) -> bool:
    return other.start <= span.start and span.end <= other.end


RESTATED_LIST = 2  # whole aims in a correction that make it the goal list said again


def _corrected(reading: Reading) -> Reading:
    """In a correction ("its 1.4m not 1.2"), the new values fix facts said before: each
    becomes a correction naming what it fixes, not a new fact of its own."""
    fixes = []
    reading.metrics = [  # "active customers is not 3": the old value is no fact
        m
        for m in reading.metrics
        if not intents.said_as_old(reading.text, m.span, reading.language)
    ]
    old = [
        p for p in reading.profile if intents.said_as_old(reading.text, p.span, reading.language)
    ]
    reading.profile = [p for p in reading.profile if p not in old]
    reading.corrections = [_for_old_field(reading, c, old) for c in reading.corrections]
    # a goal list said again ("kjøkken fra 60 % til 75 % …, tilbudstid fra 2 uker til 3
    # dager") stays a list of aims; one "from 15 to 25" in a correction fixes a goal
    whole = [o for o in reading.objectives if o.target and (o.baseline or o.deadline)]
    # "а про торты забыли? доля онлайн-заказов тортов: сейчас 0%, цель 50% к сентябрю 2027":
    # an aim with today's value, target and date is an aim, though the message corrects; in
    # a list of aims, one with a target and a date is one too ("… 50 nettmedlemmer innen
    # desember 2027")
    if len(whole) < RESTATED_LIST:
        whole = [o for o in whole if o.baseline and o.deadline]
    for correction in reading.corrections:
        if any(_inside(correction.span, o.span) for o in whole):
            continue  # an aim said again in full, from today's value to the target: no fix
        fact = next(  # "vi er 14 ansatte, ikke 13": the 14 of the head count
            (p for p in reading.profile if _inside(correction.span, p.span)), None
        )
        metric = next((m for m in reading.metrics if m.amount.span == correction.span), None)
        if fact is not None and fact.field in ("staff", "revenue") and said_beside(reading, fact):
            reading.profile.remove(fact)  # "goal 1 should be 350, not 400 - we only have 5 lads"
            continue
        if fact is not None and fact.field in ("staff", "revenue"):
            reading.profile.remove(fact)  # "2 врача + 5 персонал": the fact's whole value
            correction = correction.model_copy(
                update={"field": fact.field, "currency": fact.currency, "value": fact.value}
            )
        elif metric is not None and (stale := _stale_revenue(reading, metric)) is not None:
            reading.metrics.remove(metric)  # "€480k was 2024. last year was €510k"
            reading.profile.remove(stale)
            scale = _revenue_scale(metric, stale) or 1.0
            correction = correction.model_copy(
                update={
                    "field": "revenue",
                    "currency": metric.amount.currency or stale.currency,
                    "value": float(correction.value or 0) * scale,
                }
            )
        elif metric is not None:
            reading.metrics.remove(metric)
            update = {"field": metric.kpi, "period": metric.amount.period}
            correction = correction.model_copy(update=update)
        fixes.append(correction)
    reading.corrections = fixes
    reading.profile = [  # "…, сейчас они дают 12 млн в год, хочу 30": the aim's figure
        p
        for p in reading.profile
        if not (p.field == "revenue" and any(_inside(p.span, o.span) for o in whole))
    ]
    reading.objectives = [
        o for o in reading.objectives if not any(_inside(c.span, o.span) for c in fixes)
    ]
    return reading
