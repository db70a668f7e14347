"""Per-language words and patterns for reading a message (knowledge/data/dialogue_cues.yaml)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from assistant.config import PROJECT_ROOT
from assistant.knowledge.loaders import load_yaml_data

SUPPORTED = ("en", "nb", "sv", "ru")
CUES_FILE = PROJECT_ROOT / "knowledge" / "data" / "dialogue_cues.yaml"


class LanguageCues(BaseModel):
    model_config = ConfigDict(extra="forbid")

    approve: list[str]
    question_words: list[str]
    revenue_words: list[str]
    from_to: str
    name_patterns: list[str]
    not_name_words: list[str]  # greetings and pronouns: "Hei. Jeg" is no business name
    industry_patterns: list[str]
    market_patterns: list[str]
    drop_goal: str
    move_deadline: str
    negation: list[str]
    disagree: list[str]
    guarantee: str  # asks the coach to promise results
    advice: str  # legal, tax, loan or investment matters
    instructions: str  # asks for (or tries to override) the coach's instructions
    specifics: str  # needs current specifics the guidance lacks (prices, laws, benchmarks)

    def compiled(self, pattern: str) -> re.Pattern[str]:
        return _compile(pattern)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.UNICODE)


@cache
def _all_cues() -> dict[str, LanguageCues]:
    raw: dict[str, Any] = load_yaml_data(CUES_FILE)
    return {lang: LanguageCues.model_validate(block) for lang, block in raw.items()}


def cues(language: str) -> LanguageCues:
    table = _all_cues()
    return table.get(language) or table["en"]


def supported_language(code: str | None) -> str:
    """One of the coach's languages; anything else (or unknown) becomes English."""
    if not code:
        return "en"
    code = code.lower()[:2]
    code = {"no": "nb", "nn": "nb"}.get(code, code)
    return code if code in SUPPORTED else "en"
