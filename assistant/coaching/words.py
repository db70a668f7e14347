"""Whether the owner's words name something in the plan: a goal's metric ("the reviews
goal"), an initiative's title ("take the webshop out", "nettbutikk og markedsplass")."""

from __future__ import annotations

import re

from assistant.understanding import cues

MIN_STEM = 5  # "nettbutikk" and "nettbutikken", "marketplace" and "marketplaces"
_WORD = re.compile(r"[^\W\d_]{4,}")


def _stems(text: str, language: str | None = None) -> set[str]:
    filler = set(cues.raw("initiative_filler").get(language, ())) if language else set()
    return {w.lower() for w in _WORD.findall(text)} - filler


def shares_a_word(words: str, name: str, language: str | None = None) -> bool:
    """A word of ``words`` is a word of ``name``, or one starts the other (five letters or
    more: inflections and compounds); words of an order that name nothing are left out."""
    said, named = _stems(words, language), _stems(name)
    return any(
        a == b or (min(len(a), len(b)) >= MIN_STEM and (a.startswith(b) or b.startswith(a)))
        for a in said
        for b in named
    )
