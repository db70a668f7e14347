"""The web app's buttons, called directly (no server, no browser): what the person sees in
the chat, the text box and the status line after each action."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import gradio as gr
import pytest

from assistant.coaching.messages import Messages
from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings
from assistant.web import session_view as view
from assistant.web.handlers import MAX_MESSAGE, CoachApp

TODAY = date(2026, 11, 22)
NO_PICKS: tuple[Any, ...] = (None,) * view.QUICK_SLOTS + ([],) * view.QUICK_SLOTS
SKIP = gr.skip()


def _script(persona_id: str) -> list[str]:
    path = PROJECT_ROOT / "evals" / "personas" / f"{persona_id}.json"
    return json.loads(path.read_text(encoding="utf-8"))["script"]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    # its own data dir, starting from a copy of the shared index (no second embedding run)
    return CoachService(Settings(data_dir=seeded_data_dir("web-handlers")), today=lambda: TODAY)


@pytest.fixture(scope="module")
def app(service: CoachService) -> CoachApp:
    return CoachApp(service)


@pytest.fixture(scope="module")
def finished(service: CoachService) -> str:
    session_id = uuid.uuid4().hex
    for message in _script("en-bike-shop"):
        service.send(session_id, message)
    assert service.session(session_id).plan.goals
    return session_id


def _turn(app: CoachApp, message: str, session_id: str, *picks: Any) -> list[tuple[Any, ...]]:
    return list(app.turn(message, session_id, "auto", [], *(picks or NO_PICKS), request=None))


# ----- a turn -----


def test_a_turn_shows_the_message_at_once_then_the_saved_chat(
    app: CoachApp, service: CoachService
) -> None:
    session_id = uuid.uuid4().hex
    message = _script("nb-hotel")[0]

    updates = _turn(app, message, session_id)

    chat, box, pending, _ = updates[0]
    assert {"role": "user", "content": message} in chat
    assert chat[-1]["role"] == "assistant"
    assert box == "" and pending["text"] == message
    chat, box, pending, status = updates[-1]
    saved = service.session(session_id)
    assert [t.role for t in saved.transcript] == ["user", "assistant"]
    assert saved.transcript[0].content == message
    assert chat == view.chat_messages(saved)
    assert box == "" and pending is None and status == ""


def test_picked_answers_reach_the_session(app: CoachApp, service: CoachService) -> None:
    session_id = uuid.uuid4().hex
    _turn(app, _script("en-bike-shop")[0], session_id)
    questions = service.quick_questions(session_id)
    assert questions
    radios: list[Any] = [None] * view.QUICK_SLOTS
    checks: list[Any] = [[]] * view.QUICK_SLOTS
    expected: dict[str, Any] = {}
    for number, question in enumerate(questions):
        if question.kind == "checklist":
            checks[number] = [question.options[0].id]
            expected[question.id] = [question.options[0].id]
        elif question.kind == "yes_partial_no":
            radios[number] = "partial"
            expected[question.id] = "partial"
    ids = [q.id for q in questions]

    list(app.turn("", session_id, "auto", ids, *radios, *checks, request=None))

    answers = service.session(session_id).maturity_answers
    assert {qid: answers.get(qid) for qid in expected} == expected


@pytest.mark.filterwarnings("ignore:That message is")  # the toast, outside a running app
def test_a_too_long_message_stays_in_the_box_and_is_not_sent(
    app: CoachApp, service: CoachService
) -> None:
    session_id = uuid.uuid4().hex
    message = "We sell bikes. " * (MAX_MESSAGE // 10)
    assert len(message) > MAX_MESSAGE

    updates = _turn(app, message, session_id)

    assert len(updates) == 1
    chat, box, pending, status = updates[0]
    assert chat == SKIP and box == message and pending is None
    assert f"{MAX_MESSAGE:,}" in status
    assert service.session(session_id).transcript == []


def test_an_empty_message_without_picks_gets_a_hint(app: CoachApp, service: CoachService) -> None:
    session_id = uuid.uuid4().hex
    updates = _turn(app, "   ", session_id)
    assert len(updates) == 1
    chat, box, _, status = updates[0]
    assert chat == SKIP and box == "   " and status.strip()
    assert service.session(session_id).transcript == []


# ----- stop -----


def test_stop_after_a_completed_turn_leaves_the_box_alone(
    app: CoachApp, service: CoachService
) -> None:
    session_id = uuid.uuid4().hex
    message = _script("en-bike-shop")[0]
    _turn(app, message, session_id)
    saved = view.chat_messages(service.session(session_id))

    # the turn finished just before the stop reached it: the message is still "pending"
    pending = {"text": message, "turns": 0}
    for still_pending in (pending, None):
        chat, box, cleared, note = app.stop(session_id, still_pending)
        assert chat == saved and box == SKIP and cleared is None
        assert note == "Stopped."


def test_stop_after_a_completed_turn_with_picks_leaves_the_box_alone(
    app: CoachApp, service: CoachService
) -> None:
    session_id = uuid.uuid4().hex
    _turn(app, _script("en-bike-shop")[0], session_id)
    question = service.quick_questions(session_id)[0]
    assert question.kind == "yes_partial_no"
    radios = ["yes", *[None] * (view.QUICK_SLOTS - 1)]
    typed = "And we are on Instagram."
    outputs = list(
        app.turn(typed, session_id, "auto", [question.id], *radios, *NO_PICKS[view.QUICK_SLOTS :])
    )
    assert service.session(session_id).maturity_answers[question.id] == "yes"

    _, box, _, note = app.stop(session_id, outputs[0][2])

    assert box == SKIP and note == "Stopped."


def test_stop_during_a_turn_puts_the_message_back(app: CoachApp, service: CoachService) -> None:
    session_id = uuid.uuid4().hex
    _turn(app, _script("en-bike-shop")[0], session_id)
    before = service.session(session_id)
    message = _script("en-bike-shop")[1]

    steps = app.turn(message, session_id, "auto", [], *NO_PICKS, request=None)
    pending = next(steps)[2]  # shown at once, kept as pending
    assert pending["text"] == message
    streaming = next(steps)  # the first piece of the reply
    assert streaming[0][-1]["role"] == "assistant" and streaming[0][-1]["content"] != "…"
    steps.close()  # what the Stop button's cancel does to the running turn

    chat, box, _, note = app.stop(session_id, pending)
    assert service.session(session_id) == before
    assert chat == view.chat_messages(before)
    assert box == message
    assert note != "Stopped." and note.strip()


# ----- editing, export, uploads -----


@pytest.mark.slow
def test_a_goal_with_a_bad_deadline_is_not_saved(
    app: CoachApp, service: CoachService, finished: str
) -> None:
    plan = service.session(finished).plan
    goal = plan.goals[0]
    statement, baseline, target, _ = app.pick_goal(finished, goal.id)

    note = app.save_goal(finished, goal.id, statement, baseline, target, "next spring-ish")

    assert note.startswith("Not saved: ") and "next spring-ish" in note
    assert service.session(finished).plan == plan


@pytest.mark.slow
def test_saving_the_goal_form_reports_only_what_was_changed(
    app: CoachApp, service: CoachService, finished: str
) -> None:
    plan = service.session(finished).plan
    goal = plan.goals[-1]
    assert goal.baseline and goal.target
    statement, baseline, target, deadline = app.pick_goal(finished, goal.id)
    assert app.save_goal(finished, goal.id, statement, baseline, target, deadline) == (
        "Nothing changed."
    )

    note = app.save_goal(finished, goal.id, statement, baseline, target, "2027-09-30")

    assert note.startswith("Saved — ") and "2027-09-30" in note
    say = Messages(plan.language)
    assert say.label("edit_fields", "deadline") in note
    assert say.label("edit_fields", "baseline") not in note
    assert say.label("edit_fields", "target") not in note
    edited = next(g for g in service.session(finished).plan.goals if g.id == goal.id)
    assert edited.deadline == date(2027, 9, 30)
    assert edited.baseline == goal.baseline  # neither re-dated nor re-labelled
    assert edited.target == goal.target


@pytest.mark.slow
def test_export_gives_a_word_file_to_download(app: CoachApp, finished: str) -> None:
    path, note = app.export(finished, "docx")
    assert path is not None and Path(path).is_file()
    assert Path(path).name.endswith(".docx") and Path(path).stat().st_size > 0
    assert Path(path).name in note


def test_upload_without_files_asks_for_some(app: CoachApp) -> None:
    for nothing in (None, []):
        assert "Choose one or more files" in app.upload(nothing, uuid.uuid4().hex)


def test_stopping_a_repeated_message_still_puts_it_back(
    app: CoachApp, service: CoachService
) -> None:
    session_id = uuid.uuid4().hex
    _turn(app, _script("en-bike-shop")[0], session_id)
    _turn(app, "Yes.", session_id)
    steps = app.turn("Yes.", session_id, "auto", [], *NO_PICKS, request=None)
    pending = next(steps)[2]
    next(steps)
    steps.close()
    _, box, _, note = app.stop(session_id, pending)
    assert box == "Yes."  # the same words as the saved turn before, but this one was not saved
    assert "back in the box" in note
