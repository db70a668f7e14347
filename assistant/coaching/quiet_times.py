"""The quiet time an owner names ("tirsdag–torsdag", "weekday mornings", "с ноября по
февраль"), so that the off-peak step is written for that time rather than for "your
quietest days, weeks or months". The words live in knowledge/data/reading_cues.yaml."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.understanding import cues

if TYPE_CHECKING:
    from assistant.coaching.roadmap_lanes import Pick

BUSY_REACH = 40  # characters after a time in which a busy word makes it the busy one
DEADLINE_REACH = 15  # characters before a time in which "by", "innen", "к" make it a deadline


def named_quiet_time(words: str, language: str) -> str | None:
    """The time the owner names first as quiet, in their words ("tirsdag–torsdag"), the
    longest when two start together; never one said as busy ("fredag og lørdag er
    stappfullt") or as a deadline ("innen sommeren")."""
    found = [
        match
        for pattern in cues.patterns("quiet_time", language)
        for match in pattern.finditer(words)
        if not _busy_or_deadline(words, match, language)
    ]
    if not found:
        return None
    first = min(found, key=lambda m: (m.start(), -m.end()))
    return _in_running_text(first.group(0).strip(), language)


def _busy_or_deadline(words: str, match: re.Match[str], language: str) -> bool:
    after = words[match.end() : match.end() + BUSY_REACH]
    before = words[max(0, match.start() - DEADLINE_REACH) : match.start()]
    busy = cues.search("busy_time", language, after) is not None
    return busy or cues.search("quiet_time_deadline", language, before) is not None


def for_the_quiet_time(pick: Pick, language: str) -> str | None:
    """The step's description written for the quiet time the owner named, in the goal it
    serves or the problem they described; None when they named none."""
    written = pick.spec.when_named
    if written is None:
        return None
    said = [o.owner_words for o in [pick.objective, *pick.also] if o is not None]
    said += [pick.pain] if pick.pain else []
    when = next((w for text in said if (w := named_quiet_time(text, language))), None)
    return written.get(language).format(when=when) if when else None


def _in_running_text(when: str, language: str) -> str:
    """ "Зимой", "Weekday mornings" as said inside a sentence: no capital letter, except
    for the names that always have one ("Tuesday to Thursday")."""
    first = re.split(r"[\W_]+", when.lower())[0]
    proper = cues.raw("time_proper_names").get(language) or []
    return when if first in proper else when[:1].lower() + when[1:]
