"""Eval datasets, validated by Pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from assistant.config import PROJECT_ROOT

GOLDEN_RETRIEVAL = PROJECT_ROOT / "evals" / "retrieval" / "golden.jsonl"


class RetrievalCase(BaseModel):
    """A question and the articles that answer it (2 = best answer, 1 = also useful)."""

    id: str
    query: str = Field(min_length=1)
    language: str
    relevant: dict[str, int]
    split: Literal["dev", "test"] = "dev"
    note: str = ""

    @field_validator("relevant")
    @classmethod
    def _has_a_best_answer(cls, value: dict[str, int]) -> dict[str, int]:
        if not any(grade >= 2 for grade in value.values()):
            raise ValueError("at least one article must have grade 2")
        if any(grade not in (1, 2) for grade in value.values()):
            raise ValueError("grades are 1 (useful) or 2 (best answer)")
        return value

    @property
    def primary(self) -> set[str]:
        return {doc for doc, grade in self.relevant.items() if grade >= 2}


def load_retrieval_cases(path: Path = GOLDEN_RETRIEVAL) -> list[RetrievalCase]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                cases.append(RetrievalCase.model_validate(json.loads(line)))
            except ValueError as exc:
                raise ValueError(f"{path.name} line {number}: {exc}") from exc
    return cases
