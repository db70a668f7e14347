"""The hardware-store brief of blind round aa (evals/listening/unscripted-2026-12-06aa/
brief_en.txt): "Open questions" and "Owners refuse" are no objectives, "No big projects
March–May" closes those months, "Karen guesses" names no goal, a marketplace the owners
refuse is no channel they sell on, a store is retail whatever the brief calls its client,
and "Click-and-collect: … pay online" is served by click-and-collect first."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
BRIEF = PROJECT_ROOT / "evals" / "listening" / "unscripted-2026-12-06aa" / "brief_en.txt"


@pytest.fixture(scope="module")
def plan(seeded_data_dir):
    settings = Settings(data_dir=seeded_data_dir("round-aa-brief-en"))
    service = CoachService(settings, today=lambda: TODAY)
    return service.plan_from_brief(BRIEF.read_text(encoding="utf-8"), "en")


def test_questions_and_refusals_are_no_objectives_and_peak_months_are_closed(plan):
    statements = " ".join(g.statement for g in plan.goals)
    assert "Open questions" not in statements and "karen" not in statements.lower()
    assert plan.profile.quiet_months == [3, 4, 5]


def test_a_store_gets_store_steps_and_click_and_collect_leads_its_aim(plan):
    titles = [i.title for i in plan.roadmap]
    assert not any("cloud bookkeeping" in t for t in titles), titles
    first = next(i for i in plan.roadmap if plan.goals[0].id in i.goal_ids)
    assert first.title == "Order online, collect in store"
    assert any("reorder points" in t for t in titles), titles
