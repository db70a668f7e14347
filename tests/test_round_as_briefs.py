"""A consultant's notes list the client's aims under a header ("What they want", "Mål",
"по целям:"): the aims are read from that list, and the background around it (turnover,
the revenue mix, how many emails they hold, the law they must follow) never becomes a goal.
A later sentence of a list item that only says more about its aim ("Karen wants this before
the autumn rush") gives the aim its date, not a goal of its own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("briefs-as")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


ELECTRICIAN = """Notes from call with Priya Shah, Shah Electrical (Coventry), 2 Dec 2026

Background
- 8 staff, 6 electricians. Turnover about £950k last year.
- Roughly 70% domestic rewires and 30% EV chargers.
- Google profile 4.7 stars, 52 reviews. Email addresses for maybe 40% of past customers.
- Jobs on paper sheets, invoices typed up on Fridays.

What they want
- Get invoices out the same day the job is done. Priya wants this before the spring rush
  (March 2027).
- Grow EV charger installs from 6 to 15 a month by end of 2027.
- More commercial maintenance contracts. Vague - "the steady stuff".
"""


def test_background_figures_never_become_goals(service):
    goals = service.plan_from_brief(ELECTRICIAN, "en").goals
    said = " ".join(g.statement for g in goals)
    assert len(goals) == 3, [g.statement for g in goals]
    for background in ("950", "70 %", "40 %", "4.7", "52"):
        assert background not in said, said


def test_a_later_sentence_of_an_item_dates_its_aim_and_keeps_its_name(service):
    goals = service.plan_from_brief(ELECTRICIAN, "en").goals
    invoices = goals[0]
    assert "invoice" in invoices.statement.lower(), invoices.statement
    assert invoices.deadline is not None, invoices.statement
    assert date(2027, 2, 28) <= invoices.deadline <= date(2027, 3, 31), invoices.statement
    assert not any(g.statement.startswith("In place by 2027-12-31: Vague") for g in goals)


MEBEL = """Заметки после встречи, студия мебели «Кедр», Пермь
- 14 человек, выручка около 40 млн руб. Примерно 60 % — кухни, 40 % — шкафы.
- Заказов в месяц ~12.

Письмо владельца после встречи:
«Коротко по целям, как договорились:
1) Хотим 18 заказов в месяц к концу 2027 года.
2) Чтобы дизайнеры вели заявки в CRM, а не в мессенджерах, с 1 марта.
Бюджет на рекламу можно поднять до 120 тыс. в месяц, но не больше.»
"""


def test_a_numbered_list_after_a_goals_line_holds_the_aims(service):
    goals = service.plan_from_brief(MEBEL, "ru").goals
    said = " ".join(g.statement for g in goals)
    assert len(goals) == 2, [g.statement for g in goals]
    assert "60" not in said and "120" not in said, said


BRYGGERI = """Om oss:
- Sjøbris Bryggeri, Ålesund, 7 ansatte. Omsetning ca. 8 mill. kr.

Det vi ønsker:
1. Et bestillingssystem for utesteder innen 1. april 2027.
2. Flere gjester i taproom om sommeren.

Litt viktig:
- Vi må følge alkoholloven - ingen reklame for øl over 2,5 % rettet mot forbrukere.
- Budsjett: ca. 100 000 kr for 2027.
"""


def test_a_law_the_business_must_follow_is_no_goal(service):
    goals = service.plan_from_brief(BRYGGERI, "nb").goals
    assert len(goals) == 2, [g.statement for g in goals]
    assert not any("2,5" in g.statement for g in goals)


def test_within_a_year_said_after_the_target_is_a_deadline_not_a_proposal(service):
    brief = "Юридическая фирма в Томске, 6 человек. Цель: абонентских клиентов с 12 до 25 за год."
    goal = service.plan_from_brief(brief, "ru").goals[0]
    assert goal.deadline == date(2027, 12, 7), goal.statement
    assert "предложено" not in goal.statement, goal.statement


def test_a_second_wish_after_and_then_is_an_aim_of_its_own(service):
    brief = (
        "Vi har et lite bakeri med kafé i Hamar, fem ansatte. Jeg vil gjerne selge lunsj til "
        "bedrifter i byen, og så vil jeg få opp ettermiddagssalget med minst 20 %."
    )
    goals = service.plan_from_brief(brief, "nb").goals
    assert len(goals) == 2, [g.statement for g in goals]
    assert "ettermiddagssalget" in goals[1].statement and "20" in goals[1].statement
