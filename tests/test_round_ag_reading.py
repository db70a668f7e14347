"""Reading fixes after the blind conversations of 2026-12-06af (a Norwegian outdoor web shop):
how often a newsletter goes out is no order count, needing a strategy is not having one, the
people who can do something are not the team, a return rate is no conversion rate, "70 % on
the web and the rest in the shop" is the online share, "all of Norway" is a market, a place is
no trade, numbered corrections are no aims, and "remove number 4" before a roadmap is about a
goal."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding import read

TODAY = date(2026, 12, 6)


def _figures(text: str, language: str) -> dict[str, float]:
    return {f.kpi_id: f.value for f in read_message(text, language, TODAY).figures}


@pytest.mark.parametrize(
    ("text", "language", "figures"),
    [
        (
            "Vi bruker Instagram jevnlig (ca 6 800 følgere), og nyhetsbrev i Klaviyo med ca 4 200 "
            "abonnenter men vi sender bare når vi har salg, kanskje 1 gang i mnd.",
            "nb",
            {"social_followers": 6800, "email_subscribers": 4200},
        ),
        (
            "Vi skickar nyhetsbrev 2 gånger i mån. till 3 000 mottagare.",
            "sv",
            {"email_subscribers": 3000},
        ),
        ("Рассылку отправляем 1 раз в мес. на 2 000 адресов.", "ru", {"email_subscribers": 2000}),
    ],
)
def test_how_often_something_goes_out_is_no_count(text, language, figures):
    assert _figures(text, language) == figures


def test_needing_help_with_a_strategy_is_not_having_one():
    said = "Vi er 4 ansatte. Trenger hjelp med en digital strategi, vi sliter med mye returer."
    assert read_message(said, "nb", TODAY).maturity.get("s_digital_goals") != "yes"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kompetanse: jeg og en ansatt kan litt, ellers ingen partner.", "nb"),
        ("Skills: me and one employee can do a bit of it.", "en"),
    ],
)
def test_the_people_who_can_do_something_are_not_the_team(text, language):
    assert read_message(text, language, TODAY).staff is None


def test_a_return_rate_is_no_conversion_rate():
    figures = _figures("Konvertering er ca 1,3 %, returandel ca 22 % (mest sko).", "nb")
    assert figures == {"conversion_rate": 1.3, "complaint_rate": 22.0}


def test_a_split_of_sales_between_web_and_shop_is_the_online_share():
    said = "Omsetning ca 9,5 mill kr i fjor, rundt 70 % på nett og resten i butikken."
    assert _figures(said, "nb").get("online_revenue_share") == 70.0
    booked = "Mål: minst 40 % av bookingene på nett innen 30. juni 2027."
    assert "online_revenue_share" not in _figures(booked, "nb")


@pytest.mark.parametrize(
    ("text", "language", "market"),
    [
        ("Og vi selger i hele Norge via nettbutikken, ikke bare Lillehammer.", "nb", "Norge"),
        ("Hvor vi selger: hele Norge.", "nb", "Norge"),
        ("Vi säljer i hela Sverige.", "sv", "Sverige"),
        ("We sell all over Norway.", "en", "Norway"),
    ],
)
def test_the_whole_country_is_a_market(text, language, market):
    assert market in read_message(text, language, TODAY).markets


@pytest.mark.parametrize(
    ("text", "language"),
    [("Vi selger i Oslo og Bergen.", "nb"), ("We sell in Leeds and York.", "en")],
)
def test_a_place_sold_in_is_no_trade(text, language):
    assert read_message(text, language, TODAY).industry is None


def test_numbered_corrections_and_a_nod_to_the_goals_are_no_aims():
    said = (
        "Nei, det stemmer ikke helt. 1) Vi har ingen skriftlige digitale mål – derfor er 100 på "
        "strategi helt feil. 2) Markeder: hele Norge, ikke bare Lillehammer. 3) Fakturering er "
        "IKKE manuell, det går i Fiken, og ordrebekreftelser er automatiske. Målene ser riktige ut."
    )
    assert read(said, "nb", TODAY).objectives == []
    aims = (
        "Tre ting: 1) øke konverteringen fra 1,3 % til 2 % innen 2027. 2) få ned returandelen "
        "fra 22 % til 14 %."
    )
    assert len(read(aims, "nb", TODAY).objectives) == 2


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_ag_read")), today=lambda: TODAY)


def test_removing_a_number_before_the_roadmap_is_about_goals(service):
    sid = "ag-number"
    for said in (
        "Vi er Fjellsti Friluft AS, en nettbutikk for friluftsutstyr på Lillehammer med 4 "
        "ansatte og 9,5 mill i omsetning.",
        "Mål: 1) øke konverteringen fra 1,3 % til 2 % innen utgangen av 2027. 2) få ned "
        "returandelen fra 22 % til 14 % innen desember 2027. 3) andel gjentakende ordre fra "
        "18 % til 30 % innen juni 2028.",
        "Lag SMART-målene nå.",
        "ja",
    ):
        service.send(sid, said, "nb")
    aims = len(service.session(sid).candidates)
    reply = service.send(sid, "Ta bort nummer 4, det er ikke et mål.", "nb").reply
    assert aims == 3 and len(service.session(sid).candidates) == aims
    assert "tiltak" not in reply.split("\n")[0]  # not "no initiative about «bort»"
    assert "3" in reply.split("\n")[0]  # "which goal? the plan has 3"
