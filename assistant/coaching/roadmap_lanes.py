"""Where each initiative of the roadmap goes: the lanes Now, Next and Later a small team can
carry, the goals' deadlines, and what each initiative depends on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assistant.coaching.catalogue import InitiativeSpec
from assistant.coaching.drafting import HORIZON_QUARTERS, lane_quarter
from assistant.coaching.plan import Initiative, Objective, StrategyPlan

ALWAYS = ("measure_baselines", "monthly_review")  # the planning routine of every plan
NOW_CAPACITY = 3  # initiatives a small team starts at once, besides the planning routine
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


def due_lane(plan: StrategyPlan, pick: Pick) -> str:
    served = {o.id for o in [pick.objective, *pick.also] if o is not None}
    lanes = [g.horizon for g in plan.goals if g.objective_id in served and g.horizon in LANES]
    return min(lanes, key=LANES.index, default="long")


def place(picks: list[Pick]) -> None:
    """Lanes a small team can carry: the best initiative for each objective starts now, the
    soonest-due goals first, then in the order the owner gave the objectives, up to
    ``NOW_CAPACITY``; other quick wins fill what is left of Now and the rest waits for Next.
    The best step for a goal due within Now starts now (timesheets due on 1 March), and
    counts towards Now; other work for a goal starts no later than the lane the goal is due
    in while Now has room. The planning routine is always Now, and nothing starts before
    what it depends on."""
    started = 0
    for pick in sorted(picks, key=lambda p: (not p.primary, LANES.index(p.due))):
        routine = pick.spec.id in ALWAYS
        wanted = "short" if pick.primary else min(pick.spec.horizon, pick.due, key=LANES.index)
        if routine or (pick.primary and pick.due == "short"):
            pick.horizon = "short"
            started += 0 if routine else 1
        elif wanted == "short" and started < NOW_CAPACITY:
            pick.horizon, started = "short", started + 1
        else:  # Now is full: a second step for a goal due soon waits for Next
            pick.horizon = "medium" if wanted == "short" else wanted
    lane = {p.spec.id: p.horizon for p in picks}
    for pick in picks:
        after = [LANES.index(lane[d]) for d in pick.spec.depends_on if d in lane]
        if after and max(after) > LANES.index(pick.horizon):
            pick.horizon = LANES[max(after)]


def too_late(pick: Pick) -> bool:
    """A further step for a goal that could only start after the goal is due (Now is full,
    the goal is due within it): it would not help that goal, so it is not proposed."""
    extra = pick.objective is not None and not (pick.primary or pick.asked or pick.pain)
    return extra and LANES.index(pick.horizon) > LANES.index(pick.due)


NEXT_PER_QUARTER = 2  # steps a small team starts in one quarter of the Next lane


def stagger_next(roadmap: list[Initiative], today: date) -> None:
    """Next is the rest of the year: its steps start two a quarter, the highest priority
    first, so the timeline shows what comes first rather than every step in every quarter."""
    first, last = HORIZON_QUARTERS["medium"]
    following = sorted(
        (item for item in roadmap if item.horizon == "medium"),
        key=lambda item: -(item.impact or 0) * (item.feasibility or 0),
    )
    for number, item in enumerate(following):
        item.start = lane_quarter(today, min(first + number // NEXT_PER_QUARTER, last))
