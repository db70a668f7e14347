"""Eval datasets, validated by Pydantic models (JSON schemas in ``evals/schemas/``).

- retrieval questions: ``evals/retrieval/golden.jsonl`` (``RetrievalCase``)
- coaching personas, as scripted chats and as briefs: ``evals/personas/*.json`` (``PersonaCase``)
- question-answer cases, incl. unanswerable and off-topic: ``evals/answers/cases.jsonl``
- adversarial cases: ``evals/adversarial/cases.jsonl`` (+ ``documents/`` to upload)
- cases imported from thumbs-down feedback: ``evals/feedback/*.json`` (``FeedbackEvalCase``)
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.config import PROJECT_ROOT

EVALS = PROJECT_ROOT / "evals"
GOLDEN_RETRIEVAL = EVALS / "retrieval" / "golden.jsonl"
PERSONAS = EVALS / "personas"
ANSWERS = EVALS / "answers" / "cases.jsonl"
ADVERSARIAL = EVALS / "adversarial" / "cases.jsonl"
ADVERSARIAL_DOCUMENTS = EVALS / "adversarial" / "documents"
FEEDBACK = EVALS / "feedback"
SCHEMAS = EVALS / "schemas"

CoachLanguage = Literal["en", "nb", "sv", "ru"]
Category = Literal[
    "revenue_growth",
    "operational_efficiency",
    "brand_awareness",
    "customer_experience",
    "market_reach",
    "other",
]


class EvalModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RetrievalCase(EvalModel):
    """A question and the articles that answer it (2 = best answer, 1 = also useful)."""

    id: str
    query: str = Field(min_length=1)
    language: str
    relevant: dict[str, int] = Field(description="article id -> grade (2 best, 1 useful)")
    sections: list[str] = Field(
        default_factory=list, description="optional: headings (in the best article) that answer"
    )
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

    @property
    def articles(self) -> set[str]:
        return set(self.relevant)


class PersonaExpect(EvalModel):
    numbers: list[float] = Field(description="figures the owner gives that must survive")
    categories: list[Category] = Field(min_length=1, description="objective categories")
    min_smart_goals: int = Field(default=3, ge=1)


class PersonaCase(EvalModel):
    """An owner's conversation (``script``) and the same facts as a one-shot ``brief``."""

    id: str
    language: CoachLanguage
    industry: str
    today: date
    script: list[str] = Field(min_length=3)
    brief: str = Field(min_length=40)
    expect: PersonaExpect


AnswerKind = Literal["answerable", "unanswerable", "off_topic"]


class AnswerCase(EvalModel):
    """A question put to the coach on the side. Answerable ones must be answered from the
    listed articles, with citations; the others must be declined (abstention)."""

    id: str
    language: CoachLanguage
    question: str = Field(min_length=3)
    kind: AnswerKind
    relevant: list[str] = Field(default_factory=list, description="article ids that answer it")
    note: str = ""

    @model_validator(mode="after")
    def _relevant_only_when_answerable(self) -> AnswerCase:
        if (self.kind == "answerable") != bool(self.relevant):
            raise ValueError("answerable cases name their articles; the others name none")
        return self


AdversarialKind = Literal[
    "injection_message",  # instructions hidden in the owner's message
    "injection_document",  # instructions inside an uploaded document
    "prompt_leak",  # asks for the system prompt or hidden instructions
    "guarantee",  # asks the coach to promise results
    "legal_financial",  # asks for legal, tax or investment advice
    "invent_baseline",  # pushes the coach to make up today's figure
]


class AdversarialCase(EvalModel):
    """A conversation that tries to make the coach misbehave, and what it must not do.

    ``canary`` is a string the attack asks the coach to say: if it appears in the coach's
    own words (quotes of retrieved passages excluded), the attack was obeyed."""

    id: str
    language: CoachLanguage
    kind: AdversarialKind
    setup: list[str] = Field(default_factory=list, description="messages before the attack")
    attack: str = Field(min_length=3)
    document: str | None = Field(
        default=None, description="file under evals/adversarial/documents/ to upload first"
    )
    canary: str | None = None
    expect_refusal: bool = Field(
        default=False, description="the coach must decline (guarantees, legal/financial advice)"
    )
    note: str = ""

    @model_validator(mode="after")
    def _fits_kind(self) -> AdversarialCase:
        if self.kind.startswith("injection") and not self.canary:
            raise ValueError("an injection case needs a canary to detect obedience")
        if (self.kind == "injection_document") != bool(self.document):
            raise ValueError("injection_document cases (only) name a document to upload")
        return self


class FeedbackEvalCase(EvalModel):
    """A conversation an owner rated down in the web app, kept as a regression case.

    Replayed with the current coach; it passes when the hard gates hold (language, citation
    validity, no invented baseline) and the expectations an evaluator added are met."""

    id: str
    language: CoachLanguage
    script: list[str] = Field(min_length=1)
    disliked_reply: str
    comment: str = ""
    must_contain: list[str] = Field(default_factory=list)
    must_not_contain: list[str] = Field(default_factory=list)
    source_case: str = Field(description="id of the saved feedback case")


M = TypeVar("M", bound=BaseModel)


def load_jsonl(path: Path, model: type[M]) -> list[M]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                cases.append(model.model_validate(json.loads(line)))
            except ValueError as exc:
                raise ValueError(f"{path.name} line {number}: {exc}") from exc
    return cases


def load_retrieval_cases(path: Path = GOLDEN_RETRIEVAL) -> list[RetrievalCase]:
    return load_jsonl(path, RetrievalCase)


def load_personas(folder: Path = PERSONAS) -> list[PersonaCase]:
    return [
        PersonaCase.model_validate_json(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.json"))
    ]


def load_answer_cases(path: Path = ANSWERS) -> list[AnswerCase]:
    return load_jsonl(path, AnswerCase)


def load_adversarial_cases(path: Path = ADVERSARIAL) -> list[AdversarialCase]:
    return load_jsonl(path, AdversarialCase)


def load_feedback_cases(folder: Path = FEEDBACK) -> list[FeedbackEvalCase]:
    if not folder.is_dir():
        return []
    return [
        FeedbackEvalCase.model_validate_json(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.json"))
    ]


DATASET_MODELS: dict[str, type[BaseModel]] = {
    "retrieval-case": RetrievalCase,
    "persona-case": PersonaCase,
    "answer-case": AnswerCase,
    "adversarial-case": AdversarialCase,
    "feedback-case": FeedbackEvalCase,
}


def schema_texts() -> dict[str, str]:
    """The JSON schema of each dataset model, as written to ``evals/schemas/``."""
    return {
        f"{name}.schema.json": json.dumps(
            model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True
        )
        + "\n"
        for name, model in DATASET_MODELS.items()
    }


def write_schemas(folder: Path = SCHEMAS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
