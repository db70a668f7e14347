"""Shared fixtures: a private data dir per test session and a network guard.

Every test runs with ``COACH_DATA_DIR`` in a temporary folder and with outbound network
connections refused except to loopback, which proves the offline default never reaches out.
"""

from __future__ import annotations

import ipaddress
import json
import shutil
import socket
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.state import SessionState
from assistant.config import PROJECT_ROOT, Settings, get_settings

_real_connect = socket.socket.connect


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False
    return True  # AF_UNIX paths and the like


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _is_loopback(address):
        raise OSError(f"test network guard: connection to {address!r} refused (offline tests)")
    return _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    data_dir = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("COACH_DATA_DIR", str(data_dir))
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def knowledge_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A read-only copy of the curated knowledge folder, shared by the session."""
    target = tmp_path_factory.mktemp("knowledge") / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", target)
    return target


@pytest.fixture(scope="session")
def shared_kb(tmp_path_factory: pytest.TempPathFactory):
    """A knowledge base over the curated articles, built once per test session."""
    from assistant.knowledge.service import KnowledgeBase

    settings = Settings(data_dir=tmp_path_factory.mktemp("shared-kb"))
    kb = KnowledgeBase(settings)
    kb.ensure_fresh()
    return kb


@pytest.fixture(scope="session")
def seeded_data_dir(tmp_path_factory: pytest.TempPathFactory, shared_kb) -> Callable[[str], Path]:
    """Makes a fresh data dir that already holds the curated articles' index (a copy of the
    shared one), so a test's CoachService does not embed the articles again."""

    def make(name: str) -> Path:
        target = tmp_path_factory.mktemp(name) / "data"
        shutil.copytree(shared_kb.settings.data_dir, target)
        return target

    return make


@pytest.fixture(scope="session")
def finished_sessions(seeded_data_dir: Callable[[str], Path]) -> dict[str, SessionState]:
    """Each persona's scripted chat run to the end by the offline coach, keyed by persona id
    (``en-bike-shop``, ``nb-hotel``, ``sv-manufacturing``, ``ru-dental-clinic``)."""
    from assistant.coaching.service import CoachService

    settings = Settings(data_dir=seeded_data_dir("finished-sessions"))
    service = CoachService(settings, today=lambda: date(2026, 11, 22))
    sessions = {}
    for path in sorted((PROJECT_ROOT / "evals" / "personas").glob("*.json")):
        persona = json.loads(path.read_text(encoding="utf-8"))
        for message in persona["script"]:
            service.send(persona["id"], message)
        sessions[persona["id"]] = service.session(persona["id"])
    return sessions
