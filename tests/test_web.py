"""The web page answers through its named API, with passages rendered as inert text."""

from __future__ import annotations

import socket

import pytest

from assistant.knowledge.models import SearchResult
from assistant.web.app import build_app
from assistant.web.render import results_html

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_search_page_serves_results_through_the_named_api(shared_kb):
    from gradio_client import Client

    demo = build_app(shared_kb)
    port = _free_port()
    demo.queue().launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True
    )
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        html = client.predict("Hva er en digital strategi?", 3, api_name="/search")
        assert html.count("class='coach-passage'") == 3
        assert "nb-hva-er-en-digital-strategi" in html
        empty = client.predict("", 3, api_name="/search")
        assert "Type a question" in empty
    finally:
        demo.close()


def test_document_text_is_escaped_not_executed():
    hostile = SearchResult(
        source="x.md",
        title="<script>alert(1)</script>",
        language="en",
        heading="h",
        chunk_id="x#000",
        score=0.5,
        text="<img src=x onerror=alert(1)>",
    )
    html = results_html("q", [hostile])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
