"""Quick benchmark: search latency over the golden questions and offline coaching turn
latency over the persona scripts. Writes bench/results/latest.json and prints a table.

Run: make bench   (or .venv/bin/python bench/quick.py)
"""

from __future__ import annotations

import json
import platform
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings
from assistant.evaluation.datasets import load_retrieval_cases


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="coach-bench-")))
    started = time.perf_counter()
    service = CoachService(settings, today=lambda: date(2026, 11, 22))
    build_s = time.perf_counter() - started

    queries = [c.query for c in load_retrieval_cases()]
    service.kb.search(queries[0], 5)  # warm
    search_ms = []
    for _ in range(3):
        for query in queries:
            t = time.perf_counter()
            service.kb.search(query, 5)
            search_ms.append((time.perf_counter() - t) * 1000)

    turn_ms = []
    for path in sorted((PROJECT_ROOT / "evals" / "personas").glob("*.json")):
        persona = json.loads(path.read_text(encoding="utf-8"))
        for message in persona["script"]:
            t = time.perf_counter()
            service.send(f"bench-{path.stem}", message)
            turn_ms.append((time.perf_counter() - t) * 1000)

    machine = f"{platform.machine()} {platform.processor()} Python {platform.python_version()}"
    results = {
        "machine": " ".join(machine.split()),
        "index_build_s": round(build_s, 2),
        "search_ms": {
            "p50": round(_percentile(search_ms, 0.5), 1),
            "p95": round(_percentile(search_ms, 0.95), 1),
            "n": len(search_ms),
        },
        "offline_turn_ms": {
            "p50": round(_percentile(turn_ms, 0.5), 1),
            "p95": round(_percentile(turn_ms, 0.95), 1),
            "max": round(max(turn_ms), 1),
            "mean": round(statistics.mean(turn_ms), 1),
            "n": len(turn_ms),
        },
    }
    out = PROJECT_ROOT / "bench" / "results" / "latest.json"
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("| measure | p50 | p95 | n |\n|---|---|---|---|")
    search = results["search_ms"]
    print(f"| search (ms) | {search['p50']} | {search['p95']} | {search['n']} |")
    t = results["offline_turn_ms"]
    print(f"| offline coaching turn (ms) | {t['p50']} | {t['p95']} | {t['n']} |")
    print(f"\nindex build + service start: {results['index_build_s']} s; {results['machine']}")


if __name__ == "__main__":
    main()
