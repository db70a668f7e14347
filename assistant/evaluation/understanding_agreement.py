"""How far two people agree on the gold: a second annotator, given only the annotation
guide and the texts, annotated a sample of the dev split
(``evals/understanding/agreement/dev-second-annotator.jsonl``). Scored against the first
gold with the reader's own matching, it is the ceiling a reader can be expected to reach."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel

from assistant.evaluation.understanding_gold import CORPUS_DIR, Gold, load_corpus
from assistant.evaluation.understanding_score import Tally, gold_facts, match

SECOND_ANNOTATOR = CORPUS_DIR / "agreement" / "dev-second-annotator.jsonl"


class SecondAnnotation(BaseModel):
    id: str
    gold: Gold


def _second() -> dict[str, Gold]:
    lines = SECOND_ANNOTATOR.read_text(encoding="utf-8").splitlines()
    rows = [SecondAnnotation.model_validate_json(line) for line in lines if line.strip()]
    return {row.id: row.gold for row in rows}


def agreement_figures() -> dict[str, Any]:
    """Fact F1 and intent agreement of the second annotator with the gold, overall and by
    language, on the items both annotated."""
    second = _second()
    items = [i for i in load_corpus("dev") if i.id in second]
    facts: dict[str, Tally] = defaultdict(Tally)
    intents: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in items:
        golds, others = gold_facts(item.gold), gold_facts(second[item.id])
        for name in {f.field for f in golds + others}:
            tally, _, _ = match(
                [g for g in golds if g.field == name],
                [o for o in others if o.field == name],
                item.text,
            )
            for key in ("all", item.lang):
                facts[key].add(tally)
        for key in ("all", item.lang):
            intents[key][0] += item.gold.intent == second[item.id].intent
            intents[key][1] += 1
    return {
        key: {
            "items": intents[key][1],
            "fact_f1": facts[key].scores()["f1"],
            "intent_agreement": round(intents[key][0] / intents[key][1], 4),
        }
        for key in sorted(intents, key=lambda k: (k != "all", k))
    }
