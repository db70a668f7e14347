"""Words beside an order or a fix: what leads in to an order to add a goal ("you still
haven't added the admin goal: add a goal - …"), and a head count or revenue said as a
reason after a fix of something else ("goal 1 should be 350, not 400 - we only have 5
lads")."""

from __future__ import annotations

import re

from assistant.understanding import cues
from assistant.understanding.reading import CommandFact, ProfileFact, Reading
from assistant.understanding.text import containing, sentences

_ASIDE_BREAK = re.compile(r"\s+[-–—]\s+|;\s*|\(|\)")


def said_beside(reading: Reading, fact: ProfileFact) -> bool:
    """A head count or revenue said as a reason after a fix of something else ("goal 1
    should be 350, not 400 - we only have 5 lads"): its part of the sentence, after a dash
    or in brackets, does not correct it, so it fixes nothing."""
    sentence = containing(sentences(reading.text), fact.span.start)
    if sentence is None:
        return False
    start, end = fact.span.start - sentence.start, fact.span.end - sentence.start
    breaks = list(_ASIDE_BREAK.finditer(sentence.text))
    part_start = max((m.end() for m in breaks if m.end() <= start), default=0)
    part_end = min((m.start() for m in breaks if m.start() >= end), default=len(sentence.text))
    if part_start == 0:
        return False  # said first ("15 staff - we hired a hygienist"): the fix itself
    part = sentence.text[part_start:part_end]
    return cues.search("correction", reading.language, part) is None


_LEAD_IN = re.compile(r"\S\s*[:–—-]\s*$")  # "… the admin goal: | add a goal - …"


def from_add_orders(text: str, ordered: list[CommandFact]) -> str:
    """ "You still haven't added the admin goal: add a goal - admin hours from 12 to 5": the
    words that lead in to an order to add a goal, up to a colon or dash, are about the
    order, not the aim; blanked, every position kept. An order said after its aim ("…, I
    want 60% of payments online by 2027 - add it as a goal") is itself blanked instead."""
    for command in ordered:
        if command.action != "add_goal":
            continue
        sentence = containing(sentences(text), command.span.start)
        if sentence is None:
            continue
        lead_in = text[sentence.start : command.span.start]
        if not _LEAD_IN.search(lead_in):
            continue
        if _DIGIT.search(text[command.span.end : sentence.end]):
            gap = command.span.start - sentence.start
            text = text[: sentence.start] + " " * gap + text[command.span.start :]
        else:
            end = sentence.end
            text = text[: command.span.start] + " " * (end - command.span.start) + text[end:]
    return text


_DIGIT = re.compile(r"\d")
