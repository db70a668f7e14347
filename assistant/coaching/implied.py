"""Today's values the owner's words settle without a figure: "every appointment is booked by
phone" makes today's online booking share 0, not a number to measure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from assistant.coaching.edits import GoalEdit, change_goal
from assistant.coaching.plan import StrategyPlan
from assistant.coaching.roadmap import goal_kpi_ids
from assistant.understanding import cues

ONLINE_SHARES = ("online_booking_share", "self_service_share")


def settle_baselines(plan: StrategyPlan, said: Iterable[str], today: date) -> None:
    """Set today's value of each online-share goal to 0 when the owner says everything comes
    in offline; the statement and the SMART check follow (see ``edits.change_goal``)."""
    if not any(cues.search("all_offline", plan.language, words) for words in said):
        return
    for goal in plan.goals:
        pending = goal.baseline is not None and goal.baseline.value is None
        if pending and goal_kpi_ids(goal) & set(ONLINE_SHARES):
            change_goal(plan, goal, GoalEdit(baseline=0), today)
