"""A consultant's brief for a garden centre with a café near Leeds, written blind in the round
of 2026-12-05u (evals/listening/unscripted-2026-12-05u/brief_en.txt): the client was called
"CLIENT BRIEF", the place "between Leeds and Otley" was no market, and the first goal was
made of the description ("their daughter Emma … wants to modernise. 23 staff …")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assistant.coaching.facts import read_message

TODAY = date(2026, 12, 5)
BRIEF = Path(__file__).parents[1] / "evals/listening/unscripted-2026-12-05u/brief_en.txt"


def _read():
    return read_message(BRIEF.read_text(encoding="utf-8"), "en", TODAY, brief=True)


def test_the_client_is_named_from_the_briefs_title():
    assert _read().business_name == "Hollins Garden Centre & Potting Shed Café"


def test_a_place_between_two_towns_is_a_market():
    assert "Leeds" in _read().markets


def test_only_the_listed_objectives_are_goals():
    goals = _read().goals
    assert len(goals) == 5
    assert goals[0].text.startswith("Sell grotto tickets online")
    assert not any("Emma" in g.text or "queues" in g.text for g in goals)
