"""Conversation fixes after the blind round of 2026-12-06ab: a step that does not fit the
business is answered with the one that does, the coach's own suggested order works, and the
names of common systems are explained instead of declined."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 5)
GUESTHOUSE = (
    "Vi driver et gjestehus med 12 rom og en kafé i Lofoten. Vi er 4 fast ansatte og 11 i "
    "sesongen. Nesten alle bookinger kommer via Booking.com."
)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_ab_talk")), today=lambda: TODAY)


def test_asking_for_online_booking_in_a_guesthouse_gets_direct_booking(service):
    service.send("gh-add", GUESTHOUSE, "nb")
    reply = service.send("gh-add", "Legg til nettbooking og bestillingsskjema på nett.", "nb").reply
    assert "Direktebooking på egen nettside" in reply, reply
    assert "Hvilket tiltak" not in reply
    assert "online_booking" not in service.session("gh-add").wanted_initiatives


def test_a_question_about_a_step_that_does_not_fit_names_the_one_that_does(service):
    service.send("gh-ask", GUESTHOUSE, "nb")
    reply = service.send("gh-ask", "Trenger vi nettbooking og bestillingsskjema på nett?", "nb")
    assert "Direktebooking på egen nettside" in reply.reply, reply.reply
    assert "ikke et steg for en bedrift som din" not in reply.reply


def test_a_step_asked_for_by_its_title_is_added_even_where_the_coach_thought_it_misfits(service):
    service.send("plumber-add", "We are a plumbing firm in Leeds with 9 engineers.", "en")
    reply = service.send(
        "plumber-add", "Add launch or rebuild the webshop on a standard platform", "en"
    )
    assert "Which initiative" not in reply.reply, reply.reply
    assert "launch_webshop" in service.session("plumber-add").wanted_initiatives


@pytest.mark.parametrize(
    ("question", "language", "said"),
    [
        ("Hva er egentlig et PMS, trenger vi det?", "nb", "hovedsystemet"),
        ("what is a channel manager?", "en", "Booking.com"),
        ("vad är ett kassasystem egentligen?", "sv", "försäljning"),
        ("а что такое ЭДО простыми словами?", "ru", "накладные"),
    ],
)
def test_the_name_of_a_common_system_is_explained_not_declined(service, question, language, said):
    sid = f"define-{language}"
    service.send(sid, "We run a small business.", language)
    reply = service.send(sid, question, language).reply
    assert said in reply, reply


@pytest.mark.parametrize(
    ("first", "fix", "language", "trade"),
    [
        (
            "Здравствуйте. У нас химчистка в Казани, 9 человек.",
            "Исправьте: чем занимаемся — автомойка и детейлинг.",
            "ru",
            "автомойка и детейлинг",
        ),
        (
            "Hi, we run a dog grooming salon in Bristol with 7 staff.",
            "No - what we do: dog grooming and daycare.",
            "en",
            "dog grooming and daycare",
        ),
    ],
)
def test_the_trade_said_back_under_the_coachs_label_replaces_the_one_held(
    service, first, fix, language, trade
):
    sid = f"trade-{language}"
    service.send(sid, first, language)
    reply = service.send(sid, fix, language).reply
    assert service.session(sid).plan.profile.industry == trade
    assert trade in reply, reply


def test_a_car_wash_is_a_trade_the_coach_knows(service):
    service.send("carwash", "Здравствуйте. У меня автомойка и детейлинг в Казани, 9 человек.", "ru")
    assert service.session("carwash").plan.profile.industry == "автомойка и детейлинг"


def test_an_order_about_part_of_a_step_never_removes_a_goal(service):
    """ "hur mäter jag mål 1? och stryk '…' från svinn-initiativet": the goal named in the
    question stays; a step order is never carried out on a goal."""
    sid = "bakery-strike"
    service.start_from_brief(
        sid,
        "Vi har ett bageri-café i Umeå med 5 anställda. Vi vill minska svinnet från 15 % till "
        "7 % till sista augusti 2027 och öka tårtbeställningarna från 40 till 60 i månaden "
        "till slutet av 2027.",
        "sv",
    )
    goals_before = len(service.session(sid).plan.goals)
    assert goals_before == 2
    service.send(
        sid,
        "hur mäter jag mål 1? och stryk 'sälj det som blir över via en app' från "
        "svinn-initiativet, vi har provat det",
        "sv",
    )
    assert len(service.session(sid).plan.goals) == goals_before


def test_item_one_of_the_roadmap_or_a_goal_named_as_not_meant_is_never_a_goal_removed(service):
    """ "пункт 1 — уберите его" with the roadmap on screen is its first step; "убрать
    ИНИЦИАТИВУ 1, а не цель 1" says which one: no goal is removed."""
    sid = "soap-items"
    service.start_from_brief(
        sid,
        "Мы делаем мыло ручной работы в Туле, 3 человека. Хотим снизить долю Озона в "
        "выручке с 75 % до 50 % к декабрю 2027 и поднять долю повторных покупателей с 20 % "
        "до 35 % к концу 2027.",
        "ru",
    )
    goals = len(service.session(sid).plan.goals)
    assert goals == 2
    first = service.session(sid).plan.roadmap[0].title
    service.send(sid, "Раз никто не может объяснить пункт 1 — уберите его.", "ru")
    state = service.session(sid)
    assert len(state.plan.goals) == goals
    assert first not in [i.title for i in state.plan.roadmap]
    service.send(sid, "Я просила убрать ИНИЦИАТИВУ 1, а не цель 1.", "ru")
    assert len(service.session(sid).plan.goals) == goals


def test_not_a_bookings_number_says_what_a_goal_counts_and_refuses_no_step():
    from assistant.coaching.words import initiatives_refused

    said = "goal 2: today 0% of members on the new booking app, target 100%. Not a bookings number."
    assert initiatives_refused(said, "en") == []
    assert initiatives_refused("no online booking please", "en") == ["online_booking"]
