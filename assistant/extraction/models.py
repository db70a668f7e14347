"""Result models and shared types for rule-based extraction."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["en", "nb", "sv", "ru"]
QuantityKind = Literal["percent", "money", "count", "number"]
Granularity = Literal["day", "month", "quarter", "year"]
ObjectiveCategory = Literal[
    "revenue_growth",
    "operational_efficiency",
    "brand_awareness",
    "customer_experience",
    "market_reach",
    "other",
]

# Extraction reads owners' chat messages; text past this many characters is not read, which
# keeps every call fast on pasted documents (a 2 KB message takes a few milliseconds).
MAX_TEXT_CHARS = 10_000

SUPPORTED_LANGUAGES: tuple[Language, ...] = ("en", "nb", "sv", "ru")
_LANGUAGE_ALIASES: dict[str, Language] = {"no": "nb", "nob": "nb", "nn": "nb", "swe": "sv"}


def normalize_language(language: str) -> Language:
    """Map a language code to a supported one; unknown codes fall back to English."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    if code in SUPPORTED_LANGUAGES:
        return code  # type: ignore[return-value]
    return _LANGUAGE_ALIASES.get(code, "en")


class Quantity(BaseModel):
    """A number found in free text, with its unit and where it was found.

    A range such as "20–30%" yields two quantities: the first has ``range_role="low"``,
    the second ``range_role="high"``; the low end inherits the unit and scale of the high end.
    Percentage points ("5 pp", "5 prosentpoeng") have kind "percent" and unit "pp".
    """

    model_config = ConfigDict(frozen=True)

    value: float = Field(allow_inf_nan=False)
    unit: str | None = None
    kind: QuantityKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    range_role: Literal["low", "high"] | None = None


class Deadline(BaseModel):
    """A deadline: the last day of the period meant, e.g. "by June 2027" -> 2027-06-30.

    For durations ("in 6 months", "within a year") the date is ``today`` plus the duration
    and the granularity is the unit the owner used (weeks count as days, half-years as months).
    """

    model_config = ConfigDict(frozen=True)

    date: dt.date
    granularity: Granularity
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
