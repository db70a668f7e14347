"""Today's values the owner's words settle without a figure: "every appointment is booked by
phone" makes today's online booking share 0, not a number to measure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from assistant.coaching.edits import GoalEdit, change_goal
from assistant.coaching.facts import Figure
from assistant.coaching.plan import StrategyPlan
from assistant.coaching.roadmap import goal_kpi_ids
from assistant.coaching.state import SessionState
from assistant.understanding import cues

ONLINE_SHARES = ("online_booking_share", "self_service_share")


def settle_baselines(plan: StrategyPlan, said: Iterable[str], today: date) -> None:
    """Set today's value of each online-share goal to 0 when the owner says everything comes
    in offline; the statement and the SMART check follow (see ``edits.change_goal``)."""
    if not _all_offline(said, plan.language):
        return
    for goal in plan.goals:
        pending = goal.baseline is not None and goal.baseline.value is None
        if pending and goal_kpi_ids(goal) & set(ONLINE_SHARES):
            change_goal(plan, goal, GoalEdit(baseline=0), today)


def settle_candidates(state: SessionState) -> None:
    """Before goals are drafted: an online-share objective whose today's value the owner
    settled ("No online booking at all") starts from 0 % and is not asked about again."""
    said = (t.content for t in state.transcript if t.role == "user")
    if not _all_offline(said, state.language):
        return
    for candidate in state.candidates:
        if candidate.baseline is None and candidate.kpi_id in ONLINE_SHARES:
            candidate.baseline = Figure(value=0, unit="%", kpi_id=candidate.kpi_id)


def _all_offline(said: Iterable[str], language: str) -> bool:
    """The owner said everything comes in by phone, email or in person."""
    return any(cues.search("all_offline", language, words) for words in said)
