"""Orders said the way owners in the 06as round said them: "Mål 1 skal hete …, og sett
målet til 120 000 kr" changes goal 1, not the goal a later sentence names for another
reason; "legg heller til et tiltak for mål 2: «…»" adds a step to the roadmap, not a goal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 7)

SALONG = (
    "Vi er en frisørsalong i Bergen med 7 ansatte og en liten butikk med hårprodukter. "
    "Mål: 1) starte nettbutikk for produktene og selge for 150 000 kr på nett i 2027. "
    "2) øke produktsalget i salongen fra 500 000 til 700 000 kr innen utgangen av 2027. "
    "3) få ned uteblivelser fra 7 % til 3 % innen juni 2027."
)


@pytest.fixture
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("listening-as")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def _targets(service: CoachService, session: str) -> list[float | None]:
    goals = service.session(session).plan.goals
    return [g.target.value if g.target else None for g in goals]


def test_a_new_target_goes_to_the_goal_named_earlier_in_its_sentence(service):
    service.start_from_brief("salong", SALONG, "nb")
    assert _targets(service, "salong")[:2] == [150000, 700000]
    service.send(
        "salong",
        "Mål 1 skal hete «salg i nettbutikken», og sett målet til 120 000 kr i stedet, det er "
        "nok litt optimistisk første året. Tallet til mål 2 henter vi fra kassesystemet.",
        "nb",
    )
    assert _targets(service, "salong")[:2] == [120000, 700000]


SALONG_SV = (
    "Vi är en frisörsalong i Malmö med 7 anställda och en liten butik. Mål: 1) öppna en "
    "webbutik och sälja för 150 000 kr på nätet 2027. 2) öka produktförsäljningen i "
    "salongen från 500 000 till 700 000 kr till slutet av 2027."
)


@pytest.mark.parametrize(
    ("order", "language", "title"),
    [
        (
            "legg heller til et tiltak for mål 2: «Produktanbefaling etter hver behandling»",
            "nb",
            "Produktanbefaling etter hver behandling",
        ),
        (
            "lägg hellre till en åtgärd för mål 2: «Produkttips efter varje besök»",
            "sv",
            "Produkttips efter varje besök",
        ),
    ],
)
def test_adding_a_step_rather_than_a_goal_adds_a_step(service, order, language, title):
    brief = SALONG if language == "nb" else SALONG_SV
    service.start_from_brief("s", brief, language)
    goals_before = len(service.session("s").plan.goals)
    service.send("s", order, language)
    plan = service.session("s").plan
    assert len(plan.goals) == goals_before, [g.statement for g in plan.goals]
    added = [i for i in plan.roadmap if i.title.startswith(title)]
    assert added, [i.title for i in plan.roadmap]
