"""Which date an order sets: the one said after "to", else the most exact, never one said
as the wrong date nor a period's first month ("dec 2027 - feb 2028" is due in February),
and only a date in the order's own clause unless the order names the deadline."""

from __future__ import annotations

import re

from assistant.extraction import Deadline
from assistant.understanding import cues
from assistant.understanding.intents import said_as_old
from assistant.understanding.reading import Reading
from assistant.understanding.text import span_of

FINEST_FIRST = ("day", "month", "quarter", "year")


def new_deadline(words: str, language: str, said: list[Deadline]) -> Deadline | None:
    """Of the dates ``said`` in the order's ``words``, the one it sets: the one said after
    "to" ("\"slutet av 2026\" …, ändra det till 31 december 2027"), else the most exact one
    ("sommaren 2027, säg 30 juni 2027"), never one said as the wrong date ("inte 31 augusti")."""
    found = [  # "30 juni 2027, inte 31 augusti": the date said as the wrong one is not new
        d for d in said if not said_as_old(words, span_of(words, d.start, d.end), language)
    ]
    found = [d for d in found if not _opens_range(words, d, found)]  # "dec 2027 - feb 2028"
    found.sort(key=lambda d: FINEST_FIRST.index(d.granularity))  # "sommaren, säg 30 juni"
    after_to = [  # "till 31 december 2027": the "to" may open the date's own words
        d
        for d in found
        if cues.search("change_to", language, f"{words[: d.start]}{d.text.split()[0]}")
        or cues.search("change_to", language, words[: d.start])
    ]
    return (after_to or found or [None])[0]


_RANGE_BETWEEN = re.compile(r"^\s*(?:-|–|—|to|until|til|till|tom|t\.o\.m\.|до|по)\s*$", re.I)


def _opens_range(words: str, said: Deadline, found: list[Deadline]) -> bool:
    """ "over the winter, Dec 2027 to Feb 2028": a period's first month is not its deadline."""
    return any(
        other.start > said.end and _RANGE_BETWEEN.match(words[said.end : other.start])
        for other in found
    )


def own_date(
    reading: Reading, words: str, position: int, date_start: int, values: tuple[int, ...] = ()
) -> bool:
    """A date in the order's own clause or in the clause of its new values ("goal 3 is
    wrong. it's dogs on the plan, from 0 now to 80 by end of 2027"), or anywhere when the
    order names the deadline."""
    if cues.search("deadline_nouns", reading.language, words) is not None:
        return True
    at = position - max(reading.text.find(words), 0)
    bounds = [m.start() for m in re.finditer(r"[,;.!?]\s", words)]
    clause_of = [sum(b < i for b in bounds) for i in (at, date_start, *values)]
    return clause_of[1] in (clause_of[0], *clause_of[2:]) or at < 0
