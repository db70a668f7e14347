"""What owners said in the 06as round, read as they meant it: a head count given after its
breakdown ("two vets (me and my partner), 9 staff altogether"), a correction that names the
total ("9 is everyone incl. the two of us"), today's value said before "now" and the target
after it ("140 a day now, 190 by June"), and a movable feast as a deadline ("före påsk")."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.understanding.reader import read

TODAY = date(2026, 12, 7)


def _staff(text: str, language: str) -> int | None:
    reading = read(text, language, today=TODAY)
    said = [f.value for f in reading.profile if f.field == "staff"]
    said += [c.value for c in reading.corrections if c.field == "staff"]
    return said[0] if said else None


@pytest.mark.parametrize(
    ("text", "language", "staff"),
    [
        ("I own a dental practice in Leeds - two dentists (me and my wife), 9 staff altogether "
         "incl. nurses and reception.", "en", 9),
        ("Vi är en tandläkarmottagning i Linköping, 4 tandläkare och 11 anställda totalt.",
         "sv", 11),
        ("sorry, 8 is everyone incl. the two of us, not 10.", "en", 8),
        ("Beklager, 7 er alle sammen, inkludert oss to.", "nb", 7),
    ],
)  # fmt: skip
def test_the_total_the_owner_gives_is_the_head_count(text, language, staff):
    assert _staff(text, language) == staff


def test_a_head_count_is_no_business_name():
    reading = read("we're 12 in total, including the two owners", "en", today=TODAY)
    assert not any(f.field == "business_name" for f in reading.profile)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We want more lunch covers on weekdays, about 140 a day Mon–Fri now, 190 by June 2027.",
         "en"),
        ("Vi vil ha flere gjester i lunsjen, rundt 140 om dagen nå, 190 innen juni 2027.", "nb"),
    ],
)  # fmt: skip
def test_the_figure_before_now_is_today_and_the_one_after_it_the_target(text, language):
    aim = read(text, language, today=TODAY).objectives[0]
    assert aim.baseline is not None and aim.baseline.value == 140
    assert aim.target is not None and aim.target.value == 190


@pytest.mark.parametrize(
    ("text", "language", "due"),
    [
        ("Vi vill ha en tysk version av hemsidan före påsk 2027.", "sv", date(2027, 3, 25)),
        ("We want the new booking page live by Easter 2027.", "en", date(2027, 3, 28)),
        ("Хотим запустить онлайн-запись к Пасхе 2027 года.", "ru", date(2027, 3, 28)),
    ],
)
def test_easter_is_a_deadline(text, language, due):
    aim = read(text, language, today=TODAY).objectives[0]
    assert aim.deadline is not None and aim.deadline.date == due


def test_aims_listed_in_one_sentence_each_with_a_figure_and_a_date_stay_apart():
    text = (
        "I'd also like 3 partnerships with local cycling clubs by April, a new sports massage "
        "service with 12 bookings a week by September, and 60 Google reviews by summer."
    )
    aims = read(text, "en", today=TODAY).objectives
    figures = [(a.target.value if a.target else None, a.baseline) for a in aims]
    assert figures == [(3, None), (12, None), (60, None)], [a.span.text for a in aims]
