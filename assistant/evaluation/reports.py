"""Render an eval run (``RunResult``) as ``results.json``, ``summary.md`` and ``report.html``.

The Markdown summary is for a pull request or a terminal; the HTML report is one
self-contained file (inline CSS and a few lines of inline JS, no URLs) so it opens offline
and can be archived with the run. Everything that comes from a case (transcripts, plans,
passages, check details) is data: it is escaped, never interpreted or linked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from assistant.evaluation.results import (
    LOWER_IS_BETTER,
    SUITES,
    CaseResult,
    RunResult,
)

EXIT_MEANING = {0: "pass", 1: "harness error", 2: "quality gate failed"}
SMART = ("specific", "measurable", "achievable", "relevant", "time_bound")
Status = Literal["ok", "worse", "fail", ""]
MD_STATUS = {"ok": "✅", "worse": "⚠️", "fail": "❌", "": ""}
HTML_STATUS = {
    "ok": "✓ meets {bound}",
    "worse": "⚠ worse than baseline",
    "fail": "✗ {miss}",
    "": "",
}


class MetricRow(BaseModel):
    """One line of a suite's metric table; ``key`` is ``metric`` or ``metric@language``."""

    key: str
    current: float | None
    baseline: float | None
    floor: float | None
    whole: bool = Field(description="the metric is a count: print integers, not 3 decimals")

    @property
    def language(self) -> str:
        return self.key.partition("@")[2]

    @property
    def delta(self) -> float | None:
        if self.current is None or self.baseline is None:
            return None
        return self.current - self.baseline

    @property
    def status(self) -> Status:
        """ok: meets the floor (a ceiling for lower-is-better metrics); worse: meets it but
        got worse than the baseline; fail: misses it or was not measured; blank: no floor."""
        now, before, floor = self.current, self.baseline, self.floor
        if floor is None:
            return ""
        lower = lower_is_better(self.key)
        if now is None or ((now > floor) if lower else (now < floor)):
            return "fail"
        if before is not None and ((now > before) if lower else (now < before)):
            return "worse"
        return "ok"

    def cells(self) -> list[str]:
        """current, baseline, delta, floor."""
        values = (self.current, self.baseline, self.delta, self.floor)
        return [fmt(v, self.whole, signed=i == 2) for i, v in enumerate(values)]


def base_metric(key: str) -> str:
    return key.partition("@")[0]


def lower_is_better(key: str) -> bool:
    return base_metric(key) in LOWER_IS_BETTER


def fmt(value: float | None, whole: bool = False, signed: bool = False) -> str:
    """'—' for unknown (never 0), integers for counts, 3 decimals for rates."""
    if value is None:
        return "—"
    value = round(value, 9) or 0.0  # no "-0.000"
    text = f"{value:.0f}" if whole else f"{value:.3f}"
    return f"+{text}" if signed and value > 0 else text


def _counts(run: RunResult, name: str) -> set[str]:
    """Metrics of a suite whose every value (current, per language, baseline, floor, second
    opinion) is a whole number; all others are rates, so 1.0 next to 0.85 reads 1.000."""
    suite = run.suites[name]
    values: dict[str, list[float]] = {}
    groups = [suite.metrics, suite.second_opinion, run.baseline.get(name, {})]
    groups += [run.floors.get(name, {}), *suite.by_language.values()]
    groups += suite.second_opinion_by_language.values()
    for group in groups:
        for key, value in group.items():
            values.setdefault(base_metric(key), []).append(0.0 if value is None else value)
    return {m for m, vs in values.items() if all(round(v, 9).is_integer() for v in vs)}


def metric_rows(run: RunResult, name: str) -> list[MetricRow]:
    """Overall metrics first, then per language; metrics only in the baseline or the floors
    get a row too, so a metric that disappeared is visible."""
    suite, counts = run.suites[name], _counts(run, name)
    baseline, floors = run.baseline.get(name, {}), run.floors.get(name, {})
    current: dict[str, float | None] = dict(suite.metrics)
    for language, values in suite.by_language.items():
        current.update({f"{metric}@{language}": value for metric, value in values.items()})
    keys = sorted(dict.fromkeys([*current, *baseline, *floors]), key=lambda k: k.partition("@")[2])
    return [
        MetricRow(
            key=k,
            current=current.get(k),
            baseline=baseline.get(k),
            floor=floors.get(k),
            whole=base_metric(k) in counts,
        )
        for k in keys
    ]


def second_opinion_rows(run: RunResult, name: str) -> list[tuple[str, list[str]]]:
    """(metric or metric@language, [ours, library, ours − library]) per metric the library
    scored, overall first."""
    suite, counts = run.suites[name], _counts(run, name)
    pairs = [(m, suite.metrics.get(m), v) for m, v in suite.second_opinion.items()]
    for language in sorted(suite.second_opinion_by_language):
        mine = suite.by_language.get(language, {})
        for metric, value in suite.second_opinion_by_language[language].items():
            pairs.append((f"{metric}@{language}", mine.get(metric), value))
    rows = []
    for key, ours, library in pairs:
        whole = base_metric(key) in counts
        diff = None if ours is None or library is None else ours - library
        rows.append((key, [fmt(ours, whole), fmt(library, whole), fmt(diff, whole, True)]))
    return rows


def suite_names(run: RunResult) -> list[str]:
    return [s for s in SUITES if s in run.suites] + [s for s in run.suites if s not in SUITES]


def is_failing(case: CaseResult) -> bool:
    return not case.passed or case.error is not None


# ---------------------------------------------------------------- Markdown


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def summary_markdown(run: RunResult) -> str:
    """Header, gates, per-suite metric tables, second opinions, failing and stale cases."""
    created = run.created.isoformat(timespec="seconds")
    out = [
        f"# Eval run {created}",
        "",
        f"- Created: {created}",
        f"- Engine: {_cell(run.engine)}",
        f"- Judge: {_cell(run.judge or '—')}",
        f"- Exit code: {run.exit_code} ({EXIT_MEANING.get(run.exit_code, 'unknown')}; "
        "0 pass, 2 quality gate failed, 1 harness error)",
        "",
        "## Gates",
        "",
    ]
    for gate in run.gates:
        detail = f" — {_cell(gate.detail)}" if gate.detail else ""
        out.append(f"- {'✅' if gate.passed else '❌'} {_cell(gate.name)}{detail}")
    if not run.gates:
        out.append("- (no gates)")
    for name in suite_names(run):
        suite = run.suites[name]
        failed = [c for c in suite.cases if is_failing(c)]
        out += ["", f"## {name}", "", f"{len(suite.cases)} cases, {len(failed)} failed.", ""]
        rows = [[_cell(r.key), *r.cells(), MD_STATUS[r.status]] for r in metric_rows(run, name)]
        out += _md_table(["metric", "current", "baseline", "delta", "floor", "status"], rows)
        opinions = second_opinion_rows(run, name)
        if opinions:
            out += ["", "### Ours vs library", ""]
            head = ["metric", "ours", "library", "difference"]
            out += _md_table(head, [[_cell(key), *cells] for key, cells in opinions])
        if failed:
            out += ["", "### Failing cases", ""]
        for case in failed:
            out.append(f"- `{case.key}` ({case.language})")
            if case.error:
                out.append(f"  - harness error: {_cell(case.error)}")
            for check in (c for c in case.checks if not c.passed):
                detail = f" — {_cell(check.detail)}" if check.detail else ""
                out.append(f"  - ❌ {_cell(check.name)}{' (hard)' if check.hard else ''}{detail}")
        stale = [f"- `{c.key}` ({c.language})" for c in suite.cases if c.stale]
        if stale:
            out += ["", "### Stale cases (article changed since the case was written)", "", *stale]
    if run.knowledge_manifest_changed:
        out += ["", "## Knowledge manifest changed", ""]
        out += [f"- {_cell(item)}" for item in run.knowledge_manifest_changed]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- HTML


def write_reports(run: RunResult, folder: Path) -> list[Path]:
    from assistant.evaluation.report_html import report_html

    """Write results.json, summary.md and report.html into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "results.json", folder / "summary.md", folder / "report.html"]
    texts = [run.model_dump_json(indent=2), summary_markdown(run), report_html(run)]
    for path, text in zip(paths, texts, strict=True):
        path.write_text(text, encoding="utf-8")
    return paths
