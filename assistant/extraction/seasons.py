"""Seasons in deadlines: "by summer 2027", "before spring", "before next season"
("før neste dekksesong", "до следующего сезона"), as months of the year."""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from dateutil.easter import easter

from assistant.extraction.models import Granularity, Language
from assistant.extraction.months import month_end

# Parts of a year, as the month a deadline in them ends: "by summer 2027" -> 2027-08-31.
SEASONS: dict[Language, str] = {
    "en": r"(?P<spring>spring)|(?P<summer>summer)|(?P<mid>mid|the\s+middle\s+of|middle\s+of)"
    r"|(?P<autumn>autumn|fall)|(?P<winter>winter)|(?P<christmas>christmas|xmas)"
    r"|(?P<easter>easter)",
    "nb": r"(?P<spring>vårsesongen|våren|vår)|(?P<summer>sommersesongen|sommeren|sommern|sommer)"
    r"|(?P<mid>midten\s+av|midt\s+i)|(?P<autumn>høstsesongen|høsten|høst)"
    r"|(?P<winter>vintersesongen|vinteren|vinter)|(?P<christmas>jul|julen)"
    r"|(?P<easter>påsken|påske)",
    "sv": r"(?P<spring>vårsäsongen|våren|vår)|(?P<summer>sommarsäsongen|sommaren|sommar)"
    r"|(?P<mid>mitten\s+av|halvårsskiftet)|(?P<autumn>höstsäsongen|hösten|höst)"
    r"|(?P<winter>vintersäsongen|vintern|vinter)|(?P<christmas>jul|julen)"
    r"|(?P<easter>påsken|påsk)",
    "ru": r"(?P<spring>весенн\w+\s+сезон\w*|весн[аеуы])|(?P<summer>летн\w+\s+сезон\w*|лет[оау])"
    r"|(?P<mid>середин[аеуы]|сер\.)|(?P<autumn>осенн\w+\s+сезон\w*|осен[ьи])"
    r"|(?P<winter>зимн\w+\s+сезон\w*|зим[аеуы])"
    r"|(?P<christmas>нового\s+года|новому\s+году|новогодн\w+)|(?P<easter>пасх[аеиу])",
}
SEASON_END_MONTH = {
    "spring": 5, "mid": 6, "summer": 8, "autumn": 11, "winter": 12, "christmas": 12,
    "easter": 4,
}  # fmt: skip
# "before the season", "før neste dekksesong", "före nästa säsong", "к следующему сезону":
# a season the owner does not name is the next working season, which starts in spring.
ANY_SEASON: dict[Language, str] = {
    "en": r"(?:before|by|for)\s+(?:the\s+)?(?:next\s+|coming\s+|new\s+)?(?:\w+\s+)?"
    r"(?P<anyseason>season)",
    "nb": r"(?:før|innen|til)\s+(?:neste\s+|kommende\s+)?(?P<anyseason>\w*sesong(?:en)?)",
    "sv": r"(?:före|innan|inför|till)\s+(?:nästa\s+|kommande\s+)?(?P<anyseason>\w*säsong(?:en)?)",
    "ru": r"(?:до|к)\s+(?:началу\s+)?(?:следующ\w+\s+|нов\w+\s+|будущ\w+\s+)?"
    r"(?P<anyseason>сезон[ау]?)",
}
ANY_SEASON_STARTS = 4  # the working season an owner does not name starts in April


class _Found(Protocol):
    kind: str
    text: str
    groups: dict[str, str | None]


BEFORE: dict[Language, str] = {"en": "before", "nb": "før", "sv": "före|innan|inför", "ru": "до"}
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
EASTER_EVE = 3  # "before Easter": the holidays start on the Thursday before Easter Sunday


def before_season(
    item: _Found,
    language: Language,
    today: dt.date,
    resolved: tuple[dt.date, Granularity] | None,
) -> tuple[dt.date, Granularity] | None:
    """ "before summer" is due when summer starts (31 May); "by summer" when it ends;
    "before Christmas" on 24 December."""
    if resolved is None or "season" not in item.kind:
        return resolved
    part = next((key for key in SEASON_END_MONTH if item.groups.get(key)), None)
    year = resolved[0].year
    before = re.match(rf"(?:{BEFORE[language]})\s", item.text, re.IGNORECASE) is not None
    if part == "easter":  # "före påsk 2027": Easter Sunday moves; the Thursday before it
        sunday = easter(year) if easter(year) > today else easter(year + 1)
        return sunday - dt.timedelta(days=EASTER_EVE if before else 0), "day"
    if not before:
        return resolved
    if part == "christmas":  # "før jul" on 3 December is this Christmas
        this_year = item.kind == "next_season" and dt.date(today.year, 12, 24) > today
        return dt.date(today.year if this_year else year, 12, 24), "day"
    if part not in SEASON_START:
        return resolved
    start = SEASON_START[part]
    return (month_end(year, start - 1), "month") if start > 1 else resolved
