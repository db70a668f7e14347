"""Helpers for reading the coach's replies in tests."""

from __future__ import annotations

import re
from pathlib import Path


def coach_words(reply: str) -> str:
    """The coach's own words: cited passages (in their own languages) left out."""
    kept = [
        line
        for line in reply.splitlines()
        if not re.match(r"\s*(\[\d+\]|>)", line) and "“" not in line
    ]
    return "\n".join(kept)


LISTENING_RECORDS = Path(__file__).parents[1] / "evals" / "listening"
_OWNER_MESSAGE = re.compile(r"### Owner \(message \d+\)\n\n(.*?)\n\n### Coach", re.S)
_OWNER_LINE = re.compile(r"^user> (.*?)\n\nassistant> ", re.S | re.M)  # the terminal's record


def owner_messages(record: str) -> list[str]:
    """The owner's messages of a blind round's transcript ("<round>/transcript_….md"), in
    either of the two ways rounds record them."""
    text = (LISTENING_RECORDS / record).read_text(encoding="utf-8")
    said = _OWNER_MESSAGE.findall(text) or _OWNER_LINE.findall(text)
    return [m.strip() for m in said]
