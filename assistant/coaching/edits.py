"""Changes the owner makes to the plan by hand (in the web app), outside the chat.

An edit is applied at once: the goal's SMART check reruns, a goal sentence the coach wrote is
rewritten with the new numbers (one the owner or the model worded is left alone), and the
change is remembered in ``SessionState.owner_edits`` so the coach acknowledges it in the
next turn. A bad value is refused with a message in the plan's language; nothing changes then.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.coaching.aims import filled
from assistant.coaching.catalogue import KpiSpec, load_kpi_catalogue
from assistant.coaching.drafting import (
    goal_statement,
    horizon_for,
    kpi_of,
    lane_fields,
    proposal_note,
    shown_number,
)
from assistant.coaching.messages import Messages
from assistant.coaching.plan import (
    Baseline,
    Direction,
    Goal,
    Horizon,
    Initiative,
    Kpi,
    Money,
    Priority,
    StrategyPlan,
    Target,
)
from assistant.coaching.smart import check_goal
from assistant.coaching.state import SessionState
from assistant.coaching.words import shares_a_word
from assistant.extraction.dates import extract_deadline
from assistant.understanding.objective_units import TIME_UNITS


class EditRefused(ValueError):
    """The edit cannot be applied; the message says why, in the plan's language."""


class GoalEdit(BaseModel):
    """New values for a goal; ``None`` leaves a field as it is."""

    model_config = ConfigDict(extra="forbid")

    statement: str | None = Field(default=None, max_length=500)
    metric: str | None = Field(default=None, max_length=200, description="what the goal counts")
    baseline: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    target: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    deadline: str | None = Field(default=None, description="a date in any supported wording")
    direction: Direction | None = Field(default=None, description="which way the goal goes")
    unit: str | None = Field(default=None, max_length=20, description="hours, days, %, …")


class InitiativeEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    horizon: Horizon | None = None
    priority: Priority | None = None


class ProfileEdit(BaseModel):
    """New values for the business profile (the "What I understood" table); ``None`` or an
    unchanged value leaves a field as it is."""

    model_config = ConfigDict(extra="forbid")

    business_name: str | None = Field(default=None, max_length=200)
    industry: str | None = Field(default=None, max_length=200)
    staff: int | None = Field(default=None, ge=1, le=1_000_000)
    revenue: float | None = Field(default=None, ge=0, le=1e12, allow_inf_nan=False)
    markets: str | None = Field(default=None, max_length=300)


EditKind = Literal["goal", "initiative"]


def _parse_deadline(text: str, today: date, say: Messages, language: str) -> date:
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        found = extract_deadline(text, language, today)
        if found is None:
            raise EditRefused(say.say("edit_bad_deadline", value=text)) from None
        day = found.date
    if day <= today:
        raise EditRefused(say.say("edit_past_deadline", value=day.isoformat()))
    return day


def _field(say: Messages, field: str, value: str) -> str:
    return say.say("edit_field", field=say.label("edit_fields", field), value=value)


def _number(value: float, unit: str | None, say: Messages) -> str:
    """ "250", "40%", "12 hours" in the plan's language ("units" is no word an owner uses)."""
    shown = shown_number(value, say.language)  # "8 000 000", never "8e+06"
    if unit == "%":
        return f"{shown}%"
    return f"{shown} {say.label('units', unit or 'units')}".strip()


def edit_goal(state: SessionState, goal_id: str, edit: GoalEdit, today: date) -> str:
    """Apply ``edit`` to the goal; returns the change in words (also queued for the coach)."""
    plan = state.plan
    say = Messages(plan.language)
    goal = next((g for g in plan.goals if g.id == goal_id), None)
    if goal is None:
        raise EditRefused(say.say("edit_unknown_item", item=goal_id))
    changes = change_goal(plan, goal, edit, today)
    if not changes:
        return ""
    number = plan.goals.index(goal) + 1  # as the owner sees it, never the id "g4"
    return _remember(state, say.say("edit_goal_done", goal=number, changes="; ".join(changes)))


def change_goal(plan: StrategyPlan, goal: Goal, edit: GoalEdit, today: date) -> list[str]:
    """Apply ``edit`` to ``goal`` of ``plan``: the statement the coach wrote is rendered again
    from the new numbers and the SMART check reruns. Returns each change in words."""
    say = Messages(plan.language)
    before = goal.model_copy(deep=True)
    coach_worded = goal.statement == statement_of(before, plan.language)
    changes: list[str] = []
    unit = goal.target.unit if goal.target else (goal.baseline.unit if goal.baseline else None)
    # the edit form sends every field: a value as it already is is no change (an estimated
    # baseline must not turn "measured", a deadline now past must not block other edits)
    if edit.baseline is not None and not (goal.baseline and goal.baseline.value == edit.baseline):
        goal.baseline = Baseline(
            value=edit.baseline, unit=unit or "units", date=today, status="measured"
        )
        goal.measuring_step = None
        changes.append(_field(say, "baseline", _number(edit.baseline, unit, say)))
        if goal.target is None and goal.change_percent is not None and edit.target is None:
            aim = round(edit.baseline * (1 + goal.change_percent / 100), 2)  # "by 20 %" of it
            goal.target = Target(value=aim, unit=unit or "units")
            goal.change_percent = None
            changes.append(_field(say, "target", _number(aim, unit, say)))
    if edit.target is not None and not (goal.target and goal.target.value == edit.target):
        goal.target = Target(value=edit.target, unit=unit or "units")  # the owner's: given
        goal.target_kept = False  # a new target is judged afresh
        changes.append(_field(say, "target", _number(edit.target, unit, say)))
    pair = edit.baseline is not None and edit.target is not None and edit.baseline != edit.target
    known = goal.baseline and goal.baseline.value is not None and goal.target is not None
    if (goal.direction is None or pair) and known:
        # the owner's verb keeps the direction; numbers the other way are flagged, not obeyed,
        # unless the owner restates the whole pair ("from 9 to 20"): then it goes that way
        way = "increase" if goal.target.value >= goal.baseline.value else "decrease"
        if pair and goal.direction and way != goal.direction and not edit.direction:
            changes.append(_field(say, "direction", say.say(f"verb_{way}").lower()))
        goal.direction = way
    if edit.direction and edit.direction != goal.direction:  # "goal 3 should go up, not down"
        goal.direction = edit.direction
        changes.append(_field(say, "direction", say.say(f"verb_{edit.direction}").lower()))
    if edit.unit and edit.unit != unit:  # "mål 2 er i TIMER, ikke dager"
        goal.baseline = goal.baseline and goal.baseline.model_copy(update={"unit": edit.unit})
        goal.target = goal.target and goal.target.model_copy(update={"unit": edit.unit})
        changes.append(_field(say, "unit", say.label("units", edit.unit)))
    current = goal.deadline.isoformat() if goal.deadline else None
    if edit.deadline and edit.deadline.strip() != current:
        goal.deadline = _parse_deadline(edit.deadline, today, say, plan.language)
        goal.deadline_status = "given"
        goal.horizon = horizon_for(today, goal.deadline)
        changes.append(_field(say, "deadline", goal.deadline.isoformat()))
    name = (edit.metric or "").strip()
    if name and name != goal.metric:  # "call it 'EV installs as a share of turnover'"
        goal.metric, goal.aim = name, None  # the owner's name replaces their aim's words
        _count_as_named(goal, name, say)  # "visitors per night": no longer "35 bookings"
        _kpi_as_named(goal, name, plan.language)  # "время ответа с ценой": measured as that
        changes.append(_field(say, "name", say.say("owner_quote", words=name)))
    if goal.aim and goal.target:  # "sälja till 4 arbetsgivare": the aim says the new target
        goal.metric = filled(goal.aim, shown_number(goal.target.value, plan.language))
    statement = (edit.statement or "").strip()
    if statement and statement != before.statement:
        goal.statement = statement
        changes.append(_field(say, "wording", say.say("owner_quote", words=statement)))
    elif coach_worded:
        goal.statement = statement_of(goal, plan.language)
    if changes:
        goal.smart = check_goal(goal, plan.objectives, today, plan.language).letters
    return changes


MEASURES = ("%", "hours", "days", "minutes", "weeks", "months", "points", "stars")


def _kpi_as_named(goal: Goal, name: str, language: str) -> None:
    """A goal renamed after another catalogue KPI counted in its unit ("time to answer with
    a price" for "order lead time", both in days): it is measured as the new name says. A
    catalogue KPI the new name no longer names gives way to the owner's own words ("the
    number of Google reviews" is no average rating)."""
    figure = goal.target or goal.baseline
    catalogue = load_kpi_catalogue()
    spec = catalogue.find_kpi(kpi_named(name, figure and figure.unit, language))
    if spec is not None:
        if not (goal.kpis and goal.kpis[0].name == spec.name.get(language)):
            goal.kpis = [kpi_of(spec, language)]
        return
    old = catalogue_kpi_of(goal.kpis, language)
    if old is None and goal.kpis:  # the owner's own measure takes the new name with it
        goal.kpis[0] = goal.kpis[0].model_copy(update={"name": name[:1].upper() + name[1:]})
    elif old is not None and kpi_kept(old.id, name, language) is None:
        own = goal.kpis[0].source
        kept_source = own if own not in old.written("source", language) else None
        goal.kpis = [Kpi(name=name, source=kept_source, cadence=goal.kpis[0].cadence)]


def catalogue_kpi_of(kpis: list[Kpi], language: str) -> KpiSpec | None:
    """The catalogue KPI a goal's first KPI is (a goal keeps its KPI by name), if any."""
    if not kpis:
        return None
    named = kpis[0].name
    return next((k for k in load_kpi_catalogue().kpis if k.name.get(language) == named), None)


def kpi_kept(kpi_id: str | None, name: str, language: str) -> str | None:
    """The KPI a goal keeps when the owner renames it: only one the new name still names."""
    return kpi_id if kpi_id in load_kpi_catalogue().find_kpis(name, language) else None


COUNTS = ("%", "currency", "hours", "days", "score")  # a KPI in these is no plain count


def kpi_named(name: str, unit: str | None, language: str) -> str | None:
    """The catalogue KPI a goal's new name names, when the goal is counted in its unit (a
    figure with no unit is a plain count: "86 to 200" can be reviews, never a rating)."""
    found = load_kpi_catalogue().find_kpis(name, language)
    spec = load_kpi_catalogue().find_kpi(found[0]) if found else None
    if spec is None:
        return None
    if unit is None:
        return spec.id if spec.unit not in COUNTS else None
    return spec.id if same_measure(unit, spec.unit) else None


def same_measure(unit: str, kpi_unit: str) -> bool:
    return unit == kpi_unit or (unit in TIME_UNITS and kpi_unit in TIME_UNITS)


def _count_as_named(goal: Goal, name: str, say: Messages) -> None:
    """A goal renamed to count something else: a unit word the new name does not say goes
    ("from 35 bookings to 70" for visitors per night); measures and currencies stay."""
    unit = goal.target.unit if goal.target else None
    if not unit or unit in MEASURES or unit == "units" or unit.isupper():
        return
    if shares_a_word(name, f"{unit} {say.label('units', unit)}", say.language):
        return
    goal.target = goal.target.model_copy(update={"unit": "units"}) if goal.target else None
    if goal.baseline is not None and goal.baseline.unit == unit:
        goal.baseline = goal.baseline.model_copy(update={"unit": "units"})


def edit_initiative(state: SessionState, item_id: str, edit: InitiativeEdit, today: date) -> str:
    say = Messages(state.plan.language)
    title, changes = change_initiative(state.plan, item_id, edit, today)
    if not changes:
        return ""
    return _remember(state, say.say("edit_item_done", item=title, changes="; ".join(changes)))


def change_initiative(
    plan: StrategyPlan, item_id: str, edit: InitiativeEdit, today: date
) -> tuple[str, list[str]]:
    """Move an initiative to another horizon or give it a priority; returns its title and
    each change in words."""
    say = Messages(plan.language)
    item = next((i for i in plan.roadmap if i.id == item_id), None)
    if item is None:
        raise EditRefused(say.say("edit_unknown_item", item=item_id))
    changes: list[str] = []
    if edit.horizon and edit.horizon != item.horizon:
        item = Initiative.model_validate({**item.model_dump(), **lane_fields(edit.horizon, today)})
        plan.roadmap = [item if i.id == item_id else i for i in plan.roadmap]
        changes.append(_field(say, "horizon", say.label("horizons", edit.horizon)))
    if edit.priority and edit.priority != item.priority:
        item.priority_override = edit.priority
        changes.append(_field(say, "priority", say.label("priorities", edit.priority)))
    return item.title, changes


def first_in_lane(plan: StrategyPlan, item_id: str) -> bool:
    """Put the initiative first in its lane, as the owner asked; whether that moved it."""
    item = next(i for i in plan.roadmap if i.id == item_id)
    lane = [i for i in plan.roadmap if i.horizon == item.horizon]
    for other in lane:
        other.put_first = other.id == item_id
    if lane[0].id == item_id:
        return False
    rest = [i for i in plan.roadmap if i.id != item_id]
    at = rest.index(lane[0])
    plan.roadmap = [*rest[:at], item, *rest[at:]]
    return True


def edit_profile(state: SessionState, edit: ProfileEdit) -> str:
    """Apply the owner's fixes to the profile; each changed field is noted as edited."""
    plan = state.plan
    say = Messages(plan.language)
    profile = plan.profile
    wanted: dict[str, object] = {
        "business_name": (edit.business_name or "").strip() or None,
        "industry": (edit.industry or "").strip() or None,
        "staff": edit.staff,
        "markets": [m.strip() for m in (edit.markets or "").split(",") if m.strip()] or None,
    }
    if edit.revenue is not None:
        currency = profile.annual_revenue.currency if profile.annual_revenue else None
        home = HOME_CURRENCY.get(plan.language, "EUR")
        wanted["annual_revenue"] = Money(amount=edit.revenue, currency=currency or home)
    changes = []
    for field, value in wanted.items():
        if value is None or getattr(profile, field) == value:
            continue
        setattr(profile, field, value)
        key = "revenue" if field == "annual_revenue" else field
        shown = money_text(value) if isinstance(value, Money) else _listed(value)
        changes.append(
            say.say("edit_field", field=say.label("understood_fields", key), value=shown)
        )
        state.understood[key] = say.say("understood_edited")
    if not changes:
        return ""
    return _remember(state, "; ".join(changes))


HOME_CURRENCY = {"en": "GBP", "nb": "NOK", "sv": "SEK", "ru": "RUB"}


def money_text(amount: Money) -> str:
    return f"{amount.amount:,.0f} {amount.currency}".replace(",", " ")


def _listed(value: object) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def confirm_said(goal: Goal, target: float | None, deadline: date | None, language: str) -> bool:
    """ "yes, December 2027 is fine for goal 2": a value the coach proposed, said back by the
    owner as it is, is theirs now; the statement no longer asks to confirm it."""
    confirmed = False
    if deadline is not None and deadline == goal.deadline and goal.deadline_status == "proposed":
        goal.deadline_status, confirmed = "given", True
    said = goal.target is not None and target is not None and goal.target.value == target
    if said and goal.target.status == "proposed":
        goal.target, confirmed = goal.target.model_copy(update={"status": "given"}), True
    if confirmed:
        goal.statement = statement_of(goal, language)
    return confirmed


def statement_of(goal: Goal, language: str) -> str:
    proposed = [
        name
        for name, status in (
            ("target", goal.target.status if goal.target else "given"),
            ("deadline", goal.deadline_status),
        )
        if status == "proposed"
    ]
    written = goal_statement(
        goal.metric or "",
        goal.direction,
        goal.baseline,
        goal.target,
        goal.deadline,
        language,
        goal.change_percent,
        milestone=not goal.kpis and (goal.baseline is None or goal.baseline.value is None),
        period=goal.period,
        hold=goal.hold,
        aim=goal.aim,
    )
    return written + proposal_note(proposed, language)


def _remember(state: SessionState, change: str) -> str:
    state.owner_edits.append(change)
    return change


def plan_after_edit(plan: StrategyPlan) -> StrategyPlan:
    """The plan validated again as a whole (ids, dates), so a bad edit never gets saved."""
    return StrategyPlan.model_validate(plan.model_dump(mode="json"))
