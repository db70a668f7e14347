"""The plan as rows ready to show: one source for the web app's panels and the exports.

Everything here is plain data in the plan's language (labels from
``prompts/templates/report.yaml`` and ``interview.yaml``); nothing here draws or formats
for a particular medium.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from assistant.coaching.drafting import shown_number
from assistant.coaching.messages import Messages
from assistant.coaching.plan import (
    DIMENSION_NAMES,
    Baseline,
    Goal,
    Horizon,
    Initiative,
    Priority,
    StrategyPlan,
    quarter_index,
)
from assistant.coaching.smart import check_goal
from assistant.coaching.state import ChatTurn, SessionState
from assistant.knowledge.models import SearchResult

LANES: tuple[Horizon, ...] = ("short", "medium", "long")
SMART_LETTERS = ("specific", "measurable", "achievable", "relevant", "time_bound")


class Labels:
    """Report labels in one language (falls back to English key by key)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.report = Messages(language, "report")
        self.interview = Messages(language, "interview")

    def text(self, key: str, **values: object) -> str:
        return self.report.say(key, **values)

    def of(self, group: str, key: str) -> str:
        return self.report.label(group, key)

    def dimension(self, name: str) -> str:
        return self.interview.label("dimensions", name)

    def band(self, band: str) -> str:
        return self.interview.label("bands", band)


class MaturityRow(BaseModel):
    dimension: str
    label: str
    score: float | None  # None = unknown, never 0
    band: str | None
    provisional: bool


class LetterView(BaseModel):
    letter: str  # S, M, A, R, T
    name: str
    ok: bool
    reason: str


class GoalRow(BaseModel):
    number: int
    id: str
    statement: str
    metric: str
    baseline: str
    target: str
    deadline: str
    horizon: str
    letters: list[LetterView]
    passed: int
    measuring_step: str | None
    citation_numbers: list[int]


class InitiativeRow(BaseModel):
    id: str
    title: str
    description: str
    rationale: str = ""  # why it is in this plan
    horizon: Horizon | None
    lane: str
    start: str | None
    end: str | None
    priority: Priority | None
    priority_label: str
    citation_numbers: list[int]


class TimelineBar(BaseModel):
    id: str
    title: str
    start: str
    end: str
    first: int  # quarter index of the start (see plan.quarter_index)
    last: int  # quarter index of the end (inclusive)
    priority: Priority | None
    priority_label: str


class SourceRow(BaseModel):
    number: int  # the [n] marker used in replies
    chunk_id: str
    title: str
    language: str
    heading: str
    source: str
    text: str
    quotes: list[str]


def _number(value: float, language: str = "en") -> str:
    return shown_number(value, language)


def _amount(value: float | None, unit: str | None, labels: Labels) -> str:
    if value is None:
        return ""
    unit = labels.interview.label("units", unit) if unit else ""
    shown = _number(value, labels.language)
    return f"{shown}{unit}" if unit == "%" else f"{shown} {unit}".strip()


def baseline_text(baseline: Baseline | None, labels: Labels) -> str:
    if baseline is None or baseline.status == "pending" or baseline.value is None:
        return labels.text("pending_baseline")
    return _amount(baseline.value, baseline.unit, labels)


def profile_rows(plan: StrategyPlan, labels: Labels) -> list[tuple[str, str]]:
    profile = plan.profile
    unknown = labels.text("unknown")
    revenue = (
        f"{_number(profile.annual_revenue.amount)} {profile.annual_revenue.currency}"
        if profile.annual_revenue
        else unknown
    )
    values = {
        "business_name": profile.business_name or unknown,
        "industry": profile.industry or unknown,
        "staff": str(profile.staff) if profile.staff is not None else unknown,
        "revenue": revenue,
        "markets": ", ".join(profile.markets) or unknown,
        "locations": ", ".join(profile.locations),  # premises: only when the owner counts them
    }
    return [(labels.of("profile_fields", key), value) for key, value in values.items() if value]


def maturity_rows(plan: StrategyPlan, labels: Labels) -> list[MaturityRow]:
    rows = []
    for name in DIMENSION_NAMES:
        state = getattr(plan.current_state.maturity, name)
        rows.append(
            MaturityRow(
                dimension=name,
                label=labels.dimension(name),
                score=state.score,
                band=labels.band(state.band) if state.band else None,
                provisional=state.provisional,
            )
        )
    return rows


def overall_rows(plan: StrategyPlan, labels: Labels) -> list[MaturityRow]:
    """The overall score over the answers given, and the DMA-comparable one."""
    maturity = plan.current_state.maturity
    return [
        MaturityRow(
            dimension="overall",
            label=labels.dimension("overall"),
            score=maturity.overall,
            band=labels.band(maturity.overall_band) if maturity.overall_band else None,
            provisional=not maturity.overall_complete,
        ),
        MaturityRow(
            dimension="dma_overall",
            label=labels.dimension("dma_overall"),
            score=maturity.dma_overall,
            band=labels.band(maturity.dma_band),
            provisional=False,
        ),
    ]


def _target_text(goal: Goal, labels: Labels) -> str:
    """The target, or the change the owner asked for while today's value waits ("+20 %")."""
    if goal.target is not None:
        return _amount(goal.target.value, goal.target.unit, labels)
    if goal.change_percent is not None:
        return f"{goal.change_percent:+g} %"
    return ""


def source_numbers(sources: dict[str, SearchResult]) -> dict[str, int]:
    """The [n] marker of each retrieved passage: its place in the session's sources."""
    return {chunk_id: number for number, chunk_id in enumerate(sources, start=1)}


def _cited(citations: list, numbers: dict[str, int]) -> list[int]:
    return sorted({numbers[c.chunk_id] for c in citations if c.chunk_id in numbers})


def goal_rows(
    plan: StrategyPlan, labels: Labels, today: date, numbers: dict[str, int] | None = None
) -> list[GoalRow]:
    numbers = numbers or {}
    rows = []
    for number, goal in enumerate(plan.goals, start=1):
        letters = goal.smart or check_goal(goal, plan.objectives, today, plan.language).letters
        views = [
            LetterView(
                letter=name[0].upper(),
                name=labels.of("smart_letters", name),
                ok=getattr(letters, name).ok,
                reason=getattr(letters, name).reason,
            )
            for name in SMART_LETTERS
        ]
        rows.append(
            GoalRow(
                number=number,
                id=goal.id,
                statement=goal.statement,
                metric=goal.metric or "",
                baseline=baseline_text(goal.baseline, labels),
                target=_target_text(goal, labels),
                deadline=goal.deadline.isoformat() if goal.deadline else "",
                horizon=labels.of("lanes", goal.horizon) if goal.horizon else "",
                letters=views,
                passed=sum(view.ok for view in views),
                measuring_step=goal.measuring_step,
                citation_numbers=_cited(goal.citations, numbers),
            )
        )
    return rows


def _initiative_row(item: Initiative, labels: Labels, numbers: dict[str, int]) -> InitiativeRow:
    return InitiativeRow(
        id=item.id,
        title=item.title,
        description=item.description,
        rationale=item.rationale,
        horizon=item.horizon,
        lane=labels.of("lanes", item.horizon or "none"),
        start=item.start,
        end=item.end,
        priority=item.priority,
        priority_label=labels.of("priorities", item.priority or "none"),
        citation_numbers=_cited(item.citations, numbers),
    )


def lanes(
    plan: StrategyPlan, labels: Labels, numbers: dict[str, int] | None = None
) -> list[tuple[str, list[InitiativeRow]]]:
    """Now / Next / Later (short / medium / long), plus unscheduled items if any."""
    numbers = numbers or {}
    out = []
    for horizon in LANES:
        items = [_initiative_row(i, labels, numbers) for i in plan.roadmap if i.horizon == horizon]
        out.append((labels.of("lanes", horizon), items))
    loose = [_initiative_row(i, labels, numbers) for i in plan.roadmap if i.horizon is None]
    if loose:
        out.append((labels.of("lanes", "none"), loose))
    return out


def timeline_bars(plan: StrategyPlan, labels: Labels) -> list[TimelineBar]:
    """Initiatives with a start quarter, in start order (an item without an end lasts one)."""
    bars = []
    for item in plan.roadmap:
        if not item.start:
            continue
        end = item.end or item.start
        bars.append(
            TimelineBar(
                id=item.id,
                title=item.title,
                start=item.start,
                end=end,
                first=quarter_index(item.start),
                last=quarter_index(end),
                priority=item.priority,
                priority_label=labels.of("priorities", item.priority or "none"),
            )
        )
    return sorted(bars, key=lambda bar: (bar.first, bar.last, bar.title))


def quarter_name(index: int) -> str:
    """Inverse of ``plan.quarter_index``: 8108 -> '2027-Q1'."""
    return f"{index // 4}-Q{index % 4 + 1}"


def review_text(plan: StrategyPlan, labels: Labels) -> str:
    cadence = plan.review_cadence
    return labels.text(
        "review_text",
        check_in=labels.of("cadences", cadence.check_in),
        review=labels.of("cadences", cadence.review),
        months=cadence.reassess_maturity_months,
    )


def cited_sources(state: SessionState) -> list[SourceRow]:
    """Every passage the plan cites, numbered as the [n] markers in the replies."""
    numbers = source_numbers(state.sources)
    quotes: dict[str, list[str]] = {k: list(v) for k, v in state.side_quotes.items()}
    plan = state.plan
    for holder in [*plan.goals, *plan.roadmap]:
        for citation in holder.citations:
            if citation.chunk_id in numbers and citation.quote:
                found = quotes.setdefault(citation.chunk_id, [])
                if citation.quote not in found:
                    found.append(citation.quote)
    rows = []
    for chunk_id, number in numbers.items():
        passage = state.sources[chunk_id]
        rows.append(
            SourceRow(
                number=number,
                chunk_id=chunk_id,
                title=passage.title,
                language=passage.language,
                heading=passage.heading,
                source=passage.source,
                text=passage.text,
                quotes=quotes.get(chunk_id, []),
            )
        )
    return rows


def transcript(turns: list[ChatTurn], labels: Labels) -> list[tuple[str, str]]:
    return [(labels.of("roles", turn.role), turn.content) for turn in turns]


def client_name(plan: StrategyPlan, labels: Labels) -> str:
    return plan.profile.business_name or labels.text("unnamed_client")


def find_goal(plan: StrategyPlan, goal_id: str) -> Goal | None:
    return next((goal for goal in plan.goals if goal.id == goal_id), None)
