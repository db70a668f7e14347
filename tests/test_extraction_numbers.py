"""Quantities and staff counts read from owners' free text, in en, nb, sv and ru."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.extraction import (
    SUPPORTED_LANGUAGES,
    Quantity,
    extract_quantities,
    extract_staff_count,
)

NBSP = "\u00a0"

# (language, text, [(value, unit, kind), ...])
QUANTITY_CASES = [
    ("en", "We want 30% growth by June 2027", [(30, "%", "percent")]),
    ("en", "revenue of $1.5 million", [(1_500_000, "USD", "money")]),
    ("en", "20,000 customers", [(20_000, "customers", "count")]),
    ("en", "10k users", [(10_000, "users", "count")]),
    ("en", "1,500.50 EUR", [(1500.5, "EUR", "money")]),
    ("en", "€2 million", [(2_000_000, "EUR", "money")]),
    ("en", "3 MNOK", [(3_000_000, "NOK", "money")]),
    ("en", "20 000 NOK", [(20_000, "NOK", "money")]),
    ("en", f"20{NBSP}000 NOK", [(20_000, "NOK", "money")]),
    ("en", "+5 pp", [(5, "pp", "percent")]),
    ("en", "up 5 percentage points", [(5, "pp", "percent")]),
    ("en", "costs down -5%", [(-5, "%", "percent")]),
    ("en", "30 percent", [(30, "%", "percent")]),
    ("en", "500 orders a month", [(500, "orders", "count")]),
    ("en", "Q3 2027 target is 12", [(12, None, "number")]),
    ("en", "We started in 2019 and have 2000 customers", [(2000, "customers", "count")]),
    ("en", "in 6 months", []),
    ("en", "3rd place, 2nd try", []),
    ("en", "meeting at 10:30", []),
    ("en", "1e308", []),
    ("en", "$10k budget", [(10_000, "USD", "money")]),
    ("nb", "1,2 mill. kr", [(1_200_000, "NOK", "money")]),
    ("nb", "20.000 kr", [(20_000, "NOK", "money")]),
    ("nb", "20 000 kroner", [(20_000, "NOK", "money")]),
    ("nb", f"30{NBSP}%", [(30, "%", "percent")]),
    ("nb", "1,5 millioner", [(1_500_000, None, "number")]),
    ("nb", "30 prosent", [(30, "%", "percent")]),
    ("nb", "2 000 nye kunder", [(2000, "customers", "count")]),
    ("nb", "5 prosentpoeng", [(5, "pp", "percent")]),
    ("nb", "kr 20 000,-", [(20_000, "NOK", "money")]),
    ("nb", "innen juni 2027 skal vi øke med 30 %", [(30, "%", "percent")]),
    ("nb", "2 mill", [(2_000_000, None, "number")]),
    ("nb", "1,500 kr", [(1.5, "NOK", "money")]),
    ("nb", "1.500.000 kr", [(1_500_000, "NOK", "money")]),
    ("nb", "3 MNOK i omsetning", [(3_000_000, "NOK", "money")]),
    ("nb", "15.03.2027 fikk vi 20 kr", [(20, "NOK", "money")]),
    ("sv", "2 miljoner kronor", [(2_000_000, "SEK", "money")]),
    ("sv", "30 procent", [(30, "%", "percent")]),
    ("sv", "20.000 kr", [(20_000, "SEK", "money")]),
    ("sv", "1,5 mkr", [(1_500_000, "SEK", "money")]),
    ("sv", "500 tkr", [(500_000, "SEK", "money")]),
    ("sv", "3 procentenheter", [(3, "pp", "percent")]),
    ("sv", "2 MSEK", [(2_000_000, "SEK", "money")]),
    ("sv", "3,5 %", [(3.5, "%", "percent")]),
    ("sv", "500 beställningar", [(500, "orders", "count")]),
    ("sv", "2 miljoner", [(2_000_000, None, "number")]),
    ("sv", "20\u202f000 kr", [(20_000, "SEK", "money")]),
    ("ru", "2 млн рублей", [(2_000_000, "RUB", "money")]),
    ("ru", "500 тыс.", [(500_000, None, "number")]),
    ("ru", "30 процентов", [(30, "%", "percent")]),
    ("ru", "1,5 млн ₽", [(1_500_000, "RUB", "money")]),
    ("ru", "на 3 п.п.", [(3, "pp", "percent")]),
    ("ru", "20 000 руб.", [(20_000, "RUB", "money")]),
    ("ru", "к 2028 году 100 клиентов", [(100, "customers", "count")]),
    ("ru", "10к подписчиков", [(10_000, "subscribers", "count")]),
    ("ru", "5 000 заказов", [(5000, "orders", "count")]),
    ("ru", "выручка 2 миллиона рублей", [(2_000_000, "RUB", "money")]),
    ("ru", "через 6 месяцев", []),
    ("ru", "в 3 квартале", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), QUANTITY_CASES)
def test_quantities(language: str, text: str, expected: list[tuple[float, str, str]]) -> None:
    found = extract_quantities(text, language)
    assert [(q.value, q.unit, q.kind) for q in found] == [
        (pytest.approx(value), unit, kind) for value, unit, kind in expected
    ]


@pytest.mark.parametrize(("language", "text", "expected"), QUANTITY_CASES)
def test_quantity_spans_point_at_the_text(language: str, text: str, expected: object) -> None:
    for quantity in extract_quantities(text, language):
        assert text[quantity.start : quantity.end] == quantity.text
        assert any(char.isdigit() for char in quantity.text)


@pytest.mark.parametrize(
    ("language", "text", "low", "high"),
    [
        ("en", "grow 20–30%", (20, "%"), (30, "%")),
        ("nb", "1-2 mill. kr", (1_000_000, "NOK"), (2_000_000, "NOK")),
        ("sv", "10 – 15 procent", (10, "%"), (15, "%")),
        ("ru", "20-30 процентов", (20, "%"), (30, "%")),
    ],
)
def test_range_gives_low_and_high(
    language: str, text: str, low: tuple[float, str], high: tuple[float, str]
) -> None:
    first, second = extract_quantities(text, language)
    assert (first.value, first.unit, first.range_role) == (low[0], low[1], "low")
    assert (second.value, second.unit, second.range_role) == (high[0], high[1], "high")


# (language, text, expected staff count)
STAFF_CASES = [
    ("en", "we are 12 people", 12),
    ("en", "12 employees", 12),
    ("en", "we are 12 people, not 9", 12),
    ("en", "not 9 but 12 employees", 12),
    ("en", "We're a team of 8.", 8),
    ("en", "we want to hire 5 more people, we are 10 people now", 10),
    ("en", "10-12 employees", 12),
    ("en", "12 people visited our shop yesterday", None),
    ("en", "we have 2000 customers", None),
    ("en", "-5 employees", None),
    ("en", "0 employees", None),
    ("en", "1e308 employees", None),
    ("en", "100000000000 employees", None),
    ("en", "12.5 employees", None),
    ("nb", "vi er 12 ansatte", 12),
    ("nb", "Vi er 7 ansatte, ikke 9", 7),
    ("nb", "vi er 6 i firmaet", 6),
    ("nb", "Bedriften har 25 medarbeidere", 25),
    ("nb", "10–12 ansatte", 12),
    ("nb", "vi har 300 kunder", None),
    ("sv", "vi är 12 anställda", 12),
    ("sv", "Företaget har 40 medarbetare", 40),
    ("sv", "vi är 5 personer på företaget", 5),
    ("sv", "ett team på 4", 4),
    ("sv", "500 kunder i månaden", None),
    ("ru", "нас 12 человек", 12),
    ("ru", "12 сотрудников", 12),
    ("ru", "в компании работает 25 человек", 25),
    ("ru", "команда из 7 человек", 7),
    ("ru", "нас не 9, а 12 человек", 12),
    ("ru", "у нас 300 клиентов", None),
]


@pytest.mark.parametrize(("language", "text", "expected"), STAFF_CASES)
def test_staff_count(language: str, text: str, expected: int | None) -> None:
    assert extract_staff_count(text, language) == expected


def test_unknown_language_falls_back_to_english() -> None:
    assert extract_staff_count("we are 12 people", "xx") == 12
    assert extract_quantities("30%", "no")[0].unit == "%"


def test_a_one_megabyte_message_is_handled() -> None:
    text = "20 000 kr og 30 % " * 60_000
    found = extract_quantities(text, "nb")
    staff = extract_staff_count(text, "nb")
    assert found and all(q.value in (20_000, 30) for q in found)
    assert staff is None


TOKENS = st.sampled_from(
    ["12", "20 000", "1,5", "1.5", "-5", "1e308", "9" * 40, "%", "kr", "NOK", "mill.", "млн",
     "тыс.", "k", "people", "ansatte", "человек", "–", "-", "Q3", "2027", ",", ".", "€", "$",
     "\u00a0", "\u202f", "not", "ikke", "нас", "we are", "team of", "\u200f", "🙂", "\x00"]
)  # fmt: skip
MESSY_TEXT = st.one_of(st.text(max_size=200), st.lists(TOKENS | st.text(max_size=4)).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=MESSY_TEXT, language=st.sampled_from([*SUPPORTED_LANGUAGES, "xx", ""]))
def test_never_raises_and_returns_sane_values(text: str, language: str) -> None:
    quantities = extract_quantities(text, language)
    for quantity in quantities:
        assert isinstance(quantity, Quantity)
        assert math.isfinite(quantity.value)
        assert text[quantity.start : quantity.end] == quantity.text
    staff = extract_staff_count(text, language)
    assert staff is None or 1 <= staff <= 1_000_000


@settings(max_examples=50, deadline=None)
@given(
    characters=st.text(
        st.characters(exclude_categories=()), min_size=1, max_size=50
    ),  # includes lone surrogates, control characters and RTL marks
)
def test_any_characters_at_all(characters: str) -> None:
    for language in SUPPORTED_LANGUAGES:
        extract_quantities(characters, language)
        extract_staff_count(characters, language)


@pytest.mark.parametrize("absurd", ["1e308", "9" * 400, "1" + "0" * 30, "1.7976931348623157e308"])
def test_absurd_numbers_are_not_staff_or_infinite(absurd: str) -> None:
    assert extract_staff_count(f"{absurd} employees", "en") is None
    for quantity in extract_quantities(f"{absurd} kr", "nb"):
        assert math.isfinite(quantity.value)
