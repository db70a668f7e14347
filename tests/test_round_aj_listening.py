"""Listening fixes after the unscripted owners of 2026-12-06aj (a swimming school in the web
app, a dental lab, an outdoor webshop): a trade denied or rented from is not the trade; a
trade the owner says is theirs replaces a held one they deny; "нельзя" is a no; remakes are
returns, not repeat buyers; "goal 4 … remove it" removes the goal, not step 4; a step added
after naming the step kind is a step, not a goal; "the second goal is X, not Y" renames it."""

from __future__ import annotations

from datetime import date

import pytest
from plan_helpers import drafted_goals

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.commands import plan_commands
from assistant.coaching.facts import read_message
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding import profile, read

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(
        Settings(data_dir=seeded_data_dir("round-aj-listening")), today=lambda: TODAY
    )


@pytest.mark.parametrize(
    ("said", "language", "trade"),
    [
        ("У нас три детские школы плавания в Самаре.", "ru", "школа плавания"),
        ("Учим детей плавать, бассейны арендуем у фитнес-клубов. Выручка 9 млн.", "ru", None),
        ("Стоп, мы не автосервис! Мы студия детейлинга, 5 человек.", "ru", "студия детейлинга"),
        ("We're not a gym, we run a climbing centre with 8 staff.", "en", "climbing centre"),
        (
            "Интернет-магазин нам не нужен. У нас зуботехническая лаборатория.",
            "ru",
            "зуботехническая лаборатория",
        ),
    ],
)
def test_a_trade_denied_or_rented_from_is_not_the_trade(said, language, trade):
    found = profile.industry(said, language)
    assert (found.value if found else None) == trade


def test_a_trade_denied_while_held_is_replaced_by_the_one_said(service):
    service.send("trade", "Привет! Мы арендуем залы у фитнес-клубов, выручка 9 млн руб в год.")
    held = service.session("trade").plan.profile.industry
    assert held is None or "фитнес" not in held
    service.send("trade2", "Привет! У нас фитнес-клуб в Самаре, 6 человек.")
    reply = service.send("trade2", "Стоп, мы не фитнес-клуб! Мы школа танцев для детей.").reply
    assert service.session("trade2").plan.profile.industry.startswith("школа танцев")
    assert "школа танцев" in reply


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("Записаться онлайн нельзя — родители пишут администратору в WhatsApp.", "no"),
        ("У нас 12 техников и два администратора.", None),
    ],
)
def test_cannot_is_a_no_and_technicians_are_no_digital_skills(said, answer):
    answers = load_maturity_questions().find_answers(said, "ru")
    if answer is None:
        assert "h_skills" not in answers
    else:
        assert answers.get("r_webshop") == answer


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("Сейчас примерно 9% работ возвращаются на переделку.", "ru"),
        ("About 6% of crowns come back for a redo.", "en"),
    ],
)
def test_remakes_are_returns_not_repeat_buyers(said, language):
    facts = read_message(said, language, TODAY)
    assert [f.kpi_id for f in facts.figures] == ["complaint_rate"]


def _orders(said: str, language: str) -> list[tuple[str, int | None]]:
    return [(c.action, c.number) for c in plan_commands(read(said, language, TODAY), TODAY)]


@pytest.mark.parametrize(
    ("said", "language", "order"),
    [
        ("Jag bad inte om något nytt mål 4, ta bort det.", "sv", ("drop_goal", 4)),
        ("No, it was goal 4 I wanted you to remove, not step 4.", "en", ("drop_goal", 4)),
        ("Det var mål 3 jeg ville fjerne, ikke tiltak 3.", "nb", ("drop_goal", 3)),
        ("The second goal is missed boosters, not churn.", "en", ("rename_goal", 2)),
        ("Hang on - goal 2 isn't churn, it's the % of pets overdue.", "en", ("rename_goal", 2)),
        ("Goal 2 isn't 30%, it's 40%.", "en", ("change_goal", 2)),
        (
            "Remove 'customer health scores' - I never asked for it.",
            "en",
            ("drop_initiative", None),
        ),
        ("Service pages go in Later.", "en", ("change_initiative", None)),
        ("And put the service pages in Later.", "en", ("change_initiative", None)),
        ("The KPI for goal 2 should be 'pets overdue for boosters'.", "en", ("rename_goal", 2)),
        ("Цель 2 — это не оплаченные занятия, а доля пропущенных.", "ru", ("rename_goal", 2)),
        (
            "И вторая цель — это доля пропущенных занятий, а не оплаченных.",
            "ru",
            ("rename_goal", 2),
        ),
        (
            "Du missade annonsinitiativet: lägg till ”Sänk annonskostnaden med GA4”.",
            "sv",
            ("add_initiative", None),
        ),
    ],
)
def test_the_order_said_is_the_order_carried_out(said, language, order):
    assert _orders(said, language)[:1] == [order]


@pytest.mark.parametrize(
    ("said", "language", "orders", "name"),
    [
        (
            "Bytt ut tiltak 3 med: egen konferanseside med pakkepriser.",
            "nb",
            [("drop_initiative", 3), ("add_initiative", None)],
            "egen konferanseside med pakkepriser",
        ),
        (
            'Replace step 2 with: "Booster reminders by text".',
            "en",
            [("drop_initiative", 2), ("add_initiative", None)],
            "Booster reminders by text",
        ),
        (
            "Nytt tiltak, mitt eget: «Konferansepakker for bedrifter». Legg det i Nå.",
            "nb",
            [("add_initiative", None)],
            "Konferansepakker for bedrifter",
        ),
        (
            "Legg til et tiltak i Nå: konferanseside med pakkepriser, for mål 2.",
            "nb",
            [("add_initiative", None)],
            "konferanseside med pakkepriser",
        ),
    ],
)
def test_a_step_the_owner_writes_is_added_under_their_name(said, language, orders, name):
    commands = plan_commands(read(said, language, TODAY), TODAY)
    assert [(c.action, c.number) for c in commands] == orders
    assert commands[-1].name == name


def test_a_goal_renamed_by_its_place_in_words_takes_the_new_name():
    said = "И вторая цель — это доля пропущенных занятий, а не оплаченных, подпишите нормально."
    [command] = plan_commands(read(said, "ru", TODAY), TODAY)
    assert command.name == "доля пропущенных занятий"


def test_a_list_of_the_goals_answers_no_maturity_question():
    said = "Цель 4 удалите. Целей три: онлайн-запись, прогулы, третья площадка."
    assert read_message(said, "ru", TODAY).maturity == {}


def test_a_goal_list_after_a_wish_label_keeps_a_target_said_with_it():
    said = (
        "Det vi vil: i dag kommer 4% av salget fra nett, jeg vil opp til 12%. Pluss at svinn "
        "er altfor høyt, ca 10%, vil ha det ned til 6%"
    )
    goals = drafted_goals(said, "nb", TODAY)
    waste = [g for g in goals if g.baseline and g.baseline.value == 10]
    assert waste and waste[0].target is not None and waste[0].target.value == 6


def test_ok_da_opens_a_sentence_and_names_no_company():
    said = "Ok da gjør vi det sånn: endre navnet på tiltak 1 til «Egen bookingmotor»."
    assert profile.business_name(said, "nb") is None
    assert (
        profile.business_name("Jeg driver Hansen Bygg DA i Bodø.", "nb").value == "Hansen Bygg DA"
    )


@pytest.mark.parametrize(
    ("said", "language", "day"),
    [
        ("Mål 3 oktober 2027 er greit.", "nb", date(2027, 10, 31)),
        ("Goal 2 March 2027 is fine.", "en", date(2027, 3, 31)),
        ("Innen 3. oktober 2027.", "nb", date(2027, 10, 3)),
    ],
)
def test_a_goal_number_before_a_month_is_no_day(said, language, day):
    from assistant.extraction.dates import extract_deadline

    assert extract_deadline(said, language, TODAY).date == day


def test_losing_revenue_is_no_churn_but_losing_members_is():
    late = "About 28% of pets due a booster are over 3 months late, we lose the revenue."
    assert [f.kpi_id for f in read_message(late, "en", TODAY).figures] != ["churn_rate"]
    churn = "We lose about 6% of members a month."
    assert [f.kpi_id for f in read_message(churn, "en", TODAY).figures] == ["churn_rate"]


def test_a_dated_item_of_a_numbered_list_of_aims_is_an_aim_of_its_own():
    said = (
        "Главное две вещи. 1) Прогулы: сейчас дети пропускают 18% занятий, хочу снизить до 8% "
        "к сентябрю 2027. 2) Третья площадка через два года, т.е. к декабрю 2028. Сейчас у нас "
        "занимается около 320 детей."
    )
    goals = drafted_goals(said, "ru", TODAY)
    assert len(goals) == 2, [g.statement for g in goals]
    assert goals[1].statement.startswith("Сделать к 2028-12-31: Третья площадка ("), goals[1]


@pytest.mark.parametrize(
    ("asked", "language"),
    [
        ("И поправили ли вы отрасль?", "ru"),
        ("Что вы там оставили в стороне?", "ru"),
        ("What did you leave out?", "en"),
        ("Har du rettet bransjen?", "nb"),
    ],
)
def test_a_question_about_what_the_coach_did_is_answered_with_what_it_holds(
    service, asked, language
):
    session = f"asked-{language}-{len(asked)}"
    service.send(session, "Hi! We are Blue Fin Swim School in Leeds, 11 staff.")
    reply = service.send(session, asked).reply
    assert "Blue Fin" in reply, reply


def test_a_currency_named_in_a_step_leaves_the_revenue_currency(service):
    session = "currency-step"
    service.send(
        session, "Hej! Vi är Fjällspår AB i Östersund, 4 anställda, omsättning 9,5 miljoner kronor."
    )
    held = service.session(session).plan.profile.annual_revenue
    service.send(
        session,
        'Lägg till ett initiativ: "Norsk version av webbshoppen: NOK-priser och Vipps" i Nu.',
    )
    assert service.session(session).plan.profile.annual_revenue == held
