"""The blind understanding corpus: owner messages and client briefs with gold annotations
(``evals/understanding/{dev,test}.jsonl``; the annotation guide is in ``evals/README.md``)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.config import PROJECT_ROOT

CORPUS_DIR = PROJECT_ROOT / "evals" / "understanding"
Split = Literal["dev", "test"]


class GoldModel(BaseModel):
    model_config = ConfigDict(extra="ignore")


class GoldProfile(GoldModel):
    field: str
    value: Any = None
    span: str = ""


class GoldMetric(GoldModel):
    kpi: str = "other"
    value: float
    unit: str | None = None
    currency: str | None = None
    period: str | None = None
    low: float | None = None
    high: float | None = None
    estimated: bool = False
    span: str = ""


class GoldObjective(GoldModel):
    category: str = "other"
    kpi: str | None = None
    baseline: float | None = None
    target: float | None = None
    change_percent: float | None = None
    unit: str | None = None
    currency: str | None = None
    deadline: str | None = None
    duration_months: float | None = None
    span: str = ""
    baseline_span: str | None = None
    target_span: str | None = None
    deadline_span: str | None = None


class GoldMaturity(GoldModel):
    topic: str
    answer: Literal["yes", "partly", "no", "unknown"]
    span: str = ""


class GoldCorrection(GoldModel):
    field: str = ""
    value: Any = None
    span: str = ""


class GoldCommand(GoldModel):
    action: str
    target: str | None = None
    detail: str | None = None
    span: str = ""


class GoldQuestion(GoldModel):
    span: str = ""


class Gold(GoldModel):
    intent: str
    also: list[str] = Field(default_factory=list)
    profile: list[GoldProfile] = Field(default_factory=list)
    metrics: list[GoldMetric] = Field(default_factory=list)
    objectives: list[GoldObjective] = Field(default_factory=list)
    maturity: list[GoldMaturity] = Field(default_factory=list)
    corrections: list[GoldCorrection] = Field(default_factory=list)
    commands: list[GoldCommand] = Field(default_factory=list)
    questions: list[GoldQuestion] = Field(default_factory=list)


class CorpusItem(GoldModel):
    id: str
    lang: Literal["en", "nb", "sv", "ru"]
    kind: Literal["message", "brief"]
    business: str = ""
    sells_online: bool | None = None
    coach_question: str = ""
    text: str
    gold: Gold

    @model_validator(mode="after")
    def _spans_are_verbatim(self) -> CorpusItem:
        for span in gold_spans(self.gold):
            if span and span not in self.text:
                raise ValueError(f"{self.id}: gold span {span!r} is not in the text")
        return self

    @property
    def conversation(self) -> str:
        """Messages of one business share a conversation id; a brief is its own."""
        parts = self.id.split("-")
        return "-".join(parts[:3]) if self.kind == "message" else self.id


def gold_spans(gold: Gold) -> list[str]:
    spans = [f.span for group in (gold.profile, gold.metrics, gold.maturity) for f in group]
    for objective in gold.objectives:
        spans += [objective.span, objective.baseline_span or "", objective.target_span or ""]
        spans.append(objective.deadline_span or "")
    spans += [c.span for c in gold.corrections] + [c.span for c in gold.commands]
    return spans + [q.span for q in gold.questions]


def corpus_path(split: Split) -> Path:
    return CORPUS_DIR / f"{split}.jsonl"


def load_corpus(split: Split, path: Path | None = None) -> list[CorpusItem]:
    source = path or corpus_path(split)
    lines = source.read_text(encoding="utf-8").splitlines()
    return [CorpusItem.model_validate_json(line) for line in lines if line.strip()]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
