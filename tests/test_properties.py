"""Properties of the rule-based readers and the SMART checker, over generated input.

The number reader gives back, exactly, any number written the way owners write them (grouped
with spaces, commas or dots, with "million", with a currency); the date reader turns any
forward-looking phrase into a real calendar date on or after today, and says why a date in
the past or a day that does not exist cannot be a deadline; the SMART checker judges any
valid goal without raising and never calls a goal time-bound without a future deadline or
measurable without a target.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.coaching.plan import Baseline, Goal, Objective, Target
from assistant.coaching.smart import LETTERS, check_goal
from assistant.extraction import (
    SUPPORTED_LANGUAGES,
    extract_deadline,
    extract_quantities,
    find_unusable_deadline,
)

LANGUAGES = st.sampled_from(SUPPORTED_LANGUAGES)
TODAY = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2200, 12, 31))
SOME = settings(max_examples=150, deadline=None)

# ----- numbers ------------------------------------------------------------------------------

LOCAL_WORDS = st.sampled_from(
    ["we have", "vi har", "vi är", "у нас", "omsetning", "omsättning", "выручка", "revenue",
     "kunder", "клиентов", "customers", "ansatte", "anställda", "сотрудников", "million",
     "millioner", "miljoner", "млн", "тыс.", "kr", "NOK", "SEK", "€", "$", "₽", "%", "prosent",
     "процентов", "pp", "by", "innen", "till", "к", "Q3", "2027", "1e308", "-", "–", ",", ".",
     "\u00a0", "\u202f", "\u200f", "\u202e", "\x00", "🙂", "٣", "١٢٣", "x²", "½", "Ⅻ"]
)  # fmt: skip
NUMBERISH = st.text(alphabet="0123456789 .,-–%e+\u00a0\u202f", max_size=40)
MESSY = st.one_of(
    st.text(max_size=300),
    st.lists(LOCAL_WORDS | NUMBERISH | st.text(max_size=5), max_size=30).map(" ".join),
)


@SOME
@given(text=MESSY, language=LANGUAGES)
def test_the_number_reader_never_raises_and_gives_finite_numbers_from_the_text(
    text: str, language: str
) -> None:
    for quantity in extract_quantities(text, language):
        assert math.isfinite(quantity.value)
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start : quantity.end] == quantity.text


def _grouped(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


# How each language groups thousands in writing (besides spaces, which all accept).
THOUSANDS = {"en": ",", "nb": ".", "sv": ".", "ru": "."}
COUNT_WORD = {"en": "customers", "nb": "kunder", "sv": "kunder", "ru": "клиентов"}
MILLION = {"en": "million", "nb": "millioner", "sv": "miljoner", "ru": "млн"}
CURRENCY = {"en": "EUR", "nb": "NOK", "sv": "SEK", "ru": "RUB"}
SPACES = st.sampled_from([" ", "\u00a0", "\u202f"])


@SOME
@given(number=st.integers(0, 999_999_999_999), language=LANGUAGES, space=SPACES, data=st.data())
def test_a_whole_number_written_with_grouping_reads_back_exactly(
    number: int, language: str, space: str, data: st.DataObject
) -> None:
    separator = data.draw(st.sampled_from([space, THOUSANDS[language]]))
    written = _grouped(number, separator)
    text = f"{written} {COUNT_WORD[language]}"

    (quantity,) = extract_quantities(text, language)

    assert quantity.value == number and quantity.kind == "count"
    assert quantity.text.startswith(written)


@SOME
@given(
    millions=st.integers(1, 999),
    tenths=st.integers(0, 9),
    language=LANGUAGES,
    with_currency=st.booleans(),
)
def test_an_amount_in_millions_reads_back_exactly(
    millions: int, tenths: int, language: str, with_currency: bool
) -> None:
    decimal = "." if language == "en" else ","
    written = f"{millions}{decimal}{tenths}" if tenths else str(millions)
    currency = f" {CURRENCY[language]}" if with_currency else ""
    text = f"{written} {MILLION[language]}{currency}"

    (quantity,) = extract_quantities(text, language)

    assert math.isclose(quantity.value, (millions + tenths / 10) * 1e6)
    assert quantity.unit == (CURRENCY[language] if with_currency else None)


@SOME
@given(percent=st.integers(0, 100), language=LANGUAGES, glued=st.booleans())
def test_a_percentage_reads_back_exactly(percent: int, language: str, glued: bool) -> None:
    (quantity,) = extract_quantities(f"{percent}{'' if glued else ' '}%", language)
    assert (quantity.value, quantity.unit, quantity.kind) == (percent, "%", "percent")


# ----- dates --------------------------------------------------------------------------------

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
BY = {"en": "by", "nb": "innen", "sv": "senast", "ru": "до"}
# "by <month> <year>" in each language (Russian wants the month in the nominative with "к").
MONTH_YEAR = {
    "en": "by {month} {year}",
    "nb": "innen {month} {year}",
    "sv": "senast i {month} {year}",
    "ru": "к концу {year} года",
}
IN_MONTHS = {"en": "in {n} months", "nb": "om {n} måneder", "sv": "om {n} månader",
             "ru": "через {n} месяцев"}  # fmt: skip
IN_DAYS = {"en": "within {n} days", "nb": "innen {n} dager", "sv": "inom {n} dagar",
           "ru": "в течение {n} дней"}  # fmt: skip
DATE_NOISE = st.sampled_from(
    ["by", "innen", "till", "до", "к", "через", "June", "juni", "июня", "Q3", "Q9", "2027",
     "99999", "2027-02-30", "31.02.2027", "29.02.2027", "00.00.0000", "0", "999", "months",
     "måneder", "месяцев", "next", "neste", "nästa", "квартал", "end of", "the", "\u200f",
     "🙂", "\x07", "-", "/", "."]
)  # fmt: skip
DATE_TEXT = st.one_of(
    st.text(max_size=200), st.lists(DATE_NOISE | st.text(max_size=3)).map(" ".join)
)


@SOME
@given(text=DATE_TEXT, language=LANGUAGES, today=TODAY)
def test_the_date_reader_never_raises_and_gives_real_dates_from_today_on(
    text: str, language: str, today: dt.date
) -> None:
    deadline = extract_deadline(text, language, today)
    if deadline is not None:
        day = deadline.date
        assert dt.date(day.year, day.month, day.day) == day >= today
        assert text[deadline.start : deadline.end] == deadline.text
    unusable = find_unusable_deadline(text, language, today)
    if unusable is not None:
        words, why = unusable
        assert words in text and why in ("past", "impossible")


@SOME
@given(language=LANGUAGES, today=TODAY, data=st.data())
def test_a_month_and_year_ahead_is_that_months_last_day(
    language: str, today: dt.date, data: st.DataObject
) -> None:
    year = data.draw(st.integers(today.year + 1, today.year + 60))
    month = data.draw(st.integers(1, 12))
    text = MONTH_YEAR[language].format(month=MONTHS[language][month - 1], year=year)

    deadline = extract_deadline(text, language, today)

    assert deadline is not None and deadline.date >= today
    if language == "ru":  # "к концу 2030 года": the end of that year
        assert deadline.date == dt.date(year, 12, 31)
    else:
        assert deadline.date == dt.date(year, month, calendar.monthrange(year, month)[1])


@SOME
@given(language=LANGUAGES, today=TODAY, months=st.integers(1, 60), days=st.integers(1, 365))
def test_durations_count_forward_from_today(
    language: str, today: dt.date, months: int, days: int
) -> None:
    in_months = extract_deadline(IN_MONTHS[language].format(n=months), language, today)
    in_days = extract_deadline(IN_DAYS[language].format(n=days), language, today)

    assert in_months is not None and in_months.date > today
    whole = today.year * 12 + today.month - 1 + months
    assert (in_months.date.year, in_months.date.month) == (whole // 12, whole % 12 + 1)
    assert in_days is not None and in_days.date == today + dt.timedelta(days=days)


@SOME
@given(language=LANGUAGES, today=TODAY, data=st.data())
def test_a_past_month_is_no_deadline_and_is_called_past(
    language: str, today: dt.date, data: st.DataObject
) -> None:
    year = data.draw(st.integers(1950, today.year - 1))
    month = data.draw(st.integers(1, 12))
    text = MONTH_YEAR[language].format(month=MONTHS[language][month - 1], year=year)

    assert extract_deadline(text, language, today) is None
    assert find_unusable_deadline(text, language, today) == (text, "past")


@SOME
@given(language=LANGUAGES, today=TODAY, data=st.data())
def test_a_day_the_calendar_lacks_is_no_deadline_and_is_called_impossible(
    language: str, today: dt.date, data: st.DataObject
) -> None:
    year = data.draw(st.integers(today.year + 1, today.year + 30))
    short = [m for m in range(1, 13) if calendar.monthrange(year, m)[1] < 31]
    month = data.draw(st.sampled_from(short))
    day = data.draw(st.integers(calendar.monthrange(year, month)[1] + 1, 31))
    text = f"{BY[language]} {day} {MONTHS[language][month - 1]} {year}"

    assert extract_deadline(text, language, today) is None
    assert find_unusable_deadline(text, language, today) == (text, "impossible")


# ----- the SMART checker ------------------------------------------------------------------

OBJECTIVES = [Objective(id="o1", category="revenue_growth", owner_words="Sell more online")]
UNITS = st.sampled_from(["%", "customers", "NOK", "visits", "hours", "% of revenue", "x", "€"])
VALUES = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1.0, 100.0, 1e308, -1e308, 5e-324]),
)


@st.composite
def goals(draw: st.DrawFn, today: dt.date) -> Goal:
    status = draw(st.sampled_from([None, "pending", "measured", "estimated"]))
    baseline = None
    if status == "pending":
        baseline = Baseline(status="pending")
    elif status is not None:
        baseline = Baseline(
            value=draw(VALUES),
            unit=draw(UNITS),
            status=status,
            date=draw(st.none() | st.dates(max_value=today)),
        )
    target = draw(st.none() | st.builds(Target, value=VALUES, unit=UNITS))
    deadline = draw(
        st.none()
        | st.dates(min_value=today - dt.timedelta(days=3650), max_value=dt.date(9999, 12, 31))
    )
    return Goal(
        id="g1",
        statement=draw(
            st.sampled_from(
                [
                    "Increase online sales from 15 % to 25 %",
                    "Launch a webshop",
                    "Grow",
                    "Øke salget",
                ]
            )
            | st.text(min_size=1, max_size=80).filter(str.strip)
        ),
        objective_id=draw(st.sampled_from([None, "o1", "gone"])),
        metric=draw(st.none() | st.sampled_from(["online share of revenue", "customers"])),
        scope=draw(st.none() | st.just("webshop")),
        direction=draw(st.sampled_from([None, "increase", "decrease"])),
        baseline=baseline,
        target=target,
        deadline=deadline,
        horizon=draw(st.sampled_from([None, "short", "medium", "long"])),
        owner=draw(st.none() | st.just("owner")),
    )


@settings(max_examples=200, deadline=None)
@given(data=st.data(), today=TODAY, language=st.sampled_from([*SUPPORTED_LANGUAGES, "xx"]))
def test_the_smart_checker_judges_any_goal_with_five_reasoned_letters(
    data: st.DataObject, today: dt.date, language: str
) -> None:
    goal = data.draw(goals(today))

    result = check_goal(goal, OBJECTIVES, today, language)

    for letter in LETTERS:
        check = getattr(result.letters, letter)
        assert check.reason.strip() and "{" not in check.reason
    assert all(finding.reason.strip() for finding in result.findings)
    if goal.deadline is None or goal.deadline <= today:
        assert not result.letters.time_bound.ok
    if goal.target is None:
        assert not result.letters.measurable.ok
    assert result.passed == all(getattr(result.letters, x).ok for x in LETTERS)
