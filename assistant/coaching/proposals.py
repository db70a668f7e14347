"""Targets the coach pencils in where the owner or the brief gives none: from the KPI's
prudent yearly change (``typical_change`` in ``knowledge/data/kpi_catalogue.yaml``), kept on
the KPI's scale, and always marked as proposed for the owner to confirm. A baseline is never
proposed: it is measured."""

from __future__ import annotations

import math
from datetime import date

from assistant.coaching.catalogue import KpiSpec, load_kpi_catalogue
from assistant.coaching.facts import Figure, GoalCandidate
from assistant.extraction.months import months_ahead_end

PROPOSED_MONTHS = 12  # a deadline nobody gave: a year out, to confirm


def propose_target(candidate: GoalCandidate, today: date) -> bool:
    """A target pencilled in from the KPI's prudent yearly change, by the deadline (or a
    year out), when today's value is known and the owner could not say one; marked as
    proposed. False when none can be proposed."""
    spec = load_kpi_catalogue().kpi(candidate.kpi_id) if candidate.kpi_id else None
    if candidate.target is not None or candidate.baseline is None or not spec or spec.generic:
        return False
    due = candidate.deadline or months_ahead_end(today, PROPOSED_MONTHS)
    months = max(1, round((due - today).days / 30.4))
    value = typical_target(candidate.baseline.value, spec, months)
    candidate.target = Figure(value=value, unit=candidate.baseline.unit)
    candidate.proposed = list(dict.fromkeys([*candidate.proposed, "target"]))
    return True


def typical_target(baseline: float, spec: KpiSpec, months: int) -> float:
    change = spec.typical_change
    years = months / 12
    sign = -1 if spec.direction == "decrease" else 1
    if change.per_year_points is not None:
        moved = baseline + sign * change.per_year_points * years
    else:
        moved = baseline * (1 + sign * (change.per_year_relative or 0) * years)
    if spec.unit in COUNTED:  # 12 reviews, not 11.9: at least one whole step away
        moved = float(math.ceil(moved) if sign > 0 else math.floor(moved))
        moved = moved if moved != baseline else baseline + sign
    if spec.unit == "%" and moved >= WHOLE_PERCENTS:  # 50 %, not 50.4 %: a figure to remember
        moved = float(round(moved)) if round(moved) != baseline else baseline + sign
    if spec.scales:  # 8.4 on Booking.com's 10: never above 10
        moved = min(moved, min((top for top in spec.scales if top >= baseline), default=moved))
    return round(max(moved, 0.0), 1 if abs(moved) < 100 else 0)


WHOLE_PERCENTS = 10  # a proposed share this large is pencilled in as a whole percent
COUNTED = frozenset(
    {"bookings", "customers", "followers", "leads", "orders", "reviews", "subscribers", "visits"}
    | {"people"}
)  # things counted in whole numbers
