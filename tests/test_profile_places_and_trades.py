"""The profile is read the way owners open a message: "i sentrum av Tromsø", "on Brisbane's
northside", "Seven staff", "8 флористов"; the trade said first is the trade, and words for
the people ("vi er et ektepar") or for nothing ("vi säljer ingenting") are no trade."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.understanding import profile
from assistant.understanding.reader import read


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        (
            "en",
            "Running a driving school on Brisbane's northside, me plus 3 instructors.",
            "Brisbane",
        ),
        ("nb", "Jeg driver en frisørsalong i sentrum av Tromsø, vi er 5 frisører.", "Tromsø"),
        ("sv", "Vi driver ett bageri med kafé i centrala Falun, vi är sex anställda.", "Falun"),
        ("ru", "Кофейня в центре Казани, 5 сотрудников.", "Казань"),
    ],
)
def test_a_place_said_as_the_centre_or_a_side_of_a_town_is_the_location(language, text, place):
    found = profile.location(text, language)
    assert found is not None and found.value == place


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        ("en", "Independent bookshop in Edinburgh. Seven staff, most part-time.", 7),
        ("ru", "У нас два цветочных магазина в Краснодаре, 8 флористов и курьер.", 8),
    ],
)
def test_a_head_count_in_words_or_by_trade_is_the_staff(language, text, count):
    reading = read(text, language, dt.date(2026, 12, 4), brief=True)
    assert [p.value for p in reading.profile if p.field == "staff"] == [count]


@pytest.mark.parametrize(
    ("language", "text", "trade"),
    [
        (
            "en",
            "Independent bookshop with a café in Edinburgh. We sell tickets through Eventbrite.",
            "bookshop",
        ),
        (
            "sv",
            "Vi driver ett bageri med kafé i centrala Falun, och vi säljer ingenting på nätet.",
            "bageri",
        ),
        ("ru", "У меня детский развивающий центр в Екатеринбурге.", "детский развивающий центр"),
    ],
)
def test_the_trade_is_what_the_owner_says_they_are_first(language, text, trade):
    found = profile.industry(text, language)
    assert found is not None and found.value == trade


def test_words_for_the_people_are_no_trade():
    assert profile.industry("Vi er et ektepar som driver på Voss.", "nb") is None
    farm = profile.industry("Vi er et ektepar som driver gard på Voss.", "nb")
    assert farm is not None and farm.value == "gard"  # the farm is the trade, not the couple
