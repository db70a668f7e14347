"""Whether the owner's words name something in the plan: a goal's metric ("the reviews
goal"), an initiative's title ("take the webshop out", "nettbutikk og markedsplass")."""

from __future__ import annotations

import re
from functools import cache

from assistant.config import PROJECT_ROOT
from assistant.understanding import cues
from assistant.yamlfiles import parse_yaml

MIN_STEM = 5  # "nettbutikk" and "nettbutikken", "marketplace" and "marketplaces"
_WORD = re.compile(r"[^\W\d_]{4,}")  # shorter words ("the", "и", "på") name nothing


def _stems(text: str, language: str | None = None) -> set[str]:
    filler = set(cues.raw("initiative_filler").get(language, ())) if language else set()
    return {w.lower() for w in _WORD.findall(text)} - filler


def content_words(text: str, language: str) -> list[str]:
    """The words of an order that could name something, as said, in order."""
    filler = set(cues.raw("initiative_filler").get(language, ()))
    found = (w.split("-")[0] for w in re.findall(r"[^\W\d_][\w-]{3,}", text))
    return [w for w in found if w.lower() not in filler and len(w) >= 4]


# Russian endings reach into the fifth letter ("смету", "сметы"): cut them before comparing.
_RUSSIAN_ENDING = re.compile(
    r"(?:ами|ями|ого|его|ому|ему|ыми|ими|ах|ях|ам|ям|ов|ев|ой|ей|ом|ем|ую|юю|ая|яя|ое|ее|ые|ие|"
    r"ый|ий|а|я|у|ю|ы|и|е|о|ь)$"
)
CYRILLIC_ROOT = 4  # "смет": the shortest Russian root that names something


def _stem(word: str) -> str | None:
    if re.match(r"[а-яё]", word):
        root = _RUSSIAN_ENDING.sub("", word)
        return root[:MIN_STEM] if len(root) >= CYRILLIC_ROOT else None
    return word[:MIN_STEM] if len(word) >= MIN_STEM else None


def shared_words(words: str, text: str, language: str | None = None) -> int:
    """How many distinct words of ``words`` (five letters or more) appear in ``text``, an
    inflection or compound counted by its first five letters (four in Russian); words
    every business says ("customers", "клиенту") name nothing in ``language``."""
    common = {_stem(w) for w in cues.raw("common_words").get(language, ())} if language else set()
    said = {_stem(w) for w in _stems(words)} - {None} - common
    found = {_stem(w) for w in _stems(text)} - {None}
    return len(said & found)


LONG_STEM = 10  # "direktbokningar" and "Direktbokning": one long word names a thing alone


def shares_a_long_word(words: str, name: str) -> bool:
    """A long word of ``words`` begins like a word of ``name`` for ``LONG_STEM`` letters."""
    said = {w[:LONG_STEM] for w in _stems(words) if len(w) >= LONG_STEM}
    return bool(said & {w[:LONG_STEM] for w in _stems(name) if len(w) >= LONG_STEM})


def shares_a_word(words: str, name: str, language: str | None = None) -> bool:
    """A word of ``words`` is a word of ``name``, or the two share their first five letters
    (inflections and compounds: "сверке" and "сверку", "nettbutikk" and "nettbutikken");
    words of an order that name nothing are left out."""
    said, named = _stems(words, language), _stems(name)
    return any(a == b or a[:MIN_STEM] == b[:MIN_STEM] for a in said for b in named)


NAMES_FILE = PROJECT_ROOT / "knowledge" / "data" / "initiative_names.yaml"


@cache
def _names() -> dict[str, dict[str, list[str]]]:
    return parse_yaml(NAMES_FILE.read_text(encoding="utf-8"))["names"]


def _says(text: str, alias: str, stems: set[str]) -> bool:
    alias = alias.lower()
    if " " in alias or "-" in alias or "." in alias:
        return alias in text
    if len(alias) < MIN_STEM:
        return re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text) is not None
    return any(
        word[:MIN_STEM] == alias[:MIN_STEM] and alias[: len(word)] == word[: len(alias)]
        for word in stems
    )


def initiatives_named(words: str, language: str) -> list[str]:
    """Catalogue ids of the initiatives the owner's words name ("nettbutikk og markedsplass"
    names the webshop and the marketplace), by the names owners use for them."""
    text = words.lower()
    stems = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    return [
        spec_id
        for spec_id, by_language in _names().items()
        if any(_says(text, alias, stems) for alias in by_language.get(language, ()))
    ]
