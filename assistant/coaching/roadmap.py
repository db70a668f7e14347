"""The roadmap, drafted from the owner's objectives and the business they run.

Every objective first gets the initiatives that serve it directly (they move its KPI, or
the owner named them), chosen only among those that fit the business (see ``business``: a
plumber is never offered a webshop, a brand leaving the marketplaces never a marketplace);
nothing is guessed from the kind of aim alone. Then the initiatives for problems the owner
described ("we miss 25 calls a day"), then the groundwork the maturity gaps call for, then
the planning routine every plan needs. Each initiative says in one line why it is in this
plan, and cites the guidance.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from assistant.coaching.audience_step import audience_picks
from assistant.coaching.business import BusinessTraits, family_words, fits_when_asked, misfit
from assistant.coaching.catalogue import InitiativeSpec, load_kpi_catalogue
from assistant.coaching.drafting import HORIZON_QUARTERS, lane_fields, lane_quarter, quarter_of
from assistant.coaching.gaps import answered_gaps
from assistant.coaching.grounding import PLAN_LANGUAGE_SLACK, best_citation
from assistant.coaching.matching import named_by_owner, priority
from assistant.coaching.messages import Messages
from assistant.coaching.plan import (
    Goal,
    Initiative,
    Objective,
    StrategyPlan,
    next_id,
    quarter_index,
)
from assistant.coaching.quiet_months import keep_quiet_months
from assistant.coaching.quiet_times import for_the_quiet_time
from assistant.coaching.roadmap_lanes import (
    ALWAYS,
    LANES,
    Pick,
    impact_here,
    merge_covered,
    needed_first,
    now_capacity,
    place,
    prerequisites,
    set_due,
    stagger_next,
    too_late,
)
from assistant.coaching.serving import (
    goal_kpi_ids,
    kpi_rank,
    serving_steps,
)
from assistant.coaching.workstreams import Reach, date_the_steps, workstream_for
from assistant.coaching.year_two import year_two_picks
from assistant.knowledge.models import SearchResult
from assistant.knowledge.service import KnowledgeBase

MAX_INITIATIVES = 10
MIN_INITIATIVES = 6
PER_OBJECTIVE = 2  # the best one, and one on another horizon
FOUNDATIONS = 2  # groundwork for the weakest maturity dimensions
SLACK = PLAN_LANGUAGE_SLACK  # a passage in the reader's language wins when nearly as close


def draft_roadmap(
    plan: StrategyPlan,
    kb: KnowledgeBase,
    today: date,
    seen: dict[str, SearchResult],
    scope: str | None = None,
    leave_out: Collection[str] = (),
    traits: BusinessTraits | None = None,
    answers: Mapping[str, Any] | None = None,
    wanted: Mapping[str, str] | None = None,
) -> None:
    """Initiatives for the owner's objectives (plus groundwork), prioritised and cited from
    the guidance ``scope`` sees; never one in ``leave_out`` (removed by the owner) or one
    that does not fit the business."""
    traits = traits or BusinessTraits()
    offer = [
        s
        for s in load_kpi_catalogue().initiatives
        if s.id not in leave_out and misfit(s.fit, traits) is None
    ]
    asked_for = [  # "online booking for the workshop": the owner's words over a shop's defaults
        s
        for s in load_kpi_catalogue().initiatives
        if s.id not in leave_out and fits_when_asked(s.fit, traits)
    ]
    ranked = {
        o.id: serving_steps(o, _goal_of(plan, o), offer, plan.language, asked_for, traits.pains)
        for o in plan.objectives
    }
    picks = _for_objectives(plan, ranked)
    picks += asked_picks(wanted or {}, {p.spec.id for p in picks}, leave_out)
    picks += _for_pains(plan, offer, picks, traits.pains)
    picks += _own_workstreams(plan, picks, traits, offer, today)
    picks += audience_picks(plan, picks, traits, offer)
    gaps = answered_gaps(answers or {}, plan.language)
    picks += _groundwork(plan, offer, picks, gaps)
    picks += _more_for_objectives(plan, ranked, picks)
    picks += year_two_picks(plan, picks, today)  # a goal due in 2028: its second year, Later
    picks += prerequisites(picks, offer, traits.tools)
    picks = merge_covered(picks)
    for pick in picks:
        set_due(plan, pick, today)
    place(picks, now_capacity(plan.profile.staff))
    picks = [p for p in picks if not too_late(p)]
    initiatives = [
        _initiative(n, p, plan, kb, today, seen, scope, gaps, traits.family)
        for n, p in enumerate(picks, 1)
    ]
    ids = {p.spec.id: i.id for p, i in zip(picks, initiatives, strict=True)}
    for pick, initiative in zip(picks, initiatives, strict=True):
        initiative.depends_on = [ids[d] for d in pick.spec.depends_on if d in ids]
    routine = {ids[s] for s in ALWAYS if s in ids}
    plan.roadmap = needed_first(  # in each lane: the owner's goals, their problems, the routine
        sorted(
            initiatives,
            key=lambda i: (
                LANES.index(i.horizon or "medium"),
                not i.goal_ids,
                i.id in routine,
                -(i.impact or 0) * (i.feasibility or 0),
            ),
        )
    )
    stagger_next(plan.roadmap, today, plan.goals)
    keep_quiet_months(plan, today)  # "no new projects March–June"
    placed = [(p.spec, i, p.due_on) for p, i in zip(picks, initiatives, strict=True)]
    date_the_steps(placed, today, plan.language)  # "by May 2027: choose …", once it has a lane


def _goal_of(plan: StrategyPlan, objective: Objective) -> Goal | None:
    return next((g for g in plan.goals if g.objective_id == objective.id), None)


def _for_objectives(plan: StrategyPlan, rankings: dict[str, list[InitiativeSpec]]) -> list[Pick]:
    picks: list[Pick] = []
    for objective in plan.objectives:
        ranked = rankings[objective.id]
        best = next((p for p in picks if ranked and p.spec.id == ranked[0].id), None)
        if best is not None:  # the best one for this objective is in the plan already
            best.also.append(objective)
        fresh = [s for s in ranked if s.id not in {p.spec.id for p in picks}]
        first = best.spec if best else (fresh[0] if fresh else None)
        chosen = [] if best or first is None else [first]
        rest = [s for s in fresh if s not in chosen and _made_for(s, objective, plan)]
        other = [s for s in rest if first and s.horizon != first.horizon]
        chosen += (other or rest)[: PER_OBJECTIVE - 1]
        picks += [Pick(s, objective, primary=s is first) for s in chosen]
    return picks[: MAX_INITIATIVES - FOUNDATIONS]


def _made_for(spec: InitiativeSpec, objective: Objective, plan: StrategyPlan) -> bool:
    """A further step for an objective is one made for its KPI (its first KPI) or one the
    owner named: a step that only touches the KPI on the side ("intake forms" for the share
    of online bookings) or shares a word with the aim ("report results" for "report hours on
    the phone") would claim a link an owner sees is false."""
    goal = _goal_of(plan, objective)
    if kpi_rank(spec, goal_kpi_ids(goal, plan.language)) == 0:
        return True
    return bool(named_by_owner(objective.owner_words, [spec], plan.language))


MAX_PAINS = 2  # initiatives added for problems the owner described, besides the objectives


def asked_picks(
    wanted: Mapping[str, str], taken: Collection[str], leave_out: Collection[str]
) -> list[Pick]:
    """The initiatives the owner asked for by name, whether or not the coach would have."""
    by_id = {s.id: s for s in load_kpi_catalogue().initiatives}
    picks = [
        Pick(by_id[spec_id], asked=words)
        for spec_id, words in wanted.items()
        if spec_id in by_id and spec_id not in taken and spec_id not in leave_out
    ]
    for pick in picks:  # asked for now: planned this year at the latest
        pick.horizon = "medium" if pick.spec.horizon == "long" else pick.spec.horizon
    return picks


def add_asked(
    plan: StrategyPlan,
    wanted: Mapping[str, str],
    kb: KnowledgeBase,
    today: date,
    seen: dict[str, SearchResult],
    scope: str | None,
    lanes: Mapping[str, str] | None = None,
) -> list[Initiative]:
    """Initiatives the owner asked for, added to a drafted roadmap in the lane they asked
    for, else their catalogue lane; what is already planned stays as the owner left it."""
    taken = {i.title for i in plan.roadmap}
    added: list[Initiative] = []
    for pick in asked_picks(wanted, (), ()):
        if pick.spec.title.get(plan.language) in taken:
            continue
        pick.horizon = (lanes or {}).get(pick.spec.id, pick.horizon)
        number = int(next_id("i", [i.id for i in plan.roadmap + added])[1:])
        added.append(_initiative(number, pick, plan, kb, today, seen, scope, {}))
    plan.roadmap += added
    plan.roadmap.sort(key=lambda i: LANES.index(i.horizon or "medium"))  # stable in each lane
    return added


def _for_pains(
    plan: StrategyPlan, offer: list[InitiativeSpec], picks: list[Pick], pains: Mapping[str, str]
) -> list[Pick]:
    """Initiatives for the problems the owner described: one already planned, or planned in
    the form this business has it, learns the words; one that fits and is not planned is
    added, serving the objective those words belong to, if any."""
    planned = {p.spec.id: p for p in picks}
    for pick in picks:  # a bakery's pre-order form is its booking: double bookings go there
        planned.update({s: pick for s in pick.spec.stands_in_for if s not in planned})
    added: list[Pick] = []
    for spec in offer:
        said = pains.get(spec.id)
        if said is None:
            continue
        if spec.id in planned:
            planned[spec.id].pain = planned[spec.id].pain or said
        elif len(added) < MAX_PAINS:
            objective = next((o for o in plan.objectives if _overlap(o.owner_words, said)), None)
            objective = objective or _served_by(spec, plan)
            alone = objective is not None and all(p.objective is not objective for p in picks)
            added.append(Pick(spec, objective, primary=alone, pain=said))  # its best one
    return added


def _served_by(spec: InitiativeSpec, plan: StrategyPlan) -> Objective | None:
    """The first objective a step for a problem the owner described is made for (a way to
    keep members longer for "300 members before summer"), so it is planned by that goal's
    deadline rather than whenever there is room."""
    for objective in plan.objectives:
        kpis = goal_kpi_ids(_goal_of(plan, objective), plan.language) - {"revenue"}
        if kpis & set(spec.kpis) or _made_for(spec, objective, plan):
            return objective
    return None


def _overlap(words: str, said: str) -> bool:
    return words.strip(" .") in said or said.strip(" .") in words


GAP_SCORE = 50  # a dimension scored under this (of 100) calls for groundwork


def _sells_to_firms(traits: BusinessTraits) -> bool:
    """Firms buy from this business by the owner's words, or only firms do by its trade (a
    wholesaler); a garage's or a boatyard's usual few business customers do not count."""
    return "b2b" in traits.customers_said or traits.customers == {"b2b"}


_SITE_FOR = {True: "b2b_website", False: "mobile_website"}  # by whether firms buy


def _own_workstreams(
    plan: StrategyPlan,
    picks: list[Pick],
    traits: BusinessTraits,
    offer: list[InitiativeSpec],
    today: date,
) -> list[Pick]:
    """The owner's own workstream for each objective no initiative serves yet, started with
    the audiences the owner already has."""
    served = {o.id for p in picks for o in [p.objective, *p.also] if o is not None}
    b2b = _sells_to_firms(traits)
    site = _SITE_FOR[b2b] if any(s.id == _SITE_FOR[b2b] for s in offer) else None
    no_site = traits.has_website is False
    firms_only = traits.customers == {"b2b"}
    reached = Reach(
        b2b=b2b, firms_only=firms_only, owned=traits.owned, no_website=no_site, site_step=site
    )
    return [
        Pick(workstream_for(o, _goal_of(plan, o), plan.language, reached, today), o, primary=True)
        for o in plan.objectives
        if o.id not in served
    ]


def _groundwork(
    plan: StrategyPlan,
    offer: list[InitiativeSpec],
    picks: list[Pick],
    gaps: Mapping[str, tuple[float, str]],
) -> list[Pick]:
    """Foundations only for dimensions that are truly weak and for a gap the owner's answers
    show ("customer details live in inboxes"), then the planning routine (today's values only
    when a goal still lacks one), up to a roadmap a small team can carry."""
    taken = {p.spec.id for p in picks}
    foundations = [
        s
        for s in offer
        if s.foundation and s.id not in taken and s.id not in ALWAYS and set(s.closes) & set(gaps)
    ]
    weakest = _weakest_dimensions(plan)
    by_gap = sorted(
        (s for s in foundations if s.dimension in weakest),
        key=lambda s: (weakest.index(s.dimension), -priority(s)),
    )
    added = [Pick(s) for s in by_gap][:FOUNDATIONS]
    pending = any(g.baseline and g.baseline.status == "pending" for g in plan.goals)
    routine = [
        s for s in offer if s.id == "monthly_review" or (s.id == "measure_baselines" and pending)
    ]
    added += [Pick(s) for s in routine if s.id not in taken]
    return added[: max(MAX_INITIATIVES - len(picks), 0)]


def _more_for_objectives(
    plan: StrategyPlan, rankings: dict[str, list[InitiativeSpec]], picks: list[Pick]
) -> list[Pick]:
    """A roadmap shorter than ``MIN_INITIATIVES``: the next step made for each objective. A
    step only near the goal is not added: with no link to any goal it read as filler
    ("a referral offer: groundwork the rest of the plan builds on")."""
    more: list[Pick] = []
    taken = {p.spec.id for p in picks}
    for objective in plan.objectives:
        for spec in rankings[objective.id]:
            if len(picks) + len(more) >= MIN_INITIATIVES:
                return more
            if spec.id not in taken and _made_for(spec, objective, plan):
                more.append(Pick(spec, objective))
                taken.add(spec.id)
                break
    return more


def _weakest_dimensions(plan: StrategyPlan) -> list[str]:
    """Dimensions scored under ``GAP_SCORE``, weakest first (unknown ones are not gaps)."""
    scores = plan.current_state.maturity.model_dump()
    known = [
        (state["score"], name)
        for name, state in scores.items()
        if isinstance(state, dict) and state.get("score") is not None and state["score"] < GAP_SCORE
    ]
    return [name for _, name in sorted(known)]


def _initiative(
    number: int,
    pick: Pick,
    plan: StrategyPlan,
    kb: KnowledgeBase,
    today: date,
    seen: dict[str, SearchResult],
    scope: str | None,
    gaps: Mapping[str, tuple[float, str]],
    family: str | None = None,
) -> Initiative:
    spec, language = pick.spec, plan.language
    title, description = spec.written_for(family, language)  # a bakery's company offer
    description = for_the_quiet_time(pick, language) or description  # "tirsdag–torsdag"
    doing = next((spec.covering[s] for s in pick.covered if s in spec.covering), None)
    if doing is not None:  # "online booking with automatic reminders", "first, within 30 days"
        title = doing.title.get(language) if doing.title else title
        description = doing.description.get(language) if doing.description else description
        description = family_words(description, family, language)
    horizon = pick.horizon or spec.horizon
    served = {o.id for o in [pick.objective, *pick.also] if o is not None}
    goals = [g for g in plan.goals if g.objective_id in served]
    chosen_for = _goal_of(plan, pick.objective) if pick.objective else None
    initiative = Initiative(
        id=f"i{number}",
        title=title,
        description=description,
        rationale=family_words(
            _why(pick, language, chosen_for or next(iter(goals), None), gaps), family, language
        ),
        **lane_fields(horizon, today),
        impact=impact_here(pick, plan),
        feasibility=spec.feasibility,
        goal_ids=[g.id for g in goals],
        resources=list(spec.resources.get(language)),
        owner="owner",
    )
    _big_step_runs_longer(initiative, pick, today)
    _later_ends_with_its_goals(initiative, goals)
    due = quarter_of(pick.due_on) if spec.runs_to_deadline and pick.due_on else None
    if spec.ongoing:  # kept up until the last goal is due, or through the year
        due = max((quarter_of(g.deadline) for g in plan.goals if g.deadline), default=None)
        due = due or lane_quarter(today, HORIZON_QUARTERS["medium"][1])
    if due and initiative.end and quarter_index(due) > quarter_index(initiative.end):
        initiative.end = due  # "by May 2027: roll it out"
    claim = f"{initiative.title}. {initiative.description}"  # what the owner reads
    found = best_citation(kb, claim, language, SLACK, scope) or best_citation(
        kb, spec.evidence_query, language, scope=scope
    )
    if found:
        citation, passage = found
        initiative.citations = [citation]
        seen[passage.chunk_id] = passage
    return initiative


def _later_ends_with_its_goals(initiative: Initiative, goals: list[Goal]) -> None:
    """A Later step for goals due in 2028 ends when the last of them is due, not in 2029."""
    deadlines = [g.deadline for g in goals if g.deadline]
    if initiative.horizon != "long" or not deadlines or len(deadlines) < len(goals):
        return
    last = quarter_of(max(deadlines))
    if initiative.end and initiative.start and quarter_index(last) < quarter_index(initiative.end):
        initiative.end = max(last, initiative.start, key=quarter_index)


BIG_STEP_QUARTERS = 2  # a project made for the year, started now, runs this many quarters


def _big_step_runs_longer(initiative: Initiative, pick: Pick, today: date) -> None:
    """A project the catalogue plans over the year (a booking engine, a B2B portal) that
    starts now runs into the next quarter, unless its goal is due sooner: not every step of
    Now is done in one quarter."""
    if initiative.horizon != "short" or pick.spec.horizon == "short" or pick.spec.id in ALWAYS:
        return
    end = lane_quarter(today, BIG_STEP_QUARTERS - 1)
    if pick.due_on is not None and quarter_index(quarter_of(pick.due_on)) < quarter_index(end):
        end = max(initiative.start or end, quarter_of(pick.due_on), key=quarter_index)
    initiative.end = end


def _why(
    pick: Pick,
    language: str,
    goal: Goal | None = None,
    gaps: Mapping[str, tuple[float, str]] | None = None,
) -> str:
    say = Messages(language)
    if pick.asked is not None:
        return say.say("why_asked", said=_short(pick.asked, PAIN_SHORT))
    if pick.objective is None and pick.spec.id in ALWAYS:
        return say.say("why_routine")
    if pick.needed_by is not None:  # "CRM basics": the recall reminders need its register
        return say.say("why_needed_first", step=pick.needed_by.title.get(language))
    if pick.pain is not None and (pick.objective is None or not _moves(pick.spec, goal)):
        return say.say("why_pain", said=_short(pick.pain, PAIN_SHORT))  # "You said: “…”"
    if pick.objective is None:
        closed = sorted(gaps[q] for q in pick.spec.closes if gaps and q in gaps)
        if closed:  # "CRM basics": because customer data is not in one place today
            gap = closed[0][1]
            gap = gap if gap[1:2].isupper() else gap[:1].lower() + gap[1:]  # "CRM" stays
            return say.say("why_groundwork_gap", gap=gap)
        return say.say("why_groundwork")
    objective = goal.metric if goal is not None and goal.metric else pick.objective.owner_words
    objective = _short(objective.strip("“”«»"))  # a goal named by a quote is quoted once
    served = goal_kpi_ids(goal, language)
    by_kpi = [why for kpi, why in pick.spec.why_for.items() if kpi in served]
    why = next(iter(by_kpi), pick.spec.why if _told_true(pick.spec, served) else None)
    if why is not None:
        return why.get(language).replace("{objective}", objective)  # "{each_sale}" stays
    if pick.spec.gives is not None:  # "online booking": customers book without calling
        gives = pick.spec.gives.get(language)
        return say.say("why_objective_gives", objective=objective, gives=gives)
    return say.say("why_objective", objective=objective)


def _told_true(spec: InitiativeSpec, served: set[str]) -> bool:
    """A step's own why tells how it moves its first KPI ("the invoice goes out the day the
    job is done"); said of a goal it serves through another KPI (capacity) it reads false."""
    return not set(spec.kpis) & served or spec.kpis[0] in served


def _moves(spec: InitiativeSpec, goal: Goal | None) -> bool:
    return bool(set(spec.kpis) & goal_kpi_ids(goal))


SHORT = 90  # characters of the owner's objective quoted in a why line
PAIN_SHORT = 150  # characters of the owner's problem quoted in a why line


def _short(words: str, most: int = SHORT) -> str:
    text = " ".join(words.split()).strip(" .;,")
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + " …"
