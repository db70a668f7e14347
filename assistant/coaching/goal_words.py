""" "Remove 'a month' from goal 1", "ta bort «per månad» från mål 2": quoted words taken out
of a goal, never the goal itself. A period said this way leaves the goal counting a total;
other words leave its name."""

from __future__ import annotations

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.edits import statement_of
from assistant.coaching.goal_lookup import drafted
from assistant.coaching.goal_periods import only_a_period
from assistant.coaching.state import SessionState
from assistant.coaching.step_words import without
from assistant.understanding import cues


def words_out_of_goal(state: SessionState, command: PlanCommand, outcome: Outcome) -> bool:
    """Whether the order takes quoted words out of goal N; it is done when goal N exists."""
    said = cues.search("quoted_out_of_goal", state.plan.language, command.words)
    if said is None:
        return False
    words, say = said.group("words").strip(), say_for(state)
    count = len(state.plan.goals) if drafted(state) else len(state.candidates)
    if command.number is None or not 1 <= command.number <= count:
        outcome.asks.append(say.say("which_goal", count=str(count)))
        return True
    if only_a_period(words, state.plan.language):
        _no_period(state, command.number - 1)
        outcome.changes.append(say.say("period_taken_out", words=words, number=command.number))
        return True
    return _out_of_name(state, command.number - 1, words, outcome)


def _no_period(state: SessionState, index: int) -> None:
    """The goal counts a total: no "a month" after its figures."""
    if drafted(state):
        goal = state.plan.goals[index]
        goal.period = None
        goal.statement = statement_of(goal, state.plan.language)
        return
    candidate = state.candidates[index]
    for amount in (candidate.baseline, candidate.target):
        if amount is not None:
            amount.period = None


def _out_of_name(state: SessionState, index: int, words: str, outcome: Outcome) -> bool:
    say = say_for(state)
    if not drafted(state):
        outcome.notes.append(say.say("word_not_in_step", word=words, item=str(index + 1)))
        return True
    goal = state.plan.goals[index]
    named = goal.metric
    kept = without(named or "", words)
    if not named or kept == named or not kept:
        outcome.notes.append(say.say("word_not_in_step", word=words, item=goal.statement))
        return True
    goal.metric = kept
    goal.statement = statement_of(goal, state.plan.language)
    outcome.changes.append(say.say("word_taken_out", word=words, item=goal.statement))
    return True
