"""A consultant's brief is read the way it was written: under "hva vi vil:" a bullet that
only describes the business (seats, staff, followers, the budget) is no goal, while a bullet
with a figure and a date is one; a wish not to have something ("Vi vil IKKE ha nettbutikk",
"without hiring") keeps that step out wherever the brief says it, and a bare "no webshop"
describing today's state refuses nothing. The monthly review runs until the last goal is
due instead of ending in the first quarter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.drafting import quarter_of
from assistant.coaching.facts import read_message
from assistant.coaching.plan import quarter_index
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.reporting.views import Labels, profile_rows

TODAY = date(2026, 12, 6)

FLORIST = (
    "Notater fra telefon med Kari – Blomsterloftet, Hamar.\n\n"
    "Kort om dem og hva de vil:\n"
    "- Blomsterbutikk, 5 ansatte, omsetning ca. 6 mill i fjor.\n"
    "- Instagram: 3 400 følgere, poster et par ganger i uka.\n"
    "- Vil få flere bedriftsavtaler på ukentlige buketter, fra 6 til 20 innen utgangen av 2027.\n"
    "- 15 nye bryllup i løpet av 2027.\n"
    "- Vi vil IKKE ha nettbutikk med frakt, alt leveres av oss lokalt.\n"
    "- Budsjett: ca. 4 000 kr i måneden.\n"
)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("briefs-ar")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def test_bullets_that_describe_the_business_are_no_goals():
    goals = read_message(FLORIST, "nb", TODAY, brief=True).goals
    said = " | ".join(g.text for g in goals)
    assert len(goals) == 2, said
    assert any("bedriftsavtaler" in g.text for g in goals), said
    assert any("bryllup" in g.text for g in goals), said  # a figure and a date: an aim
    assert "følgere" not in said and "Budsjett" not in said and "ansatte" not in said


def test_a_wish_not_to_have_a_step_keeps_it_out_of_a_brief(service):
    titles = [i.title.lower() for i in service.plan_from_brief(FLORIST, "nb").roadmap]
    assert not any("nettbutikk" in t for t in titles), titles


def test_growing_without_hiring_gets_no_recruitment_step(service):
    brief = (
        "Physio clinic in Bristol, four physios. Goals: 140 appointments a week by next "
        "September, up from 100, without hiring. Reviews: 30 on Google, we want 80."
    )
    titles = [i.title.lower() for i in service.plan_from_brief(brief, "en").roadmap]
    assert not any("recruit" in t or "careers" in t for t in titles), titles


def test_a_shop_described_as_lacking_something_refuses_nothing(service):
    brief = (
        "Vi är en cykelbutik i Västerås med 4 anställda. Ingen webbshop och ingen bokning, "
        "service bokas på telefon. Mål: hälften av servicebokningarna online till 2027."
    )
    titles = " ".join(i.title.lower() for i in service.plan_from_brief(brief, "sv").roadmap)
    assert "bokning" in titles, titles


def test_the_monthly_review_runs_until_the_last_goal_is_due(service):
    plan = service.plan_from_brief(FLORIST, "nb")
    review = next(i for i in plan.roadmap if i.title.startswith("Månedlig oppfølging"))
    last = max(quarter_of(g.deadline) for g in plan.goals if g.deadline)
    assert review.start is not None and review.end == last
    assert quarter_index(review.end) > quarter_index(review.start)


@pytest.mark.parametrize(
    "brief",
    [
        "Physio clinic in Leeds, 3 physios. We want 150 appointments a week by September "
        "2027, up from 110, without hiring.",
        "Physio clinic in Leeds, 3 physios. Currently ~110 appointments a week. Wants "
        "150/week by end of September 2027 without hiring.",
    ],
)
def test_what_an_aim_does_without_names_no_metric(service, brief):
    goal = service.plan_from_brief(brief, "en").goals[0]
    assert "hire" not in goal.statement.lower(), goal.statement  # never "people hired"


def test_an_aim_said_with_a_limit_keeps_its_figures(service):
    brief = (
        "Physio clinic in Leeds, 3 physios. We want 150 appointments a week by September "
        "2027, up from 110, without hiring."
    )
    goal = service.plan_from_brief(brief, "en").goals[0]
    assert goal.baseline is not None and goal.baseline.value == 110, goal.statement
    assert goal.target is not None and goal.target.value == 150


def test_the_profile_shows_premises_only_when_the_owner_counts_them(service):
    plan = service.plan_from_brief(FLORIST, "nb")
    labels = Labels("nb")
    rows = dict(profile_rows(plan, labels))
    premises = labels.of("profile_fields", "locations")
    assert premises not in rows  # never asked, so never "ukjent"
    plan.profile.locations = ["2 butikker"]
    assert dict(profile_rows(plan, labels))[premises] == "2 butikker"
