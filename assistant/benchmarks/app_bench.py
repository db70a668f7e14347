"""App-level benchmarks: cold start, concurrent sessions, and two app processes behind a proxy.

Every measurement drives REAL processes (``strategy-coach ui`` on free localhost ports) through
the app's named API ``/chat`` with ``gradio_client``, the way a script or an integration would.
The data dir is prepared once up front (``strategy-coach ingest``), so a timed start is a
warm-disk start with an existing index, not a first run that embeds the knowledge folder.
The app runs with the offline engine and without logins (``COACH_LLM_MODEL`` and
``COACH_AUTH`` are removed from the processes' environment) so the numbers measure the app.

Run: ``.venv/bin/python -c "from assistant.benchmarks.app_bench import run_app_bench;
print(run_app_bench(quick=True).model_dump_json(indent=2))"``
"""

from __future__ import annotations

import functools
import json
import os
import platform
import ssl
import statistics
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from assistant.benchmarks.processes import (
    START_TIMEOUT_S,
    RoundRobinForwarder,
    app_process,
    chroma_server,
    prepare_data_dir,
)
from assistant.config import PROJECT_ROOT

TURN_TIMEOUT_S = 120.0
# through the round-robin forwarder a turn can hang for good (see TwoProcess): give up sooner
FORWARDED_TURN_TIMEOUT_S = 20.0
COLD_START_PERSONA = "en-bike-shop"


# ----- results -----
class ColdStartRun(BaseModel):
    http_ready_s: float = Field(description="spawn -> first HTTP 200 of / (polled every 50 ms)")
    first_reply_s: float = Field(description="spawn -> first /chat reply (incl. client setup)")


class ColdStart(BaseModel):
    note: str = "warm-disk start: the data dir already holds the index (ingested up front)"
    runs: list[ColdStartRun]
    median_http_ready_s: float
    median_first_reply_s: float


class Concurrency(BaseModel):
    """Simultaneous users, each its own client and session, running a persona script back to
    back (no pauses between turns), on an app that has answered one probe turn."""

    users: int
    backends: int = Field(description="URLs the users were spread over (1: one URL)")
    turns: int = Field(description="replies received")
    turns_expected: int = Field(description="sum of the users' script lengths")
    wall_s: float
    turns_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int = Field(description="exceptions raised by client setup or /chat")
    error_samples: list[str] = []
    isolation_ok: bool
    violations: list[str] = []


class TwoProcess(BaseModel):
    """Two app processes sharing one data dir (sessions) and one Chroma server (index).

    ``pinned`` spreads the users over the two workers, each user staying on one (what a
    sticky proxy does). ``forwarded`` sends every TCP connection to the next worker: Gradio's
    queue then breaks, because a client's ``queue/join`` request and its event stream
    (``queue/data``) are separate connections and can land on different workers; the
    worker holding the stream never hears of the job, so the turn hangs (counted as an
    error after ``FORWARDED_TURN_TIMEOUT_S``)."""

    pinned: Concurrency = Field(description="user i on worker i mod 2, directly")
    forwarded: Concurrency = Field(description="users through the round-robin TCP forwarder")
    forwarder_connections: list[int] = Field(description="connections sent to each backend")
    continuity_ok: bool = Field(description="one session alternating backends turn by turn")
    continuity_turns: int
    continuity_problems: list[str] = []


class AppBench(BaseModel):
    machine: str
    load_before: float = Field(description="1-minute load average when the bench began")
    load_after: float
    quick: bool
    note: str = "offline engine, no logins"
    cold_start: ColdStart
    one_process: Concurrency
    two_process: TwoProcess


# ----- persona scripts -----
class Persona(BaseModel):
    id: str
    language: str
    script: list[str]


def load_personas() -> list[Persona]:
    """The evaluation personas (evals/personas/*.json), sorted by id."""
    folder = PROJECT_ROOT / "evals" / "personas"
    return [
        Persona.model_validate_json(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.json"))
    ]


# ----- processes -----
def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@functools.cache
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def _client(url: str):  # -> gradio_client.Client
    """A client whose HTTP calls wait like a browser does (httpx's default gives up after 5 s,
    which under load counts a slow queue join as a failed turn).

    gradio_client opens a new httpx client for every request, and each one builds an SSL
    context from the CA bundle, even for http:// URLs: 70 ms of CPU per request, three
    quarters of the simulated users' CPU, which on a 2-core machine starved the app being
    measured. The users share one context instead (``ssl_verify`` is handed to httpx as
    ``verify``, which takes a context). No usage analytics are sent."""
    from gradio_client import Client

    return Client(
        url,
        verbose=False,
        httpx_kwargs={"timeout": TURN_TIMEOUT_S},
        ssl_verify=_tls_context(),  # type: ignore[arg-type]
        analytics_enabled=False,
    )


def _say(client: Any, message: str, session: str, timeout: float = TURN_TIMEOUT_S) -> tuple:
    """One /chat turn: (reply, plan)."""
    return tuple(client.submit(message, session, api_name="/chat").result(timeout=timeout))


def cold_start(data_dir: Path, repeats: int = 3) -> ColdStart:
    """Spawn -> first HTTP 200 of ``/`` and -> first coach reply (the bike shop's first
    message), ``repeats`` times on the same prepared data dir."""
    message = next(p for p in load_personas() if p.id == COLD_START_PERSONA).script[0]
    runs = []
    with tempfile.TemporaryDirectory(prefix="coach-logs-") as logs:
        for _ in range(repeats):
            with app_process(data_dir, Path(logs)) as app:
                client = _client(app.url)
                try:
                    _say(client, message, f"cold-{uuid.uuid4().hex[:8]}")
                finally:
                    client.close()
                replied = round(time.perf_counter() - app.spawned, 3)
            runs.append(ColdStartRun(http_ready_s=round(app.ready_s, 3), first_reply_s=replied))
    return ColdStart(
        runs=runs,
        median_http_ready_s=round(statistics.median(r.http_ready_s for r in runs), 3),
        median_first_reply_s=round(statistics.median(r.first_reply_s for r in runs), 3),
    )


class _UserRun(BaseModel):
    persona: str
    replies: list[str] = []
    first_plan: dict[str, Any] = {}
    last_plan: dict[str, Any] = {}
    latencies_ms: list[float] = []
    errors: list[str] = []


def _run_user(
    url: str, persona: Persona, session_id: str, start: threading.Barrier, timeout: float
) -> _UserRun:
    run = _UserRun(persona=persona.id)
    try:
        client = _client(url)
    except Exception as exc:
        start.wait()
        run.errors.append(f"client for {url}: {type(exc).__name__}: {exc}"[:300])
        return run
    try:
        start.wait()
        for turn, message in enumerate(persona.script):
            began = time.perf_counter()
            try:
                reply, plan = _say(client, message, session_id, timeout)
            except Exception as exc:  # counted, and the script goes on
                run.errors.append(f"{session_id}: {type(exc).__name__}: {exc}"[:300])
                continue
            run.latencies_ms.append((time.perf_counter() - began) * 1000)
            run.replies.append(reply)
            run.first_plan = plan if turn == 0 else run.first_plan
            run.last_plan = plan
    finally:
        client.close()
    return run


def _isolation(runs: list[_UserRun], personas: dict[str, Persona]) -> list[str]:
    """Each final plan names its own business and no other persona's; every script got one
    reply per message. Names come from the first turn's plans, not from this module."""
    problems = []
    seen: dict[str, Counter] = {}
    for run in runs:
        seen.setdefault(run.persona, Counter())
        if run.first_plan:  # the first turn was answered
            seen[run.persona][(run.first_plan.get("profile") or {}).get("business_name")] += 1
    names = {}
    for persona, counts in seen.items():
        if len(counts) != 1 or None in counts:
            problems.append(f"{persona}: first-turn business names {dict(counts)}")
        if counts:
            names[persona] = counts.most_common(1)[0][0]
    for number, run in enumerate(runs):
        plan = json.dumps(run.last_plan, ensure_ascii=False)
        own = names.get(run.persona)
        if own and own not in plan:
            problems.append(f"user {number} ({run.persona}): own name {own!r} missing")
        for other, name in names.items():
            if other != run.persona and name and name in plan:
                problems.append(f"user {number} ({run.persona}): plan names {name!r} ({other})")
        expected = len(personas[run.persona].script)
        if len(run.replies) != expected:
            problems.append(f"user {number} ({run.persona}): {len(run.replies)}/{expected} replies")
    return problems


def _probe(url: str) -> None:
    """One turn on a throwaway session, so the users meet a ready app: a fresh process
    warms up in the background after serving its page, and turns wait for that (the
    cold-start figures measure it). A probe that fails is left for the users to meet."""
    client = _client(url)
    try:
        _say(client, load_personas()[0].script[0], f"probe-{uuid.uuid4().hex[:8]}")
    except Exception:  # a failing app: the users' own turns count it
        pass
    finally:
        client.close()


def concurrency(
    url_or_urls: str | list[str], users: int = 20, turn_timeout_s: float = TURN_TIMEOUT_S
) -> Concurrency:
    """``users`` threads at once, each with its own client and session, cycling the personas
    (user i talks to URL i mod len(urls)); turns/s, latency percentiles, errors, isolation.
    A failed turn is counted and the script goes on with its next message. Each URL first
    answers one probe turn (see ``_probe``); the users send back to back, no pauses."""
    urls = [url_or_urls] if isinstance(url_or_urls, str) else list(url_or_urls)
    personas = load_personas()
    for url in urls:
        _probe(url)
    by_id = {p.id: p for p in personas}
    run_id = uuid.uuid4().hex[:8]
    start = threading.Barrier(users + 1, timeout=START_TIMEOUT_S)  # all clients set up
    results: list[_UserRun | None] = [None] * users

    def work(i: int) -> None:
        persona = personas[i % len(personas)]
        session_id = f"bench-{run_id}-{i}"
        results[i] = _run_user(urls[i % len(urls)], persona, session_id, start, turn_timeout_s)

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(users)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    runs = [r or _UserRun(persona="?", errors=["thread died"]) for r in results]
    latencies = [ms for run in runs for ms in run.latencies_ms]
    errors = [e for run in runs for e in run.errors]
    problems = _isolation(runs, by_id)
    return Concurrency(
        users=users,
        backends=len(urls),
        turns=len(latencies),
        turns_expected=sum(len(personas[i % len(personas)].script) for i in range(users)),
        wall_s=round(wall, 3),
        turns_per_s=round(len(latencies) / wall, 2) if wall else 0.0,
        p50_ms=round(_percentile(latencies, 0.50), 1),
        p95_ms=round(_percentile(latencies, 0.95), 1),
        p99_ms=round(_percentile(latencies, 0.99), 1),
        errors=len(errors),
        error_samples=errors[:5],
        isolation_ok=not problems,
        violations=problems[:20],
    )


def continuity(urls: list[str], persona: Persona) -> tuple[int, list[str]]:
    """One session whose turns alternate between backends; (replies, problems). Complete means
    goals and a roadmap in the final plan, and no reply after the first one greets again."""
    from assistant.coaching.messages import Messages

    greeting = Messages(persona.language).say("greeting")
    clients = [_client(url) for url in urls]
    session_id = f"continuity-{uuid.uuid4().hex[:8]}"
    replies: list[str] = []
    plan: dict[str, Any] = {}
    problems = []
    try:
        for turn, message in enumerate(persona.script):
            try:
                reply, plan = _say(clients[turn % len(clients)], message, session_id)
            except Exception as exc:
                problems.append(f"turn {turn + 1}: {type(exc).__name__}: {exc}"[:300])
                continue
            replies.append(reply)
    finally:
        for client in clients:
            client.close()
    if replies and greeting not in replies[0]:
        problems.append("the first reply has no greeting, so a restart could not be seen")
    restarts = [n + 2 for n, reply in enumerate(replies[1:]) if greeting in reply]
    if restarts:
        problems.append(f"the session restarted (greeting again) at replies {restarts}")
    if not plan.get("goals") or not plan.get("roadmap"):
        problems.append("the final plan lacks goals or a roadmap")
    return len(replies), problems


def two_process(data_dir: Path, users: int = 20) -> TwoProcess:
    """Chroma server + two app processes sharing ``data_dir`` (one sessions.sqlite): users
    pinned to a worker each, one session alternating workers turn by turn, and users through
    the round-robin forwarder."""
    persona = next(p for p in load_personas() if p.id == COLD_START_PERSONA)
    with tempfile.TemporaryDirectory(prefix="coach-2p-") as tmp:
        logs = Path(tmp) / "logs"
        with chroma_server(Path(tmp) / "chroma", logs) as chroma:
            chroma_url = chroma.url.rstrip("/")
            prepare_data_dir(data_dir, chroma_url)
            with (
                app_process(data_dir, logs, chroma_url) as one,
                app_process(data_dir, logs, chroma_url) as two,
            ):
                pinned = concurrency([one.url, two.url], users)
                turns, problems = continuity([one.url, two.url], persona)
                backends = [("127.0.0.1", one.port), ("127.0.0.1", two.port)]
                with RoundRobinForwarder(backends) as forwarder:
                    url = f"http://127.0.0.1:{forwarder.port}/"
                    forwarded = concurrency(url, users, FORWARDED_TURN_TIMEOUT_S)
                    counts = list(forwarder.connections)
    return TwoProcess(
        pinned=pinned,
        forwarded=forwarded,
        forwarder_connections=counts,
        continuity_ok=not problems,
        continuity_turns=turns,
        continuity_problems=problems,
    )


def run_app_bench(quick: bool = False) -> AppBench:
    """All of it in a fresh temporary folder (removed afterwards): cold starts and one process
    on an ingested data dir; two processes on another data dir shared by both, with the index
    in the Chroma server. ``quick``: one cold start instead of three; the users stay 20."""
    machine = f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="coach-app-bench-", ignore_cleanup_errors=True) as tmp:
        root = Path(tmp)
        data_dir = prepare_data_dir(root / "data")
        started = cold_start(data_dir, repeats=1 if quick else 3)
        with app_process(data_dir, root / "logs") as app:
            single = concurrency(app.url, users=20)
        double = two_process(root / "shared", users=20)
    return AppBench(
        machine=machine,
        load_before=round(load_before, 2),
        load_after=round(os.getloadavg()[0], 2),
        quick=quick,
        cold_start=started,
        one_process=single,
        two_process=double,
    )
