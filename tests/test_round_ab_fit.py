"""Plan fit after the blind review of 2026-12-06 (ratings-2026-12-06ab): a step is linked to
a goal only when it serves it, and the owner's seasons are their deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.extraction.dates import extract_deadline

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_ab")), today=lambda: TODAY)


STOCK_SYNC = (
    "Магазин товаров для рыбалки в Гомеле: точка на рынке и интернет-магазин на OpenCart. "
    "Остатки между сайтом и точкой сводим руками. Хочу: до весеннего сезона сделать "
    "автоматическую синхронизацию остатков."
)


def _serving(plan, goal):
    return [i.title for i in plan.roadmap if goal.id in i.goal_ids]


def test_a_stock_sync_named_with_a_long_ending_is_the_step_for_it_not_a_backup(service):
    plan = service.plan_from_brief(STOCK_SYNC, "ru")
    serving = _serving(plan, plan.goals[0])
    assert any("склад" in t for t in serving), serving
    assert not any("резервное копирование" in t.lower() for t in serving), serving


def test_automatic_alone_names_no_step(service):
    brief = (
        "Vi driver et bilverksted i Hamar med seks mekanikere. Vi vil at kundene får "
        "automatisk påminnelse om EU-kontroll og service."
    )
    plan = service.plan_from_brief(brief, "nb")
    titles = [i.title.lower() for i in plan.roadmap if i.goal_ids]
    assert not any("sikkerhetskopi" in t for t in titles), titles


def test_winning_accounts_in_a_region_is_not_served_by_cloud_accounting(service):
    brief = (
        "We are a plumbing wholesaler in Wollongong with 1,100 trade accounts. "
        "We want to win accounts in the Illawarra highlands, zero presence there now."
    )
    plan = service.plan_from_brief(brief, "en")
    for goal in plan.goals:
        assert not any("accounting" in t.lower() for t in _serving(plan, goal)), goal.statement


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("online booking for half of all jobs before the next tyre season", "en"),
        ("halvparten av timene bestilt på nett innen neste dekksesong", "nb"),
        ("en hemsida på finska före nästa säsong", "sv"),
        ("чтобы к следующему сезону заказы были расписаны на два месяца", "ru"),
    ],
)
def test_before_next_season_is_before_the_spring_not_the_end_of_next_year(text, language):
    deadline = extract_deadline(text, language, TODAY)
    assert deadline is not None and deadline.date == date(2027, 3, 31), deadline


@pytest.mark.parametrize(
    ("text", "language"),
    [("in the season we have 14 staff", "en"), ("i sesongen er vi 14 ansatte", "nb")],
)
def test_the_season_said_as_a_time_of_year_is_no_deadline(text, language):
    assert extract_deadline(text, language, TODAY) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Хочу к 8 марта следующего года принимать все заказы в одном месте.", "ru"),
        ("I want every order in one place by 8 March next year.", "en"),
    ],
)
def test_a_day_and_month_of_next_year_is_that_days_deadline(text, language):
    goals = read_message(text, language, TODAY).goals
    assert goals and goals[0].deadline == date(2027, 3, 8), goals


def test_bringing_back_lapsed_patients_is_an_aim_with_its_own_step(service):
    brief = (
        "We run a physiotherapy clinic in Bristol. I want to cut no-shows from 10% to 4% by "
        "June 2027, and bring back patients who have not been in for two years."
    )
    plan = service.plan_from_brief(brief, "en")
    assert len(plan.goals) == 2, [g.statement for g in plan.goals]
    assert "bring back patients" in plan.goals[1].statement
    assert any("win back" in t.lower() for t in _serving(plan, plan.goals[1]))


def test_an_aim_for_online_bookings_is_not_a_booking_tool_they_have(service):
    brief = (
        "I own a vet practice in Boise with two vets. Every appointment is booked by phone. "
        "I want to get at least 40% of appointments booked online by the end of 2027."
    )
    plan = service.plan_from_brief(brief, "en")
    serving = _serving(plan, plan.goals[0])
    assert any("online booking" in t.lower() for t in serving), serving


def test_no_step_is_added_only_to_make_the_roadmap_longer(service):
    """Steps that serve no goal, no problem the owner described and no gap they showed read as
    filler to a consultant ("a referral offer: groundwork the rest of the plan builds on")."""
    brief = (
        "Vi driver en yogastudio i Uppsala med 3 lärare och 180 medlemmar. Vi vill ha 250 "
        "medlemmar senast maj 2027 och sälja företagsyoga till 3 arbetsgivare."
    )
    plan = service.plan_from_brief(brief, "sv")
    vague = [
        i.title
        for i in plan.roadmap
        if i.rationale.strip() == "Grundarbete som resten av planen bygger på."
    ]
    assert not vague, vague


def test_the_owners_own_workstream_never_brings_back_ads_they_refused(service):
    """The blind listening eval caught it: "more of one service" proposed a search-ad
    campaign to an owner who had dropped Google Ads."""
    brief = (
        "Vi er et rørleggerfirma i Bergen med 11 ansatte. Vi vil ha flere baderomsjobber, fra "
        "25 til 40 i året innen utgangen av 2027. Ingen Google Ads-kampanje, det har vi prøvd."
    )
    plan = service.plan_from_brief(brief, "nb")
    words = " ".join(f"{i.title} {i.description}" for i in plan.roadmap).lower()
    assert "kampanje" not in words and "annonse" not in words, words
