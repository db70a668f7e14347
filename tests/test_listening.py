"""A coach that listens: only an approval moves a draft on, corrections and plan commands
said in chat change the plan and are said back, questions are answered where they are
asked, and a brief keeps every objective with what the coach proposed marked."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings
from assistant.evaluation import listening

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 3)
PERSONA = json.loads((PROJECT_ROOT / "evals/personas/en-bike-shop.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("listening")), today=lambda: TODAY)


def _at_goals(service: CoachService, sid: str) -> None:
    for message in PERSONA["script"][:6]:
        service.send(sid, message)
    service.send(sid, "Yes, that's right.")
    assert service.session(sid).stage == "review"


def test_what_is_not_an_approval_never_moves_a_draft_on(service):
    _at_goals(service, "gate")
    for message in ["hmm", "I don't know", "Goal 2 should be 2,100 to 2,500", "a webshop?? no"]:
        service.send("gate", message)
        assert service.session("gate").stage == "review", message
    assert "approved" not in service.session("gate").acts
    service.send("gate", "ok go ahead")
    assert service.session("gate").stage == "roadmap"


def test_a_goal_changed_in_chat_is_said_back_and_its_statement_follows(service):
    _at_goals(service, "change")
    before = service.session("change").plan.goals[1]
    reply = service.send("change", "Goal 2 should be 2,100 to 2,500 by end of June 2027").reply
    goal = service.session("change").plan.goals[1]
    assert goal.target.value == 2500 and goal.deadline == date(2027, 6, 30)
    assert "2 500" in goal.statement and "2027-06-30" in goal.statement
    assert before.statement != goal.statement and "2027-06-30" in reply


def test_a_goal_dropped_by_its_words_goes_and_a_goal_added_with_numbers_arrives(service):
    _at_goals(service, "drop-add")
    count = len(service.session("drop-add").plan.goals)
    service.send("drop-add", "remove the invoicing goal, we handle that ourselves")
    plan = service.session("drop-add").plan
    assert len(plan.goals) == count - 1
    assert not any("invoic" in g.statement.lower() for g in plan.goals)
    service.send(
        "drop-add", "add a goal: grow newsletter subscribers from 800 to 2,000 by end of 2027"
    )
    plan = service.session("drop-add").plan
    assert len(plan.goals) == count and plan.goals[-1].target.value == 2000


def test_a_goal_added_with_todays_value_after_it_is_one_goal_worded_from_its_numbers(service):
    _at_goals(service, "add-today")
    count = len(service.session("add-today").plan.goals)
    reply = service.send(
        "add-today",
        "And add a goal: online bookings for 100% of new customers by end of March 2027, "
        "today it's 0.",
    ).reply
    plan = service.session("add-today").plan
    added = plan.goals[-1]
    assert len(plan.goals) == count + 1
    assert (added.baseline.value, added.target.value) == (0, 100)
    assert added.deadline == date(2027, 3, 31)
    assert "add a goal" not in added.statement.lower() and added.statement in reply


def test_a_plan_asked_for_as_a_file_in_chat_is_saved_and_its_place_said(service):
    _at_goals(service, "file")
    reply = service.send("file", "can I get it as a Word file?").reply
    saved = [w.strip(" .()") for w in reply.split() if w.strip(" .()").endswith(".docx")]
    assert saved and "exported" in service.session("file").acts
    assert Path(saved[0]).read_bytes()[:2] == b"PK"  # a docx is a zip


def test_an_initiative_rejected_before_the_roadmap_never_appears_in_it(service):
    _at_goals(service, "reject")
    reply = service.send(
        "reject", "a marketplace like Amazon?? not for us, nobody buys bikes there"
    )
    assert service.session("reject").stage == "review"
    service.send("reject", "ok go ahead")
    titles = [i.title.lower() for i in service.session("reject").plan.roadmap]
    assert titles and not any("marketplace" in t for t in titles), (reply, titles)


def test_an_initiative_removed_by_name_leaves_the_roadmap(service):
    _at_goals(service, "remove")
    service.send("remove", "ok go ahead")
    roadmap = service.session("remove").plan.roadmap
    assert not any("webshop" in i.title.lower() for i in roadmap)  # they have Shopify
    invoicing = [i for i in roadmap if "invoicing" in i.title.lower()]
    assert invoicing, [i.title for i in roadmap]
    reply = service.send("remove", "take the e-invoicing one out").reply
    after = service.session("remove").plan.roadmap
    assert not any(i.id == invoicing[0].id for i in after)
    assert invoicing[0].title in reply and service.session("remove").stage == "roadmap"


def test_a_question_inside_an_answer_is_answered_and_the_facts_are_kept(service):
    service.send("inline", PERSONA["script"][0])
    reply = service.send(
        "inline", "We have a website and a Shopify webshop. What is a KPI, by the way?"
    ).reply
    state = service.session("inline")
    assert "answered" in state.acts and "KPI" in reply
    assert state.maturity_answers  # the website and webshop were recorded as well


def test_an_aside_is_acknowledged_and_the_same_question_comes_back(service):
    service.send("aside", PERSONA["script"][0])
    asked = service.session("aside").last_question
    reply = service.send("aside", "btw the weather in Dublin is awful today").reply
    assert "acknowledged" in service.session("aside").acts and asked in reply


def test_what_to_do_first_is_answered_from_the_roadmap(service):
    _at_goals(service, "first")
    service.send("first", "ok go ahead")
    now = [i.title for i in service.session("first").plan.roadmap if i.horizon == "short"]
    reply = service.send("first", "What should I do first?").reply
    assert now[0] in reply


def test_a_value_corrected_against_the_old_one_is_replaced(service):
    service.send("old-value", PERSONA["script"][0])
    reply = service.send("old-value", "sorry, it's 1.4 million not 1.2").reply
    revenue = service.session("old-value").plan.profile.annual_revenue
    assert revenue.amount == 1_400_000 and "1 400 000" in reply


def test_a_brief_keeps_every_objective_and_marks_what_the_coach_proposed(service):
    brief = (
        "Client: Harbour Physio, a physiotherapy clinic in Galway, 8 staff, revenue about "
        "EUR 600k. Objectives: cut no-shows from 10% to 5% by end of 2027; grow online "
        "bookings from 40% of bookings; reduce admin hours from 15 a week; more corporate "
        "clients."
    )
    plan = service.plan_from_brief(brief)
    assert len(plan.goals) == 4
    proposed = [g for g in plan.goals if g.deadline_status == "proposed"]
    assert len(proposed) == 3 and all(g.deadline for g in plan.goals)
    assert all(g.baseline is None or g.baseline.status != "proposed" for g in plan.goals)
    assert any(g.target and g.target.status == "proposed" for g in plan.goals)
    assert all("proposed" in g.statement for g in proposed)
    assert len(plan.open_questions) >= 3


def test_the_blind_conversations_are_listened_to(service):
    figures = listening.run_listening(service, "dev")
    assert figures["all"]["objection_held"] == 1.0  # no objection is ever taken as a yes
    assert listening.gate(figures) == []  # and every figure at or above its floor


def test_a_listening_figure_below_its_floor_fails_the_gate():
    figures = {"split": "dev", "all": {"objection_held": 0.5}, "by_language": {}}
    assert listening.gate(figures) == ["objection_held = 0.5 (floor 1.0)"]
    assert listening.frozen_changed() is None


def test_a_session_started_from_a_brief_holds_the_plan_and_is_never_overwritten(service):
    from assistant.coaching.edits import EditRefused

    brief = (
        "Client: Harbour Physio, a physiotherapy clinic in Galway, 8 staff, revenue about "
        "EUR 600k. Objectives: cut no-shows from 10% to 5% by end of 2027; more corporate clients."
    )
    state = service.start_from_brief("from-brief", brief)
    saved = service.session("from-brief")
    assert saved.stage == "roadmap" and saved.plan.goals and saved.plan.roadmap
    assert saved.transcript[0].content == brief and state.plan == saved.plan
    assert "8 staff" in saved.understood["staff"]  # "What I understood" shows the brief's words
    service.send("from-brief", "yes, looks good")
    assert service.session("from-brief").stage == "done"
    with pytest.raises(EditRefused):
        service.start_from_brief("from-brief", brief)


def test_an_objective_added_after_one_was_dropped_gets_a_fresh_id(service):
    for message in PERSONA["script"][:6]:
        service.send("fresh-id", message)
    assert service.session("fresh-id").stage == "playback"
    service.send("fresh-id", "drop goal 1")
    service.send("fresh-id", "we also want newsletter subscribers from 800 to 2,000 by end of 2027")
    ids = [o.id for o in service.session("fresh-id").plan.objectives]
    assert len(ids) == 3 and len(set(ids)) == 3, ids


def test_a_dropped_step_is_known_by_what_its_words_denote_not_by_a_shared_word():
    titles = ["Build your own sales channel alongside the marketplaces", "Targeted ad campaigns"]
    assert listening._gone("Amazon marketplace listing", titles, "en")
    assert not listening._gone(
        "Amazon marketplace listing", ["Sell through an online marketplace"], "en"
    )
    assert not listening._gone("TikTok", ["TikTok videos twice a week"], "en")  # no id: by word
