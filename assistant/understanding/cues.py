"""The reader's language knowledge, loaded from ``knowledge/data/reading_cues.yaml``."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from assistant import regex_cache
from assistant.config import PROJECT_ROOT
from assistant.yamlfiles import parse_yaml

CUES_FILE = PROJECT_ROOT / "knowledge" / "data" / "reading_cues.yaml"


@cache
def _data() -> dict[str, Any]:
    return parse_yaml(CUES_FILE.read_text(encoding="utf-8"))


def raw(key: str) -> Any:
    return _data()[key]


CASE_SENSITIVE = frozenset({"location"})  # names are told by their capital letter


@cache
def patterns(key: str, language: str) -> tuple[re.Pattern[str], ...]:
    """The compiled expressions of ``key`` for ``language`` (case-insensitive, except for
    keys whose capital letters mean something)."""
    flags = 0 if key in CASE_SENSITIVE else re.IGNORECASE
    return tuple(re.compile(p, flags) for p in _data()[key].get(language, ()))


@cache
def labelled_patterns(key: str, language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(label, expression) for a key whose entries are labelled: commands by action,
    periods by what a figure is counted per."""
    found = []
    for label, by_language in _data()[key].items():
        found += [(label, re.compile(p, re.IGNORECASE)) for p in by_language.get(language, ())]
    return tuple(found)


def label_of(key: str, language: str, text: str) -> str | None:
    """The first label of a labelled key one of whose expressions ``text`` matches."""
    return next((label for label, p in labelled_patterns(key, language) if p.search(text)), None)


def command_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return labelled_patterns("commands", language)


def period_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return labelled_patterns("periods", language)


def compiled(pattern: str) -> re.Pattern[str]:
    """A cue expression compiled once (case-insensitive): the reader has more expressions
    than Python's own regular-expression cache holds."""
    return regex_cache.compiled(pattern, re.IGNORECASE)


def search(key: str, language: str, text: str) -> re.Match[str] | None:
    for pattern in patterns(key, language):
        if match := pattern.search(text):
            return match
    return None


def number_word(word: str, language: str) -> float | None:
    if word.isdigit():
        return float(word)
    value = _data()["number_words"].get(language, {}).get(word.lower())
    return float(value) if value is not None else None
