"""What the plan commands of one message did (see ``chat_edits``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.coaching.messages import Messages
from assistant.coaching.state import SessionState


@dataclass
class Outcome:
    """What the commands of one message did: changes said back, and questions to ask."""

    changes: list[str] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    goals_added: bool = False
    show: bool = False  # "show me the goals again"
    exported: bool = False  # a file of the plan was saved
    roadmap_changed: bool = False  # an initiative was removed, left out or moved
    asked_for: list[str] = field(default_factory=list)  # catalogue ids to add to the roadmap
    lanes: dict[str, str] = field(default_factory=dict)  # the lane asked for one of them
    taken_out: list[str] = field(default_factory=list)  # titles removed by this message
    last_step: str | None = None  # the step an order just named: "…, и поставьте его в «Сейчас»"
    save_export: Callable[[SessionState, str], str] | None = None  # writes a file, says where


def say_for(state: SessionState) -> Messages:
    return Messages(state.plan.language)
