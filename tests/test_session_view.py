"""What the web app shows of a session: linked source markers, the chat, answer controls and
the edit forms, as pure functions of the session state (no browser)."""

from __future__ import annotations

import re

import pytest

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.messages import Messages
from assistant.coaching.state import ChatTurn, SessionState
from assistant.knowledge.models import SearchResult
from assistant.web import session_view as view

LANGUAGES = ("en", "nb", "sv", "ru")


def _source(number: int) -> SearchResult:
    return SearchResult(
        source=f"articles/s{number}.md",
        title=f"Source {number}",
        language="en",
        heading="h",
        chunk_id=f"s{number}#000",
        score=0.5,
        text="Some guidance.",
    )


def _state(turns: list[tuple[str, str]], sources: int = 0) -> SessionState:
    return SessionState(
        transcript=[ChatTurn(role=role, content=text) for role, text in turns],  # type: ignore[arg-type]
        sources={f"s{n}#000": _source(n) for n in range(1, sources + 1)},
    )


# ----- source markers -----


def test_only_markers_of_known_sources_become_links() -> None:
    text = "See [1] and [3]; not [0], [4] or [12]."
    linked = view.link_markers(text, 3)
    assert "(#source-1)" in linked and "(#source-3)" in linked
    for number in (0, 4, 12):
        assert f"#source-{number})" not in linked
    # what points at nothing stays exactly as it was written
    assert linked.endswith("not [0], [4] or [12].")


def test_without_sources_no_marker_is_linked() -> None:
    text = "As [1] and [2] say."
    assert view.link_markers(text, 0) == text


# ----- the chat -----


def test_chat_links_markers_in_replies_but_never_in_what_the_owner_wrote() -> None:
    state = _state(
        [
            ("user", "My consultant quoted [1] and [2] to me."),
            ("assistant", "Start with analytics [1]; see also [2] and [9]."),
        ],
        sources=2,
    )
    messages = view.chat_messages(state)
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[0]["content"] == state.transcript[0].content
    assert "(#source-1)" in messages[1]["content"] and "(#source-2)" in messages[1]["content"]
    assert "[9]" in messages[1]["content"] and "#source-9" not in messages[1]["content"]


def test_chat_of_a_finished_session_keeps_every_owner_message_verbatim(
    finished_sessions: dict[str, SessionState],
) -> None:
    state = finished_sessions["ru-dental-clinic"]
    messages = view.chat_messages(state)
    assert len(messages) == len(state.transcript)
    for message, turn in zip(messages, state.transcript, strict=True):
        assert message["role"] == turn.role
        if turn.role == "user":
            assert message["content"] == turn.content
    linked = [m for m in messages if "(#source-" in m["content"]]
    assert linked and all(m["role"] == "assistant" for m in linked)
    for message in linked:
        for number in re.findall(r"#source-(\d+)\)", message["content"]):
            assert 1 <= int(number) <= len(state.sources)


def test_reply_index_counts_replies_only(finished_sessions: dict[str, SessionState]) -> None:
    state = finished_sessions["en-bike-shop"]
    replies = [n for n, turn in enumerate(state.transcript) if turn.role == "assistant"]
    assert len(replies) > 2
    for number, message_index in enumerate(replies):
        assert view.reply_index(state, message_index) == number


def test_reply_index_of_a_small_chat() -> None:
    state = _state([("user", "a"), ("assistant", "b"), ("user", "c"), ("assistant", "d")])
    assert view.reply_index(state, 1) == 0
    assert view.reply_index(state, 3) == 1


# ----- answer controls -----


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_gets_a_fitting_control_with_dont_know(language: str) -> None:
    say = Messages(language, "app")
    bank = load_maturity_questions()
    by_id = {q.id: q for q in bank.questions}
    for group in bank.interview_groups:
        questions = [by_id[qid] for qid in group.question_ids]
        slots = view.quick_slots(questions, language)
        assert [s.question_id for s in slots] == [q.id for q in questions]
        for slot, question in zip(slots, questions, strict=True):
            assert slot.label == question.text.get(language)
            assert slot.checklist == (question.kind == "checklist")
            values = [value for _, value in slot.choices]
            assert (say.say("unknown"), "unknown") in slot.choices
            if question.kind == "checklist":
                assert values[:-1] == [o.id for o in question.options]
                labels = [label for label, _ in slot.choices[:-1]]
                assert labels == [o.label.get(language) for o in question.options]
            elif question.kind == "yes_partial_no":
                assert values == ["yes", "partial", "no", "unknown"]
                assert slot.choices[0][0] == say.say("yes")
            else:
                assert values == [str(n) for n in range(6)] + ["unknown"]


def test_no_more_slots_than_the_screen_has() -> None:
    questions = load_maturity_questions().questions
    assert len(questions) > view.QUICK_SLOTS
    assert len(view.quick_slots(questions, "en")) == view.QUICK_SLOTS


# ----- edit forms -----


def test_goal_form_shows_the_goal_as_it_stands(finished_sessions: dict[str, SessionState]) -> None:
    state = finished_sessions["nb-hotel"]
    for goal in state.plan.goals:
        fields = view.goal_fields(state, goal.id)
        assert fields["statement"] == goal.statement
        assert fields["baseline"] == (goal.baseline.value if goal.baseline else None)
        assert fields["target"] == (goal.target.value if goal.target else None)
        assert fields["deadline"] == (goal.deadline.isoformat() if goal.deadline else "")
    empty = {"statement": "", "baseline": None, "target": None, "deadline": ""}
    assert view.goal_fields(state, None) == empty
    assert view.goal_fields(state, "no-such-goal") == empty


def test_initiative_form_shows_horizon_and_priority(
    finished_sessions: dict[str, SessionState],
) -> None:
    state = finished_sessions["sv-manufacturing"]
    assert state.plan.roadmap
    for item in state.plan.roadmap:
        fields = view.initiative_fields(state, item.id)
        assert fields == {"horizon": item.horizon, "priority": item.priority}
    assert view.initiative_fields(state, None) == {"horizon": None, "priority": None}
    assert view.initiative_fields(state, "gone") == {"horizon": None, "priority": None}
