"""Objectives: what the owner wants to achieve, with today's value, the target and the
deadline when said — several per message, figures that follow in the next sentence,
"by 20 %" as a change relative to today's value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from assistant.extraction import classify_objective, extract_deadline, find_unusable_deadline
from assistant.understanding import cues
from assistant.understanding.metrics import bind, metric_bank
from assistant.understanding.quantities import Found
from assistant.understanding.reading import Amount, Deadline, MetricFact, ObjectiveFact, Span
from assistant.understanding.text import Piece, sentences, units_of

_CONTEXT = 24  # characters before a number that say how it is used ("from", "to", "by")


@dataclass
class _Scope:
    """An objective's words: its sentence, plus a following one that only gives figures."""

    pieces: list[Piece]
    amounts: list[Found] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


def _states_objective(piece: Piece, language: str) -> bool:
    """A clause that wants something, or that opens with a change ("cut no-shows to ...")."""
    text = piece.text
    if text.rstrip().endswith("?") or len(text.split()) < 2:
        return False
    return any(pattern.search(text) for pattern in cues.patterns("objective", language))


def _role(text: str, found: Found, language: str) -> str:
    before = text[max(0, found.start - _CONTEXT) : found.start]
    for role in ("change_by", "change_to", "change_from"):
        if cues.search(role, language, before):
            return role
    return ""


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _deadline(text: str, scope: _Scope, language: str, today: dt.date) -> Deadline | None:
    words = text[scope.start : scope.end]
    found = extract_deadline(words, language, today)
    if found is not None:
        months = None
        if found.granularity in ("month", "day") and "20" not in found.text:
            months = round((found.date - today).days / 30.44, 1)
        start = scope.start + found.start
        return Deadline(
            date=found.date,
            duration_months=months,
            span=_span(text, start, start + len(found.text)),
        )
    unusable = find_unusable_deadline(words, language, today)
    if unusable is not None and unusable[1] == "past":
        start = text.find(unusable[0], scope.start)
        if start >= 0:
            return None  # a past date is flagged by the coach, never stored as a deadline
    return None


def _numbers(
    text: str, scope: _Scope, language: str
) -> tuple[Found | None, Found | None, Found | None]:
    """(baseline, target, relative change) among the scope's amounts."""
    baseline = target = change = None
    unassigned = []
    for found in scope.amounts:
        role = _role(text, found, language)
        if role == "change_by" and found.amount.unit == "%":
            change = found
        elif role == "change_to":
            target = found
        elif role == "change_from":
            baseline = found
        else:
            unassigned.append(found)
    for found in unassigned:
        if baseline is None and target is not None and found.start < target.start:
            baseline = found
        elif target is None:
            target = found
        elif baseline is None:
            baseline, target = target, found
    return baseline, target, change


def _derived_target(text: str, baseline: Amount, change: Found, decrease: bool) -> Amount:
    sign = -1 if decrease else 1
    value = round(baseline.value * (1 + sign * change.amount.value / 100), 4)
    start, end = min(baseline.span.start, change.start), max(baseline.span.end, change.end)
    return baseline.model_copy(
        update={"value": value, "low": None, "high": None, "span": _span(text, start, end)}
    )


def _kpi(text: str, scope: _Scope, language: str, amount: Amount | None) -> str | None:
    words = text[scope.start : scope.end]
    if amount is None:
        from assistant.understanding.metrics import bind_by_meaning

        found = bind_by_meaning(words, language, None)
        return found[0] if found else None
    bound = bind(words, language, amount.span.start - scope.start, amount)
    return bound[0] if bound else None


def _category(words: str, language: str, kpi: str | None) -> str:
    ranking = classify_objective(words, language)
    if ranking and ranking[0][1] > 0:
        return ranking[0][0]
    spec = metric_bank().get(kpi or "")
    return spec.category if spec else "other"


def _objective(
    text: str, scope: _Scope, language: str, today: dt.date, metrics: list[MetricFact]
) -> ObjectiveFact:
    baseline_found, target_found, change = _numbers(text, scope, language)
    baseline = baseline_found.amount if baseline_found else None
    target = target_found.amount if target_found else None
    kpi = _kpi(text, scope, language, target or baseline or (change.amount if change else None))
    if baseline is None and kpi is not None:
        known = next((m for m in metrics if m.kpi == kpi), None)
        baseline = (
            known.amount if known and (target is None or known.amount.unit == target.unit) else None
        )
    words = text[scope.start : scope.end]
    decrease = cues.search("decrease", language, words) is not None
    if change is not None and target is None and baseline is not None:
        target = _derived_target(text, baseline, change, decrease)
    change_percent = None
    if change is not None:
        change_percent = -change.amount.value if decrease else change.amount.value
    return ObjectiveFact(
        category=_category(words, language, kpi),
        kpi=kpi,
        baseline=baseline,
        target=target,
        change_percent=change_percent,
        deadline=_deadline(text, scope, language, today),
        confidence=0.7 if target or baseline else 0.5,
        span=_span(text, scope.start, scope.end),
    )


def _units(text: str) -> list[Piece]:
    """Sentences cut where a new objective may start: list items and joined clauses."""
    units = []
    for sentence in sentences(text):
        units += units_of(sentence)
    return units


def _scopes(text: str, language: str, amounts: list[Found]) -> list[_Scope]:
    scopes: list[_Scope] = []
    previous_was_objective = False
    for piece in _units(text):
        inside = [a for a in amounts if piece.start <= a.start < piece.end]
        if _states_objective(piece, language):
            scopes.append(_Scope([piece], inside))
            previous_was_objective = True
        elif previous_was_objective and inside and not scopes[-1].amounts:
            scopes[-1].pieces.append(piece)  # the figures follow the objective
            scopes[-1].amounts = inside
        else:
            previous_was_objective = False
    return scopes


def read_objectives(
    text: str, language: str, today: dt.date, amounts: list[Found], metrics: list[MetricFact]
) -> list[ObjectiveFact]:
    return [_objective(text, s, language, today, metrics) for s in _scopes(text, language, amounts)]
