"""A goal's KPI is defined and sourced as this kind of business measures it: a clinic
counts active patients in its booking system, a builder its jobs in the job list, a gym
its occupancy without a hotel's PMS; a webshop keeps the webshop wording, and a source
the owner gave is never replaced."""

from __future__ import annotations

from datetime import date

import pytest
from chat_helpers import at_roadmap

from assistant.coaching.business import BusinessTraits, usual_via
from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.kpi_fit import fit_kpis
from assistant.coaching.plan import Kpi
from assistant.coaching.service import CoachService
from assistant.config import Settings

TODAY = date(2026, 12, 3)
SHOP_WORDS = ("webshop", "nettbutikk", "webbutik", "интернет-магазин", "PMS")


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("kpi_fit")), today=lambda: TODAY)


def _kpis(service: CoachService, brief: str, language: str) -> list[Kpi]:
    return [k for g in service.plan_from_brief(brief, language).goals for k in g.kpis]


@pytest.mark.parametrize(
    ("language", "brief"),
    [
        (
            "en",
            "We are a physiotherapy clinic in Leeds with 6 staff. Grow active patients from "
            "900 to 1100 by end of 2027 and raise revenue from £400k to £480k by December 2027.",
        ),
        (
            "ru",
            "Мы ландшафтная компания в Краснодаре, 9 сотрудников. Хотим увеличить число "
            "активных клиентов с 120 до 160 к концу 2027 года и выручку с 38 до 45 млн рублей "
            "к декабрю 2027.",
        ),
        (
            "nb",
            "Vi er et treningssenter i Bergen med 8 ansatte. Vi vil øke belegget på "
            "gruppetimene fra 55 % til 70 % innen utgangen av 2027.",
        ),
        (
            "sv",
            "Vi är en frisörsalong i Umeå med 5 anställda. Vi vill öka antalet aktiva kunder "
            "från 700 till 850 till december 2027.",
        ),
    ],
)
def test_a_business_without_a_webshop_measures_no_kpi_in_one(service, language, brief):
    kpis = _kpis(service, brief, language)
    assert kpis and all(k.source for k in kpis)
    for kpi in kpis:
        said = f"{kpi.definition} {kpi.source}"
        assert not any(word.lower() in said.lower() for word in SHOP_WORDS), said


def test_a_clinic_counts_its_patients_in_the_booking_system(service):
    kpis = _kpis(
        service,
        "We are a dental clinic in York, 9 staff. Grow active patients from 2,000 to 2,400 "
        "by the end of 2027.",
        "en",
    )
    active = next(k for k in kpis if k.name == "Active customers")
    assert "booking system" in active.source.lower()
    assert "booked" in active.definition and "bought" not in active.definition


def test_a_webshop_keeps_the_webshop_wording(service):
    kpis = _kpis(
        service,
        "We run a webshop selling tea, 4 staff. We want to grow active customers from 3,000 "
        "to 4,000 by the end of 2027.",
        "en",
    )
    active = next(k for k in kpis if k.name == "Active customers")
    assert "webshop" in active.source.lower()


def test_a_guesthouse_still_reads_occupancy_from_its_hotel_system():
    spec = load_kpi_catalogue().kpi("capacity_utilisation")
    kpi = Kpi(name=spec.name.get("en"), source=spec.source.get("en"))
    plan = _plan_with(kpi)
    fit_kpis(plan, BusinessTraits(family="hospitality", via={"bookings"}))
    assert "PMS" in kpi.source
    fit_kpis(plan, BusinessTraits(family="personal_services", via={"bookings"}))
    assert "PMS" not in kpi.source  # the same goal, once the owner says it is a gym


def test_a_source_the_owner_gave_is_kept():
    kpi = Kpi(name=load_kpi_catalogue().kpi("active_customers").name.get("en"), source="Glofox")
    fit_kpis(_plan_with(kpi), BusinessTraits(family="clinic", via={"bookings"}))
    assert kpi.source == "Glofox"


def test_every_variant_is_for_a_known_kind_of_business():
    from assistant.coaching.business import _data

    kinds = set(_data()["families"]) | {v for f in _data()["families"] for v in usual_via(f)}
    for spec in load_kpi_catalogue().kpis:
        assert set(spec.for_business) <= kinds, spec.id


FITNESS = [
    "Hi, I'm Rhys and I own Forge Fitness, a small-group training gym in Cardiff, 6 staff.",
    "Members book classes in the Glofox app. Instagram yes, website yes. Analytics no. "
    "CRM no. Goals not written down. Skills partly. Backups yes.",
    "Grow active members from 140 to 200 by October 2027.",
]


def test_in_chat_a_gym_goal_is_measured_without_a_webshop(service):
    at_roadmap(service, "kpi-gym", FITNESS, "en")
    kpis = [k for g in service.session("kpi-gym").plan.goals for k in g.kpis]
    assert kpis
    assert not any("webshop" in f"{k.definition} {k.source}".lower() for k in kpis)


def _plan_with(kpi: Kpi):
    from assistant.coaching.plan import Goal, StrategyPlan

    plan = StrategyPlan(language="en")
    plan.goals.append(Goal(id="g1", statement="Fill the rooms", kpis=[kpi]))
    return plan
