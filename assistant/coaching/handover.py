"""What the summary hands over besides the goals and lanes: how each goal is measured (its
KPI, how often, from where), the one step to start with, and the review dates on the
calendar, so the plan can be run from the summary alone."""

from __future__ import annotations

from datetime import date, timedelta

from assistant.coaching.messages import Messages
from assistant.coaching.plan import Goal, StrategyPlan
from assistant.coaching.plan_answers import first_to_start
from assistant.coaching.render import roadmap_order

MONTHS_IN_QUARTER = 3


def goal_measure(goal: Goal, language: str) -> str:
    """ "KPI: monthly churn — checked monthly; from the booking system", or nothing."""
    if not goal.kpis:
        return ""
    kpi = goal.kpis[0]
    say = Messages(language)
    cadence = Messages(language, "report").label("cadences", kpi.cadence) if kpi.cadence else ""
    source = kpi.source or ""
    return say.say(
        "summary_goal_kpi",
        name=kpi.name,
        cadence=f" — {cadence}" if cadence else "",
        source=f"; {source}" if source else "",
    )


def first_and_reviews(plan: StrategyPlan, today: date) -> str:
    """The step to start this month and the first check-in, review and maturity check."""
    say = Messages(plan.language)
    lines = []
    now = [i for i in roadmap_order(plan) if i.horizon == "short"]
    if now:
        lines.append(say.say("summary_first", title=first_to_start(now).title))
    months = plan.review_cadence.reassess_maturity_months
    quarter = MONTHS_IN_QUARTER - (today.month - 1) % 3
    quarter += MONTHS_IN_QUARTER if quarter == 1 else 0  # a review needs a quarter of figures
    lines.append(
        say.say(
            "summary_reviews",
            check_in=_month_start(today, 1).isoformat(),
            review=_month_start(today, quarter).isoformat(),
            maturity=_month_start(today, months).isoformat(),
        )
    )
    return "\n".join(lines)


def _month_start(today: date, ahead: int) -> date:
    """The first working day of the month ``ahead`` months after this one: no review on a
    weekend or on New Year's Day."""
    index = today.year * 12 + today.month - 1 + ahead
    day = date(index // 12, index % 12 + 1, 1)
    while day.weekday() >= SATURDAY or (day.month, day.day) in HOLIDAYS:
        day += timedelta(days=1)
    return day


SATURDAY = 5
HOLIDAYS = {(1, 1), (5, 1), (12, 25), (12, 26)}  # days off in all four markets
