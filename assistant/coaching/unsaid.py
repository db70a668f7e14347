""" "I never said digital skills yes", «откуда «автоматически: нет»? Я про это ничего не
говорила»: an answer the owner denies giving is taken out of the notes (it counts as not
asked yet), and the reply says which. Only answers the sentence names by a word of
their own label go; one said again in the same message stays."""

from __future__ import annotations

import re
from collections import Counter

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.facts import Facts
from assistant.coaching.messages import Messages
from assistant.coaching.state import SessionState
from assistant.understanding import cues
from assistant.understanding.text import sentences

STEM = 5  # letters two words share to be one word ("автоматически", "автоматизацию")


def _stems(words: str) -> set[str]:
    return {w[:STEM] for w in re.findall(r"[^\W\d_]{5,}", words.lower())}


def _named(sentence: str, language: str) -> list[str]:
    """The questions whose label the sentence names by a word no other label has ("digital
    skills": skills; "автоматизация" names no one question, so nothing)."""
    said = _stems(sentence)
    labels = {
        q.id: _stems(q.short.get(language) or "") for q in load_maturity_questions().questions
    }
    shared = Counter(stem for stems in labels.values() for stem in stems)
    return [q for q, stems in labels.items() if {s for s in stems if shared[s] == 1} & said]


def forget_unsaid(state: SessionState, facts: Facts) -> list[str]:
    """Take out each answer the owner says they never gave; the labels taken out."""
    language = state.language
    denied = [s.text for s in sentences(facts.said) if cues.search("never_said", language, s.text)]
    held = state.maturity_answers
    gone = [
        q
        for text in denied
        for q in _named(text, language)
        if q in held and q not in facts.maturity
    ]
    say = Messages(language)
    labels = []
    for question_id in dict.fromkeys(gone):
        del held[question_id]
        question = next(q for q in load_maturity_questions().questions if q.id == question_id)
        labels.append(question.short.get(language))
    return [say.say("unsaid_removed", items="; ".join(labels))] if labels else []
