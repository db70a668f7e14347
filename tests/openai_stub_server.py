"""A real HTTP server that speaks OpenAI's chat-completions wire format, for tests.

``ChatCompletionsStub`` runs a stdlib ``ThreadingHTTPServer`` on 127.0.0.1 (a free port) in a
background thread. A test scripts the replies it should give, in order, with ``enqueue`` —
text, a JSON object (returned as message content for ``response_format: json_schema`` or as
a forced tool call when the request carries ``tools``), an HTTP error status (429 with
``Retry-After``, 500, 503, 401, ...), malformed JSON, a broken HTTP body or a stream that
breaks mid-way; any reply may be delayed to trigger client timeouts. The server records every
request (path, headers, JSON body) and ``verify()`` fails when scripted replies were left
unused or a request arrived with nothing scripted, like a cassette player would.

Endpoints: ``POST /v1/chat/completions`` (plain JSON, or ``stream: true`` as SSE chunks
ending in ``data: [DONE]``, with a final usage chunk when ``stream_options.include_usage`` is
set) and ``GET /v1/models``.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

STUB_MODEL_ID = "stub-model"
_CHAT_PATH = "/v1/chat/completions"
_MODELS_PATH = "/v1/models"

ReplyKind = Literal["content", "error", "malformed_body", "broken_stream", "truncated_stream"]


def split_into_pieces(text: str) -> tuple[str, ...]:
    """Split text the way a model streams it: word by word, keeping the spaces."""
    return tuple(re.findall(r"\S+\s*|\s+", text)) or ("",)


class Reply(BaseModel):
    """One scripted answer of the stub server."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ReplyKind
    content: str = ""
    is_json: bool = False
    pieces: tuple[str, ...] = ()
    status: int = 200
    headers: dict[str, str] = Field(default_factory=dict)
    error_message: str = ""
    delay_s: float = 0.0

    @classmethod
    def text(cls, content: str, *, pieces: tuple[str, ...] = (), delay_s: float = 0.0) -> Reply:
        """Plain assistant text; ``pieces`` sets how it is split when streamed."""
        return cls(kind="content", content=content, pieces=pieces, delay_s=delay_s)

    @classmethod
    def json_object(cls, data: dict[str, Any], *, delay_s: float = 0.0) -> Reply:
        """A JSON object: message content, or the arguments of a tool call if tools were sent."""
        return cls(kind="content", content=json.dumps(data), is_json=True, delay_s=delay_s)

    @classmethod
    def malformed_json(cls, content: str = '{"title": "Grow online", "steps": [') -> Reply:
        """Content (or tool arguments) that is not valid JSON, in a well-formed envelope."""
        return cls(kind="content", content=content, is_json=True)

    @classmethod
    def error(
        cls, status: int, *, retry_after: str | None = None, message: str | None = None
    ) -> Reply:
        """An OpenAI-style error body with this HTTP status."""
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        return cls(
            kind="error",
            status=status,
            headers=headers,
            error_message=message or f"stub error {status}",
        )

    @classmethod
    def malformed_body(cls) -> Reply:
        """HTTP 200 whose body claims to be JSON but is not."""
        return cls(kind="malformed_body")

    @classmethod
    def broken_stream(cls, *pieces: str) -> Reply:
        """Stream these pieces, then drop the connection without finishing the response."""
        return cls(kind="broken_stream", content="".join(pieces), pieces=pieces)

    @classmethod
    def truncated_stream(cls, *pieces: str) -> Reply:
        """Stream these pieces and end the HTTP response cleanly, but with no finish_reason."""
        return cls(kind="truncated_stream", content="".join(pieces), pieces=pieces)

    @classmethod
    def delayed(cls, delay_s: float, content: str = "too late") -> Reply:
        """Text that only arrives after ``delay_s`` seconds."""
        return cls.text(content, delay_s=delay_s)


class RecordedRequest(BaseModel):
    """One request as the stub received it (header names lower-cased)."""

    model_config = ConfigDict(frozen=True)

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None


class ChatCompletionsStub:
    """The scripted server; use as a context manager or call ``start``/``stop``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replies: deque[Reply] = deque()
        self._requests: list[RecordedRequest] = []
        self._unexpected: list[str] = []
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> ChatCompletionsStub:
        self._server = _Server(("127.0.0.1", 0), _Handler, stub=self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> ChatCompletionsStub:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the stub server is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    # -- scripting and inspection ----------------------------------------------------------
    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self._replies.extend(replies)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == "POST" and r.path == _CHAT_PATH]

    @property
    def unused_replies(self) -> list[Reply]:
        with self._lock:
            return list(self._replies)

    def verify(self) -> None:
        """Fail if scripted replies were left unused or a request found nothing scripted."""
        with self._lock:
            unused, unexpected = list(self._replies), list(self._unexpected)
        problems = []
        if unused:
            problems.append(f"{len(unused)} scripted replies unused: {[r.kind for r in unused]}")
        if unexpected:
            problems.append(f"requests with no scripted reply: {unexpected}")
        if problems:
            raise AssertionError("; ".join(problems))

    # -- used by the handler ---------------------------------------------------------------
    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _next_reply(self, description: str) -> Reply | None:
        with self._lock:
            if self._replies:
                return self._replies.popleft()
            self._unexpected.append(description)
            return None

    def _wait(self, seconds: float) -> None:
        self._stopping.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, *, stub: ChatCompletionsStub):
        self.stub = stub
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the tests read ``requests`` instead of a log."""

    # -- routing ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._record(body=None)
        if self.path.rstrip("/") == _MODELS_PATH:
            model = {"id": STUB_MODEL_ID, "object": "model", "created": 0, "owned_by": "stub"}
            self._send_json(200, {"object": "list", "data": [model]})
        else:
            self._send_error_body(404, f"no route {self.path}", "invalid_request_error")

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._record(body=None)
            self._send_error_body(400, "request body is not JSON", "invalid_request_error")
            return
        self._record(body=body)
        if self.path != _CHAT_PATH:
            self._send_error_body(404, f"no route {self.path}", "invalid_request_error")
            return
        reply = self.server.stub._next_reply(f"POST {self.path}")
        if reply is None:
            self._send_error_body(500, "the stub server has no scripted reply", "server_error")
            return
        try:
            self._answer(reply, body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (e.g. timed out); that's fine

    def _record(self, *, body: dict[str, Any] | None) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        recorded = RecordedRequest(method=self.command, path=self.path, headers=headers, body=body)
        self.server.stub._record(recorded)

    def _answer(self, reply: Reply, body: dict[str, Any]) -> None:
        if reply.delay_s:
            self.server.stub._wait(reply.delay_s)
        if reply.kind == "error":
            self._send_error_body(
                reply.status, reply.error_message, _error_type(reply.status), reply.headers
            )
        elif reply.kind == "malformed_body":
            self._send_bytes(200, b'{"id": "chatcmpl-broken", "choices": [', "application/json")
        elif body.get("stream"):
            self._send_stream(reply, body)
        else:
            self._send_json(200, _completion(reply, body))

    # -- writing ---------------------------------------------------------------------------
    def _send_bytes(
        self, status: int, data: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        self._send_bytes(status, json.dumps(payload).encode(), "application/json")

    def _send_error_body(
        self, status: int, message: str, error_type: str, headers: dict[str, str] | None = None
    ) -> None:
        payload = {"error": {"message": message, "type": error_type, "param": None, "code": None}}
        self._send_bytes(status, json.dumps(payload).encode(), "application/json", headers)

    def _send_stream(self, reply: Reply, body: dict[str, Any]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for event in _stream_events(reply, body):
            self._write_chunk(f"data: {event}\n\n".encode())
            time.sleep(0.001)  # separate TCP writes, so the client really sees several chunks
        if reply.kind == "broken_stream":
            self.close_connection = True  # hang up without the terminating chunk
            return
        if reply.kind != "truncated_stream":
            self._write_chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()


# -- the wire format ------------------------------------------------------------------------
def _error_type(status: int) -> str:
    if status == 429:
        return "requests"
    return "server_error" if status >= 500 else "invalid_request_error"


def _tool_name(body: dict[str, Any]) -> str | None:
    """The function a JSON reply should be returned through, if the request asked for tools."""
    tools = body.get("tools") or []
    if not tools:
        return None
    choice = body.get("tool_choice")
    if isinstance(choice, dict) and choice.get("function", {}).get("name"):
        return str(choice["function"]["name"])
    return str(tools[0]["function"]["name"])


def _usage(body: dict[str, Any], content: str) -> dict[str, int]:
    prompt_words = sum(len(str(m.get("content") or "").split()) for m in body.get("messages", []))
    completion_words = len(content.split())
    return {
        "prompt_tokens": prompt_words,
        "completion_tokens": completion_words,
        "total_tokens": prompt_words + completion_words,
    }


def _envelope(body: dict[str, Any], obj: str) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
        "object": obj,
        "created": int(time.time()),
        "model": str(body.get("model") or STUB_MODEL_ID),
        "system_fingerprint": "fp_stub",
    }


def _completion(reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
    tool = _tool_name(body) if reply.is_json else None
    message: dict[str, Any] = {"role": "assistant", "content": reply.content, "refusal": None}
    finish_reason = "stop"
    if tool is not None:
        call = {"id": f"call_{uuid.uuid4().hex[:12]}", "type": "function"}
        call["function"] = {"name": tool, "arguments": reply.content}
        message = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [call]}
        finish_reason = "tool_calls"
    choice = {"index": 0, "message": message, "logprobs": None, "finish_reason": finish_reason}
    return {
        **_envelope(body, "chat.completion"),
        "choices": [choice],
        "usage": _usage(body, reply.content),
    }


def _stream_events(reply: Reply, body: dict[str, Any]) -> Iterator[str]:
    base = _envelope(body, "chat.completion.chunk")
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    extra = {"usage": None} if include_usage else {}

    def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> str:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        return json.dumps({**base, "choices": [choice], **extra})

    tool = _tool_name(body) if reply.is_json else None
    if tool is not None:
        call = {"index": 0, "id": f"call_{uuid.uuid4().hex[:12]}", "type": "function"}
        yield chunk(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{**call, "function": {"name": tool, "arguments": ""}}],
            }
        )
        yield chunk({"tool_calls": [{"index": 0, "function": {"arguments": reply.content}}]})
        finish_reason = "tool_calls"
    else:
        yield chunk({"role": "assistant", "content": "", "refusal": None})
        for piece in reply.pieces or split_into_pieces(reply.content):
            yield chunk({"content": piece})
        finish_reason = "stop"
    if reply.kind in ("broken_stream", "truncated_stream"):
        return
    yield chunk({}, finish_reason)
    if include_usage:
        yield json.dumps({**base, "choices": [], "usage": _usage(body, reply.content)})
