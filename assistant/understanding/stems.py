"""Whether two pieces of the owner's text name the same thing: words compared by their first
letters, so inflections and compounds match ("nettbutikk" and "nettbutikken", "сайт" and
"сайта"), words every business says left out."""

from __future__ import annotations

import re

from assistant.knowledge.languages import analyze
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
    said = {w for w in word_set(words) if _stem(w) not in common | {None}}
    found = word_set(text)
    prefixes = {_stem(w) for w in found} - {None}
    snowball = {snowball_root(w, language) for w in found} - {None}
    named = {
        _stem(w) for w in said if _stem(w) in prefixes or snowball_root(w, language) in snowball
    }
    return len(named)


MIN_SNOWBALL = 4  # "booked" and "bookings" share the Snowball stem "book"


def snowball_root(word: str, language: str | None, shortest: int = MIN_SNOWBALL) -> str | None:
    """The Snowball stem, which joins forms whose first five letters differ; None when it is
    shorter than ``shortest``."""
    stems = analyze(word.lower(), language) if language else []
    return stems[0] if stems and len(stems[0]) >= shortest else None


ENDING = 3  # letters an ending adds to a word ("nettside" -> "nettsidene", "quote" -> "quotes")
HEAD = 9  # a word this long may be the last part of a compound ("bokföringen" in "molnbokföringen")


def same_word(a: str, b: str) -> bool:
    """Two forms of one word ("nettside", "nettsiden"), or a word and a compound it ends
    ("bokföringen", "molnbokföringen"); not a word and a compound it begins ("arbete" and
    "arbetsgivare", "order" and "orderraderna"). Russian words by their root."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    if re.match(r"[а-яё]", short):
        return _stem(short) is not None and _stem(short) == _stem(long)
    starts = range(len(long) - len(short) + ENDING + 1) if len(short) >= HEAD else [0]
    return any(_endings_apart(short, long[i:]) for i in starts)


def _endings_apart(a: str, b: str) -> bool:
    common = next(
        (n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return common >= MIN_STEM and max(len(a), len(b)) - common <= ENDING


def words_in_common(words: str, text: str, language: str | None = None) -> set[str]:
    """The words of ``words`` that ``text`` also says, in some form (see ``same_word``),
    less those every business says."""
    common = set(cues.raw("common_words").get(language, ())) if language else set()
    said = {w for w in _naming(word_set(words)) if not any(same_word(w, c) for c in common)}
    found = _naming(word_set(text))
    return {w for w in said if any(same_word(w, f) for f in found)}


def _naming(words: set[str]) -> set[str]:
    """Words long enough to name something: "bygg", "sälj" and "från" name nothing alone."""
    return {w for w in words if len(w) >= MIN_STEM or re.match(r"[а-яё]", w)}
