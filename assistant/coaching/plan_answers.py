"""Questions about the owner's own plan, answered from the plan: "what should I do first?"
from the roadmap's Now lane, "how do I measure goal 2?" from the goal's KPI, "why this
goal?" from the objective the owner stated. The kinds of question are language data
(``plan_questions`` in ``knowledge/data/reading_cues.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.coaching.catalogue import InitiativeSpec, load_kpi_catalogue
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Goal, Initiative, StrategyPlan
from assistant.coaching.render import roadmap_order
from assistant.coaching.roadmap import serving_steps
from assistant.coaching.roadmap_lanes import ALWAYS as ROUTINE
from assistant.coaching.why_answers import explain_step, steps_numbered, why_step
from assistant.coaching.words import shares_a_word
from assistant.understanding import cues

NOW_SHOWN = 3  # the first steps named in an answer


def plan_question(text: str, language: str) -> str | None:
    """The kind of plan question ``text`` asks (first_step, measure, why_goal), if any."""
    return cues.label_of("plan_questions", language, text)


def answer_plan_question(
    plan: StrategyPlan, kind: str, text: str, offer: Sequence[InitiativeSpec] = ()
) -> str | None:
    """The answer from the plan, or None when the plan does not hold it yet; ``offer``: the
    catalogue's initiatives that fit the business, for a goal no step serves yet."""
    say = Messages(plan.language)
    if kind in ("rough_ok", "benchmark", "help"):  # "is 6 % churn bad?": no benchmarks
        return say.say(f"plan_{kind}")
    if kind == "first_step":
        now = [i for i in roadmap_order(plan) if i.horizon == "short"]
        if now:
            pick = first_to_start(now)
            first = say.say("plan_first_action", first=pick.title, how=_first_move(pick))
            shown = "; ".join(i.title for i in now[:NOW_SHOWN])
            steps = say.say("plan_first_steps", steps=shown)
            return f"{steps}\n\n{first}\n\n{explain_step(plan, pick)}"
        if plan.goals:
            return say.say("plan_first_goal", goal=plan.goals[0].statement)
        if plan.objectives:
            return say.say("plan_first_goal", goal=plan.objectives[0].owner_words)
        return None  # nothing drafted yet: see side_answers (the interview, then the guidance)
    if kind == "fits_budget":
        return _budget(plan)
    if kind in ("realistic", "priority"):
        return _realistic(plan, text) if kind == "realistic" else _priority(plan)
    if kind == "how_goal":
        return _how_reached(plan, text, offer)
    if kind == "compare_steps":
        return _steps_named(plan, text)
    if kind == "why_step":
        return why_step(plan, text)
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


def _steps_named(plan: StrategyPlan, text: str) -> str | None:
    """ "What's the difference between step 1 and step 5?": each step named by its number,
    in its own words, as the roadmap shows them; None when no step is named."""
    say = Messages(plan.language)
    shown = roadmap_order(plan)
    numbers = steps_numbered(text, plan.language)
    named = [n for n in dict.fromkeys(numbers) if 1 <= n <= len(shown)]
    lines = [
        say.say(
            "plan_step_line", n=n, title=shown[n - 1].title, description=shown[n - 1].description
        )
        for n in named
    ]
    return "\n".join(lines) or None


def first_to_start(now: Sequence[Initiative]) -> Initiative:
    """The Now step to start on Monday: the one the owner put first, else one another step
    waits for (the booking system before the "book" button), then one that serves the
    owner's goals rather than the planning routine, then the most impact for the effort;
    the roadmap's order breaks ties."""
    awaited = {d for step in now for d in step.depends_on}
    return min(
        now,
        key=lambda s: (
            not s.put_first,  # the owner's own first
            s.id not in awaited,
            s.id in ROUTINE or not s.goal_ids,
            -(s.impact or 0) * (s.feasibility or 0),
            now.index(s),
        ),
    )


def _first_move(step: Initiative) -> str:
    """What to do on the first morning: the first sentence of the step's own description."""
    return re.split(r"(?<=[.!?;])\s", step.description.strip(), maxsplit=1)[0].rstrip(";")


def _realistic(plan: StrategyPlan, text: str) -> str:
    """ "Is 900 realistic?": the SMART check's verdict on how big the change is, for the goal
    named or for each goal; before the goals are drafted, when it will be judged."""
    say = Messages(plan.language)
    named = _goal_named(plan, text)
    goals = [named] if named is not None else plan.goals
    judged = [g for g in goals if g.smart is not None]
    if not judged:
        return say.say("plan_realistic_later")
    lines = [
        say.say("plan_realistic_line", n=plan.goals.index(g) + 1, reason=g.smart.achievable.reason)
        for g in judged
    ]
    steep = [g for g in judged if not g.smart.achievable.ok and not g.target_kept]
    if steep:  # "why is 1.5 not realistic?": how it is judged, and how to keep it anyway
        lines.append(say.say("plan_realistic_basis", n=plan.goals.index(steep[0]) + 1))
    return "\n".join(lines)


_WEEKLY_HOURS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:h|hrs?|hours?|timer|timmar|ч|час\w*)\s*(?:/\s*|per\s+|a\s+|"
    r"в\s+|i\s+|om\s+)(?:week|wk|uke|uka|vecka|veckan|недел\w*)",
    re.IGNORECASE,
)


def _budget(plan: StrategyPlan) -> str | None:
    """ "Will all this fit in £100 a month and 3 hours a week?": what the Now steps ask for,
    their weekly hours added up, no invented prices, and how to lighten the lane."""
    now = [i for i in roadmap_order(plan) if i.horizon == "short"]
    if not now:
        return None
    say = Messages(plan.language)
    steps = "; ".join(
        f"{i.title} ({', '.join(i.resources)})" if i.resources else i.title for i in now
    )
    hours = sum(
        float(m.group(1).replace(",", "."))
        for i in now
        for r in i.resources
        for m in _WEEKLY_HOURS.finditer(r)
    )
    first = first_to_start(now).title
    if hours <= 0:
        return say.say("plan_budget_no_hours", steps=steps, first=first)
    shown = f"{hours:g}".replace(".", str(say.raw("decimal_mark") or "."))
    return say.say("plan_budget", steps=steps, hours=shown, first=first)


def _priority(plan: StrategyPlan) -> str:
    """ "Which should I prioritise?": the goal the first step of the Now lane serves, else
    the goal due first."""
    say = Messages(plan.language)
    now = [i for i in roadmap_order(plan) if i.horizon == "short" and i.goal_ids]
    by_id = {g.id: g for g in plan.goals}
    for step in now:
        goal = next((by_id[g] for g in step.goal_ids if g in by_id), None)
        if goal is not None:
            why = say.say("plan_priority_now", step=step.title)
            return say.say(
                "plan_priority", n=plan.goals.index(goal) + 1, goal=goal.statement, why=why
            )
    dated = sorted((g for g in plan.goals if g.deadline), key=lambda g: g.deadline)
    if not dated:
        return say.say("plan_priority_later")  # nothing drafted to rank yet
    first = dated[0]
    why = say.say("plan_priority_due", date=first.deadline.isoformat())
    return say.say("plan_priority", n=plan.goals.index(first) + 1, goal=first.statement, why=why)


SUGGESTED = 2  # catalogue steps named for a goal no step serves yet


def _how_reached(plan: StrategyPlan, text: str, offer: Sequence[InitiativeSpec] = ()) -> str | None:
    """ "What would fill the midday classes?": the roadmap's steps for the goal the question
    names; for a goal none serves, the fitting steps that would, to add; None when it names
    no goal (the guidance answers)."""
    goal = _goal_said(plan, text)
    if goal is None or not plan.roadmap:
        return None
    say = Messages(plan.language)
    served = [i.title for i in roadmap_order(plan) if goal.id in i.goal_ids]
    n = plan.goals.index(goal) + 1
    if served:
        return say.say("plan_how_steps", n=n, goal=goal.statement, steps="; ".join(served))
    planned = {i.title for i in plan.roadmap}
    objective = next((o for o in plan.objectives if o.id == goal.objective_id), None)
    fitting = serving_steps(objective, goal, list(offer), plan.language) if objective else []
    ideas = [s.title.get(plan.language) for s in fitting]
    ideas = [t for t in ideas if t not in planned][:SUGGESTED]
    if ideas:
        return say.say("plan_how_ideas", n=n, goal=goal.statement, steps="; ".join(ideas))
    return say.say("plan_how_none", n=n, goal=goal.statement)


def _goal_said(plan: StrategyPlan, text: str) -> Goal | None:
    """Goal N when a number is said; else the goal whose metric words the question uses."""
    match = cues.search("goal_reference", plan.language, text)
    if match is not None:
        number = int(match.group("n"))
        return plan.goals[number - 1] if 1 <= number <= len(plan.goals) else None
    named = [g for g in plan.goals if shares_a_word(text, g.metric or "", plan.language)]
    if not named:  # "what will fill the midday classes?": the owner's words for the aim
        aims = {o.id: o.owner_words for o in plan.objectives}
        aim_of = {g.id: aims.get(g.objective_id, "") for g in plan.goals}
        named = [g for g in plan.goals if shares_a_word(text, aim_of[g.id], plan.language)]
    return named[0] if len(named) == 1 else None


def _goal_named(plan: StrategyPlan, text: str) -> Goal | None:
    """The goal the question names, else the only goal."""
    said = _goal_said(plan, text)
    if said is not None or cues.search("goal_reference", plan.language, text) is not None:
        return said
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
