"""The optional LLM engine: any OpenAI-compatible chat endpoint, via langchain-openai.

Off unless ``COACH_LLM_MODEL`` is set. ``llm_config`` resolves who we talk to,
``make_chat_model`` builds the client, and ``complete_text`` / ``stream_text`` /
``complete_structured`` make calls that retry within bounds and otherwise raise
``LlmUnavailable``, so the coach can fall back to its offline engine with a notice.

``ALLOW_MODEL_REQUESTS`` is the global "no real model calls" switch: when False, any call to
a host other than this machine raises ``ModelRequestsForbidden`` before a byte is sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from assistant.llm.client import (
    ModelRequestsForbidden,
    check_model_requests_allowed,
    complete_structured,
    complete_text,
    make_chat_model,
    stream_text,
)
from assistant.llm.data_blocks import data_block
from assistant.llm.resilience import (
    LlmUnavailable,
    call_with_retries,
    classify_failure,
    stream_with_retries,
)
from assistant.llm.settings import LlmConfig, LlmConfigError, RetryPolicy, llm_config

ALLOW_MODEL_REQUESTS: bool = True


@contextmanager
def override_allow_model_requests(allow: bool) -> Iterator[None]:
    """Temporarily switch model requests to remote hosts on or off."""
    global ALLOW_MODEL_REQUESTS
    previous, ALLOW_MODEL_REQUESTS = ALLOW_MODEL_REQUESTS, allow
    try:
        yield
    finally:
        ALLOW_MODEL_REQUESTS = previous


__all__ = [
    "ALLOW_MODEL_REQUESTS",
    "LlmConfig",
    "LlmConfigError",
    "LlmUnavailable",
    "ModelRequestsForbidden",
    "RetryPolicy",
    "call_with_retries",
    "check_model_requests_allowed",
    "classify_failure",
    "complete_structured",
    "complete_text",
    "data_block",
    "llm_config",
    "make_chat_model",
    "override_allow_model_requests",
    "stream_text",
    "stream_with_retries",
]
