"""What the owner names is kept apart: "kassasystemet … det heter Sitoo" names the till, not
the business, while "Företaget heter …" still names the business."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.understanding.reader import read

TODAY = date(2026, 12, 6)


def _business_name(text: str, language: str) -> str | None:
    named = [p.value for p in read(text, language, TODAY).profile if p.field == "business_name"]
    return named[0] if named else None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "kunddata ligger i kassasystemet, vi har Extenda tror jag.. nej vänta, det heter Sitoo",
            "sv",
        ),
        ("timebøkene ligger i et program på PC-en, det heter Timely", "nb"),
        ("клиенты записаны в кассовой программе, она называется Эвотор", "ru"),
    ],
)
def test_a_system_called_something_is_no_business_name(text, language):
    assert _business_name(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Vi är en cykelbutik i Umeå. Företaget heter Norrlands Cykel AB.",
            "sv",
            "Norrlands Cykel AB",
        ),
        (
            "Bedriften heter Sunnmøre Trykk AS, og vi har kassesystem fra Visma.",
            "nb",
            "Sunnmøre Trykk AS",
        ),
    ],
)
def test_the_business_named_beside_a_system_is_still_named(text, language, name):
    assert _business_name(text, language) == name
