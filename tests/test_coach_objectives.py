"""Which of the owner's clauses the coach plans with as separate goals: a wish without a
figure and an "and" that opens another change with its own figures are two aims; a means
and its measure ("be more visible and get more enquiries, from 10 to 25") are one."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("language", "text", "aims"),
    [
        (
            "ru",
            "Хочу нормальную онлайн-запись, чтобы в сезон не было живой очереди, "
            "и поднять загрузку в межсезонье до 75% за счёт ТО и ремонта.",
            2,
        ),
        (
            "en",
            "we want to be more visible online and get more enquiries, from 10 to 25 a quarter",
            1,
        ),
        (
            "nb",
            "mål: google-anmeldelser fra 23 til 100 før fellesferien, altså slutten av juni.",
            1,
        ),
    ],
)
def test_two_aims_stay_apart_and_one_aim_stays_whole(language, text, aims):
    assert len(read_message(text, language, TODAY).goals) == aims


def test_a_date_said_again_in_other_words_is_the_deadline_of_the_same_goal():
    goals = read_message(
        "goals: grow trial signups by 50% by next summer, say end of june", "en", TODAY
    ).goals
    assert len(goals) == 1 and goals[0].deadline == date(2027, 6, 30)


def test_todays_value_after_a_relative_cut_gives_the_target():
    goals = read_message(
        "mål: kutte mittanbud-kostnaden med 40 % innen 18 mnd, i dag bruker vi ca 25 000 kr i mnd",
        "nb",
        TODAY,
    ).goals
    assert len(goals) == 1
    assert (goals[0].baseline.value, goals[0].target.value) == (25_000, 15_000)


# Briefs list their objectives in many shapes; each item is one goal, whatever the shape.
@pytest.mark.parametrize(
    ("language", "text", "aims"),
    [
        (  # an inline list numbered "(1) … (2) … (3)" after a wish
            "en",
            "The owners would like to (1) lift repeat bookings to 40% by June 2027, (2) put "
            "the price list online, and (3) halve the time spent on invoices within a year.",
            3,
        ),
        (  # a header, then items cut by semicolons, the first right after the label
            "en",
            "Objectives: answer every quote request within one day by March 2027; digitise "
            "job sheets; renew the trade accreditation; and grow service contracts by 30% "
            "over two years (currently about 120).",
            4,
        ),
        (  # a header with a year, then bullets; a bullet that says how stays with its aim
            "nb",
            "Mål for 2027:\n- flere firmakunder, særlig ved å selge lunsjavtaler på nett\n"
            "- øke lunsjleveransene fra 20 til 50 i uka innen juni 2027\n"
            "- mindre tid på telefon",
            3,
        ),
        (  # a sentence that enumerates four wishes, one with "f.eks." inside brackets
            "sv",
            "Önskemål: bokning på nätet före april 2027, högst 5 dagars väntetid, jämnare "
            "intäkter på vintern (t.ex. vinterförvaring av båtar), kanske sälja begagnade "
            "motorer på Blocket.",
            4,
        ),
        (  # two wishes joined by "и", neither with figures
            "ru",
            "Собственник хочет перейти на электронные накладные и сократить время на сверку "
            "остатков, но бюджет ограничен.",
            2,
        ),
    ],
)
def test_every_objective_of_a_brief_is_its_own_goal(language, text, aims):
    assert len(read_message(text, language, TODAY).goals) == aims


def test_a_list_header_in_conversation_does_not_split_one_objective_into_its_figures():
    goals = read_message(
        "lägg till ett mål: leveranstid på beställningar, idag ca 5 dagar, ner till 2 dagar "
        "till sista maj 2027.",
        "sv",
        TODAY,
    ).goals
    assert len(goals) == 1 and goals[0].deadline == date(2027, 5, 31)


@pytest.mark.parametrize(
    ("language", "text", "direction"),
    [
        ("en", "reduce no-shows from 8% to 10% by June 2027", "decrease"),
        ("nb", "vi vil kutte purringene fra 40 til 45 i måneden innen juni 2027", "decrease"),
        ("sv", "öka bokningarna på nätet från 60 % till 50 % till sommaren 2027", "increase"),
        ("ru", "снизить время ответа с 24 до 30 часов к марту 2027", "decrease"),
    ],
)
def test_the_owners_verb_gives_the_direction_and_a_contrary_target_is_flagged(
    language, text, direction
):
    from assistant.coaching.drafting import goal_from_candidate
    from assistant.coaching.plan import Objective
    from assistant.coaching.smart import check_goal

    candidate = read_message(text, language, TODAY).goals[0]
    goal = goal_from_candidate(1, candidate, "o1", language, TODAY)
    assert goal.direction == direction
    objective = Objective(id="o1", category=candidate.category, owner_words=text)
    verdict = check_goal(goal, [objective], TODAY, language)
    assert not verdict.letters.measurable.ok  # the numbers go the other way: said, not hidden


@pytest.mark.parametrize(
    ("language", "text", "aims"),
    [
        (  # three wishes after one "jeg vil at"
            "nb",
            "Jeg vil at halvparten av timene bestilles på nett innen mars 2027, at kundene får "
            "påminnelse om service, og at vi får flere firmabiler inn – i dag 15 % av jobbene.",
            3,
        ),
        (  # "fill" is a wish; "runs at about 60 %" is today's value of it
            "en",
            "And fill the evening classes — they run at about 60% full, I want 90% by June 2027.",
            1,
        ),
    ],
)
def test_parallel_wishes_stay_apart_and_a_running_level_is_todays_value(language, text, aims):
    goals = read_message(text, language, TODAY).goals
    assert len(goals) == aims
    if aims == 1:
        assert (goals[0].baseline.value, goals[0].target.value) == (60, 90)


def test_a_brief_that_mentions_something_forgotten_is_not_a_correction():
    brief = (
        "Vi er et lite bakeri med seks ansatte. Bestillinger tas på telefon, og i fjor glemte vi "
        "tre bryllupskaker. Jeg ønsker at kundene kan bestille på nett, og jeg vil gjerne ha 15 "
        "faste firmakunder innen utgangen av 2027."
    )
    goals = read_message(brief, "nb", TODAY, brief=True).goals
    assert len(goals) == 2


def test_a_share_booked_online_is_the_online_booking_kpi_not_the_one_said_before():
    goals = read_message(
        "No-shows are about 9%. I want to cut no-shows to under 4%, and get at least 40% of "
        "appointments booked online by the end of 2027.",
        "en",
        TODAY,
    ).goals
    assert [g.kpi_id for g in goals] == ["no_show_rate", "self_service_share"]


@pytest.mark.parametrize(
    ("language", "text", "aims"),
    [
        (  # what the online booking is for is part of it
            "ru",
            "Запустить летний городской лагерь, чтобы летом не терять деньги.",
            1,
        ),
        ("sv", "Vi vill ha onlinebokning, så att telefonen inte ringer hela dagen.", 1),
        (  # a "that" clause after a bare wish is the wish itself
            "ru",
            "Хочу, чтобы к сезону заказы были расписаны на 2 месяца вперёд.",
            1,
        ),
        (  # lettered items on one line are items of their own
            "en",
            "Objectives: (a) at least 40% of repeat orders through a self-service channel by "
            "mid-2027; (b) fewer order-entry errors, currently roughly 3% of orders need a "
            "credit or redelivery.",
            2,
        ),
        (  # who the business is, not what it wants
            "en",
            "Landscaping and garden build company in Leeds, 9 of us incl. me.",
            0,
        ),
        (  # a chore described, not a wish
            "nb",
            'Kursbevis lager vi i Word, og vi får stadig spørsmål av typen "når går '
            'sertifikatet ut", som vi må lete etter i permer.',
            0,
        ),
    ],
)
def test_purposes_descriptions_and_list_items_are_read_as_what_they_are(language, text, aims):
    assert len(read_message(text, language, TODAY, brief=True).goals) == aims


def test_a_lettered_item_keeps_its_own_figures():
    goals = read_message(
        "Objectives: (a) at least 40% of repeat orders through a self-service channel by "
        "mid-2027; (b) fewer order-entry errors, currently roughly 3% of orders need a "
        "credit or redelivery.",
        "en",
        TODAY,
        brief=True,
    ).goals
    assert goals[0].baseline is None and goals[0].target.value == 40
    assert goals[1].baseline.value == 3


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I double booked twice last month."),
        ("en", "We doubled our online sales last year, mostly from Instagram."),
        ("sv", "Vi fördubblade omsättningen i fjol."),
        ("ru", "В прошлом году мы увеличили выручку на 20%."),
    ],
)
def test_a_change_that_already_happened_is_not_an_objective(language, text):
    assert read_message(text, language, TODAY, brief=True).goals == []


def test_a_bare_target_takes_the_metric_of_the_sentence_before():
    [goal] = read_message(
        "Every January to March we drop to about 40% utilisation. I want 70% by next winter.",
        "en",
        TODAY,
        brief=True,
    ).goals
    assert goal.kpi_id == "capacity_utilisation"
    assert (goal.baseline.value, goal.target.value) == (40, 70)


def test_figures_after_a_dash_belong_to_the_wish_before_it():
    [goal] = read_message(
        "Second, I want to win more of our quotes - from 35% to 45%.", "en", TODAY, brief=True
    ).goals
    assert goal.kpi_id == "quote_win_rate"
    assert (goal.baseline.value, goal.target.value) == (35, 45)


def test_a_wish_and_the_sentence_that_gives_its_figures_are_one_objective():
    [goal] = read_message(
        "I want to move towards more EV charger and solar battery installs, they pay better. "
        "Today EV chargers are maybe 15% of turnover, I'd like that at 35% by the end of 2027.",
        "en",
        TODAY,
        brief=True,
    ).goals
    assert (goal.baseline.value, goal.target.value) == (15, 35)
    assert goal.kpi_id != "days_to_payment"  # "they pay" names no time to get paid
