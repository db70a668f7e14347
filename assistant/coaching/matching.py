"""Which catalogue initiatives the owner's own words name: several words of an initiative
("order cakes online and pick them up"), or one word of its title said in its own form
("anbud", "Google") when nothing else serves the aim."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.coaching.catalogue import InitiativeSpec, load_kpi_catalogue
from assistant.coaching.words import first_called_at, initiatives_called, shares_a_long_word
from assistant.understanding import cues
from assistant.understanding.stems import same_word, shared_words, word_set, words_in_common

MIN_SHARED = 2  # words an objective must share with an initiative to name it
MOST_TITLES = 5  # a word in more titles than this ("digital", "заказ") names none of them alone


def priority(spec: InitiativeSpec) -> int:
    return spec.impact * spec.feasibility


def said_about(words: str, offer: list[InitiativeSpec], language: str) -> list[InitiativeSpec]:
    """Initiatives whose title and description share at least ``MIN_SHARED`` words with what
    the owner wants, one of them in the title (inflections and compounds by their first
    letters), most shared first."""
    scored = []
    for spec in offer:
        title = spec.title.get(language)
        shared = shared_words(words, f"{title} {spec.description.get(language)}", language)
        if not shared_words(words, title, language):
            continue  # words only its description shares ("bestilling") do not name it
        if shares_a_long_word(words, title, language):  # the owner named it: "direktbokningar"
            shared = max(shared, MIN_SHARED)
        if shared >= MIN_SHARED:
            scored.append((shared, priority(spec), spec))
    return [spec for *_, spec in sorted(scored, key=lambda t: (-t[0], -t[1]))]


def named_by_owner(words: str, offer: list[InitiativeSpec], language: str) -> list[InitiativeSpec]:
    """Initiatives the owner calls by a name owners use for them ("timelister", "click and
    collect", "maintenance contracts"; ``knowledge/data/initiative_names.yaml``)."""
    named = set(initiatives_called(words, language))
    return sorted(
        (s for s in offer if s.id in named),
        key=lambda s: (first_called_at(words, s.id, language), -priority(s)),
    )


def named_in_title(words: str, offer: list[InitiativeSpec], language: str) -> list[InitiativeSpec]:
    """Initiatives (never groundwork) one word of the owner's names by their title: the word
    in its own form, not the start of a compound ("arbetsgivare" is not "arbete"), and not one
    most titles say; the title the owner's words cover best first ("a website" names the
    website before the multilingual website)."""
    titles = [s.title.get(language) for s in load_kpi_catalogue().initiatives]
    common = set(cues.raw("common_words").get(language, ()))
    scored = []
    for spec in offer:
        title = spec.title.get(language)
        named = [
            w
            for w in words_in_common(words, title, language)
            if _rare(w, titles) and w.lower() not in common  # "в реальном времени": no step
        ]
        if spec.foundation or not named:
            continue
        unsaid = len(word_set(title)) - len(words_in_common(title, words))
        scored.append(((-len(named), unsaid, -priority(spec)), spec))
    return [spec for _, spec in sorted(scored, key=lambda t: t[0])]


def _rare(word: str, titles: Iterable[str]) -> bool:
    saying = sum(any(same_word(word, w) for w in word_set(title)) for title in titles)
    return saying <= MOST_TITLES
