"""Putting back a step the owner took off the roadmap ("put it back", "верните онлайн-запись
в «Сейчас»"): the step returns as it was, in the lane asked for, and may be drafted again."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.command_lanes import lane_said
from assistant.coaching.commands import PlanCommand
from assistant.coaching.drafting import lane_fields
from assistant.coaching.plan import Initiative, next_id
from assistant.coaching.state import SessionState
from assistant.coaching.words import initiatives_named, words_shared
from assistant.understanding import cues


def put_back(state: SessionState, command: PlanCommand, today: date, outcome: Outcome) -> bool:
    """Restores the step taken out that the order names (by a word of its title), or the
    last one taken out when the order names none ("put it back"); False when it is no such
    order."""
    item = _meant(state, command, outcome.taken_out)
    if item is None:
        return False
    plan = state.plan
    state.taken_out = [i for i in state.taken_out if i is not item]
    update = {
        "id": next_id("i", [i.id for i in plan.roadmap]),
        "goal_ids": [g for g in item.goal_ids if g in {goal.id for goal in plan.goals}],
        "depends_on": [],
    }
    lane = lane_said(command.focus or "", plan.language) or lane_said(command.words, plan.language)
    if lane and lane != item.horizon:
        update |= lane_fields(lane, today)
    restored = Initiative.model_validate(item.model_dump() | update)
    plan.roadmap.append(restored)
    titles = load_kpi_catalogue().title_ids(plan.language)
    spec = titles.get(item.title)
    state.removed_initiatives = [s for s in state.removed_initiatives if s != spec]
    outcome.changes.append(say_for(state).say("initiative_put_back", item=restored.title))
    outcome.roadmap_changed = True
    return True


def _meant(state: SessionState, command: PlanCommand, just_now: list[str]) -> Initiative | None:
    """The step taken out in an earlier message that the order names, else the last one."""
    earlier = [i for i in state.taken_out if i.title not in just_now]
    if not earlier or not state.plan.roadmap:
        return None
    words = command.focus or command.words
    if not cues.search("put_back", state.plan.language, words):
        return None
    scores = [words_shared(words, i.title, state.plan.language) for i in earlier]
    best = max(scores)
    if best:
        return earlier[len(scores) - 1 - scores[::-1].index(best)]  # the latest
    return earlier[-1] if _names_no_step(command, state.plan.language) else None


def _names_no_step(command: PlanCommand, language: str) -> bool:
    """ "put it back", "верните его": the order names nothing, so the last step is meant;
    "lägg tillbaka rekryteringen" names one, and a step it is not is never guessed."""
    words = command.focus or command.words
    return not command.name and len(words.split()) <= 6 and not initiatives_named(words, language)


_QUOTED = re.compile(r"[«\"“”]([^«»\"“”]{4,120})[»\"“”]")


def title_over_number(state: SessionState, command: PlanCommand) -> str | None:
    """ "уберите инициативу 3 «Рассылка …»" after the roadmap was renumbered: a quoted title
    names the step more surely than a number, so a quoted title that is not the numbered
    step's points at the step it is; one already taken out points at none."""
    quoted = [q for q in _QUOTED.findall(command.words) if not lane_said(q, state.plan.language)]
    if not quoted:
        return command.item_id
    language = state.plan.language
    numbered = next((i for i in state.plan.roadmap if i.id == command.item_id), None)
    if numbered and any(_is_titled(q, numbered.title, language) for q in quoted):
        return command.item_id
    titled = [
        i for i in state.plan.roadmap if any(_is_titled(q, i.title, language) for q in quoted)
    ]
    if len(titled) == 1:
        return titled[0].id
    if any(_is_titled(q, i.title, language) for q in quoted for i in state.taken_out):
        return TAKEN_OUT
    return command.item_id


TAKEN_OUT = "taken-out"  # the step the order names is off the roadmap already


def _is_titled(quoted: str, title: str, language: str) -> bool:
    """The quote says a good part of the title's words ("Рассылка и автоматические письма")."""
    shared = words_shared(quoted, title, language)
    return shared >= max(1, len(title.split()) // 3) or quoted.casefold() in title.casefold()


def taken_out_title(state: SessionState, command: PlanCommand) -> str:
    """The title of the step taken out that the order's quote names."""
    quoted = _QUOTED.findall(command.words)
    language = state.plan.language
    return next(
        (
            i.title
            for i in reversed(state.taken_out)
            for q in quoted
            if _is_titled(q, i.title, language)
        ),
        quoted[0] if quoted else "",
    )


def last_left_out(state: SessionState, command: PlanCommand, just_now: list[str]) -> bool:
    """ "put it back" naming nothing, when the last step taken out was left out of the plan
    (an objection, not an order that removed a roadmap step)."""
    if not state.removed_initiatives or not _names_no_step(command, state.plan.language):
        return False
    language = state.plan.language
    if not cues.search("put_back", language, command.focus or command.words):
        return False
    titles = load_kpi_catalogue().titles(language)
    last = titles.get(state.removed_initiatives[-1], "")
    planned = {i.title for i in state.plan.roadmap}
    return bool(last) and last not in just_now and last not in planned
