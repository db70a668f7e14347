"""Questions about the owner's own plan, answered from the plan: "what should I do first?"
from the roadmap's Now lane, "how do I measure goal 2?" from the goal's KPI, "why this
goal?" from the objective the owner stated. The kinds of question are language data
(``plan_questions`` in ``knowledge/data/reading_cues.yaml``)."""

from __future__ import annotations

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Goal, StrategyPlan
from assistant.coaching.render import roadmap_order
from assistant.coaching.words import shares_a_word
from assistant.understanding import cues

NOW_SHOWN = 3  # the first steps named in an answer


def plan_question(text: str, language: str) -> str | None:
    """The kind of plan question ``text`` asks (first_step, measure, why_goal), if any."""
    for kind, by_language in cues.raw("plan_questions").items():
        if any(cues.compiled(p).search(text) for p in by_language.get(language, ())):
            return str(kind)
    return None


def answer_plan_question(plan: StrategyPlan, kind: str, text: str) -> str | None:
    """The answer from the plan, or None when the plan does not hold it yet."""
    say = Messages(plan.language)
    if kind == "rough_ok":
        return say.say("plan_rough_ok")
    if kind == "first_step":
        now = [i.title for i in roadmap_order(plan) if i.horizon == "short"][:NOW_SHOWN]
        if now:
            return say.say("plan_first_steps", steps="; ".join(now))
        if plan.goals:
            return say.say("plan_first_goal", goal=plan.goals[0].statement)
        if plan.objectives:
            return say.say("plan_first_goal", goal=plan.objectives[0].owner_words)
        return None
    goal = _goal_named(plan, text)
    if goal is None:
        return None
    if kind == "measure":
        return say.say("plan_measure", goal=goal.statement, how=_how_measured(goal, plan.language))
    if kind == "why_goal":
        objective = next((o for o in plan.objectives if o.id == goal.objective_id), None)
        if objective is not None:
            served = [i.title for i in roadmap_order(plan) if goal.id in i.goal_ids]
            steps = say.say("plan_why_steps", steps="; ".join(served)) if served else ""
            return say.say(
                "plan_why", goal=goal.statement, words=objective.owner_words, steps=steps
            )
    return None


def _goal_named(plan: StrategyPlan, text: str) -> Goal | None:
    """Goal N when a number is said; else the goal whose metric words the question uses;
    else the only goal."""
    match = cues.search("goal_reference", plan.language, text)
    if match is not None:
        number = int(match.group("n"))
        return plan.goals[number - 1] if 1 <= number <= len(plan.goals) else None
    named = [g for g in plan.goals if shares_a_word(text, g.metric or "")]
    if len(named) == 1:
        return named[0]
    return plan.goals[0] if len(plan.goals) == 1 else None


def _how_measured(goal: Goal, language: str) -> str:
    if goal.measuring_step:
        return goal.measuring_step
    catalogue = load_kpi_catalogue()
    for kpi in goal.kpis:
        spec = next((k for k in catalogue.kpis if k.name.get(language) == kpi.name), None)
        if spec is not None:
            return spec.measuring_step.get(language)
    return Messages(language).say("plan_measure_default")
