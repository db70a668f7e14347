"""A value corrected against the one said before ("its 1.4m not 1.2", "students 480, not
520"): found in the plan by its old value (staff, revenue, followers, a metric, a goal) and
replaced, or recorded as today's value of the KPI it belongs to."""

from __future__ import annotations

from datetime import date

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.drafting import shown_number
from assistant.coaching.edits import GoalEdit, change_goal
from assistant.coaching.facts import Facts, GoalCandidate
from assistant.coaching.serving import goal_kpi_ids
from assistant.coaching.state import SessionState
from assistant.coaching.units import money
from assistant.coaching.upkeep import record_metric
from assistant.understanding import cues
from assistant.understanding.quantities import read_amounts

SCALES = (1.0, 1e3, 1e6)  # "1.2" for 1,200,000 said again as "1.2m"


def _rescaled(value: float, old: float, new: float) -> float | None:
    """``new`` in the scale of ``value`` when ``value`` is ``old`` in some scale, else None."""
    for scale in SCALES:
        if old and abs(value - old * scale) <= 0.01 * abs(value):
            return new if 0.2 <= new / value <= 5 else new * scale
    return None


def _fields_named(words: str, language: str) -> tuple[str, ...]:
    """ "admin hours target is 8, not 19": the goal field the owner names, else both."""
    if cues.search("target_named", language, words):
        return ("target",)
    if cues.search("baseline_named", language, words):
        return ("baseline",)
    return ("baseline", "target")


def replace_value(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """A fact found by the value it had: the profile's staff or revenue, then a goal's
    today's value or target."""
    if command.old is None or command.target is None:
        return
    say, plan = say_for(state), state.plan
    profile = plan.profile
    if command.metric not in (None, "other", *PROFILE_VALUES):  # "aktive kunder er 600, ikke 14"
        _replace_in_plan(state, command, facts, today, outcome)  # never the 14 mill revenue
        return
    if profile.staff and (new := _rescaled(profile.staff, command.old, command.target)):
        profile.staff = int(new)
        outcome.changes.append(say.say("staff_changed", staff=profile.staff))
        return
    revenue = profile.annual_revenue
    if revenue and (new := _rescaled(revenue.amount, command.old, command.target)):
        profile.annual_revenue = revenue.model_copy(update={"amount": new})
        outcome.changes.append(say.say("revenue_changed", revenue=money(profile.annual_revenue)))
        return
    _replace_in_plan(state, command, facts, today, outcome)


PROFILE_VALUES = ("staff", "revenue", "social_followers")  # figures of the profile itself


def _replace_in_plan(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """The figure held by value among the followers, the metrics and the goals."""
    if command.old is None or command.target is None:
        return
    say, plan = say_for(state), state.plan
    marketing = plan.current_state.marketing
    followers = marketing.social_followers
    if followers and (new := _rescaled(followers, command.old, command.target)):
        marketing.social_followers = int(new)
        outcome.changes.append(f"{say.label('edit_fields', 'followers')}: {int(new)}")
        _restart_from(state, followers, new)
        return
    for metric in plan.current_state.metrics:
        if metric.value is not None and (
            new := _rescaled(metric.value, command.old, command.target)
        ):
            old, metric.value = metric.value, new
            outcome.changes.append(f"{metric.name}: {shown_number(new, state.language)}")
            _restart_from(state, old, new)  # "grow trial signups by 50 %" of 180, not of 300
            return
    fields = _fields_named(command.words or facts.said, state.language)
    named = command.metric if command.metric not in (None, "other") else None
    if named and any(m.value == command.target for m in plan.current_state.metrics):
        return  # "aktive kunder er 600, ikke 14": the figure noted, no goal's 14 as well
    for number, candidate in enumerate(state.candidates if not plan.goals else [], start=1):
        if named and candidate.kpi_id != named:  # "aktive kunder er 600": not the 14 contracts
            continue
        for name in fields:
            held = getattr(candidate, name)
            if held is not None and (new := _rescaled(held.value, command.old, command.target)):
                if name == "baseline":
                    _start_from(candidate, new)  # "+50 %" of 180, not of 300
                else:
                    candidate.target = held.model_copy(update={"value": new})
                field = say.label("edit_fields", name)
                change = say.say("edit_field", field=field, value=shown_number(new, say.language))
                outcome.changes.append(say.say("goal_changed", number=number, changes=change))
                return
    for number, goal in enumerate(plan.goals, start=1):
        if named and named not in goal_kpi_ids(goal, state.language):
            continue
        for name in fields:
            held = getattr(goal, name)
            if held is None or held.value is None:
                continue
            if (new := _rescaled(held.value, command.old, command.target)) is not None:
                changes = change_goal(plan, goal, GoalEdit(**{name: new}), today)
                if changes:  # "I'm keeping 1.5": the goal holds it already
                    outcome.changes.append(
                        say.say("goal_changed", number=number, changes="; ".join(changes))
                    )
                return
    if command.metric and "baseline" in fields:  # "target is 8": no figure of today
        _record_metric(state, command.metric, command.target, today, outcome)


def _record_metric(
    state: SessionState, kpi_id: str, value: float, today: date, outcome: Outcome
) -> None:
    """A corrected figure the plan did not hold yet ("students 480, not 520"): today's
    value of that KPI from now on."""
    spec = load_kpi_catalogue().find_kpi(kpi_id)
    if spec is not None:
        name = record_metric(state, spec, value, None, today)
        outcome.changes.append(f"{name}: {shown_number(value, state.language)}")


def _restart_from(state: SessionState, old: float, new: float) -> None:
    """An objective that started from the corrected figure starts from the new one, and a
    relative aim ("double the followers") follows it."""
    for candidate in state.candidates:
        if candidate.baseline is not None and candidate.baseline.value == old:
            _start_from(candidate, new)


def _start_from(candidate: GoalCandidate, value: float) -> None:
    """Today's value of an objective set anew; a relative aim follows it."""
    assert candidate.baseline is not None
    candidate.baseline = candidate.baseline.model_copy(update={"value": value})
    aim = candidate.relative_target(value)
    if aim is not None and candidate.target is not None:
        candidate.target = candidate.target.model_copy(update={"value": aim})


def goal_by_value(state: SessionState, words: str) -> int | None:
    """The one goal holding a figure the owner names ("the 17 % is what booking.com charges
    us, drop that one"), by its place in the list."""
    said = {a.amount.value for a in read_amounts(words, state.plan.language)}
    held = state.plan.goals if state.plan.goals else state.candidates
    matching = [
        n
        for n, goal in enumerate(held)
        if said & {f.value for f in (goal.baseline, goal.target) if f is not None}
    ]
    return matching[0] if len(matching) == 1 else None
