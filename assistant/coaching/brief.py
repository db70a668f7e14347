"""Consultant mode: a free-text client brief in, a complete plan out, in one shot.

Facts the brief does not give become open questions; nothing is invented.
"""

from __future__ import annotations

from datetime import date

from assistant.coaching.cues import supported_language
from assistant.coaching.dialogue import OfflineCoach
from assistant.coaching.drafting import draft_roadmap
from assistant.coaching.facts import read_message
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Objective, StrategyPlan
from assistant.coaching.state import SessionState
from assistant.knowledge.languages import detect_language

MAX_BRIEF_OBJECTIVES = 5


def plan_from_brief(
    coach: OfflineCoach, brief: str, language: str | None, today: date
) -> StrategyPlan:
    lang = supported_language(language or detect_language(brief) or "en")
    state = SessionState(language=lang, language_fixed=True)
    state.plan.language = lang
    state.plan = state.plan.model_copy(update={"created": today, "updated": today})
    state.plan.profile.language = lang
    facts = read_message(brief, lang, today)
    profile = state.plan.profile
    profile.business_name = facts.business_name
    profile.industry = facts.industry
    profile.staff = facts.staff
    profile.annual_revenue = facts.revenue
    profile.markets = facts.markets
    say = Messages(lang)
    for key, value in {
        "business_name": profile.business_name,
        "industry": profile.industry,
        "staff": profile.staff,
        "revenue": profile.annual_revenue,
        "markets": profile.markets,
    }.items():
        if not value:
            state.plan.open_questions.append(
                say.say("open_profile", field=say.label("profile_fields", key))
            )
    state.maturity_answers.update(facts.maturity)
    coach._record_figures(state, facts.figures)
    coach._score_maturity(state)
    # Every objective the brief states, with numbers or not ("stop wasting hours on manual
    # order handling"): a goal the SMART check explains, and an open question for its gaps.
    for candidate in facts.goals[:MAX_BRIEF_OBJECTIVES]:
        objective_id = f"o{len(state.plan.objectives) + 1}"
        state.plan.objectives.append(
            Objective(id=objective_id, category=candidate.category, owner_words=candidate.text)
        )
        state.candidates.append(candidate)
        if candidate.target is None or candidate.deadline is None:
            state.plan.open_questions.append(candidate.text)
    coach._draft_goals(state, today)
    draft_roadmap(state.plan, coach.kb, today, state.sources)
    return state.plan
