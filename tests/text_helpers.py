"""Helpers for reading the coach's replies in tests."""

from __future__ import annotations

import re


def coach_words(reply: str) -> str:
    """The coach's own words: cited passages (in their own languages) left out."""
    kept = [
        line
        for line in reply.splitlines()
        if not re.match(r"\s*(\[\d+\]|>)", line) and "“" not in line
    ]
    return "\n".join(kept)
