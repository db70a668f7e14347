"""Quotes shown to the owner are whole sentences of the guidance without Markdown: a bold
lead-in ("**Assess Current State:** Begin by …") is left out, never shown as stray stars."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.coaching.grounding import candidate_sentences
from assistant.config import PROJECT_ROOT

ARTICLES = sorted((PROJECT_ROOT / "knowledge" / "articles").glob("*.md"))


def test_a_bold_lead_in_is_left_out_and_the_sentence_kept_verbatim():
    text = (
        "1. **Assess Current State:** Begin by conducting a comprehensive assessment of your "
        "current digital capabilities, resources, and market position.\n"
        "2. **Define Goals and Objectives**: Based on your assessment, set clear and measurable "
        "goals aligned with your business objectives."
    )
    quotes = candidate_sentences(text)
    assert quotes[0].startswith("Begin by conducting") and quotes[1].startswith("Based on")
    assert all(q in text for q in quotes)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_quote_of_the_guidance_carries_markdown(path: Path):
    body = path.read_text(encoding="utf-8").split("\n---", 2)[-1]
    quotes = candidate_sentences(body)
    assert quotes
    for quote in quotes:
        assert "**" not in quote and not quote.startswith(("*", "#", "_")), quote
