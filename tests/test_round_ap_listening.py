"""Two figures of two different things are not one aim's today and target: "4,3 stjerner og
85 anmeldelser … 200 anmeldelser" is 85 → 200 reviews, not a rating going from 4.3 to 200;
"350 paper letters a month … 90 % digital" has no today's share. A bare figure still shares
its partner's unit ("from 15 to 25 %")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from chat_helpers import at_roadmap, talk

from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding import read

TODAY = date(2026, 12, 6)


def _aim(text: str, language: str):
    [objective] = read(text, language, TODAY).objectives
    baseline = objective.baseline.value if objective.baseline else None
    target = objective.target.value if objective.target else None
    return objective.kpi, baseline, target


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "nb",
            "Vi har 4,3 stjerner og 85 anmeldelser på Google i dag, og vil ha 200 anmeldelser "
            "innen sommeren.",
        ),
        (
            "en",
            "We have 4.3 stars and 85 reviews on Google today and I want 200 reviews by summer.",
        ),
        ("ru", "У нас 4,6 звезды и 85 отзывов на Яндекс Картах, хотим 200 отзывов к лету."),
    ],
)
def test_a_rating_said_beside_a_count_of_reviews_is_not_the_count_s_today(language, text):
    assert _aim(text, language) == ("review_count", 85.0, 200.0)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Vi skickar 350 pappersbrev i månaden och vill ha 90 % digitalt till sommaren."),
        (
            "nb",
            "Recall er papirbrev, ca 350 brev i måneden, og vi vil ha 90 % digitalt innen "
            "sommeren.",
        ),
    ],
)
def test_a_count_of_letters_is_not_today_s_share(language, text):
    _, baseline, target = _aim(text, language)
    assert (baseline, target) == (None, 90.0)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("We want online bookings from 15 to 25 % by June.", (15.0, 25.0)),
        (
            "Today about 20 of every 100 bookings are made online and I want 50 % by summer.",
            (20.0, 50.0),
        ),
        ("We get 40 enquiries a month and want 60 by summer.", (40.0, 60.0)),
    ],
)
def test_a_bare_figure_still_pairs_with_its_partner(text, figures):
    assert _aim(text, "en")[1:] == figures


# --- the conversation: what the 2026-12-06ap owners ran into, as general rules ---------


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("listening-ap")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def test_a_short_order_in_words_both_languages_share_keeps_the_conversation_s_language(service):
    """ "Ta bort presentkort" is Swedish and Norwegian alike: a Swedish owner is answered in
    Swedish."""
    sid = "lang-sv"
    said = [
        "Hej! Vi har ett kafé och bageri i Lund med 11 anställda. Omsättningen är ungefär "
        "9 miljoner kronor om året.",
        "Vi vill minska svinnet från 15 % till 8 % av brödet innan sommaren 2027.",
    ]
    talk(service, sid, said, None)  # the coach follows the owner's language
    for _ in range(12):
        if service.session(sid).plan.roadmap:
            break
        talk(service, sid, ["ja"], None)
    assert service.session(sid).language == "sv"
    reply = talk(service, sid, ["Ta bort presentkort (nummer 2)."], None)
    assert service.session(sid).language == "sv", reply


def test_an_either_or_question_about_a_step_keeps_the_step(service):
    at_roadmap(
        service,
        "yes-or-no",
        [
            "We're an independent optician in Bristol with 6 staff. 1,900 patients on a "
            "spreadsheet and no recall reminders. I want 60 % of patients back for their "
            "2-year check by the end of 2027; today it's about 35 %.",
        ],
        "en",
    )
    before = [i.title for i in service.session("yes-or-no").plan.roadmap]
    talk(service, "yes-or-no", ["SMS or email for the recall reminders - yes or no?"])
    assert [i.title for i in service.session("yes-or-no").plan.roadmap] == before


def test_customers_counted_by_kind_are_not_the_business_s_own_premises(service):
    talk(
        service,
        "served",
        [
            "Hi, I run an upholstery workshop in Leeds with 7 people.",
            "We want more work from restaurants and hotels: today we have 2 restaurants as "
            "customers, about 5 % of revenue, and I want 20 % by the end of 2027.",
        ],
    )
    assert service.session("served").plan.profile.locations == []


def test_taking_a_value_out_of_the_profile_removes_no_goal(service):
    sid = "profile-removal"
    talk(
        service,
        sid,
        [
            "Здравствуйте, у нас мастерская по перетяжке мебели в Нижнем Новгороде, 7 человек.",
            "Цели: доля выручки от ресторанов и гостиниц с 5% до 20% к концу 2027 года, и "
            "доля заказов с Авито с 60% до 40% к концу 2028 года.",
        ],
        "ru",
    )
    state = service.session(sid)
    goals = len(state.candidates) + len(state.plan.goals)
    talk(service, sid, ["Уберите «2 ресторана» из поля Города в профиле."], "ru")
    after = service.session(sid)
    assert len(after.candidates) + len(after.plan.goals) == goals


def test_a_time_after_an_event_is_how_fast_not_a_deadline():
    from assistant.extraction import extract_deadlines

    for language, text in [
        ("ru", "клиент получает цену не позже чем через 1 день после фото"),
        ("en", "every customer gets a price within a day of sending the photo"),
        ("nb", "svar innen 1 dag etter henvendelsen"),
    ]:
        assert extract_deadlines(text, language, TODAY) == [], text


def test_the_value_said_after_not_answers_the_open_question(service):
    sid = "not-but"
    talk(
        service,
        sid,
        [
            "Hi, we're a furniture upholstery workshop in Leeds, 7 people, about £600k a year.",
            "Customers wait 2-3 days for a price today. I want us to reply with a price faster.",
        ],
    )
    talk(service, sid, ["not 2 days, 1 day! by June 2027"])
    state = service.session(sid)
    values = [c.target.value for c in state.candidates if c.target] + [
        g.target.value for g in state.plan.goals if g.target
    ]
    assert 2.0 not in values
