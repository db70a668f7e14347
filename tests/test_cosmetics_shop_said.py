"""What the owner of a cosmetics shop in Kazan wrote in the blind round of 2026-12-05p
(evals/listening/unscripted-2026-12-05p/transcript_ru_cosmetics.md) and the coach misread:
the name in guillemets was missed, "ТЦ" (the shopping centre) became a market, and "Хотим
свой интернет-магазин" counted as a webshop they have, so the plan never proposed one."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.business import tools_said
from assistant.coaching.facts import read_message

TODAY = date(2026, 12, 5)
OPENING = (
    "Здравствуйте! Меня зовут Алсу, у нас с сестрой магазин корейской и российской уходовой "
    "косметики «Лавандовый сад» в Казани. Есть точка в ТЦ на Баумана (маленькая, 28 кв м)."
)


def test_the_name_in_guillemets_is_the_business_and_the_mall_no_market():
    facts = read_message(OPENING, "ru", TODAY)
    assert facts.business_name == "Лавандовый сад"
    assert facts.markets == ["Казань"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ('Hi, we are a small bakery called "Crumb & Co" in York.', "en", "Crumb & Co"),
        ("Vi har en frisørsalong, «Saks og Stil», i Stavanger.", "nb", "Saks og Stil"),
    ],
)
def test_a_quoted_name_after_the_trade_is_the_business(text, language, name):
    assert read_message(text, language, TODAY).business_name == name


@pytest.mark.parametrize(
    ("text", "language", "has"),
    [
        ("Хотим свой интернет-магазин и свою клиентскую базу.", "ru", False),
        ("1. Запустить свой интернет-магазин и довести его продажи до 3 млн руб.", "ru", False),
        ("У нас есть свой интернет-магазин на InSales.", "ru", True),
        ("We want our own webshop next year.", "en", False),
        ("We have our own webshop on Shopify.", "en", True),
        ("- Specialty loose-leaf tea webshop, founded 2019 by Priya Nair.", "en", True),
        ("- Platform: Shopify (Basic plan) since 2021.", "en", True),
    ],
)
def test_a_webshop_wished_for_is_no_webshop_they_have(text, language, has):
    assert ("webshop" in tools_said(text, language)) is has


def test_months_are_no_market():
    said = "Based in Bristol. 44% of revenue comes in Oct-Dec; Nov-Dec sessions double."
    assert read_message(said, "en", TODAY, brief=True).markets == ["Bristol"]


@pytest.mark.parametrize(
    ("text", "language", "has"),
    [
        ("We send reminders by text manually.", "en", False),
        ("Vi sender påminnelser manuelt på SMS.", "nb", False),
        ("We send out SMS reminders automatically from Cliniko.", "en", True),
    ],
)
def test_reminders_sent_by_hand_are_no_reminder_system(text, language, has):
    assert ("booking_reminders" in tools_said(text, language)) is has


def test_an_exasperated_question_about_a_step_with_an_order_to_add_it_refuses_nothing():
    from assistant.coaching.refusals import refused_steps

    said = (
        "And what do you mean none of my goals needs online booking?? I told you online "
        "booking is the main thing I want. Add online booking please."
    )
    assert refused_steps(said, "en") == []
    assert refused_steps("Nettbutikk?? Vi er rørleggere.", "nb") == ["launch_webshop"]


def test_a_shop_whose_workshop_is_booked_takes_bookings():
    from assistant.coaching.business import traits_of

    said = (
        "Jag driver Majornas Cykel i Göteborg, cykelbutik med egen verkstad. Verkstaden bokas "
        "bara på telefon och på våren är kön uppe i 3 veckor."
    )
    assert "bookings" in traits_of("cykelbutik", said, "sv").via
    assert "bookings" not in traits_of("cykelbutik", "Vi säljer cyklar i butiken.", "sv").via
