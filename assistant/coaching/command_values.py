"""The figures an order gives: its new values ("goal 3 should be 3,200 to 4,500"), today's
value said with it ("8 now, 14 target"), and the old ones it replaces ("not 1.5", "the 6
was staff", "4 % is too much"), never the number of the goal or step it names, nor a time
until something ("om tre veckor")."""

from __future__ import annotations

import re

from assistant.coaching.units import TIME_UNITS, figure_unit
from assistant.understanding import cues
from assistant.understanding.objective_units import names_its_own, shared_unit
from assistant.understanding.quantities import Found, read_amounts
from assistant.understanding.team import counts_people
from assistant.understanding.text import sentences

_OLD_VALUE = re.compile(
    r"(?:\bnot|\bikke|\bikkje|\binte|\bне|\binstead of|\brather than|i stedet for|"
    r"i stället för|istället för|вместо|\bwas|\bvar|\bбыло|\bscratch the|"
    r"\b(?:i|we) (?:said|wrote)|\b(?:jeg|vi|jag) (?:sa|skrev)|"
    r"(?:\bnot|\bikke|\binte|\bне)\s+[\d.,]+\s*%?\s*(?:→|->|–>|to|til|till|до|-|–))\s*$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(  # "from 0 now to 80": today's word between the pair
    r"^\s*(?:(?:now|today|currently|nå|i dag|nu|idag|сейчас|сегодня),?\s+)?"
    r"(?:to|til|till|до|->|→|-|–)\s*$",
    re.IGNORECASE,
)


def new_values(words: str, language: str) -> tuple[float | None, float | None]:
    """(today's value, target) said in a change: "from 2 to 5" gives both, "should be 40 %"
    the target, "today it's 63" today's value; an old value ("not 1.5") is left out."""
    amounts = _first_told(words, _values(words, language))
    if len(amounts) >= 2 and _BETWEEN.match(words[amounts[0].end : amounts[1].start]):
        today = shared_unit(amounts[0].amount, amounts[1].amount)  # "с 28 до 35 млн": millions
        return today.value, amounts[1].amount.value
    baseline = next((a.amount.value for a in amounts if _said_as_today(words, a, language)), None)
    aims = [a.amount.value for a in amounts if not _said_as_today(words, a, language)]
    return baseline, (aims[-1] if aims else None)  # "4 % is too much, make it 5 %": the last


def told_at(words: str, language: str) -> list[int]:
    """Where the order's new values stand in ``words``."""
    return [a.start for a in _first_told(words, _values(words, language))]


def _first_told(words: str, amounts: list[Found]) -> list[Found]:
    """The figures of the first sentence of the order that gives any, outside questions:
    in "goal 1: set it to 50 %. Goal 2 is wrong, from 70 to 80 %. And why 56 %?" goal 1
    takes 50 %."""
    for piece in sentences(words):
        if piece.text.rstrip().endswith("?"):
            continue
        inside = [a for a in amounts if piece.start <= a.start < piece.end]
        if inside:
            return inside
    return []


# "3000 is far too many", "4 % er for mye", "150 нереально", "260 er litt optimistisk":
# the value being replaced
_TOO_MUCH = re.compile(
    r"^\W*(?:[^\W\d]+\s+){0,3}(?:too|far too|way too|unrealistic|not realistic|optimistic|"
    r"a stretch|a bit much|i overkant|i överkant|многовато|перебор|"
    r"ambitious|alt for|for mye|for høyt|for lite|urealistisk|optimistisk|ambisiøst|för mycket|"
    r"för högt|för \w+igt|för tuff\w*|för svårt|for tøf\w*|for hardt|kaxig\w*|orealistisk|"
    r"ambitiöst|слишком|нереально|оптимистично|"
    r"амбициозно)",
    re.IGNORECASE,
)


_MORE_NUMBERS = re.compile(
    r"\s*(?:,|&|\+|and|og|och|и|or|eller|или)\s*(?P<n>\d{1,2})\b(?!\s*(?:%|[.,]\d))",
    re.IGNORECASE,
)


def _values(words: str, language: str) -> list[Found]:
    """The figures of an order that are values: not an old one ("not 1.5") and not the
    number of the goal or step it names ("change the unit of goal 1 to customers")."""
    named = [
        m.span("n")
        for key in ("goal_reference", "initiative_reference")
        for p in cues.patterns(key, language)
        for m in p.finditer(words)
    ]
    for _, end in list(named):  # "Цели 2 и 3", "goals 1, 2 and 4": each a goal's number
        more = _MORE_NUMBERS.match(words, end)
        while more is not None:
            named.append(more.span("n"))
            more = _MORE_NUMBERS.match(words, more.end())
    masked = words  # "goal 2 620 members": the goal's number is no digit of the value
    for start, end in named:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    found = read_amounts(masked, language)
    team = [m.span() for p in cues.patterns("staff", language) for m in p.finditer(words)]
    found = [a for a in found if not any(s <= a.start < e for s, e in team)]  # "vi är 18"
    old_share = any(a.amount.unit == "%" for a in found if _old(words, a, language))
    return [
        a
        for a in found
        if not _old(words, a, language)
        and not _time_until(words, a, language)
        and not counts_people(words, a.end, language)  # "- we only have 5 lads": the team
        and not (old_share and a.amount.unit == "count" and names_its_own(words, a.amount))
    ]  # "inte 40 %. Vi har 40 tårtbeställningar … 0 % i dag": the 0 % replaces the 40 %


def _time_until(words: str, found: Found, language: str) -> bool:
    """ "slutet av 2026 är ju om tre veckor": how soon something is, not a value."""
    before = words[max(0, found.start - 12) : found.start]
    return (
        found.amount.unit in TIME_UNITS and cues.search("time_until", language, before) is not None
    )


def order_unit(words: str, language: str) -> str | None:
    amounts = _first_told(words, _values(words, language))
    if not amounts:
        return None
    last = amounts[-1].amount
    return figure_unit(last, language) if last.unit == "money" else last.unit


_NUMBER = re.compile(r"^[£$€¥]?\s*\d[\d\s.,]*")  # the figure itself, with its currency sign


def old_values(words: str, language: str) -> list[float]:
    return [a.amount.value for a in read_amounts(words, language) if _old(words, a, language)]


def _old(words: str, found: Found, language: str) -> bool:
    before = words[max(0, found.start - 16) : found.start]
    after = words[found.end :]
    if cues.search("figure_was", language, _NUMBER.sub("", words[found.start :], count=1)):
        return True  # "the 6 was staff", "£40 is the price per month"
    if cues.search("shown_now", language, words[max(0, found.start - 60) : found.start]):
        return True  # "…, nu står det 40 → 40": what the plan shows now
    return _OLD_VALUE.search(before) is not None or _TOO_MUCH.match(after) is not None


def _own_lead_in(before: str) -> str:
    """The words that lead in to a figure: its own clause ("today it's 63"), or the clause
    before when the figure opens one ("today, 63"), unless that clause has a figure of its
    own ("8 now, 14 target": "now" is the 8's)."""
    pieces = re.split(r"[.!?;]\s|,\s", before)
    if pieces[-1].strip() or len(pieces) < 2 or re.search(r"\d", pieces[-2]):
        return pieces[-1]
    return pieces[-2]


def _said_as_today(words: str, found: Found, language: str) -> bool:
    """ "today it's 63", "mål 1: fra 30 %": the value the goal starts from."""
    before = _own_lead_in(words[max(0, found.start - 24) : found.start])
    started = cues.search("change_from", language, before) is not None  # an old value is gone
    after = re.split(r"[,.;!?]\s", words[found.end : found.end + 24])[0]  # "8 now, 14 target"
    after = "" if words[found.end - 1] in ".!?" else after  # "30 000 kr. I dag …": said after
    said_now = cues.search("today_after", language, after) is not None
    return started or said_now or cues.search("today_words", language, before) is not None
