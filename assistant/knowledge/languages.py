"""Language detection, tokenising, stop words and Snowball stemming per language.

Keyword search stems a document with its own language's stemmer. A query's language is
often unclear (short, mixed, full of loanwords), so a query word is stemmed with every
stemmer that fits its script, and whatever matches the index counts.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

# ISO 639-1 code -> (Snowball algorithm, bm25s stop-word list name)
_LANGUAGE_TOOLS: dict[str, tuple[str, str]] = {
    "en": ("english", "STOPWORDS_EN"),
    "nb": ("norwegian", "STOPWORDS_NORWEGIAN"),
    "nn": ("norwegian", "STOPWORDS_NORWEGIAN"),
    "no": ("norwegian", "STOPWORDS_NORWEGIAN"),
    "da": ("danish", "STOPWORDS_DANISH"),
    "sv": ("swedish", "STOPWORDS_SWEDISH"),
    "ru": ("russian", "STOPWORDS_RUSSIAN"),
    "de": ("german", "STOPWORDS_GERMAN"),
    "fr": ("french", "STOPWORDS_FRENCH"),
    "es": ("spanish", "STOPWORDS_SPANISH"),
    "nl": ("dutch", "STOPWORDS_DUTCH"),
    "fi": ("finnish", ""),
}
LATIN_QUERY_LANGUAGES = ("en", "nb", "sv", "de", "fr")
CYRILLIC_QUERY_LANGUAGES = ("ru",)

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def normalise_language(code: str | None) -> str:
    """Map variants to the codes we use: ``no``/``nn`` -> ``nb``; unknown stays as given."""
    if not code:
        return "und"
    code = code.lower().split("-")[0].split("_")[0]
    return {"no": "nb", "nn": "nb", "nob": "nb"}.get(code, code)


def tokenize(text: str) -> list[str]:
    """Lower-cased words; keeps å/ä/ø, Cyrillic and hyphenated compounds (e-handel)."""
    words: list[str] = []
    for match in _WORD.finditer(text.lower().replace("ё", "е")):
        word = match.group(0).replace("’", "'")
        words.append(word)
        if "-" in word:
            words.extend(part for part in word.split("-") if part)
    return words


@cache
def _stemmer(language: str):  # -> Stemmer.Stemmer | None
    import Stemmer

    tools = _LANGUAGE_TOOLS.get(language)
    return Stemmer.Stemmer(tools[0]) if tools else None


@cache
def stopwords(language: str) -> frozenset[str]:
    import bm25s.stopwords as lists

    tools = _LANGUAGE_TOOLS.get(language)
    if not tools or not tools[1]:
        return frozenset()
    return frozenset(getattr(lists, tools[1]))


def analyze(text: str, language: str) -> list[str]:
    """Stems of the content words of ``text``, written in ``language``."""
    language = normalise_language(language)
    stop = stopwords(language)
    words = [w for w in tokenize(text) if w not in stop and len(w) > 1]
    stemmer = _stemmer(language)
    return stemmer.stemWords(words) if stemmer else words


def analyze_query(text: str) -> list[str]:
    """Stems of a query in any language: each word stemmed by every fitting stemmer."""
    stems: list[str] = []
    seen: set[str] = set()
    for word in tokenize(text):
        languages = CYRILLIC_QUERY_LANGUAGES if _CYRILLIC.search(word) else LATIN_QUERY_LANGUAGES
        if len(word) < 2 or any(word in stopwords(lang) for lang in languages):
            continue
        for language in languages:
            stem = _stemmer(language).stemWord(word)
            if stem not in seen:
                seen.add(stem)
                stems.append(stem)
    return stems


_LINGUA_CODES = ("EN", "NB", "NN", "SV", "DA", "RU", "DE", "FR", "ES", "FI", "NL")


@cache
def _detector() -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c)) for c in _LINGUA_CODES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str, default: str | None = None) -> str | None:
    """ISO 639-1 code of ``text`` (Norwegian as ``nb``), or ``default`` when unsure."""
    sample = text.strip()[:2000]
    if not any(ch.isalpha() for ch in sample):
        return default
    if _mostly_cyrillic(sample):
        return "ru"
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < 0.2:
        return default
    return normalise_language(values[0].language.iso_code_639_1.name)


def _mostly_cyrillic(sample: str) -> bool:
    return len(_CYRILLIC.findall(sample)) > len(sample) * 0.3


SURE_SWITCH = 0.7  # confidence that alone moves a conversation to another language
NOT_CURRENT = 0.05  # below this, the text is plainly not in the conversation's language


def sure_language(text: str, current: str) -> str | None:
    """The language of ``text`` when it is clearly not ``current``: Cyrillic script, one
    language (the two Norwegian written forms together) at ``SURE_SWITCH`` or more, or the
    likeliest language when ``current`` is all but ruled out. "Ta bort presentkort" is
    Swedish and Norwegian alike, so it does not move a Swedish conversation."""
    sample = text.strip()[:2000]
    if _mostly_cyrillic(sample):
        return "ru"
    if not any(ch.isalpha() for ch in sample):
        return None
    totals: dict[str, float] = {}
    for value in _detector().compute_language_confidence_values(sample):
        code = normalise_language(value.language.iso_code_639_1.name)
        totals[code] = totals.get(code, 0.0) + value.value
    best = max(totals, key=totals.__getitem__, default=None)
    if best is None or best == current:
        return None
    ruled_out = totals.get(current, 0.0) < NOT_CURRENT
    return best if totals[best] >= SURE_SWITCH or ruled_out else None


_NAME = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b[A-ZÆØÅÄÖА-ЯЁ][\w'’-]*|\b[A-ZÆØÅÄÖА-ЯЁ]{2,}\b")


def without_names(text: str) -> str:
    """The text less its names: capitalised words inside a sentence ("It's called Bakeriet
    på Hjørnet") and codes ("NOK"), which say nothing of the language it is written in."""
    kept = _NAME.sub(" ", text)
    return _BETWEEN_NAMES.sub(" ", kept)  # "Bakeriet på Hjørnet": "på" is part of the name


_BETWEEN_NAMES = re.compile(r"\b(?:på|i|og|av|för|och|de|la|van|von|на|в|и)\b(?=\s+(?:\s|$))")
