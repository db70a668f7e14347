"""Where a goal's figures will come from, said in chat ("Siffrorna hämtar vi från Fortnox,
följer upp varje månad", "для цели 2 источник данных — таблица договоров в Excel"): the
goal's KPI takes that source, so the SMART check no longer asks for one, and the owner hears
it said back. The goal is the one the sentence numbers, else every goal still without one."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.drafting import apply_smart
from assistant.coaching.facts import Facts
from assistant.coaching.plan import Goal, Kpi
from assistant.coaching.state import SessionState
from assistant.understanding import cues
from assistant.understanding.text import sentences

MOST_SOURCE_CHARS = 80  # the source as said back and kept; a longer clause is cut at a word


def record_sources(state: SessionState, facts: Facts, today: date, outcome: Outcome) -> None:
    """Each sentence that says where figures come from sets that source on its goals."""
    goals = state.plan.goals
    if not goals:
        return
    language, say = state.language, say_for(state)
    field = say.label("edit_fields", "source")
    said_any = False
    for sentence in sentences(facts.said):
        said = cues.search("data_source_said", language, sentence.text)
        source = _source(_instead(sentence.text[said.end() :], language) if said else "")
        if said is None or not source:
            continue
        numbers = [
            int(m.group("n"))
            for p in cues.patterns("goal_reference", language)
            for m in p.finditer(sentence.text)
        ]
        named = [goals[n - 1] for n in dict.fromkeys(numbers) if 1 <= n <= len(goals)]
        for goal in named or [g for g in goals if not _has_source(g)]:
            _set_source(goal, source)
            said_any = True
            change = say.say("edit_field", field=field, value=source)
            number = goals.index(goal) + 1
            outcome.changes.append(say.say("goal_changed", number=number, changes=change))
    if said_any:
        apply_smart(state.plan, today)  # once, after every source said is set


_TURN = re.compile(r"\s+[-–—]\s+|[;:]\s+|,\s+(?:but\s+|men\s+|но\s+|а\s+)?|\s+but\s+")


_BUT = re.compile(r"^\W*(?:but|men|но|а)\b", re.IGNORECASE)


def _instead(rest: str, language: str) -> str:
    """The source as said, or, when the words deny one ("isn't Sage - Aoife logs her hours
    on a timesheet"), what the sentence says instead; nothing when it says nothing else."""
    if _BUT.match(rest):
        return ""  # "you asked where the figures come from, but left my answer out"
    if cues.search("source_denied", language, rest) is None:
        return rest
    turn = _TURN.search(rest)
    return rest[turn.end() :] if turn else ""


def _source(rest: str) -> str:
    said = rest.strip(" :—–-,.;")
    if len(said) <= MOST_SOURCE_CHARS:
        return said
    return said[:MOST_SOURCE_CHARS].rsplit(" ", 1)[0] + " …"


def _has_source(goal: Goal) -> bool:
    return any(k.source for k in goal.kpis)


def _set_source(goal: Goal, source: str) -> None:
    if goal.kpis:
        goal.kpis[0].source = source
    else:
        goal.kpis.append(Kpi(name=goal.metric or goal.statement, source=source))


def rename_kpi(state: SessionState, index: int, said: str, today: date) -> list[str]:
    """ "Goal 1 KPI should be jobs won divided by quote visits, counted monthly in the wife's
    spreadsheet": the goal's KPI takes the name, and the source when one is said; the
    changes as said back."""
    language, say = state.language, say_for(state)
    goal = state.plan.goals[index]
    found = cues.search("data_source_said", language, said)
    name = (said[: found.start()] if found else said).strip(" ,;:—–-")
    source = _source(_instead(said[found.end() :], language)) if found else ""
    if not goal.kpis:
        goal.kpis.append(Kpi(name=name or goal.metric or goal.statement))
    kpi = goal.kpis[0]
    kpi.name = name or kpi.name
    changes = [say.say("edit_field", field="KPI", value=kpi.name)]
    if source and source != kpi.source:  # not said twice when the source was just set
        _set_source(goal, source)
        changes.append(
            say.say("edit_field", field=say.label("edit_fields", "source"), value=source)
        )
    apply_smart(state.plan, today)
    return changes
