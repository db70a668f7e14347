"""Plain-words definitions of the terms owners ask about ("what is a KPI?"), in the owner's
language (``knowledge/data/definitions.yaml``)."""

from __future__ import annotations

import re
from functools import cache

from assistant.config import PROJECT_ROOT
from assistant.understanding import cues
from assistant.yamlfiles import parse_yaml

DEFINITIONS_FILE = PROJECT_ROOT / "knowledge" / "data" / "definitions.yaml"


@cache
def _terms() -> dict[str, dict]:
    return parse_yaml(DEFINITIONS_FILE.read_text(encoding="utf-8"))["terms"]


def _asks_what(text: str, language: str) -> bool:
    return cues.search("asks_what_is", language, text) is not None


_SCORE = re.compile(r"\b\d{1,3}\s*/\s*100\b")


def definition(question: str, language: str) -> str | None:
    """The definition of the term a "what is ..." question asks about, if it is one we
    define; the longest term said wins ("conversion rate" over "conversion")."""
    if not _asks_what(question, language):
        return None
    lowered = _SCORE.sub("score/100", question.lower())  # "vad betyder 95/100?"
    best: tuple[int, str] | None = None
    for entry in _terms().values():
        for term in entry["terms"].get(language, ()):
            said = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", lowered) is not None
            if said and (best is None or len(term) > best[0]):
                best = (len(term), entry["text"][language])
    return best[1] if best else None
