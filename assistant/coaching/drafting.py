"""Draft SMART goals and a roadmap from what the owner said, with citations.

Numbers come only from the owner: a missing baseline stays pending with a measuring step,
a missing target or deadline stays empty (the SMART check says so, and it becomes an open
question). Initiatives come from the KPI catalogue, each grounded in a retrieved passage.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from assistant.coaching.aims import counts_additions, filled, owner_aim
from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.facts import GoalCandidate
from assistant.coaching.grounding import PLAN_LANGUAGE_SLACK, best_citation
from assistant.coaching.messages import Messages
from assistant.coaching.metric_names import (
    LONE_WORD,
    QUOTE_MARKS,
    metric_words,
    name_form,
    named_metric,
    owner_label,
    scope_said,
)
from assistant.coaching.plan import (
    Baseline,
    Goal,
    Kpi,
    StrategyPlan,
    Target,
)
from assistant.coaching.quiet_times import named_quiet_time
from assistant.coaching.smart import check_goal, led_by_activity
from assistant.coaching.units import DEFAULT_CURRENCY
from assistant.extraction.numbers import CURRENCY_CODES
from assistant.knowledge.models import SearchResult
from assistant.knowledge.service import KnowledgeBase
from assistant.understanding import cues

# Where each horizon sits, as (first, last) quarter offsets from the current quarter.
HORIZON_QUARTERS = {"short": (0, 0), "medium": (1, 3), "long": (4, 11)}


def quarter_of(day: date, offset: int = 0) -> str:
    index = day.year * 4 + (day.month - 1) // 3 + offset
    return f"{index // 4}-Q{index % 4 + 1}"


LATE_DAYS = 30  # fewer days than this left in a quarter: the plan's "now" is the next one


def lane_quarter(today: date, offset: int = 0) -> str:
    """The quarter ``offset`` quarters into the plan: counted from this quarter, or from the
    next one when this one is nearly over (a plan drafted on 4 December starts in Q1)."""
    late = (today.month - 1) % 3 == 2 and today.day > _days_in(today) - LATE_DAYS
    return quarter_of(today, offset + 1 if late else offset)


def lane_fields(lane: str, today: date) -> dict[str, str]:
    """An initiative's lane and the quarters it runs in, as the roadmap shows them."""
    first, last = HORIZON_QUARTERS[lane]
    return {"horizon": lane, "start": lane_quarter(today, first), "end": lane_quarter(today, last)}


def _days_in(day: date) -> int:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - date(day.year, day.month, 1)).days


def horizon_for(today: date, deadline: date | None) -> str:
    if deadline is None:
        return "medium"
    days = (deadline - today).days
    return "short" if days <= 100 else "medium" if days <= 395 else "long"


def _unit(value: str | None) -> str:
    return value or "units"


def goal_from_candidate(
    number: int,
    candidate: GoalCandidate,
    objective_id: str,
    language: str,
    today: date,
    scope: str | None = None,
    currency: str | None = None,
) -> Goal:
    """A goal drafted from the objective as said; an amount said without currency is in
    ``currency`` (the revenue's), else the language's usual one."""
    catalogue = load_kpi_catalogue()
    spec = catalogue.kpi(candidate.kpi_id) if candidate.kpi_id else None
    aimed = candidate.target is not None or candidate.change_percent is not None
    project = not aimed and candidate.baseline is None and led_by_activity(candidate.text)
    if spec is not None and (spec.generic or project) and not aimed:
        spec = None  # "clients sign engagement letters online": no count of clients is aimed at
        candidate = candidate.model_copy(update={"baseline": None})
    figures = (candidate.baseline, candidate.target, candidate.change_percent)
    has_figures = any(f is not None for f in figures)
    metric = metric_name(candidate, spec, language, has_figures)
    said_aim = _aim(candidate, language) if spec is None and not candidate.name else None
    given = [f.unit for f in (candidate.target, candidate.baseline) if f and f.unit]
    named = spec is not None and metric != spec.name.get(language)  # the owner's name for it
    counted = None if named else spec.unit if spec else None  # "pub accounts": as named
    target_unit = _unit(given[0] if given else counted)
    if target_unit == "currency":  # "средний чек 150 тыс": in roubles, not "currency"
        target_unit = currency or DEFAULT_CURRENCY.get(language, "EUR")
    direction = spec.direction if spec else "increase"
    if candidate.baseline and candidate.target:
        direction = "increase" if candidate.target.value >= candidate.baseline.value else "decrease"
    direction = candidate.direction or direction  # the owner's verb before any comparison
    if spec and candidate.baseline is None and candidate.target is None:
        direction = spec.direction  # "get more organised with stock": fewer refunds, not more
    milestone = spec is None and not has_figures  # "In place by …": nothing to measure today
    baseline: Baseline | None
    step = spec.measuring_step.get(language) if spec else None
    if candidate.baseline is not None:
        unit = candidate.baseline.unit or target_unit
        baseline = Baseline(
            value=candidate.baseline.value, unit=unit, date=today, status="measured"
        )
        step = None
    elif _from_nothing(candidate, spec, target_unit, language):  # "4 nye montører": from 0
        baseline, step = Baseline(value=0, unit=target_unit, date=today, status="measured"), None
    else:
        baseline = None if milestone else Baseline(status="pending")
    target = (
        Target(
            value=candidate.target.value,
            unit=target_unit,
            status="proposed" if "target" in candidate.proposed else "given",
        )
        if candidate.target
        else None
    )
    relative = candidate.change_percent if target is None else None
    if relative is not None and baseline and baseline.value is not None:  # "by 20 %" of today's
        aim = round(baseline.value * (1 + relative / 100), 2)
        target, relative = Target(value=aim, unit=target_unit or baseline.unit), None
    kpis = [kpi_of(spec, language)] if spec else _money_kpi(candidate, target_unit, language)
    if spec is None and kpis and not candidate.name:  # "25 % mer omsetning der": revenue
        metric = _revenue_of(kpis[0].name, metric, language)
    period = _period(candidate, metric, language)
    if said_aim is not None and target is not None:
        metric = filled(said_aim, shown_number(target.value, language))
    statement = goal_statement(
        metric,
        direction,
        baseline,
        target,
        candidate.deadline,
        language,
        relative,
        milestone,
        period,
        aim=said_aim,
        hold=candidate.hold,
    )
    statement += proposal_note(candidate.proposed, language)
    goal = Goal(
        id=f"g{number}",
        statement=statement,
        objective_id=objective_id,
        metric=metric,
        aim=said_aim if target is not None else None,
        scope=scope,
        direction=direction,
        baseline=baseline,
        target=target,
        change_percent=relative,
        period=period,
        hold=candidate.hold,
        deadline=candidate.deadline,
        deadline_status="proposed" if "deadline" in candidate.proposed else "given",
        horizon=horizon_for(today, candidate.deadline),
        kpis=kpis,
        owner="owner",
        measuring_step=step,
    )
    if candidate.source:  # "Mål 1: datakälla Visma", said before drafting
        if not goal.kpis:
            goal.kpis.append(Kpi(name=goal.metric or goal.statement, source=candidate.source))
        goal.kpis[0].source = candidate.source
    return goal


REVENUE = "revenue"


def _revenue_of(revenue: str, metric: str, language: str) -> str:
    """The revenue of the aim the owner named, when their words do not say it is money
    ("Omsetning («Bygge opp verkstedet som et eget bein å stå på»)"): the goal says what it
    counts, and for what."""
    if cues.search("whole_revenue", language, metric) or revenue.lower() in metric.lower():
        return metric  # "turnover", "total revenue": the owner's own name for it
    return f"{revenue} ({metric})"


def _money_kpi(candidate: GoalCandidate, unit: str, language: str) -> list[Kpi]:
    """ "raise turnover to £500k": an aim to sell more, counted in money, is measured as
    revenue (from the books), under the owner's own name for it."""
    if candidate.category != "revenue_growth":
        return []
    relative = candidate.change_percent is not None and candidate.target is None
    named = relative and cues.search("whole_revenue", language, candidate.text) is not None
    if unit not in CURRENCY_CODES and not named:  # "25 % mer omsetning": revenue, too
        return []
    return [kpi_of(load_kpi_catalogue().kpi(REVENUE), language)]


def _from_nothing(candidate: GoalCandidate, spec, unit: str, language: str) -> bool:
    """A count of new things from today ("hire 4 operators", "sign 3 employers") or of a
    new offer ("start a class, 2 a week full"): today's value is 0, not a figure to
    measure; never a share or an amount of money."""
    if unit == "%" and candidate.target is not None and candidate.baseline is None:
        return _channel_put_in_place(candidate, spec, language)  # "få på plass nettbooking"
    if candidate.target is None or unit == "%" or candidate.target.unit not in (None, "units"):
        return False
    if cues.search("starts_new", language, candidate.text):
        return True  # "start a pilates class … 2 classes a week full": none run today
    if candidate.target.period:  # "8 new clients a month": today's rate is to be measured
        return False
    if spec is not None and spec.id != "hires" and not spec.generic:
        return False  # "15 new wholesale accounts" counts new ones; "active customers" all
    return counts_additions(candidate.text, candidate.target.value, language)


CHANNEL_SHARES = {  # shares of the sales, bookings or work done through one channel
    "online_booking_share",
    "online_revenue_share",
    "self_service_share",
    "online_payment_share",
    "e_invoice_share",
    "direct_booking_share",
    "clients_on_digital_service",
}


def _channel_put_in_place(candidate: GoalCandidate, spec, language: str) -> bool:
    """ "Få på plass timebestilling på nett så minst halvparten kommer den veien": a share
    through a channel the owner is only now putting in place is 0 % today."""
    if spec is None or spec.id not in CHANNEL_SHARES:
        return False
    return cues.search("puts_in_place", language, candidate.text) is not None


def metric_name(candidate: GoalCandidate, spec, language: str, has_figures: bool = True) -> str:
    """What a goal counts, named: the owner's name for it, their words where the KPI is a
    generic one ("wellness plan members" over "active customers") or where they say one of
    its keywords ("fyllingsgraden"), else the KPI's name or the words of their sentence."""
    metric = (
        spec.name.get(language) if spec else metric_words(candidate.text, language, has_figures)
    )
    label = owner_label(candidate.text, language) if spec is not None else None
    if spec is not None and not spec.generic and not _says_kpi(label, spec, language):
        label = None
    if candidate.name:  # "call it taproom visitors on quiet nights": as the owner put it
        return candidate.name
    if label:
        named = label
    else:
        scope = scope_said(candidate.text, metric, language) if spec is not None else None
        named = name_form(f"{metric} ({scope})" if scope else metric, language)
    return _in_its_time(named, candidate.text, language) if spec is not None else named


def _in_its_time(name: str, text: str, language: str) -> str:
    """The goal's name with the quiet time its aim is about, as the owner named it
    ("utilisation (Jan-March)"), so a goal for the winter gap is not read as one for the
    whole year."""
    when = named_quiet_time(text, language)
    if when is None or when.lower() in name.lower() or not _clock_or_calendar(when):
        return name
    if name.endswith(")"):  # "загрузка (заполняемость, зимой)"
        return f"{name[:-1]}, {when})"
    return f"{name} ({when})"


def _clock_or_calendar(when: str) -> bool:
    """A time said in words or on the clock ("10:00-14:00", "9am to 11am"), not a bare pair
    of numbers that may be the goal's own figures ("from 30 to 60")."""
    return not re.search(r"\d", when) or re.search(r"[:.]\d\d|[ap]m\b|kl", when) is not None


def _says_kpi(label: str | None, spec, language: str) -> bool:  # spec: KpiSpec
    """The owner's own name for the metric is one of the KPI's keywords ("fyllingsgraden")."""
    if not label or len(label.split()) > 1:
        return False
    word = label.lower()
    keywords = [k.lower().rstrip("*") for k in spec.keywords.get(language)]
    return any(" " not in k and len(k) >= LONE_WORD and word.startswith(k) for k in keywords)


def _aim(candidate: GoalCandidate, language: str) -> str | None:
    """The owner's aim as the goal's name, when no words of it name a metric ("sälja till 3
    arbetsgivare"); see ``aims``."""
    if candidate.target is None or named_metric(candidate.text, language) is not None:
        return None
    return owner_aim(candidate.text, candidate.target.value, language)


def _period(candidate: GoalCandidate, metric: str, language: str) -> str | None:
    """What the owner's figures count per ("30 a week"), unless the metric's name says it
    ("orders per month")."""
    figures = [f for f in (candidate.target, candidate.baseline) if f]
    said = [f.period for f in figures if f.period]
    if not said or any(f.unit == "%" for f in figures):  # a share is not counted per day
        return None
    if any(p.search(metric) for _, p in cues.period_patterns(language)):
        return None
    return said[0]


def proposal_note(proposed: Collection[str], language: str) -> str:
    """ " (target proposed — please confirm)": what the coach suggested, said in the goal."""
    if not proposed:
        return ""
    say = Messages(language)
    fields = ", ".join(say.label("edit_fields", name) for name in proposed)
    return say.say("proposed_note", fields=fields)


def goal_statement(
    metric: str,
    direction: str | None,
    baseline: Baseline | None,
    target: Target | None,
    deadline: date | None,
    language: str,
    change_percent: float | None = None,
    milestone: bool = False,
    period: str | None = None,
    hold: bool = False,
    aim: str | None = None,
) -> str:
    """The goal in one sentence, from its fields ("Increase X from 20 % to 35 % by ...",
    "Increase X by 20 % by ..." while today's value is still to be measured); an aim the
    owner gave without any figure or metric is a milestone ("In place by ...: online
    ordering of cakes") until a target is set."""
    say = Messages(language)
    verb = say.say("verb_decrease" if direction == "decrease" else "verb_increase")

    def shown(value: float, unit: str) -> str:
        return f"{shown_number(value, language)} {say.unit(unit, value)}".strip()

    target_text = shown(target.value, target.unit) if target else "?"
    if period is not None and any(p.search(metric) for _, p in cues.period_patterns(language)):
        period = None  # "Årlig omsetning": the name says it, "i året" would say it twice
    if target is not None and period is not None:  # "to 30 a week": what the owner counts per
        target_text += f" {say.label('per_period', period)}"
    deadline_text = deadline.isoformat() if deadline else "?"
    if aim is not None and target is not None:  # "Sälja till 3 arbetsgivare senast …"
        return _aim_statement(aim, baseline, target, deadline_text, say)
    if milestone and target is None and change_percent is None:
        return say.say("goal_statement_milestone", metric=metric, deadline=deadline_text)
    metric = _lowered(metric)
    held = baseline is not None and target is not None and target.value == baseline.value
    if hold and held:  # "which I want to keep": today's level, until a new target is set
        return say.say(
            "goal_statement_keep", metric=metric, target=target_text, deadline=deadline_text
        )
    known = baseline is not None and baseline.value is not None
    if target is None and change_percent is None:  # "from 12 % by …", never "to ?"
        shown_baseline = shown(baseline.value, baseline.unit or "") if known else ""
        return say.say(
            "goal_statement_open" if known else "goal_statement_pending_open",
            verb=verb,
            metric=metric,
            baseline=shown_baseline,
            deadline=deadline_text,
        )
    if known:
        return say.say(
            "goal_statement",
            verb=verb,
            metric=metric,
            baseline=shown(baseline.value, baseline.unit or ""),
            target=target_text,
            deadline=deadline_text,
        )
    if target is None and change_percent is not None:
        return say.say(
            "goal_statement_relative",
            verb=verb,
            metric=metric,
            change=f"{shown_number(abs(change_percent), language)} %",
            deadline=deadline_text,
        )
    return say.say(
        "goal_statement_pending",
        verb=verb,
        metric=metric,
        target=target_text,
        deadline=deadline_text,
    )


def _aim_statement(
    aim: str, baseline: Baseline | None, target: Target, deadline: str, say: Messages
) -> str:
    today = say.say("aim_today_pending")
    if baseline is not None and baseline.value is not None:
        unit = say.unit(baseline.unit or "", baseline.value)
        shown = shown_number(baseline.value, say.language)
        today = say.say("aim_today", baseline=f"{shown} {unit}".strip())
    aim_text = filled(aim, shown_number(target.value, say.language))
    return say.say("goal_statement_aim", aim=aim_text, deadline=deadline, today=today)


def _lowered(metric: str) -> str:
    """The metric inside a sentence: "Share of bookings" -> "share of bookings"; a quote, an
    acronym ("EV chargers", "CRM") and names further on ("Google reviews") stay as said."""
    if metric[:1] in QUOTE_MARKS or metric[:2].isupper():
        return metric
    return metric[:1].lower() + metric[1:]


def shown_number(value: float, language: str = "en") -> str:
    """ "8 000 000", "2.5" or "2,5": whole numbers grouped by thousands, never in exponent
    form, with the language's decimal mark."""
    value = round(value, 6)  # "8,2 miljoner": 8.2 × 1 000 000 is 8 199 999.999999999
    mark = str(Messages(language).raw("decimal_mark") or ".")
    if value == int(value):
        return f"{value:,.0f}".replace(",", " ")
    if abs(value) >= LARGE:  # "1 250 000,5", never "1.25e+06"
        whole, _, part = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
        return whole.replace(",", " ") + (mark + part if part else "")
    return f"{value:g}".replace(".", mark)


LARGE = 100_000  # from here a number is grouped by thousands even with decimals


def kpi_of(spec, language: str) -> Kpi:  # spec: KpiSpec
    return Kpi(
        name=spec.name.get(language),
        definition=spec.definition.get(language),
        unit=spec.unit,
        direction=spec.direction,
        kind=spec.kind,
        source=spec.source.get(language),
        cadence=spec.cadence,
    )


def apply_smart(plan: StrategyPlan, today: date) -> None:
    """Run the SMART checker on every goal and store the verdict per letter."""
    for goal in plan.goals:
        goal.smart = check_goal(goal, plan.objectives, today, plan.language).letters


def cite_goals(
    plan: StrategyPlan,
    kb: KnowledgeBase,
    seen: dict[str, SearchResult],
    scope: str | None = None,
) -> None:
    """Cite each goal from the guidance ``scope`` sees (see ``grounding``)."""
    for goal in plan.goals:
        if goal.citations:
            continue
        claim = f"SMART goal with a baseline, a target and a deadline: {goal.metric}"
        found = best_citation(kb, claim, plan.language, PLAN_LANGUAGE_SLACK, scope)
        if found:
            citation, passage = found
            goal.citations = [citation]
            seen[passage.chunk_id] = passage
