"""The Norwegian hair salon of blind round aa (evals/listening/unscripted-2026-12-06aa/
transcript_nb_salong.md), replayed: two deadlines in one answer go to the goals they name,
an objective said again is not a second one, "slett det andre" with one such goal keeps it,
"innen 5. desember 2027 er greit" and "målene er rotete" say nothing about today's tools,
"vi har IKKE nettbooking i dag – det er det vi vil" refuses nothing, and "fristen for
uteblivelser skal være 2027-06-30" moves that goal's deadline."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
SALON = [
    "Hei! Jeg driver en frisørsalong i Tromsø og vil gjerne ha hjelp med en digital plan.",
    "Salongen heter Nordlys Hår. Vi er 6 frisører, og jeg er daglig leder og klipper selv "
    "litt. Omsetningen var rundt 5,5 millioner kroner i fjor, cirka 80 % er behandlinger og "
    "resten produktsalg.",
    "Vi har en enkel nettside på Wix med åpningstider og prisliste, men ingen nettbutikk og "
    "ingen nettbooking. Kundene bestiller time på telefon eller via Messenger. Ikke "
    "nyhetsbrev, ikke annonser.",
    "Kundeinfo ligger mest i timeboka – en papirbok i resepsjonen pluss et regneark. Ingen "
    "webanalyse. Det eneste tallet jeg følger er omsetning per måned fra kassa. Ingen "
    "skrevne digitale mål. Jeg anslår 12–15 % uteblivelser.",
    "Tja, vi klarer oss vel sånn passe. Litt av hvert, egentlig.",
    "Aner ikke.",
    "Tre ting: 1) Nettbooking – jeg vil at minst halvparten av timene bestilles på nett innen "
    "et år, i dag er det 0 %. 2) Færre uteblivelser – fra rundt 13 % ned til under 5 % "
    "innen sommeren 2026. 3) Mer produktsalg – i dag rundt 1,1 millioner i året, jeg vil opp "
    "til 1,5 millioner.",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    settings = Settings(data_dir=seeded_data_dir("round-aa-salon"))
    return CoachService(settings, today=lambda: TODAY)


def _at_summary(service: CoachService, sid: str) -> None:
    for message in SALON:
        service.send(sid, message, "nb")
    service.send(
        sid,
        "Å ja, jeg mente sommeren 2027 – si 30. juni 2027. Produktsalget vil jeg nå "
        "innen utgangen av 2027.",
        "nb",
    )


def _deadlines(service: CoachService, sid: str) -> list[date | None]:
    return [c.deadline for c in service.session(sid).candidates]


def test_two_deadlines_in_one_answer_go_to_the_goals_they_name(service):
    _at_summary(service, "dates")
    assert _deadlines(service, "dates")[1:] == [date(2027, 6, 30), date(2027, 12, 31)]


def test_an_objective_said_again_is_not_a_second_one_and_the_other_is_kept(service):
    _at_summary(service, "again")
    service.send(
        "again",
        "Nei, uteblivelsene skal ned til 5 % innen 30. juni 2027, ikke "
        "desember. Det er produktsalget som skal nå 1,5 millioner innen 31. desember 2027.",
        "nb",
    )
    assert len(service.session("again").candidates) == 3
    reply = service.send(
        "again", "Det skal bare være ett mål for uteblivelser – slett det andre.", "nb"
    ).reply
    assert len(service.session("again").candidates) == 3
    assert "bare ett slikt mål" in reply


def test_an_aim_with_a_date_and_talk_of_the_goals_say_nothing_of_todays_tools(service):
    _at_summary(service, "tools")
    service.send(
        "tools",
        "Nesten, men målene er rotete. Det skal bare være ett mål for uteblivelser: 13,5 % → "
        "5 % innen 30. juni 2027. Og produktsalget skal ha frist 31. desember 2027, ikke 30. "
        "juni. Nettbooking innen 5. desember 2027 er greit.",
        "nb",
    )
    answers = service.session("tools").maturity_answers
    assert answers.get("r_webshop") != "yes" and answers.get("d_analytics") != "yes", answers


def test_lacking_what_they_want_refuses_nothing_and_deadlines_move_by_name(service):
    _at_summary(service, "lack")
    reply = service.send(
        "lack",
        "Rett disse to: fristen for uteblivelser skal være 2027-07-31. "
        "Fristen for produktsalg skal være 2027-11-30. Og vi har IKKE "
        "nettbooking i dag – det er jo det vi vil få på plass.",
        "nb",
    ).reply
    assert "utenfor planen" not in reply
    assert not service.session("lack").removed_initiatives
    assert _deadlines(service, "lack")[1:] == [date(2027, 7, 31), date(2027, 11, 30)]


def test_talk_of_the_goals_silences_only_its_own_clause():
    from assistant.understanding.maturity import read_maturity

    said = "Отдельной CRM нет, KPI по маркетингу не отслеживаются, цели нигде не записаны."
    found = {(f.topic, f.answer) for f in read_maturity(said, "ru", [])}
    assert found == {("crm", "no"), ("analytics", "no"), ("digital_goals", "no")}
    assert read_maturity("Nesten, men målene er rotete.", "nb", []) == []
