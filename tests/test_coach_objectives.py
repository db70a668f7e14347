"""Which of the owner's clauses the coach plans with as separate goals: a wish without a
figure and an "and" that opens another change with its own figures are two aims; a means
and its measure ("be more visible and get more enquiries, from 10 to 25") are one."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("language", "text", "aims"),
    [
        (
            "ru",
            "Хочу нормальную онлайн-запись, чтобы в сезон не было живой очереди, "
            "и поднять загрузку в межсезонье до 75% за счёт ТО и ремонта.",
            2,
        ),
        (
            "en",
            "we want to be more visible online and get more enquiries, from 10 to 25 a quarter",
            1,
        ),
        (
            "nb",
            "mål: google-anmeldelser fra 23 til 100 før fellesferien, altså slutten av juni.",
            1,
        ),
    ],
)
def test_two_aims_stay_apart_and_one_aim_stays_whole(language, text, aims):
    assert len(read_message(text, language, TODAY).goals) == aims


def test_a_date_said_again_in_other_words_is_the_deadline_of_the_same_goal():
    goals = read_message(
        "goals: grow trial signups by 50% by next summer, say end of june", "en", TODAY
    ).goals
    assert len(goals) == 1 and goals[0].deadline == date(2027, 6, 30)


def test_todays_value_after_a_relative_cut_gives_the_target():
    goals = read_message(
        "mål: kutte mittanbud-kostnaden med 40 % innen 18 mnd, i dag bruker vi ca 25 000 kr i mnd",
        "nb",
        TODAY,
    ).goals
    assert len(goals) == 1
    assert (goals[0].baseline.value, goals[0].target.value) == (25_000, 15_000)
