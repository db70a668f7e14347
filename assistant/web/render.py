"""HTML for search results; every piece of document text is escaped (it is data)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from assistant.knowledge.models import SearchResult

LANGUAGE_NAMES = {
    "en": "English",
    "nb": "Norsk",
    "sv": "Svenska",
    "ru": "Русский",
    "de": "Deutsch",
    "fr": "Français",
}


def hint(message: str) -> str:
    return f"<p class='coach-hint'>{escape(message)}</p>"


def results_html(query: str, results: Sequence[SearchResult]) -> str:
    if not query.strip():
        return hint("Type a question in any language.")
    if not results:
        return hint(f"Nothing relevant found for “{query}”.")
    cards = []
    for number, result in enumerate(results, start=1):
        language = LANGUAGE_NAMES.get(result.language, result.language)
        cards.append(
            "<article class='coach-passage'>"
            f"<header><strong>[{number}] {escape(result.title)}</strong>"
            f" <span class='coach-meta'>· {escape(language)} · {escape(result.source)}"
            f" · score {result.score:.2f}</span></header>"
            f"<div class='coach-meta'>{escape(result.heading)}</div>"
            f"<pre class='coach-text'>{escape(result.text)}</pre>"
            f"<footer class='coach-meta'>{escape(result.chunk_id)}</footer>"
            "</article>"
        )
    return "\n".join(cards)


CSS = """
.coach-passage {
  border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 14px; margin: 10px 0;
}
.coach-meta { color: #57606a; font-size: 0.85em; }
.coach-text { white-space: pre-wrap; font-family: inherit; margin: 8px 0; }
.coach-hint { color: #57606a; }
"""
