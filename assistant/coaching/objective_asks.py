"""The objectives of the interview: new ones taken from a message, and the one question
at a time that asks for what an objective still lacks (today's value, target, deadline)."""

from __future__ import annotations

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.drafting import shown_number
from assistant.coaching.facts import Facts, Figure
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Objective, next_id
from assistant.coaching.state import PendingAsk, SessionState

MAX_OBJECTIVES = 4


def add_objectives(state: SessionState, facts: Facts, answering: bool = False) -> None:
    plan = state.plan
    known = {c.text for c in state.candidates}
    for candidate in facts.goals:
        if candidate.text in known or len(plan.objectives) >= MAX_OBJECTIVES:
            continue
        if answering and not (candidate.baseline and candidate.target):
            continue  # an answer to the pending question, not a new objective
        if state.stage != "objectives" and not (candidate.baseline and candidate.target):
            continue  # early on, only clear objectives: "from X to Y"
        objective_id = next_id("o", [o.id for o in plan.objectives])
        plan.objectives.append(
            Objective(id=objective_id, category=candidate.category, owner_words=candidate.text)
        )
        state.candidates.append(candidate)


def skip_pending(state: SessionState) -> None:
    pending = state.pending
    assert pending is not None
    for field in ("baseline", "target", "deadline"):
        state.asked_fields.append(f"{pending.candidate}:{field}")


def fill_pending(state: SessionState, facts: Facts) -> None:
    pending = state.pending
    assert pending is not None
    candidate = state.candidates[pending.candidate]
    # A complete new objective ("from X to Y") is not an answer to the open question.
    loose = [g for g in facts.goals if not (g.baseline and g.target)]
    figures = facts.figures or [f for g in loose for f in (g.baseline, g.target) if f]
    if pending.field == "deadline":
        dates = [g.deadline for g in facts.goals if g.deadline] or [facts.deadline]
        if dates[0] is not None:
            candidate.deadline = dates[0]
        elif facts.unusable_deadline is not None:
            return  # a date gone by or no such day: said so, and asked again
    elif figures:
        setattr(candidate, pending.field, Figure(value=figures[0].value, unit=figures[0].unit))
        if pending.field == "target" and not candidate.deadline:
            dates = [g.deadline for g in facts.goals if g.deadline]
            candidate.deadline = dates[0] if dates else facts.deadline
    hedged = facts.unsure and pending.field in ("target", "deadline")
    if hedged and getattr(candidate, pending.field) is not None:  # "maybe next year? not sure"
        candidate.proposed = list(dict.fromkeys([*candidate.proposed, pending.field]))
    state.asked_fields.append(f"{pending.candidate}:{pending.field}")


def next_missing(state: SessionState) -> str | None:
    say = Messages(state.language)
    catalogue = load_kpi_catalogue()
    for index, candidate in enumerate(state.candidates):
        for field in ("baseline", "target", "deadline"):
            if getattr(candidate, field) is not None or f"{index}:{field}" in state.asked_fields:
                continue
            state.pending = PendingAsk(candidate=index, field=field)
            objective = candidate.text
            if field == "baseline":
                spec = catalogue.kpi(candidate.kpi_id) if candidate.kpi_id else None
                question = (
                    spec.baseline_question.get(state.language)
                    if spec
                    else say.say("baseline_pending_question", metric=objective)
                )
                return say.say("ask_baseline", objective=objective, question=question)
            if field == "target":
                baseline = candidate.baseline
                shown = _figure(baseline)
                return say.say("ask_target", objective=objective, baseline=shown)
            target = candidate.target
            shown = _figure(target)
            return say.say("ask_deadline", objective=objective, target=shown)
    return None


def _figure(figure: Figure | None) -> str:
    """ "15 hours", "8 000 000": a figure as said back in a question."""
    if figure is None:
        return "?"
    return f"{shown_number(figure.value)} {figure.unit or ''}".strip()
