"""What the coach stores from a message, taken from the typed reading: every number comes
from a fact with a span of the owner's words. The older rules still supply what the typed
reading does not carry (dated deadline moves, unusable dates, markets, "don't know")."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from assistant.coaching.catalogue import load_kpi_catalogue, load_maturity_questions
from assistant.coaching.commands import plan_commands
from assistant.coaching.goal_kpis import figure_of, goal_kpi
from assistant.coaching.market_words import markets_kept
from assistant.coaching.plan import Money
from assistant.coaching.units import DEFAULT_CURRENCY
from assistant.understanding import cues
from assistant.understanding.intents import yes_said_apart
from assistant.understanding.maturity import question_ids
from assistant.understanding.metrics import catalogue_kpi, cue_hits
from assistant.understanding.objective_clauses import after_header, opens_objective, parallel_wish
from assistant.understanding.profile import off_season_staff
from assistant.understanding.quantities import read_amounts
from assistant.understanding.quiet_months import quiet_months
from assistant.understanding.reading import ObjectiveFact, Reading, Span
from assistant.understanding.text import Piece, sentences

if TYPE_CHECKING:
    from assistant.coaching.facts import Facts, GoalCandidate

_CURRENCIES = {"NOK", "SEK", "EUR", "USD", "RUB", "DKK", "GBP"}
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
        r"^\W*(?:and|og|och|и|а также|plus)\s+(?:(?:i|we|jeg|vi|jag|я|мы)\s+)?",
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


def _undecided(objective: ObjectiveFact, language: str) -> bool:
    """ "Ещё думаю про сайт, но не знаю, нужен ли он вообще": a thing the owner is unsure
    they need, with no figure or date, is a question for the plan, not a goal."""
    figures = objective.baseline or objective.target or objective.change_percent
    unsure = cues.search("undecided_need", language, objective.span.text) is not None
    return unsure and not (figures or objective.deadline)


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
    currency = fact.currency if fact.currency in _CURRENCIES else None
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
        elif correction.field == "revenue" and value > 0:
            facts.profile_fixed = True
            currency = correction.currency if correction.currency in _CURRENCIES else None
            facts.revenue = Money(
                amount=value, currency=currency or DEFAULT_CURRENCY[reading.language]
            )
        elif (kpi := catalogue_kpi(correction.field) or correction.field) == FOLLOWERS or (
            catalogue.find_kpi(kpi) is not None
        ):  # "45 jobs a month, not 7507": the reader's "orders" is the catalogue's KPI
            facts.figures.append(Figure(value=value, kpi_id=kpi))


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
    ]
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
        for s in sentences(reading.text)
    )
    facts.renamed = "business_name" in profile and bool(
        cues.search("names_itself", reading.language, reading.text)
    )
    facts.sources = {
        ("markets" if f.field == "location" else f.field): f.span.text for f in reading.profile
    }
    facts.asked = [q.text for q in reading.questions]
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


def _after(text: str, span: Span) -> str:
    """What the owner says right after a figure ("3-4 timmar per kök": " per kök")."""
    return text[span.end : span.end + 30]


def _before(text: str, span: Span) -> str:
    """What the owner says right before a figure ("£49 for " before "8 classes")."""
    return text[max(0, span.start - 30) : span.start]
