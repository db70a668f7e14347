"""What the coach stores from a message, taken from the typed reading: every number comes
from a fact with a span of the owner's words. The older rules still supply what the typed
reading does not carry (dated deadline moves, unusable dates, markets, "don't know")."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from assistant.coaching.catalogue import load_kpi_catalogue, load_maturity_questions
from assistant.coaching.commands import plan_commands
from assistant.coaching.goal_kpis import figure_of, goal_kpi, in_kpis_period
from assistant.coaching.market_words import markets_kept
from assistant.coaching.objective_joins import coach_objectives
from assistant.coaching.plan import Money
from assistant.coaching.units import DEFAULT_CURRENCY
from assistant.extraction.numbers import CURRENCY_CODES
from assistant.understanding import cues
from assistant.understanding.intents import yes_said_apart
from assistant.understanding.maturity import question_ids
from assistant.understanding.metrics import catalogue_kpi, cue_hits
from assistant.understanding.profile import off_season_staff
from assistant.understanding.quantities import read_amounts
from assistant.understanding.quiet_months import quiet_months
from assistant.understanding.reading import CommandFact, ObjectiveFact, Reading, Span
from assistant.understanding.text import sentences
from assistant.understanding.trades import trades_pattern

if TYPE_CHECKING:
    from assistant.coaching.facts import Facts, GoalCandidate

FOLLOWERS = "social_followers"
_QUESTION_WORDS = {lang: set(words) for lang, words in cues.raw("question_words").items()}


def _figure_kpi(label: str | None, text: str, language: str) -> str | None:
    """A figure's KPI: followers are kept as such (the marketing state records them)."""
    return FOLLOWERS if label == FOLLOWERS else goal_kpi(label, text, language, None)


def _goal(objective: ObjectiveFact, language: str) -> GoalCandidate:
    from assistant.coaching.facts import GoalCandidate

    category = objective.category
    valid = {"revenue_growth", "operational_efficiency", "brand_awareness"}
    valid |= {"customer_experience", "market_reach"}
    return GoalCandidate(
        text=objective.span.text,
        category=category if category in valid else "other",
        kpi_id=goal_kpi(
            objective.kpi or _relative_aim_metric(objective, language),
            objective.span.text,
            language,
            category,
            (objective.baseline, objective.target),
        ),
        baseline=figure_of(objective.baseline, language=language) if objective.baseline else None,
        target=figure_of(objective.target, language=language) if objective.target else None,
        deadline=objective.deadline.date if objective.deadline else None,
        change_percent=objective.change_percent,
        direction=objective.direction,
        hold=objective.hold,
    )


def _relative_aim_metric(objective: ObjectiveFact, language: str) -> str | None:
    """ "grow trial signups by 50 %": the metric its words name, by the same cues that bound
    "trial signups about 300 a month" said before, so the aim starts from that figure."""
    if objective.change_percent is None or objective.baseline or objective.target:
        return None
    hits = cue_hits(objective.span.text, language, 0)
    return hits[0][2] if hits else None


def _undecided(objective: ObjectiveFact, language: str) -> bool:
    """ "Ещё думаю про сайт, но не знаю, нужен ли он вообще": a thing the owner is unsure
    they need, with no figure or date, is a question for the plan, not a goal."""
    figures = objective.baseline or objective.target or objective.change_percent
    unsure = cues.search("undecided_need", language, objective.span.text) is not None
    return unsure and not (figures or objective.deadline)


def _a_source(said: str, language: str) -> bool:
    """ "Mål 1: datakälla Visma och Shopify, per månad": where a goal's figures come from,
    no aim of its own."""
    return cues.search("data_source_said", language, said) is not None


def _plausible(goal: GoalCandidate) -> GoalCandidate:
    """A number that cannot be true ("-300 customers") is left out, so the coach asks."""
    from assistant.coaching.facts import possible

    for name in ("baseline", "target"):
        figure = getattr(goal, name)
        if figure is not None and not possible(figure.value, figure.unit, goal.kpi_id):
            setattr(goal, name, None)
    return goal


def _revenue(reading: Reading) -> Money | None:
    fact = reading.profile_value("revenue")
    if fact is None:
        return None
    currency = fact.currency if fact.currency in CURRENCY_CODES else None
    return Money(amount=float(fact.value), currency=currency or DEFAULT_CURRENCY[reading.language])


_SCALE = {"yes": 4, "partly": 2, "no": 0}


def _bank_answer(kind: str, answer: str) -> object | None:
    """A typed answer in the question's own kind; a checklist "yes" by meaning names no
    option to tick, so it is left for the coach to ask."""
    if answer == "unknown":
        return "unknown"
    if kind == "scale_0_5":
        return _SCALE[answer]
    if kind == "checklist":
        return [] if answer == "no" else None
    return {"partly": "partial"}.get(answer, answer)


def _maturity(reading: Reading) -> dict:
    """The reading's answers in the question bank's terms. The reading decides yes, partly,
    no or unknown (it weighs hedges and "but nobody looks at it"); a checklist keeps the
    options its clause ticks."""
    bank = load_maturity_questions()
    kinds = {q.id: q.kind for q in bank.questions}
    answers: dict = {}
    for fact in reading.maturity:
        question_id = question_ids().get(fact.topic)
        if question_id is None:
            continue
        typed = _bank_answer(kinds[question_id], fact.answer)
        if kinds[question_id] == "checklist" and fact.answer in ("yes", "partly"):
            typed = bank.find_answers(fact.span.text, reading.language).get(question_id)
        if typed is not None:
            answers = bank.merge(answers, {question_id: typed})
    return answers


def _in_passing(reading: Reading) -> list[str]:
    """Questions answered only by an everyday word or by meaning ("5 freelancers cover
    some slots" is no answer about digital skills unless that question was just asked)."""
    ids = question_ids()
    firm = {ids.get(f.topic) for f in reading.maturity if not f.in_passing}
    return sorted({ids[f.topic] for f in reading.maturity if f.in_passing} - firm)


def _approves_the_rest(reading: Reading) -> bool:
    """ "nearly right, but revenue was 12m, otherwise correct": a fix, or a question ("how
    do I measure it? otherwise approved"), that approves the rest."""
    return reading.intent in ("correction", "question") and any(
        cues.search("rest_is_right", lang, reading.text) for lang in {reading.language, "en"}
    )


def _apply_corrections(facts: Facts, reading: Reading) -> None:
    """Corrected staff and revenue ("we're 12 now, not 11") replace what was said before; a
    figure given in a message that corrects something else ("Som jag skrev har vi redan en
    webbshop … runt 140 recensioner") is today's value of its KPI all the same."""
    from assistant.coaching.facts import Figure

    catalogue = load_kpi_catalogue()
    for correction in reading.corrections:
        if correction.value is None:
            continue
        value = float(correction.value)
        if correction.field == "staff" and value == int(value) and value >= 1:
            facts.staff, facts.profile_fixed = int(value), True
        elif correction.field == "revenue" and value > 0 and correction.period in (None, "year"):
            facts.profile_fixed = True
            currency = correction.currency if correction.currency in CURRENCY_CODES else None
            facts.revenue = Money(
                amount=value, currency=currency or DEFAULT_CURRENCY[reading.language]
            )
        elif cues.search("target_named", reading.language, _before(reading.text, correction.span)):
            continue  # "admin hours target is 8, not 19": a goal's target, not today's figure
        elif (kpi := catalogue_kpi(correction.field) or correction.field) == FOLLOWERS or (
            catalogue.find_kpi(kpi) is not None
        ):  # "45 jobs a month, not 7507": the reader's "orders" is the catalogue's KPI
            said = Figure(value=value, kpi_id=kpi, period=correction.period)
            facts.figures.append(in_kpis_period(said))  # "600 jobs a YEAR": 50 a month


_BY = re.compile(
    r"^(?:by|before|until|till|no later than|innen|før|til|senest|senast|före|innan"
    r"|до|к|не позднее)\b",
    re.IGNORECASE,
)


def _unusable(unusable: tuple[str, str] | None, reading: Reading) -> tuple[str, str] | None:
    """A date gone by is a deadline problem only when it is said as a deadline ("by June
    2020") or in an objective or a command; "the site was built in 2019" is history."""
    if unusable is None:
        return None
    wishes = bool(reading.objectives or reading.commands)
    return unusable if wishes or _BY.match(unusable[0].strip()) else None


def fill_from_reading(facts: Facts, reading: Reading, today: date) -> Facts:
    """``facts`` (read by the rules) with everything the typed reading knows put in."""
    from assistant.coaching.facts import PROSE_WORDS, possible

    catalogue = load_kpi_catalogue()
    profile = {fact.field: fact for fact in reading.profile}
    said_as_name = str(profile["business_name"].value) if "business_name" in profile else ""
    if said_as_name and sum(w.islower() for w in said_as_name.split()) < PROSE_WORDS:
        facts.business_name = said_as_name  # "det var noe google greier da" is no name
    staff = profile.get("staff")
    facts.staff = int(staff.value) if staff is not None else None
    if staff is not None:
        facts.staff_off_season = off_season_staff(
            reading.text, reading.language, read_amounts(reading.text, reading.language)
        )
    facts.revenue = _revenue(reading)
    if "industry" in profile and str(profile["industry"].value) != said_as_name:  # not the name
        facts.industry = str(profile["industry"].value)
        facts.industry_guessed = profile["industry"].confidence < 0.5
    elif facts.industry and "location" in profile:
        place = profile["location"].span.text  # ", в Туле только мастерская": where, not what
        facts.industry = None if place in facts.industry else facts.industry
    facts.markets = markets_kept(facts.markets, profile, reading.language, reading.text)
    facts.figures = [
        figure_of(m.amount, _figure_kpi(m.kpi, m.span.text, reading.language), reading.language)
        for m in reading.metrics
        if catalogue_kpi(m.kpi) in {k.id for k in catalogue.kpis} or m.kpi == FOLLOWERS
        if not cues.search("per_item_after", reading.language, _after(reading.text, m.span))
        and not cues.search("price_for_before", reading.language, _before(reading.text, m.span))
        and not cues.search("target_named", reading.language, _before(reading.text, m.span))
    ]  # "admin hours target is 8 hrs/week": the goal's target, not a figure of today
    facts.figures = [f for f in facts.figures if possible(f.value, f.unit, f.kpi_id)]
    if reading.intent != "correction":  # "30 förfrågningar …, offert på 20, vinner 6": 30
        facts.figures = [
            f
            for n, f in enumerate(facts.figures)
            if f.kpi_id not in {g.kpi_id for g in facts.figures[:n]}
        ]
    facts.goals = [
        _plausible(_goal(o, reading.language))
        for o in coach_objectives(reading)
        if not _undecided(o, reading.language)
        and not _a_source(o.span.text, reading.language)
        and not cues.search("asks_coach_for", reading.language, o.span.text)
    ]
    facts.maturity = _maturity(reading)
    facts.in_passing = _in_passing(reading)
    facts.approve = reading.intent == "approval" or _approves_the_rest(reading)
    facts.yes_apart = reading.intent not in (
        "command",
        "correction",
        "objection",
    ) and yes_said_apart(reading.text, reading.language)
    facts.disagree = reading.intent == "objection"
    facts.go_ahead = cues.search("go_ahead", reading.language, reading.text) is not None
    facts.final_summary = cues.search("final_summary", reading.language, reading.text) is not None
    unsure = cues.raw("maturity_hedges")["unknown"].get(reading.language, ())
    facts.unsure = any(cues.compiled(p).search(reading.text) for p in unsure)
    facts.question = facts.question or bool(reading.questions)
    _apply_corrections(facts, reading)
    facts.unusable_deadline = _unusable(facts.unusable_deadline, reading) or next(
        (
            (o.gone_by, "past")
            for o in reading.objectives
            if o.gone_by and not o.deadline and _BY.match(o.gone_by.strip())
        ),
        None,
    )  # "want 40 a month by summer 2026" beside aims with good dates; "built in 2017" is not
    facts.intent = reading.intent
    facts.aside = reading.intent != "off_topic" and any(
        cues.search("off_topic", reading.language, s.text)
        and not cues.search("no_new_work", reading.language, s.text)  # "… på semester"
        and not cues.search("business_talk", reading.language, s.text)  # "we do coffee"
        and not trades_pattern(reading.language).search(s.text)  # "lunsj, litt catering"
        and not any(c.span.start < s.end and s.start < c.span.end for c in reading.commands)
        for s in sentences(reading.text)
    )
    facts.renamed = "business_name" in profile and bool(
        cues.search("names_itself", reading.language, reading.text)
    )
    facts.sources = {
        ("markets" if f.field == "location" else f.field): f.span.text for f in reading.profile
    }
    facts.asked = [
        q.text
        for q in reading.questions
        if not _an_order(q, reading.commands)
        and not cues.search("final_summary", reading.language, q.text)  # "Can I have it?"
    ]
    facts.asked += [  # "I'd still like some answer on Treatwell": asked, with no "?"
        s.text
        for s in sentences(reading.text)
        if cues.search("asks_coach_for", reading.language, s.text) and "?" not in s.text
    ]
    if reading.intent == "objection":  # "a webshop for tyres? no, not our thing": not asked
        facts.asked = [
            q
            for q in facts.asked
            if q.split()[0].lower() in _QUESTION_WORDS.get(reading.language, ())
        ]
    facts.commands = plan_commands(reading, today)
    facts.quiet_months = quiet_months(reading.text, reading.language, today)
    drop = next((c for c in reading.commands if c.action == "drop_goal"), None)
    facts.drop_goal = drop.goal_number if drop else facts.drop_goal
    return facts


_NOT_ORDERS = ("show", "export", "other")  # asked about the plan, or an export: answered


def _an_order(question: Span, commands: list[CommandFact]) -> bool:
    """ "Can you rename goal 2 to 'share of appointments booked online'?": an order put as
    a question is obeyed, not looked up in the guidance as well."""
    return any(
        c.action not in _NOT_ORDERS and c.span.start < question.end and question.start < c.span.end
        for c in commands
    )


def _after(text: str, span: Span) -> str:
    """What the owner says right after a figure ("3-4 timmar per kök": " per kök")."""
    return text[span.end : span.end + 30]


def _before(text: str, span: Span) -> str:
    """What the owner says right before a figure ("£49 for " before "8 classes")."""
    return text[max(0, span.start - 30) : span.start]
