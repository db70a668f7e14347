"""Today's value said while describing the business ("about 170 children attend") is the
baseline of the objective that repeats its words later ("230 children by September"), so
the goal reads "from 170 to 230" instead of "today's value to be measured"."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.understanding.reader import read

TODAY = date(2026, 12, 4)


def _only_aim(language: str, text: str):  # type: ignore[no-untyped-def]
    reading = read(text, language, TODAY, brief=True)
    aims = [o for o in reading.objectives if o.target is not None or o.change_percent]
    assert len(aims) == 1, [text[o.span.start : o.span.end] for o in reading.objectives]
    return aims[0]


@pytest.mark.parametrize(
    ("language", "text", "baseline", "target"),
    [
        (
            "en",
            "We run a climbing gym in Leeds. Around 420 members pay monthly at the moment, "
            "and the walls could take more. I want 600 members by next autumn.",
            420,
            600,
        ),
        (
            "nb",
            "Vi er et regnskapsbyrå i Tromsø. Faktureringsgraden ligger på rundt 64 % nå. "
            "Målet er en faktureringsgrad på 75 % innen utgangen av 2027.",
            64,
            75,
        ),
        (
            "sv",
            "Vi driver en hundfrisör i Uppsala. Just nu har vi ungefär 90 stamkunder som "
            "kommer varje månad. Vi vill ha 140 stamkunder om ett år.",
            90,
            140,
        ),
        (
            "ru",
            "У нас автомойка в Самаре. Сейчас в день моем примерно 45 машин, летом больше. "
            "Хочу к лету выйти на 70 машин в день.",
            45,
            70,
        ),
        (
            "en",
            "A dental practice in Bath with four chairs. Missed appointments are a headache, "
            "I'd say 12 or 14 % of bookings. I want to cut missed appointments in half next year.",
            13,
            6.5,
        ),
    ],
)
def test_a_figure_described_earlier_is_todays_value(
    language: str, text: str, baseline: float, target: float
) -> None:
    aim = _only_aim(language, text)
    assert aim.baseline is not None and aim.baseline.value == pytest.approx(baseline)
    assert aim.target is not None and aim.target.value == pytest.approx(target)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a total is not today's value of the new ones wanted
        ("en", "We have 22 engineers on staff. We want to hire 5 engineers next year."),
        # the figure said sits on the wrong side of the target for the owner's verb
        ("en", "We sell about 900 cakes a month. I want to grow cake sales to 600 a month."),
        # nothing in the description repeats what the objective counts
        ("sv", "Vi har 35 anställda i Malmö. Vi vill nå 80 recensioner på Google nästa år."),
        # machines are not machine operators: two counts of different things
        ("nb", "Anleggsfirma, 22 ansatte, 14 maskiner. Vi vil få inn 4 maskinførere før sesongen."),
    ],
)
def test_no_baseline_from_an_unrelated_or_contrary_figure(language: str, text: str) -> None:
    assert _only_aim(language, text).baseline is None


def test_an_aim_joined_to_todays_value_keeps_only_its_own_words():
    text = (
        "Vi driver ett hunddagis. Just nu ligger vi på runt 30 hundar i snitt, lite färre på "
        "fredagar. Kunderna bokar via sms och mejl. Vill: fylla upp till 38 hundar i snitt "
        "innan nästa sommar."
    )
    aim = _only_aim("sv", text)
    assert (aim.baseline.value, aim.target.value) == (30, 38)
    assert "fylla upp" in aim.span.text and "sms" not in aim.span.text


@pytest.mark.parametrize(
    ("language", "text", "baseline", "target"),
    [
        # the sentence after the aim only describes: the aim's own figure is the target
        (
            "nb",
            "Mål:\n1) digitale timelister innen 1. mars\n2) få inn 4 maskinførere før "
            "sesongen. Fikk 2 søknader på siste annonse på Finn",
            None,
            4,
        ),
        (
            "en",
            "Goals:\n1) paperless timesheets by March\n2) hire 3 electricians by spring. "
            "We got 1 reply to our last advert",
            None,
            3,
        ),
        # the sentence after the aim names the target: the last figure is the target
        ("nb", "Få flere anmeldelser, vi har 23 anmeldelser. Målet er 60 anmeldelser.", 23, 60),
    ],
)
def test_the_target_is_the_figure_the_owner_aims_at(language, text, baseline, target):
    aim = _only_aim(language, text)
    assert (aim.baseline.value if aim.baseline else None) == baseline
    assert aim.target is not None and aim.target.value == target


def test_a_figure_and_a_time_are_not_a_share():
    """ "150 in 2 years" is a target and a deadline, not "150 in 2" = 7 500 %."""
    text = "we have about 60 annual service customers now would like 150 in 2 years."
    aim = _only_aim("en", text)
    assert (aim.baseline.value, aim.target.value) == (60, 150)
    assert aim.target.unit != "%"
