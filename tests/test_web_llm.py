"""The web app with the LLM engine on, against a real local chat-completions server: the
header names the model, a fallback is announced, and Stop in the middle of a streamed reply
leaves the session as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from openai_stub_server import STUB_MODEL_ID, ChatCompletionsStub, Reply

from assistant.coaching.service import CoachService, TurnResult
from assistant.config import Settings
from assistant.web.handlers import FALLBACK_NOTICE, CoachApp

pytestmark = pytest.mark.filterwarnings("ignore:This reply came from")
NOTHING_READ = Reply.json_object({"markets": [], "objectives": []})
FIRST = "Hi! We are Northwind Cycles, a bike shop in Dublin. We are 9 people."


@pytest.fixture(scope="module")
def stub() -> Iterator[ChatCompletionsStub]:
    with ChatCompletionsStub() as server:
        yield server


@pytest.fixture(scope="module")
def service(stub: ChatCompletionsStub, seeded_data_dir) -> CoachService:
    settings = Settings(
        data_dir=seeded_data_dir("web-llm"),
        llm_model=STUB_MODEL_ID,
        llm_base_url=stub.base_url,
        llm_api_key="sk-test-not-a-real-key",
        llm_timeout_s=5.0,
        llm_max_retries=1,
    )
    return CoachService(settings, today=lambda: date(2026, 11, 22))


def test_the_header_names_the_model(service: CoachService) -> None:
    badge = CoachApp(service).engine_badge()
    assert STUB_MODEL_ID in badge and "data-engine='llm'" in badge


def test_a_turn_that_fell_back_says_so(stub: ChatCompletionsStub, service: CoachService) -> None:
    stub.enqueue(*[Reply.error(500)] * 4)  # reading and phrasing both fail, with one retry each
    outputs = list(CoachApp(service).turn(FIRST, "s1", "auto", []))
    chat, box, _pending, status = outputs[-1]
    assert FALLBACK_NOTICE in status
    assert box == "" and chat[-1]["role"] == "assistant"
    assert service.session("s1").plan.profile.business_name == "Northwind Cycles"


def test_stop_in_the_middle_of_a_streamed_reply_keeps_the_session(
    stub: ChatCompletionsStub, service: CoachService
) -> None:
    stub.enqueue(NOTHING_READ, Reply.text("Welcome! Let's look at your shop."))
    service.send("s2", FIRST)
    before = service.session("s2")
    pieces = tuple(f"word{n} " for n in range(40))
    stub.enqueue(NOTHING_READ, Reply.text("".join(pieces), pieces=pieces, delay_s=0.05))
    steps = service.stream("s2", "We have a website and a webshop.")
    first = next(steps)
    assert isinstance(first, str) and not isinstance(first, TurnResult)
    steps.close()  # what the Stop button does to the running turn
    assert service.session("s2") == before
    stub.enqueue(NOTHING_READ, Reply.text("Thanks, noted."))
    after = service.send("s2", "We have a website and a webshop.")
    assert after.stage == "current_state"
    assert len(service.session("s2").transcript) == len(before.transcript) + 2
