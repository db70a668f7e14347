"""Plans that follow how the business works today: a clinic booked by phone into a paper
diary gets its booking system first, which sends the reminders itself (no second step for
them), and a waiting list only once that system is there; a goal due by the end of the first
quarter starts in Now; the off-peak step is written for the quiet time the owner named, not
the busy one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 7)
LANE_ORDER = ("short", "medium", "long")


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("plans-au")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


PHYSIO = (
    "I run a physio clinic in Cork with four physios and one receptionist. Everything is "
    "booked by phone and we keep a paper diary. No-shows are about 9 a week out of 180 "
    "appointments. I want to cut no-shows in half by the end of 2027, and I want 3 sports "
    "club partnerships by the end of March."
)
SALONG = (
    "Jeg har en frisørsalong i Bodø med 4 frisører. Timebestilling skjer på telefon, og alt "
    "står i en papirbok. Tirsdag–torsdag står mange timer tomme, mens fredag og lørdag er "
    "stappfullt. Mål: få tomme timer midt i uka ned fra 30 % til 10 % innen sommeren, og "
    "minst halvparten av timene bestilt på nett innen utgangen av 2027."
)


def _find(plan, *words: str):
    return [i for i in plan.roadmap if any(w in i.title.lower() for w in words)]


def test_a_booking_system_for_a_paper_diary_sends_the_reminders_itself(service):
    plan = service.plan_from_brief(PHYSIO, "en")
    booking = _find(plan, "online booking")
    assert booking, [i.title for i in plan.roadmap]
    no_shows = next(g for g in plan.goals if "no-show" in g.statement.lower())
    assert no_shows.id in booking[0].goal_ids, (booking[0].goal_ids, no_shows.statement)
    assert booking[0].horizon == "short"
    reminders = _find(plan, "reminder")  # sent by the booking system, not a second step
    assert [i.id for i in reminders] == [booking[0].id], [i.title for i in plan.roadmap]


def test_a_goal_due_by_the_end_of_the_first_quarter_starts_now(service):
    plan = service.plan_from_brief(PHYSIO, "en")
    clubs = next(g for g in plan.goals if "partnership" in g.statement.lower())
    assert clubs.deadline == date(2027, 3, 31), clubs.statement
    steps = [i for i in plan.roadmap if clubs.id in i.goal_ids]
    assert steps and steps[0].horizon == "short", [(i.title, i.horizon) for i in steps]


def test_the_waiting_list_does_not_start_before_the_booking_system(service):
    plan = service.plan_from_brief(SALONG, "nb")
    booking = _find(plan, "nettbooking")
    waitlist = _find(plan, "venteliste")
    assert booking, [i.title for i in plan.roadmap]
    if waitlist:
        first, then = LANE_ORDER.index(booking[0].horizon), LANE_ORDER.index(waitlist[0].horizon)
        assert first <= then
        assert booking[0].id in waitlist[0].depends_on


def test_the_off_peak_step_is_written_for_the_quiet_days_the_owner_named(service):
    plan = service.plan_from_brief(SALONG, "nb")
    off_peak = _find(plan, "stille periodene")
    assert off_peak, [i.title for i in plan.roadmap]
    description = off_peak[0].description
    assert "tirsdag–torsdag" in description or "midt i uka" in description, description
    assert "fredag" not in description, description


def test_an_off_peak_step_with_no_quiet_time_named_keeps_its_general_wording(service):
    words = (
        "We run a small beauty salon in Leeds, three staff. Bookings come by phone and "
        "Instagram. I want capacity utilisation up from 60 % to 80 % by the end of 2027."
    )
    plan = service.plan_from_brief(words, "en")
    for step in _find(plan, "quiet periods"):
        assert "you named" not in step.description, step.description


def test_a_trade_word_inside_the_business_name_does_not_replace_the_trade_said(
    seeded_data_dir,
):
    service = CoachService(Settings(data_dir=seeded_data_dir("listening-au")), today=lambda: TODAY)
    service.send("bakeri", "Hei, jeg har et lite bakeri i Bergen", "nb")
    service.send("bakeri", "Vi heter Bakeriet AS, 6 ansatte", "nb")
    profile = service.session("bakeri").plan.profile
    assert profile.business_name == "Bakeriet AS"
    assert profile.industry == "bakeri", profile.industry
    assert profile.staff == 6
