"""A step the owner asks for by name ("could you add a Google Business Profile?") is put
into the roadmap, said back, and kept; asked for before the roadmap exists, the draft
carries it."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 4)
INTERVIEW = {
    "en": [
        "We are an electrical contractor in Leeds, 5 people, turnover about £420k.",
        "We have a website, no booking. We post on Facebook sometimes.",
        "Customer details are in Tradify. No analytics.",
        "Skills: not really. Invoices go out automatically. Backups: no idea.",
        "Don't know.",
        "I want to win more quotes, from 35% to 45% by June 2027.",
    ],
    "nb": [
        "Vi er et bilverksted i Hamar, 6 ansatte, omsetning rundt 9 millioner.",
        "Vi har en enkel nettside, ingen timebestilling. Facebook av og til.",
        "Kundene ligger i verkstedsystemet. Ingen analyse.",
        "Kompetanse: ikke så mye. Faktura går automatisk. Backup: vet ikke.",
        "Vet ikke.",
        "Vi vil øke antall servicejobber fra 120 til 160 i måneden innen utgangen av 2027.",
    ],
}
ASK = {
    "en": "What about a Google Business Profile? Could you add that?",
    "nb": "Kan du legge til et tiltak for timebestilling på nett?",
}
TITLE = {"en": "Google Business Profile", "nb": "Nettbooking"}


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("added")), today=lambda: TODAY)


@pytest.mark.parametrize("language", ["en", "nb"])
def test_a_step_asked_for_joins_the_drafted_roadmap(service, language):
    sid = f"added-{language}"
    approve = {"en": "yes", "nb": "ja"}[language]
    for message in [*INTERVIEW[language], approve, approve, approve]:
        service.send(sid, message)
    before = len(service.session(sid).plan.roadmap)
    reply = service.send(sid, ASK[language]).reply
    roadmap = service.session(sid).plan.roadmap
    added = [i for i in roadmap if TITLE[language].lower() in i.title.lower()]
    assert len(roadmap) == before + 1 and len(added) == 1
    assert added[0].title in reply.split("\n")[0]  # said back first
    assert ASK[language].split("?")[0] in added[0].rationale  # why: the owner asked
    assert "From the guidance" not in reply and "Fra veiledningen" not in reply


def test_a_step_asked_for_during_the_interview_is_in_the_draft(service):
    sid = "added-early"
    for message in INTERVIEW["en"][:3]:
        service.send(sid, message)
    service.send(sid, "Also please add a Google Business Profile step to the plan.")
    for message in [*INTERVIEW["en"][3:], "yes", "yes", "yes"]:
        service.send(sid, message)
    titles = [i.title for i in service.session(sid).plan.roadmap]
    assert any("Google Business Profile" in t for t in titles), titles


def test_a_step_of_the_owners_own_is_planned_as_they_named_it(service):
    sid = "added-own"
    for message in [*INTERVIEW["en"], "yes", "yes", "yes"]:
        service.send(sid, message)
    reply = service.send(sid, "add initiative: a trade show stand at Top Drawer").reply
    titles = [i.title for i in service.session(sid).plan.roadmap]
    assert "A trade show stand at Top Drawer" in titles  # as they named it, as a title
    assert "A trade show stand at Top Drawer" in reply.split("\n")[0]


def test_asking_to_add_a_step_by_name_adds_no_goal(service):
    sid = "added-sv"
    swedish = [
        "Vi är en bilverkstad i Borås, 6 anställda, omsättning ca 7 miljoner kronor.",
        "Hemsida finns, ingen bokning på nätet. Facebook ibland.",
        "Kunderna finns i verkstadssystemet. Ingen webbanalys.",
        "Kompetens: sådär. Fakturor går automatiskt. Backup: vet inte.",
        "Vet inte.",
        "Vi vill öka från 25 till 35 jobb i veckan senast december 2027.",
        "ja",
        "ja",
        "ja",
    ]
    for message in swedish:
        service.send(sid, message)
    goals = len(service.session(sid).plan.goals)
    service.send(sid, "kan du lägga till onlinebokning?")
    plan = service.session(sid).plan
    assert len(plan.goals) == goals
    assert any("bokning" in i.title.lower() for i in plan.roadmap)


def test_a_step_described_with_a_removed_steps_word_is_the_owners_own(service):
    """ "sync stock on WB and Ozon" names the marketplaces as context: the marketplace step
    the owner took out stays out, and the step they described is added as they said it."""
    sid = "added-ru"
    russian = [
        "Шьём детскую одежду в Иваново, 6 человек, выручка около 21 млн в год.",
        "Продаём только на Wildberries и Ozon, своего сайта нет. Telegram-канал есть.",
        "Клиентской базы нет. Аналитика только в кабинетах маркетплейсов.",
        "Навыки так себе. Остатки обновляем вручную каждый день. Бэкапы не знаю.",
        "Не знаю.",
        "Хотим поднять выручку с 21 до 28 млн к концу 2027 года.",
        "да",
        "да",
        "да",
    ]
    for message in russian:
        service.send(sid, message)
    service.send(sid, "уберите маркетплейс")
    said = "автоматическая синхронизация остатков WB и Ozon через МойСклад"
    service.send(sid, f"добавьте инициативу: {said}")
    plan = service.session(sid).plan
    titles = [i.title for i in plan.roadmap]
    assert said[:1].upper() + said[1:] in titles  # as said, as a title
    assert not any("маркетплейс" in t.lower() and t != said for t in titles), titles
