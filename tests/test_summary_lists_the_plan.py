"""The closing summary shows the plan itself (the business, every goal, every initiative by
lane), not only how many there are, so an owner can read back what was agreed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "persona", ["en-bike-shop", "nb-hotel", "sv-manufacturing", "ru-dental-clinic"]
)
def test_the_summary_lists_every_goal_and_initiative(finished_sessions, persona):
    state = finished_sessions[persona]
    assert state.stage == "done"
    summary = [t.content for t in state.transcript if t.role == "assistant"][-1]
    assert state.plan.profile.business_name and state.plan.profile.business_name in summary
    for goal in state.plan.goals:
        assert goal.statement in summary
    for initiative in state.plan.roadmap:
        assert initiative.title in summary
    positions = [summary.index(i.title) for i in state.plan.roadmap if i.horizon == "short"]
    later = [summary.index(i.title) for i in state.plan.roadmap if i.horizon != "short"]
    assert not later or max(positions, default=-1) < min(later)  # Now before Next and Later
