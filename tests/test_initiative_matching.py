"""An initiative serves an aim because the owner's words name it, not because a word of theirs
begins like a word of its title: "arbetsgivare" is not "arbete", "utan att anställa" asks for
no recruiting, and "southern NSW" is no foreign market for a translated website."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.business import family_of, misfit, traits_of
from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.matching import named_by_owner, named_in_title
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding.stems import same_word

TODAY = date(2026, 12, 3)
OFFER = load_kpi_catalogue().initiatives


def _ids(specs) -> list[str]:
    return [s.id for s in specs]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("nettside", "nettsidene", True),
        ("bokföringen", "molnbokföringen", True),  # the last part of a compound names it
        ("arbete", "arbetsgivare", False),  # the first part does not
        ("order", "orderraderna", False),
        ("månader", "månadspris", False),
        ("заказчиков", "заказчики", True),
    ],
)
def test_two_words_are_one_word_only_in_its_own_forms(a, b, same):
    assert same_word(a, b) is same


@pytest.mark.parametrize(
    ("language", "aim", "wrong"),
    [
        (
            "sv",
            "Vill också starta företagsyoga – sälja till 3 arbetsgivare här i stan",
            "digital_budget",
        ),
        ("nb", "1) digitale timelister og maskintimer innen 1. mars", "digital_budget"),
        ("sv", "debiteringsgrad 78 % inom 12 månader", "service_agreements"),
    ],
)
def test_a_word_that_only_begins_like_a_title_word_names_nothing(language, aim, wrong):
    assert wrong not in _ids(named_in_title(aim, OFFER, language))


@pytest.mark.parametrize(
    ("language", "aim", "named"),
    [
        ("nb", "2) vinne flere offentlige anbud", "tender_bids"),
        ("en", "get on the first page of Google for driving lessons", "google_business_profile"),
        ("sv", "få ner tiden för den löpande bokföringen med 30 %", "e_invoicing"),
    ],
)
def test_a_title_word_said_in_its_own_form_names_the_initiative(language, aim, named):
    assert _ids(named_in_title(aim, OFFER, language))[:1] == [named]


@pytest.mark.parametrize(
    ("language", "aim", "named"),
    [
        ("en", "maintenance contracts from 30 to 60 within 18 months", "service_agreements"),
        ("nb", "digitale timelister og maskintimer innen 1. mars", "job_costing"),
        ("sv", "och få ett CRM som säljarna faktiskt använder", "crm_basics"),
        ("ru", "Хочу снизить неявки хотя бы до 5%", "appointment_reminders"),
        ("sv", "Vill också starta företagsyoga – sälja till 3 arbetsgivare", "corporate_offer"),
        ("sv", "halvera returerna som beror på storlek", "fewer_returns"),
        ("en", "Author events selling out every time (about 60% full now)", "event_tickets"),
        ("nb", "Og slutte med fysiske befaringer på de små jobbene", "online_quote_requests"),
    ],
)
def test_an_initiative_the_owner_calls_by_its_name_serves_the_aim(language, aim, named):
    assert named in _ids(named_by_owner(aim, OFFER, language))


@pytest.mark.parametrize(
    ("language", "aim", "not_named"),
    [
        ("sv", "ta in 20 nya aktiebolagskunder nästa år utan att anställa", "recruitment_page"),
        ("nb", "få tomme timer midt i uka ned under 10 %", "customer_feedback_survey"),
        ("nb", "Og få orden på kursbevis og påminnelser om fornyelse", "digital_skills_training"),
        ("en", "we're rated 9.1 on Booking.com, which I want to keep", "online_booking"),
    ],
)
def test_a_name_said_inside_another_word_or_after_without_asks_for_nothing(
    language, aim, not_named
):
    assert not_named not in _ids(named_by_owner(aim, OFFER, language))


def test_the_trade_said_first_is_the_business_and_the_tools_said_later_are_not():
    words = "Anleggsfirma, Hamar. 22 ansatte, 14 maskiner. Regnskap i Tripletex."
    assert family_of(words, "nb") == "trades"


@pytest.mark.parametrize(
    ("language", "words", "abroad"),
    [
        ("en", "We want to win accounts in southern NSW, zero presence there now.", False),
        ("nb", "Få i gang salg av ost til folk i Bergen og Oslo.", False),
        ("sv", "Vi vill lansera i Norge och Finland nästa år.", True),
        ("ru", "К 2027 году начать экспорт в Узбекистан.", True),
    ],
)
def test_a_translated_site_is_only_for_a_market_in_another_country(language, words, abroad):
    spec = next(s for s in OFFER if s.id == "multilingual_site")
    traits = traits_of("wholesale distributor", words, language)
    assert (misfit(spec.fit, traits) is None) is abroad


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("matching")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def test_a_bookshop_with_its_own_webshop_is_not_sent_to_a_marketplace(service):
    brief = (
        "Independent bookshop with a café in Edinburgh, seven staff. There's a Shopify site "
        "that barely sells, 20 orders a month. I'd like online sales to be a tenth of turnover "
        "rather than the 2% it is now, within two years."
    )
    plan = service.plan_from_brief(brief, "en")
    titles = [i.title.lower() for i in plan.roadmap]
    assert titles and not any("marketplace" in t for t in titles), titles


def test_what_the_owner_asks_for_wins_over_what_the_kind_of_business_presumes(service):
    brief = (
        "Sports and outdoor shop in Lillehammer with a ski and bike workshop, 9 staff. "
        "We want online booking for the workshop so at least half of the services are booked "
        "online by next winter; today everyone phones."
    )
    plan = service.plan_from_brief(brief, "en")
    titles = [i.title for i in plan.roadmap]
    assert "Online booking: one calendar customers book into themselves" in titles, titles


def test_online_alone_names_no_initiative_and_events_wait_to_be_named(service):
    brief = (
        "Детский развивающий центр в Екатеринбурге, 12 человек. Хочу к сентябрю выйти на 230 "
        "детей, сейчас 170. И чтобы родители могли сами записываться и платить онлайн."
    )
    plan = service.plan_from_brief(brief, "ru")
    titles = [i.title for i in plan.roadmap]
    assert not any("мероприятия" in t for t in titles), titles
    assert "Онлайн-запись: один календарь, в который клиенты записываются сами" in titles, titles


def test_a_company_offer_is_not_made_to_an_engineering_firm_that_wants_to_hire():
    traits = traits_of(None, "Vi är en konsultfirma inom byggkonstruktion, 28 anställda.", "sv")
    offer = [s for s in OFFER if misfit(s.fit, traits) is None]
    named = named_by_owner('Vill också "synas som en seriös arbetsgivare".', offer, "sv")
    assert "corporate_offer" not in _ids(named)
