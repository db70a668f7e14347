"""Words typed without a language's own letters ("maal 2", "paa nett", "oeke"): said again
in the letters the readers' cues expect, so "maal 2" is goal 2 as "mål 2" is. The table is
data (reading_cues.yaml, ``plain_letter_spellings``); other words are left as typed."""

from __future__ import annotations

import re
from functools import cache

from assistant.understanding import cues


@cache
def _table(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    spellings = {
        k.lower(): v for k, v in cues.raw("plain_letter_spellings").get(language, {}).items()
    }
    if not spellings:
        return None, {}
    words = "|".join(sorted(map(re.escape, spellings), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE), spellings


def with_own_letters(text: str, language: str) -> str:
    """ "Maal 1 skal OEKE" -> "Mål 1 skal ØKE": the capitals as typed."""
    pattern, spellings = _table(language)
    if pattern is None:
        return text
    return pattern.sub(lambda m: _cased(spellings[m.group(0).lower()], m.group(0)), text)


def _cased(word: str, typed: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word
