"""`strategy-coach eval listening|plan-fit|smart`: the suites built on text written blind or
collected from published sources, with a dev split to improve on and a frozen test split;
exit 2 when a floor breaks."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

SUITES = ("listening", "plan-fit", "smart")


def _module(suite: str) -> ModuleType:
    from assistant.evaluation import listening, plan_fit, smart_published

    return {"listening": listening, "plan-fit": plan_fit, "smart": smart_published}[suite]


def run(suite: str, settings: Any, split: str, as_json: bool, report: Path) -> int:
    module = _module(suite)
    if split not in ("dev", "test", "all"):
        print("--split must be dev, test or all")
        return 2
    if split in ("test", "all") and (changed := module.frozen_changed()):
        print(f"the frozen {suite} test split was modified ({changed})")
        return 2
    broken: list[str] = []
    for name in ("dev", "test") if split == "all" else (split,):
        figures = module.evaluate(settings, name)
        report.mkdir(parents=True, exist_ok=True)
        text = json.dumps(figures, ensure_ascii=False, indent=1)
        (report / f"{suite}-{name}.json").write_text(text, encoding="utf-8")
        print(text if as_json else table(suite, figures))
        broken += module.gate(figures)
    for line in broken:
        print(f"✗ below floor: {line}")
    return 2 if broken else 0


def table(suite: str, figures: dict[str, Any]) -> str:
    languages = sorted(figures["by_language"])
    rows = [
        f"{suite} · {figures['split']} split",
        "metric".ljust(24) + "".join(c.rjust(8) for c in ["all", *languages]),
    ]
    for metric, value in figures["all"].items():  # extra keys (judged, disagreements) stay out
        cells = [value] + [figures["by_language"][x].get(metric) for x in languages]
        rows.append(
            metric.ljust(24) + "".join(("—" if v is None else f"{v:.2f}").rjust(8) for v in cells)
        )
    return "\n".join(rows)
