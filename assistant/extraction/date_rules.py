"""The date grammar of ``dates``: each language's month names, the words that lead in a
deadline or a duration, relative periods ("next quarter", "i år") and the rules built from
them, most specific first."""

from __future__ import annotations

import re

from assistant.extraction.models import Language
from assistant.extraction.seasons import ANY_SEASON, SEASONS

MONTHS: dict[Language, tuple[str, ...]] = {
    "en": ("jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?",
           "aug(?:ust)?", "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?"),
    "nb": ("jan(?:uar)?", "feb(?:ruar)?", "mars", "apr(?:il)?", "mai", "juni", "juli",
           "aug(?:ust)?", "sep(?:t(?:ember)?)?", "okt(?:ober)?", "nov(?:ember)?", "des(?:ember)?"),
    "sv": ("jan(?:uari)?", "feb(?:ruari)?", "mars", "apr(?:il)?", "maj", "juni", "juli",
           "aug(?:usti)?", "sep(?:t(?:ember)?)?", "okt(?:ober)?", "nov(?:ember)?", "dec(?:ember)?"),
    "ru": ("январ[ьяюе]", "феврал[ьяюе]", "март[аеу]?", "апрел[ьяюе]", "ма[йяюе]", "июн[ьяюе]",
           "июл[ьяюе]", "август[аеу]?", "сентябр[ьяюе]", "октябр[ьяюе]", "ноябр[ьяюе]",
           "декабр[ьяюе]"),
}  # fmt: skip

# Words that introduce a deadline ("by", "innen", "senast", "к") before a month or a year.
_PREP: dict[Language, str] = {
    "en": r"no\s+later\s+than|by\s+the\s+end\s+of|the\s+end\s+of|end\s+of|by|before|until|"
    r"till|in|during|within",
    "nb": r"innen\s+utgangen\s+av|innen\s+slutten\s+av|ved\s+utgangen\s+av|utgangen\s+av|"
    r"slutten\s+av|i\s+løpet\s+av|senest|innen|før|til|i",
    "sv": r"(?:vid|till|före|innan)\s+utgången\s+av|utgången\s+av|i\s+slutet\s+av|slutet\s+av|"
    r"senast\s+i|senast|till|före|innan|inom|under|i",
    "ru": r"не\s+позднее|(?:до|к|в)\s+конц[ауе]|до|к|в|во",
}
# what makes "30.11" an amount, not a day: a percent sign, a scale or a currency after it
_AMOUNT_AFTER = r"\s*(?:%|млн|млрд|тыс|mill|milj|mln|mrd|kr\b|руб|₽|€|\$|k\b)"
_RU_YEAR_WORD = r"(?:\s*(?:год[ауе]?|г\.)|-?м\b)"  # "к 2028 году", "2027 г.", "в 2027м"

_DURATION_PREP: dict[Language, str] = {
    "en": r"in\s+the\s+next|within\s+the\s+next|over\s+the\s+next|during\s+the\s+next|"
    r"over\s+next|in\s+next|within\s+next|"
    r"within|inside|in|give\s+it",
    # "på 3 måneder" is a deadline, "ligger på 45 dager" a figure
    "nb": r"i\s+løpet\s+av\s+de\s+neste|i\s+løpet\s+av|de\s+neste|innen|innenfor|om|"
    r"(?<!ligger\s)(?<!\ber\s)(?<!står\s)(?<!snitt\s)på",
    "sv": r"inom\s+loppet\s+av|under\s+de\s+(?:närmaste|kommande)|de\s+(?:närmaste|kommande)|"
    r"inom\s+de\s+(?:närmaste|kommande)|inom|om|(?<!ligger\s)(?<!\bär\s)(?<!snitt\s)på",
    "ru": r"в\s+течение|в\s+ближайшие|через",
}
_DURATION_UNIT: dict[Language, str] = {
    "en": r"half\s+a\s+year|half[-\s]year|days?|weeks?|months?|mos?|mths?|years?|yrs?",
    "nb": r"halvt\s+år|halvår(?:et)?|dager|dagene|dag|døgn|uker|ukene|uke|måneder|månedene|"
    r"måned|mnd|kvartaler|kvartal|år|årene",
    "sv": r"halvt\s+år|halvår(?:et)?|dagar|dagarna|dag|veckor|veckorna|vecka|månader|"
    r"månaderna|månad|mån|kvartal(?:en|et)?|år|åren",
    "ru": r"полгода|полугода|дн(?:я|ей)|день|недел[июь]|недель|месяц(?:а|ев)?|мес\.?|"
    r"квартал(?:а|ов)?|год(?:а)?|лет",
}
NUMBER_WORDS: dict[Language, dict[str, float]] = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "eighteen": 18, "twenty-four": 24},
    "nb": {"en": 1, "ett": 1, "et": 1, "ei": 1, "én": 1, "to": 2, "tre": 3, "fire": 4,
           "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10,
           "elleve": 11, "tolv": 12, "atten": 18, "halvannet": 1.5, "halvannen": 1.5},
    "sv": {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
           "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "arton": 18},
    "ru": {"один": 1, "одного": 1, "одну": 1, "два": 2, "две": 2, "двух": 2, "три": 3,
           "трёх": 3, "трех": 3, "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5,
           "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "восемь": 8, "девять": 9,
           "десять": 10, "двенадцать": 12, "восемнадцать": 18, "полтора": 1.5,
           "полутора": 1.5},
}  # fmt: skip

_QUARTER: dict[Language, tuple[str, str]] = {  # (ordinal, the word "quarter")
    "en": (r"first|second|third|fourth|[1-4](?:st|nd|rd|th)", r"quarter"),
    "nb": (r"første|andre|tredje|fjerde|[1-4]\.", r"kvartal(?:et)?"),
    "sv": (r"första|andra|tredje|fjärde|[1-4]:[ae]", r"kvartal(?:et)?"),
    "ru": (r"перв\w*|втор\w*|трет\w*|четв[её]рт\w*|[1-4](?:-?(?:м|й|го|ем))?|IV|I{1,3}",
           r"квартал\w*"),
}  # fmt: skip
# Quarter 1..4 by ordinal word, digit or Roman numeral (matched at the start, lower case).
QUARTER_NUMBERS = (r"first|første|första|перв|1|i$", r"second|andre|andra|втор|2|ii$",
                    r"third|tredje|трет|3|iii$", r"fourth|fjerde|fjärde|четв|4|iv$")  # fmt: skip

# Relative periods, each resolved to the last day of that period.
_RU_END = r"(?:(?:до|к|в)\s+конц[ауе]\s+)"  # "до конца", "к концу", "в конце"
_PHRASES: dict[Language, dict[str, str]] = {
    "en": {
        "this_year": r"(?:(?:by|before|until|till|at)\s+)?(?:the\s+)?(?:end\s+of\s+"
        r"(?:the\s+|this\s+)?year|year[-\s]end|eoy)|(?:within\s+|during\s+)?this\s+(?:financial\s+|"
        r"fiscal\s+|calendar\s+)?year|before\s+the\s+new\s+year",
        "next_year": r"(?:(?:by|before|until)\s+)?(?:the\s+)?(?:end\s+of\s+)?next\s+year",
        "this_quarter": r"(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+quarter|this\s+quarter",
        "next_quarter": r"(?:(?:by|in|during)\s+)?(?:the\s+)?(?:end\s+of\s+)?next\s+quarter",
        "this_month": r"(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+month|this\s+month",
        "next_month": r"(?:(?:by|in)\s+)?(?:the\s+)?(?:end\s+of\s+)?next\s+month",
    },
    "nb": {
        "this_year": r"(?:(?:innen|før|til|ved)\s+)?(?:utgangen\s+av\s+året|slutten\s+av\s+året|"
        r"årets\s+slutt|årsslutt|årsskiftet|nyttår)|i\s+løpet\s+av\s+året|i\s+år|dette\s+året",
        "next_year": r"(?:(?:innen|til|før)\s+)?(?:(?:utgangen|slutten)\s+av\s+)?neste\s+år",
        "this_quarter": r"(?:innen\s+)?(?:utgangen|slutten)\s+av\s+kvartalet|dette\s+kvartalet",
        "next_quarter": r"(?:(?:innen|i|til)\s+)?(?:(?:utgangen|slutten)\s+av\s+)?neste\s+kvartal",
        "this_month": r"(?:innen\s+)?(?:utgangen|slutten)\s+av\s+måneden|denne\s+måneden",
        "next_month": r"(?:(?:innen|i|til)\s+)?(?:(?:utgangen|slutten)\s+av\s+)?neste\s+måned",
    },
    "sv": {
        "this_year": r"(?:(?:senast|före|innan|till|vid)\s+)?(?:i\s+slutet\s+av\s+året|slutet\s+av"
        r"\s+året|utgången\s+av\s+året|årets\s+slut|årsskiftet|nyår)|under\s+(?:innevarande\s+)?"
        r"året|i\s+år|detta\s+år",
        "next_year": r"(?:(?:till|senast|före)\s+)?(?:(?:i\s+)?slutet\s+av\s+)?nästa\s+år",
        "this_quarter": r"(?:senast\s+)?(?:i\s+)?slutet\s+av\s+kvartalet|detta\s+kvartal",
        "next_quarter": r"(?:(?:till|under|senast)\s+)?(?:(?:i\s+)?slutet\s+av\s+)?nästa\s+kvartal",
        "this_month": r"(?:senast\s+)?(?:i\s+)?slutet\s+av\s+månaden|denna\s+månad",
        "next_month": r"(?:(?:till|under|senast)\s+)?(?:(?:i\s+)?slutet\s+av\s+)?nästa\s+månad",
    },
    "ru": {
        "this_year": rf"{_RU_END}(?:этого\s+|текущего\s+)?года|(?:в\s+)?(?:этом|текущем)\s+году|"
        r"в\s+течение\s+(?:этого|текущего)\s+года",
        "next_year": rf"{_RU_END}?(?:следующего|будущего)\s+года|в\s+(?:следующем|будущем)\s+году",
        "this_quarter": rf"{_RU_END}(?:этого\s+|текущего\s+)?квартала|"
        r"в\s+(?:этом|текущем)\s+квартале",
        "next_quarter": rf"{_RU_END}?следующего\s+квартала|в\s+следующем\s+квартале|"
        r"следующий\s+квартал",
        "this_month": rf"{_RU_END}(?:этого\s+|текущего\s+)?месяца|в\s+(?:этом|текущем)\s+месяце",
        "next_month": rf"{_RU_END}?следующего\s+месяца|в\s+следующем\s+месяце",
    },
}

# "September next year", "september neste år", "к сентябрю следующего года"
_NEXT_YEAR: dict[Language, str] = {
    "en": r"next\s+year",
    "nb": r"neste\s+år|til\s+neste\s+år",
    "sv": r"nästa\s+år|till\s+nästa\s+år",
    "ru": r"следующего\s+года|будущего\s+года",
}
# "by next summer", "innen sommeren", "к лету": the next one to come
_NEXT = r"(?:the\s+|next\s+|this\s+|neste\s+|nästa\s+|следующ\w+\s+|этой\s+|этим\s+)?"


def date_rules(language: Language) -> list[tuple[str, str]]:
    """(kind, regex) rules, most specific first: the first rule that matches at a place wins."""
    months = "|".join(MONTHS[language])
    prep = rf"(?:(?:{_PREP[language]})\s+)?"
    year = rf"(?P<year>\d{{4}})(?:{_RU_YEAR_WORD})?" if language == "ru" else r"(?P<year>\d{4})"
    day_suffix = {"en": r"(?:st|nd|rd|th)?", "nb": r"\.?", "sv": r"(?::[ae])?", "ru": r"(?:-?го)?"}
    day = rf"(?:the\s+|den\s+)?(?P<day>\d{{1,2}}){day_suffix[language]}"
    month = rf"(?P<month>{months})\.?"
    numbers = "|".join(sorted(map(re.escape, NUMBER_WORDS[language]), key=len, reverse=True))
    duration = (rf"(?:{_DURATION_PREP[language]})\s+(?:(?P<num>\d{{1,3}}(?:[.,]5)?|{numbers})\s+)?"
                rf"(?P<unit>{_DURATION_UNIT[language]})")  # fmt: skip
    sources = [
        ("ymd", rf"{prep}(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?![\d-])")
    ]
    if language != "en":  # day first: 15.03.2027, 15/03/2027 (US month-first is not guessed)
        sources.append(("ymd", rf"{prep}(?P<day>\d{{1,2}})[./](?P<month>\d{{1,2}})[./]"
                               rf"(?P<year>\d{{4}})"))  # fmt: skip
        # "står fortsatt 30.11": day and month, both in two digits, no year (never "4.10")
        sources.append(("ymd", rf"{prep}(?P<day>0[1-9]|[12]\d|3[01])\.(?P<month>0[1-9]|1[0-2])"
                               rf"\.?(?!\d|[.,]\d|{_AMOUNT_AFTER})"))  # fmt: skip
    next_year = rf"\s+(?P<next_year>{_NEXT_YEAR[language]})"  # "к 8 марта следующего года"
    sources.append(("day_month", rf"{prep}{day}\s+(?:of\s+)?{month}(?:,?\s+{year}|{next_year})?"))
    if language == "en":
        sources.append(("day_month", rf"{prep}{month}\s+{day}(?:,?\s+{year})?"))
    sources += [
        ("month_year", rf"{prep}{month},?\s+{year}"),
        ("month_next_year", rf"{prep}{month},?\s+(?:{_NEXT_YEAR[language]})"),
        ("quarter", rf"{prep}Q(?P<quarter>[1-4])(?:\s*[-/]?\s*(?P<year>\d{{4}}|'\d{{2}}))?"),
        ("quarter", rf"{prep}(?:the\s+)?(?P<quarter>{_QUARTER[language][0]})\s*"
                    rf"{_QUARTER[language][1]}(?:\s+(?:of\s+)?{year})?"),
        ("season", rf"{prep}(?:the\s+)?(?P<season>{SEASONS[language]})[\s-]*(?:of\s+)?{year}"),
        ("season_next_year", rf"{prep}(?:the\s+)?(?P<season>{SEASONS[language]})\s+(?:of\s+)?"
                             rf"(?:{_NEXT_YEAR[language]})"),
        ("next_season", rf"(?:{_PREP[language]})\s+{_NEXT}(?P<season>{SEASONS[language]})"
                        r"(?![\s-]*\d)"),
        ("any_season", ANY_SEASON[language]),
        ("year", rf"(?:{_PREP[language]})\s+(?:år\s+)?{year}"),
        ("duration", duration),
    ]  # fmt: skip
    if language == "en":  # "within a quarter"; "in the next quarter" is a phrase of its own
        sources.append(("duration", r"(?:within|in|inside)\s+(?P<num>a|one|two|three|\d)\s+"
                                    r"(?P<unit>quarters?)"))  # fmt: skip
        sources.append(("duration", rf"(?P<num>\d{{1,3}}|{numbers})\s+(?P<unit>"
                                    rf"{_DURATION_UNIT[language]})\s+from\s+now"))  # fmt: skip
    if language == "ru":  # "за полгода", "за 6 месяцев" ("выручка 60 млн за год" is a past year)
        sources.append(
            (
                "duration",
                rf"за\s+(?:(?P<num>\d{{1,3}}|{numbers})\s+)?(?P<unit>"
                r"полгода|месяц(?:а|ев)?|мес\.?|недел[иь]|недель)",
            )
        )
        sources.append(("duration", rf"за\s+(?P<num>\d{{1,2}}|{numbers})\s+(?P<unit>года|лет)"))
        # "с 14 до 30 за год" right after the target, "за ближайший год": a year from now
        sources.append(("duration", r"(?<=\d\s)за\s+(?P<unit>год)\b"))
        sources.append(("duration", r"за\s+(?:ближайший|следующий)\s+(?P<unit>год)\b"))
        sources.append(("year", rf"(?P<year>\d{{4}}){_RU_YEAR_WORD}"))
    sources.extend(_PHRASES[language].items())
    sources.append(("month", rf"(?:{_PREP[language]})\s+{month}"))
    return sources
