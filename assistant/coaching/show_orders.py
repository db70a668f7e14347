""" "Show me the goals again", "give me the final summary", «покажите дорожную карту»: the
part of the plan the owner asks to see (the summary of a drafted roadmap approves it as it
stands)."""

from __future__ import annotations

from datetime import date

from assistant.coaching.chat_outcome import Outcome
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.state import SessionState
from assistant.understanding import cues


def show_order(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    outcome.show = True
    part = cues.label_of("shown_part", state.plan.language, command.words) or "goals"
    if part == "summary" and state.plan.roadmap:
        facts.approve = True  # "…and then give me the final summary": the roadmap as it is
    elif part == "roadmap" and state.plan.roadmap:
        state.acts.append("steps_ordered")
    else:
        state.acts.append("goals_asked")  # "show me the goals again": the goals, not the roadmap
