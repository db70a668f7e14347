"""Faults and repair: a damaged session store or index, a Chroma server that is down, a chat
process killed mid-run, and a language model that is slow, rate-limited, broken or gone.

Every fault gives a clear message (the command line: one line, no traceback, naming
``strategy-coach doctor`` where it can help), ``strategy-coach doctor --repair`` fixes what
can be fixed without deleting anything, and the session carries on.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from langgraph.checkpoint.sqlite import SqliteSaver
from openai_stub_server import STUB_MODEL_ID, ChatCompletionsStub, Reply
from typer.testing import CliRunner

from assistant.cli import app as cli_app
from assistant.coaching.messages import Messages
from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings, get_settings
from assistant.doctor import check_llm
from assistant.knowledge.service import KnowledgeBase
from assistant.knowledge.store import StoreUnavailable

pytestmark = pytest.mark.slow
TODAY = date(2026, 11, 22)
STRATEGY_COACH = PROJECT_ROOT / ".venv" / "bin" / "strategy-coach"
FIRST = "Hi! We are Northwind Cycles, a bike shop in Dublin. We are 9 people."
GARBAGE = b"this is not a database, just bytes written over it \x00\xff" * 400
NOTHING_READ = Reply.json_object({"markets": [], "objectives": []})


def _script() -> list[str]:
    path = PROJECT_ROOT / "evals" / "personas" / "en-bike-shop.json"
    return json.loads(path.read_text(encoding="utf-8"))["script"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``strategy-coach`` on a data dir of the test's choosing, as a user's shell runs it."""

    def run(data_dir: Path, *args: str, **env: str):
        monkeypatch.setenv("COACH_DATA_DIR", str(data_dir))
        monkeypatch.setenv("COLUMNS", "1000")  # so a message stays on one line
        for name in ("COACH_CHROMA_URL", "COACH_LLM_MODEL", "COACH_LLM_BASE_URL"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        return CliRunner().invoke(cli_app, list(args))

    yield run
    get_settings.cache_clear()


def _one_line_error(result: Any) -> str:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), result.output
    return lines[0]


def _doctor_lines(result: Any) -> dict[str, str]:
    """The doctor's verdict per check ('ok' or 'PROBLEM'), from its last round of checks."""
    assert "Traceback" not in result.output
    verdicts: dict[str, str] = {}
    for line in result.output.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("ok", "PROBLEM"):
            verdicts[rest.strip().split(":")[0]] = word
    return verdicts


def _chat_script(tmp_path: Path, messages: list[str]) -> Path:
    script = tmp_path / "script.json"
    script.write_text(json.dumps(messages), encoding="utf-8")
    return script


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


# ----- a damaged session store -----


def test_a_damaged_session_store_is_named_and_doctor_repairs_it(
    seeded_data_dir, cli, tmp_path: Path
) -> None:
    data_dir = seeded_data_dir("faults-sessions")
    settings = Settings(data_dir=data_dir)
    before = CoachService(settings, today=lambda: TODAY)
    before.send("s1", FIRST)
    before._saver.conn.close()  # as when the app has stopped
    before.catalogue._db.close()
    store = data_dir / "sessions.sqlite"
    store.write_bytes(GARBAGE)

    with pytest.raises(StoreUnavailable) as caught:
        CoachService(settings, today=lambda: TODAY)
    assert "strategy-coach doctor" in str(caught.value) and str(store) in str(caught.value)
    line = _one_line_error(cli(data_dir, "chat", "--script", str(_chat_script(tmp_path, [FIRST]))))
    assert "strategy-coach doctor" in line
    found = cli(data_dir, "doctor")
    assert found.exit_code == 1 and _doctor_lines(found)["session store"] == "PROBLEM"

    repaired = cli(data_dir, "doctor", "--repair")

    assert repaired.exit_code == 0, repaired.output
    assert all(verdict == "ok" for verdict in _doctor_lines(repaired).values())
    moved = [line for line in repaired.output.splitlines() if f"moved {store} to " in line]
    aside = Path(moved[0].split(" to ")[-1])
    assert aside.name.startswith("sessions.sqlite.broken-") and aside.read_bytes() == GARBAGE
    after = CoachService(settings, today=lambda: TODAY)
    assert after.send("s2", FIRST).plan["profile"]["staff"] == 9
    assert len(after.session("s2").transcript) == 2
    assert _integrity(store) == "ok"


# ----- a damaged or missing index -----

ARTICLES = {  # a small knowledge folder, so a rebuild takes seconds
    "pricing.md": "---\ntitle: Bakery pricing\nlanguage: en\n---\n# Bakery pricing\n\n"
    "The bakery uses a zebra pricing ladder for sourdough loaves, cheapest in the morning.\n",
    "ferry.md": "---\ntitle: Ferry marketing\nlanguage: en\n---\n# Ferry marketing\n\n"
    "The ferry company posts puffin photos on Instagram every Tuesday to reach tourists.\n",
}


@pytest.fixture
def small_index(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A data dir whose index covers a small knowledge folder; the env to run the CLI on it."""
    knowledge = tmp_path / "knowledge"
    (knowledge / "articles").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (knowledge / "articles" / name).write_text(text, encoding="utf-8")
    data_dir = tmp_path / "data"
    built = KnowledgeBase(Settings(data_dir=data_dir, knowledge_dir=knowledge)).ensure_fresh()
    assert built is not None and built.count("added") == len(ARTICLES)
    return data_dir, {"COACH_KNOWLEDGE_DIR": str(knowledge)}


def _finds_the_zebra(cli, data_dir: Path, env: dict[str, str]) -> bool:
    search = cli(data_dir, "search", "--json", "zebra pricing ladder", **env)
    assert search.exit_code == 0, search.output
    return json.loads(search.stdout)[0]["source"] == "articles/pricing.md"


def test_a_damaged_index_is_named_and_doctor_rebuilds_it(cli, small_index) -> None:
    data_dir, env = small_index
    (data_dir / "chroma" / "chroma.sqlite3").write_bytes(GARBAGE)

    line = _one_line_error(cli(data_dir, "search", "zebra pricing ladder", **env))
    assert "strategy-coach doctor" in line
    found = cli(data_dir, "doctor", **env)
    assert found.exit_code == 1 and _doctor_lines(found)["index"] == "PROBLEM"

    repaired = cli(data_dir, "doctor", "--repair", **env)

    assert repaired.exit_code == 0, repaired.output
    assert f"moved {data_dir / 'chroma'} to {data_dir / 'chroma.broken-'}" in repaired.output
    (aside,) = data_dir.glob("chroma.broken-*")
    assert (aside / "chroma.sqlite3").read_bytes() == GARBAGE  # nothing deleted
    assert _finds_the_zebra(cli, data_dir, env)


def test_a_deleted_index_is_found_and_doctor_rebuilds_it(cli, small_index) -> None:
    data_dir, env = small_index
    shutil.rmtree(data_dir / "chroma")

    found = cli(data_dir, "doctor", **env)
    assert found.exit_code == 1 and _doctor_lines(found)["index"] == "PROBLEM"
    assert not (data_dir / "chroma").exists()  # looking changed nothing

    repaired = cli(data_dir, "doctor", "--repair", **env)

    assert repaired.exit_code == 0, repaired.output
    assert "rebuilt the index" in repaired.output
    assert _finds_the_zebra(cli, data_dir, env)


def test_a_healthy_data_dir_passes_every_check(seeded_data_dir, cli) -> None:
    data_dir = seeded_data_dir("faults-healthy")
    with ChatCompletionsStub() as stub:
        result = cli(
            data_dir,
            "doctor",
            COACH_LLM_MODEL=STUB_MODEL_ID,
            COACH_LLM_BASE_URL=stub.base_url,
            COACH_LLM_API_KEY="sk-test-doctor",
        )
    verdicts = _doctor_lines(result)
    assert result.exit_code == 0, result.output
    expected = {"data dir", "knowledge", "session store", "index", "embedding model"}
    assert set(verdicts) == expected | {"language model"}
    assert set(verdicts.values()) == {"ok"}


# ----- a Chroma server that is down -----


def test_a_chroma_server_that_is_down_gets_one_clear_line(
    seeded_data_dir, cli, tmp_path: Path
) -> None:
    data_dir = seeded_data_dir("faults-server")
    url = f"http://127.0.0.1:{_free_port()}"

    for args in (["search", "goals"], ["chat", "--script", str(_chat_script(tmp_path, [FIRST]))]):
        line = _one_line_error(cli(data_dir, *args, COACH_CHROMA_URL=url))
        assert url in line
    found = cli(data_dir, "doctor", "--repair", COACH_CHROMA_URL=url)

    assert found.exit_code == 1
    assert _doctor_lines(found)["chroma server"] == "PROBLEM"
    assert "not rebuilt while the Chroma server does not answer" in found.output


# ----- a chat killed mid-run -----


def _saved_turns(store: Path, session_id: str) -> list[dict[str, Any]]:
    """The session's transcript as its last checkpoint holds it, read by another process."""
    try:
        connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return []
    try:
        saved = SqliteSaver(connection).get_tuple({"configurable": {"thread_id": session_id}})
    except sqlite3.Error:  # not created yet, or busy: look again
        return []
    finally:
        connection.close()
    if saved is None:
        return []
    return saved.checkpoint["channel_values"]["session"]["transcript"]


def test_a_chat_killed_mid_run_resumes_at_its_last_completed_turn(
    seeded_data_dir, tmp_path: Path
) -> None:
    data_dir = seeded_data_dir("faults-kill")
    store = data_dir / "sessions.sqlite"
    messages = [*_script(), *["What is a KPI and why does it matter?", "Thanks."] * 300]
    env = {name: value for name, value in os.environ.items() if not name.startswith("COACH_")}
    env |= {"COACH_DATA_DIR": str(data_dir), "ANONYMIZED_TELEMETRY": "False"}
    script = _chat_script(tmp_path, messages)
    process = subprocess.Popen(
        [str(STRATEGY_COACH), "chat", "--session", "killed", "--json", "--script", str(script)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 240
        while len(_saved_turns(store, "killed")) < 4:
            assert process.poll() is None, "the chat ended before it could be killed"
            assert time.monotonic() < deadline, "no two turns saved within 4 minutes"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL

    assert _integrity(store) == "ok"
    service = CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)
    transcript = service.session("killed").transcript
    turns = len(transcript) // 2
    assert turns >= 2 and len(transcript) < 2 * len(messages)
    assert [t.role for t in transcript] == ["user", "assistant"] * turns  # no half turn
    assert [t.content for t in transcript[::2]] == messages[:turns]
    assert all(t.content.strip() for t in transcript[1::2])

    result = service.send("killed", messages[turns])

    after = service.session("killed").transcript
    assert len(after) == len(transcript) + 2 and after[-1].content == result.reply
    assert after[: len(transcript)] == transcript


# ----- a language model that misbehaves -----


@pytest.fixture
def stub() -> Iterator[ChatCompletionsStub]:
    with ChatCompletionsStub() as server:
        yield server
    server.verify()


def _llm_service(data_dir: Path, base_url: str, **overrides: Any) -> CoachService:
    values: dict[str, Any] = {
        "llm_model": STUB_MODEL_ID,
        "llm_base_url": base_url,
        "llm_api_key": "sk-test-not-a-real-key",
        "llm_timeout_s": 5.0,
        "llm_max_retries": 1,
        **overrides,
    }
    return CoachService(Settings(data_dir=data_dir, **values), today=lambda: TODAY)


def test_a_rate_limit_with_retry_after_is_waited_out_and_the_model_answers(
    seeded_data_dir, stub: ChatCompletionsStub
) -> None:
    service = _llm_service(seeded_data_dir("faults-429"), stub.base_url)
    stub.enqueue(
        Reply.error(429, retry_after="1"),
        NOTHING_READ,
        Reply.text("Welcome, Northwind Cycles! How do customers find you?"),
    )

    result = service.send("s1", FIRST)

    assert result.reply.startswith("Welcome, Northwind Cycles!") and result.notices == []
    assert len(stub.chat_requests) == 3
    assert result.plan["profile"]["staff"] == 9


def test_a_model_slower_than_the_timeout_falls_back_with_a_notice(
    seeded_data_dir, stub: ChatCompletionsStub
) -> None:
    service = _llm_service(
        seeded_data_dir("faults-slow"), stub.base_url, llm_timeout_s=0.5, llm_max_retries=0
    )
    stub.enqueue(Reply.delayed(5.0, '{"markets": []}'), Reply.delayed(5.0))

    result = service.send("s1", FIRST)

    assert {"llm_reading_failed", "llm_unavailable"} <= set(result.notices)
    assert Messages("en").say("llm_fallback_notice") in result.reply
    assert result.plan["profile"]["business_name"] == "Northwind Cycles"
    stub.enqueue(NOTHING_READ, Reply.text("Thanks, noted."))  # the model is back
    assert service.send("s1", "We have a website and a webshop.").reply == "Thanks, noted."
    assert [t.role for t in service.session("s1").transcript] == ["user", "assistant"] * 2


def test_a_model_endpoint_that_is_down_falls_back_with_a_notice(seeded_data_dir) -> None:
    url = f"http://127.0.0.1:{_free_port()}/v1"
    service = _llm_service(seeded_data_dir("faults-llm-down"), url, llm_max_retries=0)

    first = service.send("s1", FIRST)
    second = service.send("s1", "We have a website and a webshop.")

    for result in (first, second):
        assert "llm_unavailable" in result.notices
        assert Messages("en").say("llm_fallback_notice") in result.reply
    assert second.stage == "current_state"
    assert len(service.session("s1").transcript) == 4


def test_malformed_json_from_the_model_leaves_the_reading_to_the_rules(
    seeded_data_dir, stub: ChatCompletionsStub
) -> None:
    service = _llm_service(seeded_data_dir("faults-bad-json"), stub.base_url)
    stub.enqueue(
        Reply.malformed_json('{"staff": 900, "markets": ['),
        Reply.malformed_json("not json at all"),
        Reply.text("Welcome, Northwind Cycles!"),
    )

    result = service.send("s1", FIRST)

    assert result.notices == ["llm_reading_failed"]
    assert result.reply == "Welcome, Northwind Cycles!"
    assert result.plan["profile"]["staff"] == 9  # the rules' reading, not the broken one


def test_the_doctor_looks_at_the_model_endpoint_without_raising(
    stub: ChatCompletionsStub, tmp_path: Path
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        llm_model=STUB_MODEL_ID,
        llm_base_url=stub.base_url,
        llm_api_key="sk-test-doctor-key",
    )
    answered = check_llm(settings)
    gone_url = f"http://127.0.0.1:{_free_port()}/v1"
    gone = check_llm(settings.model_copy(update={"llm_base_url": gone_url}))

    assert answered.ok and stub.requests[-1].path == "/v1/models"
    assert stub.requests[-1].headers["authorization"] == "Bearer sk-test-doctor-key"
    assert not gone.ok and gone_url in gone.detail and gone.fix
    assert "sk-test-doctor-key" not in gone.line()
