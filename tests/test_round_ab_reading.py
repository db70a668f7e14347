"""Reading aims after the blind review of 2026-12-06 (ratings-2026-12-06ab/ac): a percentage
"more" is a change, "1,8 mill" is the country's money, a figure about another thing is no
baseline, and an aim to sell events out is an aim."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message
from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_ab_reading")), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We want 30% more bookings next year.", "en"),
        ("Vi vil ha 30 % mer omsetning i verkstedet neste år.", "nb"),
        ("Vi vill ha 30 % fler bokningar nästa år.", "sv"),
        ("Хотим 30 % больше заказов в следующем году.", "ru"),
    ],
)
def test_a_percentage_more_is_a_change_not_a_share_to_reach(text, language):
    (goal,) = read_message(text, language, TODAY).goals
    assert goal.change_percent == 30 and goal.target is None, goal


def test_millions_without_a_currency_are_the_countrys_money(service):
    brief = (
        "Vi har en sportsbutikk i Gjøvik. Nettbutikken omsetter ca 1,2 mill i året. "
        "Jeg vil doble netthandelen til 2,4 mill innen utgangen av 2027."
    )
    plan = service.plan_from_brief(brief, "nb")
    goal = plan.goals[0]
    assert goal.target is not None and goal.target.unit == "NOK", goal.statement
    assert goal.baseline is not None and goal.baseline.value == 1_200_000


def test_a_figure_about_another_thing_is_not_todays_value(service):
    brief = (
        "A bookshop in Leith. The website barely sells, 20-ish orders a month. "
        "I want a book-of-the-month subscription with 150 members by next Christmas."
    )
    plan = service.plan_from_brief(brief, "en")
    (goal,) = plan.goals
    assert goal.baseline is None or goal.baseline.value is None, goal.statement


def test_selling_events_out_is_an_aim_and_their_fill_today_its_start(service):
    brief = (
        "Independent bookshop with a café in Perth. We sell tickets for author events on "
        "Eventbrite. I'd like online sales to be a tenth of turnover in two years. Author "
        "events selling out every time (they're about 60% full on average)."
    )
    plan = service.plan_from_brief(brief, "en")
    assert len(plan.goals) == 2, [g.statement for g in plan.goals]
    events = plan.goals[1]
    assert events.baseline is not None and events.baseline.value == 60, events.statement
    serving = [i.title.lower() for i in plan.roadmap if events.id in i.goal_ids]
    assert any("event" in t for t in serving), serving


def test_a_rate_to_raise_gets_weekly_measurement_not_a_sales_page(service):
    brief = (
        "Vi är en konsultfirma inom byggteknik i Luleå med 22 anställda. "
        "Debiteringsgraden ligger på 64 %, vi vill upp till 72 % till hösten 2027."
    )
    plan = service.plan_from_brief(brief, "sv")
    serving = [i for i in plan.roadmap if plan.goals[0].id in i.goal_ids]
    assert serving, [g.statement for g in plan.goals]
    assert not any("egen sida" in i.title or "kampanj" in i.title for i in serving)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Fler kunder på vardagseftermiddagar, det är dött mellan 14 och 16.", "sv"),
        ("Flere kunder på ettermiddagen, det er dødt mellom 14 og 16.", "nb"),
        ("More customers on weekday afternoons, it is dead between 2 and 4 pm.", "en"),
    ],
)
def test_hours_of_the_day_are_no_figures_of_the_aim(text, language):
    goals = read_message(text, language, TODAY).goals
    assert goals and all(g.target is None and g.baseline is None for g in goals), goals


def test_a_range_of_counts_is_still_a_range():
    (goal,) = read_message("Vi vill öka från 14 till 16 procent.", "sv", TODAY).goals
    assert (goal.baseline.value, goal.target.value) == (14, 16)
