"""Deadlines read from owners' free text in en, nb, sv and ru, resolved from a fixed today."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.extraction import SUPPORTED_LANGUAGES, extract_deadline, find_date_spans

TODAY = dt.date(2026, 11, 22)

# (language, text, expected date, granularity)
DEADLINE_CASES = [
    ("en", "by June 2027", "2027-06-30", "month"),
    ("en", "We want it live in June", "2027-06-30", "month"),
    ("en", "by end of year", "2026-12-31", "year"),
    ("en", "next quarter", "2027-03-31", "quarter"),
    ("en", "within a year", "2027-11-22", "year"),
    ("en", "in 6 months", "2027-05-22", "month"),
    ("en", "Q3 2027", "2027-09-30", "quarter"),
    ("en", "by 2028", "2028-12-31", "year"),
    ("en", "launch on 2027-03-15", "2027-03-15", "day"),
    ("en", "by the end of next year", "2027-12-31", "year"),
    ("en", "June 15", "2027-06-15", "day"),
    ("en", "by 15th of March 2027", "2027-03-15", "day"),
    ("en", "in 2 weeks", "2026-12-06", "day"),
    ("en", "by November", "2027-11-30", "month"),  # this month has begun: the next one
    ("en", "Q4", "2027-12-31", "quarter"),
    ("en", "by May 2027", "2027-05-31", "month"),
    ("en", "this quarter", "2026-12-31", "quarter"),
    ("en", "next month", "2026-12-31", "month"),
    ("en", "six months from now", "2027-05-22", "month"),
    ("en", "We started in 2019 and want to double by 2028", "2028-12-31", "year"),
    ("nb", "innen juni", "2027-06-30", "month"),
    ("nb", "innen utgangen av året", "2026-12-31", "year"),
    ("nb", "neste kvartal", "2027-03-31", "quarter"),
    ("nb", "i løpet av et år", "2027-11-22", "year"),
    ("nb", "om seks måneder", "2027-05-22", "month"),
    ("nb", "innen 2028", "2028-12-31", "year"),
    ("nb", "innen 15. mars 2027", "2027-03-15", "day"),
    ("nb", "i 3. kvartal 2027", "2027-09-30", "quarter"),
    ("nb", "15.03.2027", "2027-03-15", "day"),
    ("nb", "innen utgangen av juni", "2027-06-30", "month"),
    ("nb", "i løpet av de neste 6 månedene", "2027-05-22", "month"),
    ("nb", "neste år", "2027-12-31", "year"),
    ("nb", "Vi vil doble salget i år", "2026-12-31", "year"),
    ("nb", "innen et halvt år", "2027-05-22", "month"),
    ("nb", "i løpet av året", "2026-12-31", "year"),
    ("sv", "inom ett år", "2027-11-22", "year"),
    ("sv", "till juni", "2027-06-30", "month"),
    ("sv", "i slutet av året", "2026-12-31", "year"),
    ("sv", "nästa kvartal", "2027-03-31", "quarter"),
    ("sv", "om sex månader", "2027-05-22", "month"),
    ("sv", "senast 2028", "2028-12-31", "year"),
    ("sv", "den 15:e juni", "2027-06-15", "day"),
    ("sv", "tredje kvartalet 2027", "2027-09-30", "quarter"),
    ("sv", "om ett halvår", "2027-05-22", "month"),
    ("sv", "nästa år", "2027-12-31", "year"),
    ("sv", "31/12/2026", "2026-12-31", "day"),
    ("sv", "i mars 2027", "2027-03-31", "month"),
    ("sv", "inom 3 veckor", "2026-12-13", "day"),
    ("ru", "до конца года", "2026-12-31", "year"),
    ("ru", "к июню 2027", "2027-06-30", "month"),
    ("ru", "в следующем квартале", "2027-03-31", "quarter"),
    ("ru", "в течение года", "2027-11-22", "year"),
    ("ru", "через полгода", "2027-05-22", "month"),
    ("ru", "через 6 месяцев", "2027-05-22", "month"),
    ("ru", "к 2028 году", "2028-12-31", "year"),
    ("ru", "в июне", "2027-06-30", "month"),
    ("ru", "до 15 июня", "2027-06-15", "day"),
    ("ru", "в третьем квартале 2027 года", "2027-09-30", "quarter"),
    ("ru", "через 2 года", "2028-11-22", "year"),
    ("ru", "к концу июня", "2027-06-30", "month"),
    ("ru", "июнь 2027", "2027-06-30", "month"),
    ("ru", "в следующем году", "2027-12-31", "year"),
    ("ru", "через неделю", "2026-11-29", "day"),
    ("ru", "до 1 марта 2027 г.", "2027-03-01", "day"),
    # a season said as a compound or with "season": "vintersesongen", "весеннего сезона"
    ("nb", "før vintersesongen", "2026-11-30", "month"),
    ("nb", "innen sommersesongen 2027", "2027-08-31", "month"),
    ("sv", "före vintersäsongen", "2026-11-30", "month"),
    ("ru", "до весеннего сезона", "2027-02-28", "month"),
]


@pytest.mark.parametrize(("language", "text", "expected", "granularity"), DEADLINE_CASES)
def test_deadline(language: str, text: str, expected: str, granularity: str) -> None:
    deadline = extract_deadline(text, language, TODAY)
    assert deadline is not None
    assert (deadline.date.isoformat(), deadline.granularity) == (expected, granularity)
    assert text[deadline.start : deadline.end] == deadline.text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", ""),
        ("en", "We started in 2019"),
        ("en", "by 2020"),  # in the past
        ("en", "5 may be enough"),  # the verb, not the month
        ("en", "in a few months"),  # too vague to date
        ("en", "by 30 Feb 2027"),  # no such day
        ("en", "by 3000"),  # absurdly far
        ("en", "we have 12 employees and 30% growth"),
        ("nb", "vi selger 30 % mer om året"),  # "per year", not a deadline
        ("nb", "i fjor"),
        ("sv", "vi har 12 anställda"),
        ("ru", "в 2019 году мы открылись"),
        ("ru", "выручка 10 млн в год"),
    ],
)
def test_no_deadline(language: str, text: str) -> None:
    assert extract_deadline(text, language, TODAY) is None


def test_dates_are_not_quantities_but_their_spans_are_known() -> None:
    spans = find_date_spans("30% by June 2027, Q3 too", "en")
    assert [(start, end) for start, end in spans] == [(4, 16), (18, 20)]


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "nb": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
}  # fmt: skip
PREPOSITION = {"en": "by", "nb": "innen", "sv": "till", "ru": "до"}
DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2300, 12, 31))


@settings(max_examples=200, deadline=None)
@given(today=DATES, language=st.sampled_from(SUPPORTED_LANGUAGES), month=st.integers(1, 12))
def test_month_without_year_is_the_next_one_to_begin(
    today: dt.date, language: str, month: int
) -> None:
    text = f"{PREPOSITION[language]} {MONTHS[language][month - 1]}"
    deadline = extract_deadline(text, language, today)
    assert deadline is not None and deadline.date.month == month
    first_day = deadline.date.replace(day=1)
    assert first_day > today >= first_day.replace(year=first_day.year - 1)


RELATIVE_PHRASES = {
    "en": ["by end of year", "next quarter", "within a year", "in 6 months", "in June",
           "next month", "this quarter", "in 3 weeks", "Q2", "by the end of next year"],
    "nb": ["innen juni", "innen utgangen av året", "neste kvartal", "i løpet av et år",
           "om seks måneder", "neste år", "innen 1. mars"],
    "sv": ["inom ett år", "till juni", "i slutet av året", "nästa kvartal", "om sex månader",
           "om ett halvår"],
    "ru": ["до конца года", "к июню", "в следующем квартале", "в течение года",
           "через полгода", "через 6 месяцев", "к 1 марта"],
}  # fmt: skip
ABSOLUTE_PHRASES = {
    "en": ["by June 2027", "Q3 2027", "by 2028", "2027-03-15"],
    "nb": ["innen 2028", "innen 15. mars 2027"],
    "sv": ["senast 2028", "tredje kvartalet 2027"],
    "ru": ["к июню 2027", "к 2028 году", "в третьем квартале 2027 года"],
}


@settings(max_examples=300, deadline=None)
@given(today=DATES, data=st.data())
def test_forward_looking_phrases_never_resolve_before_today(
    today: dt.date, data: st.DataObject
) -> None:
    language = data.draw(st.sampled_from(SUPPORTED_LANGUAGES))
    relative = data.draw(st.sampled_from(RELATIVE_PHRASES[language]))
    deadline = extract_deadline(relative, language, today)
    assert deadline is not None and deadline.date >= today
    absolute = data.draw(st.sampled_from(ABSOLUTE_PHRASES[language]))
    deadline = extract_deadline(absolute, language, today)
    assert deadline is None or deadline.date >= today


TOKENS = st.sampled_from(
    ["by", "in", "innen", "till", "до", "к", "через", "June", "juni", "июня", "Q3", "Q9",
     "2027", "99999", "2027-02-30", "31.02.2027", "6", "999", "months", "måneder", "месяцев",
     "year", "år", "года", "next", "neste", "nästa", "квартал", " ", "\u200f", "🙂", "\x07"]
)  # fmt: skip
MESSY_TEXT = st.one_of(st.text(max_size=200), st.lists(TOKENS | st.text(max_size=3)).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(
    text=MESSY_TEXT,
    language=st.sampled_from([*SUPPORTED_LANGUAGES, "xx"]),
    today=st.dates(),
)
def test_never_raises_and_never_in_the_past(text: str, language: str, today: dt.date) -> None:
    deadline = extract_deadline(text, language, today)
    if deadline is not None:
        assert deadline.date >= today
        assert text[deadline.start : deadline.end] == deadline.text


def test_huge_and_hostile_text_is_fast() -> None:

    texts = [
        "by June 2027 " * 80_000,
        " " * 1_000_000,
        "1" * 1_000_000,
        "\u202e\u0000🙂" * 300_000,
    ]
    results = [extract_deadline(text, "en", TODAY) for text in texts]
    assert results[0] is not None and results[0].date == dt.date(2027, 6, 30)
    assert results[1:] == [None, None, None]
