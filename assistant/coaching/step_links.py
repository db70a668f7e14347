"""A step linked to the goals it serves, by chat ("link step 4 to goal 3", "Steg 1 hör till
mål 4", "step 2 should also serve goal 5": the old link stays)."""

from __future__ import annotations

from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.chat_steps import initiatives_meant
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.goal_sources import goal_numbers
from assistant.coaching.state import SessionState
from assistant.understanding import cues


def link_initiative(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """ "Steg 1 hör till mål 4, inte till uteblivna besök", "Корпоративное предложение –
    привяжите к цели 4": the step, by number or by name, now serves that goal, and its one
    line of why says so."""
    say = say_for(state)
    plan = state.plan
    named = [] if command.number is not None else initiatives_meant(state, command)
    by_id = next((i for i in plan.roadmap if i.id == command.item_id), None)
    item = by_id or (named[0] if len(named) == 1 else None)
    step_said = command.words.find(str(command.number)) if command.number is not None else -1
    after_step = command.words[step_said + 1 :]
    numbers = list(dict.fromkeys(goal_numbers(after_step, plan.language)))  # "goals 1 and 4"
    if item is None:
        outcome.asks.append(say.say("which_initiative"))
        return
    if not numbers or not all(1 <= n <= len(plan.goals) for n in numbers):
        outcome.asks.append(say.say("which_goal", count=len(plan.goals)))
        return
    goals = [plan.goals[n - 1] for n in numbers]
    also = cues.search("also_serves", plan.language, command.words) is not None
    kept = item.goal_ids if also else []  # "should also serve goal 5": the old link stays
    item.goal_ids = list(dict.fromkeys([*kept, *(g.id for g in goals)]))
    if not kept:
        item.rationale = say.say("why_objective", objective=goals[0].metric or goals[0].statement)
    for number, goal in zip(numbers, goals, strict=True):
        said = say.say("initiative_linked", item=item.title, number=number, goal=goal.statement)
        outcome.changes.append(said)
    outcome.roadmap_changed = True
