"""Helpers for tests that read drafted goals and roadmaps."""

from __future__ import annotations

from datetime import date

from assistant.coaching.drafting import goal_from_candidate
from assistant.coaching.facts import read_message
from assistant.coaching.plan import Goal, Initiative, StrategyPlan


def drafted_goals(text: str, language: str, today: date) -> list[Goal]:
    """The goals a brief's words become, one per objective read."""
    candidates = read_message(text, language, today, brief=True).goals
    return [goal_from_candidate(n, c, f"o{n}", language, today) for n, c in enumerate(candidates)]


def serving_the_only_goal(plan: StrategyPlan) -> list[Initiative]:
    """The initiatives that serve a plan's one goal, in roadmap order."""
    [goal] = plan.goals
    return [i for i in plan.roadmap if goal.id in i.goal_ids]
