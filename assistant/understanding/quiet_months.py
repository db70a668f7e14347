"""Months in which the owner says nothing new may start ("January is self-assessment hell,
nobody will touch anything new until Feb", "inga nya projekt mars–juni", "с марта по июнь
ничего нового не внедряем"): the roadmap starts no step in them; and the months the owner
says are the busiest ("telefonen går varm april–maj"), which a milestone should come before."""

from __future__ import annotations

import datetime as dt
import re

from assistant.extraction.dates import month_names, month_number
from assistant.understanding import cues
from assistant.understanding.text import sentences


def quiet_months(text: str, language: str, today: dt.date) -> list[int]:
    """The months (1–12) said to be closed to new work, in calendar order from ``today``."""
    months: list[int] = []
    for sentence in sentences(text):
        if cues.search("no_new_work", language, sentence.text):
            months += _months_in(sentence.text, language, today)
    ordered = [(today.month - 1 + n) % 12 + 1 for n in range(12)]
    return [m for m in ordered if m in months]


_CLAUSE_CUT = re.compile(r"[,;:]|\s(?:and|but|og|men|och|и|но|а)\s", re.IGNORECASE)


def busy_months(text: str, language: str, today: dt.date) -> list[int]:
    """The months (1–12) said to be the busiest, by month ("april–maj", "every January") or
    by season ("Sommeren er sprengt": from June), in calendar order from ``today``."""
    months: set[int] = set()
    for sentence in sentences(text):
        for clause in _CLAUSE_CUT.split(sentence.text):
            if cues.search("peak_time", language, clause) is None:
                continue
            seasons = cues.labelled_patterns("season_aims", language)
            by_season = [int(month) for month, said in seasons if said.search(clause)][:1]
            months |= set(_months_in(clause, language, today) or by_season)
    ordered = [(today.month - 1 + n) % 12 + 1 for n in range(12)]
    return [m for m in ordered if m in months]


def _months_in(sentence: str, language: str, today: dt.date) -> list[int]:
    named = re.compile(rf"(?<!\w)({month_names(language)})\.?(?!\w)", re.IGNORECASE)
    found = [(m, month_number(m.group(1), language)) for m in named.finditer(sentence)]
    found = [(m, n) for m, n in found if n is not None]
    if not found:
        return []
    months: list[int] = []
    ranged = False
    for (said, number), after in zip(found, [*found[1:], None], strict=True):
        if ranged:  # the end of "March–June", taken with its start
            ranged = False
            continue
        between = sentence[said.end() : after[0].start()] if after else ""
        joined = _AND.fullmatch(between) and cues.search(
            "month_between", language, sentence[: said.start()][-12:]
        )  # "mellan mars och juni"
        if after and (cues.search("month_range", language, between) or joined):
            months += _span(number, after[1])  # "March–June", "с марта по июнь"
            ranged = True
        elif cues.search("until_month", language, sentence[: said.start()][-25:]):
            months += _span(today.month, (number - 2) % 12 + 1)  # "until Feb": to January's end
        else:
            months.append(number)  # "nothing new in July"
    return months


_AND = re.compile(r"\s*(?:and|og|och|и|till|to|til|по|до)\s*", re.IGNORECASE)


def _span(first: int, last: int) -> list[int]:
    return [(first - 1 + n) % 12 + 1 for n in range((last - first) % 12 + 1)]
