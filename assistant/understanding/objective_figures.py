"""What a figure in an objective's words is: a value to reach ("to 40"), a change ("by
20 %"), today's value ("now about 15 %", "140 a day now"), or a unit price ("at ~£45
each") that is no figure of the aim at all."""

from __future__ import annotations

import re

from assistant.understanding import cues
from assistant.understanding.quantities import Found

CONTEXT = 24  # characters before a number that say how it is used ("from", "to", "by")


def figure_role(text: str, found: Found, language: str) -> str:
    """ "to", "by" or "from" said right before the figure; of two, the longer cue ("выйти
    на 230" reaches 230, though "на" alone says by how much)."""
    before = text[max(0, found.start - CONTEXT) : found.start]
    after = text[found.end : found.end + CONTEXT]
    if found.amount.unit == "%" and cues.search("more_after", language, after):
        return "change_by"  # "30 % more bookings", "25 % mer omsetning": by how much
    if _ARROW_AFTER.match(after):
        return "change_from"  # "3,2 → 4 miljoner": the figure the arrow leaves
    said = [(role, cues.search(role, language, before)) for role in FIGURE_ROLES]
    found_roles = [
        (len(match.group(0).strip()), -n, role)
        for n, (role, match) in enumerate(said)
        if match and not _now_of_figure_before(before, match)
    ]
    return max(found_roles)[2] if found_roles else ""


def _now_of_figure_before(before: str, match: re.Match[str]) -> bool:
    """ "140 a day Mon–Fri now, 190 by June": the "now" ends the clause of the figure
    before it and the words it counts, so it says nothing of the figure after the comma.
    ("0 i dag, 150 …" restating a goal is read as before: as a correction of its values.)"""
    if not re.search(r"[,;]\s*$", match.group(0)):
        return False
    clause = re.split(r"[,;.:!?]", before[: match.start()])[-1]
    return re.search(r"\d[\d\s.,%]*\s[^\W\d_]", clause) is not None  # "140 a day … now"


FIGURE_ROLES = ("change_by", "change_to", "change_from")
_ARROW_AFTER = re.compile(r"\s*%?\s*(?:→|->|–>)\s*\d")


_CLAUSE_COMMA = re.compile(r",(?!\d)")
_CLAUSE_END = re.compile(r"[,;!?]\s|\.(?:\s|$)")  # "230 детей, сейчас 170": 170's "now"


def unit_price(text: str, found: Found, language: str) -> bool:
    """ "about 6-7 a week at ~£45 avg each", "a monthly plan, like a subscription, £40 a
    month": what one of them is worth or costs, not a figure of the aim."""
    if cues.search("unit_price_after", language, text[found.end : found.end + 30]) is not None:
        return True
    before = text[max(0, found.start - PRICE_REACH) : found.start]
    priced = cues.search("unit_price_before", language, before) is not None
    return priced and found.amount.unit == "money"


PRICE_REACH = 30  # "like a subscription, ": the words right before a price


def said_as_today(text: str, found: Found, language: str, start: int = 0) -> bool:
    """ "now about 15 %", "we do about 90 a month", "vi har 63 nå": the words just before
    the figure, within its own clause, or just after it."""
    commas = [m.end() for m in _CLAUSE_COMMA.finditer(text, start, found.start)]  # not "4,3"
    clause_start = max([start, *commas])
    before = text[max(clause_start, found.start - 40) : found.start]
    after = _CLAUSE_END.split(text[found.end : found.end + 30], maxsplit=1)[0]  # not the next
    inside = found.amount.span.text if re.search(r"[^\W\d_]{3}", found.amount.span.text) else ""
    return (
        cues.search("today_words", language, before) is not None
        or cues.search("today_after", language, after) is not None
        or cues.search("today_words", language, inside) is not None  # "of 10 quotes we win 3"
    )
