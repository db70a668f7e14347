"""HTML for the web app's live plan panel: profile, SMART goals, Now/Next/Later lanes, questions.

Pure functions from the plan (via ``assistant.reporting.views``) to HTML strings, so the Gradio
wiring stays thin and the markup can be tested without a browser. Everything the owner or a
document wrote is escaped: it is data, never markup. Class names and ``data-*`` attributes are
stable because browser tests select on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.plan import StrategyPlan
from assistant.reporting.document import maturity_text
from assistant.reporting.static_charts import PRIORITY_COLOURS
from assistant.reporting.views import (
    LANES,
    GoalRow,
    InitiativeRow,
    Labels,
    LetterView,
    goal_rows,
    lanes,
    overall_rows,
    profile_rows,
)


def _attr(value: object) -> str:
    """An attribute value, quoted and escaped."""
    return f'"{escape(str(value), quote=True)}"'


def _empty(message: str) -> str:
    return f'<p class="sc-empty">{escape(message)}</p>'


def cite_links(numbers: Iterable[int]) -> str:
    """``[n]`` links to the passage anchors (``#source-n``) of the sources panel."""
    links = [
        f'<a class="sc-cite" href="#source-{int(n)}" data-source={_attr(int(n))}>[{int(n)}]</a>'
        for n in numbers
    ]
    return f'<span class="sc-cites">{"".join(links)}</span>' if links else ""


def _section(key: str, labels: Labels, body: str, testid: str) -> str:
    return (
        f'<section class="sc-panel sc-section-{testid}" data-testid={_attr(testid + "-section")}>'
        f'<h3 class="sc-heading">{escape(labels.of("sections", key))}</h3>{body}</section>'
    )


def heading_html(key: str, labels: Labels) -> str:
    """A section heading on its own (above a chart, which draws no title of its own)."""
    return f'<h3 class="sc-heading">{escape(labels.of("sections", key))}</h3>'


def maturity_heading_html(plan: StrategyPlan, labels: Labels) -> str:
    """The maturity heading with the overall score, the DMA-comparable one and how the
    short questionnaire differs from the DMA (the chart shows the six dimensions)."""
    rows = "".join(
        f'<div class="sc-field"><dt>{escape(row.label)}</dt>'
        f"<dd>{escape(maturity_text(row, labels))}</dd></div>"
        for row in overall_rows(plan, labels)
    )
    count = len(load_maturity_questions().questions)
    note = escape(labels.interview.say("maturity_note", count=count))
    return (
        f'{heading_html("maturity", labels)}<dl class="sc-profile">{rows}</dl>'
        f'<p class="sc-note">{note}</p>'
    )


def profile_html(plan: StrategyPlan, labels: Labels) -> str:
    """The business profile as a definition list (unknown fields say so)."""
    rows = "".join(
        f'<div class="sc-field"><dt>{escape(name)}</dt><dd>{escape(value)}</dd></div>'
        for name, value in profile_rows(plan, labels)
    )
    body = f'<dl class="sc-profile" data-testid="profile">{rows}</dl>'
    return _section("profile", labels, body, "profile")


def _status_word(view: LetterView, labels: Labels) -> str:
    return labels.text("smart_ok" if view.ok else "smart_not_ok")


def _pill(view: LetterView, labels: Labels) -> str:
    description = f"{view.name} ({_status_word(view, labels)}): {view.reason}"
    state = "ok" if view.ok else "fail"
    return (
        f'<span class="sc-pill sc-pill-{state}" role="img" data-letter={_attr(view.letter)}'
        f" data-ok={_attr(str(view.ok).lower())} title={_attr(description)}"
        f" aria-label={_attr(description)}>{escape(view.letter)}</span>"
    )


def _reasons(row: GoalRow, labels: Labels) -> str:
    items = "".join(
        f'<li class="sc-reason sc-reason-{"ok" if view.ok else "fail"}"'
        f" data-letter={_attr(view.letter)} data-ok={_attr(str(view.ok).lower())}>"
        f'<span class="sc-pill sc-pill-{"ok" if view.ok else "fail"}" aria-hidden="true">'
        f"{escape(view.letter)}</span> <strong>{escape(view.name)}</strong>"
        f" <em>({escape(_status_word(view, labels))})</em>: {escape(view.reason)}</li>"
        for view in row.letters
    )
    step = (
        f'<p class="sc-measuring">{escape(labels.text("measuring_step", step=row.measuring_step))}'
        "</p>"
        if row.measuring_step
        else ""
    )
    summary = escape(labels.text("smart_check", passed=row.passed))
    return (
        f'<details class="sc-reasons" data-reasons-for={_attr(row.id)}>'
        f'<summary>{summary}</summary><ul class="sc-reason-list">{items}</ul>{step}</details>'
    )


def _goal_rows_html(row: GoalRow, labels: Labels) -> str:
    pills = "".join(_pill(view, labels) for view in row.letters)
    main = (
        f'<tr class="sc-goal" data-goal-id={_attr(row.id)} data-passed={_attr(row.passed)}>'
        f'<td class="sc-num">{row.number}</td>'
        f'<td class="sc-statement">{escape(row.statement)} {cite_links(row.citation_numbers)}</td>'
        f'<td class="sc-figure">{escape(row.baseline)}</td>'
        f'<td class="sc-figure">{escape(row.target)}</td>'
        f'<td class="sc-date">{escape(row.deadline)}</td>'
        f'<td class="sc-smart"><span class="sc-pills">{pills}</span></td></tr>'
    )
    detail = (
        f'<tr class="sc-goal-detail" data-detail-for={_attr(row.id)}>'
        f'<td></td><td colspan="5">{_reasons(row, labels)}</td></tr>'
    )
    return main + detail


def goals_html(
    plan: StrategyPlan, labels: Labels, today: date, numbers: dict[str, int] | None = None
) -> str:
    """The SMART goals table: one row per goal with S-M-A-R-T pills and reasons on expand."""
    rows = goal_rows(plan, labels, today, numbers)
    if not rows:
        body = _empty(labels.text("no_goals"))
    else:
        # the metric is named in the statement; the panel is narrow, so no column of its own
        keys = ("number", "goal", "baseline", "target", "deadline", "smart")
        head = "".join(
            f'<th scope="col">{escape(labels.of("goal_headers", key))}</th>' for key in keys
        )
        body = (
            '<div class="sc-table-wrap"><table class="sc-goals" data-testid="goals-table">'
            f"<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(_goal_rows_html(row, labels) for row in rows)}</tbody>"
            "</table></div>"
        )
    return _section("goals", labels, body, "goals")


def _quarters(item: InitiativeRow) -> str:
    if not item.start:
        return ""
    span = item.start if not item.end or item.end == item.start else f"{item.start} – {item.end}"
    return f'<span class="sc-quarters">{escape(span)}</span>'


def _card(item: InitiativeRow, labels: Labels) -> str:
    priority = item.priority or "none"
    chip = (
        f'<span class="sc-chip sc-prio-{priority}" data-priority={_attr(priority)}>'
        f"{escape(labels.text('priority_label'))}: {escape(item.priority_label)}</span>"
    )
    description = (
        f'<p class="sc-desc">{escape(item.description)}</p>' if item.description.strip() else ""
    )
    return (
        f'<article class="sc-card sc-card-{priority}" data-initiative-id={_attr(item.id)}'
        f" data-priority={_attr(priority)}>"
        f'<h5 class="sc-card-title">{escape(item.title)}</h5>'
        f'<div class="sc-card-meta">{_quarters(item)}{chip}</div>'
        f"{description}{cite_links(item.citation_numbers)}</article>"
    )


def lanes_html(plan: StrategyPlan, labels: Labels, numbers: dict[str, int] | None = None) -> str:
    """Now / Next / Later columns (plus 'not scheduled' if any), one card per initiative."""
    if not plan.roadmap:
        return _section("roadmap", labels, _empty(labels.text("no_initiatives")), "roadmap")
    columns = []
    for horizon, (title, items) in zip(
        (*LANES, "none"), lanes(plan, labels, numbers), strict=False
    ):
        cards = "".join(_card(item, labels) for item in items) or '<p class="sc-empty">—</p>'
        columns.append(
            f'<section class="sc-lane sc-lane-{horizon}" data-testid={_attr("lane-" + horizon)}>'
            f'<h4 class="sc-lane-title">{escape(title)}'
            f' <span class="sc-count">{len(items)}</span></h4>{cards}</section>'
        )
    body = f'<div class="sc-lanes" data-testid="lanes">{"".join(columns)}</div>'
    return _section("roadmap", labels, body, "roadmap")


def _list(items: list[str], testid: str) -> str:
    entries = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="sc-list" data-testid={_attr(testid)}>{entries}</ul>'


def open_questions_html(plan: StrategyPlan, labels: Labels) -> str:
    """Open questions (or a note that there are none), then the top gaps if any are known."""
    questions = plan.open_questions
    body = (
        _list(questions, "open-questions")
        if questions
        else _empty(labels.text("no_open_questions"))
    )
    html = _section("open_questions", labels, body, "open-questions")
    gaps = plan.current_state.top_gaps
    if gaps:
        html += _section("top_gaps", labels, _list(gaps, "top-gaps"), "top-gaps")
    return html


def _priority_css() -> str:
    """Chip and card colours from the palette the exported charts use (same colour, same
    meaning everywhere); chip text is dark because every palette colour is mid-light."""
    rules = []
    for key, colour in PRIORITY_COLOURS.items():
        rules.append(
            f".sc-panel .sc-prio-{key} {{ background: {colour}; color: #111111; }}\n"
            f".sc-panel .sc-card-{key} {{ border-left-color: {colour}; }}"
        )
    return "\n".join(rules)


_BASE_CSS = """
.sc-panel {
  --sc-text: var(--body-text-color, #1f2328);
  --sc-muted: var(--body-text-color-subdued, #59636e);
  --sc-border: var(--border-color-primary, #d0d7de);
  --sc-surface: var(--background-fill-secondary, #f6f8fa);
  --sc-card: var(--block-background-fill, #ffffff);
  --sc-link: var(--link-text-color, #0969da);
  --sc-mark: #fff3a3; --sc-mark-text: #1f2328;
  --sc-ok-bg: #1a7f37; --sc-ok-text: #ffffff;
  --sc-fail-bg: #fff1c2; --sc-fail-text: #6b3d00; --sc-fail-border: #bf5700;
  color: var(--sc-text); margin: 0 0 18px; line-height: 1.45;
}
@media (prefers-color-scheme: dark) {
  .sc-panel {
    --sc-text: var(--body-text-color, #e6edf3); --sc-muted: var(--body-text-color-subdued, #9ea7b3);
    --sc-border: var(--border-color-primary, #3d444d);
    --sc-surface: var(--background-fill-secondary, #151b23);
    --sc-card: var(--block-background-fill, #0d1117); --sc-link: var(--link-text-color, #4493f8);
  }
}
.sc-heading { font-size: 1.05em; margin: 0 0 8px; }
.sc-empty { color: var(--sc-muted); font-style: italic; margin: 4px 0; }
.sc-note { color: var(--sc-muted); font-size: 0.82em; margin: 6px 0; }
.sc-profile { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
  gap: 6px 18px; margin: 0; }
.sc-field dt { color: var(--sc-muted); font-size: 0.82em; }
.sc-field dd { margin: 0; overflow-wrap: anywhere; }
.sc-table-wrap { overflow-x: auto; }
.sc-goals { border-collapse: collapse; width: 100%; font-size: 0.92em; }
.sc-goals th { text-align: left; color: var(--sc-muted); font-weight: 600;
  border-bottom: 2px solid var(--sc-border); padding: 6px 8px; white-space: nowrap; }
.sc-goals td { padding: 6px 8px; vertical-align: top; }
.sc-goals td.sc-date, .sc-goals td.sc-figure { white-space: nowrap; }
.sc-goal td { border-top: 1px solid var(--sc-border); }
.sc-goal-detail td { padding-top: 0; }
.sc-num, .sc-date, .sc-figure { white-space: nowrap; }
.sc-statement { min-width: 14em; }
.sc-pills { display: inline-flex; gap: 3px; white-space: nowrap; }
.sc-pill { display: inline-block; min-width: 1.5em; padding: 1px 4px; border-radius: 999px;
  text-align: center; font-weight: 700; font-size: 0.8em; line-height: 1.4; cursor: help;
  border: 1px solid transparent; }
.sc-pill-ok { background: var(--sc-ok-bg); color: var(--sc-ok-text); }
.sc-pill-fail { background: var(--sc-fail-bg); color: var(--sc-fail-text);
  border: 1px dashed var(--sc-fail-border); }
.sc-pill-fail::after { content: "!"; margin-left: 1px; }
.sc-reasons summary { cursor: pointer; color: var(--sc-muted); font-size: 0.88em; }
.sc-reason-list { list-style: none; padding: 0; margin: 6px 0; font-size: 0.9em; }
.sc-reason-list li { margin: 3px 0; }
.sc-reason-fail { font-weight: 500; }
.sc-measuring { font-size: 0.9em; margin: 4px 0; }
.sc-cites { margin-left: 2px; white-space: nowrap; }
.sc-cite { color: var(--sc-link); text-decoration: none; font-size: 0.85em; margin-left: 2px; }
.sc-cite:hover, .sc-cite:focus { text-decoration: underline; }
.sc-lanes { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
.sc-lane { flex: 1 1 240px; min-width: 0; background: var(--sc-surface);
  border: 1px solid var(--sc-border); border-radius: 10px; padding: 8px; }
.sc-lane-title { margin: 0 0 8px; font-size: 0.95em; display: flex;
  justify-content: space-between; gap: 8px; }
.sc-count { color: var(--sc-muted); font-weight: normal; }
.sc-card { background: var(--sc-card); border: 1px solid var(--sc-border);
  border-left: 5px solid #999999; border-radius: 8px; padding: 8px 10px; margin: 0 0 8px; }
.sc-card-title { margin: 0 0 4px; font-size: 0.95em; overflow-wrap: anywhere; }
.sc-card-meta { display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
  font-size: 0.8em; color: var(--sc-muted); }
.sc-desc { margin: 6px 0 2px; font-size: 0.88em; overflow-wrap: anywhere; }
.sc-chip { display: inline-block; padding: 0 8px; border-radius: 999px; font-weight: 600;
  color: #111111; background: #999999; }
.sc-list { margin: 0; padding-left: 1.3em; }
.sc-list li { margin: 2px 0; }
.sc-sources { display: flex; flex-direction: column; gap: 10px; }
.sc-source { border: 1px solid var(--sc-border); border-radius: 8px; padding: 8px 12px;
  background: var(--sc-card); scroll-margin-top: 12px; }
.sc-source:target { outline: 2px solid var(--sc-link); }
.sc-source-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
.sc-source-number { font-weight: 700; }
.sc-source-meta { color: var(--sc-muted); font-size: 0.82em; }
.sc-passage { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 14em; overflow-y: auto;
  font-size: 0.88em; margin: 6px 0 0; padding: 6px 8px; border-radius: 6px;
  background: var(--sc-surface); border: 1px solid var(--sc-border); }
.sc-passage mark, .sc-quote mark { background: var(--sc-mark); color: var(--sc-mark-text);
  border-radius: 2px; padding: 0 1px; }
.sc-quote { margin: 6px 0 0; padding: 2px 10px; border-left: 3px solid var(--sc-border);
  font-size: 0.88em; }
.sc-quote-label { color: var(--sc-muted); font-size: 0.8em; }
"""

PANEL_CSS = _BASE_CSS + _priority_css()
