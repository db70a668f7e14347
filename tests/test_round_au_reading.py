"""Aims read as owners say them: a figure that another aim already counts is not today's
value of the next one; an aim's name leaves out the aside around it ("hadde vært fint med …
også") and the purpose after it ("… so I stop chasing money"); the quiet time is the one
said quiet, not the busy one or a deadline."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.metric_names import metric_words
from assistant.coaching.quiet_times import named_quiet_time
from assistant.understanding.reader import read

TODAY = date(2026, 12, 7)


def _objectives(text: str, language: str):
    return read(text, language, today=TODAY).objectives


def test_another_aims_figure_is_not_todays_value():
    text = (
        "Tirsdag–torsdag står 25 % av timene tomme. Mål: få tomme timer midt i uka ned under "
        "10 % innen sommeren. Få på plass timebestilling på nett så minst halvparten av "
        "bookingene kommer den veien innen neste år."
    )
    first, second = _objectives(text, "nb")[:2]
    assert first.target.value == 10
    assert second.target is not None and second.target.value == 50
    assert second.baseline is None or second.baseline.value not in (10, 25), second.baseline


@pytest.mark.parametrize(
    ("said", "language", "named"),
    [
        ("Og hadde vært fint med en ordentlig nettside også.", "nb", "en ordentlig nettside"),
        ("It would be nice to have a proper website too.", "en", "a proper website"),
        ("Det hade varit kul med en riktig hemsida också.", "sv", "en riktig hemsida"),
        (
            "Oh and reception needs to stop being a switchboard.",
            "en",
            "reception needs to stop being a switchboard",
        ),
        (
            "Kundene skal kunne bestille på nett så vi slipper telefonen.",
            "nb",
            "Kundene skal kunne bestille på nett",
        ),
    ],
)
def test_an_aims_name_leaves_out_the_aside_and_the_purpose(said, language, named):
    assert metric_words(said, language, has_figures=False) == named


@pytest.mark.parametrize(
    ("said", "language", "quiet"),
    [
        (
            "Mange timer står tomme tirsdag–torsdag, mens fredag og lørdag er stappfullt.",
            "nb",
            "tirsdag–torsdag",
        ),
        ("Fredag og lørdag er stappfullt, men mandager er dødt.", "nb", "mandager"),
        (
            "Saturdays are rammed but Tuesday to Thursday afternoons we sit idle.",
            "en",
            "Tuesday to Thursday afternoons",
        ),
        ("Sommeren er sprengt og november–februar er dødt.", "nb", "november–februar"),
        ("Зимой вообще пусто.", "ru", "зимой"),
        ("Mellan 13 och 16 på vardagar är det nästan tomt.", "sv", "Mellan 13 och 16 på vardagar"),
        ("få tomme timer ned under 10 % innen sommeren", "nb", None),
    ],
)
def test_the_quiet_time_is_the_one_said_quiet(said, language, quiet):
    found = named_quiet_time(said, language)
    assert (found.lower() if found else None) == (quiet.lower() if quiet else None)
