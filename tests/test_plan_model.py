"""The strategy plan as data: partial plans validate, nonsense is rejected with a clear message,
derived fields follow their documented rules, and a plan survives a JSON round trip."""

import copy
import json
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from assistant.coaching.plan import (
    Baseline,
    DimensionState,
    Goal,
    Initiative,
    MarketingState,
    Money,
    StrategyPlan,
    quarter_index,
)

# A plan as the drafting step would emit it, in JSON types.
PLAN: dict[str, Any] = {
    "schema_version": 1,
    "language": "nb",
    "created": "2026-04-01",
    "updated": "2026-04-02",
    "profile": {
        "business_name": "Fjordbakeriet AS",
        "industry": "bakery",
        "staff": 14,
        "annual_revenue": {"amount": 9_500_000, "currency": "NOK"},
        "locations": ["Bergen"],
        "markets": ["Vestland"],
        "language": "nb",
    },
    "current_state": {
        "maturity": {
            "strategy": {"score": 40, "answered_share": 0.8, "evidence": ["no written plan"]},
            "data_security": {"score": 20, "answered_share": 0.3},
        },
        "marketing": {
            "channels": ["instagram", "website"],
            "monthly_visits": 3200,
            "traffic_sources": [
                {"source": "search", "share_percent": 55},
                {"source": "social", "share_percent": 30},
            ],
            "social_followers": 4100,
            "online_revenue_share_percent": 8,
        },
        "metrics": [
            {"name": "web orders", "value": 120, "unit": "orders/month", "as_of": "2026-03-31"}
        ],
        "top_gaps": ["No off-site backup"],
    },
    "objectives": [
        {"id": "o1", "category": "revenue_growth", "owner_words": "Sell more catering to firms"}
    ],
    "goals": [
        {
            "id": "g1",
            "statement": "Øke andelen bedriftskunder fra 30 % til 50 % innen mars 2027",
            "objective_id": "o1",
            "metric": "B2B share of revenue",
            "direction": "increase",
            "baseline": {"value": 30, "unit": "%", "date": "2026-03-31", "status": "measured"},
            "target": {"value": 50, "unit": "%"},
            "deadline": "2027-03-31",
            "horizon": "medium",
            "kpis": [{"name": "B2B revenue share", "kind": "lagging", "cadence": "monthly"}],
            "citations": [{"source": "sv-identifiera-digitala-mal", "chunk_id": "c3"}],
        },
        {
            "id": "g2",
            "statement": "Cut order handling time",
            "baseline": {"status": "pending", "unit": "minutes"},
            "measuring_step": "time ten orders next week",
        },
    ],
    "roadmap": [
        {
            "id": "i1",
            "title": "Web shop for catering",
            "start": "2026-Q3",
            "end": "2027-Q1",
            "impact": 5,
            "feasibility": 3,
            "goal_ids": ["g1"],
        },
        {
            "id": "i2",
            "title": "Off-site backup",
            "start": "2026-Q2",
            "end": "2026-Q2",
            "impact": 3,
            "feasibility": 5,
            "depends_on": [],
        },
    ],
    "open_questions": ["Who owns the web shop?"],
}


def plan_with(path: str, value: Any) -> dict[str, Any]:
    """A deep copy of PLAN with the value at a dotted path ("goals.0.deadline") replaced."""
    data = copy.deepcopy(PLAN)
    *parents, last = path.split(".")
    node: Any = data
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[int(last) if isinstance(node, list) else last] = value
    return data


def test_full_plan_validates_and_round_trips_through_json() -> None:
    plan = StrategyPlan.model_validate(PLAN)
    again = StrategyPlan.model_validate_json(plan.model_dump_json())

    assert again == plan
    dumped = json.loads(plan.model_dump_json())
    assert dumped["roadmap"][0]["priority"] == "high"
    assert dumped["current_state"]["maturity"]["strategy"]["band"] == "average"


@pytest.mark.parametrize(
    "partial",
    [
        {},
        {"profile": {"business_name": "Fjordbakeriet"}},
        {"goals": [{"id": "g1", "statement": "More catering orders"}]},
        {"roadmap": [{"id": "i1", "title": "Web shop"}]},
        {"objectives": [{"id": "o1", "owner_words": "Grow"}], "open_questions": ["Budget?"]},
    ],
)
def test_partial_plans_mid_interview_are_valid(partial: dict[str, Any]) -> None:
    plan = StrategyPlan.model_validate(partial)
    assert plan.schema_version == 1
    assert plan.current_state.maturity.green.score is None


def test_json_schema_is_available_for_both_directions() -> None:
    schema = StrategyPlan.model_json_schema()
    output = StrategyPlan.model_json_schema(mode="serialization")

    assert {"goals", "roadmap", "schema_version", "open_questions"} <= set(schema["properties"])
    assert "priority" in json.dumps(output)
    json.dumps(schema)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("roadmap.0.impact", 7, "less than or equal to 5"),
        ("roadmap.0.feasibility", 0, "greater than or equal to 1"),
        ("roadmap.0.impact", 4.5, "valid integer"),
        ("goals.0.deadline", "next spring", "YYYY-MM-DD"),
        ("goals.0.deadline", "2027-02-30", "not a real calendar date"),
        ("goals.0.deadline", 20270101, "YYYY-MM-DD"),
        ("goals.0.horizon", "soon", "'short', 'medium' or 'long'"),
        ("goals.0.direction", "sideways", "'increase' or 'decrease'"),
        ("goals.0.target.value", "lots", "valid number"),
        ("goals.0.target.value", float("nan"), "finite number"),
        ("goals.0.target.unit", "", "at least 1 character"),
        ("roadmap.0.start", "2027-Q5", "quarter written like '2027-Q1'"),
        ("roadmap.0.end", "Q1 2027", "quarter written like '2027-Q1'"),
        ("roadmap.0.end", "2026-Q2", "ends (2026-Q2) before it starts (2026-Q3)"),
        ("roadmap.1.depends_on", ["i2"], "cannot depend on itself"),
        ("objectives.0.category", "world_domination", "revenue_growth"),
        ("schema_version", 2, "Input should be 1"),
        ("language", "de", "'en', 'nb', 'sv' or 'ru'"),
        ("goals.0.deadlne", "2027-03-31", "Extra inputs are not permitted"),
        ("updated", "2026-03-01", "before created"),
        ("goals.1.id", "g1", "two goals share the id 'g1'"),
        ("profile.staff", -3, "greater than or equal to 0"),
        ("profile.annual_revenue.currency", "kroner", "String should match pattern"),
        ("current_state.maturity.green", {"score": 0}, "unknown is not 0"),
        ("current_state.maturity.strategy.score", 140, "less than or equal to 100"),
        ("current_state.marketing.traffic_sources.1.share_percent", 70, "more than 100 %"),
        ("goals.0.baseline.status", "pending", "a pending baseline has no number yet"),
    ],
)
def test_nonsense_is_rejected_with_a_clear_message(path: str, value: Any, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        StrategyPlan.model_validate(plan_with(path, value))
    assert message in str(caught.value)
    # the error points at the offending field, or at the model that holds the conflict
    location = ".".join(str(part) for part in caught.value.errors()[0]["loc"])
    assert path.startswith(location)


def test_baseline_is_never_invented() -> None:
    with pytest.raises(ValidationError, match="pending baseline has no number"):
        Baseline(value=120, unit="orders", status="pending")
    with pytest.raises(ValidationError, match="needs a value"):
        Baseline(unit="orders", status="measured")
    with pytest.raises(ValidationError, match="needs a unit"):
        Baseline(value=120, status="estimated")
    assert Baseline(status="pending").value is None


def test_assignments_are_validated_too() -> None:
    goal = Goal(id="g", statement="More catering orders")
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        goal.deadline = "soon"  # type: ignore[assignment]
    goal.deadline = "2027-01-31"  # type: ignore[assignment]
    assert goal.deadline == date(2027, 1, 31)

    initiative = Initiative(id="i", title="Web shop", impact=2, feasibility=2)
    with pytest.raises(ValidationError, match="less than or equal to 5"):
        initiative.impact = 9
    initiative.impact = 5
    assert initiative.priority == "medium"


@pytest.mark.parametrize(
    ("impact", "feasibility", "priority"),
    [
        (5, 5, "high"),
        (5, 3, "high"),
        (4, 4, "high"),
        (3, 3, "medium"),
        (4, 2, "medium"),
        (2, 3, "low"),
        (5, 1, "low"),
        (1, 1, "low"),
        (None, 4, None),
        (4, None, None),
    ],
)
def test_priority_follows_impact_times_feasibility(
    impact: int | None, feasibility: int | None, priority: str | None
) -> None:
    initiative = Initiative(id="i", title="t", impact=impact, feasibility=feasibility)
    assert initiative.priority == priority


def test_a_stale_priority_in_input_is_recomputed() -> None:
    loaded = Initiative.model_validate(
        {"id": "i", "title": "t", "impact": 1, "feasibility": 2, "priority": "high"}
    )
    assert loaded.priority == "low"


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "basic"),
        (25, "basic"),
        (25.4, "basic"),
        (25.5, "average"),
        (26, "average"),
        (50, "average"),
        (51, "moderately_advanced"),
        (75, "moderately_advanced"),
        (76, "advanced"),
        (100, "advanced"),
        (None, None),
    ],
)
def test_maturity_band_follows_the_dma_bands(score: float | None, band: str | None) -> None:
    assert DimensionState(score=score, answered_share=1.0).band == band


def test_unknown_is_not_zero_and_thin_evidence_is_provisional() -> None:
    unscored = DimensionState()
    assert (unscored.score, unscored.band, unscored.provisional) == (None, None, False)
    assert DimensionState(score=30, answered_share=0.4).provisional
    assert not DimensionState(score=30, answered_share=0.5).provisional
    assert DimensionState(score=0, answered_share=0.6).band == "basic"  # answered, truly 0


def test_inputs_are_normalised() -> None:
    assert Money(amount=1, currency=" nok ").currency == "NOK"
    initiative = Initiative(id="i", title="t", start="2026-q4", end=" 2027-Q1 ")
    assert (initiative.start, initiative.end) == ("2026-Q4", "2027-Q1")
    assert quarter_index("2027-Q1") == quarter_index("2026-Q4") + 1
    with pytest.raises(ValueError, match="2027-Q1"):
        quarter_index("2027Q1")


def test_marketing_shares_up_to_a_whole_are_fine() -> None:
    sources = [{"source": "search", "share_percent": 60}, {"source": "ads", "share_percent": 40}]
    assert len(MarketingState.model_validate({"traffic_sources": sources}).traffic_sources) == 2
