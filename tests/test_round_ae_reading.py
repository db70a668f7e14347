"""Reading fixes after the blind conversations of 2026-12-06ac (fitness studio, soap maker,
plumber, dental clinic): the coach's own words quoted back, a figure said to be something
else, everyday words said in passing and hedges no longer become answers; sums paid, pack
sizes, shared metric words and "14–15 000" land where the owner meant them; a list of aims
keeps the one written without a verb."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.facts import read_message, said_firmly
from assistant.understanding.intents import questions
from assistant.understanding.maturity import read_maturity
from assistant.understanding.quantities import read_amounts

TODAY = date(2026, 12, 6)


def _answers(text: str, language: str) -> dict[str, str]:
    return {f.topic: f.answer for f in read_maturity(text, language, [])}


def _figures(text: str, language: str) -> dict[str, float]:
    facts = read_message(text, language, TODAY)
    return {f.kpi_id: f.value for f in facts.figures}


def test_the_coachs_label_quoted_back_is_not_the_owners_answer():
    said = "Vänta, nu skrev du 'Egen webbplats: nej' – vi HAR en webbplats i Wix."
    assert _answers(said, "sv")["website"] == "yes"


def test_a_word_stressed_in_quotes_still_answers():
    assert _answers('We\'ve got a "website" of sorts', "en")["website"] == "yes"


def test_what_a_figure_is_not_says_nothing_of_the_topic_it_names():
    said = "Stopp, 300 är inte besök på webbplatsen, det är bokade patientbesök per månad!"
    assert "website" not in _answers(said, "sv")


@pytest.mark.parametrize(
    ("said", "language", "topic"),
    [
        ("Nyckeltal: jag kollar omsättning och antal behandlingar i T4 ibland.", "sv", "analytics"),
        ("Admin is mostly paperless I think.", "en", "paperless"),
    ],
)
def test_sometimes_and_mostly_make_a_yes_partly(said, language, topic):
    assert _answers(said, language)[topic] == "partly"


def test_a_long_clause_after_an_answer_does_not_soften_it():
    said = (
        "we have a squarespace website, members book through an old booking app (ClassLoop) "
        "which everyone hates, it crashes"
    )
    assert _answers(said, "en")["website"] == "yes"


def test_freelance_instructors_are_no_answer_about_digital_skills_unless_asked():
    facts = read_message(
        "Me (owner, I also teach), 2 instructors on staff and about 5 freelancers who cover "
        "some slots.",
        "en",
        TODAY,
    )
    assert "h_skills" not in said_firmly(facts)
    assert "h_skills" in said_firmly(facts, asked=["h_skills"])
    agency = read_message("a web agency helps us with the site", "en", TODAY)
    assert said_firmly(agency).get("h_skills") == "yes"


def test_a_dont_know_said_as_a_correction_replaces_the_answer_held():
    bank = load_maturity_questions()
    held = {"d_analytics": "yes"}
    assert bank.merge(held, {"d_analytics": "unknown"})["d_analytics"] == "yes"
    assert bank.merge(held, {"d_analytics": "unknown"}, corrected=True)["d_analytics"] == "unknown"
    facts = read_message("Och webbanalys sa jag vet inte, det är inte ett ja.", "sv", TODAY)
    assert facts.intent == "correction"


def test_subscribers_of_the_newsletter_are_not_active_customers():
    figures = _figures("Also you missed the newsletter (mailchimp, ~1,900 subscribers).", "en")
    assert figures == {"email_subscribers": 1900}


def test_a_pack_size_after_a_price_is_no_booking_count():
    said = (
        "About 350 members, nearly all on monthly memberships (£69 unlimited or £49 for 8 classes)"
    )
    assert _figures(said, "en") == {"active_customers": 350}


def test_thousands_written_once_belong_to_both_ends_of_a_range():
    values = [f.amount.value for f in read_amounts("vi betaler 14–15 000 i mnd", "nb")]
    assert values == [14500]
    assert [f.amount.value for f in read_amounts("1,5–2 mill", "nb")] == [1_750_000]


def test_a_sum_paid_to_a_platform_is_not_an_order_count():
    said = (
        "Vi betaler mye for Mittanbud, kanskje 14-15 000 i mnd, og vinner kanskje 1 av 5 "
        "jobber vi byr på der"
    )
    assert "orders_per_month" not in _figures(said, "nb")


def test_a_figure_called_wrong_is_replaced_by_the_one_given():
    facts = read_message(
        "Nei vent, 7507 ordrer i måneden er helt feil! 14-15 000 er hva vi BETALER Mittanbud i "
        "kroner per måned. Vi gjør vel rundt 45 jobber i måneden totalt. Omsetning i fjor var "
        "ca 16 mill.",
        "nb",
        TODAY,
    )
    assert [(f.kpi_id, f.value) for f in facts.figures] == [("orders_per_month", 45)]
    assert facts.revenue is not None and facts.revenue.amount == 16_000_000


@pytest.mark.parametrize(
    ("said", "language", "kpi", "value"),
    [
        ("Totalt har vi ungefär 300 bokade besök i månaden.", "sv", "bookings_per_month", 300),
        ("ca 2000 besök på hemsidan i månaden", "sv", "website_visits", 2000),
    ],
)
def test_booked_visits_are_bookings_and_2000_visits_is_no_year(said, language, kpi, value):
    assert _figures(said, language).get(kpi) == value


@pytest.mark.parametrize(
    ("said", "language", "staff"),
    [
        (
            "Vi er 11 ansatte, 8 rørleggere i felten, meg, en lærling og ei på kontoret.",
            "nb",
            11,
        ),
        ("Me (owner, I also teach), 2 instructors on staff and about 5 freelancers.", "en", 3),
    ],
)
def test_a_head_count_broken_down_in_part_is_the_count_said(said, language, staff):
    assert read_message(said, language, TODAY).staff == staff


def test_the_owners_name_and_verb_are_not_part_of_the_company_name():
    facts = read_message("Hei! Jeg heter Terje og eier Vestland Rør AS i Bergen.", "nb", TODAY)
    assert facts.business_name == "Vestland Rør AS"


def test_an_aim_in_a_numbered_list_needs_no_verb_of_its_own():
    goals = read_message(
        "Ok mål. 1) Flere baderomsrenoveringer, fra 3 bad i måneden til 6 innen desember 2027. "
        "2) Faktura ut innen 3 dager etter ferdig jobb, i dag 17 dager, innen mars 2027. "
        "3) Andel jobber fra Mittanbud fra 60 % til 30 % innen desember 2027.",
        "nb",
        TODAY,
    ).goals
    assert len(goals) == 3
    assert (goals[1].baseline.value, goals[1].target.value) == (17, 3)


def test_facts_in_a_numbered_list_are_not_aims():
    goals = read_message(
        "1) 11 staff 2) revenue 16m 3) grow revenue from 16m to 20m by 2028", "en", TODAY
    ).goals
    assert len(goals) == 1


def test_a_statement_ending_in_maybe_and_a_question_mark_is_not_a_question():
    said = (
        "Webanalyse vet jeg ikke, svogeren satte opp noe Google greier kanskje? Forresten, "
        "registrerte du at vi er 11 ansatte og ikke 19?"
    )
    asked = [q.text for q in questions(said, "nb")]
    assert asked == ["Forresten, registrerte du at vi er 11 ansatte og ikke 19?"]


def test_today_is_the_figure_on_the_side_the_aim_says():
    goals = read_message(
        "Normally we lose about 6% of members a month but in summer it jumps to like 14%. "
        "I want summer churn under 8% by summer 2027.",
        "en",
        TODAY,
    ).goals
    assert (goals[0].baseline.value, goals[0].target.value) == (14, 8)


def test_a_short_sum_up_after_an_answer_hedges_it():
    said = (
        "Backups, erm, the Xero stuff is in the cloud obviously, the excel sheet is on the "
        "office pc. so partly I guess?"
    )
    assert _answers(said, "en")["backup"] == "partly"


def test_a_part_of_the_turnover_is_not_the_turnover():
    facts = read_message(
        "38 customers on maintenance, worth about £95k a year out of roughly £520k turnover.",
        "en",
        TODAY,
    )
    assert facts.revenue is not None and facts.revenue.amount == 520_000


def test_a_sum_said_to_be_what_contracts_bring_in_is_money_not_customers():
    facts = read_message(
        "whoa, revenue is NOT 95k. turnover is about £520,000 a year. the 95k is what the "
        "maintenance contracts bring in.",
        "en",
        TODAY,
    )
    assert facts.intent == "correction"
    assert "active_customers" not in {f.kpi_id for f in facts.figures}


@pytest.mark.parametrize(
    ("said", "language", "topic", "answer"),
    [
        ("Säkerhets- och integritetsrutiner: nej.", "sv", "security_gdpr", "no"),
        ("Own website: yes, Automatic backups: not sure", "en", "backup", "unknown"),
        ("Digital skills in the team: partly", "en", "skills", "partly"),
    ],
)
def test_a_note_of_the_coach_said_back_with_an_answer_answers_it(said, language, topic, answer):
    answers = _answers(said, language)
    assert answers[topic] == answer, answers
    assert "routine_automation" not in answers


def test_opening_hours_are_neither_aims_nor_figures():
    said = (
        "Из цифр знаю: средний чек 380 руб, утром с 8 до 11 около 120 чеков, а в будни с 14 до "
        "17 всего 15-20 чеков, пусто совсем."
    )
    facts = read_message(said, "ru", TODAY)
    assert not [g for g in facts.goals if g.baseline and g.baseline.value in (8, 14)], facts.goals
    assert 8 not in {f.value for f in facts.figures if f.kpi_id == "orders_per_month"}


def test_a_count_and_a_span_of_weeks_said_apart_are_not_one_figure():
    goals = read_message(
        "we want to make year end less of a nightmare (Jan is hell, we do about 120 self "
        "assessment returns and half come in the last 3 weeks)",
        "en",
        TODAY,
    ).goals
    assert not any(g.baseline and g.baseline.unit == "days" for g in goals), goals


def test_a_booking_system_named_like_a_place_is_no_market():
    facts = read_message("Vi bruker Timma til booking, og tallene hentes fra Timma.", "nb", TODAY)
    assert "Timma" not in facts.markets


def test_the_first_of_two_goals_said_the_same_is_the_one_dropped():
    from assistant.coaching.commands import plan_commands
    from assistant.understanding import read

    said = read("Mål 1 og mål 3 er jo det samme, slett det første.", "nb", TODAY, goals=3)
    assert [(c.action, c.number) for c in plan_commands(said, TODAY)] == [("drop_goal", 1)]
    both = read("fjern mål 2 og 3", "nb", TODAY, goals=3)
    assert [c.number for c in plan_commands(both, TODAY)] == [2, 3]


def test_a_list_dash_after_a_figure_makes_no_range():
    said = "Rough numbers:\n- ~18k site visits\n- 410 trial signups"
    assert [f.amount.value for f in read_amounts(said, "en")] == [18000, 410]
