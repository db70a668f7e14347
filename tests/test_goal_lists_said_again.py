"""What owners did in the blind rounds of 2026-12-05s and 2026-12-05l (evals/listening/
unscripted-2026-12-05s, web-2026-12-05l) that the coach got wrong: goals removed by the
numbers shown before the message, a goal said again under its number, facts about the
website said with the business, a figure corrected with "aren't", and "we CAN book online"."""

from __future__ import annotations

from datetime import date

import pytest
from text_helpers import owner_messages

from assistant.coaching.facts import read_message
from assistant.coaching.refusals import refused_steps
from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 5)
DENTAL = "unscripted-2026-12-05s/transcript_en_dental.md"


@pytest.fixture
def dental(seeded_data_dir):
    """The dental practice's chat up to its four objectives (message 7), before any goal is
    drafted."""
    service = CoachService(Settings(data_dir=seeded_data_dir("dental")), today=lambda: TODAY)
    for message in owner_messages(DENTAL)[:7]:
        service.send("dental", message, "en")
    assert len(service.session("dental").candidates) == 4
    return service


@pytest.mark.slow
def test_goals_removed_together_are_the_ones_the_owner_saw(dental):
    before = [c.text for c in dental.session("dental").candidates]
    reply = dental.send("dental", "remove goals 2 and 3 please", "en").reply
    after = [c.text for c in dental.session("dental").candidates]
    assert after == [before[0], before[3]], reply
    assert "goal 2 removed" in reply and "goal 3 removed" in reply


@pytest.mark.slow
def test_a_goal_said_again_under_its_number_replaces_it(dental):
    said = (
        "Let me be really clear:\n"
        "Goal 1: implant cases per month, 6 -> 15, by 2027-12-31 (cases, not GBP)\n"
        "Goal 4: average Google rating, 3.8 -> 4.6, by 2027-12-31 (rating, not number of reviews)"
    )
    reply = dental.send("dental", said, "en").reply
    state = dental.session("dental")
    assert len(state.candidates) == 4, reply
    first, fourth = state.candidates[0], state.candidates[3]
    assert "implant cases" in first.text and "GBP" not in (first.target.unit or "")
    assert (first.baseline.value, first.target.value) == (6, 15)
    assert (fourth.baseline.value, fourth.target.value) == (3.8, 4.6)
    assert fourth.deadline == date(2027, 12, 31)


def test_an_aside_in_brackets_stays_with_its_goal():
    facts = read_message(
        "Goal 1: implant cases per month, 6 -> 15, by 2027-12-31 (cases, not GBP)", "en", TODAY
    )
    assert len(facts.goals) == 1
    assert facts.goals[0].deadline == date(2027, 12, 31)


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Vi er Fjordlys Regnskap AS, et regnskapsbyrå i Bergen med 12 ansatte.", "nb", "Bergen"),
        ("Vi är en redovisningsbyrå i Uppsala med 8 anställda.", "sv", "Uppsala"),
    ],
)
def test_an_accounting_firm_in_a_town_sells_there(text, language, place):
    assert read_message(text, language, TODAY).markets == [place]


@pytest.mark.slow
def test_the_website_said_with_the_business_is_not_asked_again(seeded_data_dir):
    service = CoachService(Settings(data_dir=seeded_data_dir("fjordlys")), today=lambda: TODAY)
    service.send(
        "f",
        "Fjordlys Regnskap AS, regnskapsbyrå i Bergen med 12 ansatte. Vi har nettside og "
        "bruker Tripletex, men ingen CRM, og kundene kan ikke bestille noe på nett.",
        "nb",
    )
    reply = service.send("f", "Omsetningen er ca 14 mill.", "nb").reply
    assert service.session("f").maturity_answers["r_website"] == "yes"
    assert "nettside" not in reply.split("Notert")[0] and "Har dere en egen nettside" not in reply


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mostly right but: online bookings aren't 5%, it's 75%. Otherwise yes.", "en"),
        ("Nettbestillinger er ikke 5 %, det er 75 %.", "nb"),
    ],
)
def test_a_figure_corrected_with_not_answers_no_question_no(text, language):
    assert "no" not in read_message(text, language, TODAY).maturity.values()


def test_saying_customers_can_book_online_refuses_no_booking_step():
    said = "No no, customers CAN book online - on our website booking engine and on Booking.com."
    assert refused_steps(said, "en") == []
    assert refused_steps("Online booking?? we are plumbers", "en") == ["online_booking"]
