"""Orders and objectives as owners wrote them in the unscripted chats of 2026-12-05 (evals/
listening/unscripted-2026-12-05c): several objectives or several orders in one message each
land where they belong, renames said in everyday words are obeyed, an order the owner
declines is not carried out, and a change that changes nothing is said to change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.command_lanes import lane_said
from assistant.coaching.commands import plan_commands
from assistant.coaching.facts import read_message
from assistant.coaching.messages import Messages
from assistant.coaching.plan_answers import plan_question
from assistant.coaching.render import roadmap_order
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding import read
from assistant.understanding.intents import questions

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
ACCOUNTANTS = [
    "Hi, I run an accounting firm in Bristol, 12 staff incl. me.",
    "Harbourside Accounts Ltd. Turnover about £1.1m last year.",
    "We have a website, no online booking. We post on LinkedIn now and then.",
    "Client details are in Xero Practice Manager. Google Analytics is on the site but "
    "nobody looks at it. Goals not written down.",
    "Invoicing is automated via Xero. Backups: everything is cloud. Paperless mostly.",
]
THREE_AIMS = (
    "Growth really. Revenue is £1.1m, want £1.4m by end of 2027. Only about 5% of new "
    "enquiries come via the website, I'd like a quarter by end of next year. Also onboarding "
    "a new client takes us roughly 3 weeks of back and forth, want it down to 1 week"
)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("together")), today=lambda: TODAY)


def _interviewed(service: CoachService, sid: str, messages: list[str], language: str) -> str:
    reply = ""
    for message in messages:
        reply = service.send(sid, message, language).reply
    return reply


def _drafted(service: CoachService, sid: str) -> None:
    _interviewed(service, sid, [*ACCOUNTANTS, THREE_AIMS, "by December 2027", "that's all"], "en")
    service.send(sid, "yes", "en")
    assert len(service.session(sid).plan.goals) == 3


def test_three_objectives_in_one_message_are_three_goals_with_their_units(service):
    reply = _interviewed(service, "three", [*ACCOUNTANTS, THREE_AIMS], "en")
    goals = service.session("three").candidates
    figures = [(g.baseline.value, g.target.value) for g in goals]
    assert figures == [(1_100_000, 1_400_000), (5, 25), (21, 7)]
    assert goals[2].target.unit == "days"
    assert "21 days → 7 days" in reply
    assert "onboarding a new client" in reply.split("\n\n")[-1]  # asked by its name


def test_two_orders_in_one_sentence_each_change_their_own_goal(service):
    _drafted(service, "two-orders")
    service.send(
        "two-orders", "move the deadline of goal 3 to June 2028 and make goal 2 target 20%", "en"
    )
    goals = service.session("two-orders").plan.goals
    assert goals[2].deadline == date(2028, 6, 30) and goals[2].target.value == 7
    assert goals[1].target.value == 20 and goals[1].deadline == date(2027, 12, 31)


def test_a_value_said_for_another_goal_stays_with_that_goal(service):
    _drafted(service, "other-goal")
    service.send("other-goal", "goal 2 target 20%", "en")
    said = "goal 3 target is 7 days not 20. 20% was for goal 2"
    reply = service.send("other-goal", said, "en").reply
    goals = service.session("other-goal").plan.goals
    assert goals[1].target.value == 20 and goals[2].target.value == 7
    assert "no change" in reply.split("\n\n")[0]


def test_an_objective_said_again_with_the_same_figures_is_not_a_new_goal(service):
    _interviewed(service, "again", [*ACCOUNTANTS, THREE_AIMS], "en")
    service.send(
        "again", "web enquiries 5% to 25% by end of next year, that's the second one", "en"
    )
    assert len(service.session("again").candidates) == 3


@pytest.mark.parametrize(
    ("language", "text", "number", "name"),
    [
        ("nb", "Mål 3 skal bare hete svinn på planter", 3, "svinn på planter"),
        ("nb", "Og mål 2 er medlemmer i kundeklubben, ikke aktive kunder.", 2,
         "medlemmer i kundeklubben"),
        ("nb", "forresten er mål 2 medlemmer i kundeklubben, ikke aktive kunder", 2,
         "medlemmer i kundeklubben"),
        ("nb", "mål 3: kpi = svinn på planter (%)", 3, "svinn på planter"),
        ("sv", "mål 2 ska heta andel beställningar via portal", 2,
         "andel beställningar via portal"),
        ("en", "goal 2 should just be called web enquiries share", 2, "web enquiries share"),
    ],
)  # fmt: skip
def test_a_rename_in_everyday_words_is_read(language, text, number, name):
    (order,) = plan_commands(read(text, language, TODAY), TODAY)
    assert (order.action, order.number, order.name) == ("rename_goal", number, name)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I don't want to change goal 2."),
        ("nb", "Jeg vil ikke endre mål 2."),
        ("sv", "Vi vill inte ändra mål 2."),
        ("ru", "Не хочу менять цель 2."),
    ],
)
def test_an_order_the_owner_declines_is_no_order(language, text):
    assert plan_commands(read(text, language, TODAY), TODAY) == []


def test_a_declined_order_beside_a_real_one_leaves_the_real_one():
    said = read("Jeg vil ikke endre mål 2, men flytt tiltak 3 til Nå", "nb", TODAY)
    (order,) = plan_commands(said, TODAY)
    assert (order.action, order.number, order.horizon) == ("change_initiative", 3, "short")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "And the website should be in Now, that's the main thing for goal 2"),
        ("nb", "Og bestill på nett og hent i butikken må komme i Nå, våren er da salget skjer"),
        ("sv", "bokningssystemet ska ligga i Nu"),
    ],
)
def test_a_step_said_to_belong_in_a_lane_is_moved_there(language, text):
    orders = plan_commands(read(text, language, TODAY), TODAY)
    assert [(o.action, o.horizon, o.number) for o in orders] == [
        ("change_initiative", "short", None)
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "kunderna finns i ett exelark. webbanalys nej. mål nedskrivna? nej inte direkt"),
        ("en", "backups? not sure really"),
    ],
)
def test_a_topic_echoed_with_a_question_mark_and_answered_is_no_question(language, text):
    assert questions(text, language) == []


def test_a_term_asked_about_after_a_question_mark_is_still_a_question():
    assert questions("CRM? what is that", "en") != []


GARDEN = [
    "Hei. Jeg driver et hagesenter i Trondheim, Solbakken Hagesenter AS. Vi er 9 fast ansatte. "
    "Omsetning ca 14 millioner kr i fjor.",
    "nettside har vi, men ingen nettbutikk. Facebook og instagram.",
    "kundeklubben ligger i kassasystemet. analyse vet jeg ikke. mål er ikke skrevet ned.",
    "Kompetanse: nei egentlig ikke. Ingenting går automatisk. Backup aner jeg ikke.",
    "Det vi vil: i dag kommer kanskje 3% av salget fra nett, jeg vil opp til 15% innen "
    "utgangen av 2027. Og vi vil ha flere i kundeklubben, fra 3000 til 5000 medlemmer innen "
    "neste sommer. Pluss at svinn på planter er altfor høyt, ca 12%, vil ha det ned til 8%",
]


def test_a_date_goes_to_the_goal_asked_about_when_another_goal_is_named_apart(service):
    reply = _interviewed(service, "garden", GARDEN, "nb")
    assert "«svinn på planter»" in reply.split("\n\n")[-1]
    service.send(
        "garden",
        "etter sesongen neste år, si oktober 2027. forresten er mål 2 medlemmer i "
        "kundeklubben, ikke aktive kunder",
        "nb",
    )
    members, waste = service.session("garden").candidates[1:]
    assert members.deadline == date(2027, 8, 31) and members.name == "medlemmer i kundeklubben"
    assert waste.deadline == date(2027, 10, 31)


def test_a_question_that_approves_the_rest_is_answered_and_moves_on(service):
    _drafted(service, "asked-approved")
    before = service.session("asked-approved").stage
    reply = service.send(
        "asked-approved", "how do I measure goal 3? otherwise approved", "en"
    ).reply
    assert service.session("asked-approved").stage != before
    assert reply.startswith("For “Reduce onboarding a new client")  # answered first


def test_a_whole_dated_objective_said_in_a_correction_is_a_new_goal(service):
    cafe = [
        "Здравствуйте. У нас кафе-пекарня «Тёплый хлеб» в Новосибирске, 23 сотрудника, "
        "выручка около 48 млн руб.",
        "сайт есть, онлайн заказов нет. Ведём группу ВКонтакте. рассылки нет",
        "CRM нет. Веб-аналитики нет. Цели не записаны",
        "навыки - дочка ведёт соцсети. автоматически ничего. бэкап не знаю",
        "Цели: списание выпечки в конце дня сейчас около 9%, хочу 5% к лету 2027",
    ]
    _interviewed(service, "cafe", cafe, "ru")
    service.send(
        "cafe",
        "а про торты забыли? доля онлайн-заказов тортов: сейчас 0%, цель 50% к сентябрю 2027",
        "ru",
    )
    goals = service.session("cafe").candidates
    assert [(g.baseline.value, g.target.value) for g in goals] == [(9, 5), (0, 50)]
    assert goals[1].deadline == date(2027, 9, 30)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Turnover about £1.1m last year. Do you need the exact figure?"),
        ("nb", "Omsetning rundt 14 mill. Trenger du det nøyaktige tallet?"),
        ("sv", "Omsättning runt 9 miljoner. Behöver du den exakta siffran?"),
        ("ru", "Выручка около 48 млн. Нужна ли точная цифра?"),
    ],
)
def test_asking_whether_a_rough_figure_will_do_is_answered(service, language, text):
    service.send(f"rough-{language}", "Hi", language)
    reply = service.send(f"rough-{language}", text, language).reply
    assert "declined" not in service.session(f"rough-{language}").acts
    assert service.session(f"rough-{language}").plan.profile.annual_revenue is not None
    assert reply.split("\n\n")[0] == Messages(language).say("plan_rough_ok")


def test_bare_step_numbers_and_a_goal_number_are_read_as_such():
    said = read(
        "few changes. remove 6, we already have tradify. move 7 to later, the site works.",
        "en",
        TODAY,
    )
    orders = [(o.action, o.number, o.horizon) for o in plan_commands(said, TODAY)]
    assert orders == [("drop_initiative", 6, None), ("change_initiative", 7, "long")]
    (unit,) = plan_commands(read("change the unit of goal 1 to customers", "en", TODAY), TODAY)
    assert (unit.number, unit.baseline, unit.target) == (1, None, None)


def test_a_step_the_owner_describes_is_added_as_said_and_can_be_renamed(service):
    _drafted(service, "own-step")
    service.send("own-step", "yes", "en")
    said = "add an initiative: automatic annual service reminders by text and email from Xero"
    reply = service.send("own-step", said, "en").reply
    titles = [i.title for i in service.session("own-step").plan.roadmap]
    assert "Automatic annual service reminders by text and email from Xero" in titles
    assert "Newsletter and automatic follow-up emails" not in reply.split("\n\n")[0]
    shown = [i.title for i in roadmap_order(service.session("own-step").plan)]
    number = shown.index("Automatic annual service reminders by text and email from Xero") + 1
    service.send("own-step", f'rename initiative {number} to "Service reminders"', "en")
    assert "Service reminders" in [i.title for i in service.session("own-step").plan.roadmap]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Invoices go out automatically. By the way did you see Leeds lost again?"),
        ("nb", "Faktura går automatisk. Forresten for et vær i Bergen, regnet har ikke stoppet."),
        ("sv", "Fakturor går automatiskt. Såg du förresten Djurgården i helgen, vilken match!"),
    ],
)
def test_small_talk_beside_an_answer_gets_a_word_and_the_answer_is_kept(language, text):
    facts = read_message(text, language, TODAY)
    assert facts.aside and facts.maturity  # the aside is seen, the answer still read


def test_asking_for_the_goals_is_an_approval_and_no_answer_to_a_question():
    facts = read_message("ja ok, lag SMART-målene", "nb", TODAY)
    assert facts.approve and facts.maturity == {}


def test_customers_counted_as_people_start_the_goal_and_a_past_date_is_flagged():
    said = (
        "1) service plan customers - we have about 420 people on annual service contracts at "
        "12 quid a month, I want 900 by end of 2027. 2) boiler install leads, we get roughly 25 "
        "enquiries a month, want 40 enquiries a month by summer 2026."
    )
    facts = read_message(said, "en", TODAY)
    first, second = facts.goals
    assert (first.baseline.value, first.target.value, first.target.unit) == (420, 900, None)
    assert first.kpi_id == "active_customers"
    assert second.deadline is None and facts.unusable_deadline == ("by summer 2026", "past")


def test_a_share_of_appointments_booked_online_is_not_a_share_of_revenue():
    (figure,) = read_message("ca 55% av timene bookes på nett", "nb", TODAY).figures
    assert (figure.value, figure.kpi_id) == (55, "self_service_share")


def test_why_a_goal_is_answered_with_the_owners_words_and_the_steps_that_serve_it(service):
    _drafted(service, "why")
    service.send("why", "yes", "en")
    reply = service.send("why", "why goal 3?", "en").reply
    plan = service.session("why").plan
    serving = [i.title for i in plan.roadmap if plan.goals[2].id in i.goal_ids]
    assert "onboarding a new client" in reply and serving
    assert all(title in reply for title in serving)


@pytest.mark.parametrize(
    ("language", "text", "kpi", "value"),
    [
        ("ru", "Посещений тысячи 2 в месяц наверно.", "website_visits", 2000),
        ("sv", "Nyhetsbrev skickar vi 2 ggr per år, ca 2000 adresser.", "email_subscribers", 2000),
        (
            "en",
            "we send a newsletter 6 times a year to about 2500 people",
            "email_subscribers",
            2500,
        ),
    ],
)
def test_loose_figures_are_read_as_the_owner_means_them(language, text, kpi, value):
    figures = read_message(text, language, TODAY).figures
    assert [(f.kpi_id, f.value) for f in figures] == [(kpi, value)]


def test_a_company_form_is_no_market_and_a_segments_revenue_is_no_company_revenue(service):
    first = (
        "Добрый день. У меня производство гофроупаковки в Твери, ООО «ТверьПак». 34 человека, "
        "выручка 86 млн в год."
    )
    facts = read_message(first, "ru", TODAY)
    assert facts.markets == ["Тверь"]
    said = (
        "Посещаемость 2000, а не 2. Цели: 1) выйти на интернет-магазины, сейчас они дают "
        "примерно 12 млн в год, хочу 30 млн к концу 2028."
    )
    assert read_message(said, "ru", TODAY).revenue is None
    service.send("tver", first, "ru")
    service.send("tver", "И исправьте рынки: Тверь, Москва и Московская область", "ru")
    profile = service.session("tver").plan.profile
    assert profile.markets == ["Тверь", "Москва", "Московская область"]
    assert profile.annual_revenue.amount == 86_000_000


def test_a_lane_said_after_to_wins_over_a_later_now():
    said = read("Flytt kompetanseplan til Senere, vi har ikke tid til kurs nå.", "nb", TODAY)
    (order,) = plan_commands(said, TODAY)
    assert (order.action, order.horizon) == ("change_initiative", "long")


def test_a_point_of_the_roadmap_is_a_step_not_a_goal():
    said = read("Punkt 1 säger ingenting, ta bort den.", "sv", TODAY)
    (order,) = plan_commands(said, TODAY)
    assert (order.action, order.number) == ("drop_initiative", 1)


def test_a_name_in_an_added_step_is_not_taken_from_the_next_order():
    said = read(
        "Добавьте инициативу: навести порядок в Битрикс24. И перенесите инициативу 3 в «Дальше».",
        "ru",
        TODAY,
    )
    added, moved = plan_commands(said, TODAY)
    assert added.name == "навести порядок в Битрикс24" and moved.horizon == "medium"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We are on Checkatrade and get maybe 40% of enquiries from there, which costs "
         "about 1,800 a year."),
        ("nb", "Kundeinfo ligger i bookingsystemet. Webanalyse vet jeg ikke, det var noe google "
         "greier da nettsiden ble satt opp."),
    ],
)  # fmt: skip
def test_how_things_are_today_is_no_goal_and_prose_is_no_name(language, text):
    facts = read_message(text, language, TODAY)
    assert facts.goals == [] and facts.business_name is None


def test_the_name_said_outright_is_the_name_and_no_market():
    said = "Cykelverket är namnet på butiken, inte en plats. Vi säljer i Uppsala."
    facts = read_message(said, "sv", TODAY)
    assert (facts.business_name, facts.industry, facts.markets) == (
        "Cykelverket",
        None,
        ["Uppsala"],
    )


def test_a_proposed_deadline_said_back_is_confirmed(service):
    brief = (
        "Plumbing firm in Leeds, 9 staff, turnover 1.4m. We get about 25 enquiries a month "
        "from the website and want 40 a month."
    )
    service.start_from_brief("confirm", brief, "en")
    goal = service.session("confirm").plan.goals[0]
    assert goal.deadline_status == "proposed"
    reply = service.send("confirm", f"goal 1 deadline {goal.deadline:%B %Y} is fine", "en").reply
    goal = service.session("confirm").plan.goals[0]
    assert goal.deadline_status == "given" and "proposed" not in goal.statement
    assert "confirmed" in reply.split("\n\n")[0]


def test_norwegian_typed_without_its_letters_is_read_the_same():
    said = read_message(
        "Dette er feil. Maal 1 skal OEKE. Endre maal 1: fra 30 % til 60 % innen august 2027. "
        "maal 2: gi nytt navn til Takeaway via egen nettside.",
        "nb",
        TODAY,
    )
    orders = [(c.action, c.number, c.baseline, c.target, c.name) for c in said.commands]
    assert ("change_goal", 1, 30, 60, None) in orders
    assert ("rename_goal", 2, None, None, "Takeaway via egen nettside") in orders


@pytest.mark.parametrize(
    ("language", "said", "name"),
    [
        ("en", "add an initiative: ask every customer for a review by text, put it in Now",
         "ask every customer for a review by text"),
        ("sv", "Lägg till initiativ: Sökmotoroptimering och produkttexter i webbshopen, i Nästa.",
         "Sökmotoroptimering och produkttexter i webbshopen"),
        ("ru", "Добавьте инициативу: отзывы на Яндекс Картах, в «Сейчас».",
         "отзывы на Яндекс Картах"),
    ],
)  # fmt: skip
def test_the_lane_said_with_a_new_step_is_not_part_of_its_name(language, said, name):
    (order,) = plan_commands(read(said, language, TODAY), TODAY)
    assert (order.action, order.name) == ("add_initiative", name)
    assert lane_said(said, language) in ("short", "medium")


def test_a_goal_changed_from_and_to_without_a_verb_is_an_order():
    (order,) = plan_commands(read("goal 1 from 30% to 60%", "en", TODAY), TODAY)
    assert (order.action, order.number, order.baseline, order.target) == (
        "change_goal",
        1,
        30,
        60,
    )


@pytest.mark.parametrize(
    ("language", "text", "kind"),
    [
        ("en", "is going from 420 to 900 realistic in that time?", "realistic"),
        ("nb", "Er 65 % belegg realistisk?", "realistic"),
        ("sv", "Är 45 företagsevent orimligt?", "realistic"),
        ("ru", "Реально ли за год выйти на 30 млн?", "realistic"),
        ("en", "which of these should I prioritise?", "priority"),
        ("nb", "Hvilket av disse burde jeg prioritere?", "priority"),
        ("sv", "Vilket mål ska vi prioritera?", "priority"),
        ("ru", "Какую цель поставить в приоритет?", "priority"),
    ],
)
def test_realism_and_priority_questions_are_questions_about_the_plan(language, text, kind):
    assert plan_question(text, language) == kind


def test_realism_and_priority_are_answered_from_the_drafted_goals(service):
    _drafted(service, "judged")
    reply = service.send("judged", "is goal 2 realistic?", "en").reply
    goal = service.session("judged").plan.goals[1]
    assert reply.startswith(f"Goal 2: {goal.smart.achievable.reason}")
    reply = service.send("judged", "which of these should I prioritise?", "en").reply
    assert reply.startswith("Start with goal ")


def test_an_echoed_topic_answered_on_its_line_is_a_maturity_answer():
    assert read_message("goals written down? no, they are in my head", "en", TODAY).maturity == {
        "s_digital_goals": "no"
    }
    assert read_message("CRM? what is that", "en", TODAY).maturity == {}


def test_a_deadline_weeks_away_is_said_with_the_goals_and_can_be_moved(service):
    said = [*ACCOUNTANTS[:2], *ACCOUNTANTS[2:], "We want 120 clients on monthly packages by 31 "
            "December 2026, today 70.", "that's all"]  # fmt: skip
    _interviewed(service, "soon", said, "en")
    reply = service.send("soon", "yes", "en").reply
    assert "Goal 1 is due in 3 week(s), on 2026-12-31" in reply
    service.send("soon", "goal 1: deadline December 2027", "en")
    assert service.session("soon").plan.goals[0].deadline == date(2027, 12, 31)


@pytest.mark.parametrize(
    ("language", "text"),
    [("sv", "mål 1: slutdatum december 2027"), ("nb", "mål 1: frist desember 2027")],
)
def test_the_example_in_the_due_soon_note_is_an_order(language, text):
    (order,) = plan_commands(read(text, language, TODAY), TODAY)
    assert (order.action, order.number, order.deadline) == ("change_goal", 1, date(2027, 12, 31))
