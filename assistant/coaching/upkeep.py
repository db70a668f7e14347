"""Keeping the plan true to what the owner said after a turn: the owner's words behind each
profile fact, open questions that were answered since, profile gaps filled later, and
objectives that start from a figure given earlier."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.catalogue import KpiSpec, load_kpi_catalogue
from assistant.coaching.facts import Facts, Figure
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Metric, Profile
from assistant.coaching.state import SessionState
from assistant.coaching.units import money
from assistant.understanding import cues


def remember_words(state: SessionState, facts: Facts) -> None:
    """The owner's words behind each profile fact the plan holds (the "What I
    understood" table shows them, so a misreading is seen and fixed in one place)."""
    fixing = facts.intent == "correction"
    for field, words in facts.sources.items():
        if fixing or field not in state.understood:
            state.understood[field] = words


def tidy_open_questions(state: SessionState) -> None:
    """An open question the owner has since answered leaves the plan (and every export):
    a profile field now known, today's value of a goal now given or a goal removed."""
    say = Messages(state.language)
    profile = state.plan.profile
    known = {
        "business_name": profile.business_name,
        "industry": profile.industry,
        "staff": profile.staff,
        "revenue": profile.annual_revenue,
        "markets": profile.markets,
    }
    answered = {
        say.say("open_profile", field=say.label("profile_fields", key))
        for key, value in known.items()
        if value
    }
    waiting = {
        say.say("open_baseline", metric=g.metric, step="")
        for g in state.plan.goals
        if g.baseline and g.baseline.status == "pending"
    }
    baseline_asks = say.say("open_baseline", metric="\0", step="").split("\0")[0]
    answered |= {
        q
        for q in state.plan.open_questions
        if q.startswith(baseline_asks) and not any(q.startswith(w) for w in waiting)
    }
    state.plan.open_questions = [q for q in state.plan.open_questions if q not in answered]


MARKETS_SAID = (  # "Marknader: …", "Marknad är …"
    r"\b(?:markets?|markeder|marked|marknader|marknad|рынки|рынок)\s*(?::|är|er|is|are|—)"
)


def fill_profile_gaps(state: SessionState, facts: Facts) -> None:
    """A profile fact given later ("we do plumbing, by the way") fills its gap; what is
    known already changes only by a correction."""
    profile = state.plan.profile
    profile.business_name = profile.business_name or facts.business_name
    profile.industry = profile.industry or facts.industry
    profile.staff = profile.staff or facts.staff
    profile.annual_revenue = profile.annual_revenue or facts.revenue
    relabelled = re.search(MARKETS_SAID, facts.said, re.IGNORECASE) is not None  # "рынки: …"
    fixing = relabelled or facts.intent in ("correction", "objection") or state.stage == "playback"
    named_again = set(facts.markets) <= set(profile.markets)  # "the Malmö salon's Instagram"
    if facts.markets and not named_again and (fixing or not profile.markets):
        added = cues.search("adds_to_list", state.language, facts.said) is not None
        kept = profile.markets if added and not relabelled else []  # "в Тольятти тоже"
        profile.markets = list(dict.fromkeys([*kept, *facts.markets]))  # "ООО это не город, …"


FOLLOWERS = "social_followers"


def baselines_from_figures(state: SessionState) -> None:
    """An objective without today's value, whose KPI the owner gave a figure for earlier
    ("48 google reviews", then "reviews up to 150"), starts from that figure, so it is not
    asked again; a relative aim ("halve the no-shows") gets its target from it."""
    catalogue = load_kpi_catalogue()
    language = state.plan.language
    known = {m.name: (m.value, m.unit) for m in state.plan.current_state.metrics}
    followers = state.plan.current_state.marketing.social_followers
    for candidate in state.candidates:
        if candidate.baseline is not None or not candidate.kpi_id:
            continue
        spec = catalogue.find_kpi(candidate.kpi_id)
        value, unit = known.get(spec.name.get(language), (None, None)) if spec else (None, None)
        if value is None and candidate.kpi_id == FOLLOWERS and followers:
            value = followers  # "3200 följare", then "dubbla följarna": from 3200
        if value is None and spec is not None and _zero_in(spec.zero_with, known, language):
            value, unit = 0.0, candidate.target.unit if candidate.target else None
        if value is None:
            continue
        candidate.baseline = Figure(value=value, unit=unit, kpi_id=candidate.kpi_id)
        aim = candidate.relative_target(value)
        if candidate.target is None and aim is not None:
            candidate.target = Figure(value=aim, unit=unit, kpi_id=candidate.kpi_id)


def _zero_in(kpi_ids: list[str], known: dict[str, tuple], language: str) -> bool:
    """ "No online sales at all yet" recorded as a 0 % online share: online sales are 0 too."""
    catalogue = load_kpi_catalogue()
    names = [catalogue.kpi(k).name.get(language) for k in kpi_ids]
    return any(known.get(name, (None,))[0] == 0 for name in names)


def record_metric(
    state: SessionState, spec: KpiSpec, value: float, unit: str | None, today: date
) -> str:
    """Today's value of a KPI as the owner gave it, replacing one given before; its name."""
    name = spec.name.get(state.language)
    metric = Metric(name=name, value=value, unit=unit or spec.unit, as_of=today, source="owner")
    metrics = [m for m in state.plan.current_state.metrics if m.name != name]
    state.plan.current_state.metrics = [*metrics, metric]
    return name


def currency_fixed(state: SessionState, facts: Facts) -> list[str]:
    """ "it's euro by the way, not pounds": the revenue keeps its amount in that currency."""
    revenue = state.plan.profile.annual_revenue
    if facts.currency is None or revenue is None or facts.revenue is not None:
        return []
    if facts.asked or facts.intent in ("question", "off_topic", "command"):
        return []  # "какой сегодня курс доллара?", "lägg till: NOK-priser …" change none
    if revenue.currency == facts.currency:
        return []
    state.plan.profile.annual_revenue = revenue.model_copy(update={"currency": facts.currency})
    say = Messages(state.language)
    return [say.say("revenue_changed", revenue=money(state.plan.profile.annual_revenue))]


def trade_fixed(state: SessionState, facts: Facts) -> list[str]:
    """ "Исправьте: чем занимаемся — автомойка и детейлинг", "what we do: grooming and
    daycare": the trade said back under the coach's own label replaces the one held."""
    profile = state.plan.profile
    if not facts.industry or facts.industry == profile.industry:
        return []
    language = state.plan.language
    labelled = cues.search("industry_label", language, facts.said) is not None
    if not (labelled or _denied(facts.said, profile.industry, language)):
        return []
    profile.industry = facts.industry
    say = Messages(state.language)
    label = say.label("understood_fields", "industry")
    return [say.say("edit_field", field=label, value=facts.industry)]


def _denied(said: str, held: str | None, language: str) -> bool:
    """The owner says the business is not the trade held ("Стоп, мы не фитнес-клуб!" while
    the coach holds "фитнес-клубов"): a denied word shares its first letters with it."""
    if not held:
        return False
    held_words = {w[:DENIED_PREFIX] for w in re.findall(r"[^\W\d_]{4,}", held.lower())}
    for pattern in cues.patterns("trade_denied", language):
        for match in pattern.finditer(said):
            if match.group("denied").lower()[:DENIED_PREFIX] in held_words:
                return True
    return False


DENIED_PREFIX = 5  # "фитнес-клуб" and "фитнес-клубов", "gym" and "gyms"


def revenue_currency(state: SessionState) -> str | None:
    revenue = state.plan.profile.annual_revenue
    return revenue.currency if revenue else None


def record_figures(state: SessionState, figures: list[Figure], today: date) -> None:
    """Today's figures the owner gave, each under its KPI (followers, the online share and
    website visits also in the marketing state)."""
    catalogue = load_kpi_catalogue()
    marketing = state.plan.current_state.marketing
    for figure in figures:
        if figure.kpi_id == FOLLOWERS:
            marketing.social_followers = int(figure.value)
            continue
        if not figure.kpi_id:
            continue
        record_metric(state, catalogue.kpi(figure.kpi_id), figure.value, figure.unit, today)
        if figure.kpi_id == "online_revenue_share" and figure.unit == "%" and figure.value <= 100:
            marketing.online_revenue_share_percent = figure.value
        elif figure.kpi_id == "website_visits":
            marketing.monthly_visits = figure.value


def staff_said(facts: Facts, profile: Profile) -> tuple[int | None, int | None]:
    """The head count and the one outside the season, as this message says them, else as
    the plan holds them."""
    if facts.staff:
        return facts.staff, facts.staff_off_season
    return profile.staff, profile.staff_off_season


BARE_ENDING = 3  # "Butikken" is "butikk" with the definite ending


def more_specific(held: str | None, said: str | None) -> str | None:
    """The trade said now, unless it is only the head of the one held: "Butikken heter Lund &
    Lys" keeps "liten interiørbutikk", "the shop" keeps "bike shop"."""
    if not said:
        return held
    if held:
        stem = said.lower()
        stem = stem[: max(4, len(stem) - BARE_ENDING)] if len(stem) > 5 else stem
        if stem in held.lower() and len(said) < len(held):
            return held
    return said
