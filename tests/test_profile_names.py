"""The business name ends where the owner's sentence ends ("Kirkstall Sparks Ltd. There's
me, ..."), and a trade guessed from a team list ("two electricians") never replaces the
trade the owner said outright."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding import read

TODAY = date(2026, 12, 4)


def _profile(text: str, language: str = "en") -> dict[str, object]:
    return {f.field: f.value for f in read(text, language, TODAY).profile}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It's called Kirkstall Sparks Ltd. There's me, two electricians and an apprentice.",
         "Kirkstall Sparks Ltd"),
        ("We're called J.P. Morgan Plumbing, based in Hull.", "J.P. Morgan Plumbing"),
        ("The company is called hair.by.anna, we're in Leeds.", "hair.by.anna"),
        ("It's called Bloom & Co. We sell flowers and plants.", "Bloom & Co"),
    ],
)  # fmt: skip
def test_a_name_ends_with_its_sentence(text, name):
    assert _profile(text)["business_name"] == name


def test_a_word_after_and_is_no_part_of_the_trade():
    said = "There's me, two qualified electricians and an apprentice, plus my wife on the books."
    assert _profile(said).get("industry") == "electricians"
    bakery = _profile("Sunny Side, bakery and café in York, 8 staff.")
    assert bakery["industry"] == "bakery and café"


@pytest.mark.slow
def test_a_trade_said_outright_is_kept_when_a_team_list_names_a_trade(seeded_data_dir):
    service = CoachService(Settings(data_dir=seeded_data_dir("names")), today=lambda: TODAY)
    service.send("names", "I run a small electrical contracting business in Leeds.")
    service.send(
        "names",
        "It's called Kirkstall Sparks Ltd. There's me, two qualified electricians and an "
        "apprentice. Turnover last year was about £420k.",
    )
    profile = service.session("names").plan.profile
    assert profile.business_name == "Kirkstall Sparks Ltd"
    assert profile.industry == "small electrical contracting"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "Mål 2 heter fortsatt 'tilgjengelige timer', men jeg lar det være."),
        ("en", "goal 2 is called 'quote win rate' now"),
        ("sv", "Målet heter fortfarande 'aktiva kunder', det får vara."),
    ],
)
def test_a_goal_that_is_called_something_names_no_business(language, text):
    assert "business_name" not in _profile(text, language)


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("sv", "Vi heter Klipp & Form och ligger i Malmö.", "Klipp & Form"),
        ("sv", "Företaget heter Berg och Son AB.", "Berg och Son AB"),
        ("nb", "Vi heter Hansen og Sønn og har 12 ansatte.", "Hansen og Sønn"),
    ],
)
def test_a_name_stops_before_what_the_business_does(language, text, name):
    assert _profile(text, language)["business_name"] == name


@pytest.mark.parametrize(
    ("text", "revenue"),
    [
        ("I run a roofing firm in Leeds, five of us. We turned over about £620k last year.", 620e3),
        ("A vet practice in Boise, eight staff. We did about $1.4M last year.", 1.4e6),
        ("A guesthouse near Dingle, two of us. We did about €290k last year.", 290e3),
    ],
)
def test_turnover_said_as_turned_over_or_did_is_the_revenue(text, revenue):
    assert _profile(text)["revenue"] == pytest.approx(revenue)


def test_jobs_done_are_no_revenue():
    assert "revenue" not in _profile("A plumber in Hull, 4 staff. We did about 40 jobs last month.")


def test_a_guesthouse_is_a_trade():
    said = "We have a 9-room guesthouse just outside Dingle, run by myself and my husband."
    assert _profile(said)["industry"] == "guesthouse"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "продажи только на WB и озоне. есть телеграм канал на 900 человек и инста"),
        ("en", "We have a Facebook group of 1200 people and post most days."),
        ("nb", "Vi har en facebookgruppe med 800 personer."),
    ],
)
def test_an_audience_is_not_the_staff(language, text):
    """ "a Telegram channel of 900 people" counts followers, not the team."""
    assert "staff" not in _profile(text, language)


def test_a_head_count_is_not_a_name():
    profile = _profile("we are 12 people, plus a newsletter to 900")
    assert profile.get("staff") == 12 and "business_name" not in profile


@pytest.mark.parametrize(
    ("language", "first", "answer", "name"),
    [
        (
            "en",
            "hi, I run a plumbing business in Cork, me and 3 lads.",
            "Murphy Plumbing & Heating. turnover about 380k last year",
            "Murphy Plumbing & Heating",
        ),
        (
            "nb",
            "Hei, vi er et bakeri i Bodø med 12 ansatte.",
            "Bakeri Nord AS, omsetning rundt 9 millioner.",
            "Bakeri Nord AS",
        ),
    ],
)
def test_a_name_said_on_its_own_after_it_was_asked_is_the_name(
    seeded_data_dir, language, first, answer, name
):
    service = CoachService(Settings(data_dir=seeded_data_dir("bare")), today=lambda: TODAY)
    sid = f"bare-{language}"
    service.send(sid, first)
    service.send(sid, answer)
    assert service.session(sid).plan.profile.business_name == name


def test_a_description_said_first_is_not_a_name(seeded_data_dir):
    service = CoachService(Settings(data_dir=seeded_data_dir("bare-not")), today=lambda: TODAY)
    service.send("bare-not", "hi, I run a plumbing business, me and 3 lads.")
    service.send("bare-not", "Plumbing in Cork. turnover about 380k last year")
    assert service.session("bare-not").plan.profile.business_name is None
