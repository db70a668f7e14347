"""Reading one message with rules: figures per clause, objectives with their numbers."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import FOLLOWERS, read_message

TODAY = date(2026, 11, 22)


def test_each_clause_keeps_its_own_figure_and_kpi():
    facts = read_message(
        "Online sales are 15% of revenue, we get about 4,000 website visits a month, "
        "and we have 2,500 followers on Instagram.",
        "en",
        TODAY,
    )
    found = {(f.kpi_id, f.value) for f in facts.figures}
    assert ("online_revenue_share", 15) in found
    assert ("website_visits", 4000) in found
    assert (FOLLOWERS, 2500) in found


@pytest.mark.parametrize(
    ("text", "language", "baseline", "target", "unit"),
    [
        (
            "Vi vil øke omsetningen fra 2 til 4 millioner kroner innen desember 2027.",
            "nb",
            2_000_000,
            4_000_000,
            "NOK",
        ),
        ("We want to cut invoicing from 20 to 8 hours a month by June 2027.", "en", 20, 8, "hours"),
        ("Vi vill öka andelen från 30 % till 50 % senast juni 2027.", "sv", 30, 50, "%"),
        (
            "Хотим увеличить выручку с 10 млн до 20 млн рублей к декабрю 2027 года.",
            "ru",
            10_000_000,
            20_000_000,
            "RUB",
        ),
    ],
)
def test_objectives_keep_the_owners_numbers(text, language, baseline, target, unit):
    goal = read_message(text, language, TODAY).goals[0]
    assert goal.baseline is not None and goal.baseline.value == baseline
    assert goal.target is not None and goal.target.value == target
    assert goal.target.unit == unit
    assert goal.deadline is not None and goal.deadline > TODAY


def test_an_abbreviation_does_not_cut_a_sentence():
    facts = read_message(
        "Det vil vi få ned fra ca. 20 til 10 timer i uka innen juni 2027.", "nb", TODAY
    )
    assert len(facts.goals) == 1 and facts.goals[0].baseline.value == 20
