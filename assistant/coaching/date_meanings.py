"""What the owner's date phrase means: "sommer 2027 betyr 30. juni 2027, ikke august" moves
every goal that the coach dated from "summer 2027" to 30 June 2027, drafted or not."""

from __future__ import annotations

from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.edits import GoalEdit, change_goal
from assistant.coaching.facts import Facts
from assistant.coaching.state import SessionState
from assistant.extraction import extract_deadlines
from assistant.understanding import cues


def redate_phrases(state: SessionState, facts: Facts, today: date, outcome: Outcome) -> None:
    """Each "<date phrase> means <date>": goals dated by the phrase's reading take the date."""
    language = state.plan.language
    for pattern in cues.patterns("date_means", language):
        for said in pattern.finditer(facts.said):
            old, new = (
                _one_date(said["phrase"], language, today),
                _one_date(said["date"], language, today),
            )
            if old is None or new is None or old == new:
                continue
            _move(state, old, new, today, outcome)


def _one_date(words: str, language: str, today: date) -> date | None:
    found = extract_deadlines(words, language, today)
    return found[-1].date if len(found) == 1 else None


def _move(state: SessionState, old: date, new: date, today: date, outcome: Outcome) -> None:
    say = say_for(state)
    for number, goal in enumerate(state.plan.goals, start=1):
        if goal.deadline == old:
            changes = change_goal(state.plan, goal, GoalEdit(deadline=new.isoformat()), today)
            if changes:
                outcome.changes.append(
                    say.say("goal_changed", number=number, changes="; ".join(changes))
                )
    for number, candidate in enumerate(state.candidates if not state.plan.goals else [], 1):
        if candidate.deadline == old:
            candidate.deadline = new
            field = say.label("edit_fields", "deadline")
            change = say.say("edit_field", field=field, value=new.isoformat())
            outcome.changes.append(say.say("goal_changed", number=number, changes=change))
