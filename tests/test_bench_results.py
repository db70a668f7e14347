"""The benchmark's bookkeeping: one real scale measurement, the target checks, and putting a
re-measured row back into saved results. (Speeds are not asserted here: they belong to
``make bench``, not to tests.)"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.benchmarks import run as bench_run
from assistant.benchmarks.coaching_bench import CoachingBench
from assistant.benchmarks.run import BenchResults, check_targets, markdown, remeasure, write
from assistant.benchmarks.scale import Latency, ScaleResult
from assistant.config import PROJECT_ROOT


def _latency(p95: float) -> Latency:
    return Latency(p50=p95 / 2, p95=p95, p99=p95 * 1.1, n=72)


def _row(system: str, corpus: str, p95: float, rss: float = 500.0) -> ScaleResult:
    return ScaleResult(
        system=system, corpus=corpus, chunks=100, search_ms=_latency(p95), peak_rss_mb=rss
    )


def _results(rows: list[ScaleResult]) -> BenchResults:
    turn = _latency(40.0)
    return BenchResults(
        created=datetime(2026, 11, 22, tzinfo=UTC),
        machine="test machine",
        quick=False,
        scale=rows,
        coaching=CoachingBench(service_start_s=1.0, turn_ms=turn, brief_ms=turn),
    )


def _verdict(results: BenchResults, starts: str) -> bool | None:
    return next(t.met for t in results.targets if t.target.startswith(starts))


def test_one_scale_measurement_of_ours_reports_quality_latency_and_memory() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant.benchmarks.scale", "--system", "ours"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=600,
    )
    result = ScaleResult.model_validate_json(done.stdout.strip().splitlines()[-1])
    assert result.error is None
    assert result.chunks > 20 and result.build_s > 0
    assert result.hit_at_3 is not None and result.hit_at_3 >= 0.9
    assert result.search_ms is not None and result.search_ms.n >= 24
    assert {"embed", "vector", "bm25", "fusion"} <= set(result.split_ms)
    assert result.peak_rss_mb > 0


def test_targets_name_what_was_not_measured_and_where_ours_is_slower() -> None:
    results = _results([_row("ours", "10000", 9.0), _row("baseline", "10000", 6.0)])
    results.targets = check_targets(results)
    assert _verdict(results, "search p95 <= 30 ms at 100k") is None
    assert _verdict(results, "peak memory") is None
    assert _verdict(results, "search never slower") is False
    slower = next(t for t in results.targets if t.target.startswith("search never slower"))
    assert "10000: 9.0 vs 6.0 ms" in slower.measured


def test_a_remeasured_row_replaces_the_old_one_and_the_targets_are_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        _row("ours", "10000", 4.0),
        _row("baseline", "10000", 6.0),
        _row("ours", "100000", 12.0, rss=1650.0),
        _row("baseline", "100000", 20.0),
    ]
    saved = _results(rows)
    saved.targets = check_targets(saved)
    write(saved, tmp_path)
    assert _verdict(saved, "peak memory") is False

    fixed = _row("ours", "100000", 11.0, rss=900.0)
    calls = []

    def measure(system: str, size: str, server: bool) -> ScaleResult:
        calls.append((system, size, server))
        return fixed

    monkeypatch.setattr(bench_run, "_measure", measure)
    updated = remeasure([("ours", "100000")], folder=tmp_path, say=lambda _: None)
    assert calls == [("ours", "100000", True)]
    assert [(r.system, r.corpus) for r in updated.scale] == [(r.system, r.corpus) for r in rows]
    assert updated.scale[2].peak_rss_mb == 900.0
    assert updated.scale[0] == rows[0]  # the other rows are kept as measured
    assert _verdict(updated, "peak memory") is True
    assert updated.remeasured and updated.remeasured[0].startswith("ours on 100000 (")
    assert "Measured again after the run: ours on 100000" in markdown(updated)
    assert json.loads((tmp_path / "latest.json").read_text())["scale"][2]["peak_rss_mb"] == 1650.0
