"""A goal named by the owner's own aim when no metric name fits it ("starta företagsyoga –
sälja till 3 arbetsgivare", "få tilbake minst 300 av de inaktive"): the clause that holds
the target, with the target's digits as a slot, so the statement always shows the target
the goal holds ("Starta företagsyoga – sälja till 3 arbetsgivare här i stan senast …")."""

from __future__ import annotations

import re

from assistant.extraction.dates import find_date_spans
from assistant.understanding import cues
from assistant.understanding.text import sentences

SLOT = "{target}"
MIN_WORDS = 2  # words besides the figure an aim needs to say what it is about
MOST_WORDS = 14  # a longer clause is a story, not an aim
_CLAUSE = re.compile(r"[,;:()]\s*")
_WORD = re.compile(r"[^\W\d_]{4,}")


def owner_aim(text: str, target: float, language: str) -> str | None:
    """The owner's clause that states ``target`` with the figure as ``SLOT``, or None when
    the figure is not said as digits there or the clause names too little or too much."""
    said = _said_at(text, target)
    if said is None:
        return None
    sentence, figure = said
    aim = _aim_around(_without_dates(sentence, language), figure.start(), language)
    return aim if _reads_as_aim(aim) else None


def filled(aim: str, target_text: str) -> str:
    """The aim with the goal's target in its slot, starting with a capital letter."""
    said = aim.replace(SLOT, target_text)
    return said[:1].upper() + said[1:]


def _said_at(text: str, value: float) -> tuple[str, re.Match[str]] | None:
    """The first sentence that says ``value`` in digits, and where it says it."""
    for sentence in (s.text for s in sentences(text)):
        if (figure := _figure(sentence, value)) is not None:
            return sentence, figure
    return None


def _figure(sentence: str, value: float) -> re.Match[str] | None:
    if value != int(value):
        return None
    digits = f"{int(value):,}".replace(",", r"[\s ,.]?")  # "3 600", "3,600" or "3600"
    return re.search(rf"(?<![\d.,]){digits}(?![\d]|[.,]\d)", sentence)


def _without_dates(sentence: str, language: str) -> str:
    """Dates left out as blanks of their own length, so positions in the sentence still hold
    (``text.without_dates`` shortens it): "i år", "by next summer"."""
    for start, end in find_date_spans(sentence, language):
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


def _aim_around(sentence: str, at: int, language: str) -> str:
    """The clause holding the figure at ``at``, without its wish words; with the clause before
    it when nothing but the figure is left ("…verkstedet som et eget bein å stå på, gjerne
    25 % mer omsetning der")."""
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(sentence, 0, at))]
    ends = [m.start() for m in _CLAUSE.finditer(sentence, at)]
    start, end = bounds[-1], ends[0] if ends else len(sentence)
    aim = _opened(_figure_in(sentence[start:end], at - start), language)
    if len(bounds) > 1 and not _WORD.search(aim.split(SLOT)[0]):
        before = _opened(sentence[bounds[-2] : start].strip(" ,;:"), language)
        aim = f"{before}, {aim}"
    return re.sub(r"\s+", " ", aim).strip(" ,;:.!?–—")


def _figure_in(clause: str, at: int) -> str:
    number = re.match(r"\d[\d\s ,.]*\d|\d", clause[at:])
    length = len(number.group(0).rstrip(" ,.")) if number else 0
    return clause[:at] + SLOT + clause[at + length :]


def _opened(clause: str, language: str) -> str:
    """The clause without the wish words that open it ("Vill också", "I'd also love to")."""
    said = "|".join(cues.raw("aim_lead_in").get(language, ()))
    if not said:
        return clause
    gap = r"[\s,:;–—-]*"
    return re.sub(rf"^(?:{gap}(?:{said})(?!\w))+{gap}", "", clause, flags=re.IGNORECASE).strip()


def _reads_as_aim(aim: str) -> bool:
    words = aim.replace(SLOT, " ")
    named = len(_WORD.findall(words)) >= MIN_WORDS
    return SLOT in aim and named and len(words.split()) <= MOST_WORDS


ADDITION_WINDOW = 40  # characters before the target (and half as many after) said about it


def counts_additions(text: str, target: float, language: str) -> bool:
    """The target counts new things from today ("4 nye montører", "sälja till 3 arbetsgivare",
    "add 15 new wholesale accounts"), so today's value is 0."""
    said = _said_at(text, target)
    if said is None:
        return False
    sentence, figure = said
    around = sentence[
        max(0, figure.start() - ADDITION_WINDOW) : figure.end() + ADDITION_WINDOW // 2
    ]
    return cues.search("counts_additions", language, around) is not None
