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


def _nominative_adjective(word: str, agreement: set[str]) -> str | None:
    """ "Нижнем" before "Новгороде": the adjective agrees with its noun ("Нижний")."""
    parse = next((p for p in _morph().parse(word) if "ADJF" in p.tag), None)
    form = parse.inflect({"nomn", *agreement}) if parse is not None else None
    return form.word.capitalize() if form else None


def nominative(place: str, language: str) -> str:
    if language != "ru":
        return place
    said = place.split()  # "Московская область": a word said in lower case stays so
    named = [_nominative_word(word) for word in said]
    if len(said) > 1:  # "Нижнем Новгороде", "Великих Луках": adjectives agree with the noun
        noun = _morph().parse(said[-1])[0]
        plural = "Pltm" in noun.tag or noun.tag.number == "plur"  # "Набережных Челнах"
        agreement = {"plur"} if plural else {"sing", noun.tag.gender or "masc"}
        for n, word in enumerate(said[:-1]):
            named[n] = _nominative_adjective(word, agreement) or named[n]
    return " ".join(n if w[:1].isupper() else n.lower() for n, w in zip(named, said, strict=True))
