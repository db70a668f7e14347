"""The eval run as one self-contained HTML page: summary tables and a per-case drill-down
(conversation, plan, citations with their passages). Offline: inline CSS and JS only, and
every piece of case content escaped."""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from assistant.evaluation.reports import (
    EXIT_MEANING,
    HTML_STATUS,
    SMART,
    _counts,
    base_metric,
    fmt,
    is_failing,
    lower_is_better,
    metric_rows,
    second_opinion_rows,
    suite_names,
)
from assistant.evaluation.results import CaseResult, CitationView, RunResult

CSS = """
body{font:15px/1.45 system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d232a;
margin:0 auto;padding:1.5rem 2rem;max-width:1200px}h1{font-size:1.5rem;margin:0 0 .4rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:2px solid #dde3ea;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{font-size:.95rem;margin:.9rem 0 .3rem;color:#445}
table{border-collapse:collapse;margin:.3rem 0 .8rem;font-size:.9rem}th{background:#f2f5f8}
th,td{border:1px solid #dde3ea;padding:.25rem .6rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.group th{background:#e8eef5}
.ok,.better{color:#12703a}.fail{color:#b3261e;font-weight:600}.worse{color:#9a5b00}
.badge{border:1px solid currentColor;border-radius:4px;padding:0 .4rem;margin-left:.4rem;
font-size:.8rem}.meta{color:#556;margin:.1rem 0}.exit{font-weight:600}.exit .small{font-weight:400}
ul.gates{list-style:none;padding:0}#filters label{margin-right:1rem}
#filters{background:#f6f8fa;border:1px solid #dde3ea;border-radius:6px;padding:.5rem .8rem}
details.case{border:1px solid #dde3ea;border-left:5px solid #12703a;border-radius:4px;
margin:.4rem 0;padding:.3rem .8rem}details.case.failed{border-left-color:#b3261e}
summary{cursor:pointer;font-weight:600}summary .lang{color:#556;font-weight:400}
.turn,.passage,pre{white-space:pre-wrap;overflow-wrap:anywhere;padding:.4rem .6rem}
.turn{margin:.3rem 0;border-radius:6px}.user{background:#eef4fb}.assistant{background:#f4f4f4}
.role{display:block;font-size:.75rem;font-weight:600;color:#556;text-transform:uppercase}
.letters span{display:inline-block;width:1.3rem;text-align:center;border-radius:3px;
margin-right:2px;font:700 .8rem sans-serif;color:#fff;background:#12703a}
.letters span.no{background:#b3261e}.small{font-size:.85rem;color:#445}.small.fail{color:#b3261e}
.cite{border:1px solid #e3e7ec;border-radius:4px;padding:.4rem .6rem;margin:.4rem 0}
.passage,pre{font-size:.85rem;background:#fafbfc}mark{background:#ffe58a}
@media print{#filters{display:none}body{padding:0;max-width:none}}
"""

JS = """
(function(){
  var form=document.getElementById('filters'),el=form.elements;
  var count=document.getElementById('count'),cases=document.querySelectorAll('details.case');
  form.hidden=false;
  function apply(){
    var suite=el.suite.value,lang=el.language.value,result=el.result.value,shown=0;
    cases.forEach(function(d){
      var ok=(!suite||d.dataset.suite===suite)&&(!lang||d.dataset.language===lang)&&(!result||
        (result==='stale'?d.dataset.stale==='1':d.dataset.state===result));
      d.hidden=!ok;shown+=ok?1:0;
    });
    count.textContent=shown+' of '+cases.length+' cases shown';
  }
  function openAll(open){return function(){cases.forEach(function(d){d.open=open;});};}
  el.expand.onclick=openAll(true);el.collapse.onclick=openAll(false);
  form.onchange=apply;form.onsubmit=function(){return false;};
  window.addEventListener('beforeprint',openAll(true));apply();
})();
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _tag(name: str, content: str, cls: str = "") -> str:
    return f'<{name} class="{cls}">{content}</{name}>' if cls else f"<{name}>{content}</{name}>"


def _table(head: list[str], rows: list[str]) -> str:
    return f"<table><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr>{''.join(rows)}</table>"


def _mark(ok: bool, yes: str = "", no: str = "") -> str:
    return _tag("span", f"✓ {yes}".strip(), "ok") if ok else _tag("span", f"✗ {no}".strip(), "fail")


def _metric_table(run: RunResult, name: str) -> str:
    rows, language = [], ""
    for row in metric_rows(run, name):
        if row.language and row.language != language:
            rows.append(f'<tr class="group"><th colspan="6">language: {_e(row.language)}</th></tr>')
        language = row.language
        now, before, delta, floor = row.cells()
        lower, change = lower_is_better(row.key), round(row.delta or 0.0, 9)
        trend = "" if not change else ("better" if (change < 0) == lower else "worse")
        bound, miss = ("ceiling", "above ceiling") if lower else ("floor", "below floor")
        status = HTML_STATUS[row.status].format(bound=bound, miss=miss)
        rows.append(
            f"<tr><td>{_e(row.key)}{' ↓' if lower else ''}</td><td class='n'>{now}</td>"
            f"<td class='n'>{before}</td><td class='n {trend}'>{delta}</td><td class='n'>{floor}"
            f"</td><td class='{row.status}'>{status}</td></tr>"
        )
    return _table(["metric", "current", "baseline", "delta", "floor", "status"], rows)


def _locate(quote: str, passage: str) -> tuple[int, int] | None:
    """Where the quote sits in the passage: verbatim, else ignoring case and spacing."""
    if not quote.strip():
        return None
    start = passage.find(quote)
    if start >= 0:
        return start, start + len(quote)
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    match = re.search(pattern, passage, re.IGNORECASE)
    return match.span() if match else None


def _citation(cite: CitationView) -> str:
    span, text = _locate(cite.quote, cite.passage), cite.passage
    if span:
        a, b = span
        passage = f"{_e(text[:a])}<mark>{_e(text[a:b])}</mark>{_e(text[b:])}"
    else:
        passage = _e(text) or "<em>(no passage)</em>"
        passage = f"<div>quote not found in passage: <mark>{_e(cite.quote)}</mark></div>{passage}"
    scores = [("chrF", cite.chrf), ("similarity", cite.similarity), ("judge", cite.judge)]
    facts = [_e(cite.title or "(untitled)"), _e(cite.language or "?")]
    facts += [_mark(cite.valid, "valid", "invalid")] + [f"{n} {fmt(v)}" for n, v in scores]
    return (
        f'<div class="cite"><div><strong>Claim:</strong> {_e(cite.claim)}</div><div class="small">'
        f'{" · ".join(facts)}</div><div class="passage">{passage}</div></div>'
    )


def _number(value: Any) -> str:
    """Plan amounts as people write them: 34 000 000, 12.5."""
    if not isinstance(value, int | float):
        return str(value)
    return f"{value:,.0f}".replace(",", " ") if value == int(value) else f"{value:g}"


def _plain(value: Any) -> str:
    if isinstance(value, dict) and value.get("amount") is not None:
        return f"{_number(value['amount'])} {value.get('currency') or value.get('unit') or ''}"
    if isinstance(value, dict) and "value" in value:
        return f"{_number(value['value'])} {value.get('unit') or ''}".strip()
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items() if v not in (None, "", []))
    return str(value)


def _goal(goal: dict[str, Any]) -> str:
    """Statement, SMART letters (reason on hover; failed reasons spelled out), key facts."""
    letters, reasons = [], []
    for name, check in ((n, (goal.get("smart") or {}).get(n)) for n in SMART):
        if isinstance(check, dict):
            ok, reason = bool(check.get("ok")), str(check.get("reason", ""))
            title = f' title="{_e(name)}: {_e(reason)}"'
            letters.append(f'<span class="{"" if ok else "no"}"{title}>{name[0].upper()}</span>')
            reasons += [] if ok else [f"{name.replace('_', ' ')}: {_e(reason)}"]
    facts = [f"metric {goal['metric']}"] if goal.get("metric") else []
    baseline = goal.get("baseline")
    if isinstance(baseline, dict):
        value = _plain(baseline) if baseline.get("value") is not None else "pending"
        status = f" ({baseline['status']})" if baseline.get("status") else ""
        facts.append(f"baseline {value}{status}")
    facts += [f"target {_plain(goal['target'])}"] if goal.get("target") else []
    facts += [f"by {goal['deadline']}"] if goal.get("deadline") else []
    facts_html = f'<div class="small">{_e(" · ".join(facts))}</div>' if facts else ""
    reasons_html = f'<div class="small fail">{"; ".join(reasons)}</div>' if reasons else ""
    statement = f'<span class="letters">{"".join(letters)}</span> {_e(goal.get("statement", ""))}'
    return f"<li>{statement}{facts_html}{reasons_html}</li>"


def _plan(plan: dict[str, Any]) -> str:
    profile = {k: v for k, v in (plan.get("profile") or {}).items() if v not in (None, "", [])}
    parts = [f"<h4>Plan ({_e(plan.get('language', '?'))})</h4>"]
    facts = [
        f"<strong>{_e(k.replace('_', ' '))}</strong> {_e(_plain(v))}" for k, v in profile.items()
    ]
    parts += [_tag("div", " · ".join(facts), "small")] if facts else []
    goals = [_goal(g) for g in plan.get("goals") or [] if isinstance(g, dict)]
    parts += [_tag("ol", "".join(goals))] if goals else []
    roadmap = []
    for item in (i for i in plan.get("roadmap") or [] if isinstance(i, dict)):
        when = "–".join(str(item[k]) for k in ("start", "end") if item.get(k))
        extra = ", ".join(x for x in (str(item.get("horizon") or ""), when) if x)
        extra = f' <span class="small">({_e(extra)})</span>' if extra else ""
        roadmap.append(f"<li>{_e(item.get('title', ''))}{extra}</li>")
    parts += ['<div class="small">Roadmap</div>', _tag("ul", "".join(roadmap))] if roadmap else []
    return "".join(parts)


def _case(case: CaseResult, counts: set[str]) -> str:
    failing, hard = is_failing(case), sum(c.hard and not c.passed for c in case.checks)
    badges = [f"{hard} hard fail" if hard else "", "harness error" if case.error else ""]
    summary = (
        f'{_mark(not failing)} {_e(case.key)} <span class="lang">· {_e(case.language)}</span>'
        + "".join(_tag("span", b, "badge fail") for b in badges if b)
        + (_tag("span", "stale", "badge worse") if case.stale else "")
    )
    attrs = (
        f'class="case{" failed" if failing else ""}" data-key="{_e(case.key)}" '
        f'data-suite="{_e(case.suite)}" data-language="{_e(case.language)}" '
        f'data-state="{"failed" if failing else "passed"}" data-stale="{int(case.stale)}"'
    )
    parts = [f"<details {attrs}{' open' if failing else ''}><summary>{summary}</summary>"]
    if case.error:
        parts.append(_tag("p", f"Harness error: {_e(case.error)}", "fail"))
    checks = [
        f"<tr><td>{_mark(c.passed, 'pass', 'fail')}</td><td>{_e(c.name)}</td>"
        f"<td>{'hard gate' if c.hard else ''}</td><td>{_e(c.detail)}</td></tr>"
        for c in case.checks
    ]
    parts += ["<h4>Checks</h4>", _table(["", "check", "", "detail"], checks)] if checks else []
    metrics = [
        f"{_e(k)} <strong>{fmt(v, base_metric(k) in counts)}</strong>"
        for k, v in case.metrics.items()
    ]
    parts += ["<h4>Metrics</h4>", _tag("div", " · ".join(metrics), "small")] if metrics else []
    turns = [
        f'<div class="turn {t.role}"><span class="role">{t.role}</span>{_e(t.content)}</div>'
        for t in case.transcript
    ]
    parts += ["<h4>Conversation</h4>", *turns] if turns else []
    parts += [_plan(case.plan)] if case.plan else []
    parts += ["<h4>Citations</h4>", *map(_citation, case.citations)] if case.citations else []
    if case.details:
        dump = json.dumps(case.details, ensure_ascii=False, indent=1, default=str)
        parts += ["<h4>Details</h4>", _tag("pre", _e(dump))]
    return "".join(parts) + "</details>"


def _filters(run: RunResult) -> str:
    """Hidden until the script runs: without JS every case is simply listed."""
    choices = {
        "suite": suite_names(run),
        "language": sorted({c.language for c in run.cases()}),
        "result": ["failed", "passed", "stale"],
    }
    selects = "".join(
        f'<label>{name.capitalize()} <select name="{name}"><option value="">all</option>'
        + "".join(f'<option value="{_e(o)}">{_e(o)}</option>' for o in options)
        + "</select></label>"
        for name, options in choices.items()
    )
    buttons = "".join(
        f'<button type="button" name="{b}">{b} all</button> ' for b in ("expand", "collapse")
    )
    return (
        f'<form id="filters" hidden>{selects}{buttons}<span id="count" class="small"></span></form>'
    )


def report_html(run: RunResult) -> str:
    """The whole run as one offline HTML page: summary tables, then a filterable drill-down."""
    created = _e(run.created.isoformat(timespec="seconds"))
    gates = [
        f"<li>{_mark(g.passed)} <strong>{_e(g.name)}</strong>"
        + (f" — {_e(g.detail)}</li>" if g.detail else "</li>")
        for g in run.gates
    ]
    body = [
        f"<h1>Eval run {created}</h1>",
        f'<p class="meta">Engine: <strong>{_e(run.engine)}</strong> · '
        f"Judge: <strong>{_e(run.judge or '—')}</strong></p>",
        f'<p class="exit {"ok" if run.exit_code == 0 else "fail"}">Exit code {run.exit_code}: '
        f"{EXIT_MEANING.get(run.exit_code, 'unknown')} "
        '<span class="small">(0 pass · 2 quality gate failed · 1 harness error)</span></p>',
        "<h2>Gates</h2>" + _tag("ul", "".join(gates) or "<li>(no gates)</li>", "gates"),
    ]
    for name in suite_names(run):
        cases = run.suites[name].cases
        failed, stale = sum(map(is_failing, cases)), [c.key for c in cases if c.stale]
        note = f"{len(cases)} cases, {failed} failed" + (f", {len(stale)} stale" if stale else "")
        body += [f"<h2>{_e(name)}</h2>", _tag("p", f"{note}. ↓ = lower is better.", "small")]
        body.append(_metric_table(run, name))
        opinions = [
            f"<tr><td>{_e(key)}</td>" + "".join(f"<td class='n'>{c}</td>" for c in cells) + "</tr>"
            for key, cells in second_opinion_rows(run, name)
        ]
        if opinions:
            head = ["metric", "ours", "library", "difference"]
            body.append(f"<h3>Ours vs library</h3>{_table(head, opinions)}")
        if stale:
            text = "Stale (article changed since the case was written): " + _e(", ".join(stale))
            body.append(_tag("p", text, "small"))
    if run.knowledge_manifest_changed:
        items = "".join(_tag("li", _e(i)) for i in run.knowledge_manifest_changed)
        body.append(f"<h2>Knowledge manifest changed</h2><ul>{items}</ul>")
    counts = {n: _counts(run, n) for n in run.suites}
    cases = "".join(_case(c, counts.get(c.suite, set())) for c in run.cases())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Eval run {created}</title><style>{CSS}</style></head><body>\n"
        + "\n".join(body)
        + f"\n<h2>Cases</h2>{_filters(run)}\n{cases}\n<script>{JS}</script></body></html>\n"
    )
