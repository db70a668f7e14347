"""A roadmap a small team can carry and read: Now holds no more projects than the team can
start at once (fewer for a team of three), what a step builds on comes a lane before it
rather than beside it, a problem the owner described is dealt with first when there is
room, and every step's why line says what the step changes, not only which goal it is for."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.messages import Messages
from assistant.coaching.plan import StrategyPlan
from assistant.coaching.roadmap_lanes import ALWAYS, NOW_CAPACITY, now_capacity
from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings

TODAY = date(2026, 12, 6)
LANES = ("short", "medium", "long")
DEV_BRIEFS = [
    json.loads(line)
    for line in (PROJECT_ROOT / "evals" / "plan_fit" / "dev.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("plans-ap")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


@pytest.fixture(scope="module")
def dev_plans(service) -> list[StrategyPlan]:
    return [service.plan_from_brief(case["owner_words"], case["lang"]) for case in DEV_BRIEFS]


def _projects_now(plan: StrategyPlan) -> list[str]:
    routine = {i.id for i in plan.roadmap if _routine_title(i.title, plan.language)}
    return [i.title for i in plan.roadmap if i.horizon == "short" and i.id not in routine]


def _routine_title(title: str, language: str) -> bool:
    from assistant.coaching.catalogue import load_kpi_catalogue

    routine = [s for s in load_kpi_catalogue().initiatives if s.id in ALWAYS]
    return any(s.title.get(language) == title for s in routine)


def test_a_team_of_a_few_starts_one_project_fewer():
    assert now_capacity(3) == NOW_CAPACITY - 1
    assert now_capacity(12) == now_capacity(None) == NOW_CAPACITY


@pytest.mark.parametrize(
    ("language", "brief"),
    [
        (
            "en",
            "We're three people running a bike repair workshop in Leeds. Bookings come by phone "
            "and Facebook messages. I want 40 % of repairs booked online by next autumn, 60 "
            "Google reviews by summer (we have 14), and 120 service-plan customers within a "
            "year (we have 35).",
        ),
        (
            "sv",
            "Vi är tre personer i en liten blomsterbutik i Västerås. Vi vill ha 25 % av "
            "beställningarna via webben inom ett år (i dag 5 %), 80 omdömen på Google till "
            "sommaren (i dag 20) och 15 företagskunder med veckoblommor inom ett år (i dag 4).",
        ),
    ],
)
def test_a_team_of_three_is_not_handed_three_projects_at_once(service, language, brief):
    plan = service.plan_from_brief(brief, language)
    assert plan.profile.staff == 3
    assert len(_projects_now(plan)) <= NOW_CAPACITY - 1, _projects_now(plan)


def test_no_plan_starts_more_projects_than_a_small_team_carries(dev_plans):
    heavy = {
        plan.profile.business_name or n: _projects_now(plan)
        for n, plan in enumerate(dev_plans)
        if len(_projects_now(plan)) > NOW_CAPACITY and not _goal_due_within_now(plan)
    }
    assert not heavy


def _goal_due_within_now(plan: StrategyPlan) -> bool:
    return any(g.deadline and (g.deadline - TODAY).days <= 120 for g in plan.goals)


def test_what_a_step_builds_on_comes_before_it(dev_plans):
    """ "CRM basics" in Now and the sales pipeline that needs it in Next, not side by side in
    one quarter; both in Now only when the goal is due within it or is the owner's first."""
    beside = []
    for plan in dev_plans:
        by_id = {i.id: i for i in plan.roadmap}
        first_aim = plan.goals[0].id if plan.goals else None
        for item in plan.roadmap:
            for needed in (by_id[d] for d in item.depends_on if d in by_id):
                later = LANES.index(needed.horizon) > LANES.index(item.horizon)
                together_now = needed.horizon == item.horizon == "short"
                allowed = _goal_due_within_now(plan) or first_aim in item.goal_ids
                if later or (together_now and not allowed):
                    beside.append((item.title, needed.title))
    assert not beside


def _bare_why(language: str) -> re.Pattern[str]:
    template = Messages(language).raw("why_objective")
    return re.compile(re.escape(template).replace(re.escape("{objective}"), ".+"))


def test_every_step_for_a_goal_says_what_it_changes(dev_plans):
    """ "It serves your goal: new patients." tells the owner nothing the goal list did not."""
    empty = [
        (plan.language, i.title, i.rationale)
        for plan in dev_plans
        for i in plan.roadmap
        if i.goal_ids and _bare_why(plan.language).fullmatch(i.rationale)
    ]
    assert not empty


def test_a_problem_the_owner_described_is_dealt_with_now_when_there_is_room(service):
    brief = (
        "Car repair garage in Tampere, 9 staff. I want 30 % of bookings made online within a "
        "year; today it's all phone. Honestly the worst thing is the phone: the front desk "
        "can't pick up and we lose about one call in five."
    )
    plan = service.plan_from_brief(brief, "en")
    now = " ".join(_projects_now(plan)).lower()
    assert "missed call" in now, _projects_now(plan)
