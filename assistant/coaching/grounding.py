"""Citations: a verbatim sentence from a passage that was really retrieved.

``scope`` is the searching session's knowledge scope (``SessionState.scope``): the shared
guidance plus that session's own uploads. ``None`` means the shared guidance only.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence

import numpy as np

from assistant.coaching.messages import Messages
from assistant.coaching.plan import Citation
from assistant.knowledge.models import SearchResult
from assistant.knowledge.service import KnowledgeBase

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n+")
_MIN_QUOTE, _MAX_QUOTE = 40, 320
RELEVANT_SIMILARITY = 0.05  # a floor only: relevance is decided by KnowledgeBase.is_on_topic


class Grounded:
    """A passage and the sentence of it that best supports a claim."""

    def __init__(self, result: SearchResult, quote: str, similarity: float) -> None:
        self.result = result
        self.quote = quote
        self.similarity = similarity

    def citation(self) -> Citation:
        return Citation(source=self.result.source, chunk_id=self.result.chunk_id, quote=self.quote)


_BOLD_LABEL = re.compile(r"^(?:\*\*|__)[^*_]{1,80}?(?::\*\*|\*\*:|:__|__:)\s*")


def candidate_sentences(text: str) -> list[str]:
    """Whole sentences of a passage that make a readable quote (no headings, no fragments)."""
    sentences = []
    for piece in _SENTENCE_END.split(text):
        if piece.lstrip().startswith("#") or _fragment(piece, text):
            continue  # a heading, a short list label or a sentence cut at the passage's end
        sentence = _BOLD_LABEL.sub("", piece.strip())  # "**Assess Current State:** Begin by …"
        sentence = re.sub(r"^\s*(?:#+|[-*•](?!\*)|\d+\.)\s*", "", sentence).strip()
        sentence = _BOLD_LABEL.sub("", sentence)
        if "**" in sentence or "__" in sentence or sentence.startswith("*"):
            continue  # Markdown left inside would show as stray stars in a quote
        if sentence.endswith((":", "?")):
            continue  # a heading or a question leads in to guidance; it is not guidance
        if _MIN_QUOTE <= len(sentence) <= _MAX_QUOTE and sentence in text:
            sentences.append(sentence)
    return sentences


_ENDED = re.compile(r"[.!?…][\"”»)]?\s*$")
MIN_UNENDED_WORDS = 6  # a list item with no full stop quotes only when it says a whole thing


def _fragment(piece: str, text: str) -> bool:
    """A piece with no full stop that is no sentence: "Engagement rates (likes, shares,
    comments)", or the passage's last words cut mid-sentence ("… analytics tools, and")."""
    piece = re.sub(r"^\s*(?:[-*•]|\d+\.)\s*", "", piece.strip())  # a list item's own words
    if _ENDED.search(piece):
        return False
    return len(piece.split()) < MIN_UNENDED_WORDS or text.rstrip().endswith(piece)


class _SentenceCache:
    """Sentence vectors per passage, computed once per process (passages rarely change)."""

    def __init__(self, limit: int = 4096) -> None:
        self._vectors: dict[tuple[str, int], tuple[list[str], np.ndarray]] = {}
        self.limit = limit

    def get(self, kb: KnowledgeBase, chunk_id: str, text: str) -> tuple[list[str], np.ndarray]:
        key = (chunk_id, hash(text))
        if key not in self._vectors:
            sentences = candidate_sentences(text)
            vectors = (
                np.asarray(kb.store.embeddings.embed_documents(sentences))
                if sentences
                else np.zeros((0, 1))
            )
            if len(self._vectors) >= self.limit:
                self._vectors.clear()
            self._vectors[key] = (sentences, vectors)
        return self._vectors[key]


_CACHE = _SentenceCache()


def warm_up(kb: KnowledgeBase) -> int:
    """Embed every passage's sentences once, in one batch per passage, before the first turn;
    a knowledge base larger than the cache is left to fill it as passages get cited."""
    texts = kb.retriever.corpus().texts
    if len(texts) > _CACHE.limit:
        return 0
    for chunk_id, text in texts.items():
        _CACHE.get(kb, chunk_id, text)
    return len(texts)


_GROUNDED_LIMIT = 4096
_GroundedKey = tuple[tuple[int, str], str, int, str | None]
# per knowledge base (two in one process never share answers), forgotten with it
_grounded: weakref.WeakKeyDictionary[KnowledgeBase, dict[_GroundedKey, list[Grounded]]] = (
    weakref.WeakKeyDictionary()
)


def ground(kb: KnowledgeBase, claim: str, k: int = 3, scope: str | None = None) -> list[Grounded]:
    """The best-supporting sentence of each of the top ``k`` passages for ``claim``.

    Remembered per corpus: the coach's claims are mostly its own templated initiatives and
    goals, the same in every session, so most turns that draft a roadmap find them here.
    A changed index (another fingerprint) or a session's uploads (its own scope) miss."""
    remembered = _grounded.setdefault(kb, {})
    key = (kb.retriever.corpus().fingerprint, claim, k, scope)
    if (found := remembered.get(key)) is None:
        found = _ground(kb, claim, k, scope)
        if len(remembered) >= _GROUNDED_LIMIT:
            remembered.clear()
        remembered[key] = found
    return [Grounded(g.result.model_copy(), g.quote, g.similarity) for g in found]


def _ground(kb: KnowledgeBase, claim: str, k: int, scope: str | None) -> list[Grounded]:
    results = kb.search(claim, k, scope=scope)
    grounded = []
    query = np.asarray(kb.store.embeddings.embed_query(claim))
    for result in results:
        sentences, vectors = _CACHE.get(kb, result.chunk_id, result.text)
        if not sentences:
            continue
        scores = vectors @ query
        best = int(np.argmax(scores))
        grounded.append(Grounded(result, sentences[best], float(scores[best])))
    grounded.sort(key=lambda g: -g.similarity)
    return grounded


def best_citation(
    kb: KnowledgeBase,
    claim: str,
    language: str | None = None,
    slack: float = 0.08,
    scope: str | None = None,
) -> tuple[Citation, SearchResult] | None:
    """The best-supporting quote; one in the reader's language wins when nearly as good,
    and, when the nearest passages are all in other languages, the best of the reader's
    own among a wider search does (a Swedish plan quotes Swedish guidance)."""
    found = ground(kb, claim, 5, scope)
    if not found:
        return None
    if language:
        found = (
            readable(found, language)
            or readable(ground(kb, claim, OWN_LANGUAGE_REACH, scope), language)
            or found
        )
    best = found[0]
    if language:
        own = [g for g in found if g.result.language == language]
        if not own:
            wider = ground(kb, claim, OWN_LANGUAGE_REACH, scope)
            own = [g for g in wider if g.result.language == language]
            slack = float("inf")
        if own and own[0].similarity >= best.similarity - slack:
            best = own[0]
    return best.citation(), best.result


def readable(found: list[Grounded], language: str) -> list[Grounded]:
    """The passages a reader of ``language`` can read: theirs, and the languages its readers
    usually read too (a Norwegian reads Swedish, not Russian)."""
    reads = {language, *(Messages(language).raw("reads_also") or ())}
    return [g for g in found if g.result.language in reads]


OWN_LANGUAGE_REACH = 12  # passages searched for one in the reader's language
# A plan's quote in the reader's language wins over a closer one in another language when it
# is no further behind than this (the blind reviewers read every foreign quote as a defect).
PLAN_LANGUAGE_SLACK = 0.15


def verify(citation: Citation, passages: Sequence[SearchResult]) -> bool:
    """A citation is valid only if its quote is verbatim in a passage that was retrieved."""
    return any(
        p.chunk_id == citation.chunk_id and citation.quote and citation.quote in p.text
        for p in passages
    )
