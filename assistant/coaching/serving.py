"""Which catalogue initiatives serve an objective: those the owner names, a step made for
the goal's KPI that says enough of the aim, those that move the KPI, else one a title word
names; and which KPIs a goal counts."""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.coaching.business import aims_abroad, names_business_customers
from assistant.coaching.catalogue import InitiativeSpec, load_kpi_catalogue
from assistant.coaching.matching import named_by_owner, named_in_title, priority, said_about
from assistant.coaching.plan import Goal, Objective
from assistant.understanding import cues
from assistant.understanding.stems import shared_words

SAYS_ENOUGH = 2  # words of the owner's aim a step made for its KPI must say to lead it


def serving_steps(
    objective: Objective,
    goal: Goal | None,
    offer: list[InitiativeSpec],
    language: str,
    asked_for: list[InitiativeSpec] | None = None,
    pained: Collection[str] = (),
) -> list[InitiativeSpec]:
    """Initiatives the owner names (``asked_for`` may include one the family's defaults rule
    out: a sports shop's "online booking for the workshop"), those that move the objective's
    KPI, a problem the owner described (``pained``: "sign-up is by e-mail") first among
    equals; else one a title word names."""
    kpi_ids = goal_kpi_ids(goal, language)
    direct = [s for s in offer if set(s.kpis) & kpi_ids and (s.id in pained or not s.named_only)]
    for_firms = names_business_customers(objective.owner_words, language)
    if kpi_ids and all(_generic(k) for k in kpi_ids):  # "customers", "orders": any business
        made_for = kpi_ids | _grown_by(kpi_ids)  # only those about them, or what grows them
        direct = [s for s in offer if s.kpis[0] in made_for and not s.named_only]
        if for_firms:  # "15 new wholesale accounts": won by selling to firms directly
            direct += [s for s in offer if s.fit.customers == ["b2b"] and _wins_firms(s)]
    aim = _without_metric(objective.owner_words, goal)  # among equals, the one about it
    if _counted_by_orders(goal, kpi_ids):
        # "38 dogs a day", "more office moves": no KPI of its own, only "orders"; a website
        # would claim to grow them without a word about them; the owner's own workstream does
        direct = [s for s in direct if _about(s, objective.owner_words, language)]
    direct.sort(  # "15 new wholesale accounts": steps made for selling to firms first
        key=lambda s: (
            for_firms and s.fit.customers != ["b2b"],
            kpi_rank(s, kpi_ids),
            s.id not in pained,
            -_about(s, aim, language),
            -priority(s),
        )
    )
    # after the best, only those made for the KPI or that say how they move it: job sheets
    # speed up invoicing, but "they serve your utilisation goal" would read as a stretch
    direct = direct[:1] + [s for s in direct[1:] if _says_it_moves(s, kpi_ids, language)]
    said = named_by_owner(objective.owner_words, asked_for or offer, language)
    about = said_about(_without_metric(objective.owner_words, goal), offer, language)
    about = [s for s in about if s not in said]
    # of the steps that only share words with the aim, those that move its KPI count as
    # said; the others ("Booking.com" in a channel manager, for "keep our 9.1 rating") come
    # after the steps made for the KPI
    moving = [s for s in about if not kpi_ids or set(s.kpis) & kpi_ids]
    others = [s for s in about if s not in moving]
    said = _made_for_first(said + moving, direct, kpi_ids, objective.owner_words, language)
    if said:  # the owner named what they want ("order cakes online and pick them up")
        return said + [s for s in direct if s not in said]
    if cues.search("starts_new", language, objective.owner_words):
        return []  # "start a monthly grooming plan": a launch of its own, not a website
    abroad = _made_for_abroad(objective, offer, language)
    if abroad:  # "lansera i Norge och Finland": the steps made for selling abroad lead
        return abroad + [s for s in direct if s not in abroad]
    made_for = [s for s in direct if kpi_rank(s, kpi_ids) == 0]
    if direct or others:
        return made_for + others + [s for s in direct if s not in made_for]
    titled = named_in_title(objective.owner_words, offer, language)
    # "Смету хочу отдавать в течение суток": one word of a title names it, when the step is
    # of the aim's kind ("win accounts in southern NSW" is not about "cloud accounting").
    # Nothing is guessed from the aim's kind alone: such guesses were misfits ("a maturity
    # check to fill the shoulder months"); the brief asks what would help instead.
    return [s for s in titled if _of_its_kind(s, objective)][:1]


_FIRMS_WON_BY = {"leads_from_marketing", "quote_win_rate", "b2b_revenue_share"}


def _wins_firms(spec: InitiativeSpec) -> bool:
    return spec.kpis[0] in _FIRMS_WON_BY and not spec.named_only


def _made_for_abroad(
    objective: Objective, offer: list[InitiativeSpec], language: str
) -> list[InitiativeSpec]:
    """For an aim in another country or language, the steps made for selling abroad."""
    if not aims_abroad(objective.owner_words, language):
        return []
    if cues.search("visitors_words", language, objective.owner_words):
        return []  # "more tourists in the farm shop": they come here, nothing to export
    made = [s for s in offer if "abroad" in s.fit.needs]
    return sorted(made, key=lambda s: -priority(s))


_GROWTH = {"revenue_growth", "market_reach", "brand_awareness"}
_INSIDE = {"operational_efficiency", "other"}  # work on how the business runs


def _of_its_kind(spec: InitiativeSpec, objective: Objective) -> bool:
    """A step that only changes how the business runs does not win customers, and an aim to
    run it better is not served by one that only wins them."""
    inside = set(spec.categories) <= _INSIDE
    if objective.category in _GROWTH:
        return not inside
    return objective.category != "operational_efficiency" or "operational_efficiency" in (
        spec.categories
    )


def _made_for_first(
    said: list[InitiativeSpec], direct: list, kpi_ids: set[str], aim: str, language: str
) -> list[InitiativeSpec]:
    """ "clients on cloud bookkeeping like Xero": a step made for the goal's KPI that says
    enough of the aim leads, before a named one that only shares "Xero"."""
    made_for = [
        s
        for s in direct
        if kpi_rank(s, kpi_ids) == 0
        and not _generic(s.kpis[0])
        and _about(s, aim, language) >= SAYS_ENOUGH
    ]
    if not (made_for and said):
        return said
    moving = [s for s in said if set(s.kpis) & kpi_ids and _says_it_moves(s, kpi_ids, language)]
    first = moving + [s for s in made_for if s not in moving]
    return first + [s for s in said if s not in first]


def _about(spec: InitiativeSpec, aim: str, language: str) -> int:
    """How many words of the owner's aim the initiative's own words say ("manual order
    handling at the trade counter": ordering for business customers, not stock levels)."""
    return shared_words(
        aim, f"{spec.title.get(language)} {spec.description.get(language)}", language
    )


def _says_it_moves(spec: InitiativeSpec, kpi_ids: set[str], language: str) -> bool:
    """The KPI is the initiative's first, or its own words name the KPI ("eFaktura" for days
    from job to invoice)."""
    if kpi_rank(spec, kpi_ids) == 0:
        return True
    words = f"{spec.title.get(language)} {spec.description.get(language)}"
    catalogue = load_kpi_catalogue()
    if set(catalogue.find_kpis(words, language)) & kpi_ids:
        return True
    names = " ".join(catalogue.kpi(k).name.get(language) for k in kpi_ids)
    return shared_words(names, words, language) > 0


def _without_metric(words: str, goal: Goal | None) -> str:
    """The owner's words less those of the goal's metric: "direct bookings" names what is
    measured, not an initiative about bookings."""
    named = {w.casefold() for k in (goal.kpis if goal else []) for w in re.findall(r"\w+", k.name)}
    return " ".join(w for w in words.split() if w.strip(".,;:!?()").casefold() not in named)


_MONEY = re.compile(r"[A-Z]{3}")  # a goal counted in a currency (GBP, NOK, RUB)
_NOT_COUNTS = {"%", "hours", "days", "minutes", "weeks", "months", "score", "points", "stars"}


def _grown_by(kpi_ids: set[str]) -> set[str]:
    """ "Active customers" grow by winning new ones: the KPIs whose initiatives grow these."""
    catalogue = load_kpi_catalogue()
    return {grows for k in kpi_ids if (spec := catalogue.kpi(k)) for grows in spec.grown_by}


def _generic(kpi_id: str) -> bool:
    spec = load_kpi_catalogue().kpi(kpi_id)
    return spec is not None and spec.generic


def kpi_rank(spec: InitiativeSpec, kpi_ids: set[str]) -> int:
    """How directly the initiative moves one of the KPIs: its first-listed KPI most."""
    return min((n for n, kpi in enumerate(spec.kpis) if kpi in kpi_ids), default=len(spec.kpis))


def goal_kpi_ids(goal: Goal | None, language: str | None = None) -> set[str]:
    """The catalogue ids of the goal's KPIs (a goal keeps its KPIs by name); for a goal with
    none, given ``language``, the KPI its own name says ("midday class occupancy") when that
    KPI counts in the goal's kind of unit."""
    names = {k.name for k in goal.kpis} if goal else set()
    catalogue = load_kpi_catalogue()
    ids = {k.id for k in catalogue.kpis if any(n in k.name.model_dump().values() for n in names)}
    if ids or goal is None or language is None or not goal.metric or _milestone(goal):
        return ids  # "clients sign things securely": a word of a milestone is no measure of it
    if goal.target is not None and _MONEY.fullmatch(goal.target.unit or ""):
        return {"revenue"}  # "PT revenue from £2,500 to £4,000": money the owner counts
    share = goal.target is not None and goal.target.unit == "%"
    named = [
        k
        for k in catalogue.find_kpis(goal.metric, language)
        if goal.target is None or (catalogue.kpi(k).unit == "%") == share
    ]
    if not named and _more_of_a_count(goal):
        return {COUNT_KPI}  # "badrumsjobb 25 → 40 om året": jobs the business sells
    return set(named[:1])


def _milestone(goal: Goal) -> bool:
    """A goal to put something in place: no figure to reach and none to start from."""
    no_figure = goal.target is None and goal.change_percent is None
    return no_figure and (goal.baseline is None or goal.baseline.value is None)


def _counted_by_orders(goal: Goal | None, kpi_ids: set[str]) -> bool:
    """A goal to do more of one thing the catalogue has no KPI for ("office moves")."""
    return goal is not None and not goal.kpis and kpi_ids == {COUNT_KPI} and _more_of_a_count(goal)


COUNT_KPI = "orders_per_month"


def _more_of_a_count(goal: Goal) -> bool:
    """A goal to do more of something counted in whole things ("40 bathroom jobs a year",
    "38 dogs a day", "260 boats in winter storage"), not a share, an amount or a time."""
    unit = goal.target.unit if goal.target is not None else None
    counted = unit is None or (unit not in _NOT_COUNTS and not _MONEY.fullmatch(unit))
    return goal.direction == "increase" and goal.target is not None and counted
