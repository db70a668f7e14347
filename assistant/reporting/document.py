"""The exported plan's content, gathered once so DOCX, PDF and Markdown say the same thing.

Each exporter walks a ``PlanDocument`` top to bottom and only decides how things look; the
words, numbers and their order come from ``views`` through here, in the plan's language.
"""

from __future__ import annotations

import math
from datetime import date

from pydantic import BaseModel

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.state import SessionState
from assistant.reporting import views
from assistant.reporting.views import GoalRow, InitiativeRow, Labels, MaturityRow, SourceRow

PASS_MARK = "✓"
FAIL_MARK = "✗"
SECTION_KEYS = (
    "profile",
    "maturity",
    "top_gaps",
    "goals",
    "roadmap",
    "timeline",
    "review",
    "open_questions",
    "sources",
)
QUOTE_MARKS = {"en": ("“", "”"), "nb": ("«", "»"), "sv": ("”", "”"), "ru": ("«", "»")}
GOAL_COLUMNS = ("number", "goal", "metric", "baseline", "target", "deadline", "smart")


class PlanDocument(BaseModel):
    """Everything an exported plan shows, as text in the plan's language."""

    language: str
    title: str
    client: str
    prepared_for: str
    drafted_with: str
    sections: dict[str, str]
    profile: list[tuple[str, str]]
    maturity: list[MaturityRow]
    maturity_overall: list[MaturityRow]
    maturity_note: str
    top_gaps: list[str]
    goal_headers: list[str]
    goals: list[GoalRow]
    lanes: list[tuple[str, list[InitiativeRow]]]  # only lanes that have items
    review: str
    open_questions: list[str]
    sources: list[SourceRow]
    no_goals: str
    no_initiatives: str
    no_open_questions: str
    no_sources: str
    priority_label: str
    quoted_label: str


def plan_document(state: SessionState, today: date) -> PlanDocument:
    plan = state.plan
    labels = Labels(plan.language)
    numbers = views.source_numbers(state.sources)
    client = views.client_name(plan, labels)
    return PlanDocument(
        language=plan.language,
        title=labels.text("title"),
        client=client,
        prepared_for=labels.text("prepared_for", client=client),
        drafted_with=labels.text("drafted_with", date=today.isoformat()),
        sections={key: labels.of("sections", key) for key in SECTION_KEYS},
        profile=views.profile_rows(plan, labels),
        maturity=views.maturity_rows(plan, labels),
        maturity_overall=views.overall_rows(plan, labels),
        maturity_note=labels.interview.say(
            "maturity_note", count=len(load_maturity_questions().questions)
        ),
        top_gaps=list(plan.current_state.top_gaps),
        goal_headers=[labels.of("goal_headers", key) for key in GOAL_COLUMNS],
        goals=views.goal_rows(plan, labels, today, numbers),
        lanes=[(name, items) for name, items in views.lanes(plan, labels, numbers) if items],
        review=views.review_text(plan, labels),
        open_questions=list(plan.open_questions),
        sources=views.cited_sources(state),
        no_goals=labels.text("no_goals"),
        no_initiatives=labels.text("no_initiatives"),
        no_open_questions=labels.text("no_open_questions"),
        no_sources=labels.text("no_sources"),
        priority_label=labels.text("priority_label"),
        quoted_label=labels.text("cited_quote"),
    )


def smart_badge(goal: GoalRow) -> str:
    """'S✓ M✓ A✗ R✓ T✓': which SMART letters the goal passes, readable without colour."""
    return " ".join(f"{v.letter}{PASS_MARK if v.ok else FAIL_MARK}" for v in goal.letters)


def citation_marks(numbers: list[int]) -> str:
    """'[1] [3]', matching the markers in the coach's replies and the sources list."""
    return " ".join(f"[{n}]" for n in numbers)


def with_citations(text: str, numbers: list[int]) -> str:
    marks = citation_marks(numbers)
    return f"{text} {marks}" if marks else text


def goal_notes(goal: GoalRow, labels: Labels) -> list[str]:
    """What to fix (each failing letter's reason) and how to measure a pending baseline."""
    notes = [f"{v.letter} – {v.name}: {v.reason}" for v in goal.letters if not v.ok]
    if goal.measuring_step:
        notes.append(labels.text("measuring_step", step=goal.measuring_step))
    return notes


def quarters(item: InitiativeRow) -> str:
    if not item.start:
        return ""
    end = item.end or item.start
    return item.start if end == item.start else f"{item.start} – {end}"


def initiative_meta(item: InitiativeRow, priority_label: str) -> str:
    """'Priority: high · 2027-Q1 – 2027-Q3 · [4]' for one roadmap item."""
    parts = [f"{priority_label}: {item.priority_label}", quarters(item)]
    parts.append(citation_marks(item.citation_numbers))
    return " · ".join(part for part in parts if part)


def maturity_text(row: MaturityRow, labels: Labels) -> str:
    """'69 – moderately advanced' / '0 – basic (provisional)' / 'unknown (not answered yet)'."""
    if row.score is None:
        return labels.text("unknown_score")
    score = math.floor(row.score + 0.5)  # half up, as plan.band_for rounds
    text = f"{score} – {row.band}" if row.band else str(score)
    return f"{text} ({labels.text('provisional')})" if row.provisional else text


def source_caption(source: SourceRow) -> str:
    return f"[{source.number}] {source.title} ({source.language})"


def quoted(text: str, language: str) -> str:
    """A quoted sentence with the quotation marks the plan's language uses."""
    opening, closing = QUOTE_MARKS.get(language, QUOTE_MARKS["en"])
    return f"{opening}{text}{closing}"
