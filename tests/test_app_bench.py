"""The app benchmark's own machinery: concurrent scripted sessions against a real app stay
apart and are all answered, and the round-robin forwarder really alternates backends."""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from app_server import running_app

from assistant.benchmarks.app_bench import concurrency
from assistant.benchmarks.processes import RoundRobinForwarder
from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings

pytestmark = [pytest.mark.slow, pytest.mark.server]


def test_concurrent_users_get_every_reply_and_only_their_own_plan(seeded_data_dir) -> None:
    service = CoachService(
        Settings(data_dir=seeded_data_dir("app-bench")), today=lambda: date(2026, 11, 22)
    )
    scripts = [
        json.loads(path.read_text(encoding="utf-8"))["script"]
        for path in sorted((PROJECT_ROOT / "evals" / "personas").glob("*.json"))
    ]
    with running_app(service) as url:
        result = concurrency(url, users=4)
    assert result.errors == 0, result.error_samples
    assert result.isolation_ok, result.violations
    assert result.turns == result.turns_expected == sum(len(s) for s in scripts)
    # the sessions were saved by the app, one per user, each complete
    finished = [s for s in service.sessions() if s.id.startswith("bench-")]
    assert len(finished) == 4
    for info in finished:
        session = service.session(info.id)
        assert session.plan.goals and session.plan.roadmap


@contextmanager
def _echo_server(name: bytes) -> Iterator[int]:
    """Answers each connection with its name and what it was sent."""

    class Echo(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            received = b""
            while chunk := self.request.recv(1024):  # until the client half-closes
                received += chunk
            self.request.sendall(name + b":" + received)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _ask(port: int, text: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(text)
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(1024):
            answer += chunk
        return answer


def test_forwarder_sends_each_new_connection_to_the_next_backend() -> None:
    with (
        _echo_server(b"A") as first,
        _echo_server(b"B") as second,
        RoundRobinForwarder([("127.0.0.1", first), ("127.0.0.1", second)]) as forwarder,
    ):
        answers = [_ask(forwarder.port, f"hello {n} å ж".encode()) for n in range(4)]
        counts = list(forwarder.connections)
    assert answers == [
        b"A:" + "hello 0 å ж".encode(),
        b"B:" + "hello 1 å ж".encode(),
        b"A:" + "hello 2 å ж".encode(),
        b"B:" + "hello 3 å ж".encode(),
    ]
    assert counts == [2, 2]
