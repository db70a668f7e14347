"""Names in their base form: Russian cases to the nominative with pymorphy3, for places
("в Екатеринбурге" -> Екатеринбург) and for trades and what a goal counts ("фитнес-клуба"
-> фитнес-клуб); other languages keep the written form."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def russian_noun(word: str) -> bool:
    """The word is most likely a noun ("машин", not "было")."""
    return "NOUN" in _morph().parse(word)[0].tag


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


def head_in_nominative(phrase: str, language: str, unless_maybe: bool = False) -> str:
    """A Russian trade as a profile names it: "фитнес-клуба" -> "фитнес-клуб", "ландшафтной
    компании" -> "ландшафтная компания", "школы танцев" -> "школа танцев". The phrase's first
    noun (and the adjectives before it) go to the nominative; the words after it keep their
    case; other languages, and a phrase that starts otherwise, keep the written form. With
    ``unless_maybe`` a noun that may already be nominative stays ("продажи", "записи")."""
    if language != "ru":
        return phrase
    words = phrase.split(" ")
    for at, word in enumerate(words):
        parse = _morph().parse(word)[0] if word.replace("-", "").isalpha() else None
        if parse is None or "ADJF" in parse.tag or "PRTF" in parse.tag:
            if parse is None:
                return phrase
            continue  # an adjective before its noun: it agrees with it
        if "NOUN" not in parse.tag or "nomn" in parse.tag:
            return phrase
        maybe = any("NOUN" in p.tag and "nomn" in p.tag for p in _morph().parse(word))
        if unless_maybe and maybe:
            return phrase
        form = parse.inflect({"nomn", parse.tag.number or "sing"})
        if form is None:
            return phrase
        agreement = {"plur"} if parse.tag.number == "plur" else {"sing", parse.tag.gender or "masc"}
        said = [_nominative_adjective(w, agreement) or w for w in words[:at]]
        said = [s if w[:1].isupper() else s.lower() for s, w in zip(said, words[:at], strict=True)]
        head = form.word.capitalize() if word[:1].isupper() else form.word
        return " ".join([*said, head, *words[at + 1 :]])
    return phrase
