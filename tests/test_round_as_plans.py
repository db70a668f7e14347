"""The audiences an owner already has are put to work: a bakery with a Facebook page that
wants more cake orders, or a bookshop with a mailing list that wants online sales, gets a
monthly plan of posts and offers on those channels, serving that aim. A channel the owner
has not got, or a business that only sells to firms, gets no such step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("plans-as")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def _channel_steps(service: CoachService, words: str, language: str, names: tuple[str, ...]):
    plan = service.plan_from_brief(words, language)
    steps = [i for i in plan.roadmap if any(n in i.title.lower() for n in names)]
    return plan, steps


BAGERI = (
    "Vi driver ett bageri med kafé i Västerås, sju anställda. Tårtor beställs per telefon. "
    "Vår Facebooksida har 2 100 följare men vi lägger nästan aldrig upp något. Jag vill öka "
    "tårtbeställningarna från 20 till 35 i veckan till nästa sommar."
)
BOOKSHOP = (
    "I run an independent bookshop in Bath with four staff. We have a mailing list of 2,000 "
    "readers and an Instagram account with 3k followers that we barely use. Online orders are "
    "about 40 a month and I want 120 a month by the end of 2027."
)
KAFE = (
    "Мы небольшая кофейня в Самаре, пять сотрудников. У нас Telegram-канал на 1800 человек, "
    "но пишем туда раз в месяц. Хотим поднять число заказов навынос с 300 до 500 в месяц к "
    "осени 2027 года."
)


@pytest.mark.parametrize(
    ("words", "language", "names"),
    [
        (BAGERI, "sv", ("facebook",)),
        (BOOKSHOP, "en", ("instagram", "newsletter")),
        (KAFE, "ru", ("telegram",)),
    ],
)
def test_the_owners_own_audience_works_for_their_aim_of_more_orders(
    service, words, language, names
):
    plan, steps = _channel_steps(service, words, language, names)
    assert len(steps) == 1, [i.title for i in plan.roadmap]
    orders_goal = plan.goals[0]
    assert orders_goal.id in steps[0].goal_ids
    assert steps[0].citations, "the step is grounded in the guidance"


def test_both_followers_and_a_list_are_named_in_what_to_do(service):
    _, steps = _channel_steps(service, BOOKSHOP, "en", ("instagram",))
    description = steps[0].description
    assert "posts a week (your Instagram)" in description
    assert "your newsletter list" in description


NO_CHANNELS = (
    "We're a bakery in Leeds with seven staff. We have no newsletter and no Instagram yet, "
    "cakes are ordered by phone. I want custom cake orders up from 20 to 35 a week by summer."
)
FIRMS_ONLY = (
    "Vi er en grossist i Drammen med 20 ansatte og selger bare til bedrifter. Vi har en "
    "Facebook-side med 900 følgere. Målet er å øke antall ordre fra 400 til 550 i måneden "
    "innen utgangen av 2027."
)


@pytest.mark.parametrize(("words", "language"), [(NO_CHANNELS, "en"), (FIRMS_ONLY, "nb")])
def test_no_posting_plan_without_an_audience_to_post_to(service, words, language):
    plan, steps = _channel_steps(service, words, language, ("instagram", "newsletter", "facebook"))
    assert steps == [], [i.title for i in plan.roadmap]


def _lanes(service: CoachService, words: str, language: str) -> dict[str, list[str]]:
    plan = service.plan_from_brief(words, language)
    lanes: dict[str, list[str]] = {}
    for item in plan.roadmap:
        lanes.setdefault(item.horizon or "", []).append(item.title)
    return lanes


OSTEO = (
    "I run an osteopathy clinic in Exeter with four practitioners and a receptionist. About "
    "7% of appointments are no-shows. First, I want no-shows down to 3% by the end of 2027. "
    "I want 4 partnerships with local running clubs by the end of March. "
    "I want to launch pregnancy massage with 10 bookings a week by June. "
    "And I want 40 Google reviews by May, we have 12."
)


def test_the_aim_the_owner_said_first_starts_now_even_when_others_are_due_sooner(service):
    lanes = _lanes(service, OSTEO, "en")
    assert any("reminder" in t.lower() for t in lanes["short"]), lanes


def test_now_holds_at_most_half_of_the_projects(service):
    plan = service.plan_from_brief(OSTEO, "en")
    routine = {"Measure today's baselines", "Monthly KPI check-in and quarterly review"}
    projects = [i for i in plan.roadmap if i.title not in routine]
    now = [i for i in projects if i.horizon == "short"]
    assert len(now) <= max(2, -(-len(projects) // 2)), [(i.title, i.horizon) for i in projects]
    assert any(i.horizon == "medium" for i in projects)


TRAFIKSKOLA = (
    "Vi är en trafikskola i Umeå med tre lärare och tre bilar. Eleverna bokar via sms och "
    "Swish, och jag jagar betalningar varje vecka. Jag vill att eleverna kan boka och betala "
    "sina lektioner på nätet före sommaren 2027."
)


def test_book_and_pay_online_is_served_by_online_booking_not_a_card_terminal(service):
    plan = service.plan_from_brief(TRAFIKSKOLA, "sv")
    first = plan.goals[0]
    serving = [i.title for i in plan.roadmap if first.id in i.goal_ids]
    assert serving and serving[0].startswith("Onlinebokning"), serving


KONDITORI = (
    "Vi har ett konditori i Gävle med fem anställda. Tårtor beställs per telefon och på "
    "lördagarna blir det ofta dubbelbokat. Jag vill öka tårtbeställningarna från 12 till 25 "
    "i veckan till hösten 2027."
)


def test_a_bakerys_double_bookings_go_to_its_order_form_not_a_second_booking_step(service):
    titles = [i.title for i in service.plan_from_brief(KONDITORI, "sv").roadmap]
    ordering = [t for t in titles if "beställ" in t.lower() or "bokning" in t.lower()]
    assert len(ordering) == 1, titles


KAFE_NB = (
    "Vi har et lite bakeri med kafé på Gjøvik, fem ansatte pluss meg. Mellom 13 og 16 på "
    "hverdager er det nesten tomt hos oss. Jeg vil gjerne selge lunsj og møtemat til bedrifter "
    "i byen. Og så vil jeg få opp ettermiddagssalget med minst 20 %."
)


def test_a_cafes_quiet_afternoons_get_an_off_peak_offer_not_a_sales_template(service):
    plan = service.plan_from_brief(KAFE_NB, "nb")
    afternoon = next(g for g in plan.goals if "ettermiddag" in g.statement)
    serving = [i for i in plan.roadmap if afternoon.id in i.goal_ids]
    assert serving and "stille" in serving[0].title.lower(), [i.title for i in plan.roadmap]
    said = " ".join(i.description for i in plan.roadmap)
    assert "20–30 bedrifter" not in said, said  # a café that wants firms is no B2B seller


GUESTHOUSE = (
    "We run a guesthouse in Keswick with 9 rooms, two of us and a cleaner. About 70% of "
    "bookings come through Booking.com. We want direct bookings up from 25% to 45% by the end "
    "of 2027, and we'd like every guest to get a text with check-in details the day before."
)


def test_a_project_made_for_the_year_started_now_runs_past_one_quarter(service):
    plan = service.plan_from_brief(GUESTHOUSE, "en")
    engine = next(i for i in plan.roadmap if "Direct booking" in i.title)
    assert engine.horizon == "short", [(i.title, i.horizon) for i in plan.roadmap]
    assert (engine.start, engine.end) == ("2027-Q1", "2027-Q2")
