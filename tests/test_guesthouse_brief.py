"""A consultant's brief for a guesthouse in Lofoten, written blind in the round of
2026-12-05o (evals/listening/unscripted-2026-12-05o/brief_nb.txt): the plan counted the 13
rooms as staff, named the booking system (Visbook) as a market, and made goals of the
"Rammer og forbehold" section ("Tor er skeptisk til mer sosiale medier")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assistant.coaching.facts import read_message

TODAY = date(2026, 12, 5)
BRIEF = Path(__file__).parents[1] / "evals/listening/unscripted-2026-12-05o/brief_nb.txt"


def _read():
    return read_message(BRIEF.read_text(encoding="utf-8"), "nb", TODAY, brief=True)


def test_the_staff_is_the_year_round_head_count_not_the_rooms():
    assert _read().staff == 4


def test_the_booking_system_is_no_market():
    assert "Visbook" not in _read().markets


def test_the_constraints_section_states_no_goal():
    goals = " ".join(g.text for g in _read().goals)
    assert "skeptisk" not in goals and "ferdige og testet" not in goals
    assert "direktebookinger" in goals  # the objectives are still read
