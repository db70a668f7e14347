"""Fixes after the unscripted owners of 2026-12-06ak (a landscaper, a bike workshop, an
accounting firm, a kitchen workshop, a physiotherapy clinic): what the business lacks today is
no refusal; a figure before an arrow is where a goal starts; an ordinal day is no figure; a
period's first month is not its deadline; a price said per item, a head count's "year-round"
and an aside in brackets are not the aim's figures; a count aimed at without a noun counts
what was said just before; steps for a goal due soon start in time and a project's steps
carry dates counted back from its deadline."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.commands import plan_commands
from assistant.coaching.metric_names import named_metric
from assistant.coaching.service import CoachService
from assistant.coaching.words import initiatives_refused
from assistant.config import Settings
from assistant.extraction import extract_quantities
from assistant.understanding import read
from assistant.understanding.text import sentences

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round-ak")), today=lambda: TODAY)


def _commands(text: str, language: str):
    return plan_commands(read(text, language, TODAY), TODAY)


@pytest.mark.parametrize(
    ("said", "language", "refused"),
    [
        ("Idag 0%, vi har ju ingen onlinebokning alls.", "sv", []),
        ("We have no online booking at all, people ring us.", "en", []),
        ("Vi har ikke nettbutikk i dag.", "nb", []),
        ("У нас нет онлайн-записи, всё по телефону.", "ru", []),
        ("Ingen onlinebokning tack, vi vill prata med kunderna.", "sv", ["online_booking"]),
        ("No online booking please, we like the phone.", "en", ["online_booking"]),
    ],
)
def test_what_the_business_lacks_today_is_no_refusal(said, language, refused):
    assert initiatives_refused(said, language) == refused


def test_the_figure_before_an_arrow_is_where_the_goal_starts_not_the_new_value():
    text = "Nu blev det fel igen. Vintermålet är 40 → 100 servicejobb per månad, inte 28!"
    targets = [c.target for c in _commands(text, "sv") if c.target is not None]
    assert targets == [100.0]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("slutdatum 29 feb 2028 (eller 28:e, vad det nu blir)", "sv"),
        ("к 28-му числу", "ru"),
        ("den 1:a i månaden", "sv"),
    ],
)
def test_a_day_said_with_its_ordinal_ending_is_no_figure(text, language):
    assert [q.value for q in extract_quantities(text, language) if q.value in (28, 1)] == []


def test_a_figure_written_with_a_case_ending_still_counts():
    assert [q.value for q in extract_quantities("до 3-х дней", "ru")] == [3.0]


def test_a_value_called_too_bold_is_the_old_one():
    (change,) = _commands("Hmm, ändra elcykelmålet till 150, 160 är nog för kaxigt.", "sv")
    assert change.target == 150


@pytest.mark.parametrize(
    ("text", "language", "deadline"),
    [
        ("Vintermålet vill jag nå redan nästa vinter alltså dec 2027 - feb 2028.", "sv", 2),
        ("Move the winter goal to Dec 2027 - Feb 2028.", "en", 2),
    ],
)
def test_a_period_ends_on_its_last_month(text, language, deadline):
    changes = [c for c in _commands(text, language) if c.deadline is not None]
    assert [c.deadline.month for c in changes] == [deadline]


def test_a_dash_between_a_figure_and_a_month_does_not_end_a_sentence():
    assert len(sentences("Vi vill nå det dec 2027 - feb 2028.")) == 1
    assert len(sentences("Goals:\n- more reviews\n- fewer no-shows")) == 3


@pytest.mark.parametrize(
    ("text", "language", "number", "target"),
    [
        (
            "Och mål 3 ska ha målvärdet 100, nu står det 40 → 40 vilket är meningslöst.",
            "sv",
            3,
            100,
        ),
        ("Goal 3 should have a target of 100, it says 40 now.", "en", 3, 100),
        ("Mål 2 skal ha målverdi 12.", "nb", 2, 12),
    ],
)
def test_a_goal_given_its_target_value_takes_it_not_what_the_plan_shows(
    text, language, number, target
):
    changes = [c for c in _commands(text, language) if c.action == "change_goal"]
    assert [(c.number, c.target) for c in changes] == [(number, target)]


def test_a_deadline_given_back_in_russian_moves_the_goal():
    (change,) = _commands("Верните срок цели 2 на 30 сентября 2027", "ru")
    assert (change.action, change.number, change.deadline) == (
        "change_goal",
        2,
        date(2027, 9, 30),
    )


@pytest.mark.parametrize(
    ("text", "language", "wanted"),
    [
        ("Ja, jag vill ha tillbaka onlinebokningen!", "sv", True),
        ("I want the online booking back in the plan.", "en", True),
        ("Vi vil ha nettbutikken tilbake.", "nb", True),
        ("We want lapsed customers back.", "en", False),
    ],
)
def test_wanting_a_step_back_adds_it_but_wanting_customers_back_does_not(text, language, wanted):
    adds = [c for c in _commands(text, language) if c.action == "add_initiative"]
    assert bool(adds) is wanted


def test_deleting_the_first_objective_removes_a_goal_not_a_step():
    actions = {c.action for c in _commands("Delete that first objective, it's junk.", "en")}
    assert actions == {"drop_goal"}


def test_a_goal_named_with_its_deadline_moves_that_deadline():
    (change,) = _commands("good. conversion deadline is 31 October 2027 not November 30.", "en")
    assert (change.action, change.deadline) == ("change_goal", date(2027, 10, 31))


GARDEN = (
    "Two big things. 1) we have 22 year-round maintenance contracts right now (fortnightly "
    "visits, about £95 a month each) and I want 45 by end of 2027 so winter isn't dead."
)


def test_a_price_per_item_and_a_bracketed_aside_are_not_the_aims_figures():
    (aim,) = read(GARDEN, "en", TODAY).objectives
    assert (aim.baseline.value, aim.target.value) == (22, 45)
    assert aim.baseline.currency is None and aim.kpi != "website_visits"


def test_a_year_round_count_of_contracts_is_no_head_count():
    found = [q.value for q in extract_quantities("we have 22 year-round contracts", "en")]
    assert found == [22.0]
    assert read("We are 14 in the season, 8 year-round.", "en", TODAY).profile


def test_the_aims_name_is_what_the_count_said_before_it_counts():
    (aim,) = read(GARDEN, "en", TODAY).objectives
    assert named_metric(aim.span.text, "en") == "year-round maintenance contracts"
    item = (
        "3. Vinterservice: dec-feb har vi kanske 40 servicejobb i månaden mot 250 i maj. "
        "Vill ha minst 100 i månaden vintertid."
    )
    assert named_metric(item, "sv") == "servicejobb i månaden"


BIKE_SHOP = (
    "Jag driver en cykelbutik med egen verkstad i Uppsala, vi är 5 anställda. Vi har en enkel "
    "hemsida på Wix. Ingen webbshop och ingen bokning, service bokas på telefon.\n"
    "1. Vill att hälften av bokningarna görs online till säsongen 2027, idag 0%.\n"
    "2. Vinterservice: dec-feb har vi kanske 40 servicejobb i månaden mot 250 i maj. Vill ha "
    "minst 100 i månaden vintertid, t.ex. med vinterservice-erbjudande."
)


def test_a_bike_workshops_plan_books_service_online_and_sells_no_delivery(service):
    plan = service.plan_from_brief(BIKE_SHOP, "sv")
    assert "servicejobb" in plan.goals[1].statement
    titles = " ".join(i.title for i in plan.roadmap).lower()
    assert "onlinebokning" in titles
    assert "leverans" not in titles and "hämta i butiken" not in titles


CAMP = (
    "Здравствуйте! У меня детский центр в Екатеринбурге, нас 12 человек. Записываются через "
    "WhatsApp, сайта нет, есть группа ВКонтакте (1500 подписчиков). Хочу к сентябрю следующего "
    "года выйти на 230 детей, сейчас 170. Запустить летний городской лагерь к июню. И чтобы "
    "родители могли сами записываться онлайн к концу 2027 года."
)


def test_a_camp_due_before_summer_starts_now_and_its_steps_are_dated(service):
    plan = service.plan_from_brief(CAMP, "ru")
    camp_goal = next(g for g in plan.goals if "лагерь" in g.statement)
    camp = next(i for i in plan.roadmap if camp_goal.id in i.goal_ids)
    assert camp.horizon == "short"
    if camp.title.startswith("Проект"):
        assert "Срок —" in camp.description and "2027" in camp.description
        assert camp.end >= f"{camp_goal.deadline.year}-Q{(camp_goal.deadline.month - 1) // 3 + 1}"
        assert "ВКонтакте" in camp.description  # a launch starts with the people who know you


def test_a_next_step_for_a_goal_due_within_the_year_ends_by_the_goals_quarter():
    from assistant.coaching.plan import Goal, Initiative
    from assistant.coaching.roadmap_lanes import stagger_next

    today = date(2026, 10, 15)
    due = Goal(id="g1", statement="Open the camp", deadline=date(2027, 5, 31))
    steps = [
        Initiative(id=f"i{n}", title=f"step {n}", horizon="medium", impact=5, feasibility=5)
        for n in range(1, 6)
    ] + [Initiative(id="i9", title="camp", horizon="medium", impact=1, feasibility=1)]
    steps[-1].goal_ids = ["g1"]
    stagger_next(steps, today, [due])
    camp = steps[-1]
    assert camp.start <= "2027-Q2" and camp.end == "2027-Q2"


BAKERY = (
    "Vi har et lite bakeri med kafé i gågata på Lillehammer, fem ansatte pluss meg. Vi har "
    "Instagram med 1 800 følgere og en Facebook-side, men ingen nettside. Jeg vil få opp "
    "kveldssalget med minst 20 %."
)


def test_a_growth_step_for_a_business_without_a_website_sends_no_one_to_a_page(service):
    plan = service.plan_from_brief(BAKERY, "nb")
    grow = next(i for i in plan.roadmap if "kveldssalget" in i.title)
    assert "nettsiden" not in grow.description and "egen side" not in grow.title
    assert "Google-profilen" in grow.description


def test_a_growth_step_that_needs_a_website_starts_no_earlier_than_the_website(service):
    plan = service.plan_from_brief(CAMP, "ru")
    grow = next(i for i in plan.roadmap if "«дети»" in i.title)
    site = next(i for i in plan.roadmap if "сайт" in i.title.lower() and i is not grow)
    lanes = ("short", "medium", "long")
    assert lanes.index(site.horizon) <= lanes.index(grow.horizon)


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Journalen ligger i Extensor, og timeboka også.", "nb", None),
        ("Fakturering og helfo-oppgjør går automatisk i Extensor.", "nb", None),
        ("Проекты делает дизайнер в Базис-Мебельщик, бэкапов нет.", "ru", None),
        ("Vi holder til i Tromsø, 6 ansatte.", "nb", "Tromsø"),
        ("Мы работаем в Новосибирске, 15 человек.", "ru", "Новосибирск"),
    ],
)
def test_a_system_things_are_kept_in_is_no_place(text, language, place):
    found = [p.value for p in read(text, language, TODAY).profile if p.field == "location"]
    assert found == ([place] if place else [])


CLINIC = (
    "Klinikken heter Ishavet Fysioterapi AS, fysioterapiklinikk i Tromsø, 6 ansatte. "
    "Timebestilling går nesten bare på telefon. Vi bruker Extensor som journalsystem og "
    "timebok. Tror Extensor har en modul for nettbooking og SMS-påminnelser men vi har ikke "
    "slått det på.\nTre ting: 1) nettbooking - i dag 0 %, vil at minst 40 % av timene "
    "bestilles på nett innen utgangen av 2027. 2) få ned no-show fra 12 % til under 5 % innen "
    "juni 2027, det koster oss mye, ca 900 kr per tom time."
)


def test_a_module_not_switched_on_is_not_had_and_a_price_per_slot_is_no_target(service):
    plan = service.plan_from_brief(CLINIC, "nb")
    no_show = next(g for g in plan.goals if g.baseline and g.baseline.value == 12)
    assert no_show.target.value == 5 and no_show.direction == "decrease"
    titles = " ".join(i.title for i in plan.roadmap).lower()
    assert "nettbooking" in titles and "påminnelser" in titles


def test_a_value_said_after_not_and_an_arrow_is_the_old_one():
    text = "Mål 2 skal være: grupper i uka 0 → 2, innen 2027-09-30. Ikke 2 → 8."
    changes = [c for c in _commands(text, "nb") if c.action == "change_goal"]
    assert [(c.baseline, c.target) for c in changes] == [(0, 2)]


def test_an_aside_dash_keeps_todays_share_with_its_aim():
    text = (
        "1) få kundene over på digital dokumentportal - i dag leverer kanskje 35 av 180 kunder "
        "bilag digitalt. Vil ha 140 av 180 digitale innen utgangen av 2027."
    )
    (aim,) = read(text, "nb", TODAY).objectives
    assert aim.baseline is not None and round(aim.baseline.value) == 19


@pytest.mark.parametrize(
    ("text", "language", "go_ahead"),
    [
        ("ja, jeg sa ja. kjør på.", "nb", True),
        ("Nei, ikke kjør på ennå.", "nb", False),
        ("Ja, endelig :) Lag SMART-mål. Men et spørsmål først: hva koster det?", "nb", True),
        ("Go ahead and add the webshop.", "en", False),
    ],
)
def test_a_go_ahead_said_anywhere_but_not_denied(text, language, go_ahead):
    from assistant.coaching.facts import read_message

    facts = read_message(text, language, TODAY)
    assert facts.go_ahead is go_ahead
    if not go_ahead:
        assert not (facts.approve and "ikke" in text)


@pytest.mark.parametrize(
    ("text", "language", "baseline", "target"),
    [
        (
            "Vi sender SMS dagen før, men likevel møter ikke 7 % opp. Målet er å halvere "
            "uteblivelsene.",
            "nb",
            7.0,
            3.5,
        ),
        (
            "Подготовка КП занимает 5–7 рабочих дней. Цели собственника: сократить срок "
            "подготовки КП до 2 дней к концу года.",
            "ru",
            6.0,
            2.0,
        ),
        (
            "No-shows are a real problem, I'd say 8 or 9 a week out of roughly 180 "
            "appointments. What I want: cut the no-shows at least in half this year.",
            "en",
            4.44,
            2.22,
        ),
    ],
)
def test_todays_value_said_in_other_words_is_the_goals_start(text, language, baseline, target):
    (aim,) = read(text, language, TODAY).objectives
    assert (aim.baseline.value, aim.target.value) == (baseline, target)


def test_an_objection_that_says_what_the_business_has_refuses_no_website():
    from assistant.coaching.refusals import refused_steps

    said = "No no, customers CAN book online - on our website booking engine and on Booking.com."
    assert refused_steps(said, "en") == []


def test_a_count_of_about_a_total_is_a_share_not_an_order_count():
    text = "Sist termin var det 23 av ca 140 mva-oppgaver som ble sendt for sent."
    (figure,) = read(text, "nb", TODAY).metrics
    assert (round(figure.amount.value), figure.amount.unit) == (16, "%")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Хочу 230 детей к сентябрю. Ещё думаю про сайт, но не знаю, нужен ли он вообще.", "ru"),
        ("We want 40 new clients by June. Not sure we even need an app though.", "en"),
        ("Vi vil ha 40 nye kunder innen juni. Vet ikke om vi trenger en app.", "nb"),
    ],
)
def test_a_thing_the_owner_is_unsure_they_need_is_no_goal(text, language):
    from assistant.coaching.facts import read_message

    goals = read_message(text, language, TODAY).goals
    assert len(goals) == 1 and goals[0].target is not None


@pytest.mark.parametrize(
    ("text", "language", "had"),
    [
        ("Хотим онлайн-запись, например YCLIENTS, и меньше неявок.", "ru", set()),
        ("А где подключение онлайн-записи YCLIENTS?", "ru", set()),
        ("we want online booking, e.g. Fresha", "en", set()),
        ("Мы уже работаем в YCLIENTS.", "ru", {"online_booking", "crm"}),  # its client base
    ],
)
def test_a_product_named_as_an_example_or_a_wish_is_not_had(text, language, had):
    from assistant.coaching.business import tools_said

    assert tools_said(text, language) == had


def test_a_bare_remove_in_a_numbered_list_points_at_its_own_item():
    text = (
        "Noen innvendinger. 1) Tiltak 1: tilbudene krever befaring. Jeg trenger heller en "
        "tilbudsmal. 2) Timeføring – kan det gjøres i appen? 3) Nyhetsbrev hjelper ikke på "
        "tilbudstid. Fjern det."
    )
    (drop,) = [c for c in _commands(text, "nb") if c.action == "drop_initiative"]
    assert drop.words.startswith("3) Nyhetsbrev") and drop.number is None


def test_putting_a_step_first_in_russian_is_an_order_to_move_it():
    text = "Первым шагом поставьте онлайн-запись, напоминания вторым"
    actions = [(c.action, c.first) for c in _commands(text, "ru")]
    assert actions == [("change_initiative", True)]


def test_a_share_of_nothing_booked_online_is_no_online_booking():
    from assistant.coaching.business import tools_said

    said = "idag 0 % av lektionerna bokas på nätet, vill att 60 % bokas och betalas online"
    assert tools_said(said, "sv") == set()
    assert tools_said("ungefär 30 % av lektionerna bokas på nätet", "sv") == {"online_booking"}


def test_a_goal_restated_from_a_lower_to_a_higher_figure_goes_up():
    from assistant.coaching.edits import GoalEdit, change_goal
    from assistant.coaching.plan import Baseline, Goal, StrategyPlan, Target

    goal = Goal(
        id="g1",
        statement="Reduce midweek and winter weddings from 62 to 20 by 2027-12-31",
        metric="midweek and winter weddings",
        baseline=Baseline(value=62, unit="units", status="measured"),
        target=Target(value=20, unit="units"),
        direction="decrease",
        deadline=date(2027, 12, 31),
    )
    plan = StrategyPlan(language="en", goals=[goal])
    change_goal(plan, goal, GoalEdit(baseline=9, target=20), TODAY)
    assert goal.direction == "increase" and goal.statement.startswith("Increase")
    change_goal(plan, goal, GoalEdit(target=30), TODAY)
    assert goal.direction == "increase"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("customers can book online through Pitchup.com (marketplace, 15% commission)", "en"),
        ("Booking.com tar 18 % provisjon på hver booking.", "nb"),
    ],
)
def test_a_commission_is_no_share_of_bookings(text, language):
    assert all(m.kpi == "other" for m in read(text, language, TODAY).metrics)
