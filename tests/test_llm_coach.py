"""The LLM engine end to end against a real local chat-completions server: replies are
phrased by the model, failures and unfaithful rewrites fall back to the offline coach with a
notice, and the session loses nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from openai_stub_server import STUB_MODEL_ID, ChatCompletionsStub, Reply

from assistant.coaching.llm_coach import is_faithful
from assistant.coaching.service import CoachService
from assistant.config import Settings

NOTHING_READ = Reply.json_object({"markets": [], "objectives": []})
FIRST = "Hi! We are Northwind Cycles, a bike shop in Dublin. We are 9 people."


@pytest.fixture
def stub() -> Iterator[ChatCompletionsStub]:
    with ChatCompletionsStub() as server:
        yield server
    server.verify()


@pytest.fixture
def service(stub: ChatCompletionsStub, seeded_data_dir) -> CoachService:
    settings = Settings(
        data_dir=seeded_data_dir("llm-coach"),
        llm_model=STUB_MODEL_ID,
        llm_base_url=stub.base_url,
        llm_api_key="sk-test-not-a-real-key",
        llm_timeout_s=5.0,
        llm_max_retries=1,
    )
    return CoachService(settings, today=lambda: date(2026, 11, 22))


def test_the_model_phrases_the_reply_and_the_engine_is_named(stub, service):
    stub.enqueue(
        NOTHING_READ, Reply.text("Welcome, Northwind Cycles! Let's look at how customers find you.")
    )
    result = service.send("s1", FIRST)
    assert result.reply.startswith("Welcome, Northwind Cycles!")
    assert result.engine == f"llm:{STUB_MODEL_ID}" and result.notices == []
    request = stub.chat_requests[1]
    body = str(request.body)
    # The draft and the conversation travel as data blocks, the user's words included.
    assert "<data" in body and "Northwind Cycles" in body
    # The plan is still built by the offline rules.
    assert result.plan["profile"]["staff"] == 9


def test_a_failing_model_falls_back_to_the_offline_reply_with_a_notice(stub, service):
    stub.enqueue(*[Reply.error(500)] * 4)  # reading: 2 tries, phrasing: 2 tries
    result = service.send("s1", FIRST)
    assert "llm_unavailable" in result.notices and "llm_reading_failed" in result.notices
    assert "offline coach" in result.reply
    assert result.plan["profile"]["business_name"] == "Northwind Cycles"
    # The turn is saved: the next message continues the same session.
    stub.enqueue(NOTHING_READ, Reply.text("Thanks — noted."))
    assert service.send("s1", "We have a website and a webshop.").stage == "current_state"
    assert len(service.session("s1").transcript) == 4


def test_a_rewrite_that_invents_a_number_is_rejected(stub, service):
    stub.enqueue(NOTHING_READ, Reply.text("Great! Most shops like yours grow 300% in a year."))
    result = service.send("s1", FIRST)
    assert "300%" not in result.reply
    assert "llm_rewrite_rejected" in result.notices


@pytest.mark.parametrize(
    ("rewrite", "ok"),
    [
        ("You have 9 people [1].", True),
        ("You have 10 people.", False),
        ("See [2].", False),
    ],
)
def test_faithfulness_guard(rewrite: str, ok: bool):
    assert is_faithful(rewrite, "You have 9 people [1].", "") is ok


def test_the_models_reading_fills_gaps_but_never_with_unstated_numbers(stub, service):
    reading = {
        "business_name": "Bakehouse Seven",
        "industry": "bakery",
        "staff": 40,
        "markets": ["Galway"],
        "objectives": [
            {
                "text": "double catering orders",
                "category": "revenue_growth",
                "baseline": 30,
                "target": 60,
                "unit": "orders",
                "deadline": "2027-06-30",
            }
        ],
    }
    stub.enqueue(Reply.json_object(reading), Reply.text("Thanks! Tell me about your website."))
    result = service.send("s2", "hello there, we bake bread for cafés and want 60 catering orders")
    profile = result.plan["profile"]
    assert profile["business_name"] == "Bakehouse Seven" and profile["industry"] == "bakery"
    assert profile["staff"] is None  # 40 was never written by the owner
    request = stub.chat_requests[0]
    assert "json_schema" in str(request.body) or "tools" in str(request.body)


def _state_with_goal():
    from assistant.coaching.plan import Baseline, Goal, Objective, Target
    from assistant.coaching.state import SessionState

    state = SessionState()
    state.plan.objectives = [Objective(id="o1", category="revenue_growth", owner_words="grow")]
    state.plan.goals = [
        Goal(
            id="g1",
            statement=(
                "Increase active customers from 2 000 customers to 2 300 customers by 2027-02-28"
            ),
            objective_id="o1",
            metric="Active customers",
            scope="Dublin",
            direction="increase",
            baseline=Baseline(
                value=2000, unit="customers", date=date(2026, 11, 22), status="measured"
            ),
            target=Target(value=2300, unit="customers"),
            deadline=date(2027, 2, 28),
            horizon="short",
            owner="owner",
        )
    ]
    return state


@pytest.mark.parametrize(
    ("wording", "kept"),
    [
        ("Grow active customers in Dublin from 2,000 to 2,300 by 28 February 2027.", True),
        ("Grow active customers from 2,000 to 2,500 by 28 February 2027.", False),  # new number
        ("Grow active customers to 2,300.", False),  # baseline lost
    ],
)
def test_goal_wording_is_kept_only_with_the_goals_own_numbers(stub, tmp_path, wording, kept):
    from assistant.coaching.llm_coach import LlmPhraser
    from assistant.llm import llm_config

    settings = Settings(
        data_dir=tmp_path,
        llm_model=STUB_MODEL_ID,
        llm_base_url=stub.base_url,
        llm_api_key="sk-test",
        llm_max_retries=0,
    )
    phraser = LlmPhraser(llm_config(settings), today=lambda: date(2026, 11, 22))
    state = _state_with_goal()
    template = state.plan.goals[0].statement
    stub.enqueue(Reply.json_object({"goals": [{"id": "g1", "statement": wording}]}))
    phraser.word_goals(state)
    assert state.plan.goals[0].statement == (wording if kept else template)


def test_replies_stream_piece_by_piece_and_end_with_the_turn(stub, service):
    from assistant.coaching.service import TurnResult

    text = "Welcome, Northwind Cycles! Let's look at how customers find you online."
    stub.enqueue(NOTHING_READ, Reply.text(text))
    items = list(service.stream("s3", FIRST))
    pieces, result = items[:-1], items[-1]
    assert isinstance(result, TurnResult) and result.reply == text
    assert len(pieces) > 1 and "".join(pieces) == text
    assert stub.chat_requests[1].body.get("stream") is True
