"""SMART goals as guides and owners write them ("Increase website traffic by 20 % in the
next quarter"), written blind in four languages (``evals/understanding/smart_goals.jsonl``):
how many the reader turns into an objective with the right target (or relative change) and
the right deadline. Never tuned on; reported beside the test split."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from assistant.evaluation.understanding_gold import CORPUS_DIR
from assistant.evaluation.understanding_readers import CORPUS_TODAY
from assistant.understanding import read
from assistant.understanding.reading import ObjectiveFact

SMART_GOALS = CORPUS_DIR / "smart_goals.jsonl"
DEADLINE_TOLERANCE_DAYS = 31


class GoalGold(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kpi: str = ""
    baseline: float | None = None
    target: float | None = None
    change_percent: float | None = None
    deadline: dt.date | None = None


class GoalCase(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    lang: Literal["en", "nb", "sv", "ru"]
    text: str
    gold: GoalGold


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= max(0.011, 0.01 * abs(b))


def _amount_right(gold: GoalGold, objective: ObjectiveFact) -> bool:
    target = objective.target.value if objective.target else None
    if gold.target is not None and _close(target, gold.target):
        return True
    return gold.change_percent is not None and _close(objective.change_percent, gold.change_percent)


def _deadline_right(gold: GoalGold, objective: ObjectiveFact) -> bool:
    said = objective.deadline.date if objective.deadline else None
    if gold.deadline is None or said is None:
        return gold.deadline is None and said is None
    return abs((said - gold.deadline).days) <= DEADLINE_TOLERANCE_DAYS


def read_right(case: GoalCase) -> dict[str, bool]:
    """Whether the goal was read as an objective, with its target and with its deadline."""
    objectives = read(case.text, case.lang, CORPUS_TODAY).objectives
    found = {"objective": bool(objectives), "target": False, "deadline": False}
    for objective in objectives:
        found["target"] |= _amount_right(case.gold, objective)
        found["deadline"] |= _deadline_right(case.gold, objective)
    found["smart_goal"] = found["target"] and found["deadline"]
    return found


def load_cases() -> list[GoalCase]:
    lines = SMART_GOALS.read_text(encoding="utf-8").splitlines()
    return [GoalCase.model_validate_json(line) for line in lines if line.strip()]


def smart_goal_figures() -> dict[str, Any]:
    """Share of goals read right, overall and per language, and the ones missed."""
    by_language: dict[str, list[dict[str, bool]]] = defaultdict(list)
    missed = []
    for case in load_cases():
        result = read_right(case)
        by_language[case.lang].append(result)
        if not result["smart_goal"]:
            missed.append({"id": case.id, "text": case.text, **result})

    def rates(results: list[dict[str, bool]]) -> dict[str, float]:
        keys = ("objective", "target", "deadline", "smart_goal")
        return {k: round(sum(r[k] for r in results) / len(results), 4) for k in keys}

    every = [r for results in by_language.values() for r in results]
    return {
        "goals": len(every),
        "all": rates(every),
        "by_language": {lang: rates(results) for lang, results in sorted(by_language.items())},
        "missed": missed,
    }
