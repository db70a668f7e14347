"""What the coach understood of one message or brief: a typed ``Reading``.

Every fact carries the character span it was read from, so anything the coach stores can be
traced to the owner's words; a number without a span cannot enter the plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

IntentKind = Literal[
    "answer",
    "correction",
    "command",
    "approval",
    "objection",
    "question",
    "off_topic",
    "dont_know",
]
ProfileField = Literal["business_name", "industry", "location", "staff", "revenue", "founded"]
MaturityAnswer = Literal["yes", "partly", "no", "unknown"]
Period = Literal["year", "month", "week", "day"]
CommandAction = Literal[
    "add_goal",
    "drop_goal",
    "change_goal",
    "rename_goal",
    "keep_goal",
    "rename_initiative",
    "turn_goal",
    "drop_initiative",
    "add_initiative",
    "change_initiative",
    "link_initiative",
    "lighten_now",
    "restore_goal",
    "export",
    "show",
    "other",
]


class Span(BaseModel):
    """Where in the text a fact was read: ``text == source[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("a span ends before it starts")
        return self


class Intent(BaseModel):
    kind: IntentKind
    confidence: float = Field(ge=0, le=1)


class Amount(BaseModel):
    """A number with its unit: "%", "count", "hours", "days", "minutes", "score", "stars" or
    "money" (then with an ISO currency). A range keeps both ends; ``value`` is the midpoint
    and ``estimated`` is true for ranges and "about"."""

    value: float = Field(allow_inf_nan=False)
    unit: str | None = None
    currency: str | None = None
    period: Period | None = None
    low: float | None = None
    high: float | None = None
    estimated: bool = False
    span: Span


class ProfileFact(BaseModel):
    field: ProfileField
    value: str | int | float
    currency: str | None = None
    confidence: float = Field(default=0.8, ge=0, le=1)
    span: Span


class MetricFact(BaseModel):
    """Today's value of a metric ("about 4,000 visits a month")."""

    kpi: str
    amount: Amount
    confidence: float = Field(default=0.7, ge=0, le=1)
    span: Span


class Deadline(BaseModel):
    date: dt.date
    duration_months: float | None = None
    past: bool = False
    span: Span


class ObjectiveFact(BaseModel):
    category: str
    kpi: str | None = None
    baseline: Amount | None = None
    target: Amount | None = None
    change_percent: float | None = None
    direction: Literal["increase", "decrease"] | None = None  # from the owner's verb
    hold: bool = False  # "rated 9.1, which I want to keep": the aim is today's level
    deadline: Deadline | None = None
    gone_by: str | None = None  # "by summer 2026" said in December 2026: flagged, not kept
    confidence: float = Field(default=0.6, ge=0, le=1)
    span: Span


class MaturityFact(BaseModel):
    topic: str
    answer: MaturityAnswer
    confidence: float = Field(default=0.7, ge=0, le=1)
    span: Span
    in_passing: bool = False  # by an everyday word or by meaning: only if the question was asked


class CorrectionFact(BaseModel):
    """A fix of something said before: the field ("staff", "revenue", a metric, or "" when
    it is not known), and the new value when one is given."""

    field: str
    value: str | float | None = None
    currency: str | None = None
    period: Period | None = None  # "600 jobs a YEAR not a month": what the value counts per
    confidence: float = Field(default=0.6, ge=0, le=1)
    span: Span


class CommandFact(BaseModel):
    action: CommandAction
    goal_number: int | None = None
    target: str | None = None
    confidence: float = Field(default=0.7, ge=0, le=1)
    span: Span


class Reading(BaseModel):
    """Everything read from one message: intents (the first is the main one) and facts."""

    text: str
    language: str
    intents: list[Intent] = Field(default_factory=list)
    profile: list[ProfileFact] = Field(default_factory=list)
    metrics: list[MetricFact] = Field(default_factory=list)
    objectives: list[ObjectiveFact] = Field(default_factory=list)
    maturity: list[MaturityFact] = Field(default_factory=list)
    corrections: list[CorrectionFact] = Field(default_factory=list)
    commands: list[CommandFact] = Field(default_factory=list)
    questions: list[Span] = Field(default_factory=list)
    unplaced: list[Span] = Field(
        default_factory=list, description="numbers read but not bound to anything"
    )

    @property
    def intent(self) -> IntentKind:
        return self.intents[0].kind if self.intents else "answer"

    def profile_value(self, field: ProfileField) -> ProfileFact | None:
        return next((fact for fact in self.profile if fact.field == field), None)
