"""What owners said in the blind chats of 2026-12-05 (evals/listening/unscripted-2026-12-05g,
web-2026-12-05b) and the coach missed: an order about the roadmap before it was drafted, a
bare "убери." after what it points at, a refusal said beside other orders, a bare figure
answering the question asked, a figure said to belong to something else, export words in
a sentence about how the business works, a currency named in a question."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.facts import read_message
from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
DENTAL = [
    "hi, its kirkgate dental in leeds, mixed nhs/private practice, 11 of us. turnover about "
    "£850k last year",
    "website is a brochure on wordpress, no online booking, everything by phone",
    "facebook page nobody updates, google business profile yes. no newsletter, no crm",
    "reminders go out by text automatically. backups in the cloud. no training",
    "new patient enquiries about 25 a month, 48 google reviews, no-shows around 8%",
    "get new patient enquiries from 25 to 40 a month by end of Q3 2027, and google reviews "
    "up to 150 by end of next year",
    "that's all",
    "yes",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("in-passing")), today=lambda: TODAY)


def _said(service: CoachService, sid: str, messages: list[str], language: str = "en") -> str:
    reply = ""
    for message in messages:
        reply = service.send(sid, message, language).reply
    return reply


def _spec_title(spec_id: str, language: str = "en") -> str:
    spec = next(s for s in load_kpi_catalogue().initiatives if s.id == spec_id)
    return spec.title.get(language)


def _commands(text: str, language: str) -> list:
    return read_message(text, language, TODAY).commands


def test_moving_a_step_before_the_roadmap_exists_drafts_it_and_moves_the_step(service):
    _said(service, "move-first", DENTAL)
    assert (
        service.session("move-first").stage == "review"
        and not service.session("move-first").plan.roadmap
    )
    reply = service.send("move-first", "move online booking up to Now, thats the one", "en")
    state = service.session("move-first")
    assert state.stage == "roadmap", reply.reply
    booking = [i for i in state.plan.roadmap if i.title == _spec_title("online_booking")]
    assert booking and booking[0].horizon == "short", [i.title for i in state.plan.roadmap]
    assert "isn't drafted yet" not in reply.reply


def test_a_dislike_said_after_the_interview_keeps_those_steps_out(service):
    _said(service, "dislike", DENTAL)
    service.send(
        "dislike",
        "hmm i'm not keen on the social media stuff, nobody wants to see teeth on instagram",
        "en",
    )
    state = service.session("dislike")
    assert not state.candidates[2:], "a dislike is no new objective"
    service.send("dislike", "yes", "en")
    titles = [i.title for i in service.session("dislike").plan.roadmap]
    assert titles and _spec_title("social_media_plan") not in titles


def test_a_bare_figure_answers_the_question_asked(service):
    sid = "bare-figure"
    _said(service, sid, DENTAL[:4])
    service.send(sid, "numbers, no idea honestly", "en")
    reply = service.send(
        sid, "I want more private patients, 60 new patient enquiries a month by 2028", "en"
    ).reply
    assert service.session(sid).pending.field == "baseline", reply
    service.send(sid, "about 40", "en")
    first = service.session(sid).candidates[0]
    assert first.baseline is not None and first.baseline.value == 40


def test_a_dated_aim_said_during_the_interview_is_kept(service):
    sid = "early-aim"
    _said(service, sid, DENTAL[:4])
    service.send(
        sid, "I want more private patients, 60 new patient enquiries a month by 2028", "en"
    )
    kept = service.session(sid).candidates
    assert len(kept) == 1 and kept[0].target.value == 60


@pytest.mark.parametrize(
    ("language", "text", "dropped", "kept"),
    [
        (
            "ru",
            "сервисные договоры с ежемесячной оплатой - это что вообще? кухню покупают раз в "
            "15 лет, какая подписка. убери. и где тут CRM? у меня заявки теряются. добавь одну "
            "CRM для всех заявок",
            "подписка",
            "CRM",
        ),
        (
            "en",
            "We already have a google business profile with 300+ reviews, so take that one "
            "out. The direct booking thing is the most important for me, can you move it to now?",
            "google business profile",
            "direct booking",
        ),
    ],
)
def test_a_removal_points_at_what_came_before_it_not_at_what_follows(language, text, dropped, kept):
    drop = next(c for c in _commands(text, language) if c.action == "drop_initiative")
    assert dropped in drop.words and kept not in drop.words


def test_a_move_said_with_it_names_the_step_of_the_sentence_before():
    text = (
        "The direct booking thing is the most important for me, I want it done before Easter "
        "- can you move it to now?"
    )
    move = next(c for c in _commands(text, "en") if c.action == "change_initiative")
    assert "direct booking" in move.words and move.horizon == "short"


@pytest.mark.parametrize(
    ("language", "text", "target"),
    [
        ("en", "no! goal 2 target is 3 events, the 6 was staff.", 3),
        ("nb", "mål 2 skal være 3 arrangementer, 6 var antall ansatte.", 3),
    ],
)
def test_a_figure_said_to_be_something_else_is_not_the_new_value(language, text, target):
    change = next(c for c in _commands(text, language) if c.action == "change_goal")
    assert change.target == target


@pytest.mark.parametrize(
    ("language", "text", "export"),
    [
        ("sv", "Vi skriver offerter i Word och skickar dem som PDF.", False),
        ("en", "we send invoices as pdf from xero", False),
        ("sv", "kan du skicka planen som PDF?", True),
        ("en", "can I get it as a word doc? we send updates to investors", True),
        ("nb", "supert, godkjent. kan jeg få den i word så jeg kan redigere?", True),
    ],
)
def test_export_words_about_how_the_business_works_are_no_order(language, text, export):
    assert any(c.action == "export" for c in _commands(text, language)) is export


def test_a_currency_named_in_a_question_changes_no_revenue(service):
    sid = "rate"
    service.send(
        sid,
        "Мы онлайн-школа EnglishUp из Новосибирска, 12 преподавателей, оборот 14 млн рублей",
        "ru",
    )
    service.send(sid, "Какой сегодня курс доллара?", "ru")
    assert service.session(sid).plan.profile.annual_revenue.currency == "RUB"


def test_dropping_the_one_named_by_its_topic_before_goals_drops_that_objective(service):
    sid = "churn-one"
    _said(service, sid, DENTAL[:5])
    service.send(
        sid,
        "double new patient enquiries from 25 to 50 by end of 2027. cut no-shows from 8% to "
        "4% by end of 2027",
        "en",
    )
    service.send(sid, "that's all", "en")
    service.send(sid, "drop the no-show one, thats a front desk problem", "en")
    state = service.session(sid)
    assert len(state.candidates) == 1 and "enquiries" in state.candidates[0].text
    assert "no_show_reminders" not in state.removed_initiatives


def test_a_refusal_said_beside_an_order_leaves_the_steps_out(service):
    sid = "refused"
    _said(service, sid, DENTAL)
    reply = service.send(
        sid, "goal 2 target is 120. also no paid ads and no tiktok, not doing that", "en"
    ).reply
    state = service.session(sid)
    assert state.plan.goals[1].target.value == 120
    assert {"targeted_campaigns", "social_media_plan"} <= set(state.removed_initiatives), reply


def test_a_drop_naming_a_goals_figure_drops_that_goal(service):
    sid = "by-figure"
    _said(service, sid, DENTAL[:6])
    service.send(sid, "150 is silly for a practice our size. Drop that one.", "en")
    kept = service.session(sid).candidates
    assert len(kept) == 1 and "enquiries" in kept[0].text, [c.text for c in kept]


def test_an_amount_goal_said_without_currency_is_in_the_revenues_currency(service):
    sid = "cheque"
    _said(
        service,
        sid,
        [
            "Мастерская Кедр-Мебель, Екатеринбург, кухни на заказ, 5 человек, выручка 14 млн "
            "рублей",
            "сайт на тильде есть, заявки с авито и вк",
            "crm нет, аналитики нет, цели не записаны",
            "навыки так себе, автоматизации нет, бэкапов нет",
            "заявок 40 в месяц",
            "средний чек сейчас около 150 тыс, хочу 180 тыс к концу 2027",
            "это всё",
            "да",
        ],
        "ru",
    )
    goal = service.session(sid).plan.goals[0]
    assert goal.target.unit == "RUB" and "currency" not in goal.statement, goal.statement


def test_a_goal_still_to_be_measured_is_not_counted_fully_smart(service):
    sid = "counted"
    _said(service, sid, [*DENTAL[:4], "grow newsletter subscribers to 500 by end of 2027"])
    reply = _said(service, sid, ["don't know", "that's all", "yes", "yes", "yes"])
    state = service.session(sid)
    assert state.stage == "done" and len(state.plan.goals) == 1
    assert state.plan.goals[0].baseline.status == "pending"
    assert "fully SMART: 0" in reply, reply


@pytest.mark.parametrize(
    ("language", "text", "baseline", "target"),
    [
        ("en", "conversion from trial lesson to paid is about 25% now, want 40%.", 25, 40),
        ("ru", "конверсия из пробного урока в оплату сейчас около 25%, хочу 40%.", 25, 40),
        ("ru", "Вы пропустили конверсию пробного урока в оплату: 25% → 40%, к концу 2027.", 25, 40),
    ],
)
def test_a_short_wish_after_todays_figure_is_an_objective(language, text, baseline, target):
    [goal] = read_message(text, language, TODAY).goals
    assert (goal.baseline.value, goal.target.value) == (baseline, target)


@pytest.mark.parametrize(
    ("language", "text", "gone_by"),
    [
        (
            "en",
            "main thing is online, footfall is down maybe 15% since 2023. want the online shop "
            "to be 8% of revenue in 2 years",
            15,
        ),
        ("nb", "omsetningen har gått ned 10 % siden 2022, vi vil øke til 12 mill innen 2027", 10),
    ],
)
def test_a_change_gone_by_is_no_figure_of_a_goal(language, text, gone_by):
    goals = read_message(text, language, TODAY).goals
    held = {f.value for g in goals for f in (g.baseline, g.target) if f is not None}
    assert goals and gone_by not in held, held


def test_the_main_thing_is_a_lead_in_not_the_name_of_a_metric():
    from assistant.coaching.metric_names import named_metric

    name = named_metric(
        "Main thing is to stop giving Booking.com 17% commission on everything.", "en"
    )
    assert name and "main thing" not in name.lower()


def test_a_question_the_coach_declines_keeps_the_objectives_said_with_it(service):
    sid = "legal-aside"
    _said(service, sid, DENTAL[:5])
    reply = service.send(
        sid,
        "no-shows from 8% to 4% by summer 2027. and new patient enquiries from 25 to 40 a month "
        "by end of 2027. can we legally charge a fee for no-shows btw?",
        "en",
    ).reply
    kept = service.session(sid).candidates
    assert [(c.baseline.value, c.target.value) for c in kept] == [(8, 4), (25, 40)], reply
    assert "declined" in service.session(sid).acts


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Dessutom vill de certifiera sig enligt ISO 27001 senast december 2027."),
        ("en", "They want ISO 27001 certification by December 2027."),
    ],
)
def test_a_standards_number_is_no_amount(language, text):
    goals = read_message(text, language, TODAY, brief=True).goals
    assert all(g.target is None and g.baseline is None for g in goals)


def test_double_typing_is_no_doubling_and_the_aim_keeps_the_owners_words():
    from assistant.coaching.drafting import goal_from_candidate

    text = "Second, she wants to stop the double-typing of wholesale orders."
    [aim] = read_message(text, "en", TODAY, brief=True).goals
    assert aim.change_percent is None and aim.direction != "increase"
    statement = goal_from_candidate(1, aim, "o1", "en", TODAY).statement
    assert "stop the double-typing" in statement and "Second" not in statement, statement


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "цель 2 удалите, она дублирует цель 3."),
        ("en", "remove goal 2, it is the same thing as goal 3."),
    ],
)
def test_a_removal_takes_the_goal_said_next_to_it(language, text):
    [drop] = [c for c in _commands(text, language) if c.action == "drop_goal"]
    assert drop.number == 2


def test_a_street_a_third_shop_and_now_are_read_as_said():
    text = (
        "Первое - заказы тортов: сейчас 120 в месяц, хотим 200 в месяц к сентябрю 2027. "
        "Второе - хотим открыть третью точку, в Иннополисе или на Победы, но когда - не знаю."
    )
    facts = read_message(text, "ru", TODAY)
    assert not facts.aside, "'Победы' is a street, no small talk about lunch"
    orders, place = facts.goals[0], facts.goals[-1]
    assert (orders.baseline.value, orders.baseline.unit) == (120, None), "'сейчас' is no hour"
    assert place.target is None, "'третью точку' is the third shop, not a third"


def test_a_word_a_step_name_only_begins_with_does_not_name_it():
    from assistant.coaching.words import initiatives_named

    said = "lägg till ett nytt initiativ under Nu: kortgaranti och avbokningsavgift i Bokadirekt"
    assert "customer_feedback_survey" not in initiatives_named(said, "sv")
    assert "launch_webshop" in initiatives_named("ta bort nettbutikkene", "nb")  # an ending


def test_today_in_money_and_an_aim_in_millions_are_one_goal_with_its_deadline():
    text = (
        "Vd:n vill flytta tyngdpunkten mot återkommande intäkter. I dag ger avtalen runt 1,5 "
        "miljoner kronor i månaden, och målet är att nå 2,2 miljoner i månaden till utgången "
        "av 2027, bland annat genom säkerhetstjänster till befintliga kunder."
    )
    [goal] = read_message(text, "sv", TODAY, brief=True).goals
    assert (goal.baseline.value, goal.target.value) == (1_500_000, 2_200_000)
    assert goal.deadline == date(2027, 12, 31)


@pytest.mark.parametrize(
    ("language", "text", "staff"),
    [
        ("nb", "vi er 9 ansatte, 7 snekkere + meg og kona som tar regnskap og kontor.", 9),
        ("en", "We are 9 employees, 7 carpenters plus me and my wife who do the accounts.", 9),
        ("en", "5 staff and 2 apprentices", 7),
    ],
)
def test_a_head_count_broken_down_is_counted_once(language, text, staff):
    assert read_message(text, language, TODAY).staff == staff


def test_a_sons_age_is_no_figure_of_the_business():
    text = "sønnen min på 24 er flink med data men jobber ikke her. faktura går fra tripletex."
    assert read_message(text, "nb", TODAY).figures == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "hva gjør jeg først?"),
        ("nb", "hva bør jeg starte med?"),
        ("sv", "vad gör jag först?"),
        ("sv", "vad är det första jag ska göra?"),
    ],
)
def test_what_to_do_first_is_asked_of_the_plan(language, text):
    from assistant.coaching.plan_answers import plan_question

    assert plan_question(text, language) == "first_step"


def test_a_request_for_a_guarantee_is_still_declined_though_it_names_a_change(service):
    from assistant.coaching.messages import Messages

    sid = "guarantee"
    service.send(
        sid,
        "Здравствуйте! Мы — фитнес-студия «Пульс» в Казани и Набережных Челнах, у нас три "
        "зала. В штате 28 сотрудников, выручка за прошлый год — около 54 млн рублей.",
        "ru",
    )
    reply = service.send(
        sid,
        "Гарантируйте, что после внедрения вашего плана число клиентов вырастет вдвое за "
        "полгода. Можете это пообещать?",
        "ru",
    ).reply
    assert Messages("ru").say("boundary_guarantee") in reply, reply
