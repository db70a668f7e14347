"""Server mode: the same ingestion and search against a real ``chroma run`` on localhost."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.knowledge.service import KnowledgeBase
from assistant.knowledge.store import StoreUnavailable

pytestmark = [pytest.mark.server, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _chroma_binary() -> str:
    candidate = Path(sys.executable).parent / "chroma"
    found = str(candidate) if candidate.exists() else shutil.which("chroma")
    if not found:
        pytest.fail("the 'chroma' command (from the chromadb package) is not installed")
    return found


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    process = subprocess.Popen(
        [_chroma_binary(), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None:
                pytest.fail("chroma run exited before it was ready")
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("chroma run did not start listening within 60 s")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_ingest_and_cross_lingual_search_through_a_chroma_server(
    chroma_server: str, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path, chroma_url=chroma_server)
    kb = KnowledgeBase(settings)
    report = kb.ensure_fresh()
    assert report is not None and report.count("added") == 5
    # The vectors live in the server, not in the local data dir.
    assert not (tmp_path / "chroma").exists()

    results = kb.search("Hvordan bør vi formulere mål med en utgangsverdi og en tidsfrist?", 3)
    assert "sv-identifiera-digitala-mal" in {r.doc_id for r in results}

    # A second client (another app process) sees the same collection through the server.
    other = KnowledgeBase(Settings(data_dir=tmp_path / "other", chroma_url=chroma_server))
    assert other.store.vectorstore._collection.count() == kb.store.vectorstore._collection.count()


def test_an_unreachable_server_gives_a_clear_message(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, chroma_url=f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(StoreUnavailable) as caught:
        KnowledgeBase(settings).ensure_fresh()
    assert "127.0.0.1" in str(caught.value)


def test_a_malformed_server_url_is_rejected_with_an_example(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="http"):
        KnowledgeBase(Settings(data_dir=tmp_path, chroma_url="localhost:8000"))
