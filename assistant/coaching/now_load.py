""" "6 things in Now is too much for us": the owner says the Now lane is more than they can
carry, so the coach keeps the few steps that matter most there (one fewer when there are
only a few) and moves the rest to Next, saying which. The owner's own first pick and high
priorities stay; the monthly routine is a habit, not a project, and stays beside them."""

from __future__ import annotations

from datetime import date

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.edits import InitiativeEdit, change_initiative
from assistant.coaching.facts import Facts
from assistant.coaching.plan import Initiative
from assistant.coaching.render import roadmap_order
from assistant.coaching.roadmap_lanes import ALWAYS as ROUTINE
from assistant.coaching.state import SessionState

NOW_KEPT = 3  # projects a small team can carry at once, besides the monthly routine
_RANK = {"high": 0, "medium": 1, "low": 2, None: 3}


def _kept_first(now: list[Initiative], state: SessionState) -> list[Initiative]:
    """Now's projects, the ones to keep first: those the owner put in Now themselves, the
    owner's first pick, then the owner's goals before groundwork, then priority; the
    roadmap's order breaks ties. The planning routine is no project."""
    routine = _routine_titles(state.plan.language)
    projects = [i for i in now if i.title not in routine]
    return sorted(
        projects,
        key=lambda i: (
            state.lanes_set.get(i.id) != "short",
            not i.put_first,
            not i.goal_ids,
            _RANK[i.priority],
            projects.index(i),
        ),
    )


def _routine_titles(language: str) -> set[str]:
    titles = load_kpi_catalogue().title_ids(language)
    return {title for title, spec_id in titles.items() if spec_id in ROUTINE}


def lighten_now(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    say = say_for(state)
    if not state.plan.roadmap:
        outcome.asks.append(say.say("no_roadmap_yet"))
        return
    now = [i for i in roadmap_order(state.plan) if i.horizon == "short"]
    projects = _kept_first(now, state)
    chosen = sum(state.lanes_set.get(i.id) == "short" for i in projects)  # the owner's own
    keep = max(1, chosen, min(NOW_KEPT, len(projects) - 1))  # always lighter, never empty
    moved = projects[keep:]
    if not moved:
        outcome.changes.append(say.say("now_light_already", count=len(now)))
        return
    for item in moved:
        change_initiative(state.plan, item.id, InitiativeEdit(horizon="medium"), today)
    titles = "; ".join(f"«{i.title}»" for i in moved)
    lane = say.label("horizons", "medium")
    kept = len(projects) - len(moved)
    outcome.changes.append(say.say("now_lightened", moved=titles, kept=kept, lane=lane))
    outcome.roadmap_changed = True
