"""Eval run reports: results.json round-trips, summary.md shows metrics against baseline and
floors, report.html is self-contained, escapes case content and opens failed cases."""

from __future__ import annotations

import re
from datetime import datetime
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assistant.evaluation.reports import write_reports
from assistant.evaluation.results import (
    CaseResult,
    Check,
    CitationView,
    Gate,
    RunResult,
    SuiteResult,
    Turn,
)

HOSTILE = "Se <script>alert(1)</script> og https://evil.example/x.js\nandre linje"
PLAN = {
    "language": "ru",
    "profile": {"business_name": "Стоматология «Улыбка»", "staff": 12},
    "goals": [
        {
            "id": "g1",
            "statement": "Увеличить число онлайн-записей",
            "smart": {
                name: {"ok": name != "time_bound", "reason": f"причина {name}"}
                for name in ("specific", "measurable", "achievable", "relevant", "time_bound")
            },
        }
    ],
    "roadmap": [{"id": "i1", "title": "Онлайн-запись", "start": "2027-Q1", "end": "2027-Q2"}],
}


def _run() -> RunResult:
    hotel = CaseResult(
        suite="coaching",
        id="nb-hotel",
        language="nb",
        variant="chat",
        passed=False,
        metrics={"invented_baselines": 2, "smart_rate": 0.6},
        checks=[
            Check(name="no invented baseline", passed=False, hard=True, detail="baseline 40 %"),
            Check(name="plan has goals", passed=True),
        ],
        transcript=[Turn(role="user", content=HOSTILE), Turn(role="assistant", content="Hei!")],
    )
    dental = CaseResult(
        suite="coaching",
        id="ru-dental",
        language="ru",
        passed=True,
        stale=True,
        metrics={"invented_baselines": 0, "smart_rate": 1.0},
        plan=PLAN,
        citations=[
            CitationView(
                claim="Запись онлайн экономит время",
                quote="экономит время",
                title="Цифровая клиника",
                language="ru",
                passage="Онлайн-запись экономит время персонала.",
                valid=True,
                chrf=0.91,
            )
        ],
    )
    retrieval = [
        CaseResult(
            suite="retrieval", id=f"q00{n}", language=lang, passed=hit, metrics={"hit3": hit}
        )
        for n, lang, hit in ((1, "en", True), (2, "sv", False))
    ]
    return RunResult(
        created=datetime(2026, 11, 22, 10, 30),
        engine="stub-engine",
        judge=None,
        knowledge_manifest_changed=["articles/digital-clinic.md"],
        suites={
            "retrieval": SuiteResult(
                suite="retrieval",
                metrics={"hit3": 0.5, "mrr": 0.625},
                by_language={"en": {"hit3": 1.0}, "sv": {"hit3": 0.0}},
                second_opinion={"mrr": 0.6},
                second_opinion_by_language={"sv": {"hit3": 0.25}},
                cases=retrieval,
            ),
            "coaching": SuiteResult(
                suite="coaching",
                metrics={"invented_baselines": 2, "smart_rate": 0.8},
                by_language={
                    "nb": {"invented_baselines": 2, "smart_rate": 0.6},
                    "ru": {"invented_baselines": 0, "smart_rate": 1.0},
                },
                cases=[hotel, dental],
            ),
        },
        floors={
            "retrieval": {"hit3": 0.9, "mrr": 0.6, "hit3@sv": 0.5},
            "coaching": {"invented_baselines": 0, "smart_rate": 0.7, "smart_rate@nb": 0.5},
        },
        baseline={
            "retrieval": {"hit3": 0.95, "mrr": 0.7, "hit3@sv": 0.8},
            "coaching": {"invented_baselines": 0, "smart_rate": 0.75, "smart_rate@nb": 0.7},
        },
        gates=[
            Gate(name="hard checks", passed=False, detail="coaching/nb-hotel/chat"),
            Gate(name="retrieval floors", passed=False, detail="hit3 0.500 < 0.900"),
        ],
        exit_code=2,
    )


@pytest.fixture
def written(tmp_path: Path) -> tuple[RunResult, dict[str, Path]]:
    run = _run()
    paths = write_reports(run, tmp_path / "run")
    return run, {path.name: path for path in paths}


def _row(markdown: str, key: str) -> list[str]:
    for line in markdown.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] == key:
            return cells
    raise AssertionError(f"no table row for {key!r}")


def test_writes_three_files_and_json_round_trips(written) -> None:
    run, paths = written
    assert set(paths) == {"results.json", "summary.md", "report.html"}
    assert all(path.is_file() for path in paths.values())
    again = RunResult.model_validate_json(paths["results.json"].read_text(encoding="utf-8"))
    assert again == run


def test_summary_compares_with_baseline_and_floors(written) -> None:
    _, paths = written
    summary = paths["summary.md"].read_text(encoding="utf-8")
    assert "| metric | current | baseline | delta | floor | status |" in summary
    assert "quality gate failed" in summary
    assert "❌ hard checks — coaching/nb-hotel/chat" in summary
    # below its floor: 0.5 < 0.9
    assert _row(summary, "hit3") == ["hit3", "0.500", "0.950", "-0.450", "0.900", "❌"]
    # meets the floor but worse than baseline
    assert _row(summary, "mrr") == ["mrr", "0.625", "0.700", "-0.075", "0.600", "⚠️"]
    # per-language rows, with their own floors
    assert _row(summary, "hit3@en")[1:] == ["1.000", "—", "—", "—", ""]
    assert _row(summary, "hit3@sv") == ["hit3@sv", "0.000", "0.800", "-0.800", "0.500", "❌"]
    assert _row(summary, "smart_rate@nb")[-1] == "⚠️"
    # a rate reads as a rate even when it is exactly 1; counts read as integers
    assert _row(summary, "smart_rate@ru")[1] == "1.000"
    assert _row(summary, "invented_baselines@ru")[1] == "0"
    # lower is better: 2 invented baselines against a ceiling of 0
    assert _row(summary, "invented_baselines") == ["invented_baselines", "2", "0", "+2", "0", "❌"]
    assert _row(summary, "smart_rate")[-1] == "✅"
    lines = summary.splitlines()
    assert lines.index(next(x for x in lines if x.startswith("| mrr |"))) < lines.index(
        next(x for x in lines if x.startswith("| hit3@en |"))
    ), "overall rows come before per-language rows"


def test_summary_lists_second_opinion_failures_and_stale_cases(written) -> None:
    _, paths = written
    summary = paths["summary.md"].read_text(encoding="utf-8")
    assert "| metric | ours | library | difference |" in summary
    second = summary.split("### Ours vs library")[1].split("###")[0]
    assert _row(second, "mrr") == ["mrr", "0.625", "0.600", "+0.025"]
    assert _row(second, "hit3@sv") == ["hit3@sv", "0.000", "0.250", "-0.250"]
    assert "`coaching/nb-hotel/chat`" in summary
    assert "❌ no invented baseline (hard) — baseline 40 %" in summary
    assert "`retrieval/q002`" in summary
    assert "`retrieval/q001`" not in summary
    stale = summary.split("### Stale cases")[1]
    assert "`coaching/ru-dental`" in stale
    assert "articles/digital-clinic.md" in summary.split("## Knowledge manifest changed")[1]


class _Details(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cases: dict[str, bool] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "details" and "data-key" in values:
            self.cases[str(values["data-key"])] = "open" in values


def test_html_is_self_contained_and_escapes_case_content(written) -> None:
    run, paths = written
    page = paths["report.html"].read_text(encoding="utf-8")
    for reference in ('src="http', "src='http", 'href="http', "href='http", "@import", "url("):
        assert reference not in page.lower()
    assert "<script>alert(1)</script>" not in page
    assert escape("<script>alert(1)</script>") in page
    assert page.count("<script") == 1, "only the report's own inline script"
    # the only URL is the one inside the (escaped) transcript
    assert not re.search(r"https?://", page.replace(escape(HOSTILE), ""))
    assert "Стоматология «Улыбка»" in page and "Увеличить число онлайн-записей" in page
    for case in run.cases():
        assert escape(case.key) in page


def test_html_opens_failed_cases_and_shows_drill_down(written) -> None:
    run, paths = written
    page = paths["report.html"].read_text(encoding="utf-8")
    parser = _Details()
    parser.feed(page)
    assert parser.cases == {case.key: not case.passed for case in run.cases()}
    assert "<mark>экономит время</mark>" in page
    assert "hard gate" in page
    assert "2027-Q1–2027-Q2" in page
    # the SMART letter that failed is marked with its reason
    assert re.search(r'<span class="no" title="time_bound: причина time_bound">T</span>', page)
