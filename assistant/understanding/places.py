"""Place names in their base form: Russian cases to the nominative with pymorphy3
("в Екатеринбурге" -> Екатеринбург); other languages keep the written form."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _nominative_word(word: str) -> str:
    parses = _morph().parse(word)
    place = next((p for p in parses if "Geox" in p.tag), None)
    chosen = place or parses[0]
    if "NOUN" not in chosen.tag and place is None:
        return word
    form = (
        chosen.inflect({"nomn", "sing"}) if "Pltm" not in chosen.tag else chosen.inflect({"nomn"})
    )
    normal = form.word if form else chosen.normal_form
    return "-".join(part.capitalize() for part in normal.split("-"))


def nominative(place: str, language: str) -> str:
    if language != "ru":
        return place
    said = place.split()  # "Московская область": a word said in lower case stays so
    named = (_nominative_word(word) for word in said)
    return " ".join(n if w[:1].isupper() else n.lower() for n, w in zip(named, said, strict=True))
