"""The sentences of one item in a brief's list of aims: the item opens with its aim, and
what follows on the same line may say more about it ("- Online booking for boiler services.
Karen wants this before the autumn rush.") or give its figures after a dash."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.understanding import cues
from assistant.understanding.objective_clauses import states_objective
from assistant.understanding.quantities import Found
from assistant.understanding.text import Piece, without_dates

if TYPE_CHECKING:
    from assistant.understanding.objective_scopes import Scope

OPENING_WORDS = 4  # words in which a later sentence points back at the aim


def more_of_item(piece: Piece, inside: list[Found], language: str) -> bool:
    """A later sentence of a list item that says more about the item's aim, with no figure
    of its own ("Vague - we're drowning", "Karen wants this before the autumn rush");
    one with figures is read as usual (today's value, or an aim of its own)."""
    if inside:
        return False
    return not states_objective(piece, language) or _wants_it_by(piece, language)


def _wants_it_by(piece: Piece, language: str) -> bool:
    """ "Karen wants this before the autumn rush (September 2027)": the aim just said, wanted
    by a time, with no figure of its own."""
    figures = re.search(r"\d", without_dates(piece.text, language))
    return not figures and points_back(piece.text, language)


def points_back(sentence: str, language: str) -> bool:
    """The sentence opens by pointing back at the one before ("Karen wants this …")."""
    opening = " ".join(sentence.split()[:OPENING_WORDS])
    return cues.search("anaphora", language, opening) is not None


def headline_then_figures(text: str, piece: Piece, scopes: list[Scope]) -> bool:
    """A list item that opens with the aim in a few words and gives its figures after a
    dash ('- "Stop being so dependent on Checkatrade" - half of new leads direct by …')."""
    if not scopes or scopes[-1].amounts or len(scopes[-1].pieces) > 1:
        return False
    line_start = text.rfind("\n", 0, piece.start) + 1
    between = text[scopes[-1].end : piece.start] + piece.text[:2]
    same_line = scopes[-1].pieces[0].start >= line_start
    return same_line and re.match(r"[ \t]*[-–—][ \t]", between) is not None


def later_in_item(text: str, piece: Piece, scopes: list[Scope]) -> bool:
    """A later sentence of the list item whose aim was just read ("- Online booking for
    boiler services. Karen wants this before the autumn rush."): more about that aim."""
    if not scopes:
        return False
    line_start = text.rfind("\n", 0, piece.start) + 1
    before = text[line_start : piece.start]
    first = scopes[-1].pieces[0].start
    bullet = re.match(r"[ \t]*(?:\d{1,2}[.)]|[-–—•*])[ \t]", before) is not None
    return bullet and first >= line_start and re.search(r"[.!?]\s", before) is not None
