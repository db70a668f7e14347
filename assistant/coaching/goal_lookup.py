"""Which goal an order in chat means: the one it numbers, the one whose name or figure it
says ("the phone goal", "the 17 % one"), the only one, or the objective being asked about;
else one short question back."""

from __future__ import annotations

import re

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.chat_values import goal_by_value
from assistant.coaching.commands import PlanCommand
from assistant.coaching.say_back import objective_name
from assistant.coaching.state import SessionState
from assistant.coaching.words import initiatives_named, most_said, shares_a_word
from assistant.understanding import cues
from assistant.understanding.text import without_dates


def drafted(state: SessionState) -> bool:
    """Goals are drafted; before that, "goal 2" is the owner's second objective."""
    return bool(state.plan.goals)


_QUOTED_NAME = re.compile(r"[«\"“”]([^«»\"“”]{2,60})[»\"”]")


def _names_no_goal(words: str, names: list[str], state: SessionState) -> bool:
    """The order quotes a goal's name that no goal shares a word with."""
    quoted = _QUOTED_NAME.search(words)
    language = state.plan.language
    return quoted is not None and not any(
        shares_a_word(quoted.group(1), name, language) for name in names
    )


def goal_index(
    state: SessionState, command: PlanCommand, outcome: Outcome, context: str = ""
) -> int | None:
    """Goal N when a number is said; else the one goal whose metric the owner names ("bump
    the reviews goal to 120"); else the only goal; else the one goal whose figures the
    message's ``context`` names ("… for the 35 -> 60 one. change it to 2027-12-31"); else one
    short question."""
    names = goal_names(state)
    pinned = [n for n, known in enumerate(goal_ids(state)) if known == command.item_id]
    if pinned:
        return pinned[0]
    if command.item_id is None and command.number is not None and 1 <= command.number <= len(names):
        return command.number - 1
    if command.goal_name:  # "telefonmålet: 31 mars 2027"
        named = [n for n, name in enumerate(names) if shares_a_word(command.goal_name, name)]
        if len(named) == 1:
            return named[0]
    said = (command.focus or command.words).replace(command.name or "\0", " ")  # not the new name
    if command.number is None and _names_no_goal(said, names, state):
        outcome.asks.append(say_for(state).say("which_goal", count=len(names)))
        return None  # "Уберите цель «Текущее значение»": no goal is called so, none is guessed
    if command.number is None:
        language = state.plan.language
        by_value = goal_by_value(state, command.words)  # "the 17 % … drop that one"
        if by_value is not None and not command.target and not command.deadline:
            return by_value
        for said in dict.fromkeys(w for w in (command.focus, command.words) if w):
            words = said.replace(command.name, " ") if command.name else said  # the new name
            named = [
                n
                for n, name in enumerate(names)
                if shares_a_word(_without_new_date(words, command, language), name, language)
            ]
            if len(named) == 1:
                return named[0]
            if (most := most_said(words, [names[n] for n in named], language)) is not None:
                return named[most]  # "call it X, not bookings per month": the old name
        if len(names) == 1:
            return 0
        if not drafted(state) and state.pending is not None:
            return state.pending.candidate  # "Давайте к концу 2027": the goal asked about
        if context and not command.goal_name and (named := goal_by_value(state, context)):
            return named  # "… for the 35 -> 60 one. change it to 2027-12-31"
        if context and (named := _named_before(context, names, language)) is not None:
            return named  # "Fristen på lammekasse-målet står fortsatt 30.11. Sett den til …"
    if not names and cues.search("goal_word", state.plan.language, command.words) is None:
        return None  # "did you change the bookings back to 160?": a note, not a goal order
    asked = "which_goal" if names else "no_goals_yet"  # "Delete goal 1" before there are any
    outcome.asks.append(say_for(state).say(asked, count=len(names)))
    return None


def _named_before(context: str, names: list[str], language: str) -> int | None:
    """The one goal the message names by what it counts ("lammekasse-målet"), for an order
    that only points at it ("sett den til …")."""
    said = cues.search("goal_named", language, context)
    if said is None:
        return None
    hits = [n for n, name in enumerate(names) if shares_a_word(said.group("name"), name, language)]
    return hits[0] if len(hits) == 1 else None


def _without_new_date(words: str, command: PlanCommand, language: str) -> str:
    """The order's words less its new deadline: "push it to June 2028" or "к концу 2027"
    names no goal by "June" or "концу", though "March is too soon" names the goal due in
    March."""
    new = command.deadline
    if new is None:
        return words
    words = without_dates(words, language)
    for month in (new.strftime("%B"), str(new.year)):
        words = re.sub(rf"(?i)\b{month}\b", " ", words, count=1)
    return words


def goal_ids(state: SessionState) -> list[str]:
    """The ids behind "goal 1, goal 2 …" as the owner sees them: the drafted goals, or before
    that the objectives, so numbers in one message all mean the list shown before it."""
    if drafted(state):
        return [g.id for g in state.plan.goals]
    return [o.id for o in state.plan.objectives[: len(state.candidates)]]


def goal_names(state: SessionState) -> list[str]:
    said = {o.id: o.owner_words for o in state.plan.objectives}
    if drafted(state):
        return [f"{g.metric or ''} {said.get(g.objective_id or '', '')}" for g in state.plan.goals]
    language = state.plan.language  # as said, as the summary names it ("order value"),
    catalogue = load_kpi_catalogue()  # and by its KPI's name ("not active customers")
    return [
        f"{objective_name(c, language) or ''} {_kpi_name(catalogue, c.kpi_id, language)} {c.text}"
        for c in state.candidates
    ]


def _kpi_name(catalogue, kpi_id: str | None, language: str) -> str:  # catalogue: KpiCatalogue
    spec = catalogue.kpi(kpi_id) if kpi_id else None
    return spec.name.get(language) if spec else ""


def one_goal_moved_by(state: SessionState, spec_ids: list[str], words: str = "") -> int | None:
    """Before goals are drafted, the one objective whose KPI the named steps move and whose
    words the order shares ("drop the no-show one"; "ta bort det där om webbutik" names the
    webshop, not the goal of new clients it would serve)."""
    if drafted(state) or not spec_ids:
        return None  # drafted goals are named by number or by their words
    kpis = {k for s in load_kpi_catalogue().initiatives if s.id in spec_ids for k in s.kpis}
    moved = [n for n, c in enumerate(state.candidates) if c.kpi_id and c.kpi_id in kpis]
    if len(moved) != 1:
        return None
    said, language = state.candidates[moved[0]].text, state.plan.language
    named_alike = set(initiatives_named(said, language)) & set(spec_ids)  # "cut no-shows …"
    return moved[0] if not words or named_alike or shares_a_word(words, said, language) else None


def names_one_goal(state: SessionState, command: PlanCommand) -> bool:
    words = command.focus or command.words
    language = state.plan.language
    return sum(shares_a_word(words, name, language) for name in goal_names(state)) == 1
