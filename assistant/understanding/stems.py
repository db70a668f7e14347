"""Whether two pieces of the owner's text name the same thing: words compared by their first
letters, so inflections and compounds match ("nettbutikk" and "nettbutikken", "сайт" and
"сайта"), words every business says left out."""

from __future__ import annotations

import re

from assistant.understanding import cues

MIN_STEM = 5  # "nettbutikk" and "nettbutikken", "marketplace" and "marketplaces"
_WORD = re.compile(r"[^\W\d_]{4,}")  # shorter words ("the", "и", "på") name nothing


def word_set(text: str, language: str | None = None) -> set[str]:
    """The words of four letters or more, lower-cased, without the fillers of an order."""
    filler = set(cues.raw("initiative_filler").get(language, ())) if language else set()
    return {w.lower() for w in _WORD.findall(text)} - filler


# Russian endings reach into the fifth letter ("смету", "сметы"): cut them before comparing.
_RUSSIAN_ENDING = re.compile(
    r"(?:ами|ями|ого|его|ому|ему|ыми|ими|ах|ях|ам|ям|ов|ев|ой|ей|ом|ем|ую|юю|ая|яя|ое|ее|ые|ие|"
    r"ый|ий|а|я|у|ю|ы|и|е|о|ь)$"
)
CYRILLIC_ROOT = 4  # "смет": the shortest Russian root that names something


def _stem(word: str) -> str | None:
    if re.match(r"[а-яё]", word):
        root = _RUSSIAN_ENDING.sub("", word)
        return root[:MIN_STEM] if len(root) >= CYRILLIC_ROOT else None
    return word[:MIN_STEM] if len(word) >= MIN_STEM else None


def shared_words(words: str, text: str, language: str | None = None) -> int:
    """How many distinct words of ``words`` (five letters or more) appear in ``text``, an
    inflection or compound counted by its first five letters (four in Russian); words
    every business says ("customers", "клиенту") name nothing in ``language``."""
    common = {_stem(w) for w in cues.raw("common_words").get(language, ())} if language else set()
    said = {_stem(w) for w in word_set(words)} - {None} - common
    found = {_stem(w) for w in word_set(text)} - {None}
    return len(said & found)
