"""Where a goal's figures will come from, said in chat ("Siffrorna hämtar vi från Fortnox,
följer upp varje månad", "для цели 2 источник данных — таблица договоров в Excel"): the
goal's KPI takes that source, so the SMART check no longer asks for one, and the owner hears
it said back. The goal is the one the sentence numbers, else every goal still without one."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.drafting import apply_smart
from assistant.coaching.facts import Facts, GoalCandidate
from assistant.coaching.plan import Goal, Kpi
from assistant.coaching.state import SessionState
from assistant.coaching.words import most_said
from assistant.understanding import cues
from assistant.understanding.text import sentences

MOST_SOURCE_CHARS = 80  # the source as said back and kept; a longer clause is cut at a word


def record_sources(state: SessionState, facts: Facts, today: date, outcome: Outcome) -> None:
    """Each sentence that says where figures come from sets that source on its goals (on
    the objectives, before the goals are drafted): those it numbers, else the one its
    words or the sentence before name, else every goal still without one."""
    goals = state.plan.goals
    held: list[Goal] | list[GoalCandidate] = goals or state.candidates
    if not held:
        return
    language, say = state.language, say_for(state)
    field = say.label("edit_fields", "source")
    names = [_name_of(h) for h in held]
    for numbers, source, words in _sources_said(facts.said, language):
        named = [held[n - 1] for n in dict.fromkeys(numbers) if 1 <= n <= len(held)]
        meant = most_said(words, names, language) if not named else None
        named = named or ([held[meant]] if meant is not None else [])
        for item in named or [h for h in held if not _has_source(h)]:
            _set_source(item, source)
            change = say.say("edit_field", field=field, value=source)
            number = held.index(item) + 1  # type: ignore[arg-type]
            outcome.changes.append(say.say("goal_changed", number=number, changes=change))
    if goals:
        apply_smart(state.plan, today)  # once, after every source said is set


def _name_of(item: Goal | GoalCandidate) -> str:
    if isinstance(item, GoalCandidate):
        return item.name or item.text
    return item.metric or item.statement


def _sources_said(said: str, language: str) -> list[tuple[list[int], str, str]]:
    """(the goal numbers, the source, the words that name the goal) for each source said:
    a sentence may give one for each goal it lists ("för mål 1 är Fortnox tid, för mål 2
    Fortnox byrå"); a sentence naming no goal is about the goal the sentence before it
    numbers ("Mål 3: 25 nya klienter. Datakälla: …")."""
    found: list[tuple[list[int], str, str]] = []
    before: list[int] = []
    for sentence in sentences(said):
        numbers = goal_numbers(sentence.text, language)
        cue = cues.search("data_source_said", language, sentence.text)
        if cue is None:
            before = numbers
            continue
        pieces = _per_goal(sentence.text[cue.start() :], language)
        pieces = pieces or [(numbers or before, sentence.text[cue.end() :])]
        for own, rest in pieces:
            source = _source(_instead(_without_numbers(rest, language), language))
            if source:
                found.append((own, source, sentence.text[: cue.end()]))  # "tallet for X …"
        before = numbers
    return found


_AND_NUMBER = re.compile(r"\s*(?:,|&|and|og|och|и)\s*(\d)\b(?!\s*%)", re.IGNORECASE)


def goal_numbers(text: str, language: str) -> list[int]:
    """The goal numbers said ("mål 3", "G2", "mål 1 och 2"), in the order of the cue's
    patterns."""
    numbers = []
    for pattern in cues.patterns("goal_reference", language):
        for match in pattern.finditer(text):
            numbers.append(int(match.group("n")))
            more = _AND_NUMBER.match(text, match.end())
            if more:  # "mål 1 och 2 mäts i …": both
                numbers.append(int(more.group(1)))
    return numbers


def _per_goal(rest: str, language: str) -> list[tuple[list[int], str]]:
    """ "för mål 1 är Fortnox tid, för mål 2 Fortnox byrå": one source for each goal listed
    after the cue, when it lists two or more."""
    marks = [m for p in cues.patterns("goal_reference", language) for m in p.finditer(rest)]
    marks.sort(key=lambda m: m.start())
    if len(marks) < 2:
        return []
    ends = [m.start() for m in marks[1:]] + [len(rest)]
    return [([int(m.group("n"))], rest[m.end() : end]) for m, end in zip(marks, ends, strict=True)]


def _without_numbers(rest: str, language: str) -> str:
    """The source without a goal's reference said in it ("för mål 2 Fortnox": Fortnox)."""
    for pattern in cues.patterns("goal_reference", language):
        rest = pattern.sub(" ", rest)
    rest = re.sub(r"^\W*(?:för|for|для|по)\s+", "", rest.strip(), flags=re.IGNORECASE)
    rest = re.sub(r"[\s,;]+(?:för|for|для|по|och|og|and|и)\W*$", "", rest, flags=re.IGNORECASE)
    return re.sub(r"^\s*(?:är|er|is|—|:)\s+", "", rest.strip(), flags=re.IGNORECASE)


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


_ASIDE = re.compile(r"\s*\([^)]*\)")  # "Glofox monthly (own membership type)": an aside


def _source(rest: str) -> str:
    said = _ASIDE.sub("", rest).strip(" :—–-,.;")
    if len(said) <= MOST_SOURCE_CHARS:
        return said
    return said[:MOST_SOURCE_CHARS].rsplit(" ", 1)[0] + " …"


def _has_source(goal: Goal | GoalCandidate) -> bool:
    if isinstance(goal, GoalCandidate):
        return goal.source is not None
    return any(k.source for k in goal.kpis)


def _set_source(goal: Goal | GoalCandidate, source: str) -> None:
    if isinstance(goal, GoalCandidate):
        goal.source = source  # the goal's KPI takes it when drafted
    elif goal.kpis:
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
