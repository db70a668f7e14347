"""The coach's first promise: every number in the plan is one the owner wrote (or follows
from what they wrote, such as a 20 % rise of a figure they gave). Checked on conversations
from the blind dev corpus, one business per language, by the eval's own number tracer."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from assistant.coaching.plan import StrategyPlan
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.evaluation.number_trace import traceable
from assistant.evaluation.understanding_gold import load_corpus

CONVERSATIONS = ("en-a-1", "nb-a-3", "sv-b-2", "ru-a-2")


def _scripts() -> dict[str, list[str]]:
    scripts: dict[str, list[str]] = defaultdict(list)
    for item in load_corpus("dev"):
        if item.kind == "message" and item.conversation in CONVERSATIONS:
            scripts[item.conversation].append(item.text)
    return scripts


def _stored_numbers(plan: StrategyPlan) -> list[tuple[str, float]]:
    numbers: list[tuple[str, float]] = []
    profile = plan.profile
    if profile.staff is not None:
        numbers.append(("staff", profile.staff))
    if profile.annual_revenue is not None:
        numbers.append(("revenue", profile.annual_revenue.amount))
    numbers += [(f"metric {m.name}", m.value) for m in plan.current_state.metrics]
    for goal in plan.goals:
        if goal.baseline is not None and goal.baseline.value is not None:
            numbers.append((f"baseline of {goal.id}", goal.baseline.value))
        if goal.target is not None:
            numbers.append((f"target of {goal.id}", goal.target.value))
    return numbers


@pytest.mark.parametrize("conversation", CONVERSATIONS)
def test_every_number_in_the_plan_was_written_by_the_owner(conversation, seeded_data_dir) -> None:
    messages = _scripts()[conversation]
    assert len(messages) == 11
    service = CoachService(
        Settings(data_dir=seeded_data_dir(f"stored-{conversation}")),
        today=lambda: date(2026, 12, 3),
    )
    for message in messages:
        service.send(conversation, message)
    plan = service.session(conversation).plan
    said = "\n".join(messages)
    numbers = _stored_numbers(plan)
    assert numbers, "the plan recorded none of the owner's figures"
    invented = [(where, value) for where, value in numbers if not traceable(value, said)]
    assert invented == []


def test_an_objective_about_followers_is_drafted_not_a_failed_turn(seeded_data_dir) -> None:
    """Followers are a figure the coach records but no KPI in its catalogue; an objective
    about them once failed every turn with a KeyError (found by a tester in the web app)."""
    service = CoachService(
        Settings(data_dir=seeded_data_dir("followers")), today=lambda: date(2026, 12, 3)
    )
    script = [
        "We're Hartley Plumbing & Heating in Leeds, 9 of us, turnover about £1.2m.",
        "Website yes, no online booking, facebook page nobody posts on.",
        "lads aren't great with computers, invoicing is in Tradify, backups no idea",
        "customers in a spreadsheet, no analytics, nothing written down",
        "Online sales 0%, about 300-400 visits a month and 250 followers on facebook.",
        "We want to grow facebook followers from 250 to 600 by the end of 2027.",
        "that's all",
        "yes",
    ]
    for message in script:
        assert service.send("followers", message).reply.strip()
    plan = service.session("followers").plan
    assert plan.current_state.marketing.social_followers == 250
    (goal,) = plan.goals
    assert goal.baseline is not None and goal.baseline.value == 250
    assert goal.target is not None and goal.target.value == 600
