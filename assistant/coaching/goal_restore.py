""" "Верните цель 1", "put goal 2 back": a goal the owner removed comes back where it stood,
as it was (its objective, its figures and, once drafted, the goal itself)."""

from __future__ import annotations

from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.state import SessionState, TakenGoal

TAKEN_GOALS_KEPT = 5  # the goals removed last that "put it back" can restore


def remember_taken_goal(state: SessionState, index: int, number: int) -> None:
    """Keep the goal at ``index`` as it is, before it is removed."""
    plan = state.plan
    goal = plan.goals[index] if index < len(plan.goals) else None
    objective_id = goal.objective_id if goal else None
    objective = next(
        (o for o in plan.objectives if o.id == objective_id),
        plan.objectives[index] if index < len(plan.objectives) else None,
    )
    if objective is None:
        return
    position = plan.objectives.index(objective)
    candidate = state.candidates[position] if position < len(state.candidates) else None
    taken = TakenGoal(number=number, objective=objective, candidate=candidate, goal=goal)
    state.goals_taken_out = [*state.goals_taken_out, taken][-TAKEN_GOALS_KEPT:]


def restore_goal(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    say = say_for(state)
    taken = _taken(state, command.number)
    if taken is None:
        outcome.asks.append(say.say("no_goal_to_restore"))
        return
    state.goals_taken_out.remove(taken)
    plan = state.plan
    at = min(taken.number - 1, len(plan.objectives))
    plan.objectives.insert(at, taken.objective)
    if taken.candidate is not None:
        state.candidates.insert(min(at, len(state.candidates)), taken.candidate)
    if taken.goal is not None:
        plan.goals.insert(min(at, len(plan.goals)), taken.goal)
    said = taken.goal.statement if taken.goal else taken.objective.owner_words
    outcome.changes.append(say.say("goal_restored", number=at + 1, goal=said))
    facts.goals = [g for g in facts.goals if g.text not in command.words]  # said again in it


def _taken(state: SessionState, number: int | None) -> TakenGoal | None:
    """The goal the owner means: the one that had that number, else the last one removed."""
    if not state.goals_taken_out:
        return None
    if number is not None:
        return next((t for t in state.goals_taken_out if t.number == number), None)
    return state.goals_taken_out[-1]
