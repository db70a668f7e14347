"""Today's value is what the owner's words settle, even without a figure: hiring 4 operators
starts from 0 hires, "every appointment is booked by phone" is 0 % online; and a goal the
owner dates "this year" in December is planned a year on, with the question asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.aims import counts_additions
from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("settled")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("language", "said", "target", "new"),
    [
        ("nb", "3) få inn 4 maskinførere før sesongen", 4, True),
        ("sv", "anställa 5 konstruktörer under nästa år", 5, True),
        ("en", "add 15 new wholesale accounts", 15, True),
        ("ru", "привлечь 20 новых клиентов за год", 20, True),
        ("en", "grow wellness plan members from 150 to 500", 500, False),
        ("nb", "flere kunder, 300 i alt", 300, False),
    ],
)
def test_a_target_counts_new_things_only_when_the_words_say_so(language, said, target, new):
    assert counts_additions(said, target, language) is new


def test_hiring_starts_from_zero_not_from_a_value_to_measure(service):
    brief = (
        "Anleggsfirma i Hamar, 22 ansatte. Mål: få inn 4 maskinførere før sesongen. "
        "Fikk 2 søknader på siste annonse."
    )
    plan = service.plan_from_brief(brief, "nb")
    goal = plan.goals[0]
    assert goal.baseline is not None and goal.baseline.value == 0, goal.statement
    assert "fra 0 til 4" in goal.statement


@pytest.mark.parametrize(
    ("language", "brief"),
    [
        (
            "en",
            "Vet clinic in Boise, 8 staff. Every appointment is booked by phone. I want at least "
            "40% of appointments booked online by the end of 2027.",
        ),
        (
            "nb",
            "Bilverksted i Drammen, 5 ansatte. All timebestilling skjer på telefon. Jeg vil at "
            "minst halvparten av timene bestilles på nett innen utgangen av 2027.",
        ),
    ],
)
def test_everything_by_phone_makes_todays_online_share_zero(service, language, brief):
    plan = service.plan_from_brief(brief, language)
    online = [g for g in plan.goals if g.target and g.target.unit == "%"]
    assert online and online[0].baseline and online[0].baseline.value == 0, online
    assert " 0 %" in online[0].statement


def test_this_year_said_in_december_is_planned_a_year_on_and_asked_about(service):
    brief = (
        "Yogastudio i Umeå, 4 lärare. Vill också starta företagsyoga – sälja till 3 "
        "arbetsgivare här i stan i år."
    )
    plan = service.plan_from_brief(brief, "sv")
    goal = plan.goals[0]
    assert goal.deadline == date(2027, 12, 31) and goal.deadline_status == "proposed"
    assert any("2026-12-31" in q and "2027-12-31" in q for q in plan.open_questions)
