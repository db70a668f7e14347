"""Month arithmetic for deadlines: a month's last day, and months added to a day."""

from __future__ import annotations

import calendar
import datetime as dt


def months_ahead_end(day: dt.date, months: int) -> dt.date:
    """The last day of the month ``months`` after ``day`` (a deadline said as a duration)."""
    later = add_months(day, months)
    return month_end(later.year, later.month)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
