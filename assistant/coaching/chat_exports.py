"""The plan asked for as a file in chat ("send it as PDF", "можно в ворде?"): saved where
the web app serves it and its place said; with an approval, saved once the step moved on."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.state import SessionState

_FORMATS = {  # the words owners use for a file format
    "docx": re.compile(r"\b(?:docx|word|ворд)", re.IGNORECASE),
    "pdf": re.compile(r"\b(?:pdf|пдф)", re.IGNORECASE),
    "md": re.compile(r"\b(?:markdown|md)\b", re.IGNORECASE),
}


def export_order(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """ "send it as docx", "kan jag få den som Word-dokument? och pdf": each format asked
    for is saved as a file and its place said; without a file store, where to export."""
    facts.asked = [q for q in facts.asked if q not in command.words]
    say = say_for(state)
    if outcome.save_export is None:
        outcome.notes.append(say.say("export_hint"))
        return
    asked = [f for f, words in _FORMATS.items() if words.search(command.words)] or ["pdf"]
    if facts.approve:  # "approved, send it as PDF": the file holds the plan as approved
        state.exports_pending = asked
        return
    notes, outcome.exported = _saved(state, asked, outcome.save_export)
    outcome.notes += notes


def _saved(
    state: SessionState, formats: list[str], save: Callable[[SessionState, str], str]
) -> tuple[list[str], bool]:
    """What to say for each file, and whether every one was written."""
    say = say_for(state)
    notes, failed = [], False
    for fmt in formats:
        try:
            path = save(state, fmt)
        except Exception:  # a plan that cannot be written out is still the plan
            notes.append(say.say("export_failed"))
            failed = True
            continue
        notes.append(say.say("export_saved", kind=say.label("file_kinds", fmt), path=path))
    return notes, not failed


def save_pending_exports(
    state: SessionState, save: Callable[[SessionState, str], str] | None
) -> list[str]:
    """Files asked for with an approval, saved once the approved step has moved on."""
    formats, state.exports_pending = state.exports_pending, []
    if not formats or save is None:
        return []
    notes, written = _saved(state, formats, save)
    if written:
        state.acts.append("exported")
    return notes
