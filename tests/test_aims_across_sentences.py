"""An aim said over two sentences is one objective with the right figures: the metric named in
the sentence before the target ("Fyllingsgraden ligger på 65 %. Mål: opp mot 85 %"), a list
item's second sentence that only describes it, and a new sentence that opens an aim of its own
stays apart; "within a year" is a deadline, not a count per year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.coaching.objective_joins import coach_objectives
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding.reader import read

TODAY = dt.date(2026, 12, 3)


def _objectives(text: str, language: str):
    return coach_objectives(read(text, language, TODAY, brief=True))


def test_a_target_takes_its_name_and_todays_value_from_the_sentence_before():
    text = (
        "Vi er et kursselskap i Stavanger. Fyllingsgraden ligger vel på rundt 65 %. Mål: opp "
        "mot 85 % innen et år. Redusere avhengigheten av olje, i dag kommer kanskje to "
        "tredjedeler av omsetningen derfra, vil ned mot halvparten innen to år."
    )
    first, second = _objectives(text, "nb")[:2]
    assert (first.baseline.value, first.target.value) == (65, 85)
    assert "Fyllingsgraden" in first.span.text
    assert second.span.text.startswith("Redusere avhengigheten")
    assert (round(second.baseline.value, 1), second.target.value) == (66.7, 50)


def test_a_clause_that_only_gives_todays_value_stays_with_its_aim():
    text = (
        "Jeg vil ha mer elbillader, smarthus og solceller – helst 3 millioner i omsetning på det "
        "neste år, opp fra rundt 1 million nå."
    )
    (only,) = _objectives(text, "nb")
    assert (only.baseline.value, only.target.value) == (1_000_000, 3_000_000)


def test_a_sentence_that_only_describes_a_list_item_is_part_of_it():
    text = (
        "What I want:\n1) fill the Jan-March gap, we drop to 40% utilisation, want 70% by next "
        "winter\n2) stop wasting evenings driving out to quote jobs that were never going "
        "ahead. I'd say half my site visits go nowhere"
    )
    found = _objectives(text, "en")
    assert len(found) == 2, [o.span.text for o in found]
    assert found[1].span.text.startswith("2) stop wasting") and "site visits" in found[1].span.text
    assert found[1].kpi != "website_visits"


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("across-sentences")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def test_within_a_year_is_when_not_how_often(service):
    brief = (
        "Small-animal vet practice in Boise, 8 staff. I want to grow our wellness plan "
        "members from 150 to 500 within a year."
    )
    goal = service.plan_from_brief(brief, "en").goals[0]
    assert goal.period is None and "a year" not in goal.statement, goal.statement
    assert "from 150 to 500" in goal.statement


def test_a_milestone_said_over_two_sentences_is_named_by_the_first(service):
    brief = (
        "Landscaping firm in Leeds, 9 staff.\n\nWhat I want:\n1) maintenance contracts from "
        "30 to 60 within 18 months\n2) stop wasting evenings driving out to quote jobs that "
        "were never going ahead. I'd say half my site visits go nowhere"
    )
    plan = service.plan_from_brief(brief, "en")
    assert len(plan.goals) == 2
    assert "stop wasting evenings driving out to quote jobs" in plan.goals[1].statement
    serving = [i.title for i in plan.roadmap if plan.goals[1].id in i.goal_ids]
    assert any("quote" in t.lower() for t in serving), serving


def test_each_that_of_a_would_like_is_an_objective_of_its_own():
    text = (
        "Jag skulle vilja att kunderna själva kan boka sjösättning och se status på sin båt, att "
        "vi har en hemsida på finska och svenska före nästa säsong, och att vi säljer kanske 20 "
        "kommissionsbåtar om året i stället för runt 8 som nu."
    )
    found = _objectives(text, "sv")
    assert len(found) == 3, [o.span.text for o in found]
    assert (found[2].baseline.value, found[2].target.value) == (8, 20)


def test_a_site_in_the_customers_other_language_is_planned(service):
    brief = (
        "Vi är ett litet båtvarv i Ekenäs med 10 anställda. Hälften av kunderna är finskspråkiga. "
        "Jag skulle vilja att kunderna själva kan boka sjösättning, och att vi har en hemsida på "
        "finska och svenska före nästa säsong."
    )
    plan = service.plan_from_brief(brief, "sv")
    names = [g.statement for g in plan.goals]
    assert len(plan.goals) == 2 and not any("att vi har" in n for n in names), names
    titles = [i.title for i in plan.roadmap]
    assert "Onlinebokning: en kalender kunderna bokar i själva" in titles, titles
    assert any("språk och marknader" in t for t in titles), titles


def test_an_and_that_goes_on_to_another_metric_is_its_own_aim_with_todays_value():
    text = (
        "For next year I want subscribers at 600 by the end of the year, and churn is bad, I "
        "think around 9% a month, needs to come down. Get wholesale ordering onto something "
        "proper so nobody texts me at 6am. And add 15 new wholesale accounts."
    )
    found = _objectives(text, "en")
    assert len(found) == 4, [o.span.text for o in found]
    subscribers, churn, ordering, accounts = found
    assert subscribers.target.value == 600
    assert churn.baseline.value == 9 and churn.target is None and churn.direction == "decrease"
    assert ordering.target is None and accounts.target.value == 15


def test_a_target_then_a_period_of_time_is_a_deadline_in_russian_too(service):
    brief = (
        "Юридическая фирма в Новосибирске, 7 человек. Цели: абонентских клиентов с 14 до 30 за год."
    )
    goal = service.plan_from_brief(brief, "ru").goals[0]
    assert goal.period is None and "в год" not in goal.statement, goal.statement


@pytest.mark.parametrize(
    ("language", "brief", "words"),
    [
        (
            "en",
            "Driving school in Brisbane, 4 instructors. Have students book AND pay for lessons "
            "online so I stop chasing money.",
            "book AND pay for lessons online",
        ),
        (
            "ru",
            "Детский центр в Екатеринбурге, 12 человек. И чтобы родители могли сами записываться "
            "и платить онлайн, а администраторы не сидели на телефоне.",
            "записываться и платить онлайн",
        ),
    ],
)
def test_an_aim_without_figures_is_a_milestone_in_its_words_not_admin_hours(
    service, language, brief, words
):
    goal = service.plan_from_brief(brief, language).goals[0]
    assert words in goal.statement and goal.target is None, goal.statement
