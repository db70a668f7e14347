"""The owner's own workstream: an objective that no catalogue initiative serves still gets one
initiative, named after the owner's aim, with the steps a consultant sets out for that kind of
aim (more of something, less of something, or a milestone to put in place).

The steps live in knowledge/data/workstreams.yaml; this module picks the kind from the goal
and fills in the owner's words. Nothing here guesses an initiative from the aim's topic: a
catalogue initiative that fits the business always wins (see ``roadmap``).
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, Field

from assistant.coaching import plan
from assistant.coaching.catalogue import (
    CatalogueModel,
    InitiativeSpec,
    Localized,
    Text,
)
from assistant.coaching.goal_kpis import DEPENDENCY
from assistant.coaching.messages import Messages
from assistant.coaching.metric_names import launched
from assistant.coaching.owned_channels import start_with
from assistant.coaching.plan import Goal, Initiative, Objective, quarter_index
from assistant.coaching.serving import goal_kpi_ids
from assistant.config import PROJECT_ROOT
from assistant.regex_cache import compiled
from assistant.understanding import cues
from assistant.yamlfiles import parse_yaml

WORKSTREAMS_PATH = PROJECT_ROOT / "knowledge" / "data" / "workstreams.yaml"
Kind = Literal[
    "grow",
    "raise_share",
    "bring_down",
    "spread",
    "make_happen",
    "enter_market",
    "set_up",
    "launch",
    "year_two",  # never the kind of an aim: a goal due after the year ahead, in Later
]
PROJECT_SORTS: tuple[Kind, ...] = ("enter_market", "set_up", "launch")  # the first match wins
MOST_WORDS = 8  # words of the owner's aim quoted in a title
MOST_NAME_WORDS = 5  # a longer metric reads as a piece of a sentence: it is quoted
_QUOTES = "“”«»\"'„”’"


class WorkstreamSpec(CatalogueModel):
    kind: Kind
    horizon: plan.Horizon
    impact: int
    feasibility: int
    dimension: plan.DimensionName
    evidence_query: Text
    evidence_doc: Text
    title: Localized[Text]  # "{what}": the aim's name
    title_quoted: Localized[Text]  # "{what}": a piece of the owner's sentence, in quotes
    title_offer: Localized[Text] | None = None  # "{what}": a new offer's name, said to launch
    description: Localized[Text]
    gives: Localized[Text] | None = None  # what it changes, said in the why line
    # the steps with dates counted back from the goal's deadline: "{decide}", "{trial}", "{done}"
    dated: Localized[Text] | None = None
    without_site: Localized[Text] | None = None  # the steps for a business with no website
    for_businesses: Localized[Text] | None = None  # said only to a business selling to firms
    for_firms_only: Localized[Text] | None = None  # the steps when all customers are firms
    resources: Localized[list[Text]]
    cues: Localized[list[Text]] | None = None  # the owner's words for a sort of milestone


class Workstreams(CatalogueModel):
    workstreams: list[WorkstreamSpec]

    def of_kind(self, kind: Kind) -> WorkstreamSpec:
        return next(w for w in self.workstreams if w.kind == kind)


@functools.cache
def load_workstreams(path: Path = WORKSTREAMS_PATH) -> Workstreams:
    data = Workstreams.model_validate(parse_yaml(path.read_text(encoding="utf-8")))
    if missing := set(get_args(Kind)) - {w.kind for w in data.workstreams}:
        raise ValueError(f"{path.name} lacks the workstream kinds {sorted(missing)}")
    return data


def kind_of(goal: Goal | None, language: str = "en") -> Kind:
    """A milestone (no KPI, no figure to reach), less of the sales one channel or customer
    group brings ("avhengigheten av olje"), less of something else, a higher share or rate
    ("billing rate 70 %", "half of order lines on the web"), or more of something sold."""
    if goal is None:
        return "make_happen"
    no_aim = goal.target is None and goal.change_percent is None
    if no_aim and not goal.kpis and (goal.baseline is None or goal.baseline.value is None):
        return "make_happen"
    if goal.direction == "decrease":
        return "spread" if _a_dependence(goal, language) else "bring_down"
    units = {a.unit for a in (goal.target, goal.baseline) if a is not None}
    if "%" not in units or cues.search("segment_share", language, _named(goal)):
        return "grow"  # "elbiler (andel av jobbene)": won by selling to that group
    return "raise_share"


def project_sort(goal: Goal | None, objective: Objective, language: str) -> Kind:
    """The sort of milestone, by the owner's words for it: a new market ("выйти на клиентов
    за пределами Сибири"), a system in place of paper or guesswork ("see the workshop's load
    in real time"), a new offer to launch ("starta hundpensionat"), or any other project."""
    words = " ".join([objective.owner_words, (goal.metric or "") if goal else ""])
    for sort in PROJECT_SORTS:
        spec = load_workstreams().of_kind(sort)
        patterns = spec.cues.get(language) if spec.cues else []
        if any(compiled(p, re.IGNORECASE).search(words) for p in patterns):
            return sort
    return "make_happen"


def _named(goal: Goal) -> str:
    return " ".join([goal.metric or "", *(k.name for k in goal.kpis)])


def _a_dependence(goal: Goal, language: str) -> bool:
    named = cues.search("dependency_words", language, _named(goal)) is not None
    return named or DEPENDENCY in goal_kpi_ids(goal)


def aim_words(goal: Goal | None, objective: Objective) -> tuple[str, bool]:
    """The aim as the owner named it, and whether that is a name a title can use as it
    stands ("wellness plan members", "open a second depot in York") rather than a piece of a
    sentence to quote ("Finland och få 15 % av omsättningen därifrån")."""
    metric = (goal.metric or "").strip(_QUOTES + " .") if goal else ""
    words = (metric or objective.owner_words.strip(_QUOTES + " .!?")).split()
    short = " ".join(words[:MOST_WORDS]) + (" …" if len(words) > MOST_WORDS else "")
    named = bool(metric) and len(words) <= MOST_NAME_WORDS and not _quoted(goal)
    return short, named and not any(c.isdigit() for c in metric)


def _quoted(goal: Goal | None) -> bool:
    return bool(goal and goal.metric and goal.metric.strip()[:1] in _QUOTES)


class Reach(BaseModel):
    """Who the business can reach already: business customers, and the audiences the owner
    has ("instagram", "waiting_list"; see owned_channels)."""

    b2b: bool = False
    firms_only: bool = False  # every customer is a business: no consumer channels
    owned: list[str] = Field(default_factory=list)
    no_website: bool = False  # the owner said they have none: a page of its own needs one
    site_step: str | None = None  # the website step that fits this business, if any


_REACHING = {"grow", "spread"}  # kinds of aim won by reaching more people


def workstream_for(
    objective: Objective,
    goal: Goal | None,
    language: str,
    reach: Reach | None = None,
    today: date | None = None,
) -> InitiativeSpec:
    """The owner's own initiative for ``objective``, as a catalogue-shaped spec; what to do
    for business customers is said only to a business that has them, an aim won by
    reaching people or an offer to launch starts with the audiences the owner already has,
    and a milestone with a deadline gets its dates ("by March 2027: choose …")."""
    reach = reach or Reach()
    kind = kind_of(goal, language)
    if kind == "make_happen":
        kind = project_sort(goal, objective, language)
    elif kind == "grow" and _launches_offer(goal, objective, language):
        kind = "launch"  # "start a monthly plan with 80 dogs on it": a new offer
    spec = load_workstreams().of_kind(kind)
    dated = _dated(spec, goal, today)
    needs_site = reach.no_website and reach.site_step is not None  # built first, then a page
    no_page = reach.no_website and not needs_site and spec.without_site is not None
    firms = spec.for_firms_only if reach.firms_only else None  # a steel fabricator's buyers
    undated = firms or (spec.without_site if no_page else None) or spec.description
    more = [spec.for_businesses if reach.b2b and not firms else None]
    if reach.owned and (kind in _REACHING or _a_launch(kind, objective, language)):
        more.append(_starting_with(reach.owned))  # "… your Instagram"
    description, dated = (_with_all(t, more) if t else None for t in (undated, dated))
    what, named = aim_words(goal, objective)
    project = kind == "make_happen" or kind in PROJECT_SORTS
    named = named or (project and not _quoted(goal))  # "Project: open a depot"
    if named and not project and not _acronym(what):
        what = what[:1].lower() + what[1:]  # "Grow office moves"
    title = filled(spec.title if named else spec.title_quoted, what)
    offer = launched(objective.owner_words, language) if spec.title_offer else None
    if offer and spec.title_offer:  # "Launch the monthly grooming plan: offer, price …"
        title = filled(spec.title_offer, offer)
    depends = [reach.site_step] if kind == "grow" and needs_site and reach.site_step else []
    step = own_step(spec, objective, title, description, dated, depends)
    ramps_up = kind == "launch" and kind_of(goal, language) == "grow"  # "2 classes a week full"
    return step.model_copy(update={"opens_before_due": True}) if ramps_up else step


def own_step(
    spec: WorkstreamSpec,
    objective: Objective,
    title: Localized[str],
    description: Localized[str],
    dated: Localized[str] | None = None,
    depends_on: list[str] | None = None,
) -> InitiativeSpec:
    """The owner's own initiative of workstream ``spec`` for ``objective``, catalogue-shaped."""
    return InitiativeSpec(
        id=f"own_{spec.kind}_{re.sub(r'[^a-z0-9_]', '_', objective.id.lower())}",
        categories=[objective.category],
        title=title,
        description=description,
        horizon=spec.horizon,
        impact=spec.impact,
        feasibility=spec.feasibility,
        dimension=spec.dimension,
        resources=spec.resources,
        kpis=["owner_aim"],
        evidence_query=spec.evidence_query,
        evidence_doc=spec.evidence_doc,
        dated=dated,
        gives=spec.gives,
        depends_on=depends_on or [],
    )


MIN_DATED_DAYS = 75  # a deadline nearer than this leaves no room for dated steps
RAMP_UP_DAYS = 60  # a new offer opens this long before the day its figure is due at least


def _dated(spec: WorkstreamSpec, goal: Goal | None, today: date | None) -> Localized[str] | None:
    """The steps to be dated from the deadline, when there is room for them; the dates are
    put in once the step has its lane (see ``dated_steps``)."""
    deadline = goal.deadline if goal else None
    if spec.dated is None or deadline is None or today is None:
        return None
    return spec.dated if (deadline - today).days >= MIN_DATED_DAYS else None


def dated_steps(steps: str, start: date, deadline: date, language: str) -> str | None:
    """The steps with their dates, counted from the day the step starts: the choice a
    quarter of the way to the deadline, the small trial by three fifths of it, the roll-out
    by the deadline; None when the deadline leaves no room for them (a step planned for
    April never says "by March: choose")."""
    days = (deadline - start).days
    if days < MIN_DATED_DAYS:
        return None
    points = {
        "decide": start + timedelta(days=days // 4),
        "trial": start + timedelta(days=days * 3 // 5),
        "done": deadline,
    }
    for name, day in points.items():
        steps = steps.replace("{" + name + "}", _month(day, language))
    return steps


def date_the_steps(
    placed: list[tuple[InitiativeSpec, Initiative, date | None]], today: date, language: str
) -> None:
    """Puts the dates in each placed step dated back from its goal's deadline, counted from
    the first day of the quarter it starts in (or today, in the plan's first quarter)."""
    for spec, initiative, deadline in placed:
        if spec.dated is None or deadline is None or initiative.start is None:
            continue
        index = quarter_index(initiative.start)
        start = max(today, date(index // 4, index % 4 * 3 + 1, 1))
        if spec.opens_before_due:  # open with time to fill it: "2 classes full by autumn"
            deadline -= timedelta(days=max(RAMP_UP_DAYS, (deadline - start).days // 4))
        steps = dated_steps(spec.dated.get(language), start, deadline, language)
        initiative.description = steps or initiative.description


def _month(day: date, language: str) -> str:
    names = Messages(language).raw("month_names") or []
    return f"{names[day.month - 1]} {day.year}" if names else day.strftime("%Y-%m")


def _launches_offer(goal: Goal | None, objective: Objective, language: str) -> bool:
    """An aim with a figure that starts a new offer ("start a pilates class, 2 a week full")."""
    opens = cues.search("starts_new", language, objective.owner_words) is not None
    return opens and project_sort(goal, objective, language) == "launch"


def _a_launch(kind: Kind, objective: Objective, language: str) -> bool:
    """A milestone that opens something for customers ("launch a summer camp")."""
    return kind == "launch" or (
        kind == "make_happen"
        and cues.search("starts_new", language, objective.owner_words) is not None
    )


def _starting_with(owned: list[str]) -> Localized[str]:
    languages = Localized[str].model_fields
    return Localized[str].model_validate({lang: start_with(owned, lang) for lang in languages})


def _acronym(words: str) -> bool:
    first = words.split()[0] if words.split() else ""
    return len(first) > 1 and first[:2].isupper()


def filled(text: Localized[str], what: str) -> Localized[str]:
    return Localized[str].model_validate(
        {lang: value.replace("{what}", what) for lang, value in text.model_dump().items()}
    )


def _with_all(text: Localized[str], more: list[Localized[str] | None]) -> Localized[str]:
    for extra in more:
        text = _with(text, extra)
    return text


def _with(text: Localized[str], more: Localized[str] | None) -> Localized[str]:
    if more is None:
        return text
    extra = more.model_dump()
    return Localized[str].model_validate(
        {lang: f"{value} {extra[lang]}" for lang, value in text.model_dump().items()}
    )
