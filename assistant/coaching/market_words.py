"""The places a business sells in, as read from the owner's words: the place the reading
found first, then the rules' markets, without the same place in another case ("Казани"), a
word of the business's name, a tool it uses ("customer details are in Xero"), a register
("oppført i Renholdsregisteret") or a season ("Nov-Dec")."""

from __future__ import annotations

import re

from assistant.understanding import cues

_QUOTES = " '\"«»“”‘’"


def markets_kept(said: list[str], profile: dict, language: str, text: str = "") -> list[str]:
    """The place the reading found first; the rules' markets after it, without the same
    place in another case ("Казани"), a word of the business's name or a tool it uses."""
    from assistant.understanding.places import nominative

    place = str(profile["location"].value) if "location" in profile else None
    name = str(profile["business_name"].value).lower() if "business_name" in profile else ""
    tools = {str(t).lower() for t in cues.raw("never_markets")}  # "customer details are in Xero"
    tools |= {m.lower() for m in [*said, place or ""] if m and _a_tool(text, m, language)}
    tools |= {m.lower() for m in said if _MONTHS.fullmatch(m.strip())}  # "Nov-Dec": a season
    endings = tuple(cues.raw("not_place_endings"))  # "oppført i Renholdsregisteret"
    tools |= {m.lower() for m in [*said, place or ""] if m and m.lower().endswith(endings)}
    kept = [place] if place and place.lower() not in tools else []
    for market in (nominative(m.strip(_QUOTES), language) for m in said):  # "по Твери": Тверь
        known = market.lower() in name or market in kept or market.lower() in tools
        if not known and not _part_of_kept(market, kept):
            kept.append(market)
    return kept


def _part_of_kept(market: str, kept: list[str]) -> bool:
    """ "Нижнем" beside "Нижний Новгород": one word of a longer place already kept."""
    stem = market.lower()[:4]
    return " " not in market and any(
        " " in k and any(w.lower()[:4] == stem for w in k.split()) for k in kept
    )


_MONTH = (
    r"(?:jan|feb|mar|apr|ma[iyj]|jun|jul|aug|sep|o[ck]t|nov|de[cs]|янв|фев|мар|апр|ма[йя]|июн|"
    r"июл|авг|сен|окт|ноя|дек)[\w.]*"
)
_MONTHS = re.compile(rf"{_MONTH}(?:\s*[-–]\s*{_MONTH})?", re.IGNORECASE)


def _a_tool(text: str, name: str, language: str) -> bool:
    """ "Bruker et enkelt PMS (Visbook)": somewhere the name is said as a system in use."""
    return any(
        cues.search("tool_lead", language, text[max(0, m.start() - 40) : m.start()])
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    )
