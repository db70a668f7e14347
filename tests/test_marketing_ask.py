"""The interview asks only for the marketing figures that apply and are not known yet: no
website visits from a business that has no website, no online share of revenue from one
that sells and books nothing online."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 4)

NO_WEBSITE = [
    "здравствуйте",
    "автосервис «Гараж 16», Казань. ремонт и ТО легковых машин. нас 7 человек, выручка "
    "примерно 18 млн руб в год.",
    "сайта нет. есть карточка в яндекс картах и 2гис, рейтинг 4.6. онлайн записи нет, всё "
    "по телефону и ватсап. группа вк есть, но заброшена. рекламу не даём",
    "клиенты в тетради у мастера-приёмщика и в 1С частично. аналитики нет. целей нет записанных.",
    "навыки - не знаю толком. счета делаем в 1С вручную. бэкап не знаю. бумаги много",
]
WITH_WEBSITE = [
    "Hi, we run a bakery in York.",
    "It's called Crumb & Co, 9 people, turnover about £600k.",
    "We have a website and a small webshop for cakes. Instagram and Facebook, posting weekly.",
    "Customers are in a spreadsheet. No analytics. No written goals.",
    "Skills are OK. Invoices are manual. Backups, not sure. Still lots of paper.",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("marketing-ask")), today=lambda: TODAY)


def _replies(service: CoachService, sid: str, messages: list[str]) -> str:
    return "\n".join(service.send(sid, m).reply for m in messages)


def test_no_website_means_no_question_about_website_visits_or_online_sales(service):
    said = _replies(service, "no-site", NO_WEBSITE)
    assert "подписчиков" in said  # the figure that still applies is asked
    assert "посещений у сайта" not in said and "онлайн-продажи" not in said


def test_a_business_with_a_webshop_is_asked_all_three(service):
    said = _replies(service, "with-site", WITH_WEBSITE)
    assert "website visits" in said and "online sales" in said and "followers" in said
