"""Bounded retries around model calls, and one error type for "the LLM is not available".

Retried (exponential backoff with jitter, capped at ``max_delay``): timeouts, connection
errors, HTTP 408/409/429 (``Retry-After`` honoured up to ``max_delay``) and 5xx, and
malformed or invalid structured output. Not retried: 400/401/403/404 and other client
errors, refusals. Whatever the cause, the caller finally gets ``LlmUnavailable`` with a
short, key-free reason and a ``kind`` it can map to a localized notice before it falls back
to the offline engine. Anything else (a bug) propagates unchanged.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from langchain_core.exceptions import OutputParserException
from pydantic import ValidationError

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], None]

FailureKind = Literal[
    "timeout",
    "connection",
    "rate_limited",
    "server_error",
    "invalid_output",
    "auth",
    "not_found",
    "bad_request",
    "refused",
    "broken_stream",
    "failed",
]

_REASONS: dict[str, str] = {
    "timeout": "the model server did not answer in time",
    "connection": "the model server could not be reached",
    "rate_limited": "the model server is rate-limiting requests",
    "server_error": "the model server reported an internal error",
    "invalid_output": "the model's answer did not match the expected format",
    "auth": "the model server rejected the API key (check COACH_LLM_API_KEY)",
    "not_found": "the model server does not know this model or path (check COACH_LLM_MODEL "
    "and COACH_LLM_BASE_URL)",
    "bad_request": "the model server rejected the request",
    "refused": "the model refused to answer",
    "broken_stream": "the model's answer was cut off",
    "failed": "the model call failed",
}


class LlmUnavailable(Exception):
    """The LLM could not give an answer; fall back to the offline engine and say so.

    ``kind`` is what the caller maps to a localized notice for the owner. ``reason`` (also
    ``str(error)``) is an English line for logs and developers; neither ever contains the
    API key or the server's own text. ``partial_text`` keeps what a broken stream produced.
    """

    def __init__(
        self,
        kind: FailureKind,
        *,
        status: int | None = None,
        attempts: int = 1,
        partial_text: str = "",
    ) -> None:
        self.kind: FailureKind = kind
        self.status = status
        self.attempts = attempts
        self.partial_text = partial_text
        reason = _REASONS[kind] + (f" (HTTP {status})" if status else "")
        if attempts > 1:
            reason += f"; gave up after {attempts} attempts"
        self.reason = reason
        super().__init__(reason)

    def __repr__(self) -> str:
        return f"LlmUnavailable(kind={self.kind!r}, status={self.status}, attempts={self.attempts})"


class StreamInterrupted(ConnectionError):
    """A stream ended without the model saying it had finished."""


@dataclass(frozen=True)
class Failure:
    """What went wrong with one attempt, and whether another attempt may help."""

    kind: FailureKind
    retryable: bool
    status: int | None = None
    retry_after: float | None = None


def classify_failure(error: BaseException) -> Failure | None:
    """Map an exception from a model call to a ``Failure``; ``None`` means "not ours: re-raise"."""
    import httpx  # imported here: only needed once a model call has failed
    import openai

    if isinstance(error, openai.APITimeoutError | httpx.TimeoutException):
        return Failure("timeout", retryable=True)
    if isinstance(error, StreamInterrupted):
        return Failure("broken_stream", retryable=True)
    if isinstance(error, openai.APIConnectionError | httpx.TransportError):
        return Failure("connection", retryable=True)
    if isinstance(error, openai.APIStatusError):
        return _classify_status(error.status_code, error.response.headers)
    if isinstance(error, openai.APIResponseValidationError):
        return Failure("invalid_output", retryable=True)
    if isinstance(error, ValidationError | json.JSONDecodeError | OutputParserException):
        return Failure("invalid_output", retryable=True)
    if type(error).__name__ == "OpenAIRefusalError":  # langchain_openai, imported lazily
        return Failure("refused", retryable=False)
    if isinstance(error, openai.LengthFinishReasonError | openai.ContentFilterFinishReasonError):
        return Failure("invalid_output", retryable=False)
    if isinstance(error, openai.OpenAIError):
        return Failure("failed", retryable=False)
    return None


def _classify_status(status: int, headers: Any) -> Failure:
    if status in (401, 403):
        return Failure("auth", retryable=False, status=status)
    if status == 404:
        return Failure("not_found", retryable=False, status=status)
    if status == 429:
        return Failure("rate_limited", True, status, retry_after_seconds(headers))
    if status in (408, 409) or status >= 500:
        kind: FailureKind = "timeout" if status == 408 else "server_error"
        return Failure(kind, True, status, retry_after_seconds(headers))
    return Failure("bad_request", retryable=False, status=status)


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds asked for by ``retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date)."""
    if headers is None:
        return None
    if (millis := headers.get("retry-after-ms")) is not None:
        try:
            return max(float(millis) / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - time.time(), 0.0)


def backoff_delay(failure: Failure, attempt: int, base_delay: float, max_delay: float) -> float:
    """Retry-After if the server gave one, else exponential backoff with jitter; both capped."""
    if failure.retry_after is not None:
        return min(failure.retry_after, max_delay)
    ceiling = min(base_delay * (2**attempt), max_delay)
    return ceiling / 2 + random.uniform(0.0, ceiling / 2)


def _retry_or_raise(
    failure: Failure,
    error: Exception,
    attempt: int,
    *,
    retries: int,
    base_delay: float,
    max_delay: float,
    sleep: Sleep,
) -> None:
    """Raise ``LlmUnavailable`` if this was the last useful attempt, else wait for the next."""
    if not failure.retryable or attempt >= retries:
        log.warning(
            "LLM unavailable: %s (HTTP %s) after %d attempt(s)",
            failure.kind,
            failure.status,
            attempt + 1,
        )
        unavailable = LlmUnavailable(failure.kind, status=failure.status, attempts=attempt + 1)
        if failure.kind == "auth":
            raise unavailable from None  # the server's text may echo the key back
        raise unavailable from error
    delay = backoff_delay(failure, attempt, base_delay, max_delay)
    log.warning(
        "LLM call failed: %s (HTTP %s), attempt %d of %d; retrying in %.2f s",
        failure.kind,
        failure.status,
        attempt + 1,
        retries + 1,
        delay,
    )
    sleep(delay)


def call_with_retries(
    fn: Callable[[], T],
    *,
    retries: int,
    base_delay: float,
    max_delay: float,
    sleep: Sleep = time.sleep,
) -> T:
    """Call ``fn`` up to ``retries + 1`` times; raise ``LlmUnavailable`` once it cannot work."""
    attempt = 0
    while True:
        try:
            return fn()
        except Exception as error:
            failure = classify_failure(error)
            if failure is None:
                raise
            _retry_or_raise(
                failure,
                error,
                attempt,
                retries=retries,
                base_delay=base_delay,
                max_delay=max_delay,
                sleep=sleep,
            )
            attempt += 1


def stream_with_retries(
    open_stream: Callable[[], Iterable[str]],
    *,
    retries: int,
    base_delay: float,
    max_delay: float,
    sleep: Sleep = time.sleep,
) -> Iterator[str]:
    """Yield the pieces of ``open_stream()``, retrying only while nothing has been yielded.

    A stream that breaks after yielding raises ``LlmUnavailable(kind="broken_stream")`` with
    the text so far in ``partial_text``, so the caller can keep it.
    """
    attempt = 0
    while True:
        pieces: list[str] = []
        stream: Iterator[str] | None = None
        try:
            stream = iter(open_stream())
            for piece in stream:
                pieces.append(piece)
                yield piece
            return
        except Exception as error:
            failure = classify_failure(error)
            if failure is None:
                raise
            if pieces:
                log.warning("LLM stream broke after %d pieces: %s", len(pieces), failure.kind)
                raise LlmUnavailable(
                    "broken_stream", attempts=attempt + 1, partial_text="".join(pieces)
                ) from error
            _retry_or_raise(
                failure,
                error,
                attempt,
                retries=retries,
                base_delay=base_delay,
                max_delay=max_delay,
                sleep=sleep,
            )
            attempt += 1
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
