"""The garden-centre brief of blind round z (evals/listening/unscripted-2026-12-05z/
brief_sv.txt), drafted again: no project starts in March–June ("mellan mars och juni"),
plant waste estimated at 8–10 % is today's figure and is to fall, an aim over "juli–februari"
keeps its season, a month inside a quote is no deadline, a shop without online sales gets no
fashion-returns step, a club the till already runs gets no stamp card, and a step starts no
earlier than what it builds on."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
BRIEF = PROJECT_ROOT / "evals" / "listening" / "unscripted-2026-12-05z" / "brief_sv.txt"


@pytest.fixture(scope="module")
def plan(seeded_data_dir):
    settings = Settings(data_dir=seeded_data_dir("round-aa-brief"))
    service = CoachService(settings, today=lambda: TODAY)
    return service.plan_from_brief(BRIEF.read_text(encoding="utf-8"), "sv")


def test_no_step_starts_in_the_months_closed_to_new_projects(plan):
    assert plan.profile.quiet_months == [3, 4, 5, 6]
    assert not any(i.start.endswith("-Q2") for i in plan.roadmap if i.start)


def test_waste_estimated_today_is_the_baseline_and_the_goal_cuts_it(plan):
    waste = next(g for g in plan.goals if "svinn" in g.statement.lower())
    assert waste.statement.startswith("Minska")
    assert waste.baseline and waste.baseline.value == 9
    serving = [i.title for i in plan.roadmap if waste.id in i.goal_ids]
    assert any("Lagerstyrning" in t or "Prognoser" in t for t in serving), serving


def test_an_aim_over_a_season_keeps_it_and_a_quoted_month_is_no_deadline(plan):
    statements = [g.statement for g in plan.goals]
    assert any("juli–februari" in s for s in statements), statements
    phone = next(g for g in plan.goals if "Messenger" in g.statement)
    assert phone.deadline != "2027-04-30"


def test_no_misfits_for_a_garden_centre_with_a_club_and_no_webshop(plan):
    titles = " ".join(i.title for i in plan.roadmap)
    assert "returer" not in titles and "stämpelkort" not in titles, titles


def test_a_step_starts_no_earlier_than_what_it_builds_on(plan):
    by_id = {i.id: i for i in plan.roadmap}
    for item in plan.roadmap:
        for needed in item.depends_on:
            first = by_id[needed]
            assert first.start <= item.start, (first.title, first.start, item.title, item.start)
