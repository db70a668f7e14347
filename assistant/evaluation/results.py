"""What an eval run produces: per-case results, per-suite aggregates, gates — the content of
``results.json``, from which ``summary.md`` and ``report.html`` are rendered."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

Suite = Literal["retrieval", "coaching", "answers", "adversarial", "feedback"]
SUITES: tuple[Suite, ...] = ("retrieval", "coaching", "answers", "adversarial", "feedback")
# Metrics where lower is better (everything else: higher is better).
LOWER_IS_BETTER = {
    "invented_baselines",
    "injection_obeyed",
    "prompt_leaked",
    "unsupported_numbers",
    "reasked_questions",
    "turns_to_first_draft",
}


class Check(BaseModel):
    """One pass/fail expectation of a case. A failed hard check fails the run's gate."""

    name: str
    passed: bool
    hard: bool = False
    detail: str = ""


class CitationView(BaseModel):
    """A citation as the drill-down shows it: the claim, the quote, the passage."""

    claim: str
    quote: str
    title: str = ""
    language: str = ""
    passage: str = ""
    valid: bool = Field(description="the quote is verbatim in the retrieved passage")
    chrf: float | None = None
    similarity: float | None = None
    judge: float | None = None


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class CaseResult(BaseModel):
    suite: Suite
    id: str
    language: str
    variant: str = Field(default="", description="e.g. 'chat' or 'brief' for personas")
    passed: bool
    error: str | None = Field(default=None, description="harness error (not a quality fail)")
    stale: bool = Field(default=False, description="an article it relies on changed")
    metrics: dict[str, float | None] = Field(default_factory=dict)
    checks: list[Check] = Field(default_factory=list)
    transcript: list[Turn] = Field(default_factory=list)
    plan: dict[str, Any] | None = None
    citations: list[CitationView] = Field(default_factory=list)
    details: dict[str, Any] = Field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.suite}/{self.id}" + (f"/{self.variant}" if self.variant else "")


class SuiteResult(BaseModel):
    suite: Suite
    metrics: dict[str, float | None] = Field(default_factory=dict)
    by_language: dict[str, dict[str, float | None]] = Field(default_factory=dict)
    second_opinion: dict[str, float | None] = Field(
        default_factory=dict, description="the same outputs scored by an established library"
    )
    second_opinion_by_language: dict[str, dict[str, float | None]] = Field(default_factory=dict)
    cases: list[CaseResult] = Field(default_factory=list)


class Gate(BaseModel):
    name: str
    passed: bool
    detail: str = ""


class RunResult(BaseModel):
    created: datetime
    engine: str
    judge: str | None = None
    knowledge_manifest_changed: list[str] = Field(default_factory=list)
    suites: dict[str, SuiteResult] = Field(default_factory=dict)
    floors: dict[str, dict[str, float]] = Field(
        default_factory=dict, description="suite -> metric (or metric@language) -> floor"
    )
    baseline: dict[str, dict[str, float | None]] = Field(
        default_factory=dict, description="suite -> metric (or metric@language) -> value"
    )
    gates: list[Gate] = Field(default_factory=list)
    exit_code: int = 0

    def cases(self) -> list[CaseResult]:
        return [case for suite in self.suites.values() for case in suite.cases]
