"""The months the owner closed to new work ("nothing new until February", "no new projects
March–June"): held in the profile, and no roadmap step starts in a quarter made only of them."""

from __future__ import annotations

from datetime import date

from assistant.coaching.drafting import lane_quarter, quarter_of
from assistant.coaching.facts import Facts
from assistant.coaching.messages import Messages
from assistant.coaching.plan import StrategyPlan
from assistant.coaching.state import SessionState

QUARTERS_AHEAD = 12  # how far a step may be pushed to find a quarter open to new work


def quiet_months_said(state: SessionState, facts: Facts, today: date) -> list[str]:
    """ "Nothing starts before February": held, the roadmap kept to it, and said back."""
    plan = state.plan
    if not facts.quiet_months or facts.quiet_months == plan.profile.quiet_months:
        return []
    plan.profile.quiet_months = facts.quiet_months
    moved = keep_quiet_months(plan, today)
    if moved:
        state.acts.append("roadmap_changed")
    return [said_back(plan, moved)]


def keep_quiet_months(plan: StrategyPlan, today: date) -> list[str]:
    """Moves each step that would start in a quarter closed to new work to the next open
    quarter; the titles of the steps moved."""
    quiet = set(plan.profile.quiet_months)
    if not quiet:
        return []
    moved = []
    now = lane_quarter(today)
    for item in plan.roadmap:
        if item.start is None or not _closed(item.start, quiet):
            continue
        opened = _next_open(item.start, quiet)
        if item.end is None or item.end < opened:
            item.end = opened
        item.start = opened
        if item.horizon == "short" and opened != now:
            item.horizon = "medium"
        moved.append(item.title)
    return moved


def said_back(plan: StrategyPlan, moved: list[str]) -> str:
    """ "nothing new starts in March, April, May, June, as you said; moved later: …"."""
    say = Messages(plan.language)
    names = say.raw("month_names") or []
    months = ", ".join(str(names[m - 1]) for m in plan.profile.quiet_months)
    items = ", ".join(f"“{t}”" for t in moved)
    more = say.say("quiet_months_moved", items=items) if moved else ""
    return say.say("quiet_months_kept", months=months, moved=more)


def _closed(quarter: str, quiet: set[int]) -> bool:
    first = (int(quarter.split("-Q")[1]) - 1) * 3 + 1
    return {first, first + 1, first + 2} <= quiet


def _next_open(quarter: str, quiet: set[int]) -> str:
    year, number = (int(p) for p in quarter.split("-Q"))
    first_day = date(year, (number - 1) * 3 + 1, 1)
    later = (quarter_of(first_day, step) for step in range(1, QUARTERS_AHEAD))
    return next((q for q in later if not _closed(q, quiet)), quarter)
