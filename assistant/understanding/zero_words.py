"""Zero said in words as an aim's figure ("double bookings … we want zero by June 2027",
"свести к нулю"): the word is read as the number 0, the text keeping its length so every
span stays where it was. The phrasings are data (``zero_aimed`` in reading_cues.yaml)."""

from __future__ import annotations

from assistant.understanding import cues


def zero_as_number(text: str, language: str) -> str:
    """``text`` with each aim's "zero" written as "0", padded to the word's length."""
    for pattern in cues.patterns("zero_aimed", language):
        for match in pattern.finditer(text):
            start, end = match.span("zero")
            text = text[:start] + "0" + " " * (end - start - 1) + text[end:]
    return text
