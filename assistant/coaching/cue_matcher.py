"""Cue matching for the maturity bank and the KPI keywords: a cue's words found clause by
clause (Snowball stems, or prefixes written "word*"), with the strongest modifier that
reaches each match ("we don't have a CRM", "у нас нет CRM", "i think")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from assistant.extraction.categories import detect_dont_know
from assistant.extraction.models import MAX_TEXT_CHARS
from assistant.knowledge.languages import analyze, tokenize

if TYPE_CHECKING:
    from assistant.coaching.catalogue import LanguageRules

_MODIFIERS = ("negation", "not_yet", "partial")  # strongest first
_AFTER, _BEFORE = 5, 4  # how many words a modifier reaches forwards / backwards
_SENTENCE_END = re.compile(r"[.!?\n]+")


class Cue(NamedTuple):
    key: str
    polarity: str
    # all must occur in one clause ("customer* + excel"); parts: (stem, False) or (prefix, True)
    phrases: tuple[tuple[tuple[str, bool], ...], ...]


def cue(key: str, polarity: str, raw: str, lang: str) -> Cue:
    def parts(word: str) -> list[tuple[str, bool]]:
        return (
            [(word[:-1], True)] if word.endswith("*") else [(s, False) for s in analyze(word, lang)]
        )

    chunks = raw.lower().replace("ё", "е").split(" + ")
    phrases = tuple(tuple(p for word in chunk.split() for p in parts(word)) for chunk in chunks)
    if not all(phrases):
        raise ValueError(f"cue {raw!r} ({lang}) is only stop words")
    return Cue(key, polarity, phrases)


def _words(terms: Iterable[str], *, split: bool = False) -> re.Pattern[str]:
    """Whole words or phrases ("*" matches any ending); ``split`` adds commas and semicolons."""
    terms = [re.escape(t.lower().replace("ё", "е")).replace(r"\ ", r"\s+") for t in terms]
    alternatives = [t[:-2] + r"\w*" if t.endswith(r"\*") else t for t in terms]
    words = rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)" if alternatives else "(?!)"
    return re.compile(rf"[;,]+|{words}" if split else words, re.IGNORECASE)


_HEAD = 3  # letters of a cue prefix used to index it


class Matcher:
    """Finds cues clause by clause, with the strongest modifier that reaches each match;
    without ``rules`` it is a plain keyword search (no modifiers, no clause words)."""

    def __init__(self, lang: str, cues: tuple[Cue, ...], rules: LanguageRules | None) -> None:
        self.lang, self.cues = lang, cues
        names = ("clause_breaks", "scope_breaks", "dont_know", "about_figures", *_MODIFIERS)
        terms = {n: getattr(rules, n).get(lang) if rules else [] for n in names}
        self._patterns = {n: _words(terms[n], split=n == "clause_breaks") for n in names}
        # Cue positions by what every match needs: its first phrase's first stem, or the
        # first letters of its first prefix ("kund*"). A clause then tries only the cues
        # it can possibly match, a tenth of them, instead of all two hundred.
        self._by_stem: dict[str, list[int]] = defaultdict(list)
        self._by_head: dict[str, list[int]] = defaultdict(list)
        self._always: list[int] = []  # prefixes shorter than a head
        for number, cue in enumerate(cues):
            key, is_prefix = cue.phrases[0][0]
            if not is_prefix:
                self._by_stem[key].append(number)
            elif len(key) >= _HEAD:
                self._by_head[key[:_HEAD]].append(number)
            else:
                self._always.append(number)

    def matches(self, text: str) -> list[tuple[Cue, str | None, bool]]:
        """(cue, modifier or None, whether its clause says "don't know") per cue found; a bare
        "don't know" clause covers its whole sentence ("Есть ли бэкап, честно говоря, не знаю")."""
        found = []
        for sentence in _SENTENCE_END.split(text[:MAX_TEXT_CHARS].lower().replace("ё", "е")):
            parts = self._patterns["clause_breaks"].split(sentence)
            clauses = [self._clause(words, part) for part in parts if (words := tokenize(part))]
            bare = any(unknown and not matches for matches, unknown in clauses)
            found += [
                (cue, mod, unknown or bare) for matches, unknown in clauses for cue, mod in matches
            ]
        return found

    def _clause(self, words: list[str], text: str) -> tuple[list[tuple[Cue, str | None]], bool]:
        stems = [next(iter(analyze(word, self.lang)), None) for word in words]
        content = [n for n, stem in enumerate(stems) if stem]
        numbers = set(self._always)
        for stem in set(stems):
            numbers.update(self._by_stem.get(stem or "", ()))
        for head in {word[:_HEAD] for word in words}:
            numbers.update(self._by_head.get(head, ()))
        candidates = [self.cues[n] for n in sorted(numbers)]
        anchored = [(c, at) for c in candidates if (at := _anchor(c, words, stems, content)) >= 0]
        owned = [_own_words(cue, words, stems) for cue, _ in anchored]
        compounds = [w for (c, _), w in zip(anchored, owned, strict=True) if len(c.phrases) > 1]
        anchored = [  # "целей на бумаге": the goals cue "цел* + бумаг*" holds "бумаге"
            pair
            for pair, mine in zip(anchored, owned, strict=True)
            if len(pair[0].phrases) > 1 or not any(mine < other for other in compounds)
        ]
        own: dict[int, set[int]] = defaultdict(set)  # a cue's own words, by its anchor
        for cue, at in anchored:
            own[at].update(_own_words(cue, words, stems))
        reached = self._modifiers(words, {at for _, at in anchored}, own)
        unknown = detect_dont_know(text, self.lang) or bool(
            self._patterns["dont_know"].search(text)
        )
        if unknown and self._patterns["about_figures"].search(text):
            return [], False  # "Besök på hemsidan vet jag inte": how many, not whether
        return [(cue, reached.get(at)) for cue, at in anchored], unknown

    def _modifiers(
        self, words: list[str], anchors: set[int], own: Mapping[int, set[int]]
    ) -> dict[int, str]:
        """Anchor -> strongest modifier reaching it: every cue in the next few words, else the
        nearest cue just before; a scope break ("and") in between blocks it. A word of a cue
        itself ("копируем вручную") modifies nothing."""

        def clear(a: int, b: int) -> bool:
            return not any(self._patterns["scope_breaks"].fullmatch(w) for w in words[a + 1 : b])

        reached: dict[int, str] = {}
        for p, word in enumerate(words):
            name = next((n for n in _MODIFIERS if self._patterns[n].fullmatch(word)), None)
            if name is None:
                continue
            free = [a for a in anchors if p not in own.get(a, ())]
            after = [a for a in free if p < a <= p + _AFTER and clear(p, a)]
            before = sorted(a for a in free if p - _BEFORE <= a < p and clear(a, p))
            for a in after or _said_of(before):
                reached[a] = min(reached.get(a, name), name, key=_MODIFIERS.index)
        return reached


TOGETHER = 2  # anchors this close say one thing ("digitala mål … nedskrivna")


def _said_of(before: list[int]) -> list[int]:
    """The anchors a modifier after them reaches: the nearest, and those right beside it
    ("Nedskrivna digitala mål finns inte": both cues of the goals question)."""
    if not before:
        return []
    kept = [before[-1]]
    for at in reversed(before[:-1]):
        if kept[-1] - at > TOGETHER:
            break
        kept.append(at)
    return kept


def _own_words(cue: Cue, words: list[str], stems: list[str | None]) -> set[int]:
    keys = [k for phrase in cue.phrases for k in phrase]
    return {p for p, w in enumerate(words) if _names(keys, w, stems[p])}


def _names(keys: list[tuple[str, bool]], word: str, stem: str | None) -> bool:
    """The word is one of a cue's own: its stem, or a prefix the cue gives ("вручную")."""
    return any(word.startswith(k) if prefix else stem == k for k, prefix in keys)


def _anchor(cue: Cue, words: list[str], stems: list[str | None], content: list[int]) -> int:
    """Where the cue's first phrase starts in the clause, or -1 when a phrase is missing."""

    def first(phrase: tuple[tuple[str, bool], ...]) -> int:
        for n in range(len(content) - len(phrase) + 1):
            at = content[n : n + len(phrase)]
            pairs = zip(at, phrase, strict=True)
            if all(words[i].startswith(k) if pre else stems[i] == k for i, (k, pre) in pairs):
                return at[0]
        return -1

    starts = [first(phrase) for phrase in cue.phrases]
    return starts[0] if min(starts) >= 0 else -1
