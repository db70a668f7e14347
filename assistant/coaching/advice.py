"""A consultant's short answer to "is X worth it for us?" about the channels and tools
owners ask of most (search ads, TikTok, an own app, a chatbot, a webshop or marketplace, a
newsletter, local search), in the owner's language (``knowledge/data/advice.yaml``)."""

from __future__ import annotations

import re
from functools import cache

from assistant.config import PROJECT_ROOT
from assistant.regex_cache import compiled
from assistant.yamlfiles import parse_yaml

ADVICE_FILE = PROJECT_ROOT / "knowledge" / "data" / "advice.yaml"


@cache
def _advice() -> dict:
    return parse_yaml(ADVICE_FILE.read_text(encoding="utf-8"))


def asks_worth(question: str, language: str) -> bool:
    """ "Is it worth us doing Google Ads?", «есть ли смысл зимой запускать Директ?»."""
    patterns = _advice()["worth_asked"].get(language, ())
    return any(compiled(p, re.IGNORECASE).search(question) for p in patterns)


def advice_on(question: str, language: str) -> str | None:
    """The advice on what a "worth it?" question names (the longest term said wins:
    "instagram reels" over "reels"), or None when it asks of nothing we advise on."""
    if not asks_worth(question, language):
        return None
    lowered = question.lower()
    best: tuple[int, str] | None = None
    for topic in _advice()["topics"].values():
        for term in topic["terms"].get(language, ()):
            said = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", lowered) is not None
            if said and (best is None or len(term) > best[0]):
                best = (len(term), topic["text"][language])
    return best[1] if best else None
