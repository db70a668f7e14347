"""Read one user message with rules: profile facts, figures, objectives with their numbers,
maturity answers, approvals, corrections and side questions. No LLM, no network."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from assistant.coaching.catalogue import AnswerValue, load_kpi_catalogue, load_maturity_questions
from assistant.coaching.commands import PlanCommand
from assistant.coaching.cues import cues
from assistant.coaching.plan import Money
from assistant.coaching.reading_facts import fill_from_reading
from assistant.extraction import (
    Quantity,
    classify_objective,
    detect_dont_know,
    extract_deadline,
    extract_deadlines,
    extract_quantities,
    extract_staff_count,
    find_unusable_deadline,
)
from assistant.extraction.models import Deadline
from assistant.extraction.numbers import CURRENCY_CODES, currency_said_alone
from assistant.regex_cache import compiled
from assistant.understanding import cues as reading_cues
from assistant.understanding import read
from assistant.understanding.intents import said_as_old
from assistant.understanding.objective_clauses import constraint_sections
from assistant.understanding.profile import bare_name, one_customers_place, product_name
from assistant.understanding.reading import Span
from assistant.understanding.spelling import with_own_letters
from assistant.understanding.team import counts_people
from assistant.understanding.text import without_forgone, without_quoted_notes

MAX_MESSAGE_CHARS = 4000
# A sentence ends at . ! ? ; or a line break followed by a capital or a quote, so "ca. 35"
# or "1.5 mill." inside a sentence do not cut it.
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÆØÅÄÖÜА-ЯЁ«\"“(])|\n+")
# More than any small business turns over in any of these currencies: a slip, not a fact.
MAX_REVENUE = 1e12
# Units that count things, which are never below zero (only a score, such as NPS, can be).
_COUNTS = {"people", "customers", "orders", "users", "visitors", "visits", "leads"}
MAX_COUNT = 1e10  # more than there are people: no business counts this many of anything


class Figure(BaseModel):
    """A number the owner gave: value, unit, and which KPI it belongs to when recognisable."""

    value: float
    unit: str | None = None
    kpi_id: str | None = None
    period: str | None = None  # "30 a week": what the figure counts per


class GoalCandidate(BaseModel):
    """An objective as the owner said it, with whatever numbers came with it."""

    text: str
    category: str = "other"
    kpi_id: str | None = None
    baseline: Figure | None = None
    target: Figure | None = None
    deadline: date | None = None
    change_percent: float | None = None  # "by 50 %", "halve": applied to today's value
    direction: Literal["increase", "decrease"] | None = None  # the owner's verb
    hold: bool = False  # "which I want to keep": the target is today's level, on purpose
    name: str | None = None  # what the goal counts, as the owner renamed it
    source: str | None = None  # where its figures come from, said before goals are drafted
    proposed: list[str] = Field(
        default_factory=list, description="fields the coach proposed (target, deadline)"
    )

    def relative_target(self, baseline: float) -> float | None:
        """The target a relative aim ("+50 %", "halve") gives from today's value."""
        if self.change_percent is None:
            return None
        return round(baseline * (1 + self.change_percent / 100), 2)


class Facts(BaseModel):
    quiet_months: list[int] = Field(default_factory=list)  # "no new projects March–June"
    business_name: str | None = None
    industry: str | None = None
    industry_guessed: bool = False  # from a trade word alone ("two electricians")
    staff: int | None = None
    revenue: Money | None = None
    markets: list[str] = Field(default_factory=list)
    maturity: dict[str, AnswerValue] = Field(default_factory=dict)
    in_passing: list[str] = Field(default_factory=list)  # answers kept only if just asked
    figures: list[Figure] = Field(default_factory=list)
    goals: list[GoalCandidate] = Field(default_factory=list)
    dont_know: bool = False
    approve: bool = False
    yes_apart: bool = False  # "да. кстати, где тут шашлык?": a yes beside something else
    go_ahead: bool = False  # "… Then yes, do the roadmap.": the next step asked for anywhere
    final_summary: bool = False  # "… gi meg det endelige sammendraget": the plan summed up
    currency: str | None = None  # "it's euro by the way, not pounds": named without an amount
    bare_name: str | None = None  # "Murphy Plumbing & Heating. …": a name said on its own
    disagree: bool = False
    unsure: bool = False  # "maybe next year sometime? not sure": a figure or date hedged
    question: bool = False
    drop_goal: int | None = None
    move_deadline: tuple[int | None, date] | None = None
    deadline: date | None = None  # the first usable deadline anywhere in the message
    # a deadline that cannot be used, as (its words, "past" | "impossible"), when the message
    # has no usable one: "by June 2020" after that date, "by 31 February 2027"
    unusable_deadline: tuple[str, str] | None = None
    truncated: bool = False
    intent: str = "answer"  # what the message mainly does (the typed reading's main intent)
    asked: list[str] = Field(default_factory=list)  # each question the message asks
    renamed: bool = False  # the business named outright ("the company is called ...")
    staff_off_season: int | None = None  # "9 ansatte i sesongen, men bare 3 om vinteren": 3
    profile_fixed: bool = False  # "…, og vi er 14 ansatte, ikke 13": staff or revenue fixed
    sources: dict[str, str] = Field(
        default_factory=dict, description="profile field -> the owner's words it came from"
    )
    commands: list[PlanCommand] = Field(default_factory=list)
    said: str = ""  # the words read (a message is cut at MAX_MESSAGE_CHARS)
    aside: bool = False  # small talk beside the answer ("by the way, did you see Leeds lost")
    ordered: list[int] = Field(
        default_factory=list, description="objectives an order in this message changed"
    )


def _without_byline(text: str, language: str) -> str:
    """A brief with its author's lines blanked ("Konsult: [namn], datum …" is no trade);
    blanked, not cut, so what is read keeps its place in the brief."""
    for pattern in reading_cues.patterns("brief_byline", language):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _without_constraints(text: str, language: str) -> str:
    """A brief with its constraints and refusals blanked: "Ingen chatbot på nettsiden" says
    what the owners refuse, not that they have no website (the roadmap reads them apart)."""
    for start, end in constraint_sections(text, language):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def read_message(
    message: str, language: str, today: date, brief: bool = False, goals: int | None = None
) -> Facts:
    """Everything the rules can find in ``message`` (written in ``language``); a ``brief``
    is read as the first thing said (nothing in it is a correction); ``goals``: how many
    the plan has, so "goal 3" beyond them is no edit."""
    text = with_own_letters(message[:MAX_MESSAGE_CHARS], language)  # "maal 2" is "mål 2"
    text = _without_constraints(_without_byline(text, language), language) if brief else text
    table = cues(language)
    facts = Facts(truncated=len(message) > MAX_MESSAGE_CHARS, said=text)
    facts.dont_know = detect_dont_know(text, language)
    facts.approve = _is_approval(text, table.approve)
    facts.currency = currency_said_alone(text)
    facts.bare_name = bare_name(text)
    facts.disagree = not facts.approve and _is_approval(text, table.disagree)
    facts.question = _is_question(text, table.question_words)
    facts.business_name = _business_name(text, table.name_patterns, table.not_name_words)
    plain = without_quoted_notes(text)  # «чем занимаетесь: …» quoted back is no new trade
    industry = _first_group(plain, table.industry_patterns, "industry")
    facts.industry = industry.strip() if industry else None
    facts.staff = extract_staff_count(text, language)
    facts.markets = _markets(plain, table.market_patterns, language)
    facts.revenue = _revenue(text, language, table.revenue_words)
    facts.maturity = dict(load_maturity_questions().find_answers(text, language))
    facts.goals = goal_candidates(text, language, today)
    goal_spans = {g.text for g in facts.goals if (g.baseline and g.target) or g.deadline}
    facts.figures = [
        f for s in _sentences(text) if s not in goal_spans for f in _figures(s, language)
    ]
    facts.drop_goal = _number(table.compiled(table.drop_goal).search(text))
    facts.move_deadline = _moved_deadline(text, language, today, table.move_deadline)
    found = _last_said_deadline(text, language, today)
    facts.deadline = found.date if found else None
    if found is None:
        facts.unusable_deadline = find_unusable_deadline(text, language, today)
    reading = read(text, language, today, brief=brief, goals=goals)
    return _sells_online_when_it_says_so(fill_from_reading(facts, reading, today))


def _sells_online_when_it_says_so(facts: Facts) -> Facts:
    """ "Noter: nettandel 35 % … kassa som ikke snakker med Shopify": a share of sales made
    online says they sell online, whatever a denial nearby seemed to say."""
    online = any(f.kpi_id == "online_revenue_share" and f.value > 0 for f in facts.figures)
    if online and facts.maturity.get("r_webshop") == "no":
        del facts.maturity["r_webshop"]
    return facts


def _is_approval(text: str, words: list[str]) -> bool:
    cleaned = re.sub(r"[!.,\s]+", " ", text.lower()).strip()
    if not cleaned or len(cleaned.split()) > 8:
        return False
    return any(cleaned == w or cleaned.startswith(w + " ") for w in words)


def _is_question(text: str, words: list[str]) -> bool:
    stripped = text.strip().lower()
    if "?" not in stripped:
        return False
    return any(re.match(rf"{re.escape(w)}\b", stripped) for w in words) or stripped.endswith("?")


def _last_said_deadline(text: str, language: str, today: date) -> Deadline | None:
    """The first deadline, or after "ой нет", "no wait" the last one said: "К концу
    2026... ой нет, уже декабрь 2026. Давайте к концу 2027" is due at the end of 2027."""
    found = extract_deadline(text, language, today)
    taken_back = reading_cues.search("self_correction", language, text)
    if found is None or taken_back is None or found.start > taken_back.start():
        return found
    rest = text[taken_back.end() :]
    later = extract_deadlines(rest, language, today)
    return later[-1] if later else found


def _business_name(text: str, patterns: list[str], not_names: list[str]) -> str | None:
    """The first name said that holds no greeting or pronoun ("Hei. Jeg driver …")."""
    for pattern in patterns:
        for match in compiled(pattern).finditer(text):
            name = (match.group("name") or "").strip(" .,")
            words = re.findall(r"[^\W\d_]+", name)
            prose = sum(w.islower() for w in words) >= PROSE_WORDS  # "det var noe google greier"
            if name and not prose and not set(words) & set(not_names):
                return name
    return None


PROSE_WORDS = 3  # lower-case words that make a "name" a piece of a sentence


def _first_group(text: str, patterns: list[str], group: str) -> str | None:
    for pattern in patterns:
        match = compiled(pattern).search(text)  # case-sensitive: names are capitalised
        if match and match.group(group):
            return match.group(group).strip(" .,")
    return None


LEGAL_FORMS = frozenset(w.lower() for w in reading_cues.raw("legal_forms"))  # "ООО «ТверьПак»"


def _markets(text: str, patterns: list[str], language: str = "en") -> list[str]:
    found: list[str] = []
    months = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "q1",
        "q2",
        "q3",
        "q4",
    }
    for pattern in patterns:
        for match in compiled(pattern).finditer(text):
            if product_name(text, match, language):
                continue  # "в МойСклад", "on HubSpot": a product's name, not a place
            if one_customers_place(text, match.start("place"), language, match.end("place")):
                continue  # "utanför en kund i Hallstahammar": an aside
            for place in re.split(r",\s*|\s+(?:and|og|och|и)\s+", match.group("place")):
                if place and place.lower() not in months | LEGAL_FORMS and not place[0].isdigit():
                    found.append(place)
    return list(dict.fromkeys(found))


def _revenue(text: str, language: str, revenue_words: list[str]) -> Money | None:
    for sentence in _sentences(text):
        lowered = sentence.lower()
        if not any(word in lowered for word in revenue_words):
            continue
        for quantity in extract_quantities(sentence, language):
            if quantity.kind == "money" and 0 < quantity.value <= MAX_REVENUE:
                currency = quantity.unit if quantity.unit in CURRENCY_CODES else "NOK"
                if quantity.unit == "kr":
                    currency = "SEK" if language == "sv" else "NOK"
                try:
                    return Money(amount=quantity.value, currency=currency)
                except ValueError:
                    return None
    return None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def match_kpi(text: str, language: str, category: str | None = None) -> str | None:
    """The catalogue KPI that ``text`` talks about, not what it says will be done without
    ("150 a week without hiring"); among equals, one of ``category``'s."""
    catalogue = load_kpi_catalogue()
    found = catalogue.find_kpis(without_forgone(text, language), language)
    if not found:
        return None
    if category is not None:
        own = {k.id for k in catalogue.kpis_for(category)}
        preferred = [kpi_id for kpi_id in found if kpi_id in own]
        if preferred:
            return preferred[0]
    return found[0]


_CLAUSE = re.compile(r",\s+|;\s+|\s+(?:and|og|och|и|а также)\s+", re.IGNORECASE)
_FOLLOWERS = re.compile(r"follower|følger|följare|подписчик", re.IGNORECASE)
FOLLOWERS = "social_followers"  # reach only: recorded, never made a goal on its own


def _figures(sentence: str, language: str) -> list[Figure]:
    """Figures per clause, each tied to the KPI its clause talks about."""
    figures = []
    for clause in _CLAUSE.split(sentence):
        quantities = extract_quantities(clause, language)
        if not quantities:
            continue
        kpi_id = FOLLOWERS if _FOLLOWERS.search(clause) else match_kpi(clause, language)
        figures += [
            Figure(value=q.value, unit=q.unit, kpi_id=kpi_id)
            for q in quantities
            if possible(q.value, q.unit, kpi_id)
            and not counts_people(clause, q.end, language)
            and not said_as_old(clause, Span(start=q.start, end=q.end, text=q.text), language)
        ]
    return figures


def possible(value: float, unit: str | None, kpi_id: str | None) -> bool:
    """False for a number that cannot be true: a count below zero ("-5 customers") or above
    ``MAX_COUNT``, or a KPI value below zero where the KPI never is (visits, shares, hours,
    amounts; followers; only a score such as NPS can be). Such a number is left out, so the
    coach asks again instead of planning with it."""
    catalogued = kpi_id is not None and kpi_id != FOLLOWERS
    kpi_unit = load_kpi_catalogue().kpi(kpi_id).unit if catalogued else None
    counted = unit in _COUNTS or kpi_unit in _COUNTS or kpi_id == FOLLOWERS
    if counted and value > MAX_COUNT:
        return False
    if value >= 0:
        return True
    return kpi_unit == "score" or (not catalogued and not counted)


def goal_candidates(text: str, language: str, today: date) -> list[GoalCandidate]:
    table = cues(language)
    candidates = []
    for sentence in _sentences(text):
        if sentence.rstrip().endswith("?"):
            continue  # a question is not an objective
        ranking = classify_objective(sentence, language)
        category, score = ranking[0]
        from_to = table.compiled(table.from_to).search(sentence)
        deadline = extract_deadline(sentence, language, today)
        if score <= 0 and not from_to:
            continue
        candidate = GoalCandidate(text=sentence, category=category)
        candidate.kpi_id = match_kpi(sentence, language, category)
        candidate.deadline = deadline.date if deadline else None
        if from_to:
            before = _possible(extract_quantities(from_to.group("a"), language), candidate.kpi_id)
            after = _possible(extract_quantities(from_to.group("b"), language), candidate.kpi_id)
            if before:
                candidate.baseline = Figure(value=before[0].value, unit=before[0].unit)
            if after:
                candidate.target = Figure(value=after[0].value, unit=after[0].unit)
            if candidate.baseline and candidate.target:
                candidate.baseline = _shared_scale(candidate.baseline, candidate.target)
        else:
            found = _possible(extract_quantities(sentence, language), candidate.kpi_id)
            if found:
                candidate.target = Figure(value=found[-1].value, unit=found[-1].unit)
        candidates.append(candidate)
    return candidates


def _possible(quantities: list[Quantity], kpi_id: str | None) -> list[Quantity]:
    return [q for q in quantities if possible(q.value, q.unit, kpi_id)]


def _shared_scale(baseline: Figure, target: Figure) -> Figure:
    """ "from 2 to 4 million NOK": a bare baseline a thousandfold below the target shares the
    target's scale word and unit (2 -> 2,000,000 NOK)."""
    if baseline.unit is not None or target.unit is None or baseline.value <= 0:
        return baseline
    if target.value / baseline.value < 1000:
        return baseline
    for factor in (1e3, 1e6, 1e9):
        if target.value / (baseline.value * factor) <= 100:
            return Figure(value=baseline.value * factor, unit=target.unit)
    return baseline


def _number(match: re.Match[str] | None) -> int | None:
    if not match or not match.groupdict().get("n"):
        return None
    return int(match.group("n"))


def _moved_deadline(
    text: str, language: str, today: date, pattern: str
) -> tuple[int | None, date] | None:
    match = cues(language).compiled(pattern).search(text)
    if not match:
        return None
    deadline = extract_deadline(match.group("rest"), language, today)
    if deadline is None:
        return None
    return _number(match), deadline.date


def said_firmly(facts: Facts, asked: Collection[str] = ()) -> dict[str, AnswerValue]:
    """The maturity answers to keep: those said in passing only for a question just asked."""
    return {q: v for q, v in facts.maturity.items() if q not in facts.in_passing or q in asked}
