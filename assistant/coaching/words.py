"""Whether the owner's words name something in the plan: a goal's metric ("the reviews
goal"), an initiative's title ("take the webshop out", "nettbutikk og markedsplass")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from assistant.config import PROJECT_ROOT
from assistant.regex_cache import compiled
from assistant.understanding import cues
from assistant.understanding.stems import MIN_STEM, word_set
from assistant.yamlfiles import parse_yaml


def content_words(text: str, language: str) -> list[str]:
    """The words of an order that could name something, as said, in order."""
    filler = set(cues.raw("initiative_filler").get(language, ()))
    found = (w.split("-")[0] for w in re.findall(r"[^\W\d_][\w-]{3,}", text))
    return [w for w in found if w.lower() not in filler and len(w) >= 4]


LONG_STEM = 10  # "direktbokningar" and "Direktbokning": one long word names a thing alone


def shares_a_long_word(words: str, name: str, language: str | None = None) -> bool:
    """A long word of ``words`` begins like a word of ``name`` for ``LONG_STEM`` letters;
    in ``language``, not a word that only says how a step works ("automatic")."""
    describing = tuple(cues.raw("describing_words").get(language, ())) if language else ()
    said = {
        w[:LONG_STEM]
        for w in word_set(words)
        if len(w) >= LONG_STEM and not (describing and w.startswith(describing))
    }
    return bool(said & {w[:LONG_STEM] for w in word_set(name) if len(w) >= LONG_STEM})


_ACRONYM = re.compile(r"(?<!\w)[A-ZÆØÅÄÖА-ЯЁ][A-ZÆØÅÄÖА-ЯЁ0-9]{1,4}(?!\w)")  # "EV", "SEO", "КП"


def _acronyms(text: str) -> set[str]:
    """Short names written in capitals: "the EV goal" names the goal about EV chargers."""
    return {a.lower() for a in _ACRONYM.findall(text)}


def shares_a_word(words: str, name: str, language: str | None = None) -> bool:
    """A word of ``words`` is a word of ``name``, or the two share their first five letters
    (inflections and compounds: "сверке" and "сверку", "nettbutikk" and "nettbutikken");
    words of an order that name nothing are left out."""
    return words_shared(words, name, language) > 0


def words_shared(words: str, name: str, language: str | None = None) -> int:
    """How many words of ``name`` the order says, as ``shares_a_word`` matches them."""
    said = word_set(words, language) | _acronyms(words)
    named = word_set(name, language) | _acronyms(name)
    return sum(any(a == b or a[:MIN_STEM] == b[:MIN_STEM] for a in said) for b in named)


def most_said(words: str, names: list[str], language: str) -> int | None:
    """The index of the one name the words say more words of than any other's, or None when
    none stands out."""
    counts = [words_shared(words, name, language) for name in names]
    best = max(counts, default=0)
    return counts.index(best) if best and counts.count(best) == 1 else None


NAMES_FILE = PROJECT_ROOT / "knowledge" / "data" / "initiative_names.yaml"


@cache
def _names() -> dict[str, dict[str, list[str]]]:
    return parse_yaml(NAMES_FILE.read_text(encoding="utf-8"))["names"]


def _says(text: str, alias: str, stems: set[str]) -> bool:
    alias = alias.lower()
    if " " in alias or "-" in alias or "." in alias:
        return alias in text
    if len(alias) < MIN_STEM:
        return compiled(rf"(?<!\w){re.escape(alias)}(?!\w)").search(text) is not None
    return any(  # "nettbutikken" says "nettbutikk"; "under" does not say "undersökning"
        word[:MIN_STEM] == alias[:MIN_STEM]
        and alias[: len(word)] == word[: len(alias)]
        and len(word) >= len(alias) - CALL_ENDING
        for word in stems
    )


def initiatives_called(words: str, language: str) -> list[str]:
    """Catalogue ids of the initiatives the owner asks for by one of their names, said whole
    or with an ending ("timelistene", "click and collect"), not a word a name only begins
    with ("under" is not "undersøkelse", "kursbevis" not "kurs") nor one said after
    "without" ("20 new clients without hiring")."""
    text = words.lower()
    return [
        spec_id
        for spec_id, by_language in _names().items()
        if any(_calls(text, alias.lower(), language) for alias in by_language.get(language, ()))
    ]


def first_called_at(words: str, spec_id: str, language: str) -> int:
    """Where the owner first calls the initiative by one of its names (the text's length
    when they do not), so the step said first leads ("Click-and-collect: … pay online")."""
    text = words.lower()
    aliases = _names().get(spec_id, {}).get(language, ())
    places = [text.find(alias.lower()) for alias in aliases]
    return min((p for p in places if p >= 0), default=len(text))


PASSING_SHARE = 0.5  # below this share of its words, a name only brushes a catalogue step


def named_in_passing(name: str, spec_ids: list[str], language: str) -> bool:
    """A step the owner names in several words of which fewer than half belong to any of
    the catalogue steps found ("vinterförvaring och vinterservice-kampanj" says "kampanj",
    yet is a winter offer of its own, not the ad campaigns)."""
    said = _naming_words(name, language)
    if len(said) < 2 or not spec_ids:
        return False

    def share(spec_id: str) -> float:
        aliases = _names().get(spec_id, {}).get(language, ())
        alias_words = {w for a in aliases for w in re.findall(r"[^\W\d_]+", a.lower())}
        hits = sum(any(w[:MIN_STEM] == a[:MIN_STEM] for a in alias_words) for w in said)
        return hits / len(said)

    return max(share(s) for s in spec_ids) < PASSING_SHARE


def _naming_words(name: str, language: str) -> list[str]:
    """The words of a step's name that say what it is: every part of a compound
    ("sms-påminnelser"), not filler ("tiltak") nor how it works ("automatiska")."""
    filler = set(cues.raw("initiative_filler").get(language, ()))
    describing = tuple(cues.raw("describing_words").get(language, ()))
    words = re.findall(r"[^\W\d_]{5,}", name.lower())  # "före", "with": too short to name
    return [w for w in words if w not in filler and not w.startswith(describing)]


def initiatives_refused(words: str, language: str, bare: bool = True) -> list[str]:
    """Catalogue ids of the initiatives named right after a refusal ("no paid ads and no
    tiktok", "150 a week without hiring") or right before one ("нанимать не хотим"). Not
    ``bare``: a "no" alone is not enough ("Ingen webbshop och ingen bokning" describes a
    shop in a brief; it refuses nothing)."""
    text = words.lower()
    return [
        spec_id
        for spec_id, by_language in _names().items()
        if any(
            _refused_in(text, alias.lower(), language, bare)
            for alias in by_language.get(language, ())
        )
    ]


def _refused_in(text: str, alias: str, language: str, bare: bool) -> bool:
    """ "no paid ads", not "the rating is stars not “reviews”" (a label corrected), "not a
    bookings number" (what a goal counts) nor "vi har ju ingen onlinebokning" (what the
    business lacks today)."""
    return any(
        _refusal_beside(text, match, language, bare)
        and not cues.search("lacked_before", language, text[: match.start()])
        and not cues.search("label_not", language, text[: match.start()])
        and not cues.search("metric_after", language, text[match.end() : match.end() + 20])
        for match in _name_said(text, alias)
    )


def _refusal_beside(text: str, match: re.Match[str], language: str, bare: bool) -> bool:
    before = text[: match.start()]
    return bool(
        (bare and cues.search("refused_before", language, before))
        or cues.search("refused_wish_before", language, before)
        or (cues.search("refused_doing_before", language, before) and _doing(match.group()))
        or cues.search("refused_after", language, text[match.end() : match.end() + 30])
    )


def _doing(name: str) -> bool:
    """ "hiring", "recruiting": a name that opens with an action, not a thing."""
    return name.split()[0].endswith("ing")


CALL_ENDING = 2  # letters an ending adds to a name: "nettbutikken", "неявки"
WORD_START = 8  # a name this long is a word start: "синхрониз" in "синхронизацию"


def _name_said(text: str, alias: str) -> Iterator[re.Match[str]]:
    """Where a name is said whole or with an ending ("nettbutikken"), or, for a long word
    start, with any ending ("синхронизацию"); not inside a longer word or a web address
    ("booking.com")."""
    whole = len(alias) < MIN_STEM  # "crm", "kurs": the word itself
    tail = "" if whole else rf"\w{{0,{CALL_ENDING}}}"
    if len(alias) >= WORD_START and " " not in alias:
        tail = r"\w*"
    return compiled(rf"(?<!\w){re.escape(alias)}{tail}(?!\w|\.\w)").finditer(text)


def _calls(text: str, alias: str, language: str) -> bool:
    for match in _name_said(text, alias):
        if not cues.search("done_without", language, text[: match.start()]):
            return True
    return False


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


def step_called(words: str, language: str) -> str | None:
    """ "move the ads step to Next - no point paying for ads before the analytics is set
    up": the words the owner names the step by, right beside the word "step"."""
    match = cues.search("step_called", language, words)
    return match.group("w") if match else None
