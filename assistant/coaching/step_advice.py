"""What a curated step would do for *this* business, when the owner asks about it ("is online
booking even worth it for a workshop our size?"): whether it is in their plan already, which
of their goals or described problems it serves, or why it does not fit them."""

from __future__ import annotations

from assistant.coaching.business import misfit
from assistant.coaching.business_said import session_traits
from assistant.coaching.catalogue import InitiativeSpec, load_kpi_catalogue, stand_in
from assistant.coaching.messages import Messages
from assistant.coaching.roadmap import goal_kpi_ids
from assistant.coaching.state import SessionState

UNKNOWN_YET = ("family_unknown",)  # the trade is not known yet: no verdict from it
LEAVING = "leaving_marketplaces"  # every other "never when" says the owner has it already


def step_for_you(state: SessionState, spec: InitiativeSpec) -> str:
    """One or two lines on ``spec`` for this business, in the owner's language."""
    say = Messages(state.language)
    language = state.language
    title = spec.title.get(language)
    planned = [n for n, i in enumerate(state.plan.roadmap, 1) if i.title == title]
    if planned:
        return say.say("step_in_plan", n=planned[0])
    if spec.id in state.removed_initiatives:
        return say.say("step_removed")
    named = title[:1].lower() + title[1:]
    traits = session_traits(state)
    why_not = misfit(spec.fit, traits)
    had = [*spec.fit.never_when, *spec.fit.only_for_pains_when]
    if why_not in had and why_not != LEAVING:
        return say.say("step_have_it")  # "sell on a marketplace" to a shop on Avito
    if why_not is not None and why_not not in UNKNOWN_YET:
        other = stand_in(spec.id, lambda s: misfit(s.fit, traits) is None)
        if other is None:
            return say.say("step_misfit", title=named)
        other_title = other.title.get(language)
        lower = other_title[:1].lower() + other_title[1:]
        return say.say("step_stand_in", other=other_title, other_lower=lower)
    served = _goals_served(state, spec)
    if served:
        return say.say("step_serves_goal", goal=served[0], title=named)
    pain = traits.pains.get(spec.id)
    if pain:
        return say.say("step_serves_pain", said=pain, title=named)
    return say.say("step_not_needed_yet", title=named)


def _goals_served(state: SessionState, spec: InitiativeSpec) -> list[str]:
    """The names of the owner's goals (or, before goals are drafted, objectives) whose KPI
    the step moves."""
    language = state.language
    if state.plan.goals:
        return [
            g.metric or g.statement
            for g in state.plan.goals
            if set(spec.kpis) & goal_kpi_ids(g, language)
        ]
    catalogue = load_kpi_catalogue()
    return [
        catalogue.kpi(c.kpi_id).name.get(language)
        for c in state.candidates
        if c.kpi_id in spec.kpis and catalogue.find_kpi(c.kpi_id) is not None
    ]
