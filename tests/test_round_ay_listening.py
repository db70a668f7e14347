"""Listening fixes after the owners of round 06ay: "CAD" said of drawings is no currency; a
goal named to say why another goes is not removed with it; quoted words taken out of a goal
leave the goal; a count of newsletter readers or of people per class is no head count; a
head count said against the old one is put right at any step; "Цель 2: название → …"
renames the goal, not the business; a side answer quotes no passage that only shares a broad
word ("website") with the question."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.extraction.numbers import currency_said_alone
from assistant.understanding.reader import read
from tests.chat_helpers import talk

TODAY = date(2026, 12, 7)
BOILERS = [
    "Hi, I run Aire Valley Heating in Leeds, 7 staff, about £900k turnover.",
    "We have a website, no online booking, Facebook only. No CRM, no analytics, goals not "
    "written down. Digital skills no. Backups don't know. Paperless no.",
    "don't know",
    "don't know",
    "1) Boiler service plan sign-ups from 180 to 400 a month by December 2027. "
    "2) Google reviews from 23 to 100 by August 2027.",
    "yes",
    "yes",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_ay_talk")), today=lambda: TODAY)


def _drafted(service: CoachService, session: str) -> list:
    talk(service, session, BOILERS, "en")
    goals = service.session(session).plan.goals
    assert len(goals) == 2 and goals[0].period == "month", [g.statement for g in goals]
    return goals


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Vi ritar i CAD men offerterna tar lång tid, ungefär 6 timmar per köksoffert.", None),
        ("We use CAD software for drawings and we are 12 people in the workshop.", None),
        ("It is SEK, not NOK.", "SEK"),
        ("By the way the figures are in EUR.", "EUR"),
        ("it's euro by the way, not pounds", "EUR"),
    ],
)
def test_a_bare_currency_code_is_a_currency_only_when_money_is_meant(text, currency):
    assert currency_said_alone(text) == currency


@pytest.mark.parametrize(
    ("language", "text", "numbers"),
    [
        ("en", "Delete goal 3, goal 4 covers it.", [3]),
        ("sv", "Ta bort mål 2, mål 3 täcker det redan.", [2]),
        ("en", "Delete goals 3 and 4.", [3, 4]),
        ("nb", "Fjern mål 1, 2 og 3.", [1, 2, 3]),
    ],
)
def test_a_goal_named_to_say_why_is_not_removed_with_the_other(language, text, numbers):
    facts = read_message(text, language, TODAY)
    assert [c.number for c in facts.commands if c.action == "drop_goal"] == numbers


@pytest.mark.parametrize(
    "order",
    [
        "Please remove 'a month' from goal 1. It's a total, not per month.",
        "Goal 1 isn't 'a month' — it's 400 sign-ups on the plan in total.",
    ],
)
def test_a_period_taken_out_of_a_goal_leaves_the_goal(service, order):
    session = f"period-{len(order)}"
    before = _drafted(service, session)
    reply = service.send(session, order, "en").reply
    goals = service.session(session).plan.goals
    assert len(goals) == len(before), reply  # the goal is still there
    assert goals[0].period is None and "a month" not in goals[0].statement, goals[0].statement
    assert "400" in goals[0].statement
    assert "a month" in reply  # said back


def test_quoted_words_a_goal_does_not_say_change_nothing(service):
    _drafted(service, "not-there")
    statements = [g.statement for g in service.session("not-there").plan.goals]
    reply = service.send("not-there", "Remove 'Instagram' from goal 2.", "en").reply
    assert [g.statement for g in service.session("not-there").plan.goals] == statements
    assert "Instagram" in reply


@pytest.mark.parametrize(
    "text",
    [
        "You've mixed those up: 1,250 is Instagram followers, the newsletter goes to 2,300 "
        "people. Active patients are more like 600.",
        "I want 6 classes a week full at 8 people by mid-2028.",
    ],
)
def test_readers_and_class_places_are_no_head_count(text):
    profile = read(text, "en", today=TODAY).profile
    assert not [p for p in profile if p.field == "staff"], profile


def test_the_head_count_said_beside_a_class_size_is_the_one_taken():
    text = (
        "I want 6 classes a week full at 8 people by mid-2028. Oh, and please fix the "
        "headcount, we are 5 people not 300."
    )
    assert read_message(text, "en", TODAY).staff == 5


def test_a_head_count_said_against_the_old_one_is_put_right_at_any_step(service):
    talk(service, "staff-ru", ["Автосервис «Гараж 66» в Екатеринбурге, нас 7 человек."], "ru")
    assert service.session("staff-ru").plan.profile.staff == 7
    reply = talk(
        service,
        "staff-ru",
        ["Нас 9 человек, не 7 — механики плюс приёмщик и я. Сайт есть, онлайн-записи нет."],
        "ru",
    )
    assert service.session("staff-ru").plan.profile.staff == 9, reply


def test_a_goals_name_given_in_the_coachs_own_words_renames_the_goal(service):
    messages = [
        "Гостевой дом «Дом на Каменке» в Суздале, нас 5 человек, выручка 14,5 млн рублей.",
        "Сайт есть, онлайн-бронирование есть. CRM нет, аналитики нет, цели не записаны.",
        "не знаю",
        "не знаю",
        "Цели: 1) доля прямых бронирований с 35 % до 55 % к концу 2027. 2) загрузка зимой "
        "с 40 % до 60 % к марту 2028.",
    ]
    talk(service, "rename-ru", messages, "ru")
    reply = talk(service, "rename-ru", ["Цель 2: название → «загрузка ноябрь–март»."], "ru")
    state = service.session("rename-ru")
    assert state.plan.profile.business_name != "загрузка ноябрь–март", reply
    names = [c.name for c in state.candidates] + [g.metric for g in state.plan.goals]
    assert "загрузка ноябрь–март" in names, reply


def test_a_side_answer_quotes_no_passage_that_only_shares_a_broad_word(service):
    talk(service, "side-nb", ["Hei! Vi er et lite snekkerfirma i Drammen med 6 ansatte."], "nb")
    reply = talk(
        service, "side-nb", ["Et spørsmål: bør vi legge ut priseksempler på nettsiden?"], "nb"
    )
    assert "[1]" not in reply, reply  # "website" and "customer" show no passage answers it


def test_a_short_channel_name_is_no_start_of_another_word():
    from assistant.coaching.owned_channels import owned_channels

    said = "Google Analytics tror jeg er installert. Vi har en Facebook-side."
    assert owned_channels(said, "nb") == ["facebook"]  # "installert" is no Instagram
    assert owned_channels("We post on insta most days.", "en") == ["instagram"]


def test_a_channel_the_owner_says_last_they_do_not_have_is_not_theirs():
    from assistant.coaching.owned_channels import owned_channels

    said = "Vi er på Instagram og Facebook.\nVi har ikke Instagram, bare Facebook."
    assert owned_channels(said, "nb") == ["facebook"]
    assert owned_channels("No Instagram yet.\nNow we have Instagram.", "en") == ["instagram"]


def test_a_source_said_for_a_goal_by_its_name_goes_to_that_goal(service):
    _drafted(service, "source-named")
    reply = service.send(
        "source-named", "The figures for the reviews come from our Google profile.", "en"
    ).reply
    goals = service.session("source-named").plan.goals
    sources = [k.source for g in goals for k in g.kpis[:1]]
    assert sources[1] and "Google profile" in sources[1], reply
    assert not (sources[0] and "Google profile" in sources[0]), reply


def test_a_step_the_owner_misses_is_added_in_the_lane_asked(service):
    talk(service, "missing-step", [*BOILERS, "yes"], "en")
    assert service.session("missing-step").plan.roadmap
    reply = service.send(
        "missing-step",
        "I'm missing a step for a fast, mobile website – ours is slow. Can you put it in Now?",
        "en",
    ).reply
    roadmap = service.session("missing-step").plan.roadmap
    added = [i for i in roadmap if "mobile" in i.title.lower() and i.horizon == "short"]
    assert added, (reply, [(i.title, i.horizon) for i in roadmap])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Backup: vet inte. Fakturorna skickas som PDF via mejl, så halvt papperslöst."),
        ("en", "Invoices are sent as PDF by email, and quotes too."),
        ("nb", "Fakturaene sendes som PDF på e-post."),
    ],
)
def test_how_the_business_sends_its_invoices_asks_for_no_export(language, text):
    assert "export" not in [c.action for c in read_message(text, language, TODAY).commands]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Mål 3 ska vara 1,9 %, 2,0 är nog för tufft."),
        ("en", "Goal 3 should be 1.9%, 2.0 is too tough."),
    ],
)
def test_the_value_called_too_tough_is_the_one_replaced(language, text):
    changes = [c for c in read_message(text, language, TODAY).commands if c.action == "change_goal"]
    assert [(c.number, c.target) for c in changes] == [(3, 1.9)]


@pytest.mark.parametrize(
    ("language", "text", "orders"),
    [
        ("ru", "Удалите шаг 6. И шаг 1 тоже.", [("drop_initiative", 6), ("drop_initiative", 1)]),
        ("en", "Remove step 6. And step 1 too.", [("drop_initiative", 6), ("drop_initiative", 1)]),
        ("sv", "Ta bort mål 2. Och mål 3 också.", [("drop_goal", 2), ("drop_goal", 3)]),
        ("en", "Remove step 6. Step 1 is fine.", [("drop_initiative", 6)]),
    ],
)
def test_another_item_named_with_too_gets_the_same_order(language, text, orders):
    commands = read_message(text, language, TODAY).commands
    assert [(c.action, c.number) for c in commands] == orders


@pytest.mark.parametrize(
    ("language", "text", "orders"),
    [
        (
            "ru",
            "Перенесите шаг 8 в «Сейчас» и поставьте высокий приоритет.",
            [(8, "short", "high")],
        ),
        ("en", "Move step 8 to Now and give it high priority.", [(8, "short", "high")]),
        (
            "en",
            "Move step 2 to Now. Give step 5 high priority.",
            [(2, "short", None), (5, None, "high")],
        ),
    ],
)
def test_a_priority_said_with_a_move_is_for_the_same_step(language, text, orders):
    commands = read_message(text, language, TODAY).commands
    said = [(c.number, c.horizon, c.priority) for c in commands if c.action == "change_initiative"]
    assert said == orders
