"""Curated coaching data: the KPI/initiative catalogue and the digital maturity question bank.

Both live in knowledge/data/*.yaml (their headers describe the fields, DMA scoring and cue rules),
validated here, read once by cached loaders. Free text is matched by Snowball stem, clause by
clause, with nearby negation ("we don't have a CRM", "у нас нет CRM").
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from assistant.coaching import plan
from assistant.coaching.business import Fit, family_words
from assistant.coaching.cue_matcher import Cue, Matcher, cue
from assistant.config import PROJECT_ROOT
from assistant.extraction.models import normalize_language
from assistant.yamlfiles import parse_yaml

KPI_CATALOGUE_PATH = PROJECT_ROOT / "knowledge" / "data" / "kpi_catalogue.yaml"
INITIATIVES_PATH = PROJECT_ROOT / "knowledge" / "data" / "initiatives.yaml"
MATURITY_QUESTIONS_PATH = PROJECT_ROOT / "knowledge" / "data" / "maturity_questions.yaml"

T = TypeVar("T")
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]
Terms = Annotated[list[Text], Field(min_length=1)]
Unit = Literal[
    "%",
    "currency",
    "customers",
    "orders",
    "visits",
    "leads",
    "hours",
    "days",
    "score",
    "reviews",
    "bookings",
    "subscribers",
    "followers",
    "people",
    "sets",
]
AnswerValue = Literal["yes", "partial", "no", "unknown"] | int | list[str]

_YES_PARTIAL_NO = {"yes": 1.0, "partial": 0.5, "no": 0.0}
_SCALE_FOR = {"yes": 4, "partial": 2, "planned": 1, "no": 0}  # a free-text label on 0-5


class CatalogueModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Localized(CatalogueModel, Generic[T]):
    """One value (a text, or a list of terms) in every coaching language."""

    en: T
    nb: T
    sv: T
    ru: T

    def get(self, language: str) -> T:
        return getattr(self, normalize_language(language))


class TypicalChange(CatalogueModel):
    """A prudent yearly improvement: relative to the baseline, or in points (percentage
    points of a share; whole things for a count that grows by steps, like reviews)."""

    per_year_relative: float | None = Field(default=None, gt=0, le=1)
    per_year_points: float | None = Field(default=None, gt=0, le=50)

    @model_validator(mode="after")
    def _exactly_one(self) -> TypicalChange:
        if (self.per_year_relative is None) == (self.per_year_points is None):
            raise ValueError("give exactly one of per_year_relative and per_year_points")
        return self


class KpiVariant(CatalogueModel):
    """A KPI as measured in one kind of business (a clinic counts visits, not orders)."""

    definition: Localized[Text] | None = None
    source: Localized[Text] | None = None


class KpiSpec(CatalogueModel):
    id: Id
    categories: list[plan.ObjectiveCategory] = Field(min_length=1)
    generic: bool = False  # customers, orders, leads: what the owner counts names it better
    grown_by: list[Id] = Field(default_factory=list)  # KPIs whose initiatives grow this one
    whole: bool = False  # its values are whole numbers (NPS): "8,4" is never one of them
    scales: list[float] = Field(default_factory=list)  # its highest values in use (5 or 10 stars)
    per: Literal["day", "week", "month", "year"] | None = None  # "orders per month": month
    name: Localized[Text]
    definition: Localized[Text]
    unit: Unit
    direction: plan.Direction
    kind: Literal["leading", "lagging"]
    source: Localized[Text]
    cadence: plan.Cadence
    baseline_question: Localized[Text]
    measuring_step: Localized[Text]
    keywords: Localized[Terms]
    typical_change: TypicalChange
    zero_with: list[Id] = Field(default_factory=list)  # zero whenever one of these is zero
    narrows: list[Id] = Field(default_factory=list)  # broader KPIs its own words replace
    for_business: dict[Id, KpiVariant] = Field(default_factory=dict)  # clinic, builder, …

    def written(self, field: Literal["definition", "source"], language: str) -> set[str]:
        """Every text the catalogue has for this KPI's ``field`` (an owner's own differs)."""
        variants = (getattr(v, field) for v in self.for_business.values())
        return {t.get(language) for t in (getattr(self, field), *variants) if t is not None}


class Variant(CatalogueModel):
    """An initiative as written for one kind of business ("a company offer" for a bakery is
    office catering, not a package per person)."""

    title: Localized[Text] | None = None
    description: Localized[Text] | None = None


class RunsIn(CatalogueModel):
    """The system a step is done in ("a waiting list in the booking system"): when the owner
    has none of ``had_as`` (tools read in business.py: a practice system keeps the diary
    too), the step that sets the system up comes first."""

    step: Id
    had_as: list[Id] = Field(min_length=1)


class InitiativeSpec(CatalogueModel):
    id: Id
    categories: list[plan.ObjectiveCategory] = Field(min_length=1)
    foundation: bool = False
    named_only: bool = False  # offered only when the owner names it, never for a KPI alone
    title: Localized[Text]
    description: Localized[Text]
    when_named: Localized[Text] | None = None  # its description for the time the owner named
    horizon: plan.Horizon
    impact: int = Field(ge=1, le=5)
    feasibility: int = Field(ge=1, le=5)
    dimension: plan.DimensionName
    resources: Localized[Annotated[list[Text], Field(min_length=1, max_length=3)]]
    depends_on: list[Id] = Field(default_factory=list)
    runs_in: RunsIn | None = None  # the system it is done in, set up first when missing
    kpis: list[Id] = Field(min_length=1)
    evidence_query: Text  # an English search that finds a supporting passage ...
    evidence_doc: Text  # ... in this article of knowledge/articles
    fit: Fit = Field(default_factory=Fit)  # for which businesses (see coaching/business.py)
    why: Localized[Text] | None = None  # one line: why it is in this plan ({objective})
    why_for: dict[Id, Localized[Text]] = Field(default_factory=dict)  # by the goal's KPI
    gives: Localized[Text] | None = None  # what it changes, true whichever goal it serves
    closes: list[Id] = Field(default_factory=list)  # groundwork: maturity questions it answers
    pains: dict[str, list[str]] = Field(default_factory=dict)  # by language: what calls for it
    stands_in_for: list[Id] = Field(default_factory=list)  # what it is for a business it fits
    covers: list[Id] = Field(default_factory=list)  # steps it does itself once it is planned
    covering: dict[Id, Variant] = Field(default_factory=dict)  # as written then, by the step
    # its steps dated back from the goal's deadline ("{decide}", "{trial}", "{done}")
    dated: Localized[Text] | None = None
    opens_before_due: bool = False  # a new offer whose goal counts customers by the deadline
    ongoing: bool = False  # a routine kept up all through the plan: the monthly review
    for_families: dict[Id, Variant] = Field(default_factory=dict)  # by the business family

    def written_for(self, family: str | None, language: str) -> tuple[str, str]:
        """(title, description) as written for a business of ``family``."""
        variant = self.for_families.get(family or "")
        title = variant.title if variant and variant.title else self.title
        description = variant.description if variant and variant.description else self.description
        said = (title.get(language), description.get(language))
        return family_words(said[0], family, language), family_words(said[1], family, language)

    @property
    def runs_to_deadline(self) -> bool:
        return self.dated is not None

    @model_validator(mode="after")
    def _fit_knows_its_step(self) -> InitiativeSpec:
        object.__setattr__(self, "fit", self.fit.model_copy(update={"step": self.id}))
        return self

    @property
    def needed_first(self) -> set[str]:
        """The steps that must come first: what it depends on and the system it runs in."""
        return {*self.depends_on, *([self.runs_in.step] if self.runs_in else [])}

    @model_validator(mode="after")
    def _covering_what_it_covers(self) -> InitiativeSpec:
        if stray := sorted(set(self.covering) - set(self.covers)):
            raise ValueError(f"{self.id}: covering names steps it does not cover: {stray}")
        return self

    @model_validator(mode="after")
    def _why_for_own_kpis(self) -> InitiativeSpec:
        if stray := sorted(set(self.why_for) - set(self.kpis)):
            raise ValueError(f"{self.id}: why_for names KPIs it does not serve: {stray}")
        return self


def _unique(ids: Iterable[str], what: str) -> set[str]:
    counts = Counter(ids)
    if twice := sorted(key for key, count in counts.items() if count > 1):
        raise ValueError(f"{what} ids must be unique; repeated: {twice}")
    return set(counts)


class KpiCatalogue(CatalogueModel):
    kpis: list[KpiSpec]
    initiatives: list[InitiativeSpec]
    _matchers: dict[str, Matcher] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _references_resolve(self) -> KpiCatalogue:
        kpi_ids = _unique((k.id for k in self.kpis), "KPI")
        ids = _unique((i.id for i in self.initiatives), "initiative")
        for item in self.initiatives:
            named = {*item.needed_first, *item.covers}
            if missing := sorted(set(item.kpis) - kpi_ids) + sorted(named - ids):
                raise ValueError(f"initiative {item.id!r} names unknown ids {missing}")
        for kpi in self.kpis:
            if missing := sorted({*kpi.zero_with, *kpi.narrows} - kpi_ids):
                raise ValueError(f"KPI {kpi.id!r} names unknown ids {missing}")
        requires = {i.id: i.needed_first for i in self.initiatives}
        while requires:  # peel off initiatives whose dependencies are all placed
            ready = {key for key, needs in requires.items() if not needs & requires.keys()}
            if not ready:
                raise ValueError(f"depends_on goes round in a circle: {sorted(requires)}")
            requires = {key: needs for key, needs in requires.items() if key not in ready}
        return self

    def kpi(self, kpi_id: str) -> KpiSpec:
        """The KPI with this id (KeyError when there is none)."""
        return {k.id: k for k in self.kpis}[kpi_id]

    def find_kpi(self, kpi_id: str | None) -> KpiSpec | None:
        """The KPI with this id, or None when there is none."""
        return next((k for k in self.kpis if k.id == kpi_id), None)

    def titles(self, language: str) -> dict[str, str]:
        """Initiative id -> its title in ``language``."""
        return {i.id: i.title.get(language) for i in self.initiatives}

    def title_ids(self, language: str) -> dict[str, str]:
        """An initiative's title in ``language``, and its titles for kinds of business and
        for the steps it covers, -> its id (a roadmap item keeps only its title)."""
        written = {
            v.title.get(language): i.id
            for i in self.initiatives
            for v in [*i.for_families.values(), *i.covering.values()]
            if v.title is not None
        }
        return written | {i.title.get(language): i.id for i in self.initiatives}

    def kpis_for(self, category: plan.ObjectiveCategory) -> list[KpiSpec]:
        return [k for k in self.kpis if category in k.categories]

    def initiatives_for(self, category: plan.ObjectiveCategory) -> list[InitiativeSpec]:
        return [i for i in self.initiatives if category in i.categories]

    def find_kpis(self, text: str, language: str) -> list[str]:
        """KPI ids whose keywords occur in ``text``, best first (a hit weighs its word count)."""
        lang = normalize_language(language)
        if lang not in self._matchers:
            cues = [cue(k.id, "yes", t, lang) for k in self.kpis for t in k.keywords.get(lang)]
            self._matchers[lang] = Matcher(lang, tuple(cues), None)
        hits: Counter[str] = Counter()
        said_at: dict[str, int] = {}
        lowered = text.lower()
        for found, _, _ in self._matchers[lang].matches(text):
            hits[found.key] += sum(len(phrase) for phrase in found.phrases)
            at = lowered.find(found.phrases[0][0][0])
            said_at[found.key] = min(said_at.get(found.key, len(text)), at % (len(text) + 1))
        # a tie goes to the KPI named first ("Færre reklamasjoner … overfor kundene"), then
        # to the one the catalogue lists first ("online sales are 15% of revenue": the share)
        order = {k.id: n for n, k in enumerate(self.kpis)}
        return sorted(hits, key=lambda key: (-hits[key], said_at[key], order[key]))


class ChecklistOption(CatalogueModel):
    id: Id
    label: Localized[Text]
    cues: Localized[Terms]


class MaturityQuestion(CatalogueModel):
    id: Id
    dimension: plan.DimensionName
    kind: Literal["yes_partial_no", "scale_0_5", "checklist"]
    short: Localized[Text]  # a few words, as the answer is said back ("Own website")
    text: Localized[Text]
    options: list[ChecklistOption] = Field(default_factory=list)
    cues: dict[Literal["yes", "partial", "no"], Localized[Terms]] = Field(default_factory=dict)
    gap: Localized[Text]

    @model_validator(mode="after")
    def _fits_kind(self) -> MaturityQuestion:
        if (self.kind == "checklist") != (len(self.options) >= 2):
            raise ValueError(f"{self.id}: a checklist needs 2+ options, other kinds none")
        _unique((o.id for o in self.options), f"{self.id} option")
        if self.kind != "checklist" and "yes" not in self.cues:
            raise ValueError(f"{self.id}: needs yes cues to be recognised in free text")
        return self

    def value_of(self, answer: AnswerValue) -> float | None:
        """The 0-1 value of an answer; ``None`` for "unknown"; ValueError when malformed."""
        if answer == "unknown":
            return None
        if self.kind == "yes_partial_no" and isinstance(answer, str) and answer in _YES_PARTIAL_NO:
            return _YES_PARTIAL_NO[answer]
        if self.kind == "scale_0_5" and type(answer) is int and 0 <= answer <= 5:
            return answer / 5
        options = {o.id for o in self.options}
        if self.kind == "checklist" and isinstance(answer, list) and set(answer) <= options:
            return len(set(answer)) / len(options)
        raise ValueError(f"{answer!r} is not an answer to {self.id} ({self.kind})")


class InterviewGroup(CatalogueModel):
    id: Id
    question_ids: list[Id] = Field(min_length=2, max_length=4)
    optional: bool = False
    prompt: Localized[Text]


class LanguageRules(CatalogueModel):
    dont_know: Localized[Terms]  # phrasings beyond extraction.categories.detect_dont_know
    negation: Localized[Terms]
    not_yet: Localized[Terms]
    partial: Localized[Terms]
    clause_breaks: Localized[Terms]
    scope_breaks: Localized[Terms]
    # "besök på hemsidan vet jag inte": a figure not known says nothing of having the thing
    about_figures: Localized[Terms]


# The plan's own DimensionState: score (None if nothing answered), answered_share, band, provisional
DimensionScore = plan.DimensionState


class MaturityBank(CatalogueModel):
    language_rules: LanguageRules
    questions: list[MaturityQuestion]
    interview_groups: list[InterviewGroup]
    _matchers: dict[str, Matcher] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _references_resolve(self) -> MaturityBank:
        ids = _unique((q.id for q in self.questions), "question")
        _unique((g.id for g in self.interview_groups), "interview group")
        asked = [qid for group in self.interview_groups for qid in group.question_ids]
        if missing := sorted(set(asked) - ids):
            raise ValueError(f"interview groups name unknown questions {missing}")
        _unique(asked, "interview group question")
        return self

    def score(self, answers: Mapping[str, AnswerValue]) -> dict[plan.DimensionName, DimensionScore]:
        """DMA score per dimension; "unknown" answers count as not answered, never as 0."""
        by_id = {q.id: q for q in self.questions}
        if strangers := sorted(set(answers) - set(by_id)):
            raise ValueError(f"no such maturity question: {', '.join(strangers)}")
        values: dict[str, list[float]] = defaultdict(list)
        for question_id, answer in answers.items():
            if (value := by_id[question_id].value_of(answer)) is not None:
                values[by_id[question_id].dimension].append(value)
        totals = Counter(q.dimension for q in self.questions)
        return {
            name: DimensionScore(
                score=round(100 * sum(got) / len(got), 1) if (got := values[name]) else None,
                answered_share=len(got) / totals[name] if totals[name] else 0.0,
            )
            for name in plan.DIMENSION_NAMES
        }

    def find_answers(self, text: str, language: str) -> dict[str, AnswerValue]:
        """Answers that ``text`` gives, by question id; questions it does not touch are absent."""
        lang = normalize_language(language)
        if lang not in self._matchers:
            self._matchers[lang] = Matcher(lang, self._cues(lang), self.language_rules)
        evidence: dict[str, set[str]] = defaultdict(set)
        for found, modifier, unknown in self._matchers[lang].matches(text):
            if (label := _label(found.polarity, modifier, unknown)) is not None:
                evidence[found.key].add(label)
        answers: dict[str, AnswerValue] = {}
        for q in self.questions:
            label = _resolve(evidence[q.id])
            if q.kind == "checklist":
                ticks = {o.id: _resolve(evidence[f"{q.id}:{o.id}"]) for o in q.options}
                if any(tick not in (None, "unknown") for tick in ticks.values()):
                    answers[q.id] = [o for o, tick in ticks.items() if tick in ("yes", "partial")]
                elif label in ("no", "planned"):
                    answers[q.id] = []
                elif label == "unknown" or "unknown" in ticks.values():
                    answers[q.id] = "unknown"
            elif label is not None:
                on_scale = q.kind == "scale_0_5" and label != "unknown"
                answers[q.id] = _SCALE_FOR[label] if on_scale else label.replace("planned", "no")
        return answers

    def questions_in(self, group_ids: Collection[str]) -> list[str]:
        """The ids of the questions the interview groups ``group_ids`` ask."""
        return [q for g in self.interview_groups if g.id in group_ids for q in g.question_ids]

    def merge(
        self,
        earlier: Mapping[str, AnswerValue],
        later: Mapping[str, AnswerValue],
        asked: Collection[str] = (),
        corrected: bool = False,
    ) -> dict[str, AnswerValue]:
        """Answers from several messages: later ones win, but "unknown" replaces a known
        answer only in a correction ("analytics, I said don't know, not yes"), checklist
        ticks add up (one message rarely names every channel), and a hedge said in passing
        about a question not ``asked`` ("nevøen hjelper litt med Shopify") does not undo a
        clear yes."""
        merged: dict[str, AnswerValue] = dict(earlier)
        for question_id, answer in later.items():
            before = merged.get(question_id)
            if asked and question_id not in asked and (before, answer) == ("yes", "partial"):
                continue
            if isinstance(answer, list) and isinstance(before, list):
                order = [
                    o.id for o in next(q for q in self.questions if q.id == question_id).options
                ]
                answer = sorted({*before, *answer}, key=order.index)
            if answer != "unknown" or before is None or corrected:
                merged[question_id] = answer
        return merged

    def _cues(self, lang: str) -> tuple[Cue, ...]:
        cues: list[Cue] = []
        for q in self.questions:
            for polarity, terms in q.cues.items():
                cues += [cue(q.id, polarity, t, lang) for t in terms.get(lang)]
            for o in q.options:
                cues += [cue(f"{q.id}:{o.id}", "yes", t, lang) for t in o.cues.get(lang)]
        return tuple(cues)


def _label(polarity: str, modifier: str | None, unknown: bool) -> str | None:
    """What one cue match says: a negated no-cue says nothing."""
    if unknown:
        return "unknown"
    if polarity == "no":
        return None if modifier == "negation" else "no"
    return {"negation": "no", "not_yet": "planned"}.get(modifier or "", modifier or polarity)


def _resolve(labels: set[str]) -> str | None:
    """One label from all matches: yes with no/planned reads as partial, and so does yes
    beside "no idea" said of it elsewhere ("no idea if analytics is on … KPIs: revenue
    basically"); unknown alone is unknown."""
    definite = labels - {"unknown"}
    if not definite:
        return "unknown" if labels else None
    if definite == {"yes"} and "unknown" in labels:
        return "partial"
    if "partial" in definite or ("yes" in definite and len(definite) > 1):
        return "partial"
    return "yes" if "yes" in definite else "no" if "no" in definite else "planned"


@functools.cache
def load_kpi_catalogue(
    path: Path = KPI_CATALOGUE_PATH, initiatives: Path = INITIATIVES_PATH
) -> KpiCatalogue:
    data = parse_yaml(path.read_text(encoding="utf-8"))
    if "initiatives" not in data:
        data["initiatives"] = parse_yaml(initiatives.read_text(encoding="utf-8"))["initiatives"]
    return KpiCatalogue.model_validate(data)


@functools.cache
def load_maturity_questions(path: Path = MATURITY_QUESTIONS_PATH) -> MaturityBank:
    return MaturityBank.model_validate(parse_yaml(path.read_text(encoding="utf-8")))


def stand_in(spec_id: str, fits: Callable[[InitiativeSpec], bool]) -> InitiativeSpec | None:
    """The step that stands in for ``spec_id`` in a business it fits ("direct booking on
    your own website" for a guesthouse that asks for online booking), if any."""
    return next(
        (s for s in load_kpi_catalogue().initiatives if spec_id in s.stands_in_for and fits(s)),
        None,
    )
