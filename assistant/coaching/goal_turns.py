""" "Mål 3 ska ÖKA inte minska", "goal 2 is backwards": a goal turned the way the owner
says it should go, before or after the goals are drafted."""

from __future__ import annotations

from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.directions import direction_said
from assistant.coaching.edits import GoalEdit, change_goal
from assistant.coaching.facts import Facts
from assistant.coaching.goal_lookup import drafted, goal_index
from assistant.coaching.state import SessionState


def turn_goal(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    index = goal_index(state, command, outcome)
    if index is None:
        return
    say = say_for(state)
    goals = state.plan.goals if drafted(state) else []
    current = goals[index].direction if goals else state.candidates[index].direction
    way = direction_said(command.words, state.plan.language, current)
    if way is None:
        outcome.asks.append(say.say("what_goal_change", number=index + 1))
        return
    if goals:
        changes = change_goal(state.plan, goals[index], GoalEdit(direction=way), today)
    else:
        state.candidates[index].direction = way
        changes = [say.say("edit_field", field=say.label("edit_fields", "direction"), value=way)]
    if changes:
        said = "; ".join(changes)
        outcome.changes.append(say.say("goal_changed", number=index + 1, changes=said))
