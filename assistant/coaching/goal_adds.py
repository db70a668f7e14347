"""Goals added in chat ("add a goal: grow MRR from $18k to $50k by December 2027", "add it
back: corporate gifting clients from 35 to 60"): one goal per order, worded without the order,
drafted at once when the goals are; an order to add that names a step, or holds no figure or
goal word once the roadmap exists, adds a step instead; an aim the plan holds already is said
to be there rather than added twice."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.chat_steps import ADD_VERB, ADD_WORDS, add_initiative, names_a_step
from assistant.coaching.command_lanes import lane_said
from assistant.coaching.commands import PlanCommand
from assistant.coaching.drafting import goal_from_candidate
from assistant.coaching.facts import Facts, Figure, GoalCandidate, goal_candidates
from assistant.coaching.milestone_aims import held_milestone
from assistant.coaching.plan import Objective, next_id
from assistant.coaching.state import SessionState
from assistant.coaching.upkeep import revenue_currency
from assistant.understanding import cues


def add_goal(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    plan = state.plan
    known = {c.text for c in state.candidates}
    new = _one_goal_per_order([c for c in facts.goals if c.text not in known], command)
    order = command.focus or command.words
    numbered = any(c.baseline or c.target or c.deadline for c in new)  # "…, 400 by June"
    a_step = names_a_step(order, plan.language) and not numbered
    if a_step or not new:  # "kan du lägga till onlinebokning": a step, not a goal
        said = [command.focus, command.words, *facts.asked]
        if any(w and names_a_step(w, plan.language) for w in said):
            lane = command.horizon or lane_said(command.words, plan.language)  # "…, in Next"
            step = command.model_copy(update={"horizon": lane})
            add_initiative(state, step, facts, today, outcome)  # "add that": a step
            return
    if _a_step_of_their_own(state, command, new):
        verb = ADD_VERB.search(order)
        name = order[verb.end() :].strip(" :–-") if verb else order
        add_initiative(state, command.model_copy(update={"name": name}), facts, today, outcome)
        return
    if a_step or not new:
        outcome.asks.append(say_for(state).say("what_new_goal"))
        return
    for candidate in new:
        held = _held_as(state, candidate)
        if held is not None:  # "add it back: … 35 to 60": the plan has it as goal 2
            outcome.changes.append(say_for(state).say("goal_confirmed", number=held + 1))
            continue
        objective = Objective(
            id=next_id("o", [o.id for o in plan.objectives]),
            category=candidate.category,
            owner_words=candidate.text,
        )
        plan.objectives.append(objective)
        state.candidates.append(candidate)
        if state.stage in ("review", "roadmap", "done"):
            number = int(next_id("g", [g.id for g in plan.goals])[1:])
            scope = ", ".join(plan.profile.markets) or plan.profile.business_name
            currency = revenue_currency(state)
            goal = goal_from_candidate(
                number, candidate, objective.id, plan.language, today, scope, currency
            )
            plan.goals.append(goal)
            outcome.goals_added = True
            shown, said = len(plan.goals), goal.statement
        else:
            shown, said = len(plan.objectives), candidate.text
        outcome.changes.append(say_for(state).say("goal_added", number=shown, goal=said))


def add_step_or_aim(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """ "add it back: corporate gifting clients from 35 to 60 by December 2027": an order to
    add that holds a whole aim and names no step adds a goal."""
    order = command.focus or command.words
    aims = [g for g in goal_candidates(order, state.language, today) if g.baseline and g.target]
    if aims and not names_a_step(order, state.plan.language):
        facts.goals += [g for g in aims if g.text not in {f.text for f in facts.goals}]
        add_goal(state, command.model_copy(update={"action": "add_goal"}), facts, today, outcome)
        return
    add_initiative(state, command, facts, today, outcome)


def _a_step_of_their_own(
    state: SessionState, command: PlanCommand, new: list[GoalCandidate]
) -> bool:
    """ "add fixed monthly fee packages with GoCardless", "add chase every sent quote after 7
    days", "Add: online enquiry form with photo upload" once the roadmap is drafted: no
    figure but the step's own timing and no word for a goal, so a step of their own, not a
    goal."""
    order = command.focus or command.words
    language = state.plan.language
    timed = cues.search("step_timing", language, order) is not None  # "… after 7 days"
    return (
        bool(state.plan.roadmap)
        and all(not c.baseline and (timed or not c.target) for c in new)
        and cues.search("goal_said", language, order) is None
    )


_ORDER_HEAD = re.compile(r"^[^:]{0,40}:\s*")  # "And add a goal: ", "legg til et mål: "
_ADD_HEAD = re.compile(  # "Innan vi går vidare: lägg till ett mål 3: öka …": all of the order
    rf"^[^.!?]{{0,60}}?{ADD_WORDS}\b[^:.!?]{{0,30}}:\s*",
    re.IGNORECASE,
)


def _one_goal_per_order(
    candidates: list[GoalCandidate], command: PlanCommand
) -> list[GoalCandidate]:
    """ "add a goal: intake forms for 100 % by March, today it's 0" is one goal: the
    objectives read inside the order's words become one, with the numbers the order gives,
    worded without the order itself; the aims said outside it are read as aims are."""
    inside = [c for c in candidates if c.text.strip() in command.words]
    if not inside:
        return candidates
    goal = inside[0].model_copy()
    head = _ADD_HEAD if _ADD_HEAD.search(goal.text) else _ORDER_HEAD
    goal.text = head.sub("", goal.text, count=1).strip() or goal.text
    said = command.unit if command.unit not in (None, "count") else None  # a count: the KPI's
    unit = said or next((f.unit for f in (goal.target, goal.baseline) if f), None)
    by_change = goal.change_percent is not None and command.target == goal.change_percent
    if command.target is not None and not by_change:  # "öka … med 30%": by 30 %, not to it
        goal.target = Figure(value=command.target, unit=unit, kpi_id=goal.kpi_id)
    if command.baseline is not None:
        goal.baseline = Figure(value=command.baseline, unit=unit, kpi_id=goal.kpi_id)
    goal.deadline = command.deadline or goal.deadline
    return [goal]  # the message's other aims are not this order's to add


def _held_as(state: SessionState, candidate: GoalCandidate) -> int | None:
    """The goal (or objective, before drafting) with the same today's value and target, or
    a milestone due the same day in much the same words ("patientjournalerna i ett
    molnbaserat journalsystem med backup, klart senast 1 september 2027")."""
    if candidate.baseline is None or candidate.target is None:
        return held_milestone(state, candidate)
    said = (candidate.baseline.value, candidate.target.value)
    held = state.plan.goals if state.plan.goals else state.candidates
    figures = [
        (g.baseline.value if g.baseline else None, g.target.value if g.target else None)
        for g in held
    ]
    return figures.index(said) if said in figures else None
