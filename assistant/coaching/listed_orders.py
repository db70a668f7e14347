"""Orders said for several numbered items at once ("drop goals 2 and 3", "fjern tiltak 7, 6
og 5", "December 2027 for both goal 1 and goal 2"): one order for each number."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.understanding import cues

if TYPE_CHECKING:
    from assistant.coaching.commands import PlanCommand

LISTED = re.compile(r"\s*(?:,|and|og|och|и|&)\s*(?:[^\W\d]+\s*)?#?(\d{1,2})\b", re.IGNORECASE)
LISTABLE = ("drop_goal", "drop_initiative", "change_initiative")


def each_listed(command: PlanCommand, language: str) -> list[PlanCommand]:
    """One order per number listed; a new date for goals named together ("flytta mål 1 och
    mål 2 till december 2027") goes to each of them."""
    dates_only = command.action == "change_goal" and command.deadline is not None
    dates_only = dates_only and command.target is None and command.baseline is None
    dates_only = dates_only or command.action == "turn_goal"  # "цель 1 и цель 3: увеличить"
    if (command.action not in LISTABLE and not dates_only) or command.number is None:
        return [command]
    numbers = [command.number]
    together = [c for c in _goal_lists(command.words, language) if command.number in c]
    if dates_only and together:
        numbers = sorted(together[0])
    else:
        first = re.search(rf"(?<!\d){command.number}(?!\d)", command.words)
        cursor = first.end() if first else len(command.words)
        while match := LISTED.match(command.words, cursor):
            if cues.search("listed_then_clause", language, command.words[match.end() :]):
                break  # "Delete goal 3, goal 4 covers it": 4 says why, it is not deleted
            numbers.append(int(match.group(1)))
            cursor = match.end()
    numbers = _picked(list(dict.fromkeys(numbers)), command.words, language)
    return [command.model_copy(update={"number": n}) for n in numbers]


def _picked(numbers: list[int], words: str, language: str) -> list[int]:
    """ "mål 1 og 3 er det samme, slett det første": the one of the list the order picks."""
    if len(numbers) < 2:
        return numbers
    place = cues.label_of("ordinal_pick", language, words)
    if place is None:
        return numbers
    return [numbers[0] if place == "first" else numbers[-1]]


def goals_numbered(text: str, language: str) -> set[int]:
    """Every goal number ``text`` names ("mål 1 och mål 2", "goals 1 and 2")."""
    return {n for together in _goal_lists(text, language) for n in together}


def _goal_lists(text: str, language: str) -> list[set[int]]:
    """The goal numbers said together, list by list: "goal 1 and goal 2" is one list of two,
    "goal 3 to June and make goal 2 …" two lists of one."""
    lists = []
    for pattern in cues.patterns("goal_reference", language):
        for match in pattern.finditer(text):
            together = {int(match.group("n"))}
            listed = LISTED.match(text, match.end())
            while listed is not None:
                together.add(int(listed.group(1)))
                listed = LISTED.match(text, listed.end())
            lists.append(together)
    return [t for t in lists if len(t) > 1] + [t for t in lists if len(t) == 1]


def renamed_together(named: str, language: str) -> list[tuple[int | None, str]]:
    """The words after a rename said for several goals at once, one piece per goal: "to
    'cut no-shows', goal 2 to 'fill monday-tuesday' and goal 3 to 'plan members'" gives
    (None, "to 'cut no-shows'"), (2, " to 'fill monday-tuesday'"), (3, " to 'plan members'")."""
    found = sorted(
        (m for p in cues.patterns("rename_next", language) for m in p.finditer(named)),
        key=lambda m: m.start(),
    )
    cuts = [0, *(m.start() for m in found), len(named)]
    numbers: list[int | None] = [None, *(int(m.group("n")) for m in found)]
    starts = [0, *(m.end() for m in found)]
    return [(n, named[s:e]) for n, s, e in zip(numbers, starts, cuts[1:], strict=True)]
