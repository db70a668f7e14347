"""BM25 keyword search over chunks (``bm25s``), stemmed per language.

A chunk's keyword document is its own text stemmed in its language plus the curated notes
(section summaries and search terms in other languages) stemmed in theirs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from assistant.knowledge.languages import analyze, analyze_query


class KeywordIndex:
    """BM25 over a fixed list of chunk ids, built in memory."""

    def __init__(self, chunk_ids: Sequence[str], token_lists: Iterable[list[str]]) -> None:
        """``token_lists`` (aligned with ``chunk_ids``) may be a generator: each chunk's
        tokens become vocabulary ids as they come, so a 100k-chunk corpus is held as small
        shared ints, never as ten million token strings at once."""
        import bm25s

        self.chunk_ids = list(chunk_ids)
        self._bm25 = bm25s.BM25()
        if self.chunk_ids:
            vocabulary: dict[str, int] = {}
            ids = [
                [vocabulary.setdefault(token, len(vocabulary)) for token in tokens or ["\u2400"]]
                for tokens in token_lists
            ]
            self._bm25.index((ids, vocabulary), show_progress=False)

    @staticmethod
    def tokens_for(parts: Sequence[tuple[str, str]]) -> list[str]:
        """Tokens of a chunk from ``(text, language)`` parts."""
        tokens: list[str] = []
        for text, language in parts:
            tokens.extend(analyze(text, language))
        return tokens

    def scores(self, query: str, expansion: Sequence[str] = (), expansion_weight: float = 0.5):
        """BM25 score of every chunk (aligned with ``chunk_ids``)."""
        if not self.chunk_ids:
            return np.zeros(0, dtype=np.float32)
        words = analyze_query(query)
        # a query with no word in it (emoji only, symbols) matches nothing by keyword
        scores = (
            self._bm25.get_scores(words)
            if words
            else np.zeros(len(self.chunk_ids), dtype=np.float32)
        )
        extra = [t for t in expansion if t]
        if extra and expansion_weight > 0:
            scores = scores + expansion_weight * self._bm25.get_scores(extra)
        return scores

    def top(
        self,
        query: str,
        k: int,
        expansion: Sequence[str] = (),
        expansion_weight: float = 0.5,
        allowed: np.ndarray | None = None,
    ):
        """``(chunk_id, score)`` of the ``k`` best chunks with a positive score; with
        ``allowed`` (a boolean mask aligned with ``chunk_ids``), among those chunks only."""
        scores = self.scores(query, expansion, expansion_weight)
        if scores.size == 0:
            return []
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, scores.size)
        best = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(best, key=lambda i: -scores[i])
        return [(self.chunk_ids[i], float(scores[i])) for i in ranked if scores[i] > 0]
