"""A goal the owner's changes left with no step: said at once, with the catalogue's best
step for it, so "remove step 3" never leaves the January goal silently empty."""

from __future__ import annotations

from assistant.coaching.business_said import fitting
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Goal, StrategyPlan
from assistant.coaching.roadmap import serving_steps
from assistant.coaching.state import SessionState
from assistant.coaching.year_two import is_year_two


def unlink_goal(plan: StrategyPlan, goal: Goal, say: Messages) -> None:
    """A removed goal is served by no step: a step that served only it says so, rather than
    "it serves your goal" about a goal no longer in the plan."""
    for item in plan.roadmap:
        if goal.id in item.goal_ids:
            item.goal_ids = [g for g in item.goal_ids if g != goal.id]
            if not item.goal_ids:
                item.rationale = say.say("step_unlinked", goal=goal.metric or goal.statement)


def served_goals(plan: StrategyPlan) -> set[str]:
    """The goals at least one step of the roadmap serves this year (a goal's second year
    in Later builds on those steps and does not serve it alone)."""
    return {
        g
        for item in plan.roadmap
        if not is_year_two(item.title, plan.language)
        for g in item.goal_ids
    }


def newly_unserved(state: SessionState, served_before: set[str]) -> list[str]:
    """A note for each goal a step served before this message and none serves now."""
    plan = state.plan
    now = served_goals(plan)
    lost = [(n, g) for n, g in enumerate(plan.goals, start=1) if g.id in served_before - now]
    if not plan.roadmap or not lost:
        return []  # the business's traits are read only when a goal lost its last step
    say = Messages(plan.language)
    planned = {item.title for item in plan.roadmap}
    offer = [s for s in fitting(state) if s.title.get(plan.language) not in planned]
    notes = []
    for number, goal in lost:
        objective = next((o for o in plan.objectives if o.id == goal.objective_id), None)
        best = serving_steps(objective, goal, offer, plan.language) if objective else []
        name = goal.metric or goal.statement
        if best:
            step = best[0].title.get(plan.language)
            notes.append(say.say("goal_left_unserved", number=number, goal=name, step=step))
        else:
            notes.append(say.say("goal_left_unserved_open", number=number, goal=name))
    return notes
