""" "Remove the word Instagram from step 6": a word taken out of a step's title and
description; the step stays in the roadmap."""

from __future__ import annotations

import re

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.chat_steps import initiatives_meant
from assistant.coaching.commands import PlanCommand
from assistant.coaching.state import SessionState
from assistant.understanding import cues


def word_taken_out(state: SessionState, command: PlanCommand, outcome: Outcome) -> bool:
    """Whether the order takes a word out of one step; it is done when the step is known."""
    said = cues.search("word_taken_out", state.plan.language, command.words)
    named = initiatives_meant(state, command) if said else []
    if said is None or len(named) != 1:
        return said is not None and _ask_which(state, outcome)
    item, word = named[0], said.group("word").strip()
    title, description = without(item.title, word), without(item.description, word)
    if (title, description) == (item.title, item.description):
        outcome.notes.append(say_for(state).say("word_not_in_step", word=word, item=item.title))
        return True
    item.title, item.description = title or item.title, description
    outcome.changes.append(say_for(state).say("word_taken_out", word=word, item=item.title))
    outcome.roadmap_changed = True
    return True


def _ask_which(state: SessionState, outcome: Outcome) -> bool:
    outcome.asks.append(say_for(state).say("which_initiative_move"))
    return True


_OWNERS = "your|the|our|a|an|din|ditt|dine|deres|er|ert|era|ваш|вашу|ваши|ваш"


def without(text: str, word: str) -> str:
    """The text without the word, and without the comma or "and" it leaves behind."""
    joined = r"(?:\s*,\s*|\s+(?:and|og|och|и|or|eller|или)\s+)"
    own = rf"(?:(?:{_OWNERS})\s+)?{re.escape(word)}\b"  # "and your Instagram"
    text = re.sub(rf"{joined}{own}", "", text, flags=re.IGNORECASE)
    text = re.sub(rf"\b{own}{joined}", "", text, flags=re.IGNORECASE)
    text = re.sub(rf"\s*\b{own}", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s{2,}", " ", text).strip()
