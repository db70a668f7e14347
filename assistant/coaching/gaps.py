"""Gaps in the owner's digital set-up, in plain words: the weakest answered questions of the
maturity check ("customer data is not in one place, so repeat sales rely on memory")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.state import SessionState

WEAK = 0.5  # an answer worth less than this (of 1) is a gap; unknown answers never are


def answered_gaps(answers: Mapping[str, Any], language: str) -> dict[str, tuple[float, str]]:
    """Each weak answered question's id -> (its value, its gap in plain words)."""
    gaps = {}
    for question in load_maturity_questions().questions:
        answer = answers.get(question.id)
        value = question.value_of(answer) if answer is not None else None
        if value is not None and value < WEAK:
            gaps[question.id] = (value, question.gap.get(language))
    return gaps


def top_gaps(answers: Mapping[str, Any], language: str, limit: int = 3) -> list[str]:
    """Plain-words gaps of the weakest answered questions (unknown answers are not gaps)."""
    weakest = sorted(answered_gaps(answers, language).values(), key=lambda item: item[0])
    return [gap for _, gap in weakest[:limit]]


def score_maturity(state: SessionState) -> None:
    """The plan's maturity scores and top gaps, from the answers held now."""
    maturity = state.plan.current_state.maturity
    for name, scored in load_maturity_questions().score(state.maturity_answers).items():
        setattr(maturity, name, scored)
    state.plan.current_state.top_gaps = top_gaps(counted_answers(state), state.language)


def counted_answers(state: SessionState) -> Mapping[str, Any]:
    """The maturity answers whose gaps still count: none the owner dismissed."""
    return {q: a for q, a in state.maturity_answers.items() if q not in state.dismissed_gaps}
