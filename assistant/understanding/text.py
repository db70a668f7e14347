"""Cutting a message into sentences and clauses, keeping their character offsets."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from assistant.extraction import find_date_spans
from assistant.understanding import cues
from assistant.understanding.reading import Span

# A sentence ends at . ! ? ; or a line break, or before an inline list marker ("1) ", "2.";
# "5)" after "step", "шаг" is the step's number in brackets ("CRM (шаг 5) в «Сейчас»"), no item;
# "2." only in a numbered sequence: "ner till 2. Fast ..." ends a sentence with a figure).
# a dash opens a list item before a capital letter ("Mål: - Flere kunder - Færre …"), not an
# aside ("dokumentportal - i dag leverer …") nor a range ("dec 2027 - feb 2028", "40 - 50")
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+(?=[^\s\d])|(?<=[!?])(?=[A-ZА-ЯЁÆØÅÄÖ])|\n+|(?<!step)(?<!goal)(?<!item)(?<!steg)(?<!mål)(?<!tiltak)(?<!punkt)(?<!шаг)(?<!цель)(?<!пункт)(?<!№)\s+(?=\(?\d\)\s)|\s+(?=[•*]\s)|(?<!\d)\s+(?=-\s+[A-ZÆØÅÄÖÜА-ЯЁ])|(?<=\d)\s+(?=-\s+(?!(?i:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec|янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек))[A-ZÆØÅÄÖÜА-ЯЁ])|\s+(?=\d\.\s+[^\d\s])"
    r"|(?<=[:;][)(D])\s+(?=[A-ZÆØÅÄÖÜА-ЯЁ])|(?<=[\U0001F600-\U0001F64F])\s+(?=[A-ZÆØÅÄÖÜА-ЯЁ])"
)  # ":) Mål 1 …": a smiley ends a sentence too
_DOTTED_MARKER = re.compile(r"(?:^|\s)(\d)\.\s+[^\d\s]")
_CLAUSE_END = re.compile(r",\s+|;\s+|\s+[-–—]\s+|\s*\(\s*|\s*\)\s*")


# Where a sentence may hold a second objective: "; ", ", ", an inline list item ("2) ").
_JOINS = re.compile(r";\s+|,\s+(?=[^\d\s])|\s+(?=\(?\d[.)]\s)")
# A conjunction that may join two objectives: "... and cut admin in half".
CONJUNCTION = re.compile(
    r",?\s+(?:and also|and|plus|og så|og|och så|och|а также|а ещё|и ещё|и)\s+", re.IGNORECASE
)


@dataclass(frozen=True)
class Piece:
    """A part of the text and where it starts."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def span(self) -> Span:
        return Span(start=self.start, end=self.end, text=self.text)

    def sub(self, start: int, end: int) -> Piece:
        return Piece(self.text[start:end], self.start + start)


def _split(text: str, start: int, pattern: re.Pattern[str]) -> list[Piece]:
    pieces, cursor = [], 0
    for match in pattern.finditer(text):
        pieces.append(Piece(text[cursor : match.start()], start + cursor))
        cursor = match.end()
    pieces.append(Piece(text[cursor:], start + cursor))
    return [_trimmed(p) for p in pieces if p.text.strip()]


def _trimmed(piece: Piece) -> Piece:
    left = len(piece.text) - len(piece.text.lstrip())
    return Piece(piece.text.strip(), piece.start + left)


_LIST_MARKER = re.compile(r"(?:^|\s)(?=\(?\d[.)]\s)")
_LIST_ITEM = re.compile(r"(?:^|\s)(?=\(?\d[.)]\s)|\n")


def list_items(text: str) -> list[Piece]:
    """A numbered list's items ("1) ... 2) ...", an item ending at its line's end), or the
    whole text when it has no list."""
    if len(_LIST_MARKER.findall(text)) < 2:
        return [Piece(text, 0)]
    return _split(text, 0, _LIST_ITEM)


# "30. juni 2027", "1. mars": a day written with a dot does not end a sentence
_DAY_DOT = re.compile(r"\b\d{1,2}\.$")
_CLOSED_NUMBER = re.compile(r"\d{1,2}\)")
_MONTH_START = re.compile(
    r"(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec|янв|фев|мар|апр|ма[яй]|"
    r"июн|июл|авг|сен|окт|ноя|дек)",
    re.IGNORECASE,
)


def sentences(text: str) -> list[Piece]:
    pieces = _split(text, 0, _SENTENCE_END)
    dates = {
        after.start
        for before, after in itertools.pairwise(pieces)
        if _DAY_DOT.search(before.text) and _MONTH_START.match(after.text)
    }
    abbreviated = {
        after.start for before, after in itertools.pairwise(pieces) if _abbreviated(before.text)
    }
    bracketed = {  # "Рассылку писем (инициатива 3) уберите": a number in brackets, no item
        after.start
        for before, after in itertools.pairwise(pieces)
        if before.text.count("(") > before.text.count(")") and _CLOSED_NUMBER.match(after.text)
    }
    return _rejoined(text, pieces, _unlisted_figures(text) | dates | abbreviated | bracketed)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for words in cues.raw("abbreviations").values() for a in words)


def _abbreviated(sentence: str) -> bool:
    """The sentence "ends" on an abbreviation's dot ("jevnere inntekter (f.eks.")."""
    last = sentence.rsplit(None, 1)[-1].lstrip("(\"'«").lower() if sentence.strip() else ""
    return last in _abbreviations()


def _unlisted_figures(text: str) -> set[int]:
    """Where a sentence was cut before "N." that is a figure ending a sentence, not an item
    of a numbered list ("1. ... 2. ..."): the item before it is missing."""
    numbers = [(m.start(1), int(m.group(1))) for m in _DOTTED_MARKER.finditer(text)]
    said = {n for _, n in numbers}
    return {start for start, n in numbers if n - 1 not in said and n + 1 not in said}


def _rejoined(text: str, pieces: list[Piece], joins: set[int]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and piece.start in joins:
            last = merged.pop()
            piece = Piece(text[last.start : piece.end], last.start)
        merged.append(piece)
    return merged


def clauses(sentence: Piece) -> list[Piece]:
    return _split(sentence.text, sentence.start, _CLAUSE_END)


# "not 3 hours a day, but half an hour": one contrast, not two objectives
_NOT_FIGURE = re.compile(r"(?:\bnot|\bikke|\bikkje|\binte|(?<!\w)не)\s+[^,;]*\d[^,;]*$", re.I)
_BUT = re.compile(r"(?:but|men|utan|а)\b", re.I)


def units_of(sentence: Piece) -> list[Piece]:
    pieces = _split(sentence.text, sentence.start, _JOINS)
    merged: list[Piece] = []
    for piece in pieces:
        open_bracket = merged and merged[-1].text.count("(") > merged[-1].text.count(")")
        if open_bracket or (
            merged and _NOT_FIGURE.search(merged[-1].text) and _BUT.match(piece.text)
        ):
            last = merged.pop()
            offset = last.start - sentence.start
            piece = Piece(sentence.text[offset : piece.end - sentence.start], last.start)
        merged.append(piece)
    return merged


def span_of(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def containing(pieces: list[Piece], position: int) -> Piece | None:
    return next((p for p in pieces if p.start <= position < p.end), None)


def without_cue(words: str, key: str, language: str) -> str:
    """The words with every match of the cue ``key`` blanked, letter for letter, so spans
    read from them still fit the words said."""
    for pattern in cues.patterns(key, language):
        words = pattern.sub(lambda m: " " * len(m.group()), words)
    return words


def without_forgone(words: str, language: str) -> str:
    """The words with what an aim will do without blanked, letter for letter ("150 a week
    without hiring", "i stedet for 17 dager"): it names no metric of the aim."""
    return without_cue(words, "forgone", language)


def without_dates(words: str, language: str) -> str:
    """The words with each date said in them blanked out ("by next winter")."""
    for start, end in sorted(find_date_spans(words, language), reverse=True):
        words = words[:start] + " " + words[end:]
    return words


# «чем занимаетесь: в Туле только мастерская», 'Own website: no': a note of the coach's
# quoted back ("label: value" in quotes)
_QUOTED_NOTE = re.compile(r"""[«"“'‘][^«»"“”'‘’\n]{1,60}:[^«»"“”'‘’\n]{1,80}[»"”'’]""")


DENIAL_REACH = 40  # characters after a quoted note in which the owner denies it


def denied_notes(text: str, language: str) -> list[re.Match[str]]:
    """'du skrev "Säkerhetsrutiner: ja" – det har vi inte': the coach's notes quoted back
    and denied right after (what was wrong, not a new value)."""
    return [
        note
        for note in _QUOTED_NOTE.finditer(text)
        if cues.search("quoted_denied", language, text[note.end() : note.end() + DENIAL_REACH])
    ]


def without_quoted_notes(text: str) -> str:
    """The text with the coach's notes the owner quotes back blanked out (positions kept):
    they say what the coach wrote, nothing new about the business."""
    return _QUOTED_NOTE.sub(lambda m: " " * len(m.group()), text)


_QUOTED = re.compile(
    r"«[^»\n]{1,200}»|“[^”\n]{1,200}”|\"[^\"\n]{1,200}\"|”[^”\n]{1,200}”"
    r"|(?<!\w)['‘][^'’\n]{1,120}['’](?!\w)"  # 'empty weekday slots', never "don't … isn't"
)


YEAR_SAID = re.compile(r"(?<!\d)20\d\d(?!\d)")  # "år 2028", "September 2027": a year said


_QUOTED_ARROW = re.compile(r"[«\"“”'‘][^«»\"“”'‘’\n]{0,80}(?:→|->)[^«»\"“”'‘’\n]{0,80}[»\"”'’]")


def without_quoted_arrows(text: str) -> str:
    """The text with quoted plan lines blanked, in place: "det står fortsatt «62 poeng → 150
    poeng»" quotes the coach's own notation (the arrow), no figures of the owner's."""
    return _QUOTED_ARROW.sub(lambda m: " " * len(m.group()), text)


def without_quoted(text: str) -> str:
    """The text with what it quotes blanked out, in place: "что за «свои точки → 2
    ресторана»?" repeats the coach's words, it says nothing new."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)
