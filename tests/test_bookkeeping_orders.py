"""What the owner of a bookkeeping firm asked in the blind round of 2026-12-05o
(evals/listening/unscripted-2026-12-05o/transcript_en_bookkeeping.md) and did not get: a
sentence about a step's wording ("not fewer returns") took the step off, a list of three
additions kept one, "add fixed monthly fee packages with GoCardless" became a goal, and
"with tax season in 8 weeks, what should I do first?" was declined as a tax question."""

from __future__ import annotations

from datetime import date

import pytest
from text_helpers import owner_messages

from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
TRANSCRIPT = "unscripted-2026-12-05o/transcript_en_bookkeeping.md"


def _owner_messages() -> list[str]:
    return owner_messages(TRANSCRIPT)


@pytest.fixture(scope="module")
def drafted(seeded_data_dir) -> CoachService:
    service = CoachService(Settings(data_dir=seeded_data_dir("bookkeeping")), today=lambda: TODAY)
    for message in [*_owner_messages()[:14], "Looks good, draft the roadmap."]:
        service.send("books", message)
    assert service.session("books").plan.roadmap
    return service


def test_the_orders_of_a_frustrated_owner_are_each_carried_out(drafted):
    service = drafted
    before = [i.title for i in service.session("books").plan.roadmap]
    service.send(
        "books", "And step 3 wording: we want fewer returns left unstarted, not fewer returns."
    )
    assert [i.title for i in service.session("books").plan.roadmap] == before  # nothing removed

    reply = service.send(
        "books",
        "Please:\nadd monthly KPI check-in and quarterly review back\n"
        'add a step "fixed monthly fee packages with GoCardless" for goal 2\n'
        'add a step "monthly records collection via receipt app" for goal 4',
    ).reply
    plan = service.session("books").plan
    fees = next(i for i in plan.roadmap if i.title == "Fixed monthly fee packages with GoCardless")
    assert fees.goal_ids == [plan.goals[1].id]
    assert any(i.title == "Monthly records collection via receipt app" for i in plan.roadmap)
    assert "already in" in reply  # the KPI check-in never left

    goals = len(plan.goals)
    reply = service.send(
        "books",
        "add a referral card for every tax return we send\nHonestly with tax season in 8 "
        "weeks, what should I do first?",
    ).reply
    plan = service.session("books").plan
    assert len(plan.goals) == goals  # a step of their own, not a goal
    assert any(i.title == "A referral card for every tax return we send" for i in plan.roadmap)
    assert "not the right adviser" not in reply  # a question about the plan, not about tax


def test_asking_to_see_the_goals_again_shows_them_and_approves_nothing(seeded_data_dir):
    service = CoachService(Settings(data_dir=seeded_data_dir("books-show")), today=lambda: TODAY)
    for message in _owner_messages()[:13]:
        service.send("show", message)
    stage = service.session("show").stage
    reply = service.send(
        "show", "goal 4: target 25, deadline 2028-01-01. Then show me the goals again please"
    ).reply
    assert service.session("show").stage == stage  # no approval
    assert "SMART" in reply and "roadmap" not in reply.split("\n\n")[1].lower()
