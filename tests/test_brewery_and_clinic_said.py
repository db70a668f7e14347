"""Orders the brewery and clinic owners of the blind round of 2026-12-05v wrote
(evals/listening/unscripted-2026-12-05v) that the coach dropped or turned around: "Add …"
opening a later sentence, "it's not bookings per month, it's people per night" and "du
noterte ikke …" taken as refusing a step, and one date for two goals applied to one."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.commands import plan_commands
from assistant.coaching.refusals import refused_steps
from assistant.understanding.reader import read

TODAY = date(2026, 12, 5)


def _orders(text: str, language: str):
    commands = plan_commands(read(text, language, TODAY, goals=4), TODAY)
    return [(c.action, c.number, c.deadline) for c in commands]


def test_an_order_opening_a_later_sentence_is_read():
    said = "Also you dropped my 5th objective, the mailing list. Add automatic backup."
    assert ("add_goal", None, None) in _orders(said, "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("And it's not bookings per month, it's average people per night Tuesday–Thursday.", "en"),
        ("Du noterte ikke at vi mister 30 anrop i uka, svar på hvert tapte anrop er viktig.", "nb"),
        ("You forgot the online booking I mentioned, that's the main thing.", "en"),
        ("Nej nu blev det fel igen – bokning på nätet är JA via Booking, andelen är ca 47%.", "sv"),
    ],
)
def test_a_label_fixed_or_a_fact_missed_refuses_no_step(text, language):
    assert refused_steps(text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Oops. I meant December 2027 for both goal 1 and goal 2.", "en"),
        ("flytta mål 1 och mål 2 till december 2027", "sv"),
    ],
)
def test_one_date_for_two_goals_goes_to_both(text, language):
    end = date(2027, 12, 31)
    assert _orders(text, language) == [("change_goal", 1, end), ("change_goal", 2, end)]


def test_an_order_labelled_with_its_goal_changes_that_goal():
    said = (
        "Mål 2: flytt fristen til juni 2027. Mål 5: endre målet til 90 %, noen fastleger "
        "kommer aldri til å slutte med fax. Og mål 4 har fortsatt «kunder» som enhet."
    )
    commands = plan_commands(read(said, "nb", TODAY, goals=5), TODAY)
    assert [(c.action, c.number) for c in commands] == [("change_goal", 2), ("change_goal", 5)]
    assert commands[1].target == 90
