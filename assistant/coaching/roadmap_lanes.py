"""Where each initiative of the roadmap goes: the lanes Now, Next and Later a small team can
carry, the goals' deadlines, and what each initiative depends on; and how much it counts
here (its impact for this business)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from assistant.coaching.catalogue import InitiativeSpec
from assistant.coaching.drafting import HORIZON_QUARTERS, lane_quarter, quarter_of
from assistant.coaching.plan import Goal, Initiative, Objective, StrategyPlan, quarter_index

ALWAYS = ("measure_baselines", "monthly_review")  # the planning routine of every plan
ROUTINE_IMPACT = 2  # the planning routine's weight: a medium priority beside the real work
NOW_CAPACITY = 3  # initiatives a small team starts at once, besides the planning routine
MIN_NOW = 2  # projects Now holds however short the plan
SMALL_TEAM = 4  # people: a team this small starts one project fewer at once
LANES = ("short", "medium", "long")


@dataclass
class Pick:
    spec: InitiativeSpec
    objective: Objective | None = None  # the owner's objective it serves, if any
    also: list[Objective] = field(default_factory=list)  # more objectives it serves
    primary: bool = False  # the best initiative for its objective
    pain: str | None = None  # the owner's words describing the problem it solves
    asked: str | None = None  # the owner's words asking for it ("could you add a Google profile")
    horizon: str = ""  # the lane it is planned in (its catalogue horizon until placed)
    due: str = "long"  # the lane by which the goals it serves are due
    due_on: date | None = None  # the soonest deadline of the goals it serves
    needed_by: InitiativeSpec | None = None  # the chosen step that cannot start without it
    due_now: bool = False  # a goal it serves is due by the end of Now's quarter
    covered: list[str] = field(default_factory=list)  # planned steps it does itself

    def due_in_now(self) -> bool:
        """A goal it serves is due within Now: by its horizon or by the end of its quarter."""
        return self.due == "short" or self.due_now


def set_due(plan: StrategyPlan, pick: Pick, today: date) -> None:
    """The lane and the day by which the goals a step serves are due: a goal due by the end
    of Now's quarter is due in Now, however many days away that is."""
    served = {o.id for o in [pick.objective, *pick.also] if o is not None}
    goals = [g for g in plan.goals if g.objective_id in served]
    lanes = [g.horizon for g in goals if g.horizon in LANES]
    pick.due = min(lanes, key=LANES.index, default="long")
    pick.due_on = min((g.deadline for g in goals if g.deadline), default=None)
    end_of_now = quarter_index(lane_quarter(today))
    pick.due_now = pick.due_on is not None and quarter_index(quarter_of(pick.due_on)) <= end_of_now


def now_capacity(staff: int | None) -> int:
    """Projects this team can start at once: one fewer for a team of a few people."""
    return NOW_CAPACITY - 1 if staff is not None and staff <= SMALL_TEAM else NOW_CAPACITY


def place(picks: list[Pick], capacity: int = NOW_CAPACITY) -> None:
    """Lanes a small team can carry: the best initiative for each objective starts now, the
    one for the aim the owner said first before all, then the soonest-due goals (a camp due
    in May before a site due next December), then in the order the owner gave the
    objectives, then the steps for problems the owner described, up to ``capacity``; the
    rest waits for Next. The best step for a goal due within Now starts now whatever the
    load (timesheets due on 1 March). The planning routine is always Now, and nothing starts
    before what it depends on; Now never holds more than half the plan's projects, so the
    year ahead has its own steps."""
    projects = sum(p.spec.id not in ALWAYS for p in picks)
    capacity = min(capacity, max(MIN_NOW, -(-projects // 2)))
    started = 0
    lead = next((p for p in picks if p.primary), None)  # picks come in the owner's order
    soonest = sorted(
        picks,
        key=lambda p: (
            not (p.primary or (p.pain and p.objective is not None)),
            p is not lead,
            not p.pain,
            LANES.index(p.due),
            p.due_on or date.max,
        ),
    )
    for pick in soonest:
        routine = pick.spec.id in ALWAYS
        first = pick.primary or pick.pain is not None
        wanted = "short" if first else min(pick.spec.horizon, pick.due, key=LANES.index)
        if routine or (pick.primary and pick.due_in_now()):
            pick.horizon = "short"
            started += 0 if routine else 1
        elif wanted == "short" and started < capacity:
            pick.horizon, started = "short", started + 1
        else:  # Now is full: a second step for a goal due soon waits for Next
            pick.horizon = "medium" if wanted == "short" else wanted
    _later_when_next_is_full(picks)
    _needed_first(picks, lead)
    _within_capacity(picks, capacity, lead)


def _needed_first(picks: list[Pick], lead: Pick | None) -> None:
    """Nothing starts before what it builds on. What a step needs starts in the step's lane
    at the latest; in Now it starts first and the step follows in Next ("CRM basics" now,
    the sales pipeline next), unless the step's goal is due within Now or it is the best
    step for the aim the owner said first (the register and the recall reminders both
    start now). A minor step waits for what it needs."""
    by_id = {p.spec.id: p for p in picks}
    for pick in picks:
        urgent = pick.primary and (pick.due_in_now() or pick is lead)
        needed = [by_id[d] for d in pick.spec.depends_on if d in by_id]
        late = [n for n in needed if _starts_after(n, pick.horizon, urgent)]
        if not late:
            continue
        if urgent or pick.primary or pick.asked or pick.pain or pick.needed_by:
            for first in late:  # the best step for a goal keeps its place for what it needs
                first.horizon = pick.horizon
        else:
            pick.horizon = max((n.horizon for n in late), key=LANES.index)
        if pick.horizon == "short" and not urgent:
            pick.horizon = "medium"


def _within_capacity(picks: list[Pick], capacity: int, lead: Pick | None) -> None:
    """What the first aim's step brought into Now with it leaves a later step's place: Now
    keeps ``capacity`` projects, the steps of goals due within it whatever their number;
    the least owed step moves to Next, never one a step staying in Now builds on."""
    now = [p for p in picks if p.horizon == "short" and p.spec.id not in ALWAYS]
    kept = {p.spec.id for p in now if p is lead or (p.primary and p.due_in_now())}
    kept |= {d for p in now if p.spec.id in kept for d in p.spec.depends_on}
    movable = [p for p in now if p.spec.id not in kept]
    movable.sort(key=lambda p: (p.primary, p.pain is not None, p.spec.impact * p.spec.feasibility))
    for pick in movable[: max(0, len(now) - capacity)]:
        if not any(
            d == pick.spec.id for p in now if p.horizon == "short" for d in p.spec.depends_on
        ):
            pick.horizon = "medium"


def _starts_after(needed: Pick, lane: str, urgent: bool) -> bool:
    """Whether a step ``needed`` first would not be done before a step in ``lane`` starts:
    it is planned later, or beside it in Now (one quarter) when that is not a must."""
    later = LANES.index(needed.horizon) > LANES.index(lane)
    return later or (needed.horizon == lane == "short" and not urgent)


NEXT_CAPACITY = 5  # steps a small team takes on over the rest of the year


def _later_when_next_is_full(picks: list[Pick]) -> None:
    """Next holds what a small team can do this year: beyond ``NEXT_CAPACITY``, further
    steps for goals due in a later year wait for Later, the least valuable first; the best
    step for each goal, the owner's own asks and the groundwork stay."""
    following = [p for p in picks if p.horizon == "medium"]
    movable = [
        p
        for p in following
        if p.due == "long" and p.objective is not None and not (p.primary or p.asked or p.pain)
    ]
    movable.sort(key=lambda p: p.spec.impact * p.spec.feasibility)
    for pick in movable[: max(0, len(following) - NEXT_CAPACITY)]:
        pick.horizon = "long"


def too_late(pick: Pick) -> bool:
    """A further step for a goal that could only start after the goal is due (Now is full,
    the goal is due within it): it would not help that goal, so it is not proposed."""
    extra = pick.objective is not None and not (pick.primary or pick.asked or pick.pain)
    return extra and LANES.index(pick.horizon) > LANES.index(pick.due)


NEXT_PER_QUARTER = 2  # steps a small team starts in one quarter of the Next lane


def stagger_next(roadmap: list[Initiative], today: date, goals: list[Goal]) -> None:
    """Next is the rest of the year: its steps start two a quarter, those for the soonest-due
    goal first, then the highest priority, so the timeline shows what comes first rather
    than every step in every quarter; a step for a goal due within the lane starts no later
    than the goal's quarter and ends with it (a summer camp due in May is not worked on
    until December)."""
    first, last = HORIZON_QUARTERS["medium"]
    due = {g.id: g.deadline for g in goals if g.deadline}
    by_deadline = {
        item.id: min((due[g] for g in item.goal_ids if g in due), default=None) for item in roadmap
    }
    following = needed_first(  # what a step builds on starts no later than the step
        sorted(
            (item for item in roadmap if item.horizon == "medium"),
            key=lambda item: (
                by_deadline[item.id] or date.max,
                -(item.impact or 0) * (item.feasibility or 0),
            ),
        )
    )
    for number, item in enumerate(following):
        offset = min(first + number // NEXT_PER_QUARTER, last)
        deadline = by_deadline[item.id]
        due_at = _offset_of(deadline, today) if deadline else last
        item.start = lane_quarter(today, max(first, min(offset, due_at)))
        if due_at < last:  # due within the lane: done by the goal's quarter
            item.end = lane_quarter(today, max(first, due_at))


def _offset_of(day: date, today: date) -> int:
    """How many quarters into the plan ``day`` falls (0: the plan's first quarter)."""
    return quarter_index(quarter_of(day)) - quarter_index(lane_quarter(today))


def prerequisites(
    picks: list[Pick], offer: list[InitiativeSpec], tools: Collection[str] = ()
) -> list[Pick]:
    """What a chosen step needs first and the plan lacks ("recall reminders" need the
    customer list of "CRM basics"), when it fits the business and was not removed."""
    fits = {s.id: s for s in offer}
    taken = {p.spec.id for p in picks}
    needed: list[Pick] = []
    missed = {p.spec.id for p in picks if p.pain}  # "booked by phone into a paper diary"
    for pick in picks:
        _needs_its_system(pick, missed, tools)
        for wanted in pick.spec.depends_on:
            if wanted in fits and wanted not in taken:
                needed.append(Pick(fits[wanted], needed_by=pick.spec))
                taken.add(wanted)
    return needed


def merge_covered(picks: list[Pick]) -> list[Pick]:
    """The plan without the steps another planned step does itself (the booking system
    sends the reminders and takes the payment): what they served, it serves, from the place
    of whichever came first, so a merged step for the aim said first still leads."""
    merged = list(picks)
    for pick in picks:
        for step in pick.spec.covers:
            gone = next((p for p in merged if p.spec.id == step), None)
            if gone is None or pick not in merged:
                continue
            at = min(merged.index(pick), merged.index(gone))
            _take_over(pick, gone, first=merged[at])
            merged.remove(gone)
            merged.remove(pick)
            merged.insert(at, pick)
    return merged


def _take_over(pick: Pick, gone: Pick, first: Pick) -> None:
    """``pick`` serves what ``gone`` served, the objective of the ``first`` of them as its
    own."""
    other = gone if first is pick else pick
    served = [first.objective, *first.also, other.objective, *other.also]
    own = first.objective or other.objective
    pick.objective = own
    pick.also = []
    for objective in served:
        if objective is not None and objective is not own and objective not in pick.also:
            pick.also.append(objective)
    pick.primary = pick.primary or gone.primary
    pick.pain, pick.asked = pick.pain or gone.pain, pick.asked or gone.asked
    pick.covered.append(gone.spec.id)


def _needs_its_system(pick: Pick, missed: Collection[str], tools: Collection[str]) -> None:
    """A step done in a system the owner said they lack (reminders with a paper diary)
    builds on the plan's step that sets that system up; an owner who never said how they
    book is not sold a booking system for the reminders."""
    system = pick.spec.runs_in
    if system is None or system.step not in missed or set(system.had_as) & set(tools):
        return
    if system.step not in pick.spec.depends_on:
        needs = [*pick.spec.depends_on, system.step]
        pick.spec = pick.spec.model_copy(update={"depends_on": needs})


LEADING_OBJECTIVES = 2  # the objectives said first, whose best steps count for more


def impact_here(pick: Pick, plan: StrategyPlan) -> int:
    """The catalogue's impact for this business: more for a step the owner asked for or
    described the problem of, and for the best step towards one of the objectives they
    said first (most for their first), so not every step of a plan is "high"; more for the
    best step for a goal due within Now; less for groundwork no objective calls for."""
    impact = pick.spec.impact
    if pick.spec.id in ALWAYS:  # the planning routine is done alongside, never "high"
        return min(impact, ROUTINE_IMPACT)
    ranked = [o.id for o in plan.objectives]
    said_at = ranked.index(pick.objective.id) if pick.objective in plan.objectives else None
    if pick.asked or pick.pain:
        impact += 1
    elif pick.primary and said_at is not None and said_at < LEADING_OBJECTIVES:
        impact += 2 if said_at == 0 else 1
    elif pick.objective is None:
        impact -= 1
    if pick.primary and pick.due_in_now():  # "all orders in one place by 8 March": urgent
        impact += 1
    return max(1, min(5, impact))


def needed_first(roadmap: list[Initiative]) -> list[Initiative]:
    """The roadmap in its order, except that a step comes before the steps of its lane that
    build on it ("CRM basics" before the recall reminders that need its register)."""
    ordered: list[Initiative] = []
    by_id = {i.id: i for i in roadmap}

    def add(item: Initiative) -> None:
        if item in ordered:
            return
        for needed in item.depends_on:
            first = by_id.get(needed)
            if first is not None and first.horizon == item.horizon:
                add(first)
        ordered.append(item)

    for item in roadmap:
        add(item)
    return ordered
