"""The unit a goal's figure is shown in: the currency for money, "%" for a share, the
time unit for a duration."""

from __future__ import annotations

import re

from assistant.coaching.messages import Messages
from assistant.coaching.plan import Money
from assistant.understanding import cues
from assistant.understanding.reading import Amount

TIME_UNITS = ("minutes", "hours", "days")
DEFAULT_CURRENCY = {"nb": "NOK", "sv": "SEK", "ru": "RUB", "en": "GBP"}  # when none is said


def figure_unit(amount: Amount, language: str) -> str | None:
    """The currency for money (the language's own when none was said: "300 000 руб" is
    RUB, never "money"), "%" for a share, the time unit for a duration, else none (a count
    takes its KPI's unit)."""
    if amount.unit == "money":
        return amount.currency or DEFAULT_CURRENCY.get(language)
    if amount.unit in TIME_UNITS:  # "3 weeks" -> 21 days: a duration keeps its unit
        return amount.unit
    return "%" if amount.unit == "%" else None


def money(amount: Money) -> str:
    """ "1 100 000 GBP": an amount grouped by thousands, with its currency."""
    return f"{amount.amount:,.0f} {amount.currency}".replace(",", " ")


def staff_text(staff: int | None, off_season: int | None, say: Messages) -> str:
    """ "9 (3 outside the season)", or the head count alone."""
    if staff is None:
        return ""
    if off_season is None:
        return str(staff)
    return say.say("staff_with_off_season", staff=staff, off=off_season)


_IN = re.compile(r"^\s*(?:in|i|в|во|på|counted in|measured in|målt i|mätt i)\s+", re.IGNORECASE)


def unit_named(words: str, language: str) -> str | None:
    """The unit key a goal's new "name" really is ("i TIMER" -> "hours", "in days"), or None
    when the words name a measure rather than a unit."""
    said = _IN.sub("", words).strip(" .,!").casefold()
    table: dict[str, dict[str, list[str]]] = cues.raw("unit_words")
    return next(
        (
            key
            for key, names in table.items()
            if said in {n.casefold() for n in names.get(language, [])}
        ),
        None,
    )
