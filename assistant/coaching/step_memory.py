"""The step the owner is talking about: the one they added or changed last. "add a step for
the monthly plan … call that one 'monthly plan with direct debit'" renames that step, not a
goal, though the order names none."""

from __future__ import annotations

from assistant.coaching.commands import PlanCommand
from assistant.coaching.state import SessionState
from assistant.understanding import cues

STEP_ORDERS = ("add_initiative", "change_initiative", "rename_initiative", "link_initiative")


def meant_step(state: SessionState, command: PlanCommand) -> PlanCommand:
    """An order with no number that points at "that one" or "it" in the roadmap's review
    means the step the owner touched last, also earlier in the same message ("add a catering
    page. Put it in Now"): a rename naming no goal renames it, a link links it, a move
    moves it."""
    last = touched_last(state)
    if last is None:
        return command
    return _meant(command, last, state.plan.language)


def touched_last(state: SessionState) -> str | None:
    """The step the owner added or changed last, while the roadmap still holds it."""
    last = state.last_step
    return last if any(i.id == last for i in state.plan.roadmap) else None


def _meant(command: PlanCommand, last: str, language: str) -> PlanCommand:
    if command.number is not None or command.item_id is not None:
        return command
    if not cues.search("this_one", language, command.focus or command.words):
        return command
    if command.action in ("link_initiative", "change_initiative"):  # "link it", "put it in Now"
        return command.model_copy(update={"item_id": last})
    own = command.focus or command.words  # "call that one 'X' and link it to goal 3"
    if command.action == "rename_goal" and not cues.search("goal_word", language, own):
        return command.model_copy(update={"action": "rename_initiative", "item_id": last})
    return command


def remember_step(state: SessionState, command: PlanCommand, before: set[str]) -> None:
    """The step an order added, or the one it changed, is "that one" of the next order."""
    added = [i.id for i in state.plan.roadmap if i.id not in before]  # whatever the order
    touched = added[-1] if added else command.item_id if command.action in STEP_ORDERS else None
    if touched is not None and any(i.id == touched for i in state.plan.roadmap):
        state.last_step = touched
