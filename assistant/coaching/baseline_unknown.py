"""Today's value of a goal said to be unknown: "У цели 3 текущее значение — не знаю, цель 40% к
31.12.2027", "goal 2: today's value, don't know". The goal starts from a value still to be
measured (never a guess, never a new goal named "today's value"), and a target or date said
in the same sentence changes that goal. The ways of saying it are language data
(``baseline_unknown_for`` in ``knowledge/data/reading_cues.yaml``)."""

from __future__ import annotations

from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.command_values import new_values
from assistant.coaching.commands import PlanCommand
from assistant.coaching.drafting import apply_smart
from assistant.coaching.edits import statement_of
from assistant.coaching.facts import Facts
from assistant.coaching.goal_lookup import drafted
from assistant.coaching.plan import Baseline
from assistant.coaching.state import SessionState
from assistant.extraction.dates import extract_deadline
from assistant.understanding import cues
from assistant.understanding.text import sentences


def unknown_baselines(state: SessionState, facts: Facts, today: date) -> list[PlanCommand]:
    """An order to forget today's value for each sentence that says a goal's is unknown,
    and one to change that goal for a target or date said after it; such a sentence is no
    aim of its own."""
    found: list[PlanCommand] = []
    held = len(state.plan.goals) if drafted(state) else len(state.candidates)
    for sentence in sentences(facts.said):
        said = cues.search("baseline_unknown_for", state.language, sentence.text)
        if said is None or not 1 <= int(said.group("n")) <= held:
            continue
        number, rest = int(said.group("n")), sentence.text[said.end() :]
        found.append(PlanCommand(action="forget_baseline", number=number, words=sentence.text))
        _, target = new_values(rest, state.language)
        deadline = extract_deadline(rest, state.language, today)
        if target is not None or deadline is not None:
            found.append(
                PlanCommand(
                    action="change_goal",
                    number=number,
                    target=target,
                    deadline=deadline.date if deadline else None,
                    words=sentence.text,
                )
            )
        facts.goals = [g for g in facts.goals if g.text.strip() not in sentence.text]
    return found


def forget_baseline(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    say = say_for(state)
    index = (command.number or 1) - 1
    if drafted(state):
        goal = state.plan.goals[index]
        goal.baseline = Baseline(status="pending")
        goal.statement = statement_of(goal, state.plan.language)
        apply_smart(state.plan, today)
    else:
        state.candidates[index].baseline = None
        asked = f"{index}:baseline"  # not asked again: a step to measure it comes instead
        state.asked_fields = list(dict.fromkeys([*state.asked_fields, asked]))
    change = say.say(
        "edit_field", field=say.label("edit_fields", "baseline"), value=say.say("unknown")
    )
    outcome.changes.append(say.say("goal_changed", number=index + 1, changes=change))
