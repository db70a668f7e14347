"""Listening fixes after the unscripted owners of 2026-12-06am (a dog groomer, a hardware
store, a bakery, a kitchen workshop, a yoga studio): a price is no goal's figure, and a new
offer counts from zero; a goal corrected over several sentences takes the values and the date
of the sentence that restates it, not the ones it says are wrong; several goals renamed in
one order are each renamed; "call that one …" and "link it …" mean the step just added; a
step is rewritten ("change initiative 1 to: …") or given the owner's details ("… can you
write that in?"); "no digital skills, only facebook" turns down nothing; "why is 1.5 not
realistic?" is answered with how it is judged and how to keep it."""

from __future__ import annotations

from datetime import date

import pytest
from chat_helpers import at_roadmap, talk

from assistant.coaching.command_values import new_values
from assistant.coaching.commands import plan_commands
from assistant.coaching.drafting import shown_number
from assistant.coaching.refusals import refused_steps
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding import read

TODAY = date(2026, 12, 6)

GROOMER = [
    "I run a mobile dog grooming business in Leeds, 4 people, turnover 118k GBP. No website, "
    "a facebook page, bookings by phone.",
    "Goals: cut no-shows from 6.5 to 1.5 a week by June 2027. Fill mondays and tuesdays, the "
    "vans are 50% booked on those days, want 80% by September 2027. And start a monthly "
    "grooming plan, like a subscription, £40 a month, would love 80 dogs on it by end of 2027.",
    "that's all",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(
        Settings(data_dir=seeded_data_dir("round-am-listening")), today=lambda: TODAY
    )


def _goal_with(state, words: str):
    return next(g for g in state.plan.goals if words in (g.metric or g.statement))


def test_a_price_is_no_figure_of_the_aim_and_a_new_offer_counts_from_zero(service):
    at_roadmap(service, "groomer", GROOMER, "en")
    state = service.session("groomer")
    plan_goal = _goal_with(state, "grooming plan")
    assert (plan_goal.baseline.value, plan_goal.target.value) == (0, 80)
    assert plan_goal.target.unit != "GBP" and "40" not in plan_goal.statement
    fill = _goal_with(state, "booked")
    assert (fill.baseline.value, fill.target.value) == (50, 80)
    assert not fill.kpis or "no-show" not in fill.kpis[0].name.lower()  # not the goal before
    launch = [i for i in state.plan.roadmap if plan_goal.id in i.goal_ids]
    assert launch and launch[0].title.startswith("Launch the monthly grooming plan")
    assert "first sign-ups or deposits" in launch[0].description


def test_the_step_just_added_is_what_that_one_and_it_mean(service):
    at_roadmap(service, "that-one", GROOMER, "en")
    goals = service.session("that-one").plan.goals
    number = next(n for n, g in enumerate(goals, 1) if "no-show" in (g.metric or "").lower())
    talk(service, "that-one", ["add something for sending text reminders the day before"])
    reply = talk(
        service,
        "that-one",
        [f"call that one 'day-before text reminders' and link it to goal {number}"],
    )
    state = service.session("that-one")
    step = next(i for i in state.plan.roadmap if i.title == "Day-before text reminders")
    assert step.goal_ids == [goals[number - 1].id]
    assert "Which goal do you mean" not in reply
    assert all("day-before" not in (g.metric or "") for g in state.plan.goals)


def test_a_step_is_rewritten_in_the_owners_words_and_keeps_its_place(service):
    at_roadmap(service, "rewrite", GROOMER, "en")
    state = service.session("rewrite")
    fill_goal = _goal_with(state, "booked")
    fill_step = next(i for i in state.plan.roadmap if fill_goal.id in i.goal_ids)
    lane, goals = fill_step.horizon, fill_step.goal_ids
    reply = talk(
        service,
        "rewrite",
        [
            "for the monday-tuesday one, change it to: 10% off mon/tue bookings promoted on "
            "facebook, plus one area of leeds per van per day"
        ],
    )
    state = service.session("rewrite")
    step = next(i for i in state.plan.roadmap if i.id == fill_step.id)
    assert step.title.startswith("10% off mon/tue bookings")
    assert "one area of leeds per van per day" in step.description
    assert (step.horizon, step.goal_ids) == (lane, goals)
    no_shows = _goal_with(state, "no-show")
    assert no_shows.target.value == 1.5  # the 10 % is the step's discount, no goal's target
    assert "What should change in goal" not in reply


def test_details_for_a_step_are_written_into_it_when_asked(service):
    hardware = [
        "Vi är en järnhandel i Umeå, 9 anställda, omsättning 21 miljoner. Enkel hemsida, Facebook.",
        "Mål: klicka och hämta, 0 idag, 150 order i månaden senast oktober 2027. Öka "
        "privatförsäljningen från 7,4 till 8,2 miljoner senast december 2028.",
        "det är allt",
    ]
    at_roadmap(service, "write-in", hardware, "sv")
    reply = talk(
        service,
        "write-in",
        [
            "Och för klicka och hämta: börja med 500 populära artiklar och koppla till Visma så "
            "lagersaldot stämmer. Kan du skriva in det?"
        ],
        "sv",
    )
    step = service.session("write-in").plan.roadmap[0]
    assert "500 populära artiklar" in step.description
    assert "utanför digital strategi" not in reply
    reply = talk(
        service,
        "write-in",
        ["Ändra initiativ 1 till: klicka och hämta med 500 artiklar, kopplat till lagret i Visma"],
        "sv",
    )
    assert service.session("write-in").plan.roadmap[0].title.startswith("Klicka och hämta med 500")


@pytest.mark.parametrize(
    ("language", "text", "number", "values", "day"),
    [
        (
            "en",
            "goal 3 is wrong - it's not 40 to 80 pounds. £40 is the price per month. it's "
            "number of dogs on the plan, from 0 now to 80 by end of 2027",
            3,
            (0.0, 80.0),
            date(2027, 12, 31),
        ),
        (
            "sv",
            "Nej, rätta så här:\nMål 1: klicka och hämta-order per månad, 0 i dag, 150 senast "
            "oktober 2027. (6000 är kassakvitton, inte mål 1)\nMål 2: heter 'unga husägare' - "
            "andel av privatförsäljningen från kunder 25-40 år, 15% i dag, 25% senast december "
            "2027. Inte 32,5!\nMål 3: heter 'privatförsäljning' - 7,4 miljoner kr i dag, 8,2 "
            "miljoner kr senast december 2028.",
            1,
            (0.0, 150.0),
            date(2027, 10, 31),
        ),
    ],
)
def test_a_goal_restated_over_sentences_takes_its_new_values_not_the_ones_called_wrong(
    language, text, number, values, day
):
    orders = [c for c in plan_commands(read(text, language, TODAY), TODAY) if c.number == number]
    assert [(c.baseline, c.target, c.deadline) for c in orders] == [(*values, day)]


def test_several_goals_renamed_in_one_order_are_each_renamed():
    text = (
        "rename goal 1 to 'cut no-shows' (no-shows per week), goal 2 to 'fill monday-tuesday' "
        "and goal 3 to 'monthly plan members'"
    )
    renames = [c for c in plan_commands(read(text, "en", TODAY), TODAY)]
    assert [(c.action, c.number, c.name) for c in renames] == [
        ("rename_goal", 1, "cut no-shows"),
        ("rename_goal", 2, "fill monday-tuesday"),
        ("rename_goal", 3, "monthly plan members"),
    ]
    text = "döp om mål 1 till Klicka och hämta, mål 2 till Unga husägare och mål 3 till Butiken"
    names = [c.name for c in plan_commands(read(text, "sv", TODAY), TODAY)]
    assert names == ["Klicka och hämta", "Unga husägare", "Butiken"]


@pytest.mark.parametrize(
    ("language", "text", "kept"),
    [
        ("sv", "den föll från 8,2 till 7,4 miljoner, vill tillbaka till 8,2 miljoner 2028", None),
        ("en", "Sales fell from 900k to 700k last year, we want them back to 900k by 2028.", None),
    ],
)
def test_where_a_past_fall_ended_is_todays_value_and_the_wish_is_the_target(language, text, kept):
    aims = [o for o in read(text, language, TODAY).objectives if o.target is not None]
    assert aims, text
    aim = aims[-1]
    assert aim.baseline is not None and aim.baseline.value < aim.target.value


def test_an_age_band_a_discount_and_a_daily_footfall_are_no_figures_of_an_aim():
    text = (
        "2) fler unga husägare, 25-40 år. I dag är kanske 15% av privatförsäljningen den "
        "gruppen, vill upp till 25% till slutet av 2027."
    )
    [aim] = read(text, "sv", TODAY).objectives
    assert (aim.baseline.value, aim.target.value) == (15.0, 25.0)
    said = "140 är bara företagskunderna, privatkunder har vi kanske 250-300 om dagen i butiken"
    customers = [m for m in read(said, "sv", TODAY).metrics if m.kpi == "active_customers"]
    assert [m.amount.value for m in customers] == [140.0]
    assert new_values("change it to: 10% off mon/tue bookings promoted on facebook", "en") == (
        None,
        None,
    )


def test_lacking_something_beside_a_channel_turns_down_no_step():
    assert refused_steps("we basically have no digital skills, only facebook.", "en") == []
    assert refused_steps("no, facebook ads are not for us", "en")


def test_large_figures_are_never_shown_in_exponent_form():
    assert shown_number(8.2 * 1_000_000, "sv") == "8 200 000"
    assert shown_number(1_250_000.5, "sv") == "1 250 000,5"


def test_why_a_target_is_not_realistic_is_explained_with_how_to_keep_it(service):
    at_roadmap(service, "why-steep", GROOMER, "en")
    reply = talk(service, "why-steep", ["why is 1.5 not realistic?"])
    assert "How I judge it" in reply and "keep goal 1" in reply
    reply = talk(service, "why-steep", ["Im keeping 1.5"])
    assert "goal 1 keeps its target" in reply
    assert "goal 1: ." not in reply


@pytest.mark.parametrize(
    ("language", "text", "numbers"),
    [
        ("ru", "цель 1 и цель 3: увеличить, а не снизить", [1, 3]),
        ("ru", "цель 1: увеличить", [1]),
        ("en", "goal 2: down", [2]),
        ("sv", "mål 1: öka, inte minska", [1]),
    ],
)
def test_a_goal_turned_by_a_bare_direction_word_is_turned(language, text, numbers):
    orders = plan_commands(read(text, language, TODAY), TODAY)
    assert [(c.action, c.number) for c in orders] == [("turn_goal", n) for n in numbers]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "сейчас из 10 смет договор подписывают примерно 3, хочу 5 из 10 к концу 2027."),
        ("en", "Of every 10 quotes we win about 3, I want 5 in 10 by 2027."),
        ("nb", "Av 20 tilbud vinner vi ca 6, vil ha 10 av 20 innen 2027."),
    ],
)
def test_a_ratio_said_base_first_is_todays_share_of_one_aim(language, text):
    [aim] = read(text, language, TODAY).objectives
    assert (aim.baseline.value, aim.target.value) == (30.0, 50.0)
    assert aim.kpi == "quote_win_rate"


def test_no_ratio_is_made_of_a_team_or_a_year():
    for text in ("Team of 6 full time + 2 seasonal.", "hit €1m by end of 2027 (big jump)\n2. UK"):
        assert not [m for m in read(text, "en", TODAY).metrics if m.amount.unit == "%"]


def test_aims_on_lines_of_their_own_stay_apart_in_a_correcting_message(service):
    said = (
        "Nei, jeg sa bare at fakturering ALLEREDE er automatisk. Hopp over det.\n\n"
        "Målene mine, tre ting egentlig:\n\n"
        "Få folk til å bli lenger. I dag er bare rundt 45% av nye medlemmer fortsatt aktive "
        "etter 6 mnd. Vil opp til 65% innen utgangen av 2027.\n"
        "Bedre booking. Bytte ut BookFlow eller få noe som funker.\n"
        "Nettklasser for folk i nord som bor langt unna. Har ingen i dag. Kunne tenke meg 50 "
        "betalende nettmedlemmer innen desember 2027."
    )
    aims = read(said, "nb", TODAY).objectives
    members = [o for o in aims if o.target is not None and o.target.value == 50]
    assert members and members[0].baseline.value == 0  # "Har ingen i dag"
    assert "BookFlow" not in members[0].span.text


def test_website_enquiries_in_russian_are_leads_not_visits():
    text = "больше заявок с собственного сайта, сейчас 3-4 в месяц, хочу хотя бы 20 в месяц"
    [aim] = read(text, "ru", TODAY).objectives
    assert aim.kpi == "leads"
    assert aim.direction != "decrease"


def test_the_understood_table_never_says_not_said_of_a_fact_the_plan_holds():
    from assistant.coaching.plan import Money
    from assistant.coaching.state import SessionState
    from assistant.web.handlers import CoachApp

    state = SessionState(language="nb")
    state.plan.language = "nb"
    state.plan.profile.annual_revenue = Money(amount=3_800_000, currency="NOK")
    infos = {u["label"]: u["info"] for u in CoachApp.understood(state)}
    assert "Notert fra samtalen" in infos.values()
    assert list(infos.values()).count("Ikke sagt ennå") == len(infos) - 1


@pytest.mark.parametrize(
    ("language", "question", "kind"),
    [
        ("en", "will all this fit in £100 a month and my 3 hours a week?", "fits_budget"),
        ("ru", "Уложимся ли мы в бюджет 300 тысяч?", "fits_budget"),
        ("nb", "holder 60-80k i budsjett?", "fits_budget"),
        ("sv", "hur ska vi ens mäta mål 2?", "measure"),
        ("nb", "Hva gjør vi for å vinne bedriftskunder?", "how_goal"),
        ("en", "what exactly do I do this week to get started?", "first_step"),
    ],
)
def test_owners_questions_about_the_plan_are_recognised(language, question, kind):
    from assistant.coaching.plan_answers import plan_question

    assert plan_question(question, language) == kind


def test_a_budget_question_is_answered_from_the_now_lane_without_invented_prices(service):
    at_roadmap(service, "budget", GROOMER, "en")
    reply = talk(service, "budget", ["will all this fit in £100 a month and my 3 hours a week?"])
    now = [i for i in service.session("budget").plan.roadmap if i.horizon == "short"]
    assert "What the Now lane asks of you" in reply
    assert all(i.title in reply for i in now)
    assert "I don't hold prices" in reply and "£" not in reply.split("asks of you")[1]


BAKERY = [
    "Vi er Kornmo Bakeri i Trondheim med 3 butikker, 22 ansatte, omsetning 19 millioner. "
    "Kakebestillinger på telefon og e-post.",
    "Mål: forhåndsbestilling av kaker på nett, i dag 0 av 60 bestillinger, vil ha halvparten "
    "på nett innen sommeren 2027. Catering til kontorer fra 12 til 24 ordrer i måneden innen "
    "desember 2027. Og mindre svinn: vi kaster 18% av brødet, vil ned til 8% innen 2027.",
    "det var alt",
]


def test_what_a_date_phrase_means_redates_the_goals_it_dated(service):
    talk(service, "summer", BAKERY[:2], "nb")
    reply = talk(service, "summer", ["Og sommer 2027 betyr 30. juni 2027, ikke august."], "nb")
    state = service.session("summer")
    dated = [c.deadline for c in state.candidates] or [g.deadline for g in state.plan.goals]
    assert date(2027, 6, 30) in dated and date(2027, 8, 31) not in dated
    assert "2027-06-30" in reply


def test_a_step_added_then_put_in_now_in_the_same_message_lands_in_now(service):
    at_roadmap(service, "put-it", BAKERY, "nb")
    talk(
        service,
        "put-it",
        [
            "Legg til et tiltak: egen cateringside på nettsiden med fast lunsjmeny og pris per "
            "person. Sett det i Nå, start februar."
        ],
        "nb",
    )
    state = service.session("put-it")
    [page] = [i for i in state.plan.roadmap if i.title.startswith("Egen cateringside")]
    assert page.horizon == "short"
    catering = next(g for g in state.plan.goals if "atering" in (g.metric or g.statement))
    assert page.goal_ids == [catering.id]  # the step names the goal's words
    titles = [i.title for i in state.plan.roadmap]
    assert not any("bestillingspunkter" in t for t in titles)  # a bakery plans by the day


def test_a_verdict_is_no_new_name_and_the_name_said_apart_is_taken():
    text = (
        "Goal 3 is wrong - its not complaints or returns, we dont have returns, its a swimming "
        "school! it's the % of children who re-enrol for a second term after their first term."
    )
    [rename] = plan_commands(read(text, "en", TODAY), TODAY)
    assert rename.number == 3
    assert rename.name == "% of children who re-enrol for a second term after their first term"


def test_what_other_people_want_is_no_aim_of_the_owner():
    said = (
        "a second tab with the waiting list - about 150 kids on it, and honestly we dont know "
        "if half of them still want a place."
    )
    assert not read(said, "en", TODAY).objectives
    [aim] = read(
        "only about 55% of children come back for a second term. want that at 75% by 2027.",
        "en",
        TODAY,
    ).objectives
    assert aim.kpi == "repeat_purchase_rate"  # coming back is retention, not returns


def test_a_corrected_target_is_no_figure_of_today(service):
    messages = [
        "We're Little Dolphins Swim School in Birmingham, 8 people, revenue 125k.",
        "skip",
        "Goal: cut admin hours from 19 a week to 8 by September 2027.",
    ]
    talk(service, "target-field", messages)
    reply = talk(service, "target-field", ["admin hours target is 8 hrs/week, not 19"])
    assert "Hours of manual admin per week: 8" not in reply
    [goal] = service.session("target-field").candidates
    assert (goal.baseline.value, goal.target.value) == (19, 8)


def test_a_tool_called_something_is_no_business_name_and_a_team_by_place_is_counted():
    from assistant.coaching.facts import read_message

    said = "Customer details are in a job management thing called Tradify that Dan uses."
    assert read_message(said, "en", TODAY).business_name is None
    team = "8 engineers on the road plus 2 in the office (my wife Sue does the books)."
    staff = [p.value for p in read(team, "en", TODAY).profile if p.field == "staff"]
    assert staff == [10]
    named = read("Школа называется «Лингва Плюс». Выручка 14 млн руб.", "ru", TODAY).profile
    assert [p.value for p in named if p.field == "industry"] == ["Школа"]


def test_an_aim_restated_with_its_target_in_the_next_sentence_is_one_goal():
    from assistant.coaching.facts import read_message

    said = (
        "Mina mål:\n- Fler cateringbeställningar från företag. Idag ca 6 företagsbeställningar "
        "i månaden, vill upp till 20 i månaden före slutet av 2027.\n"
        "- Bordsbokning på nätet, så att minst 60% av bokningarna kommer in online till "
        "sommaren 2027 (idag 0%)"
    )
    goals = read_message(said, "sv", TODAY).goals
    assert sorted((g.baseline.value, g.target.value) for g in goals) == [(0, 60), (6, 20)]


def test_a_complaint_about_a_doubled_goal_and_a_date_meaning_are_no_new_goals():
    from assistant.coaching.facts import read_message

    said = (
        "Det är samma mål, du har dubblat det. Ett mål: företagsbeställningar catering från 6 "
        "till 20 per månad till 31 dec 2027. Och sommaren 2027 betyder 1 juni för "
        "bokningsmålet, inte augusti."
    )
    goals = read_message(said, "sv", TODAY).goals
    assert [(g.baseline.value, g.target.value) for g in goals] == [(6, 20)]


def test_table_booking_online_is_served_by_online_booking(service):
    brief = (
        "Vi är Bord & Bröd, en restaurang med catering i Göteborg, 12 anställda. Mål: "
        "bordsbokning på nätet med deposition, så att minst 60% av bokningarna kommer in "
        "online till sommaren 2027 (idag 0%, allt är telefon och DM)."
    )
    plan = service.plan_from_brief(brief, "sv")
    [goal] = plan.goals
    serving = [i.title for i in plan.roadmap if goal.id in i.goal_ids]
    assert any("Onlinebokning" in t for t in serving), serving


def test_a_why_line_quotes_one_message_not_the_end_of_one_and_the_start_of_the_next(service):
    messages = [
        "I run a mobile dog grooming business in Leeds. turnover last year was about £118k",
        "no website really, just a facebook page with about 1,400 followers. bookings by phone",
        "skip",
        "Goals: cut no-shows from 6.5 to 1.5 a week by June 2027.",
        "that's all",
    ]
    at_roadmap(service, "quote-one", messages, "en")
    whys = [i.rationale for i in service.session("quote-one").plan.roadmap]
    assert not any("£118k no website" in w for w in whys)


def test_wasted_visits_are_not_stock_written_off_and_the_routine_is_not_high(service):
    plan = service.plan_from_brief(
        "Plumbing and heating firm in Bristol, 10 staff. Goals: wasted engineer visits (no "
        "access, wrong parts) from 12% to 5% by June 2027.",
        "en",
    )
    [goal] = plan.goals
    assert "written off" not in goal.statement and "wasted engineer visits" in goal.statement
    routine = [i for i in plan.roadmap if i.title.startswith("Monthly KPI check-in")]
    assert routine and routine[0].priority != "high"


def test_a_step_replaced_by_the_owners_own_takes_its_place(service):
    florist = [
        "Vi er Bergen Blomsterhus, blomsterbutikk med 2 butikker i Bergen, 9 ansatte.",
        "Mål: svinn fra 12% til 6% innen utgangen av 2027. Bedriftsabonnement fra 4 til 25 "
        "innen desember 2027.",
        "det var alt",
    ]
    at_roadmap(service, "replace", florist, "nb")
    before = {i.id: i for i in service.session("replace").plan.roadmap}
    stock = next(i for i in before.values() if i.title.startswith("Lagerstyring"))
    talk(
        service,
        "replace",
        ["Og bytt ut lagerstyringen med innkjøp basert på salgstall og salg av dagen-før-blomster"],
        "nb",
    )
    after = {i.id: i for i in service.session("replace").plan.roadmap}
    assert len(after) == len(before)
    assert after[stock.id].title.startswith("Innkjøp basert på salgstall")
    reply = talk(
        service,
        "replace",
        ["Legg inn i stedet: smartere innkjøp ut fra salg per dag"],
        "nb",
    )
    titles = [i.title for i in service.session("replace").plan.roadmap]
    assert "Smartere innkjøp ut fra salg per dag" in titles and "i stedet" not in reply.lower()


def test_an_order_word_inside_quotes_is_the_coachs_title_quoted_back_not_an_order():
    said = "Tiltak 5 har fått et rart navn med «Legg inn i stedet» og tre prikker."
    assert not plan_commands(read(said, "nb", TODAY), TODAY)
    [order] = plan_commands(read('add "chase every quote after 7 days"', "en", TODAY), TODAY)
    assert order.action in ("add_goal", "add_initiative")


def test_the_businesss_own_premises_are_kept_apart_from_its_markets(service):
    reply = talk(
        service,
        "sites",
        [
            "Hei! Jeg driver et bakeri i Trondheim med 22 ansatte.",
            "Forresten, vi selger bare over disk i de 3 egne butikkene... altså 3 butikker.",
        ],
        "nb",
    )
    profile = service.session("sites").plan.profile
    assert profile.locations == ["3 butikker"] and profile.markets == ["Trondheim"]
    assert "3 butikker" in reply


def test_a_step_moved_first_is_not_dropped_by_a_sentence_that_names_its_problem(service):
    from assistant.coaching.render import roadmap_order

    garage = [
        "Мы автосервис «Мотор-Сервис» в Казани, 13 человек. Клиенты записываются по телефону и "
        "в WhatsApp, когда телефон занят, теряем 15–20 звонков в день.",
        "Цели: пропущенные звонки с 17 в день до 3 к июню 2027. Онлайн-запись с 0% до 40% к "
        "концу 2027.",
        "это всё",
    ]
    at_roadmap(service, "moved-first", garage, "ru")
    shown = roadmap_order(service.session("moved-first").plan)
    calls = next((n for n, i in enumerate(shown, 1) if "звон" in i.title.lower()), None)
    assert calls is not None, [i.title for i in shown]
    talk(
        service,
        "moved-first",
        [
            f"Перенесите пункт {calls} в «Сейчас», на первое место. Сайт — в «Дальше», он не "
            "решает пропущенные звонки."
        ],
        "ru",
    )
    titles = [i.title for i in roadmap_order(service.session("moved-first").plan)]
    assert "звон" in titles[0].lower(), titles
