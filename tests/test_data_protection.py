"""Client data and keys stay where they belong: never in logs, errors, feedback cases or
exports; a deleted session leaves nothing behind in the session store."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date

import pytest
from openai_stub_server import STUB_MODEL_ID, ChatCompletionsStub, Reply

from assistant.coaching.service import CoachService
from assistant.config import Settings

SECRET = "sk-client-secret-7f3a9c1e"
CLIENT = "Fjellbakeriet Nordlys"
FIRST = f"Hei! Vi er {CLIENT}, et bakeri i Tromsø med 6 ansatte og 4 millioner i omsetning."

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture(scope="module")
def stub() -> Iterator[ChatCompletionsStub]:
    with ChatCompletionsStub() as server:
        yield server


@pytest.fixture(scope="module")
def service(stub: ChatCompletionsStub, seeded_data_dir) -> CoachService:
    settings = Settings(
        data_dir=seeded_data_dir("protection"),
        llm_model=STUB_MODEL_ID,
        llm_base_url=stub.base_url,
        llm_api_key=SECRET,
        llm_timeout_s=3.0,
        llm_max_retries=1,
    )
    return CoachService(settings, today=lambda: date(2026, 11, 22))


def test_a_failing_model_leaks_neither_key_nor_client_text_into_logs(
    stub: ChatCompletionsStub, service: CoachService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    stub.enqueue(*[Reply.error(500, message=f"upstream echoed {SECRET}")] * 4)
    result = service.send("p1", FIRST)
    assert "llm_unavailable" in result.notices
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert SECRET not in logged
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("assistant"))
    assert CLIENT not in ours and "Tromsø" not in ours
    assert SECRET not in result.model_dump_json()


def test_feedback_cases_and_exports_hold_no_key(
    stub: ChatCompletionsStub, service: CoachService
) -> None:
    stub.enqueue(*[Reply.error(500)] * 4)
    service.send("p2", FIRST)
    case_file = service.rate("p2", 0, "down", "too vague")
    assert case_file is not None
    assert SECRET not in case_file.read_text(encoding="utf-8")
    for fmt in ("md", "docx", "pdf", "transcript"):
        exported = service.export("p2", fmt)  # type: ignore[arg-type]
        assert SECRET.encode() not in exported.content, fmt


def test_deleting_a_session_removes_its_checkpoints(
    stub: ChatCompletionsStub, service: CoachService
) -> None:
    import sqlite3

    stub.enqueue(*[Reply.error(500)] * 4)
    service.send("p3", FIRST)
    database = service.settings.data_dir / "sessions.sqlite"

    def rows() -> int:
        with sqlite3.connect(database) as connection:
            tables = [t for (t,) in connection.execute("SELECT name FROM sqlite_master")]
            count = 0
            for table in ("checkpoints", "writes"):
                if table in tables:
                    query = f"SELECT COUNT(*) FROM {table} WHERE thread_id = ?"
                    count += connection.execute(query, ("p3",)).fetchone()[0]
            return count

    assert rows() > 0
    service.delete_session("p3")
    assert rows() == 0
    with sqlite3.connect(database) as connection:
        listed = connection.execute("SELECT COUNT(*) FROM session_index WHERE id = 'p3'")
        assert listed.fetchone()[0] == 0
