"""Objectives read from a consultant's brief as a consultant would read them: a relative aim
whose today's value the brief gives starts from it, a project with a date is a milestone
rather than a guessed KPI with no target, and "at least 40 %" aims up, so another share said
nearby is not taken as today's value."""

from __future__ import annotations

from datetime import date

from assistant.coaching.drafting import goal_from_candidate
from assistant.coaching.facts import read_message

TODAY = date(2026, 12, 3)


def _goals(brief: str, language: str) -> list:
    facts = read_message(brief, language, TODAY, brief=True)
    return [
        goal_from_candidate(n, candidate, f"o{n}", language, TODAY)
        for n, candidate in enumerate(facts.goals, start=1)
    ]


def test_a_doubling_starts_from_the_figure_the_brief_gives():
    brief = (
        "Nettbutikken er på WooCommerce, fikk den laget for fire år siden, den omsetter ca 1,8 "
        "mill i året av totalt rundt 22 mill. Ærlig talt er det tungt.\n\nJeg vil: doble "
        "netthandelen til 3,6 mill innen utgangen av 2027."
    )
    (goal,) = _goals(brief, "nb")
    assert (goal.baseline.value, goal.target.value) == (1_800_000, 3_600_000)


def test_a_project_with_a_date_is_a_milestone_not_a_kpi_without_a_target():
    brief = "Jeg vil få kassesystemet og nettbutikken til å snakke sammen før vintersesongen."
    (goal,) = _goals(brief, "nb")
    assert goal.target is None and not goal.kpis
    assert goal.statement.startswith("På plass innen")


def test_at_least_aims_up_and_another_share_is_not_todays_value():
    brief = (
        "~1,100 active trade accounts. No online ordering; orders arrive by phone, email and "
        "(still) fax, approx 70% are emailed PDF POs keyed manually into MYOB Advanced.\n\n"
        "Owner's stated objectives: (a) at least 40% of repeat orders through a self-service "
        "channel by mid-2027; (b) fewer order-entry errors, currently roughly 3% of orders need "
        "a credit or redelivery."
    )
    goal = _goals(brief, "en")[0]
    assert goal.target.value == 40 and goal.baseline.value != 70
    assert goal.statement.startswith("Increase")
