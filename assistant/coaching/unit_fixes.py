"""A goal's unit denied in chat: "anmeldelser er ikke poeng, det er antall anmeldelser",
"det är antal abonnenter, inte kronor", "goal 3 is reviews, not points". The goal the
sentence numbers, else the one goal counted in the denied kind of unit (else the one of
those its words name), is counted as the thing it names instead. The ways of denying a
unit are language data (``unit_denied`` in ``knowledge/data/reading_cues.yaml``)."""

from __future__ import annotations

from datetime import date

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.drafting import kpi_of
from assistant.coaching.edits import COUNTS, GoalEdit, catalogue_kpi_of, change_goal, same_measure
from assistant.coaching.facts import Facts
from assistant.coaching.goal_lookup import drafted
from assistant.coaching.metric_fixes import shown_measures
from assistant.coaching.plan import Kpi
from assistant.coaching.state import SessionState
from assistant.coaching.words import most_said
from assistant.understanding import cues
from assistant.understanding.text import sentences

_SCORES = ("score", "points", "stars")
PLAIN_COUNT = "units"  # a number with no unit word


def unit_fixes(state: SessionState, facts: Facts) -> list[PlanCommand]:
    """An order to count a goal in another unit for each sentence that denies its unit."""
    found: list[PlanCommand] = []
    for sentence in sentences(facts.said):
        kind = cues.label_of("unit_denied", state.language, sentence.text)
        if kind is None:
            continue
        index = _goal_meant(state, sentence.text, kind)
        if index is None or any(c.number == index + 1 for c in found):
            continue
        kpi = _count_named(sentence.text, state.language)
        unit = load_kpi_catalogue().kpi(kpi).unit if kpi else PLAIN_COUNT
        found.append(
            PlanCommand(
                action="change_unit", number=index + 1, unit=unit, metric=kpi, words=sentence.text
            )
        )
    return found


def _units(state: SessionState) -> list[str | None]:
    if drafted(state):
        return [g.target.unit if g.target else None for g in state.plan.goals]
    return [c.target.unit if c.target else None for c in state.candidates]


def _of_kind(unit: str | None, kind: str) -> bool:
    if unit is None:
        return False
    return unit in _SCORES if kind == "points" else unit.isupper() or unit == "currency"


def _goal_meant(state: SessionState, sentence: str, kind: str) -> int | None:
    units = _units(state)
    number = cues.search("goal_reference", state.language, sentence)
    if number is not None:
        index = int(number.group("n")) - 1
        return index if index < len(units) and _of_kind(units[index], kind) else None
    held = [n for n, unit in enumerate(units) if _of_kind(unit, kind)]
    if len(held) == 1:
        return held[0]
    names = shown_measures(state)
    meant = most_said(sentence, [names[n] for n in held], state.language) if held else None
    return held[meant] if meant is not None else None


def _count_named(sentence: str, language: str) -> str | None:
    """The catalogue's count the sentence names instead ("antall anmeldelser"), if any."""
    catalogue = load_kpi_catalogue()
    found = catalogue.find_kpis(sentence, language)
    return next((k for k in found if catalogue.kpi(k).unit not in COUNTS), None)


def change_unit(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    index, unit = (command.number or 1) - 1, command.unit or PLAIN_COUNT
    count_in(state, index, unit, today, outcome, command.metric)


def count_in(
    state: SessionState,
    index: int,
    unit: str,
    today: date,
    outcome: Outcome,
    kpi_id: str | None = None,
) -> None:
    """Goal ``index`` counted in ``unit`` ("mål 2 er i TIMER, ikke dager"); a catalogue KPI
    counted in another unit gives way to the one named (``kpi_id``), else to the goal's own
    name."""
    say, language = say_for(state), state.plan.language
    named = load_kpi_catalogue().find_kpi(kpi_id)
    if drafted(state):
        goal = state.plan.goals[index]
        changes = change_goal(state.plan, goal, GoalEdit(unit=unit), today)
        spec = catalogue_kpi_of(goal.kpis, language)
        if spec is not None and not _same_kind(spec.unit, unit):
            own = Kpi(name=goal.metric or goal.statement, cadence=goal.kpis[0].cadence)
            goal.kpis = [kpi_of(named, language) if named else own]
    else:
        candidate = state.candidates[index]
        for name in ("baseline", "target"):
            figure = getattr(candidate, name)
            if figure is not None:
                setattr(candidate, name, figure.model_copy(update={"unit": unit}))
        spec = load_kpi_catalogue().find_kpi(candidate.kpi_id)
        if spec is not None and not _same_kind(spec.unit, unit):
            candidate.kpi_id = named.id if named else None
        shown = say.label("units", unit)
        changes = [say.say("edit_field", field=say.label("edit_fields", "unit"), value=shown)]
    changes = changes or [say.say("goal_unchanged", number=index + 1)]
    outcome.changes.append(say.say("goal_changed", number=index + 1, changes="; ".join(changes)))


def _same_kind(kpi_unit: str, unit: str) -> bool:
    """A KPI's unit and a goal's are the same kind of measure (days and hours are times, a
    currency code is money)."""
    return same_measure(unit, kpi_unit) or (kpi_unit == "currency" and unit.isupper())
