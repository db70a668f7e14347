"""Facts and orders the blind owners of 2026-12-05t and 2026-12-05m wrote that the coach
misread: a business name said after its town ("a wine merchant in Bristol, Clifton
Vintners"), a Russian city of two words, a team of instructors, "depends" taken as a yes, a
benchmark question answered with an unrelated quote, and steps linked by a bare number."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.commands import plan_commands
from assistant.coaching.facts import read_message
from assistant.coaching.metric_names import metric_words
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding.reader import read

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "language", "name", "place"),
    [
        (
            "hi - I run an independant wine merchant in Bristol, Clifton Vintners. 7 staff.",
            "en",
            "Clifton Vintners",
            "Bristol",
        ),
        (
            "Hei! Jeg driver en blomsterbutikk i Tromsø, Nordlys Blomster. Vi er 4 ansatte.",
            "nb",
            "Nordlys Blomster",
            "Tromsø",
        ),
        (
            "Jag driver ett snickeri i Jönköping, Lindqvists Snickeri AB.",
            "sv",
            "Lindqvists Snickeri AB",
            "Jönköping",
        ),
    ],
)
def test_a_name_said_after_the_town_is_the_business_not_a_market(text, language, name, place):
    facts = read_message(text, language, TODAY)
    assert (facts.business_name, facts.markets) == (name, [place])


def test_a_city_of_two_words_is_one_market_in_its_own_form():
    facts = read_message("У меня автошкола «Старт-НН» в Нижнем Новгороде, 2 филиала.", "ru", TODAY)
    assert facts.markets == ["Нижний Новгород"]


def test_instructors_and_office_staff_add_up():
    facts = read_message("12 инструкторов, ещё 3 человека в офисе.", "ru", TODAY)
    assert facts.staff == 15


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("skills - depends what you mean, the manager is ok with computers", "en"),
        ("Kompetanse: kommer an på hvem du spør", "nb"),
        ("Kompetens? Beror på vem du frågar", "sv"),
    ],
)
def test_depends_is_a_partly_not_a_yes(text, language):
    assert read_message(text, language, TODAY).maturity.get("h_skills") == "partial"


@pytest.mark.parametrize(
    ("text", "language", "step"),
    [
        ("link 4 to goal 3", "en", 4),
        ("ok. 8 should serve goal 4 please", "en", 8),
        ("koppla 3 till mål 2", "sv", 3),
        ("knytt 2 til mål 1", "nb", 2),
        ("инициатива 4 должна работать на цель 2", "ru", 4),
    ],
)
def test_a_step_linked_by_its_bare_number_is_that_step(text, language, step):
    commands = plan_commands(read(text, language, TODAY, goals=4), TODAY)
    assert [(c.action, c.number) for c in commands] == [("link_initiative", step)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("er det vanlig at interiørbutikker har så lav netthandel som oss?", "nb"),
        ("is 1.4% conversion normal for a wine shop?", "en"),
    ],
)
def test_a_benchmark_question_gets_an_honest_no_guidance(seeded_data_dir, question, language):
    service = CoachService(Settings(data_dir=seeded_data_dir("bench")), today=lambda: TODAY)
    opening = {
        "nb": "Vi er Lund & Lys, en interiørbutikk i Trondheim med 4 ansatte.",
        "en": "We are Clifton Vintners, a wine shop in Bristol with 7 staff.",
    }
    service.send("b", opening[language], language)
    reply = service.send("b", question, language).reply
    assert "[1]" not in reply and "“" not in reply.split("\n")[0], reply


@pytest.mark.parametrize(
    ("text", "language", "staff"),
    [
        ("turnover about £1.15m. tastings ~30 people a week at £25. 7 staff incl me.", "en", 7),
        ("vi er 8 ansatte. ca 40 personer i uka på kurs", "nb", 8),
        ("Håndverksbakeri etablert 2016, 14 ansatte inkl. daglig leder, to utsalg.", "nb", 14),
    ],
)
def test_people_counted_per_week_are_visitors_not_the_team(text, language, staff):
    assert read_message(text, language, TODAY).staff == staff


def test_a_goal_named_by_the_owners_clause_leaves_out_the_wish_and_the_figures():
    said = (
        "Og jeg vil at folk kan bestille begravelsesbinderier og buketter på nett, "
        "nå er det 0, ønsker 25 %"
    )
    assert (
        metric_words(said, "nb") == "«folk kan bestille begravelsesbinderier og buketter på nett»"
    )


def test_goods_a_shop_sells_are_not_its_trade():
    said = "I run Pawsome Supplies in Cardiff - independent vet supplies and pet shop."
    assert read_message(said, "en", TODAY).industry == "pet shop"
    assert read_message("we are a vet practice in Leeds", "en", TODAY).industry == "vet"
