"""Milestones among the owner's aims: a project to carry out by a date ("journals in a cloud
system by 1 September"), never asked for today's value or a level, and one said again is the
aim already held, not a second goal."""

from __future__ import annotations

from assistant.coaching.facts import GoalCandidate
from assistant.coaching.smart import led_by_activity
from assistant.coaching.state import SessionState
from assistant.understanding.stems import shared_words


def is_milestone(candidate: GoalCandidate) -> bool:
    """A project to carry out by a date ("journalerna flyttade till ett molnbaserat
    journalsystem, klart 1 september 2027"): nothing to count today, no level to reach."""
    figures = (candidate.baseline, candidate.target, candidate.change_percent)
    if candidate.kpi_id is not None or any(f is not None for f in figures):
        return False
    return candidate.deadline is not None or led_by_activity(candidate.text)


SAME_AIM_WORDS = 3  # words a milestone shares with one held, due the same day, to be it


def held_milestone(state: SessionState, candidate: GoalCandidate) -> int | None:
    """The goal (or objective, before drafting) a milestone said again is: due the same day,
    in much the same words ("patient records in a cloud system with backup by 1 September")."""
    if candidate.deadline is None or candidate.target is not None:
        return None
    held = (
        [(g.deadline, g.statement) for g in state.plan.goals]
        if state.plan.goals
        else [(c.deadline, c.text) for c in state.candidates]
    )
    for index, (deadline, words) in enumerate(held):
        shared = shared_words(candidate.text, words, state.language)
        if deadline == candidate.deadline and shared >= SAME_AIM_WORDS:
            return index
    return None
