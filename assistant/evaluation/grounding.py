"""Grounding of a plan: is every quote really in its passage (hard gate), and does the
passage support the claim (chrF from sacrebleu, and embedding similarity, offline)?"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from assistant.coaching.plan import StrategyPlan
from assistant.evaluation.results import CitationView
from assistant.knowledge.models import SearchResult
from assistant.knowledge.service import KnowledgeBase


def _flat(text: str) -> str:
    return " ".join(text.split())


def quote_is_verbatim(quote: str, passage: str) -> bool:
    return bool(quote.strip()) and _flat(quote) in _flat(passage)


def chrf(claim: str, passage: str) -> float:
    """Character n-gram F-score (sacrebleu's chrF), 0-1: how much of the claim's wording
    the passage shares. Low across languages by nature; compare like with like."""
    import sacrebleu

    return round(sacrebleu.sentence_chrf(claim, [passage]).score / 100, 4)


def similarity(kb: KnowledgeBase, claim: str, quote: str) -> float:
    vectors = np.asarray(kb.store.embeddings.embed_documents([claim, quote]))
    return round(float(vectors[0] @ vectors[1]), 4)


def plan_citations(
    plan: StrategyPlan,
    passages: Mapping[str, str],
    kb: KnowledgeBase,
    sources: Mapping[str, SearchResult] | None = None,
) -> list[CitationView]:
    """Every citation of the plan's goals and initiatives, checked against its passage."""
    views = []
    for holder, claim in [
        *[(goal, goal.statement) for goal in plan.goals],
        *[(item, f"{item.title}. {item.description}".strip()) for item in plan.roadmap],
    ]:
        for citation in holder.citations:
            passage = passages.get(citation.chunk_id, "")
            source = (sources or {}).get(citation.chunk_id)
            views.append(
                CitationView(
                    claim=claim,
                    quote=citation.quote,
                    title=source.title if source else citation.source,
                    language=source.language if source else "",
                    passage=passage,
                    valid=quote_is_verbatim(citation.quote, passage),
                    chrf=chrf(claim, passage) if passage else None,
                    similarity=similarity(kb, claim, citation.quote) if citation.quote else None,
                )
            )
    return views


def side_citations(
    question: str,
    side_quotes: Mapping[str, list[str]],
    passages: Mapping[str, str],
    kb: KnowledgeBase,
    sources: Mapping[str, SearchResult],
) -> list[CitationView]:
    """The passages quoted in answers to questions on the side."""
    views = []
    for chunk_id, quotes in side_quotes.items():
        passage = passages.get(chunk_id, "")
        source = sources.get(chunk_id)
        for quote in quotes:
            views.append(
                CitationView(
                    claim=question,
                    quote=quote,
                    title=source.title if source else chunk_id,
                    language=source.language if source else "",
                    passage=passage,
                    valid=quote_is_verbatim(quote, passage),
                    chrf=chrf(question, passage) if passage else None,
                    similarity=similarity(kb, question, quote),
                )
            )
    return views


def validity(views: list[CitationView]) -> float | None:
    return round(sum(v.valid for v in views) / len(views), 4) if views else None


def mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 4) if known else None
