"""Relative changes an owner says instead of a target: "double it", "в 2 раза больше",
"up 15 % on last year (£92,000)". The words are data (``change_words``, ``change_base`` and
``past_figure`` in ``knowledge/data/reading_cues.yaml``)."""

from __future__ import annotations

import re

from assistant.understanding import cues
from assistant.understanding.quantities import Found


def change_word(words: str, language: str) -> float | None:
    """The relative change a word says, in percent ("double": 100, "в 2 раза": 100)."""
    lowered = words.lower()
    for word, percent in cues.raw("change_words").get(language, {}).items():
        for said in cues.compiled(rf"(?<!\w){re.escape(word)}(?!-\w)").finditer(lowered):
            after = lowered[said.end() : said.end() + 20]  # "double-typing", "double bookings"
            if not cues.search("change_word_describes", language, after):
                return float(percent)
    return None


def way_of(percent: float | None, direction: str | None) -> float | None:
    """ "увеличить вдвое" doubles, "сократить вдвое" halves: a word that only says "by a
    factor of two" goes the way of the owner's verb (the factor turned round)."""
    if percent is None or direction is None or (percent > 0) == (direction == "increase"):
        return percent
    return round((100 / (100 + percent) - 1) * 100, 1)


def base_of_change(text: str, change: Found, target: Found, language: str) -> bool:
    """ "takings up 15 % on Jan–Mar 2026 (£92,000 last year)": a figure the change is
    taken on is today's value; the target is worked out from it."""
    if target.start < change.start:
        return False
    taken_on = cues.search("change_base", language, text[change.end : target.start])
    past = cues.search("past_figure", language, text[target.end : target.end + 25])
    return taken_on is not None or past is not None
