"""What the owner names is kept apart: "kassasystemet … det heter Sitoo" names the till, not
the business, while "Företaget heter …" still names the business; "lägg till
vinterförvaring och vinterservice-kampanj, i Nästa" adds the owner's own step in their words,
not the ad campaigns one word of it brushes; "ok. men mål 2 …: hvilket tiltak støtter det?"
concedes and asks, so it approves nothing and is answered from the plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from text_helpers import owner_messages

from assistant.coaching.plan_answers import plan_question
from assistant.coaching.service import CoachService
from assistant.coaching.words import initiatives_refused
from assistant.config import Settings
from assistant.understanding.intents import yes_said_apart
from assistant.understanding.reader import read

TODAY = date(2026, 12, 6)


def _business_name(text: str, language: str) -> str | None:
    named = [p.value for p in read(text, language, TODAY).profile if p.field == "business_name"]
    return named[0] if named else None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "kunddata ligger i kassasystemet, vi har Extenda tror jag.. nej vänta, det heter Sitoo",
            "sv",
        ),
        ("timebøkene ligger i et program på PC-en, det heter Timely", "nb"),
        ("клиенты записаны в кассовой программе, она называется Эвотор", "ru"),
    ],
)
def test_a_system_called_something_is_no_business_name(text, language):
    assert _business_name(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Vi är en cykelbutik i Umeå. Företaget heter Norrlands Cykel AB.",
            "sv",
            "Norrlands Cykel AB",
        ),
        (
            "Bedriften heter Sunnmøre Trykk AS, og vi har kassesystem fra Visma.",
            "nb",
            "Sunnmøre Trykk AS",
        ),
    ],
)
def test_the_business_named_beside_a_system_is_still_named(text, language, name):
    assert _business_name(text, language) == name


BIKE_SHOP = "unscripted-2026-12-06ar/transcript_sv_cykel.md"
ORDERS = (
    "lägg till nyhetsbrev och automatiska uppföljningsmejl. lägg till vinterförvaring och "
    "vinterservice-kampanj, i Nästa. lägg till digitala arbetsordrar i verkstaden istället för "
    "papperslappar, i Senare."
)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("listening-ar")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def test_steps_the_owner_describes_are_added_in_their_words_and_lanes(service):
    said = owner_messages(BIKE_SHOP)
    for message in said[:18]:  # up to the drafted roadmap
        service.send("bike", message, "sv")
    assert service.session("bike").plan.roadmap
    service.send("bike", ORDERS, "sv")
    lanes = {i.title: i.horizon for i in service.session("bike").plan.roadmap}
    assert lanes.get("Vinterförvaring och vinterservice-kampanj") == "medium", lanes
    assert "Riktade annonskampanjer för att nå nya kunder" not in lanes  # never asked for
    own = [t for t in lanes if t.startswith("Digitala arbetsordrar i verkstaden")]
    assert own and lanes[own[0]] == "long", lanes


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ok. men mål 2, omsetning 11 til 13 mill: hvilket tiltak støtter det? jeg ser ingen",
            "nb",
        ),
        ("ok. but which step supports goal 2? i see none", "en"),
        ("okej. men vilket initiativ hjälper mål 1?", "sv"),
        ("ладно. но какой шаг работает на цель 2?", "ru"),
    ],
)
def test_an_ok_that_goes_on_with_but_approves_nothing_and_asks_about_the_plan(text, language):
    assert not yes_said_apart(text, language)
    assert plan_question(text, language) == "how_goal"


def test_a_yes_beside_an_aside_still_approves():
    assert yes_said_apart("да. кстати, где тут шашлык?", "ru")


PRINT_SHOP = "unscripted-2026-12-06ar/transcript_nb_trykkeri.md"


def test_which_step_serves_a_goal_is_answered_from_the_roadmap(service):
    said = owner_messages(PRINT_SHOP)
    for message in said[:24]:  # the roadmap drafted and reworked
        service.send("print", message, "nb")
    asked = "ok. men mål 2, omsetning 11 til 13 mill: hvilket tiltak i veikartet støtter det?"
    reply = service.send("print", asked, "nb").reply
    assert reply.startswith("For mål 2"), reply
    assert "i korte trekk" not in reply  # no summary: the roadmap is not approved
    assert service.session("print").stage == "roadmap"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("2) first goal is no-shows per month, not bookings per month.", "en"),
        ("mål 1 er uteblivelser per måned, ikke bookinger per måned", "nb"),
    ],
)
def test_a_goal_label_corrected_refuses_no_step(text, language):
    assert initiatives_refused(text, language) == []


def test_a_step_said_with_no_is_still_refused():
    assert "targeted_campaigns" in initiatives_refused("no paid ads and no tiktok", "en")


GROOMER = "unscripted-2026-12-06ar/transcript_en_groomer.md"


def test_corrections_that_open_with_not_right_leave_no_step_out(service):
    said = owner_messages(GROOMER)
    for message in said[:11]:
        service.send("groomer", message, "en")
    reply = service.send("groomer", said[11], "en").reply  # "not right. 1) markets: …"
    assert "leave that out" not in reply, reply
    assert "no-shows per month" in reply
