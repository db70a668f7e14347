"""The benchmark suite: this project and the plain LangChain recipe on the same data.

Each (system, corpus size) runs in its own process (``assistant.benchmarks.scale``) so
peak memory is per configuration. Results go to ``bench/results/latest.json`` and a
Markdown table (``latest.md``) checked against the targets.
"""

from __future__ import annotations

import platform
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from assistant.benchmarks.coaching_bench import CoachingBench, run_coaching_bench
from assistant.benchmarks.scale import ScaleResult
from assistant.config import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "bench" / "results"
SYSTEMS = ("ours", "baseline")
Progress = Callable[[str], None]


class TargetCheck(BaseModel):
    target: str
    measured: str
    met: bool | None = Field(description="None when not measured in this run")


class BenchResults(BaseModel):
    created: datetime
    machine: str
    quick: bool
    scale: list[ScaleResult]
    coaching: CoachingBench
    app: dict[str, Any] | None = None
    targets: list[TargetCheck] = Field(default_factory=list)
    remeasured: list[str] = Field(
        default_factory=list, description="scale rows measured again after the run, and when"
    )


def machine() -> str:
    import os

    cpu = platform.processor() or platform.machine()
    return f"{platform.machine()} {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def _measure(system: str, size: str, server: bool) -> ScaleResult:
    command = [sys.executable, "-m", "assistant.benchmarks.scale", "--system", system]
    command += ["--size", size] + (["--server"] if server else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return ScaleResult(system=system, corpus=size, error=tail[0])
    return ScaleResult.model_validate_json(lines[-1])


def run_bench(
    quick: bool, systems: tuple[str, ...] = SYSTEMS, app: bool = True, say: Progress = print
) -> BenchResults:
    sizes = ["knowledge", "10000"] + ([] if quick else ["100000"])
    scale = []
    for size in sizes:
        for system in systems:
            say(f"scale: {system} on {size}")
            scale.append(_measure(system, size, server=True))
    say("coaching turns")
    coaching = run_coaching_bench()
    app_results = None
    if app:
        from assistant.benchmarks.app_bench import run_app_bench

        say("app: cold start, 20 users, two processes")
        app_results = run_app_bench(quick=quick).model_dump(mode="json")
    results = BenchResults(
        created=datetime.now(UTC).replace(microsecond=0),
        machine=machine(),
        quick=quick,
        scale=scale,
        coaching=coaching,
        app=app_results,
    )
    results.targets = check_targets(results)
    return results


def remeasure(pairs: list[tuple[str, str]], folder: Path = RESULTS, say: Progress = print):
    """Measure some (system, corpus size) rows again, e.g. after a fix, and put them in place
    in the saved results; the targets are checked again and the rows marked re-measured."""
    results = BenchResults.model_validate_json((folder / "latest.json").read_text("utf-8"))
    for system, size in pairs:
        say(f"scale: {system} on {size} (again)")
        fresh = _measure(system, size, server=True)
        same = [n for n, r in enumerate(results.scale) if (r.system, r.corpus) == (system, size)]
        if same:
            results.scale[same[0]] = fresh
        else:
            results.scale.append(fresh)
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
        results.remeasured.append(f"{system} on {size} ({when} UTC)")
    results.targets = check_targets(results)
    return results


def _find(results: BenchResults, system: str, corpus: str) -> ScaleResult | None:
    return next(
        (r for r in results.scale if r.system == system and r.corpus == corpus and not r.error),
        None,
    )


def _get(data: dict[str, Any] | None, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def check_targets(results: BenchResults) -> list[TargetCheck]:
    checks = []
    big = _find(results, "ours", "100000")
    checks.append(
        TargetCheck(
            target="search p95 <= 30 ms at 100k chunks",
            measured=f"{big.search_ms.p95} ms" if big and big.search_ms else "not measured",
            met=(big.search_ms.p95 <= 30) if big and big.search_ms else None,
        )
    )
    slower = []
    compared = 0
    for ours in [r for r in results.scale if r.system == "ours" and r.search_ms]:
        base = _find(results, "baseline", ours.corpus)
        if base and base.search_ms:
            compared += 1
            if ours.search_ms.p95 > base.search_ms.p95:
                slower.append(f"{ours.corpus}: {ours.search_ms.p95} vs {base.search_ms.p95} ms")
    checks.append(
        TargetCheck(
            target="search never slower than the baseline (p95, every size)",
            measured="; ".join(slower) or f"faster at all {compared} sizes compared",
            met=not slower if compared else None,
        )
    )
    ours, base = _find(results, "ours", "knowledge"), _find(results, "baseline", "knowledge")
    ahead = bool(ours and base and ours.hit_at_3 and base.hit_at_3 is not None)
    checks.append(
        TargetCheck(
            target="retrieval quality ahead of the baseline (hit@3, MRR)",
            measured=(
                f"{ours.hit_at_3}/{ours.mrr} vs {base.hit_at_3}/{base.mrr}"
                if ahead and ours and base
                else "not measured"
            ),
            met=(ours.hit_at_3 > base.hit_at_3 and ours.mrr > base.mrr)  # type: ignore[operator]
            if ahead and ours and base
            else None,
        )
    )
    turn = results.coaching.turn_ms.p95
    checks.append(
        TargetCheck(target="offline turn p95 <= 150 ms", measured=f"{turn} ms", met=turn <= 150)
    )
    first_page = _get(results.app, "cold_start", "median_http_ready_s")
    checks.append(
        TargetCheck(
            target="cold start to first page <= 6 s",
            measured=f"{first_page} s" if first_page is not None else "not measured",
            met=first_page <= 6 if first_page is not None else None,
        )
    )
    memory = big.peak_rss_mb if big else None
    checks.append(
        TargetCheck(
            target="peak memory <= 1 GB with 100k chunks",
            measured=f"{memory} MB" if memory else "not measured",
            met=memory <= 1024 if memory else None,
        )
    )
    p95_ms = _get(results.app, "one_process", "p95_ms")
    p95 = p95_ms / 1000 if p95_ms is not None else None
    errors = _get(results.app, "one_process", "errors")
    isolated = _get(results.app, "one_process", "isolation_ok")
    checks.append(
        TargetCheck(
            target="20 users: p95 turn <= 1 s, 0 errors, no session sees another's data",
            measured=(
                f"p95 {p95} s, {errors} errors, isolation {'ok' if isolated else 'BROKEN'}"
                if p95 is not None
                else "not measured"
            ),
            met=(p95 <= 1 and errors == 0 and bool(isolated)) if p95 is not None else None,
        )
    )
    return checks


def _ms(latency: Any) -> str:
    return f"{latency.p50} / {latency.p95} / {latency.p99}" if latency else "—"


def _app_lines(app: dict[str, Any]) -> list[str]:
    cold = app.get("cold_start", {})
    lines = [
        f"Cold start (warm disk, index built): first page {cold.get('median_http_ready_s')} s, "
        f"first reply {cold.get('median_first_reply_s')} s (median).",
        "",
        "| users through | backends | turns | turns/s | p50 / p95 / p99 ms | errors | isolation |",
        "|---|---|---|---|---|---|---|",
    ]
    two = app.get("two_process", {})
    for label, run in (
        ("one app process", app.get("one_process")),
        ("two processes, each user pinned", two.get("pinned")),
        ("two processes, round-robin forwarder", two.get("forwarded")),
    ):
        if not run:
            continue
        lines.append(
            f"| {label} | {run['backends']} | {run['turns']}/{run['turns_expected']} | "
            f"{run['turns_per_s']} | {run['p50_ms']} / {run['p95_ms']} / {run['p99_ms']} | "
            f"{run['errors']} | {'ok' if run['isolation_ok'] else 'BROKEN'} |"
        )
    if two:
        lines += [
            "",
            f"One session alternating between the two processes turn by turn: "
            f"{'complete' if two.get('continuity_ok') else 'BROKEN'} "
            f"({two.get('continuity_turns')} turns).",
        ]
    return lines


def markdown(results: BenchResults) -> str:
    lines = [
        f"Benchmark {results.created:%Y-%m-%d %H:%M} UTC on {results.machine}"
        + (" (quick: up to 10k chunks)" if results.quick else ""),
        "",
        "| system | corpus | chunks | build s | chunks/s | search p50/p95/p99 ms (embedded)"
        " | via Chroma server | peak RSS MB | hit@3 | MRR |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results.scale:
        if r.error:
            lines.append(f"| {r.system} | {r.corpus} | error: {r.error} ||||||||")
            continue
        quality = (f"{r.hit_at_3}", f"{r.mrr}") if r.hit_at_3 is not None else ("", "")
        lines.append(
            f"| {r.system} | {r.corpus} | {r.chunks} | {r.build_s} | {r.chunks_per_s} | "
            f"{_ms(r.search_ms)} | {_ms(r.server_search_ms)} | {r.peak_rss_mb} | "
            f"{quality[0]} | {quality[1]} |"
        )
    if results.remeasured:
        lines += ["", "Measured again after the run: " + "; ".join(results.remeasured) + "."]
    splits = [r for r in results.scale if r.split_ms]
    if splits:
        lines += [
            "",
            "Where a search's time goes (ours, mean ms per search; `corpus`: the check that"
            " the in-memory keyword corpus is current):",
            "",
        ]
        steps = sorted({step for r in splits for step in r.split_ms})
        lines.append("| corpus | " + " | ".join(steps) + " |")
        lines.append("|---|" + "---|" * len(steps))
        for r in splits:
            lines.append(
                f"| {r.corpus} | " + " | ".join(str(r.split_ms.get(s, "")) for s in steps) + " |"
            )
    c = results.coaching
    lines += [
        "",
        f"Offline coaching: turn p50/p95/p99 {_ms(c.turn_ms)} ms over the persona scripts; "
        f"plan from a brief {_ms(c.brief_ms)} ms; service start {c.service_start_s} s.",
    ]
    if results.app:
        lines += ["", *_app_lines(results.app)]
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for t in results.targets:
        mark = "—" if t.met is None else ("yes" if t.met else "**no**")
        lines.append(f"| {t.target} | {t.measured} | {mark} |")
    return "\n".join(lines) + "\n"


def write(results: BenchResults, folder: Path = RESULTS) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    data, table = folder / "latest.json", folder / "latest.md"
    data.write_text(results.model_dump_json(indent=2) + "\n", encoding="utf-8")
    table.write_text(markdown(results), encoding="utf-8")
    return data, table
