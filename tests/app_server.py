"""Start the real web app on a free localhost port for a test (Gradio's own server)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

from assistant.coaching.service import CoachService
from assistant.web.app import launch


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(
    service: CoachService, logins: list[tuple[str, str]] | None = None
) -> Iterator[str]:
    """The app as ``strategy-coach ui`` serves it; yields its URL."""
    port = free_port()
    demo = launch(service, "127.0.0.1", port, logins, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        _close(demo)


CLOSE_ATTEMPTS = 3


def _close(demo) -> None:  # type: ignore[no-untyped-def]
    """Gradio sets its queue's asyncio event from this thread while the server's loop may be
    waking the event's waiters ("deque mutated during iteration", seen under load in CI):
    the close is tried again rather than failing the test that used the app."""
    for attempt in range(CLOSE_ATTEMPTS):
        try:
            demo.close()
            return
        except RuntimeError:
            if attempt == CLOSE_ATTEMPTS - 1:
                raise
            time.sleep(0.2)
