"""A goal's KPI as this kind of business measures it. The catalogue writes each KPI for a
business that sells by orders ("CRM, webshop or the customer list"); a clinic counts the
same KPI in its booking system and a builder in its job list (the KPI's ``for_business``
variants in knowledge/data/kpi_catalogue.yaml). A definition or source the owner gave is
theirs and stays."""

from __future__ import annotations

from assistant.coaching.business import BusinessTraits, usual_via
from assistant.coaching.catalogue import KpiSpec, KpiVariant, load_kpi_catalogue
from assistant.coaching.plan import Kpi, StrategyPlan


def fit_kpis(plan: StrategyPlan, traits: BusinessTraits) -> None:
    """Every catalogue KPI of the plan's goals, defined and sourced for this business."""
    by_name = {k.name.get(plan.language): k for k in load_kpi_catalogue().kpis}
    for goal in plan.goals:
        for kpi in goal.kpis:
            if (spec := by_name.get(kpi.name)) is not None:
                _fit(kpi, spec, variant_for(spec, traits), plan.language)


def variant_for(spec: KpiSpec, traits: BusinessTraits) -> KpiVariant | None:
    """The KPI as written for the business's family, else for how its customers usually
    buy; none for a business with a webshop, which the plain text is written for."""
    if "webshop" in traits.tools:
        return None
    how = usual_via(traits.family)[:1] or sorted(traits.via)[:1]  # "book online": bookings
    keys = [k for k in (traits.family, *how) if k in spec.for_business]
    return spec.for_business[keys[0]] if keys else None


def _fit(kpi: Kpi, spec: KpiSpec, variant: KpiVariant | None, language: str) -> None:
    for field in ("definition", "source"):
        if getattr(kpi, field) not in spec.written(field, language):
            continue  # the owner's own, or none at all
        text = (variant and getattr(variant, field)) or getattr(spec, field)
        setattr(kpi, field, text.get(language))
