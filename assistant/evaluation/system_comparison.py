"""Run the retrieval eval and print the side-by-side table (or JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from assistant.config import Settings
from assistant.evaluation.datasets import load_retrieval_cases
from assistant.evaluation.retrieval import SYSTEMS, SystemReport, build_searchers, run_system

HIT3_TARGET_OVERALL = 0.90
HIT3_TARGET_CROSS = 0.85


def run_retrieval_eval(
    settings: Settings, systems: Sequence[str], split: str, as_json: bool
) -> int:
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ValueError(
            f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}"
        )
    cases = [c for c in load_retrieval_cases() if split == "all" or c.split == split]
    searchers, doc_language = build_searchers(settings, systems)
    reports = [run_system(name, searchers[name], cases, doc_language) for name in systems]
    if as_json:
        print(json.dumps([r.model_dump() for r in reports], ensure_ascii=False, indent=2))
    else:
        console = Console()
        console.width = max(console.width, 150)
        console.print(retrieval_table(reports, split))
    return 0


def retrieval_table(reports: Sequence[SystemReport], split: str) -> Table:
    table = Table(title=f"Retrieval eval (split: {split})", title_justify="left")
    table.add_column("system")
    for group in ("overall", "same-lang", "cross-lingual"):
        table.add_column(f"{group}\nhit@1", justify="right")
        table.add_column("hit@3", justify="right")
        table.add_column("MRR", justify="right")
    table.add_column("n", justify="right")
    for report in reports:
        row = [report.system]
        for metrics in (report.overall, report.same_language, report.cross_lingual):
            row += [f"{metrics.hit1:.3f}", f"{metrics.hit3:.3f}", f"{metrics.mrr:.3f}"]
        row.append(f"{report.overall.n} ({report.same_language.n}/{report.cross_lingual.n})")
        table.add_row(*row)
    table.caption = (
        f"Targets: hit@3 ≥ {HIT3_TARGET_OVERALL} overall, ≥ {HIT3_TARGET_CROSS} cross-lingual; "
        "relevance per article (grade-2 answers)."
    )
    return table
