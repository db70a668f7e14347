"""Hybrid search: BM25 keywords (with glossary expansion) + multilingual vectors, fused by
reciprocal rank fusion, then diversified so one article does not fill every slot.

A search has a scope (see ``scope.py``): both halves see only the shared rows plus the
searching session's own uploads. The vector query is filtered by Chroma (``where``) and its
hits checked again; the BM25 scores of rows out of scope are masked before ranking.
"""

from __future__ import annotations

import math
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from sqlalchemy import text as sql

from assistant.knowledge.glossary import Glossary
from assistant.knowledge.keyword_index import KeywordIndex
from assistant.knowledge.models import SearchResult
from assistant.knowledge.scope import chroma_where, visible_scopes
from assistant.knowledge.store import KnowledgeStore
from assistant.knowledge.views import VIEW_NOTE, VIEW_TEXT

SearchMode = Literal["hybrid", "vector", "keyword"]
# rows per read when loading the corpus: Chroma keeps memory from a large read (a 5000-row
# page cost 180 MB that was not given back; 500-row pages cost 50 MB and read as fast)
_PAGE = 500


@dataclass
class _Corpus:
    """Everything search needs in memory, built from the vector store's rows."""

    texts: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Chroma row id -> chunk id (a chunk has a text row and maybe note rows)
    row_chunks: dict[str, str] = field(default_factory=dict)
    keywords: KeywordIndex | None = None
    fingerprint: tuple[int, str] = (0, "")
    # each chunk's scope as a small integer, aligned with ``keywords.chunk_ids``
    scope_codes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    scope_ids: dict[str, int] = field(default_factory=dict)

    def keyword_mask(self, allowed: tuple[str, ...]) -> np.ndarray | None:
        """Which chunks a search may see (``None``: all of them)."""
        if set(self.scope_ids) <= set(allowed):
            return None
        codes = [self.scope_ids[s] for s in allowed if s in self.scope_ids]
        return np.isin(self.scope_codes, codes)


MAX_QUERY_CHARS = 2000


class _Stopwatch:
    """Adds the time since the last lap to ``timings[name]`` (no-op without a dict)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        if self.timings is None:
            return
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - self.last
        self.last = now


class HybridRetriever:
    """Finds the passages that answer a question, whatever language either is in."""

    def __init__(
        self,
        store: KnowledgeStore,
        glossary: Glossary | None = None,
        mode: SearchMode = "hybrid",
    ) -> None:
        self.store = store
        self.glossary = glossary or Glossary()
        self.mode = mode
        self._corpus = _Corpus()
        self._lock = threading.Lock()
        self._checked_at = -math.inf

    # ----- corpus -----
    def invalidate(self) -> None:
        """The store was written to in this process: read the corpus again before the next
        search (other processes' writes are noticed within ``corpus_recheck_seconds``)."""
        self._checked_at = -math.inf

    def _fingerprint(self) -> tuple[int, str]:
        query = sql(
            "SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM upsertion_record "
            "WHERE namespace = :ns"
        )
        with self.store.records.engine.connect() as connection:
            count, latest = connection.execute(query, {"ns": self.store.records.namespace}).one()
        return int(count), str(latest)

    def corpus(self) -> _Corpus:
        """The in-memory corpus, rebuilt when the store changed. Asking the record manager
        costs a SQL count per search (3 ms at 10k rows, growing with the index), so it is
        asked at most once per ``corpus_recheck_seconds`` unless this process wrote."""
        with self._lock:
            now = time.monotonic()
            if now - self._checked_at < self.store.settings.corpus_recheck_seconds:
                return self._corpus
            fingerprint = self._fingerprint()
            if self._corpus.keywords is None or self._corpus.fingerprint != fingerprint:
                self._corpus = self._build_corpus(fingerprint)
            self._checked_at = now
            return self._corpus

    def _build_corpus(self, fingerprint: tuple[int, str]) -> _Corpus:
        corpus = _Corpus(fingerprint=fingerprint)
        notes: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for row_id, content, meta in self._all_rows():
            chunk_id = str(meta.get("chunk_id", ""))
            corpus.row_chunks[row_id] = chunk_id
            if meta.get("view") == VIEW_NOTE:
                notes[chunk_id].append((content, str(meta.get("view_language", ""))))
            elif meta.get("view", VIEW_TEXT) == VIEW_TEXT:
                corpus.texts[chunk_id] = content
                corpus.metadata[chunk_id] = _compact(meta)
        ids = sorted(corpus.texts)
        codes = []
        for chunk_id in ids:
            # rows from before scopes existed have none: no search sees them
            scope = str(corpus.metadata[chunk_id].get("scope", ""))
            codes.append(corpus.scope_ids.setdefault(scope, len(corpus.scope_ids)))

        def tokens():  # one chunk at a time (see KeywordIndex)
            for chunk_id in ids:
                meta = corpus.metadata[chunk_id]
                language = str(meta.get("language", "und"))
                parts = [(corpus.texts[chunk_id], language), (str(meta.get("title", "")), language)]
                yield KeywordIndex.tokens_for(parts + notes.get(chunk_id, []))

        corpus.keywords = KeywordIndex(ids, tokens())
        corpus.scope_codes = np.asarray(codes, dtype=np.int32)
        return corpus

    def _all_rows(self):
        collection = self.store.vectorstore._collection
        offset = 0
        while True:
            page = collection.get(include=["documents", "metadatas"], limit=_PAGE, offset=offset)
            documents = page.get("documents") or []
            rows = zip(page["ids"], documents, page.get("metadatas") or [], strict=False)
            for row_id, content, meta in rows:
                yield row_id, content or "", dict(meta or {})
            if len(documents) < _PAGE:
                return
            offset += _PAGE

    # ----- search -----
    def search(
        self,
        query: str,
        k: int | None = None,
        timings: dict[str, float] | None = None,
        scope: str | None = None,
    ) -> list[SearchResult]:
        """The ``k`` best passages. ``timings``, if given, receives the seconds spent per
        step: ``corpus`` (freshness check), ``embed``, ``vector``, ``bm25``, ``fusion``.
        ``scope``: ``None`` searches the shared knowledge only; a session's scope adds that
        session's uploads (never another session's)."""
        clock = _Stopwatch(timings)
        allowed = visible_scopes(scope)
        settings = self.store.settings
        k = k or settings.search_k
        query = " ".join(query[:MAX_QUERY_CHARS].split())  # a 1 MB paste: read its start
        if not query:
            return []
        corpus = self.corpus()
        clock.lap("corpus")
        mask = corpus.keyword_mask(allowed)
        if not corpus.texts or (mask is not None and not mask.any()):
            return []
        pool = max(settings.candidate_pool, k * 4)
        rankings: list[tuple[list[str], float]] = []
        similarity: dict[str, float] = {}
        if self.mode in ("hybrid", "vector"):
            vector = self.store.embeddings.embed_query(query)
            clock.lap("embed")
            where = None if mask is None else chroma_where(scope)
            similarity = self._vector_similarities(corpus, vector, pool, where, allowed)
            ranking = sorted(similarity, key=lambda c: -similarity[c])[:pool]
            rankings.append((ranking, settings.vector_weight))
            clock.lap("vector")
        if self.mode in ("hybrid", "keyword"):
            ranking = self._keyword_ranking(corpus, query, pool, mask)
            rankings.append((ranking, settings.keyword_weight))
            clock.lap("bm25")
        fused = _reciprocal_rank_fusion(rankings, settings.rrf_k)
        best_possible = sum(w for _, w in rankings) / (settings.rrf_k + 1)
        visible = [(c, s) for c, s in fused if _in_scope(corpus.metadata.get(c), allowed)]
        chosen = _diversify(visible, corpus.metadata, k, settings.same_source_decay)
        results = [_result(chunk_id, score / best_possible, corpus) for chunk_id, score in chosen]
        for result in results:
            result.similarity = similarity.get(result.chunk_id)
        clock.lap("fusion")
        return results

    def _vector_similarities(
        self,
        corpus: _Corpus,
        vector: list[float],
        pool: int,
        where: dict[str, Any] | None,
        allowed: tuple[str, ...],
    ) -> dict[str, float]:
        """Best cosine similarity per visible chunk over its stored views (text and notes).
        ``where`` is None when every row is visible (no filter: the fastest query).

        Chroma is asked for ids and distances only: the texts and metadata are already in
        memory, and reading them back from Chroma's SQLite took two thirds of the query."""
        found = self.store.vectorstore._collection.query(
            query_embeddings=[vector], n_results=pool * 2, where=where, include=["distances"]
        )
        best: dict[str, float] = {}
        for row_id, distance in zip(found["ids"][0], found["distances"][0], strict=True):
            chunk_id = corpus.row_chunks.get(row_id)
            if not chunk_id or not _in_scope(corpus.metadata.get(chunk_id), allowed):
                continue  # a row written since the corpus was read, or out of scope
            similarity = 1.0 - float(distance)  # cosine space: distance = 1 - cosine
            if similarity > best.get(chunk_id, -1.0):
                best[chunk_id] = similarity
        return best

    def _keyword_ranking(
        self, corpus: _Corpus, query: str, pool: int, mask: np.ndarray | None
    ) -> list[str]:
        assert corpus.keywords is not None
        expansion = self.glossary.expand(query)
        weight = self.store.settings.expansion_weight
        top = corpus.keywords.top(query, pool, expansion, weight, allowed=mask)
        return [chunk_id for chunk_id, _ in top]


# what search results and scoping read; the rest of a row's metadata stays in Chroma
_KEPT = ("source", "title", "language", "heading", "doc_id", "scope", "start", "end")


def _compact(meta: dict[str, Any]) -> dict[str, Any]:
    """The fields search needs, their strings interned: a file's chunks share one copy of
    its title, source and scope (at 100k chunks the full rows took 300 MB)."""
    return {
        key: sys.intern(value) if isinstance(value, str) else value
        for key in _KEPT
        if (value := meta.get(key)) is not None
    }


def _in_scope(meta: dict[str, Any] | None, allowed: tuple[str, ...]) -> bool:
    return meta is not None and str(meta.get("scope", "")) in allowed


def _reciprocal_rank_fusion(
    rankings: list[tuple[list[str], float]], rrf_k: int
) -> list[tuple[str, float]]:
    scores: dict[str, float] = defaultdict(float)
    for ranking, weight in rankings:
        for rank, chunk_id in enumerate(ranking, start=1):
            scores[chunk_id] += weight / (rrf_k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


def _diversify(
    fused: list[tuple[str, float]], metadata: dict[str, dict[str, Any]], k: int, decay: float
) -> list[tuple[str, float]]:
    """Greedy re-ranking: each further pick from an already-chosen article scores less."""
    remaining = [(c, s) for c, s in fused if c in metadata]
    chosen: list[tuple[str, float]] = []
    per_doc: dict[str, int] = defaultdict(int)
    while remaining and len(chosen) < k:

        def adjusted(item: tuple[str, float]) -> float:
            doc = str(metadata[item[0]].get("doc_id", ""))
            return item[1] * decay ** per_doc[doc]

        best = max(remaining, key=adjusted)
        remaining.remove(best)
        chosen.append(best)
        per_doc[str(metadata[best[0]].get("doc_id", ""))] += 1
    return chosen


def _result(chunk_id: str, score: float, corpus: _Corpus) -> SearchResult:
    meta = corpus.metadata[chunk_id]
    return SearchResult(
        source=str(meta.get("source", "")),
        title=str(meta.get("title", "")),
        language=str(meta.get("language", "")),
        heading=str(meta.get("heading", "")),
        chunk_id=chunk_id,
        score=round(min(max(score, 0.0), 1.0), 4),
        text=corpus.texts[chunk_id],
        doc_id=str(meta.get("doc_id", "")),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
    )
