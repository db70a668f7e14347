"""The Later lane for a goal due after the year ahead ("to 50 % by December 2028"): its
steps this year are in Now and Next, and its second year gets a step of its own in Later,
to keep what worked and scale it until the deadline, so a two-year goal is not left with
nothing planned after the first year."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.catalogue import InitiativeSpec
from assistant.coaching.drafting import HORIZON_QUARTERS, lane_quarter, quarter_of
from assistant.coaching.plan import Goal, Objective, StrategyPlan, quarter_index
from assistant.coaching.roadmap_lanes import Pick
from assistant.coaching.workstreams import aim_words, filled, load_workstreams, own_step

MOST_YEAR_TWO = 2  # Later steps of this kind in one plan: the two soonest-due long goals


def year_two_picks(plan: StrategyPlan, picks: list[Pick], today: date) -> list[Pick]:
    """A Later step for each goal due after the Next lane that has steps this year and
    none in Later yet, soonest due first."""
    end_of_next = quarter_index(lane_quarter(today, HORIZON_QUARTERS["medium"][1]))
    long_goals = sorted(
        (
            g
            for g in plan.goals
            if g.deadline and quarter_index(quarter_of(g.deadline)) > end_of_next
        ),
        key=lambda g: g.deadline or date.max,
    )
    more: list[Pick] = []
    for goal in long_goals:
        objective = next((o for o in plan.objectives if o.id == goal.objective_id), None)
        served = [p for p in picks if objective and objective in (p.objective, *p.also)]
        if objective is None or not served or any(p.spec.horizon == "long" for p in served):
            continue
        more.append(Pick(year_two_step(goal, objective), objective))
    return more[:MOST_YEAR_TWO]


def year_two_step(goal: Goal, objective: Objective) -> InitiativeSpec:
    spec = load_workstreams().of_kind("year_two")
    what, named = aim_words(goal, objective)
    if named and not what[:2].isupper():  # "Year two for clients on cloud bookkeeping"
        what = what[:1].lower() + what[1:]
    title = filled(spec.title if named else spec.title_quoted, what)
    return own_step(spec, objective, title, spec.description)


def is_year_two(title: str, language: str) -> bool:
    """A step titled as a goal's second year: it builds on steps this year, serves no goal
    alone."""
    spec = load_workstreams().of_kind("year_two")
    return any(
        re.fullmatch(re.escape(t.get(language)).replace(re.escape("{what}"), ".+"), title)
        for t in (spec.title, spec.title_quoted)
    )
