"""Where an order puts an initiative and how high: the roadmap lane it names ("move it to
Later", "under Sedan"), whether it goes first in that lane ("to the top of Now", «на первое
место») and the priority it gives ("prioritet høy")."""

from __future__ import annotations

import re

from assistant.understanding import cues

_LANE_SAID = re.compile(
    r"[,;]?\s*(?:(?:and\s+|og\s+|och\s+|и\s+)?(?:put|place|legg|sett|lägg|sätt|поставьте|"
    r"добавьте)\s+(?:it|det|den|её|ее)\s+)?(?:in|into|to|i|til|till|under|в|на)\s+"
    r"[«\"”]?(?:the\s+)?(?:now|next|later|nå|neste|deretter|senere|nu|nästa|sedan|senare|сейчас|далее|дальше|"
    r"позже|потом)[»\"”]?(?:\s+lane|\s+kolonnen)?\s*$",
    re.IGNORECASE,
)


_BARE_LANE = re.compile(  # "add a step: an online shop for cans, Now": the lane as named
    r"[,;–—-]\s*[«\"”]?(?P<lane>(?-i:Now|Next|Later|Nå|Neste|Senere|Nu|Nästa|Senare|Сейчас|"
    r"Далее|Позже))[»\"”]?\s*[.!]?\s*$"
)


def without_lane(name: str) -> str:
    """A step's name without where it goes ("…, put it in Now", "…, Now")."""
    return _BARE_LANE.sub("", _LANE_SAID.sub("", name)).strip(" ,;")


def lane_named(words: str, language: str) -> str | None:
    return horizon_of(words, language, "lane_labels")


def lane_said(words: str, language: str) -> str | None:
    """The roadmap lane an order names ("under Sedan", "в ближайшие 3 месяца", "…, Now"),
    if any."""
    bare = _BARE_LANE.search(words.strip())
    if bare is not None:
        return lane_named(bare.group("lane"), language)
    return lane_named(words, language) or horizon_of(words, language)


_LANES = (
    r"(?:now|next|later|nå|neste|deretter|senere|nu|nästa|sedan|senare|"
    r"сейчас|далее|дальше|позже|потом)"
)
_LANE_AFTER_TO = re.compile(
    rf"\b(?:to|into|in|til|till|i|в|на)\s+[«\"”]?{_LANES}\b",
    re.IGNORECASE,
)
_NOT_LANE = re.compile(  # "i Nå, ikke senere": the lane said after "not" is not meant
    rf"(?<!\w)(?:not|ikke|inte|не)\s+(?:(?:in|into|to|i|til|till|в|на)\s+)?[«\"”]?{_LANES}\b",
    re.IGNORECASE,
)


def horizon_of(words: str, language: str, key: str = "horizon_words") -> str | None:
    """The roadmap lane ``words`` point to, by the cues under ``key``; a lane said after "to"
    wins ("flytt kompetanseplan til Senere, vi har ikke tid til kurs nå")."""
    words = _NOT_LANE.sub(" ", words)
    said = _LANE_AFTER_TO.search(words)
    if said is not None and said.group(0) != words:
        return horizon_of(said.group(0), language, key) or _horizon_in(words, language, key)
    return _horizon_in(words, language, key)


def _horizon_in(words: str, language: str, key: str) -> str | None:
    return cues.label_of(key, language, words)


def put_first(words: str, language: str) -> bool:
    """The order puts its initiative first in its lane ("sett timeføring som nummer 1")."""
    return cues.search("lane_first", language, words) is not None


def without_place(words: str, language: str) -> str:
    """The order without the place it names ("flytt tiltak 2 til nummer 1": "flytt tiltak 2")."""
    for pattern in cues.patterns("lane_first", language):
        words = pattern.sub(" ", words)
    return words


def priority_of(words: str, language: str) -> str | None:
    """The priority an order gives ("og prioritet høy": high), if it names one."""
    return cues.label_of("priority_said", language, words)


def lane_only(name: str, language: str) -> str | None:
    """The lane a would-be step name is and nothing else ("верните в «Далее»" names no new
    step called «Далее»): the order moves a step there."""
    return lane_named(name, language) if name.strip() else None
