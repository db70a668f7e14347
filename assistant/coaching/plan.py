"""The strategy plan as data: profile, current state, objectives, SMART goals, KPIs, roadmap.

Every model forbids unknown fields and non-finite numbers, so nonsense (``impact: 7``, a
deadline of ``"next spring"``, horizon ``"soon"``, a typo in a field name) is rejected with a
message naming the field. Almost every field is optional or empty by default, so a plan that is
only half-built mid-interview is still a valid ``StrategyPlan``. SMART quality is *not* enforced
here: a weak goal must be representable so that ``assistant.coaching.smart`` can explain what
to fix. The one goal rule enforced here is that a baseline is never invented: a ``pending``
baseline cannot carry a number, and a ``measured``/``estimated`` one must.

Derived fields (``DimensionState.band``/``provisional``, ``Initiative.priority``) are computed,
appear in ``model_dump()``, and are ignored (recomputed) when a dump is validated again.
"""

import math
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, computed_field, model_validator

SCHEMA_VERSION = 1

Language = Literal["en", "nb", "sv", "ru"]
Horizon = Literal["short", "medium", "long"]
Direction = Literal["increase", "decrease"]
BaselineStatus = Literal["measured", "estimated", "pending"]
ObjectiveCategory = Literal[
    "revenue_growth",
    "operational_efficiency",
    "brand_awareness",
    "customer_experience",
    "market_reach",
    "other",
]
DimensionName = Literal[
    "strategy", "readiness", "human_centric", "data_security", "automation_ai", "green"
]
DIMENSION_NAMES: tuple[DimensionName, ...] = get_args(DimensionName)
Band = Literal["basic", "average", "moderately_advanced", "advanced"]
Priority = Literal["high", "medium", "low"]
Cadence = Literal["daily", "weekly", "monthly", "quarterly", "yearly"]

# Priority of an initiative = impact x feasibility (each 1-5, so 1..25):
# >= 15 high (e.g. 5x3, 4x4), >= 8 medium (e.g. 4x2, 3x3), otherwise low (e.g. 2x3, 5x1).
HIGH_PRIORITY_FROM = 15
MEDIUM_PRIORITY_FROM = 8
# A maturity score is provisional while fewer than this share of its questions are answered.
PROVISIONAL_BELOW = 0.5

_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_iso_date(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a real calendar date") from None
    raise ValueError(f"expected a calendar date written YYYY-MM-DD, got {value!r}")


def _normalise_quarter(value: Any) -> Any:
    text = value.strip().upper() if isinstance(value, str) else value
    if not isinstance(text, str) or not _QUARTER.fullmatch(text):
        raise ValueError(f"expected a quarter written like '2027-Q1', got {value!r}")
    return text


IsoDate = Annotated[date, BeforeValidator(_parse_iso_date)]
Quarter = Annotated[str, BeforeValidator(_normalise_quarter), Field(pattern=r"^\d{4}-Q[1-4]$")]
Text = Annotated[str, Field(min_length=1)]
Percent = Annotated[float, Field(ge=0, le=100)]
Currency = Annotated[
    str,
    BeforeValidator(lambda value: value.strip().upper() if isinstance(value, str) else value),
    Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. NOK"),
]


def quarter_index(quarter: str) -> int:
    """Quarters as consecutive integers, for ordering: 2027-Q4 + 1 == 2028-Q1."""
    match = _QUARTER.fullmatch(quarter)
    if match is None:
        raise ValueError(f"expected a quarter written like '2027-Q1', got {quarter!r}")
    return int(match.group(1)) * 4 + int(match.group(2)) - 1


def band_for(score: float | None) -> Band | None:
    """DMA band of a 0-100 score, rounded half up first: 0-25 basic, 26-50 average,
    51-75 moderately advanced, 76-100 advanced; ``None`` for an unscored dimension."""
    if score is None:
        return None
    whole = math.floor(score + 0.5)
    if whole <= 25:
        return "basic"
    if whole <= 50:
        return "average"
    return "moderately_advanced" if whole <= 75 else "advanced"


def priority_for(impact: int | None, feasibility: int | None) -> Priority | None:
    """High/medium/low from impact x feasibility (see ``HIGH_PRIORITY_FROM``)."""
    if impact is None or feasibility is None:
        return None
    product = impact * feasibility
    if product >= HIGH_PRIORITY_FROM:
        return "high"
    return "medium" if product >= MEDIUM_PRIORITY_FROM else "low"


def next_id(prefix: str, taken: list[str]) -> str:
    """The next free id ("o4" after o1, o3): one past the highest number, so an id freed by a
    removal is never given again to something else."""
    numbers = [int(i[len(prefix) :]) for i in taken if i[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _require_unique_ids(items: list[Any], what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"two {what} share the id {item.id!r}; ids must be unique")
        seen.add(item.id)


class PlanModel(BaseModel):
    """Base for plan models: strict about unknown fields and NaN/infinity, lenient on absence."""

    model_config = ConfigDict(
        extra="forbid", allow_inf_nan=False, str_strip_whitespace=True, validate_assignment=True
    )

    @model_validator(mode="before")
    @classmethod
    def _ignore_derived_fields(cls, data: Any) -> Any:
        derived = cls.model_computed_fields
        if derived and isinstance(data, dict):
            return {key: value for key, value in data.items() if key not in derived}
        return data


class Money(PlanModel):
    amount: float = Field(ge=0)
    currency: Currency


class Profile(PlanModel):
    business_name: str | None = None
    industry: str | None = None
    staff: int | None = Field(default=None, ge=0)
    staff_off_season: int | None = Field(
        default=None, ge=0, description="outside the busy season: '9 in season, 3 in winter'"
    )
    annual_revenue: Money | None = None
    locations: list[str] = Field(default_factory=list)
    markets: list[str] = Field(default_factory=list)
    quiet_months: list[Annotated[int, Field(ge=1, le=12)]] = Field(
        default_factory=list,
        description="months (1-12) in which the owner said nothing new may start "
        "('no new projects March-June', 'nothing before February')",
    )
    # the language the business works in; the coaching language is StrategyPlan.language
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")


class DimensionState(PlanModel):
    """One DMA dimension. Unknown is not zero: with nothing answered the score is ``None``."""

    score: float | None = Field(default=None, ge=0, le=100)
    answered_share: float = Field(default=0.0, ge=0, le=1)
    evidence: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _no_score_without_answers(self) -> "DimensionState":
        if self.answered_share == 0 and self.score is not None:
            raise ValueError(
                "a dimension with no answered questions has no score yet: leave score empty "
                "(null) - unknown is not 0"
            )
        return self

    @computed_field
    @property
    def band(self) -> Band | None:
        return band_for(self.score)

    @computed_field
    @property
    def provisional(self) -> bool:
        return self.score is not None and self.answered_share < PROVISIONAL_BELOW

    @computed_field
    @property
    def dma_score(self) -> float:
        """As the DMA counts: an item not answered scores 0 (an unticked box), so the score
        over every question of the dimension, not only the answered ones."""
        return round((self.score or 0.0) * self.answered_share, 1)


class Maturity(PlanModel):
    """The six dimensions of the EU Digital Maturity Assessment; the overall score is their
    mean, as in the DMA."""

    strategy: DimensionState = Field(default_factory=DimensionState)
    readiness: DimensionState = Field(default_factory=DimensionState)
    human_centric: DimensionState = Field(default_factory=DimensionState)
    data_security: DimensionState = Field(default_factory=DimensionState)
    automation_ai: DimensionState = Field(default_factory=DimensionState)
    green: DimensionState = Field(default_factory=DimensionState)

    def dimensions(self) -> list[DimensionState]:
        return [getattr(self, name) for name in DIMENSION_NAMES]

    @computed_field
    @property
    def overall(self) -> float | None:
        """The mean of the dimensions scored so far, over the answers given."""
        scores = [d.score for d in self.dimensions() if d.score is not None]
        return round(sum(scores) / len(scores), 1) if scores else None

    @computed_field
    @property
    def overall_band(self) -> Band | None:
        return band_for(self.overall)

    @computed_field
    @property
    def overall_complete(self) -> bool:
        """Every dimension scored, none provisional."""
        return all(d.score is not None and not d.provisional for d in self.dimensions())

    @computed_field
    @property
    def dma_overall(self) -> float:
        """The mean of the six dimensions with every unanswered item counted as 0, as the
        DMA counts it: comparable with a DMA report, lower while answers are missing."""
        return round(sum(d.dma_score for d in self.dimensions()) / len(DIMENSION_NAMES), 1)

    @computed_field
    @property
    def dma_band(self) -> Band:
        return band_for(self.dma_overall) or "basic"


class TrafficSource(PlanModel):
    source: Text
    share_percent: Percent


class MarketingState(PlanModel):
    channels: list[str] = Field(default_factory=list)
    monthly_visits: float | None = Field(default=None, ge=0)
    traffic_sources: list[TrafficSource] = Field(default_factory=list)
    monthly_conversions: float | None = Field(default=None, ge=0)
    monthly_leads: float | None = Field(default=None, ge=0)
    social_followers: int | None = Field(default=None, ge=0)
    monthly_sales_from_social: float | None = Field(default=None, ge=0)
    online_revenue_share_percent: Percent | None = None

    @model_validator(mode="after")
    def _shares_fit_in_whole(self) -> "MarketingState":
        total = sum(source.share_percent for source in self.traffic_sources)
        if total > 100.5:
            raise ValueError(f"traffic source shares add up to {total:g} %, more than 100 %")
        return self


class Metric(PlanModel):
    name: Text
    value: float
    unit: str | None = None
    as_of: IsoDate | None = None
    source: str | None = None


class CurrentState(PlanModel):
    maturity: Maturity = Field(default_factory=Maturity)
    marketing: MarketingState = Field(default_factory=MarketingState)
    metrics: list[Metric] = Field(default_factory=list)
    top_gaps: list[str] = Field(default_factory=list, description="in plain words")


class Objective(PlanModel):
    id: Text
    category: ObjectiveCategory = "other"
    owner_words: Text = Field(description="the objective as the owner said it")
    dimension: DimensionName | None = None


class Citation(PlanModel):
    source: Text
    chunk_id: Text
    quote: str = ""


class Kpi(PlanModel):
    name: Text
    definition: str | None = Field(default=None, description="formula or definition")
    unit: str | None = None
    direction: Direction | None = None
    kind: Literal["leading", "lagging"] | None = None
    source: str | None = Field(default=None, description="where the number comes from")
    cadence: Cadence | None = None
    owner: str | None = None


class Baseline(PlanModel):
    """Today's value. ``pending`` means not known yet: then it has no number (never guess)."""

    value: float | None = None
    unit: str | None = None
    date: IsoDate | None = None
    status: BaselineStatus

    @model_validator(mode="after")
    def _number_matches_status(self) -> "Baseline":
        if self.status == "pending" and self.value is not None:
            raise ValueError(
                "a pending baseline has no number yet: remove the value, or mark the baseline "
                "'measured' or 'estimated' if the owner gave it"
            )
        if self.status != "pending" and self.value is None:
            raise ValueError(f"a {self.status} baseline needs a value; use status 'pending'")
        if self.value is not None and not self.unit:
            raise ValueError("a baseline value needs a unit (e.g. 'customers', 'NOK', '%')")
        return self


ValueStatus = Literal["given", "proposed"]


class Target(PlanModel):
    value: float
    unit: Text
    status: ValueStatus = Field(
        default="given", description="proposed: suggested by the coach, for the owner to confirm"
    )


class LetterCheck(PlanModel):
    ok: bool
    reason: str


class SmartLetters(PlanModel):
    specific: LetterCheck
    measurable: LetterCheck
    achievable: LetterCheck
    relevant: LetterCheck
    time_bound: LetterCheck


class Goal(PlanModel):
    """A time-boxed change in one metric. SMART quality is judged by ``smart.check_goal``."""

    id: Text
    statement: Text
    objective_id: str | None = None
    metric: str | None = None
    aim: str | None = Field(
        default=None,
        description="the owner's aim naming the goal, the target's digits as {target}",
    )
    scope: str | None = Field(default=None, description="channel, product, segment or process")
    direction: Direction | None = None
    baseline: Baseline | None = None
    target: Target | None = None
    change_percent: float | None = Field(
        default=None, description="'by 20 %': the aim relative to a today's value still pending"
    )
    period: Literal["year", "month", "week", "day"] | None = Field(
        default=None, description="what the figures count per ('30 cakes a week')"
    )
    hold: bool = Field(
        default=False, description="the aim is to keep today's level ('which I want to keep')"
    )
    deadline: IsoDate | None = None
    target_kept: bool = Field(
        default=False, description="the owner kept a target the realism check called steep"
    )
    deadline_status: ValueStatus = Field(
        default="given", description="proposed: suggested by the coach, for the owner to confirm"
    )
    horizon: Horizon | None = None
    kpis: list[Kpi] = Field(default_factory=list)
    owner: str | None = None
    smart: SmartLetters | None = None
    citations: list[Citation] = Field(default_factory=list)
    measuring_step: str | None = Field(
        default=None, description="how and when to measure a pending baseline"
    )


class Initiative(PlanModel):
    id: Text
    title: Text
    description: str = ""
    rationale: str = Field(default="", description="why it is in this plan, in one line")
    horizon: Horizon | None = None
    start: Quarter | None = None
    end: Quarter | None = None
    impact: int | None = Field(default=None, ge=1, le=5)
    feasibility: int | None = Field(default=None, ge=1, le=5)
    priority_override: Priority | None = Field(
        default=None, description="set by the owner; wins over impact x feasibility"
    )
    put_first: bool = Field(default=False, description="set by the owner: first in its lane")
    goal_ids: list[str] = Field(default_factory=list)
    resources: list[str] = Field(default_factory=list)
    depends_on: list[str] = Field(default_factory=list)
    owner: str | None = None
    citations: list[Citation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> "Initiative":
        if self.start and self.end and quarter_index(self.end) < quarter_index(self.start):
            raise ValueError(f"initiative ends ({self.end}) before it starts ({self.start})")
        if self.id in self.depends_on:
            raise ValueError(f"initiative {self.id!r} cannot depend on itself")
        return self

    @computed_field
    @property
    def priority(self) -> Priority | None:
        return self.priority_override or priority_for(self.impact, self.feasibility)


class ReviewCadence(PlanModel):
    check_in: Cadence = "monthly"
    review: Cadence = "quarterly"
    reassess_maturity_months: int = Field(default=12, ge=1, le=36)


class StrategyPlan(PlanModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    language: Language = "en"
    created: IsoDate = Field(default_factory=date.today)
    updated: IsoDate = Field(default_factory=date.today)
    profile: Profile = Field(default_factory=Profile)
    current_state: CurrentState = Field(default_factory=CurrentState)
    objectives: list[Objective] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    roadmap: list[Initiative] = Field(default_factory=list)
    review_cadence: ReviewCadence = Field(default_factory=ReviewCadence)
    open_questions: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> "StrategyPlan":
        if self.updated < self.created:
            raise ValueError(f"updated ({self.updated}) is before created ({self.created})")
        _require_unique_ids(self.objectives, "objectives")
        _require_unique_ids(self.goals, "goals")
        _require_unique_ids(self.roadmap, "initiatives")
        return self
