"""Owner round 08gg: what owners who had not read the code tripped on, as behaviour."""

from __future__ import annotations

from datetime import date

import pytest
from chat_helpers import talk

from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding.reader import read

TODAY = date(2026, 12, 8)
CLINIC = [
    "Hi, I'm Aoife, I run Step Right, a podiatry clinic in Galway. Three podiatrists and a "
    "receptionist, about €610k turnover.",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_gg_l")), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("message", "language", "aims"),
    [
        (
            "Website visits I don't know.\n\nHere's what I want to achieve:\n"
            "- Missed appointments down from 8 % to 3 % by June 2027\n"
            "- Patient records moved to a cloud system with backup, done by 1 September 2027\n"
            "- Online bookings from 40 % to 70 % by end of 2027",
            "en",
            3,
        ),
        (
            "Besök på hemsidan vet jag inte.\n\nDet här hoppas vi nå:\n"
            "- Uteblivna besök ner från 8 % till 3 % till juni 2027\n"
            "- Journalerna flyttade till ett molnsystem med backup, klart 1 september 2027\n"
            "- Onlinebokningar från 40 % till 70 % till årsskiftet",
            "sv",
            3,
        ),
    ],
)
def test_a_list_under_a_wish_header_is_every_aim_and_nothing_before_it(message, language, aims):
    reading = read(message, language, TODAY)
    assert len(reading.objectives) == aims
    assert all("vet jag inte" not in o.span.text for o in reading.objectives)
    assert all("don't know" not in o.span.text for o in reading.objectives)


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("One question: is it legal to keep patient records in the cloud? Thinking GDPR.", "en"),
        ("En fråga: är det lagligt att ha journaler i molnet? Tänker GDPR och patientdata.", "sv"),
    ],
)
def test_what_a_question_is_thinking_of_is_no_answer_about_today(message, language):
    assert not [m for m in read(message, language, TODAY).maturity if m.topic == "security_gdpr"]


@pytest.mark.parametrize(
    ("message", "language", "label"),
    [
        (
            'Wait, you wrote "Security and privacy routines: yes" – we don\'t have that.',
            "en",
            "Security and privacy routines",
        ),
        (
            'Men vänta, du skrev "Säkerhets- och integritetsrutiner: ja" – det har vi inte.',
            "sv",
            "Säkerhets- och integritetsrutiner",
        ),
    ],
)
def test_a_note_quoted_back_and_denied_is_turned_the_other_way(service, message, language, label):
    sid = f"gg-denied-{language}"
    talk(service, sid, [*CLINIC, "We have written security routines for patient data."], "en")
    service.session(sid).language = language
    reply = talk(service, sid, [message], language)
    assert service.session(sid).maturity_answers.get("d_security_gdpr") == "no"
    assert f"{label} → " not in reply or f"{label} → ja" not in reply


def test_a_milestone_aim_is_never_asked_for_todays_value_or_a_level(service):
    sid = "gg-milestone"
    reply = talk(
        service,
        sid,
        [
            *CLINIC,
            "Goals:\n- Patient records moved to a cloud record system with backup, done by "
            "1 September 2027\n- Missed appointments down from 8 % to 3 % by June 2027",
        ],
    )
    state = service.session(sid)
    milestone = next(i for i, c in enumerate(state.candidates) if "cloud" in c.text)
    assert state.pending is None or state.pending.candidate != milestone, reply
    assert "today's value" not in reply.lower() or "records" not in reply.lower()


def test_adding_a_milestone_the_plan_already_holds_confirms_it_rather_than_adding_it_twice(
    service,
):
    sid = "gg-milestone-twice"
    talk(
        service,
        sid,
        [
            *CLINIC,
            "Goals:\n- Patient records moved to a cloud record system with backup, done by "
            "1 September 2027\n- Missed appointments down from 8 % to 3 % by June 2027",
        ],
    )
    before = len(service.session(sid).candidates)
    talk(
        service,
        sid,
        ["Add a goal: patient records in a cloud record system with backup by 1 September 2027."],
    )
    assert len(service.session(sid).candidates) == before
