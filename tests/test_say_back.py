"""Each interview reply opens with what the owner's answer changed in the plan, in their
language, and says back nothing the plan did not take."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 4)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("say-back")), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("language", "first", "second", "expected"),
    [
        (
            "en",
            "Hi, I run a small electrical contracting business in Leeds.",
            "It's called Kirkstall Sparks Ltd. There's me, two electricians and an apprentice. "
            "Turnover last year was about £420k.",
            ["Noted:", "Kirkstall Sparks Ltd", "420 000 GBP"],
        ),
        (
            "nb",
            "Hei! Jeg driver et lite bilverksted på Hamar.",
            "Firmaet heter Mjøsbil Service AS. Vi er 6 stykker, omsetningen i fjor var rundt "
            "9,5 millioner kroner.",
            ["Notert:", "Mjøsbil Service AS", "6"],
        ),
    ],
)
def test_the_facts_an_answer_gave_are_said_back_first(service, language, first, second, expected):
    sid = f"say-back-{language}"
    service.send(sid, first)
    reply = service.send(sid, second).reply
    opening = reply.split("\n\n")[0]
    for words in expected:
        assert words in opening, opening


def test_nothing_the_plan_did_not_take_is_said_back(service):
    sid = "say-back-untaken"
    for message in [
        "I run a small electrical contracting business in Leeds, Kirkstall Sparks Ltd, "
        "5 people, turnover about £420k.",
        "Website yes, no booking. Facebook now and then.",
        "Customers in Tradify. No analytics.",
    ]:
        service.send(sid, message)
    reply = service.send(sid, "Skills - not really, I'm an electrician not a marketer.").reply
    assert "Skills" not in reply.split("\n\n")[0]
    assert service.session(sid).plan.profile.business_name == "Kirkstall Sparks Ltd"
