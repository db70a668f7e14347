"""A session as the web app shows it: chat messages, plan panels, charts, answer controls.

Pure functions of the session state (no Gradio here), so they are tested without a browser.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from assistant.coaching.catalogue import MaturityQuestion
from assistant.coaching.messages import Messages
from assistant.coaching.quick_answers import choices
from assistant.coaching.sessions import SessionInfo
from assistant.coaching.state import SessionState
from assistant.reporting.views import Labels, source_numbers
from assistant.web.charts import maturity_figure, timeline_figure
from assistant.web.plan_panel import (
    goals_html,
    heading_html,
    lanes_html,
    maturity_heading_html,
    open_questions_html,
    profile_html,
)
from assistant.web.sources_panel import sources_html

QUICK_SLOTS = 4  # the most questions the interview asks in one step
_MARKER = re.compile(r"\[(\d{1,3})\]")


class QuickSlot(BaseModel):
    """One answer control: a single choice (yes/partly/no, 0-5) or a checklist."""

    question_id: str
    label: str
    checklist: bool
    choices: list[tuple[str, str]]


class PanelView(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    profile: str
    maturity_heading: str
    maturity: Any  # plotly Figure
    goals: str
    lanes: str
    timeline_heading: str
    timeline: Any  # plotly Figure
    open_questions: str
    sources: str
    goal_choices: list[tuple[str, str]]
    initiative_choices: list[tuple[str, str]]


def link_markers(text: str, known: int) -> str:
    """``[n]`` markers that name a retrieved passage become links to the sources panel;
    any other bracketed number is left alone (it points at nothing)."""

    def link(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if 1 <= number <= known:
            return f"[\\[{number}\\]](#source-{number})"
        return match.group(0)

    return _MARKER.sub(link, text)


def as_text(text: str) -> str:
    """Markdown-safe text: any HTML a person or a document wrote shows as the characters
    typed, never as markup (``<script>`` stays visible and inert; Markdown still works)."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def chat_messages(state: SessionState) -> list[dict[str, str]]:
    known = len(state.sources)
    return [
        {
            "role": turn.role,
            "content": link_markers(as_text(turn.content), known)
            if turn.role == "assistant"
            else as_text(turn.content),
        }
        for turn in state.transcript
    ]


def reply_index(state: SessionState, message_index: int) -> int:
    """Which reply (0-based, replies only) the chat message at ``message_index`` is."""
    return sum(1 for turn in state.transcript[:message_index] if turn.role == "assistant")


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def panels(state: SessionState, today: date) -> PanelView:
    plan = state.plan
    labels = Labels(plan.language)
    numbers = source_numbers(state.sources)
    return PanelView(
        profile=profile_html(plan, labels),
        maturity_heading=maturity_heading_html(plan, labels),
        maturity=maturity_figure(plan, labels),
        goals=goals_html(plan, labels, today, numbers),
        lanes=lanes_html(plan, labels, numbers),
        timeline_heading=heading_html("timeline", labels),
        timeline=timeline_figure(plan, labels),
        open_questions=open_questions_html(plan, labels),
        sources=sources_html(state),
        goal_choices=[
            (f"{n}. {_short(goal.statement)}", goal.id)
            for n, goal in enumerate(plan.goals, start=1)
        ],
        initiative_choices=[(_short(item.title), item.id) for item in plan.roadmap],
    )


def quick_slots(questions: list[MaturityQuestion], language: str) -> list[QuickSlot]:
    return [
        QuickSlot(
            question_id=question.id,
            label=question.text.get(language),
            checklist=question.kind == "checklist",
            choices=choices(question, language),
        )
        for question in questions[:QUICK_SLOTS]
    ]


def session_choices(sessions: list[SessionInfo]) -> list[tuple[str, str]]:
    return [(f"{info.title} · {info.updated:%Y-%m-%d %H:%M}", info.id) for info in sessions]


def goal_fields(state: SessionState, goal_id: str | None) -> dict[str, Any]:
    """The editable values of a goal, for the edit form."""
    goal = next((g for g in state.plan.goals if g.id == goal_id), None)
    if goal is None:
        return {"statement": "", "baseline": None, "target": None, "deadline": ""}
    return {
        "statement": goal.statement,
        "baseline": goal.baseline.value if goal.baseline else None,
        "target": goal.target.value if goal.target else None,
        "deadline": goal.deadline.isoformat() if goal.deadline else "",
    }


def initiative_fields(state: SessionState, item_id: str | None) -> dict[str, Any]:
    item = next((i for i in state.plan.roadmap if i.id == item_id), None)
    if item is None:
        return {"horizon": None, "priority": None}
    return {"horizon": item.horizon, "priority": item.priority}


UNDERSTOOD_FIELDS = ("business_name", "industry", "staff", "revenue", "markets")


def understood_fields(state: SessionState) -> dict[str, dict[str, Any]]:
    """Each profile fact as the plan holds it, with the owner's words it was read from (for
    the "What I understood" table): field -> {"label", "value", "words"}."""
    say = Messages(state.plan.language)
    profile = state.plan.profile
    values: dict[str, Any] = {
        "business_name": profile.business_name or "",
        "industry": profile.industry or "",
        "staff": profile.staff,
        "revenue": profile.annual_revenue.amount if profile.annual_revenue else None,
        "markets": ", ".join(profile.markets),
    }
    return {
        field: {
            "label": say.label("understood_fields", field),
            "value": values[field],
            "words": state.understood.get(field, ""),
        }
        for field in UNDERSTOOD_FIELDS
    }
