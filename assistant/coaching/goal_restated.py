"""A goal said again under its number ("Goal 1: implant cases per month, 6 -> 15, by
2027-12-31", "Mål 2: serviceavtal 15 → 80 till 2028"): the line replaces that goal, what it
counts included, instead of becoming a new goal beside the one it corrects. What the line
leaves out (a deadline, today's value) stays as the goal had it."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.drafting import apply_smart, goal_from_candidate
from assistant.coaching.facts import Facts, GoalCandidate
from assistant.coaching.goal_lookup import drafted
from assistant.coaching.state import SessionState
from assistant.coaching.upkeep import revenue_currency
from assistant.understanding import cues
from assistant.understanding.text import sentences

_LABEL_END = re.compile(r"\s*[:=–—-]\s*")
_KEPT = ("baseline", "target", "deadline")
_SAME_NUMBER = ("change_goal", "rename_goal")  # the line read as an order on that goal too


def restate_numbered_goals(
    state: SessionState, facts: Facts, today: date, outcome: Outcome
) -> None:
    """Each aim read from a line that opens with "Goal N:" for a goal the plan has replaces
    goal N; the aim is then no new goal, and orders read from the same line are done."""
    count = len(state.plan.goals) if drafted(state) else len(state.candidates)
    for number, said in _numbered_aims(facts, state.language, count):
        facts.goals.remove(said)
        said = said.model_copy(update={"text": _without_label(said.text, state.language)})
        facts.commands = [
            c for c in facts.commands if not (c.action in _SAME_NUMBER and c.number == number)
        ]
        _replace(state, number - 1, said, today)
        quoted = said.text if len(said.text) <= 90 else said.text[:88].rsplit(" ", 1)[0] + " …"
        outcome.changes.append(say_for(state).say("goal_restated", number=number, goal=quoted))


def _numbered_aims(facts: Facts, language: str, count: int) -> list[tuple[int, GoalCandidate]]:
    found: list[tuple[int, GoalCandidate]] = []
    for line in facts.said.splitlines():
        number = _label_number(line, language)
        if number is None or not 1 <= number <= count or number in (n for n, _ in found):
            continue
        rest = _without_label(line, language).lstrip(" -*•\t>")
        said = next((g for g in facts.goals if _opens(rest, g.text, language)), None)
        inside = next((g for g in facts.goals if _within_first(rest, g.text)), None)
        if said is None and inside is not None:  # "endre mål 1: andel tilbud …, fra 10 % …"
            said = inside.model_copy(update={"text": _first_sentence(rest)})
            facts.goals[facts.goals.index(inside)] = said
        if said is not None and (said.baseline or said.target):
            found.append((number, said))
    return found


def _opens(rest: str, aim: str, language: str) -> bool:
    """The aim is what the label introduces: "Goal 1: implant cases …", not an aim said later
    on the line ("goal 2: deadline December 2027. and add a goal: get 70 % …")."""
    return rest.startswith(_without_label(aim, language)[:30])


def _within_first(rest: str, aim: str) -> bool:
    """The aim is read from the first sentence after the label, though not from its start
    ("andel tilbud sendt innen 2 arbeidsdager, fra ca 10 % i dag til 80 %")."""
    return aim.strip()[:30] in _first_sentence(rest)


def _first_sentence(text: str) -> str:
    first = next(iter(sentences(text)), None)  # "… innen 1. juni 2027." is one sentence
    return first.text if first is not None else text


def _label_number(line: str, language: str) -> int | None:
    """N when the line opens with "Goal N:" ("- Mål 2 –", "Цель 3:")."""
    label = _label(line, language)
    return int(label.group("n")) if label is not None else None


def _without_label(text: str, language: str) -> str:
    label = _label(text, language)
    if label is None:
        return text
    return text[_LABEL_END.match(text, label.end()).end() :]  # type: ignore[union-attr]


def _label(line: str, language: str) -> re.Match[str] | None:
    label = cues.search("goal_reference", language, line)
    if label is None or "n" not in label.groupdict():
        return None
    before = _SENTENCE_END.split(line[: label.start()])[-1].strip(" -*•\t>")
    if before and not cues.search("restate_order", language, before):  # "Men endre mål 1:"
        return None
    return label if _LABEL_END.match(line, label.end()) is not None else None


_SENTENCE_END = re.compile(r"[.!?]\s+")


def _replace(state: SessionState, index: int, said: GoalCandidate, today: date) -> None:
    plan = state.plan
    goal = plan.goals[index] if drafted(state) else None
    position = index if goal is None else _objective_position(state, goal.objective_id)
    held = state.candidates[position] if position is not None else None
    merged = said.model_copy(
        update={f: getattr(held, f) for f in _KEPT if held and getattr(said, f) is None}
    )
    if position is not None:
        state.candidates[position] = merged
        plan.objectives[position].owner_words = said.text
    if goal is None:
        return
    scope = ", ".join(plan.profile.markets) or plan.profile.business_name
    objective_id = goal.objective_id or ""
    language, currency = plan.language, revenue_currency(state)
    new = goal_from_candidate(index + 1, merged, objective_id, language, today, scope, currency)
    plan.goals[index] = new.model_copy(update={"id": goal.id, "objective_id": goal.objective_id})
    apply_smart(plan, today)


def _objective_position(state: SessionState, objective_id: str | None) -> int | None:
    ids = [o.id for o in state.plan.objectives[: len(state.candidates)]]
    return ids.index(objective_id) if objective_id in ids else None
