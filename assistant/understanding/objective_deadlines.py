"""An objective's deadline: the last one said in its words (the first may say how fast,
"returns within a month"), never a span of a few days that says how fast a service is, nor
a date inside a quote or a closed season; and a deadline said that has already passed."""

from __future__ import annotations

import datetime as dt
import re

from assistant.extraction import extract_deadline, find_unusable_deadline
from assistant.understanding import cues
from assistant.understanding.objective_scopes import Scope
from assistant.understanding.reading import Deadline
from assistant.understanding.text import Piece, clauses, sentences, span_of


def _last_deadline(words: str, language: str, today: dt.date):  # type: ignore[no-untyped-def]
    """The last deadline said: "returns within a month — we want one in three, in half a
    year" is due in half a year; the first phrase measures, the last one dates."""
    found, offset = None, 0
    while (later := extract_deadline(words[offset:], language, today)) is not None:
        if not _service_level(later, today):
            found = later.model_copy(
                update={"start": offset + later.start, "end": offset + later.end}
            )
        offset += later.end
    return found


SERVICE_LEVEL_DAYS = 10  # "invoice within three days", "quotes within 24 hours"


def _service_level(found, today: dt.date) -> bool:  # type: ignore[no-untyped-def]
    """A span of a few days ("within three days of the job") is how fast, not when a goal
    is due; a date or a period ("by 20 December", "within two weeks") stays a deadline."""
    days = (found.date - today).days
    return (
        found.granularity == "day"
        and days < SERVICE_LEVEL_DAYS
        and not re.search(r"\d{4}", found.text)
    )


_QUOTED = re.compile(r"[\"“”«»„][^\"“”«»„]{1,120}[\"“”«»„]")


def deadline_of(text: str, scope: Scope, language: str, today: dt.date) -> Deadline | None:
    words = text[scope.start : scope.end]  # "Sara drunknar i april": a quote names no deadline
    words = _QUOTED.sub(lambda m: " " * len(m.group(0)), words)
    for sentence in sentences(words):  # "inget nytt … juni–augusti": months closed, no date
        if cues.search("no_new_work", language, sentence.text):
            words = words.replace(sentence.text, " " * len(sentence.text))
    for clause in clauses(Piece(words, 0)):  # "…, we won 6 in 2026": a year of history
        if cues.search("done_before", language, clause.text):
            words = words.replace(clause.text, " " * len(clause.text))
    found = _last_deadline(words, language, today)
    if found is not None:
        months = None
        if found.granularity in ("month", "day") and "20" not in found.text:
            months = round((found.date - today).days / 30.44, 1)
        start = scope.start + found.start
        return Deadline(
            date=found.date,
            duration_months=months,
            span=span_of(text, start, start + len(found.text)),
        )
    return None  # a past date is flagged by the coach (see gone_by), never stored


def gone_by(text: str, scope: Scope, language: str, today: dt.date) -> str | None:
    """The words of a deadline the objective gives that has already passed."""
    unusable = find_unusable_deadline(text[scope.start : scope.end], language, today)
    return unusable[0] if unusable is not None and unusable[1] == "past" else None
