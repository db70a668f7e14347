"""Which words of a message make an objective: the thing the owner's verb of change applies
to names its metric; a sentence that only describes today is no aim; a clause that only says
which way the aim before it should go is part of that aim."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.understanding import read
from assistant.understanding.quantities import read_amounts

TODAY = date(2026, 12, 4)


def _objectives(text: str, language: str):  # type: ignore[no-untyped-def]
    return read(text, language, TODAY, brief=True).objectives


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "vill ha fler bokningar utan att vi sitter i telefon hela dagarna."),
        ("en", "I want more bookings without being stuck on the phone all day."),
    ],
)
def test_the_metric_is_what_the_verb_of_change_applies_to(language, text):
    (aim,) = _objectives(text, language)
    assert aim.kpi == "bookings" and aim.direction == "increase"


def test_a_sentence_that_describes_today_after_an_aim_is_no_aim():
    text = (
        "idag tar vi typ 25 jobb i veckan, vill upp mot 35. och telefonen tar säkert "
        "2 timmar om dagen för oss."
    )
    (aim,) = _objectives(text, "sv")
    assert (aim.baseline.value, aim.target.value) == (25, 35)


def test_one_more_aim_with_a_date_is_still_an_aim():
    text = (
        "I'd like online sales to be a tenth of turnover. And a book-of-the-month "
        "subscription with 150 members by next Christmas."
    )
    assert len(_objectives(text, "en")) == 2


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Churn is bad, around 9% a month, needs to come down. Get ordering sorted."),
        ("nb", "Frafallet er på rundt 9 % i måneden, det må ned. Få orden på bestillinger."),
    ],
)
def test_a_clause_that_only_says_which_way_joins_the_aim_before(language, text):
    objectives = _objectives(text, language)
    assert len(objectives) == 2
    assert objectives[0].direction == "decrease"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # "flere ganger" is "several times", not "more"
        (
            "nb",
            "Lageret og nettbutikken er ikke koblet sammen, så vi oppdaterer manuelt og har "
            "flere ganger solgt ting vi ikke har.",
        ),
    ],
)
def test_a_sentence_that_only_describes_today_is_no_aim(language, text):
    assert _objectives(text, language) == []


def test_site_visits_of_a_trade_are_not_website_visits():
    [aim] = _objectives("Stop driving out to quote jobs; half my site visits go nowhere.", "en")
    assert aim.kpi != "website_visits"


@pytest.mark.parametrize(
    ("language", "text", "amounts"),
    [
        ("nb", "har sagt det 2 ganger, det er 14 timer i uka", [14]),
        ("en", "I told you 3 times: 40%", [40]),
        ("ru", "я уже 2 раза писал, 40%", [40]),
        ("ru", "подписчиков 900, пишем 2 раза в неделю", [900, 2]),  # a real frequency stays
    ],
)
def test_how_often_the_owner_repeated_something_is_no_amount(language, text, amounts):
    assert [f.amount.value for f in read_amounts(text, language)] == amounts
