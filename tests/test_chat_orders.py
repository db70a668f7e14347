"""Orders said the way owners say them: two orders in one sentence, a lane named by its
word, a correction that approves the rest, a goal added with today's value in the next
clause, a file asked for in chat; and numbers that are no year ("til 2000 kunder")."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.commands import plan_commands
from assistant.coaching.facts import read_message
from assistant.understanding import read
from assistant.understanding.quantities import read_amounts

TODAY = date(2026, 12, 3)


def _orders(text: str, language: str) -> list[tuple[str, str | None]]:
    found = plan_commands(read(text, language, TODAY), TODAY)
    return [(c.action, c.horizon) for c in found]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Drop the TikTok one. Move the Google Ads to Later, and put intake forms first in Now.",
            [
                ("drop_initiative", None),
                ("change_initiative", "long"),
                ("change_initiative", "short"),
            ],
        ),
        (
            "nb",
            "ta ut nettbutikken. og flytt initiativ 4 til Senere",
            [("drop_initiative", None), ("change_initiative", "long")],
        ),
        (
            "sv",
            "ta bort webbshopen. och flytta sms-utskicken till Nu",
            [("drop_initiative", None), ("change_initiative", "short")],
        ),
        (
            "ru",
            "убери озон. и перенеси чат-бот в «Позже»",
            [("drop_initiative", None), ("change_initiative", "long")],
        ),
    ],
)
def test_two_orders_in_one_message_are_both_read_with_their_lanes(language, text, expected):
    assert _orders(text, language) == expected


def test_a_number_in_the_next_order_is_not_taken_by_the_first():
    first, second = plan_commands(
        read("ta ut nettbutikken. og flytt initiativ 4 til Senere", "nb", TODAY), TODAY
    )
    assert first.number is None and second.number == 4


def test_a_reason_after_a_new_target_does_not_move_the_deadline():
    order = plan_commands(
        read("mål 2: höj målet till 8000, vi kör en kampanj i vår.", "sv", TODAY), TODAY
    )[0]
    assert (order.number, order.target, order.deadline) == (2, 8000, None)


@pytest.mark.parametrize(
    ("language", "text", "target"),
    [
        ("nb", "Mål 3: endre målet til 250, 260 er litt optimistisk", 250),
        ("en", "make goal 1 target 280k, 300 is a stretch", 280_000),
    ],
)
def test_a_value_called_optimistic_is_the_old_one(language, text, target):
    order = plan_commands(read(text, language, TODAY), TODAY)[0]
    assert order.target == target


@pytest.mark.parametrize(
    ("language", "text", "approves"),
    [
        ("sv", "nästan rätt, men omsättningen var 12 mkr, inte 11. annars stämmer det", True),
        ("en", "Mostly right, but we're 6 staff, not 7.", True),
        ("nb", "omsetningen var 27 mill, ikke 24", False),
    ],
)
def test_a_correction_that_approves_the_rest(language, text, approves):
    facts = read_message(text, language, TODAY)
    assert facts.intent == "correction" and facts.approve is approves


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("sv", "från 1500 till 2000 kunder", [1500, 2000]),
        ("nb", "fra 1500 til 2000 kunder innen 2027", [1500, 2000]),
        ("ru", "с 1500 до 2000 клиентов", [1500, 2000]),
        ("sv", "höj målet till 8000", [8000]),
        ("nb", "innen 2027", []),
    ],
)
def test_a_count_after_til_is_no_year(language, text, expected):
    assert [a.amount.value for a in read_amounts(text, language)] == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "automate reminders so calls take half an hour a day instead of 3 hours"),
        ("nb", "automatisere påminnelser så ringingen tar en halvtime om dagen, ikke 3 timer"),
        ("ru", "перевести напоминания на автомат, чтобы обзвон был не 3 часа в день, а полчаса"),
    ],
)
def test_not_this_but_that_is_one_goal_from_today_to_the_target(language, text):
    goals = read_message(f"{text}, within six months", language, TODAY).goals
    assert len(goals) == 1
    assert (goals[0].baseline.value, goals[0].target.value) == (3, 0.5)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "move initiative 3 to Later"),
        ("nb", "flytt tiltak 3 til Senere"),
        ("sv", "flytta initiativ 3 till Senare"),
        ("ru", "перенесите инициативу 3 на потом"),
    ],
)
def test_moving_an_initiative_by_number_is_one_order_with_its_lane(language, text):
    orders = plan_commands(read(text, language, TODAY), TODAY)
    assert [(o.action, o.number, o.horizon) for o in orders] == [("change_initiative", 3, "long")]


@pytest.mark.parametrize(
    ("language", "text", "currency"),
    [
        ("ru", "добавьте цель: выручка от заказов с 300 000 руб до 1 000 000 руб", "RUB"),
        ("nb", "legg til et mål: omsetning fra bedrifter fra 200 000 kr til 500 000 kr", "NOK"),
    ],
)
def test_money_in_an_order_keeps_its_currency(language, text, currency):
    """ "с 300 000 money до 1 000 000 money": an order's sum is shown in its currency."""
    [command] = plan_commands(read(text, language, TODAY), TODAY)
    assert command.unit == currency


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "flytt tiltak 3 til Deretter"),
        ("sv", "flytta initiativ 3 till Sedan"),
        ("ru", "перенесите пункт 3 в «Дальше»"),
        ("nb", "flytt tiltak 3 til Neste"),
        ("sv", "flytta initiativ 3 till Nästa"),
        ("ru", "перенесите пункт 3 в «Далее»"),
    ],
)
def test_the_lane_named_as_the_chat_heads_it_is_understood(language, text):
    """The roadmap heads its middle lane "Neste", "Nästa", "Далее" (in chat and in the
    documents alike), and owners also say "Deretter", "Sedan", "Дальше": either word moves
    the initiative there."""
    assert _orders(text, language) == [("change_initiative", "medium")]


@pytest.mark.parametrize(
    "text",
    ["цель 2 про отзывы уберите, это не главное", "цель 4 удали, она лишняя"],
)
def test_a_russian_goal_named_before_the_verb_is_dropped(text):
    """Russian puts the object first ("цель 2 … уберите"): a goal removal, not an
    initiative named «цель»."""
    orders = plan_commands(read(text, "ru", TODAY), TODAY)
    assert [(o.action, o.number) for o in orders] == [("drop_goal", int(text.split()[1]))]


def test_a_new_target_comes_from_the_orders_own_sentence_not_a_later_question():
    text = (
        "Mål 1: sett målet til 50 %, det er greit. Mål 2 er feil formulert, fra 70 % til "
        "80 %. Og hvorfor akkurat 56,08 %?"
    )
    first = plan_commands(read(text, "nb", TODAY), TODAY)[0]
    assert (first.action, first.number, first.target) == ("change_goal", 1, 50.0)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Can you show me the full plan please?"),
        ("nb", "Kan du vise meg hele planen?"),
        ("sv", "Visa hela planen, tack."),
        ("ru", "Покажите весь план, пожалуйста."),
        ("en", "Show me the summary again please"),
        ("nb", "Vis meg oppsummeringen igjen."),
        ("sv", "Visa sammanfattningen igen"),
        ("ru", "Покажите сводку ещё раз"),
    ],
)
def test_asking_to_see_the_whole_plan_or_summary_is_an_order_not_a_question(language, text):
    assert [action for action, _ in _orders(text, language)] == ["show"]
