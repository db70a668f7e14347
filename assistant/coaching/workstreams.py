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
from assistant.coaching.owned_channels import start_with
from assistant.coaching.plan import Goal, Objective
from assistant.coaching.serving import goal_kpi_ids
from assistant.config import PROJECT_ROOT
from assistant.understanding import cues
from assistant.yamlfiles import parse_yaml

WORKSTREAMS_PATH = PROJECT_ROOT / "knowledge" / "data" / "workstreams.yaml"
Kind = Literal["grow", "raise_share", "bring_down", "spread", "make_happen"]
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
    description: Localized[Text]
    for_businesses: Localized[Text] | None = None  # said only to a business selling to firms
    resources: Localized[list[Text]]


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
    owned: list[str] = Field(default_factory=list)


_REACHING = {"grow", "spread"}  # kinds of aim won by reaching more people


def workstream_for(
    objective: Objective, goal: Goal | None, language: str, reach: Reach | None = None
) -> InitiativeSpec:
    """The owner's own initiative for ``objective``, as a catalogue-shaped spec; what to do
    for business customers is said only to a business that has them, and an aim won by
    reaching people starts with the audiences the owner already has."""
    reach = reach or Reach()
    kind = kind_of(goal, language)
    spec = load_workstreams().of_kind(kind)
    description = _with(spec.description, spec.for_businesses if reach.b2b else None)
    if kind in _REACHING and reach.owned:  # "Start with … your Instagram and the waiting list"
        description = _with(description, _starting_with(reach.owned))
    what, named = aim_words(goal, objective)
    named = named or (kind == "make_happen" and not _quoted(goal))  # "Project: open a depot"
    if named and kind != "make_happen" and not _acronym(what):
        what = what[:1].lower() + what[1:]  # "Grow office moves"
    return InitiativeSpec(
        id=f"own_{kind}_{re.sub(r'[^a-z0-9_]', '_', objective.id.lower())}",
        categories=[objective.category],
        title=_filled(spec.title if named else spec.title_quoted, what),
        description=description,
        horizon=spec.horizon,
        impact=spec.impact,
        feasibility=spec.feasibility,
        dimension=spec.dimension,
        resources=spec.resources,
        kpis=["owner_aim"],
        evidence_query=spec.evidence_query,
        evidence_doc=spec.evidence_doc,
    )


def _starting_with(owned: list[str]) -> Localized[str]:
    languages = Localized[str].model_fields
    return Localized[str].model_validate({lang: start_with(owned, lang) for lang in languages})


def _acronym(words: str) -> bool:
    first = words.split()[0] if words.split() else ""
    return len(first) > 1 and first[:2].isupper()


def _filled(text: Localized[str], what: str) -> Localized[str]:
    return Localized[str].model_validate(
        {lang: value.replace("{what}", what) for lang, value in text.model_dump().items()}
    )


def _with(text: Localized[str], more: Localized[str] | None) -> Localized[str]:
    if more is None:
        return text
    extra = more.model_dump()
    return Localized[str].model_validate(
        {lang: f"{value} {extra[lang]}" for lang, value in text.model_dump().items()}
    )
