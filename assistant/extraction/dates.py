"""Deadlines in free text (en, nb, sv, ru), resolved against a given ``today``.

Hand-written rules: a general-purpose date parser misses most of what owners write
("innen utgangen av året", "в следующем квартале", "Q3 2027") and mistakes words and
percentages for dates, so every phrase (``date_rules``) is matched explicitly and anything
else is None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from assistant.extraction.date_rules import MONTHS, NUMBER_WORDS, QUARTER_NUMBERS, date_rules
from assistant.extraction.models import (
    MAX_TEXT_CHARS,
    Deadline,
    Granularity,
    Language,
    normalize_language,
)
from assistant.extraction.months import add_months, month_end
from assistant.extraction.seasons import (
    ANY_SEASON_STARTS,
    SEASON_END_MONTH,
    before_season,
)
from assistant.regex_cache import compiled

_PERIODS = {  # kind -> (months in the period, how many periods ahead)
    "this_month": (1, 0), "next_month": (1, 1), "this_quarter": (3, 0),
    "next_quarter": (3, 1), "this_year": (12, 0), "next_year": (12, 1),
}  # fmt: skip
_MAX_YEARS_AHEAD = 100


@dataclass(frozen=True)
class _Found:
    kind: str
    start: int
    end: int
    text: str
    groups: dict[str, str | None]


_WORD_START = r"(?<![^\W_])"  # shared by every rule, so mid-word places are rejected once
_WORD_END = r"(?![^\W_])"


@cache
def _grammar(language: Language) -> tuple[re.Pattern[str], dict[str, str]]:
    """All rules in one alternation (one scan of the text), and each rule's group -> kind."""
    alternatives: list[str] = []
    kinds: dict[str, str] = {}
    for index, (kind, body) in enumerate(date_rules(language)):
        name = f"r{index}"
        renamed = re.sub(r"\(\?P<(\w+)>", rf"(?P<{name}_\1>", body)
        alternatives.append(f"(?P<{name}>{renamed}){_WORD_END}")
        kinds[name] = kind
    pattern = rf"{_WORD_START}(?:{'|'.join(alternatives)})"
    return re.compile(pattern, re.IGNORECASE), kinds


def _find(text: str, language: Language) -> list[_Found]:
    """Date expressions in text order, without overlaps."""
    pattern, kinds = _grammar(language)
    found: list[_Found] = []
    text = text[:MAX_TEXT_CHARS]
    at = 0
    while (match := pattern.search(text, at)) is not None:
        number = _ITEM_NUMBER.match(match[0])
        if number and _NUMBERED_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
            at = match.start() + number.end()  # "Mål 3 oktober 2027": goal 3, then October
            continue
        at = max(match.end(), at + 1)
        name = match.lastgroup or ""
        prefix = f"{name}_"
        groups = {
            key[len(prefix) :]: value
            for key, value in match.groupdict().items()
            if key.startswith(prefix)
        }
        found.append(_Found(kinds[name], match.start(), match.end(), match[0], groups))
    dated = any(item.kind != "duration" for item in found)
    return [
        item
        for item in found
        if not (_short_span(item) and (dated or _AFTER_AN_EVENT.match(text, item.end)))
        and not _ends_a_month_span(text, item, language)
    ]


_SPAN_JOINER = re.compile(r"(?:till|til|to|until|through|по|до)\b", re.IGNORECASE)


def _ends_a_month_span(text: str, item: _Found, language: Language) -> bool:
    """ "halvtomma oktober till april", "October–April": the end of a span of months with no
    year is when something happens each year, no deadline."""
    if any(c.isdigit() for c in item.text):
        return False
    before = text[max(0, item.start - 24) : item.start]
    joined = _SPAN_JOINER.match(item.text) or before.rstrip().endswith(("-", "–", "—"))
    words = re.findall(r"[^\W\d_]+", before)
    return bool(joined and words and _month_number(words[-1], language))


_AFTER_AN_EVENT = re.compile(  # "через 1 день после фото", "within a day of the enquiry"
    r"\s*(?:after|of|from|etter|fra|efter|från|после|с\s+момента|от)\b", re.IGNORECASE
)


_ITEM_NUMBER = re.compile(r"\d{1,2}\s+")  # a day said first: "3 oktober 2027"
_NUMBERED_BEFORE = re.compile(  # a goal or step named by its number right before the day
    r"(?:\bgoal|\bmål(?:et)?|\btiltak|\bstep|\bsteg|\binitiativ|(?<!\w)цель|(?<!\w)шаг)\s*(?:nr\.?\s*|№\s*)?$",
    re.IGNORECASE,
)
_SHORT_UNITS = ("day", "hour", "min", "dag", "døgn", "dygn", "tim", "час", "дн", "ден", "сут")


def _short_span(item: _Found) -> bool:
    """ "within 1 day by June 2027": beside a date, a span of days or hours is how fast
    something should happen (a figure), not when."""
    unit = (item.groups.get("unit") or "").lower()
    return item.kind == "duration" and unit.startswith(_SHORT_UNITS)


def find_date_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of every date or deadline expression, past or future (for number extraction)."""
    return [(item.start, item.end) for item in _find(text, normalize_language(language))]


def extract_deadline(text: str, language: str, today: dt.date) -> Deadline | None:
    """The first deadline in ``text`` that is not in the past, or None when nothing is clear.

    Only the first ``MAX_TEXT_CHARS`` characters are read.
    """
    lang = normalize_language(language)
    for item in _find(text, lang):
        resolved = before_season(item, lang, today, _resolve(item.kind, item.groups, lang, today))
        resolved = _across_the_new_year(text, item, resolved)
        if resolved is None or not today <= resolved[0] <= _latest(today):
            continue
        day, granularity = resolved
        return Deadline(
            date=day, granularity=granularity, text=item.text, start=item.start, end=item.end
        )
    return None


_SPLIT_YEAR = re.compile(r"\s*/\s*(\d{2}|\d{4})\b")  # "vinteren 2027/28"
_YEAR_AFTER = re.compile(r"\s+(\d{4})(?:\s*/\s*(?:\d{2}|\d{4}))?\b")  # "årsskiftet 2027/28"
WINTER_ENDS = 3  # a winter said across two years ("2027/28") lasts until the end of March


def _across_the_new_year(
    text: str, item: _Found, resolved: tuple[dt.date, Granularity] | None
) -> tuple[dt.date, Granularity] | None:
    """ "vinteren 2027/28" ends in March 2028; "årsskiftet 2027/28" is the end of 2027."""
    if resolved is None:
        return None
    after = text[item.end : item.end + 12]
    split = _SPLIT_YEAR.match(after)
    if split and item.groups.get("winter"):
        later = int(split.group(1)) % 100 + 2000
        if later == resolved[0].year + 1:
            return month_end(later, WINTER_ENDS), "month"
    year = _YEAR_AFTER.match(after) if item.kind == "this_year" else None
    if year and 2000 <= int(year.group(1)) <= resolved[0].year + _MAX_YEARS_AHEAD:
        return dt.date(int(year.group(1)), 12, 31), "month"
    return resolved


def extract_deadlines(text: str, language: str, today: dt.date) -> list[Deadline]:
    """Every deadline in ``text``, in the order said, each with its place in ``text``."""
    found: list[Deadline] = []
    start = 0
    while (deadline := extract_deadline(text[start:], language, today)) is not None:
        found.append(
            deadline.model_copy(
                update={"start": start + deadline.start, "end": start + deadline.end}
            )
        )
        start += max(deadline.end, 1)
    return found


def find_unusable_deadline(text: str, language: str, today: dt.date) -> tuple[str, str] | None:
    """The first date in ``text`` that cannot be a deadline, as (its words, why): "past" for
    one before ``today`` ("by June 2020"), "impossible" for a day that does not exist ("by
    31 February 2027", "2027-13-01"). Says why a date the owner gave was not taken; deadlines
    themselves are read by ``extract_deadline``.

    Only the first ``MAX_TEXT_CHARS`` characters are read.
    """
    lang = normalize_language(language)
    for item in _find(text, lang):
        if item.kind in ("ymd", "day_month") and _no_such_day(item.groups, lang):
            return item.text, "impossible"
        resolved = _resolve(item.kind, item.groups, lang, today)
        if resolved is not None and resolved[0] < today:
            return item.text, "past"
    return None


def _no_such_day(groups: dict[str, str | None], language: Language) -> bool:
    """A day and month that no calendar has: day 0, month 13, 30 February (29 February only
    in a year that is not a leap year)."""
    raw_month, raw_day, raw_year = groups.get("month") or "", groups.get("day"), groups.get("year")
    if language == "en" and raw_month == "may" and raw_year is None:
        return False  # "35 may be enough": the verb, as in ``_resolve``
    month = int(raw_month) if raw_month.isdigit() else _month_number(raw_month, language)
    if month is None or raw_day is None:
        return False  # not a month we know: not a date at all
    if not 1 <= month <= 12:
        return True
    year = int(raw_year) if raw_year and 1 <= int(raw_year) <= 9999 else 2000  # 2000: leap
    return not 1 <= int(raw_day) <= calendar.monthrange(year, month)[1]


def _latest(today: dt.date) -> dt.date:
    return dt.date(min(today.year + _MAX_YEARS_AHEAD, dt.MAXYEAR), 12, 31)


def month_names(language: str) -> str:
    """An alternation matching any month's name in ``language`` ("mar(?:ch)?|…")."""
    return "|".join(MONTHS[normalize_language(language)])


def month_number(word: str, language: str) -> int | None:
    """1–12 for a month's name ("mars", "июня"), else None."""
    return _month_number(word, normalize_language(language))


def _month_number(word: str, language: Language) -> int | None:
    for number, form in enumerate(MONTHS[language], start=1):
        if re.fullmatch(form, word.rstrip(".").lower()):
            return number
    return None


def _quarter_number(word: str) -> int | None:
    numbers = enumerate(QUARTER_NUMBERS, start=1)
    return next((n for n, pattern in numbers if compiled(pattern).match(word.lower())), None)


def _year(raw: str | None, today: dt.date) -> int | None:
    if raw is None:
        return None
    value = 2000 + int(raw[1:]) if raw.startswith("'") else int(raw)
    return value if 1900 <= value <= today.year + _MAX_YEARS_AHEAD else -1


def _resolve(
    kind: str, groups: dict[str, str | None], language: Language, today: dt.date
) -> tuple[dt.date, Granularity] | None:
    year = _year(groups.get("year"), today)
    if year == -1:
        return None
    try:
        if kind in ("ymd", "day_month"):
            raw_month = groups["month"]
            if language == "en" and raw_month == "may" and year is None:
                return None  # lowercase "may" without a year is the verb ("5 may be enough")
            month = int(raw_month) if raw_month.isdigit() else _month_number(raw_month, language)
            year = today.year + 1 if groups.get("next_year") else year
            return _resolve_day(int(groups["day"]), month, year, today)
        if kind in ("month", "month_year", "month_next_year"):
            month = _month_number(groups["month"], language)
            if month is None:
                return None
            if kind == "month_next_year":  # "by September next year"
                year = today.year + 1
            if year is None:
                year = today.year if month > today.month else today.year + 1
            return month_end(year, month), "month"
        if kind == "quarter":
            quarter = _quarter_number(groups["quarter"])
            if quarter is None:
                return None
            if year is None:
                year = today.year if quarter > (today.month - 1) // 3 + 1 else today.year + 1
            return month_end(year, quarter * 3), "quarter"
        if kind == "year":
            return (dt.date(year, 12, 31), "year") if year else None
        if kind == "any_season":  # "before next season": the next spring
            season_year = today.year if today.month < ANY_SEASON_STARTS else today.year + 1
            return month_end(season_year, ANY_SEASON_STARTS - 1), "month"
        if kind in ("season", "next_season", "season_next_year"):
            part = next(key for key in SEASON_END_MONTH if groups.get(key))
            month = SEASON_END_MONTH[part]
            year = today.year + 1 if kind == "season_next_year" else year
            if kind == "next_season" and part != "mid":
                year = today.year if month > today.month else today.year + 1
            return (month_end(year, month), "month") if year else None
        if kind == "duration":
            return _resolve_duration(groups.get("num"), groups["unit"], language, today)
        return _resolve_phrase(kind, today)
    except (ValueError, OverflowError):
        return None


def _resolve_day(
    day: int, month: int | None, year: int | None, today: dt.date
) -> tuple[dt.date, Granularity] | None:
    if month is None or not 1 <= month <= 12:
        return None
    if year is not None:
        return dt.date(year, month, day), "day"
    for candidate_year in range(today.year, today.year + 9):  # Feb 29 needs a leap year
        if day <= calendar.monthrange(candidate_year, month)[1]:
            candidate = dt.date(candidate_year, month, day)
            if candidate > today:
                return candidate, "day"
    return None


def _resolve_duration(
    raw_number: str | None, unit: str, language: Language, today: dt.date
) -> tuple[dt.date, Granularity] | None:
    unit = unit.lower()
    if raw_number is None:  # only Russian leaves out "one" ("через год"); "in months" is vague
        vague = unit in ("месяцев", "лет", "дней", "недель", "кварталов")
        if vague or (language != "ru" and not unit.startswith(("half", "halv"))):
            return None
    words = NUMBER_WORDS[language]
    count = (
        1.0
        if raw_number is None
        else words.get(raw_number.lower()) or float(raw_number.replace(",", "."))
    )
    if unit.startswith(("half", "halv", "полг", "полуг")):
        return add_months(today, round(6 * count)), "month"
    if unit.startswith(("d", "д")):
        return today + dt.timedelta(days=round(count)), "day"
    if unit.startswith(("w", "uke", "veck", "vecka", "недел")):
        return today + dt.timedelta(days=round(7 * count)), "day"
    if unit.startswith(("mo", "mth", "må", "mn", "мес")):
        return add_months(today, round(count)), "month"
    if unit.startswith(("quarter", "kvartal", "квартал")):
        return add_months(today, round(3 * count)), "quarter"
    return add_months(today, round(12 * count)), "year"


def _resolve_phrase(kind: str, today: dt.date) -> tuple[dt.date, Granularity] | None:
    """The last day of this or the next month, quarter or year."""
    if kind not in _PERIODS:
        return None
    size, offset = _PERIODS[kind]
    index = today.year * 12 + today.month - 1  # months since year 0
    last = index - index % size + size * (offset + 1) - 1
    granularity: Granularity = {1: "month", 3: "quarter", 12: "year"}[size]  # type: ignore[assignment]
    return month_end(last // 12, last % 12 + 1), granularity
