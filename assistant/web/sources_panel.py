"""HTML for the sources panel: every cited passage in full, with the quoted sentences marked.

Each passage carries the anchor ``source-n`` that the ``[n]`` links in replies and in the plan
panel point at. The passage text is escaped first and quotes are matched in the escaped text
(quotes escaped the same way), so a ``<mark>`` can never split or smuggle markup; whitespace
may differ between a quote and the passage (line breaks, double spaces).
"""

from __future__ import annotations

import re
from html import escape

from assistant.coaching.state import SessionState
from assistant.reporting.views import Labels, SourceRow, cited_sources
from assistant.web.render import LANGUAGE_NAMES


def _quote_pattern(quote: str) -> re.Pattern[str] | None:
    words = escape(quote).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, quotes: list[str]) -> tuple[str, list[str]]:
    """The escaped text with each found quote in ``<mark>``, and the quotes not found."""
    escaped = escape(text)
    spans: list[tuple[int, int]] = []
    missing = []
    for quote in quotes:
        pattern = _quote_pattern(quote)
        if pattern is None:
            continue
        found = [match.span() for match in pattern.finditer(escaped)]
        if found:
            spans.extend(found)
        else:
            missing.append(quote)
    parts = []
    position = 0
    for start, end in _merge(spans):
        parts.append(escaped[position:start])
        parts.append(f"<mark>{escaped[start:end]}</mark>")
        position = end
    parts.append(escaped[position:])
    return "".join(parts), missing


def _source_html(row: SourceRow, labels: Labels) -> str:
    marked, missing = highlight(row.text, row.quotes)
    language = LANGUAGE_NAMES.get(row.language, row.language)
    meta = " · ".join(escape(part) for part in (language, row.heading) if part)
    loose = "".join(
        f'<blockquote class="sc-quote" data-unmatched="true">'
        f'<span class="sc-quote-label">{escape(labels.text("cited_quote"))}:</span> '
        f"<mark>{escape(quote)}</mark></blockquote>"
        for quote in missing
    )
    return (
        f'<article class="sc-source" id="source-{row.number}" data-source="{row.number}"'
        f' data-chunk-id="{escape(row.chunk_id, quote=True)}">'
        f'<header class="sc-source-head"><span class="sc-source-number">[{row.number}]</span>'
        f' <strong class="sc-source-title">{escape(row.title)}</strong>'
        f' <span class="sc-source-meta">{meta}</span></header>'
        f'<div class="sc-passage" tabindex="0" lang="{escape(row.language, quote=True)}">'
        f"{marked}</div>{loose}</article>"
    )


def sources_html(state: SessionState) -> str:
    """All passages the session cites, numbered like the ``[n]`` markers, in the plan language."""
    labels = Labels(state.plan.language)
    rows = cited_sources(state)
    if rows:
        body = "".join(_source_html(row, labels) for row in rows)
    else:
        body = f'<p class="sc-empty">{escape(labels.text("no_sources"))}</p>'
    return (
        '<section class="sc-panel sc-sources-panel" data-testid="sources">'
        f'<h3 class="sc-heading">{escape(labels.of("sections", "sources"))}</h3>'
        f'<div class="sc-sources">{body}</div></section>'
    )
