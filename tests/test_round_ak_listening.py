"""Listening fixes after the unscripted owners of 2026-12-06ak: a line of the coach's notes
corrected by its own label ("Own website: yes", "What you do should be …", "Orders per month:
about 38 jobs") takes the value; "Goal 1 KPI should be …, counted monthly in …" sets the
goal's KPI and its source, not its name; once the roadmap exists, "add chase every sent quote
after 7 days" and "Add: online enquiry form" add steps, not goals; "can you add those?" asks
which; "I have no online booking" leaves the step in."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 6)

INTERVIEW = [
    "Hi, I run Hartley Gardens, a landscaping and garden maintenance firm in Leeds, 8 staff, "
    "revenue about £310k.",
    "we've got a wordpress website, no booking. Facebook now and then. Customers in a "
    "spreadsheet. No analytics. Goals not written down.",
    "No idea on the rest.",
    "We have 22 maintenance contracts now and want 45 by end of 2027. And quote visits: 25% "
    "turn into jobs, want 40% by October 2027.",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(
        Settings(data_dir=seeded_data_dir("round-ak-listening")), today=lambda: TODAY
    )


def _talk(service: CoachService, sid: str, messages: list[str]) -> str:
    reply = ""
    for message in messages:
        reply = service.send(sid, message, "en").reply
    return reply


def _at_roadmap(service: CoachService, sid: str) -> None:
    _talk(service, sid, [*INTERVIEW, "that's all", "yes", "yes"])
    assert service.session(sid).plan.roadmap


def test_a_line_of_the_notes_corrected_by_its_label_takes_the_value(service):
    _talk(service, "labels", INTERVIEW[:3])
    reply = _talk(service, "labels", ["change own website to no"])
    assert service.session("labels").maturity_answers["r_website"] == "no"
    assert "Own website → no" in reply
    reply = _talk(service, "labels", ["Own website: yes. What you do: landscaping and gardening."])
    state = service.session("labels")
    assert state.maturity_answers["r_website"] == "yes"
    assert state.plan.profile.industry == "landscaping and gardening"
    reply = _talk(service, "labels", ["What you do should be 'garden maintenance and design'"])
    assert service.session("labels").plan.profile.industry == "garden maintenance and design"
    assert "garden maintenance and design" in reply


def test_a_label_with_a_value_it_cannot_hold_is_no_correction_of_that_line(service):
    _talk(service, "labels2", INTERVIEW[:3])
    reply = _talk(service, "labels2", ["Own website: it's old and slow, my nephew built it."])
    assert "Own website →" not in reply


def test_the_goals_kpi_named_in_chat_sets_the_kpi_and_its_source_not_the_goal(service):
    _at_roadmap(service, "kpi")
    before = service.session("kpi").plan.goals[0].statement
    reply = _talk(
        service,
        "kpi",
        ["Goal 1 KPI should be active maintenance contracts, counted monthly in the office sheet"],
    )
    goal = service.session("kpi").plan.goals[0]
    assert goal.statement == before
    assert goal.kpis[0].name == "active maintenance contracts"
    assert goal.kpis[0].source == "the office sheet"
    assert reply.count("the office sheet") == 1


@pytest.mark.parametrize(
    ("order", "title"),
    [
        ("add chase every sent quote after 7 days", "Chase every sent quote after 7 days"),
        ("Add: online enquiry form with photo upload", "Online enquiry form with photo upload"),
    ],
)
def test_once_the_roadmap_exists_an_order_to_add_a_thing_to_do_adds_a_step(service, order, title):
    sid = f"step-{len(order)}"
    _at_roadmap(service, sid)
    goals = len(service.session(sid).plan.goals)
    _talk(service, sid, [order])
    plan = service.session(sid).plan
    assert len(plan.goals) == goals
    assert title in [i.title for i in plan.roadmap]


def test_adding_those_asks_which_steps_instead_of_adding_a_step_called_those(service):
    _at_roadmap(service, "those")
    steps = len(service.session("those").plan.roadmap)
    reply = _talk(service, "those", ["Can you add those?"])
    assert len(service.session("those").plan.roadmap) == steps
    assert "Which step should I add?" in reply


def test_saying_what_the_business_lacks_keeps_the_step_in(service):
    sid = "lacks"
    _talk(
        service,
        sid,
        [
            "Hej! Jag driver en cykelbutik med verkstad i Uppsala, 5 anställda.",
            "Vi har en enkel hemsida. Ingen webbshop.",
            "Vet inte.",
            "Vill att hälften av servicebokningarna görs online till maj 2027.",
        ],
    )
    _talk(service, sid, ["Idag 0%, vi har ju ingen onlinebokning alls."])
    assert "online_booking" not in service.session(sid).removed_initiatives


def test_did_you_hear_what_i_said_lists_the_notes_instead_of_declining(service):
    service.send("heard", "Hei! Vi er et regnskapsbyrå i Trondheim, 9 ansatte.", "nb")
    reply = service.send("heard", "Hørte du det jeg sa om ansatte? Det er viktig.", "nb").reply
    assert "utenfor digital strategi" not in reply
    assert "Ansatte: 9" in reply


def test_getting_documents_in_from_clients_is_a_problem_the_plan_answers(service):
    brief = (
        "Vi er et regnskapsbyrå i Trondheim med 9 ansatte og 180 kunder. Det viktigste for oss "
        "er hvordan vi får inn bilag fra kundene. Mål: færre sene mva-oppgaver, fra 23 til 5 "
        "innen neste høst."
    )
    plan = service.plan_from_brief(brief, "nb")
    assert any("kundeportal" in i.title for i in plan.roadmap)


def test_an_objection_drops_only_the_step_its_own_sentence_names(service):
    from assistant.coaching.chat_steps import objected_step
    from assistant.coaching.facts import read_message

    _at_roadmap(service, "objected")
    state = service.session("objected")
    said = "Starting with analytics is pointless, no. Put the online quote requests first."
    facts = read_message(said, "en", TODAY)
    facts.intent = "objection"
    dropped = {c.item_id for c in objected_step(state, facts)}
    titles = {i.id: i.title for i in state.plan.roadmap}
    assert all("quote" not in titles[i].lower() for i in dropped)


def test_online_booking_asked_about_by_a_campsite_is_direct_booking(service):
    sid = "campsite"
    service.send(
        sid,
        "Hi, we run Fellside Camping, a family campsite with 60 pitches in the Lake District, "
        "6 staff, revenue about £480k.",
        "en",
    )
    reply = service.send(sid, "is online booking on our own website worth it for us?", "en").reply
    direct = next(p for p in reply.split("\n\n") if "Direct booking on your own website" in p)
    assert "not a step for a business like yours" not in direct
