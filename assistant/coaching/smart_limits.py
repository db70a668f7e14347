"""The limits of the Achievable rule in numbers: how far a goal may move in the time it has,
and the realistic target an owner would write instead (see ``smart``'s docstring)."""

from __future__ import annotations

import math

DAYS_PER_QUARTER = 365.25 / 4


def time_scale(days: int) -> float:
    """How far a goal may move against a quarter's: the square root of the quarters, at
    least one (published examples judge +50 % "before the new year" achievable)."""
    return math.sqrt(max(days / DAYS_PER_QUARTER, 1.0))


def round_limit(limit: float, up: bool, whole: bool = False) -> float:
    """A realistic target an owner would write: a whole point of a share ("about 56 %", not
    56.08 %), else two significant figures, rounded towards today's value."""
    if limit <= 0:
        return 0.0
    step = 1.0 if whole else 10.0 ** (math.floor(math.log10(limit)) - 1)
    if step <= 0 or (whole and limit < 1):
        return limit  # too small to round to anything an owner would write
    rounded = (math.floor if up else math.ceil)(limit / step) * step
    return round(rounded, 6)
