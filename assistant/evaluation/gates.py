"""Aggregates, floors, the baseline diff and the run's exit code.

Floors (``evals/floors.json``) start from the first measured baseline and only move up:
``--update-floors`` raises a floor to the current value, never lowers it. For a
lower-is-better metric (e.g. ``invented_baselines``) the floor is a ceiling.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path

from assistant.config import PROJECT_ROOT
from assistant.evaluation.results import (
    LOWER_IS_BETTER,
    CaseResult,
    Gate,
    RunResult,
    SuiteResult,
)

FLOORS = PROJECT_ROOT / "evals" / "floors.json"
NO_FLOOR_PREFIXES = ("judge_",)  # judge scores exist only when a judge is configured


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 4) if known else None


def aggregate(cases: list[CaseResult]) -> dict[str, float | None]:
    names = sorted({name for case in cases for name in case.metrics})
    return {name: _mean(case.metrics.get(name) for case in cases) for name in names}


def summarize(suite: str, cases: list[CaseResult]) -> SuiteResult:
    languages = sorted({case.language for case in cases})
    return SuiteResult(
        suite=suite,  # type: ignore[arg-type]
        metrics=aggregate(cases),
        by_language={
            lang: aggregate([c for c in cases if c.language == lang]) for lang in languages
        },
        cases=cases,
    )


def flat_metrics(suite: SuiteResult) -> dict[str, float | None]:
    """``metric`` for overall values and ``metric@xx`` per language (metric names have no
    "@" of their own: ``hit_at_3``, not ``hit@3``)."""
    flat = dict(suite.metrics)
    for lang, metrics in suite.by_language.items():
        flat.update({f"{name}@{lang}": value for name, value in metrics.items()})
    return flat


def _base_name(key: str) -> str:
    return key.partition("@")[0]


def meets(key: str, value: float | None, floor: float) -> bool:
    if value is None:
        return False
    if _base_name(key) in LOWER_IS_BETTER:
        return value <= floor + 1e-9
    return value >= floor - 1e-9


def load_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def raised_floors(
    floors: dict[str, dict[str, float]], run: RunResult
) -> dict[str, dict[str, float]]:
    """Floors moved up to today's values (never down); new metrics get today's value."""
    updated = {suite: dict(values) for suite, values in floors.items()}
    for name, suite in run.suites.items():
        table = updated.setdefault(name, {})
        for key, value in flat_metrics(suite).items():
            if value is None or key.startswith(NO_FLOOR_PREFIXES):
                continue
            lower = _base_name(key) in LOWER_IS_BETTER
            value = math.ceil(value * 1000) / 1000 if lower else math.floor(value * 1000) / 1000
            old = table.get(key)
            if old is None:
                table[key] = value
            else:
                table[key] = min(old, value) if lower else max(old, value)
    return updated


def save_floors(floors: dict[str, dict[str, float]], path: Path = FLOORS) -> None:
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def baseline_values(baseline: RunResult) -> dict[str, dict[str, float | None]]:
    return {name: flat_metrics(suite) for name, suite in baseline.suites.items()}


def decide(run: RunResult, baseline: RunResult | None) -> None:
    """Fill in the run's gates and exit code: 1 harness error, 2 a gate failed, 0 pass."""
    gates: list[Gate] = []
    for name, suite in run.suites.items():
        broken = [
            f"{case.key}: {check.name}"
            for case in suite.cases
            for check in case.checks
            if check.hard and not check.passed
        ]
        gates.append(
            Gate(
                name=f"{name}: hard gates",
                passed=not broken,
                detail="; ".join(broken[:10]) or "all hold",
            )
        )
        current = flat_metrics(suite)
        below = [
            f"{key} {current.get(key)} vs floor {floor}"
            for key, floor in run.floors.get(name, {}).items()
            if not meets(key, current.get(key), floor)
        ]
        if run.floors.get(name):
            gates.append(
                Gate(
                    name=f"{name}: floors",
                    passed=not below,
                    detail="; ".join(below[:10]) or "all metrics at or above their floors",
                )
            )
    if baseline is not None:
        before = {case.key: case.passed for case in baseline.cases()}
        regressed = [c.key for c in run.cases() if before.get(c.key) and not c.passed]
        gates.append(
            Gate(
                name="no case regressed since the baseline",
                passed=not regressed,
                detail="; ".join(regressed[:10]) or f"{len(before)} baseline cases compared",
            )
        )
    run.gates = gates
    errors = [case.key for case in run.cases() if case.error]
    if errors:
        run.gates.append(Gate(name="harness errors", passed=False, detail="; ".join(errors[:10])))
        run.exit_code = 1
    else:
        run.exit_code = 0 if all(gate.passed for gate in gates) else 2
