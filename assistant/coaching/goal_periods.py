""" "Mål 3 … det er per år, ikke i måneden": the owner says what a goal's figures count per.
The period said plainly is set on the goal named in the same sentence; the one said with
"not" or in quotes is the one shown wrongly. A goal whose name says the period ("Årlig
omsetning") shows it once."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.drafting import apply_smart
from assistant.coaching.edits import statement_of
from assistant.coaching.facts import Facts
from assistant.coaching.goal_sources import goal_numbers
from assistant.coaching.plan import Goal
from assistant.coaching.state import SessionState
from assistant.understanding import cues
from assistant.understanding.quantities import read_amounts
from assistant.understanding.text import sentences

_QUOTED = re.compile(  # "isn't 'a month'": an apostrophe inside a word opens no quote
    r"(?<!\w)[\"'“”«»‘’„][^\"'“”«»‘’„]{1,40}[\"'“”«»‘’„](?!\w)"
)


def fix_periods(state: SessionState, facts: Facts, today: date, outcome: Outcome) -> None:
    """Each sentence naming a goal and the period its figures count per sets that period."""
    goals, language, say = state.plan.goals, state.language, say_for(state)
    field = say.label("edit_fields", "period")
    changed = False
    for sentence in sentences(facts.said):
        said = _periods_said(sentence.text, language)
        if said is None:
            continue
        period, denied = said
        figures = _figures(sentence.text, language)
        for goal in _goals_named(sentence.text, goals, language):
            shown = goal.period
            if not figures <= _values(goal):
                continue  # a figure of its own: a value to correct, not the period
            if not _set_period(goal, period, denied, language, restated=bool(figures)):
                continue
            changed, number = True, goals.index(goal) + 1
            if period == TOTAL:  # "Goal 1 isn't 'a month', it's 400 in total"
                words = say.label("per_period", shown) if shown else ""
                outcome.changes.append(say.say("period_taken_out", words=words, number=number))
                continue
            change = say.say("edit_field", field=field, value=say.label("per_period", period))
            outcome.changes.append(say.say("goal_changed", number=number, changes=change))
    if changed:
        apply_smart(state.plan, today)


def _periods_said(text: str, language: str) -> tuple[str, set[str]] | None:
    """(the period said plainly, the periods said with "not" or in quotes), when the sentence
    holds no figure of its own besides the goal's number (a figure is a value to correct).
    How often a source is read says no period ("mål 2 mäts i Shopify varje månad")."""
    if cues.search("data_source_said", language, text):
        return None
    plain: list[str] = []
    denied: set[str] = set()
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for period, pattern in cues.period_patterns(language):
        for match in pattern.finditer(text):
            before = text[: match.start()]
            inside = any(a <= match.start() < b for a, b in quoted)
            if inside or cues.search("period_denied_before", language, before[-12:]):
                denied.add(period)
            elif not cues.search("period_as_deadline_before", language, before[-25:]):
                plain.append(period)
    if not plain and denied and cues.search("period_total", language, text):
        plain = [TOTAL]  # "not 'a month' — 400 in total": the figures count no period
        text = re.sub(r"\d+(?=\D*$)", "", text)  # the total's own figure is no new value
    if len(set(plain)) != 1:
        return None
    return plain[0], denied - set(plain)


def _figures(text: str, language: str) -> set[float]:
    """The sentence's figures besides the goals' numbers ("goal 3 is 1,500 a month")."""
    numbers = set(goal_numbers(text, language))
    return {f.amount.value for f in read_amounts(text, language)} - numbers


def _values(goal: Goal) -> set[float]:
    return {f.value for f in (goal.baseline, goal.target) if f is not None and f.value is not None}


def _goals_named(text: str, goals: list[Goal], language: str) -> list[Goal]:
    numbers = goal_numbers(text, language)
    return [goals[n - 1] for n in dict.fromkeys(numbers) if 1 <= n <= len(goals)]


TOTAL = "total"  # said instead of a period: the goal counts a total


def _set_period(
    goal: Goal, period: str, denied: set[str], language: str, restated: bool = False
) -> bool:
    """Sets the period when it puts right the one shown (denied, or another one shown), or
    when the owner says the goal's own figure with it ("goal 3 is 1,500 a MONTH")."""
    if period == TOTAL:
        if goal.period is None or goal.period not in denied:
            return False
        goal.period = None
    elif goal.period == period or not (denied or goal.period or restated):
        return False
    else:
        goal.period = period  # a name that says the period shows it once (goal_statement)
    goal.statement = statement_of(goal, language)
    return True


def only_a_period(words: str, language: str) -> bool:
    """ "per år, ikke i måneden" said as a goal's new name: periods and "not", no name."""
    rest = words
    for _, pattern in cues.period_patterns(language):
        rest = pattern.sub(" ", rest)
    left = re.findall(r"[^\W\d_]+", rest)
    return not [w for w in left if not cues.search("period_denied_before", language, f"{w} ")]
