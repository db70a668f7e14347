"""Who we talk to: the resolved LLM endpoint, model, key and retry budget.

``llm_config(settings)`` turns the ``COACH_LLM_*`` settings into an ``LlmConfig`` or ``None``
(the LLM engine is on only when ``COACH_LLM_MODEL`` is set). The key resolves as
``COACH_LLM_API_KEY`` -> ``OPENAI_API_KEY`` (only ever sent to OpenAI's own host) -> for a
local server a placeholder (Ollama, LM Studio, llama.cpp, and vLLM without ``--api-key``,
accept any key) -> an ``LlmConfigError`` naming the variables and the keyless alternative.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

if TYPE_CHECKING:
    from assistant.config import Settings

OPENAI_BASE_URL = "https://api.openai.com/v1"
OPENAI_HOST = "api.openai.com"
LOCAL_PLACEHOLDER_KEY = "not-needed"  # local servers ignore the key, but the SDK wants one
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")


class LlmConfigError(ValueError):
    """The LLM settings are incomplete or contradictory; the message says how to fix them."""


class RetryPolicy(BaseModel):
    """How many times to retry a failed model call, and how long to wait in between."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    retries: int = Field(default=2, ge=0, le=10)
    base_delay: float = Field(default=0.5, ge=0.0)
    max_delay: float = Field(default=20.0, ge=0.0)


class LlmConfig(BaseModel):
    """A complete, validated description of the chat model endpoint. The key stays secret."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(min_length=1)
    base_url: str
    api_key: SecretStr
    timeout_s: float = Field(default=30.0, gt=0)
    max_retries: int = Field(default=2, ge=0, le=10)
    temperature: float = Field(default=0.2, ge=0.0, le=2.0)
    retry_base_delay_s: float = Field(default=0.5, ge=0.0)
    retry_max_delay_s: float = Field(default=20.0, ge=0.0)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value.strip().rstrip("/")

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(
            retries=self.max_retries,
            base_delay=self.retry_base_delay_s,
            max_delay=self.retry_max_delay_s,
        )


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_loopback_url(url: str) -> bool:
    """True for URLs on this machine (localhost, 127.0.0.0/8, ::1)."""
    host = _host(url)
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_local_url(url: str) -> bool:
    """True for this machine or the local network: where keyless model servers usually run."""
    host = _host(url)
    if is_loopback_url(url) or "." not in host or host.endswith(_LOCAL_SUFFIXES):
        return True  # "ollama" (a compose service), "gpu-box.local", "host.docker.internal"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_link_local


def _secret(value: Any) -> SecretStr | None:
    """A non-blank key as ``SecretStr`` (accepts ``SecretStr`` or ``str``), else ``None``."""
    raw = value.get_secret_value() if isinstance(value, SecretStr) else value
    if isinstance(raw, str) and raw.strip():
        return SecretStr(raw.strip())
    return None


def _resolve_key(base_url: str, configured: Any, environ: Mapping[str, str]) -> SecretStr:
    key = _secret(configured)
    if key is not None:
        return key
    if _host(base_url) == OPENAI_HOST and (env_key := _secret(environ.get("OPENAI_API_KEY"))):
        return env_key
    if is_local_url(base_url):
        return SecretStr(LOCAL_PLACEHOLDER_KEY)
    if _host(base_url) == OPENAI_HOST:
        where = "Set COACH_LLM_API_KEY or OPENAI_API_KEY"
    else:
        where = "Set COACH_LLM_API_KEY (OPENAI_API_KEY is only ever sent to api.openai.com)"
    raise LlmConfigError(
        f"COACH_LLM_MODEL is set but there is no API key for {base_url}. {where}, "
        "or point COACH_LLM_BASE_URL at a local OpenAI-compatible server that needs no key "
        "(e.g. Ollama at http://localhost:11434/v1; any key string works there), "
        "or unset COACH_LLM_MODEL to stay offline."
    )


def llm_config(settings: Settings, environ: Mapping[str, str] | None = None) -> LlmConfig | None:
    """The LLM endpoint described by ``settings``, or ``None`` when no model is configured.

    ``environ`` (default ``os.environ``) is where ``OPENAI_API_KEY`` is looked up. Raises
    ``LlmConfigError`` (never echoing the key) when the settings are unusable.
    """
    model = (settings.llm_model or "").strip()
    if not model:
        return None
    base_url = (settings.llm_base_url or "").strip() or OPENAI_BASE_URL
    api_key = _resolve_key(
        base_url, settings.llm_api_key, os.environ if environ is None else environ
    )
    try:
        return LlmConfig(
            model=model,
            base_url=base_url,
            api_key=api_key,
            timeout_s=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
            temperature=settings.llm_temperature,
        )
    except ValueError as error:  # pydantic's ValidationError; it never shows SecretStr values
        raise LlmConfigError(f"invalid LLM settings: {error}") from None
