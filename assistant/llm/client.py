"""How we talk: a ``ChatOpenAI`` for the configured endpoint, and the calls the coach makes.

Every call goes through the retry layer and ends either in an answer or in
``LlmUnavailable``. Before any request to a host that is not this machine, the global switch
``assistant.llm.ALLOW_MODEL_REQUESTS`` is checked (tests turn it off).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Literal, TypeVar

from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import BaseModel

from assistant.llm.resilience import (
    Sleep,
    StreamInterrupted,
    call_with_retries,
    stream_with_retries,
)
from assistant.llm.settings import OPENAI_BASE_URL, LlmConfig, RetryPolicy, is_loopback_url

if TYPE_CHECKING:
    from langchain_openai import ChatOpenAI

SchemaT = TypeVar("SchemaT", bound=BaseModel)
StructuredMethod = Literal["json_schema", "function_calling"]
DEFAULT_RETRY_POLICY = RetryPolicy()


class ModelRequestsForbidden(RuntimeError):
    """A model request to a remote host while ``ALLOW_MODEL_REQUESTS`` is off (a test bug)."""


def make_chat_model(config: LlmConfig) -> ChatOpenAI:
    """A ``ChatOpenAI`` for the endpoint; the SDK does not retry, ``resilience`` does."""
    from langchain_openai import ChatOpenAI  # heavy import, only when the LLM is switched on

    return ChatOpenAI(
        model=config.model,
        base_url=config.base_url,
        api_key=config.api_key,
        timeout=config.timeout_s,
        max_retries=0,
        temperature=config.temperature,
    )


def model_base_url(model: BaseChatModel) -> str | None:
    """The HTTP endpoint a chat model talks to; ``None`` for in-process (fake) models."""
    base_url = getattr(model, "openai_api_base", None)
    if base_url is None and hasattr(model, "openai_api_base"):
        return OPENAI_BASE_URL  # a ChatOpenAI left to the SDK's default host
    return base_url


def check_model_requests_allowed(model: BaseChatModel) -> None:
    """Raise ``ModelRequestsForbidden`` for a remote endpoint while requests are switched off."""
    import assistant.llm as package  # the switch lives on the package so tests can flip it

    base_url = model_base_url(model)
    if package.ALLOW_MODEL_REQUESTS or base_url is None or is_loopback_url(base_url):
        return
    raise ModelRequestsForbidden(
        f"model requests to {base_url} are switched off "
        "(assistant.llm.ALLOW_MODEL_REQUESTS is False); use a local test server"
    )


def complete_text(
    model: BaseChatModel,
    messages: Sequence[BaseMessage],
    *,
    policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    sleep: Sleep = time.sleep,
) -> str:
    """The model's whole answer as text."""
    check_model_requests_allowed(model)
    return call_with_retries(
        lambda: model.invoke(list(messages)).text,
        retries=policy.retries,
        base_delay=policy.base_delay,
        max_delay=policy.max_delay,
        sleep=sleep,
    )


def complete_structured(
    model: BaseChatModel,
    messages: Sequence[BaseMessage],
    schema: type[SchemaT],
    *,
    method: StructuredMethod = "json_schema",
    policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    sleep: Sleep = time.sleep,
) -> SchemaT:
    """The answer parsed into ``schema``; malformed or invalid output is retried.

    ``json_schema`` (ChatOpenAI's default) sends ``response_format: json_schema``;
    ``function_calling`` forces a tool call, for servers without structured output.
    """
    check_model_requests_allowed(model)
    runnable = model.with_structured_output(schema, method=method)

    def attempt() -> SchemaT:
        result = runnable.invoke(list(messages))
        if result is None:  # the tool parser returns None for unparseable arguments
            raise OutputParserException("the model returned no structured output")
        return schema.model_validate(result)

    return call_with_retries(
        attempt,
        retries=policy.retries,
        base_delay=policy.base_delay,
        max_delay=policy.max_delay,
        sleep=sleep,
    )


def stream_text(
    model: BaseChatModel,
    messages: Sequence[BaseMessage],
    *,
    policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    sleep: Sleep = time.sleep,
) -> Iterator[str]:
    """The answer piece by piece. A break after the first piece raises ``LlmUnavailable``
    with ``partial_text``; before it, the request is retried."""
    check_model_requests_allowed(model)
    over_http = model_base_url(model) is not None  # in-process fakes send no finish_reason

    def open_stream() -> Iterator[str]:
        finished = False
        for chunk in model.stream(list(messages)):
            finished = finished or bool(chunk.response_metadata.get("finish_reason"))
            if piece := chunk.text:
                yield piece
        if over_http and not finished:
            raise StreamInterrupted("the stream ended before the model said it had finished")

    return stream_with_retries(
        open_stream,
        retries=policy.retries,
        base_delay=policy.base_delay,
        max_delay=policy.max_delay,
        sleep=sleep,
    )
