"""A deadline the owner gave that is very close ("85 % by the end of 2026", said on 5
December 2026): kept, but said back with how near it is, so a slip of the year is caught at
once instead of in the finished plan."""

from __future__ import annotations

from datetime import date

from assistant.coaching.facts import Facts
from assistant.coaching.messages import Messages

SOON_DAYS = 45  # a change to a business figure due sooner than this is rarely what was meant


def soon_deadline_notes(facts: Facts, today: date, language: str) -> list[str]:
    """One line per objective of this message that changes a figure and is due within
    ``SOON_DAYS``."""
    say = Messages(language)
    notes = []
    if any(c.deadline for c in facts.commands if c.action == "change_goal"):
        return []  # "you still have 2026-12-31 … change it to 2027-12-31": the old one quoted
    for goal in facts.goals:
        if goal.deadline is None or goal.hold or goal.target is None:
            continue
        days = (goal.deadline - today).days
        if 0 <= days < SOON_DAYS:
            later = goal.deadline.replace(year=goal.deadline.year + 1)
            notes.append(
                say.say(
                    "deadline_soon",
                    date=goal.deadline.isoformat(),
                    days=days,
                    later=later.isoformat(),
                )
            )
    return notes
