"""Retrieval eval as a suite: hit@k, precision/recall@k, MRR and nDCG@k per question, on the
ranking of articles (each article at the place of its first passage), with the same numbers
computed by ``ir-measures`` (trec_eval) beside ours as an independent second opinion."""

from __future__ import annotations

import math
from collections.abc import Sequence

from assistant.evaluation.datasets import RetrievalCase
from assistant.evaluation.results import CaseResult, Check
from assistant.knowledge.models import SearchResult
from assistant.knowledge.service import KnowledgeBase

DEPTH = 10
CUTOFFS = (1, 3, 5)
GAINS = {0: 0, 1: 1, 2: 3}  # 2^grade - 1: the gain our nDCG uses


def article_ranking(results: Sequence[SearchResult]) -> list[str]:
    ranked: list[str] = []
    for result in results:
        if result.doc_id not in ranked:
            ranked.append(result.doc_id)
    return ranked


def case_metrics(ranked: list[str], relevant: dict[str, int]) -> dict[str, float | None]:
    best = {doc for doc, grade in relevant.items() if grade >= 2}
    first = next((n for n, doc in enumerate(ranked, start=1) if doc in best), None)
    metrics: dict[str, float | None] = {"mrr": round(1 / first, 4) if first else 0.0}
    for k in CUTOFFS:
        top = ranked[:k]
        metrics[f"hit_at_{k}"] = float(first is not None and first <= k)
        metrics[f"precision_at_{k}"] = round(sum(doc in relevant for doc in top) / k, 4)
        metrics[f"recall_at_{k}"] = round(sum(doc in relevant for doc in top) / len(relevant), 4)
        dcg = sum(GAINS[relevant.get(doc, 0)] / math.log2(i + 2) for i, doc in enumerate(top))
        ideal = sorted((GAINS[g] for g in relevant.values()), reverse=True)[:k]
        idcg = sum(gain / math.log2(i + 2) for i, gain in enumerate(ideal))
        metrics[f"ndcg_at_{k}"] = round(dcg / idcg, 4) if idcg else 0.0
    return metrics


def run_case(kb: KnowledgeBase, case: RetrievalCase, doc_language: dict[str, str]) -> CaseResult:
    ranked = article_ranking(kb.search(case.query, DEPTH))
    metrics = case_metrics(ranked, case.relevant)
    cross = case.language not in {doc_language.get(doc, "") for doc in case.primary}
    return CaseResult(
        suite="retrieval",
        id=case.id,
        language=case.language,
        variant="cross-lingual" if cross else "same-language",
        passed=bool(metrics["hit_at_3"]),
        metrics=metrics,
        checks=[
            Check(
                name="best_article_in_top_3",
                passed=bool(metrics["hit_at_3"]),
                detail=f"ranked {ranked[:5]}; best {sorted(case.primary)}",
            )
        ],
        details={"query": case.query, "ranked": ranked, "relevant": case.relevant},
    )


def second_opinion(
    cases: Sequence[CaseResult], relevance: dict[str, dict[str, int]]
) -> dict[str, float | None]:
    """The same rankings scored by ir-measures (pytrec_eval), named like our metrics."""
    import ir_measures
    from ir_measures import RR, P, R, Success, nDCG

    if not cases:
        return {}
    qrels = {case.id: relevance[case.id] for case in cases}
    run = {
        case.id: {doc: float(DEPTH - n) for n, doc in enumerate(case.details["ranked"])}
        for case in cases
    }
    measures = {"mrr": RR(rel=2)}
    for k in CUTOFFS:
        measures[f"hit_at_{k}"] = Success(rel=2) @ k
        measures[f"precision_at_{k}"] = P @ k
        measures[f"recall_at_{k}"] = R @ k
        measures[f"ndcg_at_{k}"] = nDCG(gains=GAINS) @ k
    scored = ir_measures.calc_aggregate(list(measures.values()), qrels, run)
    return {name: round(float(scored[measure]), 4) for name, measure in measures.items()}
