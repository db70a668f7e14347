"""The limits of the Achievable rule in numbers: how far a goal may move in the time it has,
and the realistic target an owner would write instead (see ``smart``'s docstring)."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, model_validator

DAYS_PER_QUARTER = 365.25 / 4


class SmartBounds(BaseModel):
    """Limits of the Achievable and Time-bound rules (see the module docstring)."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    max_multiple_per_quarter: float = Field(default=2.0, gt=1)
    max_points_per_quarter: float = Field(default=15.0, gt=0)
    min_relative_change: float = Field(default=0.03, ge=0)
    min_points_change: float = Field(default=1.0, ge=0)
    max_cut_of_time: float = Field(default=0.9, ge=0, lt=1)  # a new tool cuts hours at once
    small_count_max: float = Field(default=20, ge=0)
    small_count_step_per_quarter: float = Field(default=3, ge=0)
    short_max_days: int = Field(default=100, ge=1)
    medium_max_days: int = Field(default=395, ge=1)
    long_min_days: int = Field(default=330, ge=1)
    long_max_days: int = Field(default=1900, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> SmartBounds:
        ordered = self.short_max_days <= self.medium_max_days <= self.long_max_days
        if not ordered or self.long_min_days >= self.long_max_days:
            raise ValueError("need short_max <= medium_max <= long_max and long_min < long_max")
        return self


DEFAULT_BOUNDS = SmartBounds()


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


WHOLE_COUNT = 100  # a count below this is offered as a whole number ("about 7 orders")
NEAR_ENOUGH = 0.1  # of the change asked: a realistic target this near is the owner's own


def near_enough(limit: float, target: float, base: float) -> bool:
    """The realistic target is within a tenth of the change the owner asked for of theirs
    (or half a unit of it): no owner would change their goal for the difference ("about
    3.2 % rather than 3 %")."""
    return abs(limit - target) <= max(NEAR_ENOUGH * abs(target - base), 0.5)
