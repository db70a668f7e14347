"""Each interview reply opens with what the owner's answer changed in the plan, in their
language, and says back nothing the plan did not take."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.coaching.side_answers import boundary
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 4)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("say-back")), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("language", "first", "second", "expected"),
    [
        (
            "en",
            "Hi, I run a small electrical contracting business in Leeds.",
            "It's called Kirkstall Sparks Ltd. There's me, two electricians and an apprentice. "
            "Turnover last year was about £420k.",
            ["Noted:", "Kirkstall Sparks Ltd", "420 000 GBP"],
        ),
        (
            "nb",
            "Hei! Jeg driver et lite bilverksted på Hamar.",
            "Firmaet heter Mjøsbil Service AS. Vi er 6 stykker, omsetningen i fjor var rundt "
            "9,5 millioner kroner.",
            ["Notert:", "Mjøsbil Service AS", "6"],
        ),
    ],
)
def test_the_facts_an_answer_gave_are_said_back_first(service, language, first, second, expected):
    sid = f"say-back-{language}"
    service.send(sid, first)
    reply = service.send(sid, second).reply
    opening = reply.split("\n\n")[0]
    for words in expected:
        assert words in opening, opening


def test_nothing_the_plan_did_not_take_is_said_back(service):
    sid = "say-back-untaken"
    for message in [
        "I run a small electrical contracting business in Leeds, Kirkstall Sparks Ltd, "
        "5 people, turnover about £420k.",
        "Website yes, no booking. Facebook now and then.",
        "Customers in Tradify. No analytics.",
    ]:
        service.send(sid, message)
    reply = service.send(sid, "Skills - not really, I'm an electrician not a marketer.").reply
    opening = reply.split("\n\n")[0]
    assert "Skills - not really" not in opening and "Kirkstall" not in opening
    assert "Digital skills in the team:" in opening  # what the answer did change
    assert service.session(sid).plan.profile.business_name == "Kirkstall Sparks Ltd"


@pytest.mark.parametrize(
    ("language", "answer", "said", "not_said"),
    [
        (
            "ru",
            "навыки - не знаю толком. счета делаем в 1С вручную. бэкап не знаю. бумаги много",
            ["Цифровые навыки в команде: не знаете", "Автоматические резервные копии: не знаете"],
            ["Выставление счетов"],  # invoices made by hand are not automated
        ),
        (
            "en",
            "Skills are fine. Invoices are done manually in Sage. Backups run nightly.",
            ["Digital skills in the team: yes", "Automatic backups: yes"],
            ["Invoicing"],
        ),
    ],
)
def test_the_digital_set_up_as_understood_is_said_back(service, language, answer, said, not_said):
    sid = f"say-back-set-up-{language}"
    opening = {
        "ru": [
            "Автосервис «Гараж 16», Казань, 7 человек, выручка около 18 млн руб.",
            "сайта нет, онлайн записи нет. группа вк есть.",
            "клиенты в тетради. аналитики нет. целей нет записанных.",
        ],
        "en": [
            "Kirkstall Sparks Ltd, electricians in Leeds, 5 people, turnover about £420k.",
            "Website yes, no booking. Facebook now and then.",
            "Customers in Tradify. No analytics. No written goals.",
        ],
    }[language]
    for message in opening:
        service.send(sid, message)
    reply = service.send(sid, answer).reply.split("\n\n")[0]
    for words in said:
        assert words in reply, reply
    for words in not_said:
        assert words not in reply, reply


@pytest.mark.parametrize(
    ("language", "messages", "yes"),
    [
        (
            "ru",
            [
                "Автосервис «Гараж 16», Казань, 7 человек, выручка около 18 млн руб.",
                "сайта нет, онлайн записи нет. группа вк есть.",
                "клиенты в тетради. аналитики нет. целей нет записанных.",
                "навыки так себе. счета вручную. бэкап не знаю. бумаги много.",
                "не знаю",
                "хочу поднять рейтинг на яндексе с 4.6 до 4.8 к лету 2027. это всё",
            ],
            "да. кстати, не знаете где в казани нормальный шашлык?",
        ),
        (
            "en",
            [
                "Kirkstall Sparks Ltd, electricians in Leeds, 5 people, turnover about £420k.",
                "Website yes, no booking. Facebook now and then.",
                "Customers in Tradify. No analytics. No written goals.",
                "Skills are fine. Invoices manual. Backups: no idea.",
                "don't know",
                "Grow Google reviews from 40 to 100 by December 2027. That's all.",
            ],
            "Honestly I expected more. OK, go on.",
        ),
    ],
)
def test_a_yes_said_beside_a_remark_approves_the_step_it_answers(service, language, messages, yes):
    """Asked "is this right?", a yes in a sentence of its own moves the plan on, whatever
    else the message says (an aside is still answered or declined)."""
    sid = f"yes-apart-{language}"
    for message in messages:
        service.send(sid, message)
    assert service.session(sid).stage == "playback"
    service.send(sid, yes)
    assert service.session(sid).stage == "review"
    assert service.session(sid).plan.goals


def test_a_currency_named_alone_fixes_the_revenue_currency(service):
    """ "it's euro by the way, not pounds": the amount stays, its currency changes, and the
    change is said back."""
    sid = "say-back-currency"
    service.send(sid, "hi, I run a plumbing business in Cork, me and 3 lads.")
    service.send(sid, "It's called Murphy Plumbing & Heating. turnover about 380k last year")
    reply = service.send(sid, "its euro by the way not pounds. we have a website").reply
    revenue = service.session(sid).plan.profile.annual_revenue
    assert revenue is not None and (revenue.amount, revenue.currency) == (380_000, "EUR")
    assert "380 000 EUR" in reply.split("\n\n")[0]


@pytest.mark.parametrize(
    ("language", "text", "declined"),
    [
        # a word that only looks like money talk, outside the question, declines nothing
        (
            "en",
            "skills: ok. stock is a spreadsheet i update by hand. backups - shopify does that?",
            None,
        ),
        ("sv", "Är det värt att ta swish på webben? och lagret ska stämma bättre.", None),
        # advice asked for is declined
        ("en", "Should I put my savings in stocks?", "boundary_advice"),
        ("sv", "Kan vi stämma dem för det?", "boundary_advice"),
    ],
)
def test_only_a_question_that_asks_for_advice_is_declined(language, text, declined):
    assert boundary(language, text, asked=True) == declined
