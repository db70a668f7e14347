"""An order that removes a goal's date, not the goal ("ta bort datumet på rekryteringen"):
the goal stays, its deadline is cleared, and the owner is asked when instead."""

from __future__ import annotations

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.edits import statement_of
from assistant.coaching.goal_lookup import drafted
from assistant.coaching.state import SessionState
from assistant.understanding import cues


def clears_deadline(state: SessionState, command: PlanCommand) -> bool:
    return cues.search("deadline_removed", state.plan.language, command.words) is not None


def clear_deadline(state: SessionState, index: int, outcome: Outcome) -> None:
    if drafted(state):
        goal = state.plan.goals[index]
        coach_worded = goal.statement == statement_of(goal, state.plan.language)
        goal.deadline, goal.horizon = None, None
        if coach_worded:  # the statement says no date it no longer has
            goal.statement = statement_of(goal, state.plan.language)
    else:
        state.candidates[index].deadline = None
    outcome.changes.append(say_for(state).say("deadline_cleared", number=index + 1))
