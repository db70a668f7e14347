"""The plan and the conversation as Markdown files to download.

``plan_markdown_document`` has the same sections, in the same order, as the DOCX/PDF (charts
become lists); ``strategy-coach plan --brief`` prints it too.
"""

from __future__ import annotations

from datetime import date

from assistant.coaching.state import SessionState
from assistant.reporting import views
from assistant.reporting.document import (
    PlanDocument,
    goal_notes,
    initiative_meta,
    maturity_text,
    plan_document,
    quoted,
    smart_badge,
    source_caption,
    with_citations,
)
from assistant.reporting.views import Labels


def _cell(text: str) -> str:
    """Table cell text: a '|' or line break written by the owner must not break the table."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _row(values: list[str]) -> str:
    return "| " + " | ".join(_cell(value) for value in values) + " |"


def _goals(doc: PlanDocument, labels: Labels) -> list[str]:
    if not doc.goals:
        return [doc.no_goals, ""]
    lines = [_row(doc.goal_headers), "|" + "---|" * len(doc.goal_headers)]
    for goal in doc.goals:
        lines.append(
            _row(
                [
                    str(goal.number),
                    with_citations(goal.statement, goal.citation_numbers),
                    goal.metric,
                    goal.baseline,
                    goal.target,
                    goal.deadline,
                    smart_badge(goal),
                ]
            )
        )
    lines.append("")
    for goal in doc.goals:
        notes = goal_notes(goal, labels)
        if notes:
            lines.append(f"**{goal.number}.** {goal.statement}")
            lines += [f"- {note}" for note in notes]
            lines.append("")
    return lines


def _roadmap(doc: PlanDocument) -> list[str]:
    if not doc.lanes:
        return [doc.no_initiatives, ""]
    lines = []
    for lane, items in doc.lanes:
        lines += [f"### {lane}", ""]
        for item in items:
            lines.append(f"- **{item.title}** — {initiative_meta(item, doc.priority_label)}")
            if item.description:
                lines.append(f"  {item.description}")
            if item.rationale:
                lines.append(f"  *{item.rationale}*")
        lines.append("")
    return lines


def _timeline(state: SessionState, doc: PlanDocument, labels: Labels) -> list[str]:
    """The Gantt chart as text: which initiatives run in each quarter."""
    bars = views.timeline_bars(state.plan, labels)
    if not bars:
        return [doc.no_initiatives, ""]
    lines = []
    for index in range(min(b.first for b in bars), max(b.last for b in bars) + 1):
        running = [bar.title for bar in bars if bar.first <= index <= bar.last]
        if running:
            lines.append(f"- **{views.quarter_name(index)}**: {'; '.join(running)}")
    return [*lines, ""]


def _sources(doc: PlanDocument) -> list[str]:
    if not doc.sources:
        return [doc.no_sources, ""]
    lines = []
    for source in doc.sources:
        lines += [f"**{source_caption(source)}**  ", f"*{source.heading}*", ""]
        lines += [f"> {doc.quoted_label}: {quoted(q, doc.language)}\n" for q in source.quotes]
    return lines


def plan_markdown_document(state: SessionState, today: date) -> str:
    """The whole plan as Markdown, sections as in the DOCX/PDF, in the plan's language."""
    doc = plan_document(state, today)
    labels = Labels(doc.language)
    heads = doc.sections
    lines = [f"# {doc.title}: {doc.client}", "", f"{doc.prepared_for}  ", doc.drafted_with, ""]
    lines += [f"## {heads['profile']}", ""]
    lines += [f"- **{field}:** {value}" for field, value in doc.profile]
    lines += ["", f"## {heads['maturity']}", ""]
    rows = doc.maturity + doc.maturity_overall
    lines += [f"- {row.label}: {maturity_text(row, labels)}" for row in rows]
    lines += ["", doc.maturity_note]
    lines.append("")
    if doc.top_gaps:
        lines += [f"### {heads['top_gaps']}", "", *[f"- {gap}" for gap in doc.top_gaps], ""]
    lines += [f"## {heads['goals']}", "", *_goals(doc, labels)]
    lines += [f"## {heads['roadmap']}", "", *_roadmap(doc)]
    lines += [f"## {heads['timeline']}", "", *_timeline(state, doc, labels)]
    lines += [f"## {heads['review']}", "", doc.review, ""]
    lines += [f"## {heads['open_questions']}", ""]
    lines += [f"- {q}" for q in doc.open_questions] or [doc.no_open_questions]
    lines += ["", f"## {heads['sources']}", "", *_sources(doc)]
    return "\n".join(lines).rstrip() + "\n"


def transcript_markdown(state: SessionState) -> str:
    """The conversation turn by turn, roles in the plan's language, messages verbatim."""
    labels = Labels(state.plan.language)
    client = views.client_name(state.plan, labels)
    lines = [f"# {labels.of('sections', 'transcript')}: {client}", ""]
    for role, content in views.transcript(state.transcript, labels):
        lines += [f"### {role}", "", content.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"
