"""Objective categories by keyword evidence, and "I don't know" answers (en, nb, sv, ru).

Keywords live in knowledge/data/objective_keywords.yaml (matching rules are described there).
Words are compared by Snowball stem (PyStemmer), so inflections match ("omsetningen",
"выручки", "försäljningen"); terms ending in "*" match by prefix, for compounds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import Stemmer

from assistant.config import PROJECT_ROOT
from assistant.extraction.models import (
    MAX_TEXT_CHARS,
    Language,
    ObjectiveCategory,
    normalize_language,
)
from assistant.yamlfiles import parse_yaml

KEYWORDS_PATH = PROJECT_ROOT / "knowledge" / "data" / "objective_keywords.yaml"
FALLBACK: ObjectiveCategory = "other"

_STEMMER_NAMES: dict[Language, str] = {
    "en": "english",
    "nb": "norwegian",
    "sv": "swedish",
    "ru": "russian",
}
_WORD = r"[^\W\d_]+"
_PHRASE_WEIGHT = 2.0
_WORD_WEIGHT = 1.0

_DONT_KNOW: dict[Language, str] = {
    "en": r"(?:do\s*n'?t|do\s+not|don't\s+really)\s+know|no\s+idea|not\s+(?:really\s+)?sure|"
    r"unsure|no\s+clue|not\s+certain|(?:hard|difficult)\s+to\s+say|(?:have\s*n'?t|have\s+not|"
    r"not)\s+decided|idk|dunno|can'?t\s+say|cannot\s+say|(?:have\s*n'?t|have\s+not)\s+thought",
    "nb": r"vet\s+ikke|veit\s+ikke|"
    r"vet\s+(?:jeg|vi)\s+(?:\w+\s+)?ikke|vet\s+ikkje|aner\s+ikke|ingen\s+anelse|usikker|"
    r"ikke\s+sikker|vanskelig\s+å\s+si|(?:har\s+)?ikke\s+bestemt|ikke\s+tenkt\s+på|"
    r"kan\s+ikke\s+si",
    "sv": r"vet\s+inte|vet\s+ej|"
    r"vet\s+(?:jag|vi)\s+(?:\w+\s+)?inte|ingen\s+aning|osäker|inte\s+säker|svårt\s+att\s+säga|"
    r"(?:har\s+)?inte\s+bestämt|inte\s+tänkt\s+på|kan\s+inte\s+säga",
    "ru": r"не\s+знаю|не\s+уверен[аы]?|без\s+понятия|понятия\s+не\s+имею|(?:трудно|сложно)\s+"
    r"сказать|(?:пока\s+)?не\s+решили|не\s+определил(?:ись|ся|ась)|затрудняюсь\s+ответить|хз",
}


@dataclass(frozen=True)
class _Term:
    category: ObjectiveCategory
    parts: tuple[tuple[str, bool], ...]  # (stem or prefix, is_prefix)
    weight: float


@dataclass(frozen=True)
class _Index:
    categories: tuple[ObjectiveCategory, ...]
    by_stem: dict[str, tuple[_Term, ...]]
    by_prefix: dict[str, tuple[_Term, ...]]
    prefix_lengths: tuple[int, ...]


def _normalize(text: str) -> str:
    return text.lower().replace("ё", "е").replace("’", "'")


@cache
def _stemmer(language: Language) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMER_NAMES[language])


@cache
def load_objective_keywords(path: Path = KEYWORDS_PATH) -> dict[str, dict[str, list[str]]]:
    """Category -> language -> terms, read once from the YAML file."""
    with path.open(encoding="utf-8") as handle:
        data = parse_yaml(handle)
    return {name: dict(languages or {}) for name, languages in data["categories"].items()}


@cache
def _index(language: Language, path: Path = KEYWORDS_PATH) -> _Index:
    stemmer = _stemmer(language)
    by_stem: dict[str, list[_Term]] = defaultdict(list)
    by_prefix: dict[str, list[_Term]] = defaultdict(list)
    keywords = load_objective_keywords(path)
    for category, languages in keywords.items():
        for raw in languages.get(language, []):
            words = re.findall(rf"{_WORD}\*?", _normalize(str(raw)))
            if not words:
                continue
            parts = tuple(
                (word[:-1], True) if word.endswith("*") else (stemmer.stemWord(word), False)
                for word in words
            )
            weight = _PHRASE_WEIGHT if len(parts) > 1 else _WORD_WEIGHT
            term = _Term(category, parts, weight)  # type: ignore[arg-type]
            (by_prefix if parts[0][1] else by_stem)[parts[0][0]].append(term)
    lengths = tuple(sorted({len(prefix) for prefix in by_prefix}))
    return _Index(
        categories=tuple(name for name in keywords if name != FALLBACK),  # type: ignore[misc]
        by_stem={key: tuple(terms) for key, terms in by_stem.items()},
        by_prefix={key: tuple(terms) for key, terms in by_prefix.items()},
        prefix_lengths=lengths,
    )


def _part_matches(part: tuple[str, bool], word: str, stem: str) -> bool:
    key, is_prefix = part
    return word.startswith(key) if is_prefix else stem == key


def _candidates(index: _Index, word: str, stem: str) -> list[_Term]:
    found = list(index.by_stem.get(stem, ()))
    for length in index.prefix_lengths:
        if length > len(word):
            break
        found.extend(index.by_prefix.get(word[:length], ()))
    return found


def classify_objective(text: str, language: str) -> list[tuple[ObjectiveCategory, float]]:
    """Categories with keyword evidence, best first; scores are shares of all evidence.

    Empty text or no evidence gives ``[("other", 0.0)]``.
    """
    lang = normalize_language(language)
    index = _index(lang)
    words = re.findall(_WORD, _normalize(text[:MAX_TEXT_CHARS]))
    stems = _stemmer(lang).stemWords(words)
    hits: dict[ObjectiveCategory, list[tuple[int, int, float]]] = defaultdict(list)
    for position, (word, stem) in enumerate(zip(words, stems, strict=True)):
        for term in _candidates(index, word, stem):
            end = position + len(term.parts)
            if end > len(words):
                continue
            if all(
                _part_matches(part, words[position + offset], stems[position + offset])
                for offset, part in enumerate(term.parts)
            ):
                hits[term.category].append((position, end, term.weight))
    scores = {category: _evidence(spans) for category, spans in hits.items()}
    total = sum(scores.values())
    if total <= 0:
        return [(FALLBACK, 0.0)]
    order = {category: rank for rank, category in enumerate(index.categories)}
    ranked = sorted(scores.items(), key=lambda item: (-item[1], order.get(item[0], 99)))
    return [(category, round(score / total, 3)) for category, score in ranked]


def _evidence(spans: list[tuple[int, int, float]]) -> float:
    """Total weight of non-overlapping matches, longest phrases first (no double counting)."""
    taken: set[int] = set()
    total = 0.0
    for start, end, weight in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
        positions = set(range(start, end))
        if positions & taken:
            continue
        taken |= positions
        total += weight
    return total


@cache
def _dont_know_pattern(language: Language) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{_DONT_KNOW[language]})(?![^\W\d_])", re.IGNORECASE)


def detect_dont_know(text: str, language: str) -> bool:
    """True when the owner says they don't know or are unsure ("vet ikke", "не знаю")."""
    lang = normalize_language(language)
    return _dont_know_pattern(lang).search(_normalize(text[:MAX_TEXT_CHARS])) is not None
