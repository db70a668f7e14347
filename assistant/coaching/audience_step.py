"""The audiences the owner already has, put to work: a bakery with 1,400 Facebook followers
that wants twice the cake orders, or a bookshop with a 1,500-name mailing list that wants
online sales, gets a monthly plan of posts and offers on those channels, when no step of the
plan uses them yet. Reaching people who already follow the business costs least.

The wording and the goals it serves live in knowledge/data/owned_channels.yaml."""

from __future__ import annotations

import functools

from pydantic import BaseModel

from assistant.coaching.business import BusinessTraits
from assistant.coaching.catalogue import InitiativeSpec, Localized
from assistant.coaching.owned_channels import audience_data, said_together, start_with
from assistant.coaching.plan import Goal, StrategyPlan
from assistant.coaching.roadmap_lanes import Pick
from assistant.coaching.serving import goal_kpi_ids

STEP_ID = "own_audience"
USES_CHANNELS = ("social_media_plan", "email_retention")  # catalogue steps that use them
LIKE = "social_media_plan"  # the catalogue step whose guidance it cites


class AudienceStep(BaseModel):
    social: list[str]
    lists: list[str]
    serves_kpis: list[str]
    title: dict[str, str]
    social_part: dict[str, str]
    lists_part: dict[str, str]
    closing: dict[str, str]
    gives: dict[str, str]
    resources: dict[str, list[str]]


@functools.cache
def _wording() -> AudienceStep:
    return AudienceStep.model_validate(audience_data())


def audience_picks(
    plan: StrategyPlan, picks: list[Pick], traits: BusinessTraits, offer: list[InitiativeSpec]
) -> list[Pick]:
    """One step for the first aim of more orders, customers or bookings, on the channels the
    owner has, unless the plan already uses them or every customer is a business."""
    data = _wording()
    social = [c for c in traits.owned if c in data.social]
    lists = [c for c in traits.owned if c in data.lists]
    like = next((s for s in offer if s.id == LIKE), None)
    if not (social or lists) or like is None or traits.customers == {"b2b"}:
        return []
    if any(_uses_channels(p, traits.owned) for p in picks):
        return []
    for objective in plan.objectives:
        goal = next((g for g in plan.goals if g.objective_id == objective.id), None)
        served = _served_kpis(goal, plan.language, data)
        if served:
            spec = _spec(data, social, lists, served, like)
            return [Pick(spec.model_copy(update={"categories": [objective.category]}), objective)]
    return []


def _uses_channels(pick: Pick, owned: list[str]) -> bool:
    """A catalogue step for social media or e-mail, or the owner's own workstream that
    already starts with their channels."""
    if pick.spec.id in USES_CHANNELS:
        return True
    opening = start_with(owned, "en")
    return bool(opening) and opening in pick.spec.description.get("en")


def _served_kpis(goal: Goal | None, language: str, data: AudienceStep) -> list[str]:
    if goal is None or goal.direction == "decrease":
        return []
    kpis = goal_kpi_ids(goal, language)
    return [k for k in data.serves_kpis if k in kpis]


def _spec(
    data: AudienceStep,
    social: list[str],
    lists: list[str],
    served: list[str],
    like: InitiativeSpec,
) -> InitiativeSpec:
    languages = list(Localized[str].model_fields)
    description = {}
    for lang in languages:
        parts = (
            [data.social_part[lang].format(social=said_together(social, lang))] if social else []
        )
        if lists:
            parts.append(data.lists_part[lang].format(lists=said_together(lists, lang)))
        description[lang] = " ".join([*parts, data.closing[lang]])
    title = {
        lang: data.title[lang].format(channels=said_together(social + lists, lang))
        for lang in languages
    }
    return InitiativeSpec(
        id=STEP_ID,
        categories=like.categories,
        title=Localized[str].model_validate(title),
        description=Localized[str].model_validate(description),
        horizon="short",
        impact=like.impact,
        feasibility=like.feasibility,
        dimension=like.dimension,
        resources=Localized[list[str]].model_validate(data.resources),
        kpis=served,
        evidence_query=like.evidence_query,
        evidence_doc=like.evidence_doc,
        gives=Localized[str].model_validate(data.gives),
    )
