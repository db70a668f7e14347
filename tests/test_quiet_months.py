"""Months the owner closes to new work ("no new projects March–June", "nobody will touch
anything new until Feb") are read in four languages, said back, and no roadmap step starts
in a quarter made only of them, in chat and in a plan from a brief."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.understanding.quiet_months import quiet_months

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("said", "language", "months"),
    [
        ("January is hell and nobody here will touch anything new until Feb.", "en", [12, 1]),
        ("No new projects March to June, that's our season.", "en", [3, 4, 5, 6]),
        ("Inga nya projekt får startas mars–juni.", "sv", [3, 4, 5, 6]),
        ("Vi kan ikke innføre noe nytt før mars.", "nb", [12, 1, 2]),
        ("С марта по июнь никаких новых проектов.", "ru", [3, 4, 5, 6]),
        ("We want more sales in March and June.", "en", []),
        ("No new customers came in July.", "en", []),
    ],
)
def test_months_closed_to_new_work_are_read(said, language, months):
    assert quiet_months(said, language, TODAY) == months


@pytest.mark.slow
def test_a_brief_that_closes_spring_gets_no_step_starting_then(seeded_data_dir):
    from assistant.coaching.service import CoachService
    from assistant.config import Settings

    service = CoachService(Settings(data_dir=seeded_data_dir("quiet")), today=lambda: TODAY)
    brief = (
        "Client: Lindqvist Garden, a garden centre near Uppsala, 6 staff, turnover 11.8 MSEK, "
        "70% of it in April to June. No webshop; a loyalty club with 3,800 members.\n"
        "Objectives: 1. Grow off-season sales from 3.5 MSEK to 4.5 MSEK by December 2027. "
        "2. Cut plant waste from 9% to 6% by end of 2027. 3. Get 1,000 club members on "
        "e-mail, from 1,600 today to 2,600 by June 2028.\n"
        "Constraints: budget 150 kSEK. No new projects may start March–June."
    )
    plan = service.plan_from_brief(brief, "en")
    assert plan.profile.quiet_months == [3, 4, 5, 6]
    starts = {i.start for i in plan.roadmap}
    assert starts and not any(s.endswith("-Q2") for s in starts), starts


def test_closed_months_said_beside_aims_give_them_no_deadline_and_are_no_aside():
    from assistant.coaching.facts import read_message

    said = (
        "Mål: 1) Debiteringsgraden från 72 % till 80 %. 2) Kanske rekrytera 3–4 konsulter "
        "till. Viktigt: inget nytt ska sjösättas under sommaren juni–augusti, då är halva "
        "bolaget på semester."
    )
    facts = read_message(said, "sv", TODAY)
    assert facts.quiet_months == [6, 7, 8]
    assert [g.deadline for g in facts.goals] == [None, None]
    assert not facts.aside
