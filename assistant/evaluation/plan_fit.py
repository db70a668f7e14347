"""Plans that fit the business: business profiles written blind (the owner's words, their
objectives, and what a good consultant would and would never propose), drafted as one-shot
plans from the owner's words and checked for misfits and for objectives left unserved.

The consultant's 1-5 ratings of the drafted plans live beside the profiles
(``evals/plan_fit/ratings-*.json``); this module computes what needs no judgement.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache
from typing import Any

from pydantic import BaseModel

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.plan import StrategyPlan
from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT
from assistant.evaluation import blind_corpus
from assistant.yamlfiles import parse_yaml

CORPUS_DIR = PROJECT_ROOT / "evals" / "plan_fit"


class Advice(BaseModel):
    initiative: str
    why: str = ""
    serves: str = ""


class Profile(BaseModel):
    id: str
    lang: str
    business: str
    sells_online: bool
    b2b: bool = False
    owner_words: str
    objectives: list[str]
    should_propose: list[Advice]
    must_not_propose: list[Advice]


def load(split: str) -> list[Profile]:
    lines = (CORPUS_DIR / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [Profile.model_validate_json(line) for line in lines if line.strip()]


def frozen_changed() -> str | None:
    return blind_corpus.frozen_changed(CORPUS_DIR)


@cache
def _denotes() -> list[tuple[re.Pattern[str], list[str]]]:
    data = parse_yaml((CORPUS_DIR / "denotes.yaml").read_text(encoding="utf-8"))["denotes"]
    return [(re.compile(d["pattern"], re.IGNORECASE), list(d["ids"])) for d in data]


def denoted(phrase: str) -> set[str]:
    return {i for pattern, ids in _denotes() if pattern.search(phrase) for i in ids}


def misfits(profile: Profile, plan: StrategyPlan) -> list[str]:
    """Initiatives in the roadmap that the consultant said never to propose."""
    titles = load_kpi_catalogue().title_ids(plan.language)
    proposed = {titles.get(i.title) for i in plan.roadmap}
    return sorted(
        f"{item.initiative} ({spec_id})"
        for item in profile.must_not_propose
        for spec_id in denoted(item.initiative) & proposed
    )


def served_share(profile: Profile, plan: StrategyPlan) -> float:
    """Stated objectives with an initiative that serves them, out of those in the profile."""
    served = {g for i in plan.roadmap for g in i.goal_ids}
    return min(1.0, len(served) / max(len(profile.objectives), 1))


def specifically_served_share(profile: Profile, plan: StrategyPlan) -> float:
    """Stated objectives served by a catalogue initiative, not only by the owner's own
    workstream (the generic steps named after an aim no catalogue initiative serves)."""
    titles = set(load_kpi_catalogue().title_ids(plan.language))  # also as written for a trade
    served = {g for i in plan.roadmap if i.title in titles for g in i.goal_ids}
    return min(1.0, len(served) / max(len(profile.objectives), 1))


def score(profile: Profile, plan: StrategyPlan) -> dict[str, Any]:
    wrong = misfits(profile, plan)
    return {
        "id": profile.id,
        "misfits": wrong,
        "misfit_free": not wrong,
        "objectives_served": served_share(profile, plan),
        "served_specifically": specifically_served_share(profile, plan),
        "goals_found": min(1.0, len(plan.goals) / max(len(profile.objectives), 1)),
        "roadmap": [i.title for i in plan.roadmap],
    }


def run_plan_fit(service: CoachService, split: str) -> dict[str, Any]:
    rows = [score(p, service.plan_from_brief(p.owner_words, p.lang)) for p in load(split)]
    by_language: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_language[row["id"].split("-")[0]].append(row)
    return {
        "split": split,
        "all": _figures(rows),
        "by_language": {lang: _figures(r) for lang, r in sorted(by_language.items())},
        "plans": rows,
    }


def _figures(rows: list[dict[str, Any]]) -> dict[str, float]:
    count = max(len(rows), 1)
    return {
        "misfit_free": round(sum(r["misfit_free"] for r in rows) / count, 4),
        "objectives_served": round(sum(r["objectives_served"] for r in rows) / count, 4),
        "served_specifically": round(sum(r["served_specifically"] for r in rows) / count, 4),
        "goals_found": round(sum(r["goals_found"] for r in rows) / count, 4),
    }


FLOORS = CORPUS_DIR / "floors.json"


def gate(figures: dict[str, Any]) -> list[str]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get(figures["split"], {})
    return [
        f"{key} = {figures['all'][key]} (floor {floor})"
        for key, floor in floors.items()
        if figures["all"].get(key, 1.0) < floor
    ]


def evaluate(settings: Any, split: str) -> dict[str, Any]:
    """The figures of ``split`` with the offline coach on a fresh data folder."""
    with blind_corpus.offline_coach(settings, "plan-fit") as service:
        return run_plan_fit(service, split)
