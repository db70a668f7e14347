"""What owners in the 06au round said, heard as they meant it: a café that serves coffee
and has a weekend crew is not making small talk; "Australian dollars, not USD" changes the
currency; "Mål skrevet ned? nope" is a no; "Så ja, lag SMART-mål" answers no question about
the business; a maturity score that rests on one answer is not given as a rating."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.render import maturity_block
from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding.reader import read

TODAY = date(2026, 12, 7)

CAFE = (
    "G'day. I own Saltbush Bakery & Cafe in Fremantle, WA - sourdough, pastries, coffee, and "
    "we do catering for offices and events. 11 staff. Turnover was roughly $780k USD last "
    "financial year."
)


@pytest.fixture
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("listening-au")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def test_a_business_that_serves_coffee_is_not_making_small_talk(service):
    reply = service.send("cafe", CAFE, "en").reply
    assert "leave that one there" not in reply, reply
    reply = service.send("cafe", "Oh and actually we're 14 staff now, forgot the weekend crew.")
    assert "leave that one there" not in reply.reply, reply.reply
    assert service.session("cafe").plan.profile.staff == 14


def test_the_currency_named_in_a_correction_replaces_the_one_read(service):
    service.send("aud", CAFE, "en")
    service.send("aud", "It's Australian dollars not USD. Website yes, Squarespace.", "en")
    revenue = service.session("aud").plan.profile.annual_revenue
    assert (revenue.amount, revenue.currency) == (780_000, "AUD")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Turnover was roughly $780k AUD last financial year.", "en"),
        ("Turnover about A$780k.", "en"),
    ],
)
def test_australian_dollars_are_read_as_such(text, language):
    [revenue] = [f for f in read(text, language, today=TODAY).profile if f.field == "revenue"]
    assert (revenue.value, revenue.currency) == (780_000, "AUD")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mål skrevet ned? nope, i hodet.", "nb"),
        ("Goals written down? nah, all in my head.", "en"),
        ("Цели записаны? неа, в голове.", "ru"),
    ],
)
def test_an_informal_no_is_a_no(text, language):
    answers = {m.topic: m.answer for m in read(text, language, today=TODAY).maturity}
    assert answers.get("digital_goals") == "no", answers


def test_asking_for_the_goals_answers_no_question_about_the_business():
    text = (
        "Ta med lavsesongen også: omsetninga i januar-mars var ca 1,0 mill i år, jeg vil opp i "
        "1,3 mill for januar-mars 2028. Så ja, lag SMART-mål."
    )
    assert read(text, "nb", today=TODAY).maturity == []


def test_a_score_resting_on_one_answer_is_not_given_as_a_rating(service):
    service.send("thin", CAFE, "en")
    service.send("thin", "Goals written down? yes, on the wall.", "en")
    block = maturity_block(service.session("thin").plan)
    strategy = next(line for line in block.splitlines() if "Digital strategy" in line)
    assert "not rated yet" in strategy and "advanced" not in strategy, strategy


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "For god's sake. Now you've deleted the missed calls goal too. I want all three goals.",
            "en",
        ),
        ("Du har slettet feil mål! Jeg vil ha alle tre målene.", "nb"),
        ("Du tog bort fel mål. Jag vill ha alla tre målen.", "sv"),
        ("Вы удалили не ту цель. Мне нужны все цели.", "ru"),
    ],
)
def test_a_complaint_to_the_coach_is_no_new_aim(text, language):
    assert read(text, language, today=TODAY).objectives == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hang on, I never asked you to remove goal 2! Put it back.", "en"),
        ("Jag bad dig inte ta bort mål 2!", "sv"),
    ],
)
def test_an_order_the_owner_says_they_never_gave_is_not_carried_out(text, language):
    orders = read(text, language, today=TODAY).commands
    assert not any(c.action == "drop_goal" for c in orders), orders


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Hi there, I run a plumbing and heating firm in Galway, Ireland. Been going 11 years.",
            "en",
            None,
        ),
        ("Hej! Henrik heter jag, driver en elfirma i Västerås. Vi är 11 pers.", "sv", None),
        (
            "The business is Moloney Plumbing & Heating, not Ireland lol.",
            "en",
            "Moloney Plumbing & Heating",
        ),
    ],
)
def test_a_country_or_a_pronoun_is_no_business_name(text, language, name):
    names = [
        f.value for f in read(text, language, today=TODAY).profile if f.field == "business_name"
    ]
    assert names == ([name] if name else []), names


@pytest.mark.parametrize(
    ("opening", "language", "asked"),
    [
        (
            "Hei! Jeg har et rørleggerfirma i Trondheim, 9 ansatte. Hva trenger du å vite?",
            "nb",
            "årsomsetningen",
        ),
        (
            "Hi, I run a plumbing firm in Leeds with 9 staff. What do you need to know?",
            "en",
            "revenue",
        ),
    ],
)
def test_asking_what_the_coach_needs_is_answered_by_its_next_question(
    service, opening, language, asked
):
    reply = service.send("needs", opening, language).reply
    assert "declined" not in service.session("needs").acts
    assert asked in reply, reply


def test_a_cafe_saying_what_it_serves_is_not_making_small_talk(service):
    reply = service.send(
        "kafe",
        "hei! Ingrid her, jeg eier Kafé Fjellsiden i Bergen sentrum. Vi er 6 ansatte, "
        "omsetning 5,8 mill i 2025. Lunsj og kaffe mest, litt catering til kontorer.",
        "nb",
    ).reply
    assert "lar jeg ligge" not in reply and "planen din" not in reply, reply


def test_help_asked_for_a_problem_with_no_guidance_offers_the_owners_own_step(service):
    service.start_from_brief(
        "vakt",
        "Kafé i Bergen, 6 ansatte. Mål: øke cateringbestillinger fra 4 til 12 i måneden innen "
        "desember 2027.",
        "nb",
    )
    reply = service.send("vakt", "Vaktlista i Messenger-gruppa er et kaos. Hva foreslår du?").reply
    assert "legg til et tiltak" in reply and "utenfor digital strategi" not in reply, reply
    service.send("vakt", "legg til et tiltak: en app for vaktlister", "nb")
    titles = [i.title for i in service.session("vakt").plan.roadmap]
    assert "En app for vaktlister" in titles, titles
