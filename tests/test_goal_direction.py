"""An owner who sees a goal going the wrong way turns it in chat ("mål 3 ska ÖKA inte
minska", "goal 1 is backwards"): the goal's direction and its sentence change, and the
change is said back."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.directions import direction_said
from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 4)
INTERVIEW = [
    "We are an electrical contractor in Leeds, 5 people, turnover about £420k.",
    "We have a website, no booking. We post on Facebook sometimes.",
    "Customers are in Tradify. No analytics.",
    "Skills: not really. Invoices go out automatically. Backups: no idea.",
    "Don't know.",
    "I want to win more quotes, from 35% to 45% by June 2027. That's all.",
    "yes",
    "yes",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("direction")), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("language", "words", "current", "way"),
    [
        ("sv", "mål 3 ska ÖKA inte minska", "decrease", "increase"),
        ("ru", "цель 2 — увеличить, а не уменьшить", "decrease", "increase"),
        ("nb", "mål 1 skal ned, ikke opp", "increase", "decrease"),
        ("en", "goal 2 is backwards", "increase", "decrease"),
        ("en", "goal 2 should go up", "increase", "increase"),
    ],
)
def test_the_way_a_goal_should_go_is_read_from_the_owners_words(language, words, current, way):
    assert direction_said(words, language, current) == way


def test_a_goal_said_to_be_backwards_is_turned_round(service):
    sid = "turned"
    for message in INTERVIEW:
        service.send(sid, message)
    [goal] = service.session(sid).plan.goals
    assert goal.direction == "increase"
    reply = service.send(sid, "goal 1 is backwards, it should go down").reply
    [goal] = service.session(sid).plan.goals
    assert goal.direction == "decrease"
    assert goal.statement.startswith("Reduce")
    assert "direction" in reply.split("\n\n")[0]
