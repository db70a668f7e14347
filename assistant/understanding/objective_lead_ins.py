"""Where an aim's words stand beside what leads in to it: a remark to the coach before a
colon ("Вы потеряли ещё одну вещь: хочу …") and an order said first in the same sentence
("delete goal 4, it's nonsense - replace it with: admin hours from 12 to 5")."""

from __future__ import annotations

from assistant.understanding import cues
from assistant.understanding.objective_scopes import Scope
from assistant.understanding.objective_spans import objective_start
from assistant.understanding.reading import Amount, Span
from assistant.understanding.text import Piece


def after_remark(text: str, scope: Scope, baseline: Amount | None, language: str) -> int:
    """Where the aim's words start: after a remark to the coach that leads in to it ("Вы
    потеряли ещё одну вещь: хочу …", "you lost one: …")."""
    start = objective_start(text, scope.start, baseline)
    colon = text.find(": ", start, scope.end)
    if colon > start and cues.search("coach_did", language, text[start:colon]):
        return colon + 2
    return start


def apart_from(scope: Scope, orders: tuple[Span, ...]) -> Scope | None:
    """The scope without the words that lead in with an order ("delete goal 4, it's
    nonsense - replace it with: admin hours from 12 to 5"), when figures are left to aim
    at; none when the order is said in the aim's own words."""

    def ordered(piece: Piece) -> bool:
        return any(o.start < piece.end and piece.start < o.end for o in orders)

    kept = list(scope.pieces)
    while (
        kept
        and ordered(kept[0])
        and not any(kept[0].start <= a.start < kept[0].end for a in scope.amounts)
    ):
        kept.pop(0)
    if not kept or any(ordered(p) for p in kept):
        return None
    if kept != scope.pieces and not scope.amounts:
        return None  # "fjern nr 4, vi skal ikke selge på nett": the order's reason, no aim
    return Scope(kept, scope.amounts)
