"""A team told as a list of roles is counted, so a brief that says "two partners, four
accountants and an admin" is never asked how many people work there."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.evaluation.number_trace import traceable

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("language", "text", "staff"),
    [
        (
            "en",
            "We're a small accountancy practice in Cork – two partners, four accountants "
            "and an admin.",
            7,
        ),
        (
            "en",
            "I run a roofing firm in Leeds – me, my son and three lads, plus a part-time "
            "lass who does the books.",
            6,
        ),
        (
            "en",
            "A vet practice in Boise – two vets including me, four techs and two front-desk staff.",
            8,
        ),
        (
            "nb",
            "Vi er et elektrofirma i Trondheim med sju montører, to lærlinger, meg og kona "
            "mi på kontoret.",
            11,
        ),
        (
            "sv",
            "Vi är en tandvårdsklinik i Umeå med tre tandläkare, en tandhygienist och fyra "
            "assistenter.",
            8,
        ),
        ("ru", "Стоматология в Казани: 7 врачей, плюс 5 администраторов и ассистентов.", 12),
    ],
)
def test_a_team_listed_by_role_is_counted(language, text, staff):
    assert read_message(text, language, TODAY, brief=True).staff == staff


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We want 3 new customers and 2 partners this year."),
        ("en", "We sell two products and an add-on to me and my customers."),
    ],
)
def test_counts_that_are_not_a_team_are_not_a_head_count(language, text):
    assert read_message(text, language, TODAY, brief=True).staff is None


def test_the_independent_number_check_accepts_a_listed_head_count_only():
    said = "sju montører, to lærlinger, meg og kona mi"
    assert traceable(11, said)
    assert not traceable(40, said)


def test_a_brief_asks_for_what_the_plan_needs_not_for_what_was_said(seeded_data_dir):
    service = CoachService(Settings(data_dir=seeded_data_dir("team")), today=lambda: TODAY)
    plan = service.plan_from_brief(
        "We're a small accountancy practice in Cork – two partners, four accountants and an "
        "admin. Turnover is around €850k. I want 10 new enquiries a month from the website "
        "by next summer, we get about 2 now.",
        "en",
    )
    asked = " ".join(plan.open_questions)
    assert "how many people" not in asked and "business name" not in asked
    assert plan.profile.staff == 7
