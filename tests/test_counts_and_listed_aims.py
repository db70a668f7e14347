"""Plan-fit dev profiles (evals/plan_fit/dev.jsonl) whose aims the plan misread: a second aim
said with its verb left out ("снизить долю агрегаторов до 15 %, списание до 10 %"), a count
of jobs the business sells with no catalogue KPI ("badrumsjobb från 25 till 40 om året")
served only by a generic placeholder, and "regular arrangements" read as recurring revenue."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding.reader import read

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("counts")), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Хотим: снизить долю агрегаторов до 15 % к концу 2027 года, списание до 10 %.", "ru"),
        ("We want to cut the aggregator share to 15% by end of 2027, write-offs to 10%.", "en"),
    ],
)
def test_a_second_aim_said_without_its_verb_is_an_aim_of_its_own(text, language):
    targets = [o.target.value for o in read(text, language, TODAY).objectives if o.target]
    assert targets == [15, 10]


def test_a_figure_after_an_aim_on_the_same_thing_stays_with_it():
    text = "We want to grow revenue to £2m by 2028, at least to £1.5m next year."
    assert len(read(text, "en", TODAY).objectives) == 1


@pytest.mark.parametrize(
    ("brief", "language", "named"),
    [
        (
            "Vi är ett VVS-företag i Malmö. Öka badrumsrenoveringar från 25 till 40 per år.",
            "sv",
            "badrumsrenoveringar",
        ),
        (
            "We run a dog daycare in Leeds. Average dogs per day from 30 to 38 by next summer.",
            "en",
            "dogs",
        ),
    ],
)
def test_more_of_one_service_is_served_by_a_step_about_that_service(
    service, brief, language, named
):
    """A count the catalogue has no KPI for: not a website that claims to grow it without a
    word about it (blind reviewers called that a false link), but a page, an offer and a
    campaign for that very service."""
    plan = service.plan_from_brief(brief, language)
    goal = plan.goals[0]
    serving = [i for i in plan.roadmap if goal.id in i.goal_ids]
    assert serving and all(named in i.title.lower() for i in serving), [i.title for i in serving]
    assert not any("website" in i.title.lower() or "webbplats" in i.title for i in serving)


def test_regular_arrangements_for_offices_are_no_recurring_revenue():
    text = "Ещё хотим корпоративных клиентов – офисы, рестораны, регулярные композиции."
    assert all(o.kpi != "monthly_recurring_revenue" for o in read(text, "ru", TODAY).objectives)
