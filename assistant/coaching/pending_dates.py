"""Dates said while one objective's deadline is asked for: each sentence's date goes to the
objective it names ("… si 30. juni 2027. Produktsalget vil jeg nå innen utgangen av 2027":
30 June for the one asked about, the end of 2027 for product sales), the most exact date of
a sentence first ("sommeren 2027 – si 30. juni 2027")."""

from __future__ import annotations

from datetime import date

from assistant.coaching.command_dates import FINEST_FIRST
from assistant.coaching.state import SessionState
from assistant.extraction import extract_deadlines
from assistant.understanding.stems import shared_words
from assistant.understanding.text import YEAR_SAID, sentences, without_dates


def dates_by_objective(state: SessionState, said: str, today: date) -> dict[int, date]:
    """Objective index -> the date said for it; the one asked about takes the dates of the
    sentences that name no other objective."""
    pending = state.pending
    if pending is None:
        return {}
    language = state.language
    found: dict[int, date] = {}
    for sentence in sentences(said):
        dates = extract_deadlines(sentence.text, language, today)
        if not dates:
            continue
        yeared = [d for d in dates if YEAR_SAID.search(d.text)] or dates  # not "before xmas"
        finest = min(yeared, key=lambda d: FINEST_FIRST.index(d.granularity)).date
        words = without_dates(sentence.text, language)
        named = [
            i
            for i, c in enumerate(state.candidates)
            if i != pending.candidate and shared_words(c.text, words, language)
        ]
        asked = shared_words(state.candidates[pending.candidate].text, words, language)
        index = named[0] if len(named) == 1 and not asked else pending.candidate
        found.setdefault(index, finest)
    return found
