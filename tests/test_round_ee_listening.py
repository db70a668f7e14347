"""Owner round 08ee: what owners who had not read the code tripped on, as behaviour."""

from __future__ import annotations

from datetime import date

import pytest
from chat_helpers import talk

from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 7)
GROOMER = [
    "Hi, I run Paws & Bubbles, a dog grooming salon in Leeds, 4 staff, about £180k turnover.",
    "We take about 160 bookings a month, mostly by phone. Facebook page yes.",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_ee")), today=lambda: TODAY)


def test_asking_whether_a_fact_was_fixed_is_answered_and_keeps_the_interview_in_place(service):
    talk(service, "ee-asked", GROOMER)
    asked_before = service.session("ee-asked").last_question
    reply = talk(service, "ee-asked", ["Did you change the bookings back to 160?"])
    assert "160" in reply and "no goals" not in reply.lower()
    assert service.session("ee-asked").last_question == asked_before  # nothing skipped


@pytest.mark.parametrize(
    ("said", "trade"),
    [
        ("Я совладелица фитнес-клуба «Импульс» в Самаре, 14 сотрудников.", "фитнес-клуб"),
        ("Я владелец ландшафтной компании «Зелёный квартал», Краснодар.", "ландшафтная компания"),
        ("Руковожу школой танцев «Ритм» в Казани, 6 преподавателей.", "школа танцев"),
    ],
)
def test_a_russian_trade_is_named_in_the_nominative(said, trade):
    from assistant.coaching.facts import read_message

    assert read_message(said, "ru", TODAY).industry == trade


@pytest.mark.parametrize(
    ("language", "brief", "metric"),
    [
        (
            "ru",
            "Мы ландшафтная компания в Краснодаре, 9 сотрудников. Хотим поднять выручку с 38 "
            "до 45 млн рублей к концу 2027.",
            "выручка",
        ),
        (
            "ru",
            "Мы ландшафтная компания в Краснодаре, 9 сотрудников. Хотим увеличить число "
            "договоров на обслуживание с 40 до 70 к концу 2027 года.",
            "договоры на обслуживание",
        ),
    ],
)
def test_a_goal_names_what_it_counts_never_the_currency(service, language, brief, metric):
    goal = service.plan_from_brief(brief, language).goals[0]
    assert goal.metric.lower() == metric
    assert "рубл" not in goal.statement


@pytest.mark.parametrize(
    ("language", "name", "last_word"),
    [
        (
            "en",
            "PAR-Q and consent forms sent by email so new members can fill them in online "
            "before their first session with a coach",
            "online",
        ),
        (
            "ru",
            "Анкета для новых клиентов в Telegram-боте и короткий опрос тех, кто ушёл за "
            "последние полгода, чтобы понять причины",
            "опрос",
        ),
    ],
)
def test_a_long_step_name_is_never_cut_on_a_word_that_leads_on(language, name, last_word):
    from assistant.coaching.chat_steps import short_title

    title = short_title(name, language)
    assert len(title) < len(name)
    assert title.rstrip(" …").split()[-1] == last_word
