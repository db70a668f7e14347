"""Renaming a goal in chat, in four languages, before and after the goals are drafted; a goal
named by a short word in capitals ("the EV goal"); and a summary that shows what the owner
changed instead of the figures they first said."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.commands import new_name, plan_commands
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding import read

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 4)
INTERVIEW = [
    "We are an electrical contractor in Leeds, 5 people, turnover about £420k.",
    "We have a website, no booking. We post on Facebook sometimes.",
    "Customer details are in Tradify. No analytics.",
    "Skills: not really. Invoices go out automatically. Backups: no idea.",
    "Don't know.",
    "I want EV charger installs from 15% to 35% of turnover by end of 2027, "
    "and win more quotes, from 35% to 45% by June 2027.",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("rename")), today=lambda: TODAY)


def _drafted(service: CoachService, sid: str) -> None:
    for message in [*INTERVIEW, "yes", "yes"]:
        service.send(sid, message)
    assert len(service.session(sid).plan.goals) == 2


@pytest.mark.parametrize(
    ("language", "text", "number", "name"),
    [
        ("en", "goal 1: rename it to 'EV and battery installs as a share of turnover'", 1,
         "EV and battery installs as a share of turnover"),
        ("en", "And goal 2 should read “quote win rate”.", 2, "quote win rate"),
        ("nb", "Mål 2 skal hete «andel jobber fra egne kanaler».", 2,
         "andel jobber fra egne kanaler"),
        ("sv", "Döp om mål 3 till ”andel direktbokningar”.", 3, "andel direktbokningar"),
        ("ru", "Цель 1 переименуйте в «доля заказов с сайта».", 1, "доля заказов с сайта"),
        ("sv", 'ändra namnet på mål 3 till "felbeställningar per månad"', 3,
         "felbeställningar per månad"),
        ("en", 'change the name of goal 2 to "EV installs"', 2, "EV installs"),
        ("ru", "измените название цели 1 на «доля онлайн-записи»", 1, "доля онлайн-записи"),
    ],
)  # fmt: skip
def test_a_rename_order_is_read_with_its_goal_and_new_name(language, text, number, name):
    (order,) = [c for c in plan_commands(read(text, language, TODAY), TODAY)]
    assert (order.action, order.number, order.name) == ("rename_goal", number, name)


def test_an_unquoted_name_runs_to_the_end_of_the_sentence():
    assert new_name(" to EV installs share. Thanks") == "EV installs share"


def test_a_drafted_goal_takes_its_new_name_everywhere(service):
    _drafted(service, "rename-drafted")
    result = service.send("rename-drafted", "goal 1: rename it to 'EV and battery installs'")
    goal = service.session("rename-drafted").plan.goals[0]
    assert goal.metric == "EV and battery installs"
    assert "EV and battery installs from 15 % to 35 %" in goal.statement
    assert "EV and battery installs" in result.reply.split("\n")[0]


def test_a_goal_named_by_its_capitals_is_the_one_changed(service):
    _drafted(service, "rename-acronym")
    service.send("rename-acronym", "The EV goal: push the deadline to June 2028.")
    goals = service.session("rename-acronym").plan.goals
    assert goals[0].deadline == date(2028, 6, 30)
    assert goals[1].deadline == date(2027, 6, 30)


def test_the_summary_shows_what_the_owner_changed_before_the_draft(service):
    for message in INTERVIEW:
        service.send("rename-early", message)
    service.send("rename-early", "goal 1: rename it to 'EV installs as a share of turnover'")
    reply = service.send("rename-early", "The quotes goal: make it 42% instead.").reply
    assert "42" in reply and "EV installs as a share of turnover" in reply
    service.send("rename-early", "yes")
    goals = service.session("rename-early").plan.goals
    assert goals[0].metric == "EV installs as a share of turnover"
    assert goals[1].target is not None and goals[1].target.value == 42


def test_a_name_after_till_colon_is_taken_whole():
    assert new_name(" till: Minska tid på telefon och admin") == "Minska tid på telefon och admin"


def test_a_hedged_answer_to_by_when_is_a_proposed_deadline(service):
    for message in [*INTERVIEW[:5], "I want to grow stockists from 3 to 10."]:
        service.send("hedged-deadline", message)
    service.send("hedged-deadline", "maybe next year sometime? not sure")
    for _ in range(3):  # no more objectives, the summary is right, draft the goals
        if service.session("hedged-deadline").plan.goals:
            break
        service.send("hedged-deadline", "yes")
    (goal,) = service.session("hedged-deadline").plan.goals
    assert goal.deadline is not None and goal.deadline_status == "proposed"
