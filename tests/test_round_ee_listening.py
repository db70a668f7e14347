"""Owner round 08ee: what owners who had not read the code tripped on, as behaviour."""

from __future__ import annotations

from datetime import date

import pytest
from chat_helpers import talk

from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 7)
GROOMER = [
    "Hi, I run Paws & Bubbles, a dog grooming salon in Leeds, 4 staff, about £180k turnover.",
    "We take about 160 bookings a month, mostly by phone. Facebook page yes.",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_ee")), today=lambda: TODAY)


def test_asking_whether_a_fact_was_fixed_is_answered_and_keeps_the_interview_in_place(service):
    talk(service, "ee-asked", GROOMER)
    asked_before = service.session("ee-asked").last_question
    reply = talk(service, "ee-asked", ["Did you change the bookings back to 160?"])
    assert "160" in reply and "no goals" not in reply.lower()
    assert service.session("ee-asked").last_question == asked_before  # nothing skipped


@pytest.mark.parametrize(
    ("said", "trade"),
    [
        ("Я совладелица фитнес-клуба «Импульс» в Самаре, 14 сотрудников.", "фитнес-клуб"),
        ("Я владелец ландшафтной компании «Зелёный квартал», Краснодар.", "ландшафтная компания"),
        ("Руковожу школой танцев «Ритм» в Казани, 6 преподавателей.", "школа танцев"),
    ],
)
def test_a_russian_trade_is_named_in_the_nominative(said, trade):
    from assistant.coaching.facts import read_message

    assert read_message(said, "ru", TODAY).industry == trade


@pytest.mark.parametrize(
    ("language", "brief", "metric"),
    [
        (
            "ru",
            "Мы ландшафтная компания в Краснодаре, 9 сотрудников. Хотим поднять выручку с 38 "
            "до 45 млн рублей к концу 2027.",
            "выручка",
        ),
        (
            "ru",
            "Мы ландшафтная компания в Краснодаре, 9 сотрудников. Хотим увеличить число "
            "договоров на обслуживание с 40 до 70 к концу 2027 года.",
            "договоры на обслуживание",
        ),
    ],
)
def test_a_goal_names_what_it_counts_never_the_currency(service, language, brief, metric):
    goal = service.plan_from_brief(brief, language).goals[0]
    assert goal.metric.lower() == metric
    assert "рубл" not in goal.statement


@pytest.mark.parametrize(
    ("language", "name", "last_word"),
    [
        (
            "en",
            "PAR-Q and consent forms sent by email so new members can fill them in online "
            "before their first session with a coach",
            "online",
        ),
        (
            "ru",
            "Анкета для новых клиентов в Telegram-боте и короткий опрос тех, кто ушёл за "
            "последние полгода, чтобы понять причины",
            "опрос",
        ),
    ],
)
def test_a_long_step_name_is_never_cut_on_a_word_that_leads_on(language, name, last_word):
    from assistant.coaching.chat_steps import short_title

    title = short_title(name, language)
    assert len(title) < len(name)
    assert title.rstrip(" …").split()[-1] == last_word


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Karen's got a spreadsheet of old jobs going back to 2015, maybe 1,400 names."),
        ("sv", "Hur vi jobbar idag: bokningar och kölista (ca 35 familjer i kö!) i en pärm."),
    ],
)
def test_a_figure_counting_a_thing_of_its_own_is_no_metric(language, said):
    from assistant.understanding.reader import read

    assert read(said, language, TODAY).metrics == []


def test_a_figure_with_a_metric_word_is_still_read():
    from assistant.understanding.reader import read

    metrics = read("Vi har typ 12 recensioner idag och 45 nya kunder i månaden.", "sv", TODAY)
    assert {m.kpi for m in metrics.metrics} >= {"review_count"}


def test_a_day_and_month_with_dots_is_a_date_not_an_amount():
    from assistant.extraction import extract_deadlines
    from assistant.understanding.quantities import read_amounts

    said = "Fristen står fortsatt 30.11. Snittkarakter 4.10, 15.05 %."
    assert [f.amount.value for f in read_amounts(said, "nb")] == [4.1, 15.05]
    assert extract_deadlines("до 01.03, пожалуйста", "ru", TODAY)[0].date == date(2027, 3, 1)


FARM = [
    "Hei! Jeg driver Haugen Gård, en gårdsbutikk med egne produkter i Valdres, 4 ansatte, "
    "omsetning rundt 2,3 mill.",
    "Vi har Facebook og en enkel nettside. Ingen nettbutikk. Regnskap i Tripletex. "
    "Analyse nei. Mål ikke skrevet ned. Ferdigheter delvis. Backup ja. Papirløst delvis.",
    "Mål: selge 120 lammekasser innen 30.11.2027, vi solgte 45 i år. Og butikkomsetning "
    "fra 2,3 til 3 mill innen utgangen av 2027.",
]


def test_an_order_pointing_at_the_goal_named_before_it_changes_that_goal(service):
    talk(service, "ee-farm", FARM, "nb")
    for _ in range(4):
        if service.session("ee-farm").plan.goals:
            break
        talk(service, "ee-farm", ["ja"], "nb")
    talk(
        service,
        "ee-farm",
        ["Fristen på lammekasse-målet står fortsatt 30.11. Sett den til 15.10.2027."],
        "nb",
    )
    lamb = next(g for g in service.session("ee-farm").plan.goals if "lammekass" in g.statement)
    assert lamb.deadline == date(2027, 10, 15)
    assert lamb.target.value == 120  # the date said as it stands is no new target


@pytest.mark.parametrize(
    ("language", "said", "name", "trade", "markets"),
    [
        (
            "en",
            "hiya, Siobhan from Black Anchor Tattoo in Cork (city centre). 5 of us.",
            "Black Anchor Tattoo",
            None,
            ["Cork"],
        ),
        (
            "ru",
            "Добрый день. Артём, компания «ЮгАвтоПрокат», Сочи, прокат автомобилей. Сотрудников 9.",
            "ЮгАвтоПрокат",
            "прокат автомобилей",
            None,
        ),
        ("sv", "Jag driver en festlokal utanför Knivsta.", None, "festlokal", ["Knivsta"]),
        (
            "en",
            "Hi, I'm Gary, Hughes & Sons Roofing in Harrogate, 7 staff, about £780k turnover.",
            "Hughes & Sons Roofing",
            None,
            ["Harrogate"],
        ),
    ],
)
def test_a_trade_new_to_the_coach_and_a_name_said_after_the_owner_are_read(
    language, said, name, trade, markets
):
    from assistant.coaching.facts import read_message

    facts = read_message(said, language, TODAY)
    assert facts.business_name == name
    assert trade is None or facts.industry == trade
    assert markets is None or facts.markets == markets


def test_a_team_listed_role_first_is_counted_whole():
    from assistant.understanding.team import team_size

    found = team_size("Педагогов 9 (большинство по ГПХ), плюс 2 администратора и я.", "ru")
    assert found is not None and found[0] == 12


TATTOO = [
    "Hi, I run Black Anchor Tattoo in Cork, 6 staff, turnover about 410k euro.",
    "Instagram yes, website yes on Squarespace, no online booking, no CRM, no analytics, "
    "goals not written down, skills partly, backups no, paperless no.",
    "Goals: online sales from 0 to 1,500 euro by end of 2027. No-shows from 10% to 5% by "
    "end of 2027.",
]


def test_a_goal_said_with_its_own_figure_per_month_is_counted_per_month(service):
    talk(service, "ee-month", TATTOO)
    for _ in range(4):
        if service.session("ee-month").plan.goals:
            break
        talk(service, "ee-month", ["yes"])
    goals = service.session("ee-month").plan.goals
    number = next(n for n, g in enumerate(goals, 1) if "online sales" in g.statement.lower())
    talk(service, "ee-month", [f"Goal {number} is 1,500 a MONTH not total, please fix."])
    goal = service.session("ee-month").plan.goals[number - 1]
    assert goal.period == "month" and goal.target.value == 1500


ROOFER = [
    "Hi, I'm Gary, Hughes & Sons Roofing in Harrogate, 7 staff, about £780k turnover.",
    "Website yes, built by my nephew. No online booking. Facebook page. No CRM, Xero for "
    "invoices. No analytics. Goals not written down. Skills mostly no. Backups no idea. "
    "Paperless no.",
    "Goals: win more of what we quote, from a third to 45% by end of 2027. And get the winter "
    "less dead - Dec-Feb revenue is about 40k a month, I want 55k a month by March 2028.",
    "About 200 visits a month.",
    "that's all",
]


def test_a_summary_fixed_in_one_message_takes_every_fix(service):
    talk(service, "ee-roof", ROOFER)
    assert service.session("ee-roof").stage == "playback"
    talk(
        service,
        "ee-roof",
        [
            "Website visits about 250 a month. The winter one should be done by end of Feb 2028 "
            "not March. And online booking isn't a gap for a roofer, forget that one."
        ],
    )
    state = service.session("ee-roof")
    assert state.plan.current_state.marketing.monthly_visits == 250
    assert "r_webshop" in state.dismissed_gaps
    winter = next(c for c in state.candidates if "winter" in c.text)
    assert winter.deadline == date(2028, 2, 29)
    assert winter.target.unit not in (None, "count")  # "55k a month" of revenue: money


def test_a_step_said_to_also_serve_a_goal_keeps_the_goal_it_served(service):
    from chat_helpers import at_roadmap

    at_roadmap(service, "ee-also", TATTOO, "en")
    plan = service.session("ee-also").plan
    number, step = next((n, i) for n, i in enumerate(plan.roadmap, 1) if i.goal_ids)
    served = step.goal_ids[0]
    other = next(n for n, g in enumerate(plan.goals, 1) if g.id != served)
    talk(service, "ee-also", [f"Step {number} should also serve goal {other}."])
    linked = service.session("ee-also").plan.roadmap[number - 1].goal_ids
    assert served in linked and plan.goals[other - 1].id in linked


@pytest.mark.parametrize(
    ("language", "said", "trade"),
    [
        ("sv", '"Vad ni gör: bara"?? Vi är ett HUNDDAGIS.', "hunddagis"),
        ("sv", "Vi säljer bara i Örebro.", None),
        ("en", "We're a tattoo studio, not a barber.", "tattoo studio"),
    ],
)
def test_the_trade_said_plainly_is_heard_and_only_is_no_trade(language, said, trade):
    from assistant.coaching.facts import read_message

    assert read_message(said, language, TODAY, goals=3).industry == trade


def test_a_step_put_first_is_first_in_the_whole_plan(service):
    from chat_helpers import at_roadmap

    from assistant.coaching.render import roadmap_order

    at_roadmap(service, "ee-first", TATTOO, "en")
    shown = roadmap_order(service.session("ee-first").plan)
    number, later = next((n, i) for n, i in enumerate(shown, 1) if i.horizon != "short")
    talk(service, "ee-first", [f"Put step {number} first."])
    now = roadmap_order(service.session("ee-first").plan)
    assert now[0].id == later.id and now[0].horizon == "short"


@pytest.mark.parametrize(
    ("language", "question", "says"),
    [
        ("en", "what's the 'maturity check' in Dec 2027, must I pay for it?", "costs nothing"),
        ("ru", "А что такое «метрики тщеславия» в шаге 5?", "лайки"),
        ("ru", "Так Метрика — это веб-аналитика или нет?", "Яндекс Метрика — это и есть"),
    ],
)
def test_the_coachs_own_terms_are_explained(language, question, says):
    from assistant.coaching.definitions import definition

    assert says in (definition(question, language) or "")


@pytest.mark.parametrize(
    ("language", "brief"),
    [
        (
            "en",
            "We run a car hire company in Inverness, 9 staff, 38 cars. Bookings come from our "
            "website form, aggregators and phone, and we keep them in an Excel sheet. Double "
            "bookings happen 3-4 times a month; we want zero by June 2027.",
        ),
        (
            "ru",
            "Мы прокат автомобилей в Сочи, 9 сотрудников, 38 машин. Брони приходят с сайта, "
            "агрегаторов и по телефону, всё сводим в эксель. Двойные брони бывают 3-4 раза в "
            "месяц, хотим свести к нулю к июню 2027.",
        ),
    ],
)
def test_double_bookings_down_to_zero_is_one_goal_served_by_one_calendar(service, language, brief):
    plan = service.plan_from_brief(brief, language)
    assert len(plan.goals) == 1
    goal = plan.goals[0]
    assert goal.direction == "decrease" and goal.target.value == 0 and goal.baseline.value == 3.5
    assert goal.deadline == date(2027, 6, 30)
    serving = [i for i in plan.roadmap if goal.id in i.goal_ids]
    assert any("calendar" in i.title.lower() or "календар" in i.title for i in serving)


def test_a_relative_aim_on_revenue_is_measured_as_revenue(service):
    plan = service.plan_from_brief(
        "Vi har en sportsbutikk i Lillehammer med 12 ansatte. Vi vil øke omsetningen med 25 % "
        "neste år.",
        "nb",
    )
    goal = plan.goals[0]
    assert goal.change_percent == 25 and [k.name for k in goal.kpis] == ["Omsetning"]


def test_a_clause_that_only_dates_the_aim_before_it_dates_that_aim():
    from assistant.understanding.reader import read

    said = (
        "What I want:\n- retail sales up 15% - we do about £18k a month in retail now, want "
        "that by Dec 2027\n- Want 100 Google reviews by September 2027"
    )
    objectives = read(said, "en", TODAY).objectives
    assert len(objectives) == 2
    assert objectives[0].deadline.date == date(2027, 12, 31)


def test_a_figure_said_as_an_average_of_each_is_no_count_of_orders():
    from assistant.understanding.reader import read

    said = "Vi ser på solgte biler, bruttofortjeneste per bil (ca 28 000 i snitt) og liggetid."
    assert read(said, "nb", TODAY).metrics == []
    rated = read("Google 4,7 i snitt på 320 anmeldelser.", "nb", TODAY).metrics
    found = {(m.kpi, m.amount.value) for m in rated}
    assert found == {("review_rating", 4.7), ("review_count", 320)}


@pytest.mark.parametrize(
    ("language", "brief", "statement"),
    [
        (
            "en",
            "We run a B&B with a cafe, 4 staff. Cafe revenue should grow from 60,000 to 210,000 "
            "pounds by end of 2027.",
            "Increase cafe revenue from 60 000 GBP to 210 000 GBP by 2027-12-31",
        ),
        (
            "sv",
            "Vi driver ett B&B med kafé på västkusten, 4 anställda. Kaféets omsättning ska öka "
            "från 60 000 kr till 210 000 kr till slutet av 2027.",
            "Öka kaféets omsättning från 60 000 SEK till 210 000 SEK senast 2027-12-31",
        ),
    ],
)
def test_an_aim_named_before_its_verb_of_change_is_named_so(service, language, brief, statement):
    assert service.plan_from_brief(brief, language).goals[0].statement == statement


def test_figures_stated_in_a_list_item_are_today_for_the_wish_that_follows():
    from assistant.understanding.reader import read

    said = (
        "What I want:\n- Pharmacy First consultations from 60 a month to 150 by June 2027\n"
        "- Google reviews: we've got 23 reviews, 4.4 stars. Want 100 reviews by September 2027"
    )
    objectives = read(said, "en", TODAY).objectives
    assert len(objectives) == 2
    reviews = objectives[1]
    assert reviews.kpi == "review_count"
    assert (reviews.baseline.value, reviews.target.value) == (23, 100)
