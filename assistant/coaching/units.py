"""The unit a goal's figure is shown in: the currency for money, "%" for a share."""

from __future__ import annotations

from assistant.understanding.reading import Amount

DEFAULT_CURRENCY = {"nb": "NOK", "sv": "SEK", "ru": "RUB", "en": "GBP"}  # when none is said


def figure_unit(amount: Amount, language: str) -> str | None:
    """The currency for money (the language's own when none was said: "300 000 руб" is
    RUB, never "money"), "%" for a share, else none (a count takes its KPI's unit)."""
    if amount.unit == "money":
        return amount.currency or DEFAULT_CURRENCY.get(language)
    return "%" if amount.unit == "%" else None
