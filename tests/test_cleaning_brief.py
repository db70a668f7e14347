"""A consultant's brief for a cleaning company in Stavanger, written blind in the round of
2026-12-05t (evals/listening/unscripted-2026-12-05t/brief_nb.txt): the plan's first goal was
the heading "Mål fra eier", two of the five objectives were dropped (one because its bracket
said "ingen konkret målsetting ennå"), the register the firm is listed in was a market, and
"Lavere turnover" became "Redusere lavere turnover"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assistant.coaching.facts import read_message
from assistant.coaching.metric_names import metric_words

TODAY = date(2026, 12, 5)
BRIEF = Path(__file__).parents[1] / "evals/listening/unscripted-2026-12-05t/brief_nb.txt"


def _read():
    return read_message(BRIEF.read_text(encoding="utf-8"), "nb", TODAY, brief=True)


def test_every_objective_of_the_owner_is_read_and_the_heading_is_none():
    goals = _read().goals
    assert len(goals) == 5
    assert not any("Mål fra eier" in g.text for g in goals)
    assert goals[2].text.startswith("Færre reklamasjoner")
    assert goals[2].kpi_id == "complaint_rate"


def test_the_register_the_firm_is_listed_in_is_no_market():
    assert _read().markets == ["Stavanger"]


def test_a_goal_is_named_without_the_comparative_that_opens_it():
    said = "Lavere turnover blant renholderne, gjerne ned mot 25 % innen 2028."
    assert metric_words(said, "nb") == "turnover blant renholderne"


def test_a_figure_per_item_is_no_total_and_the_first_figure_of_a_kind_counts():
    facts = read_message(
        "offerterna tar typ 3-4 timmar per kök. vi får ca 30 förfrågningar i månaden och gör "
        "offert på kanske 20, vinner ca 6.",
        "sv",
        TODAY,
    )
    assert [(f.kpi_id, f.value) for f in facts.figures] == [("leads_from_marketing", 30)]
