"""A goal whose aim names no metric is said in the owner's own words, with the target the
goal holds ("Starta företagsyoga – sälja till 3 arbetsgivare här i stan senast …"), never a
raw quote of their sentence inside "Increase … to 3"; a changed target changes those words."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.aims import SLOT, filled, owner_aim
from assistant.coaching.drafting import goal_from_candidate
from assistant.coaching.edits import GoalEdit, change_goal
from assistant.coaching.facts import Figure, GoalCandidate
from assistant.coaching.plan import Objective, StrategyPlan

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("language", "said", "target", "aim"),
    [
        (
            "sv",
            "Vill också starta företagsyoga – sälja till 3 arbetsgivare här i stan i år, folk har "
            "ju friskvårdsbidrag.",
            3,
            "starta företagsyoga – sälja till {target} arbetsgivare här i stan",
        ),
        (
            "nb",
            "få tilbake minst 300 av de inaktive i år",
            300,
            "få tilbake minst {target} av de inaktive",
        ),
        (
            "en",
            "I'd also love to get 3 proper club partnerships by next summer.",
            3,
            "get {target} proper club partnerships",
        ),
        (
            "ru",
            "Хотим: снизить долю агрегаторов до 15 % к концу года",
            15,
            "снизить долю агрегаторов до {target} %",
        ),
    ],
)
def test_the_aim_is_the_owners_clause_without_wish_words_and_dates(language, said, target, aim):
    assert owner_aim(said, target, language) == aim


@pytest.mark.parametrize(
    ("language", "said", "target"),
    [
        (
            "sv",
            "Vi slänger för mycket bröd, kanske 8 procent av det vi bakar, och vill ner till 3.",
            3,
        ),
        ("en", "double the online shop to 3.6m", 3.6),  # not said as whole digits
        ("nb", "øke omsetningen til 4 millioner", 5),  # the target is not in the words
    ],
)
def test_no_aim_when_the_clause_names_nothing_or_does_not_hold_the_target(language, said, target):
    assert owner_aim(said, target, language) is None


def _goal(language: str, said: str, target: float):
    candidate = GoalCandidate(text=said, target=Figure(value=target))
    return goal_from_candidate(1, candidate, "o1", language, TODAY)


def test_a_goal_named_by_its_aim_reads_as_the_owner_said_it_and_follows_a_new_target():
    said = "Vill också starta företagsyoga – sälja till 3 arbetsgivare här i stan i år."
    goal = _goal("sv", said, 3)
    assert goal.statement.startswith("Starta företagsyoga – sälja till 3 arbetsgivare")
    assert "”" not in goal.statement and "Öka" not in goal.statement
    assert SLOT not in goal.statement + (goal.metric or "")
    plan = StrategyPlan(
        language="sv", objectives=[Objective(id="o1", owner_words=said)], goals=[goal]
    )
    change_goal(plan, goal, GoalEdit(target=5), TODAY)
    assert "sälja till 5 arbetsgivare" in goal.statement and "till 3 " not in goal.statement
    assert goal.metric == filled(goal.aim or "", "5")


def test_a_renamed_goal_drops_the_aims_words():
    goal = _goal("nb", "få tilbake minst 300 av de inaktive i år", 300)
    plan = StrategyPlan(
        language="nb", objectives=[Objective(id="o1", owner_words="x")], goals=[goal]
    )
    change_goal(plan, goal, GoalEdit(metric="reaktiverte pasienter"), TODAY)
    assert goal.aim is None and "reaktiverte pasienter" in goal.statement
