"""A coaching session's state: the plan so far plus where the interview stands."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.coaching.catalogue import AnswerValue
from assistant.coaching.facts import GoalCandidate
from assistant.coaching.plan import Goal, Initiative, Objective, StrategyPlan
from assistant.knowledge.models import SearchResult
from assistant.knowledge.scope import session_scope

Stage = Literal["profile", "current_state", "objectives", "playback", "review", "roadmap", "done"]
AskField = Literal["baseline", "target", "deadline"]


class ChatTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str
    # a user turn answered with the answer controls: the picks, and the words typed beside them
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    typed: str | None = None


class PendingAsk(BaseModel):
    """The number the coach asked for last: which objective, which field."""

    candidate: int
    field: AskField


class TakenGoal(BaseModel):
    """A goal as it was when the owner removed it: where it stood and what it was made of."""

    number: int  # as the owner saw it
    objective: Objective
    candidate: GoalCandidate | None = None
    goal: Goal | None = None


class SessionState(BaseModel):
    session_id: str = Field(
        default="",
        exclude=True,
        description="the checkpoint thread, set by the graph on every turn (never stored)",
    )
    language: str = "en"
    language_fixed: bool = False
    stage: Stage = "profile"
    plan: StrategyPlan = Field(default_factory=StrategyPlan)
    maturity_answers: dict[str, AnswerValue] = Field(default_factory=dict)
    groups_asked: list[str] = Field(default_factory=list)
    asked_fields: list[str] = Field(default_factory=list, description="'<objective>:<field>'")
    profile_asks: int = 0
    marketing_asked: bool = False
    more_objectives_asked: bool = False
    objective_asks: int = 0
    candidates: list[GoalCandidate] = Field(default_factory=list)
    pending: PendingAsk | None = None
    last_question: str = ""
    transcript: list[ChatTurn] = Field(default_factory=list)
    sources: dict[str, SearchResult] = Field(default_factory=dict)
    side_quotes: dict[str, list[str]] = Field(
        default_factory=dict, description="chunk_id -> sentences quoted in answers to questions"
    )
    notices: list[str] = Field(default_factory=list, description="what happened this turn")
    acts: list[str] = Field(
        default_factory=list,
        description="what the coach did this turn, typed: answered, declined, acknowledged, "
        "changed, exported, roadmap_changed, reminded, asked_to_confirm, asked_what_to_change, "
        "approved, goals_asked",
    )
    understood: dict[str, str] = Field(
        default_factory=dict,
        description="profile field -> the owner's words it was read from (or an edit note)",
    )
    removed_initiatives: list[str] = Field(
        default_factory=list,
        description="catalogue ids of initiatives the owner removed: never drafted again",
    )
    taken_out: list[Initiative] = Field(
        default_factory=list,
        description='initiatives the owner took off the roadmap, last one last: "put it '
        'back" restores them as they were',
    )
    goals_taken_out: list[TakenGoal] = Field(
        default_factory=list,
        description='goals the owner removed, last one last: "put goal 1 back" restores them',
    )
    shown_summary: list[str] = Field(
        default_factory=list,
        description="the summary's parts as last shown: shown again, only changed ones repeat",
    )
    wanted_initiatives: dict[str, str] = Field(
        default_factory=dict,
        description="catalogue id -> the owner's words asking for it: always in the roadmap",
    )
    exports_pending: list[str] = Field(
        default_factory=list, description="file formats asked for with an approval, this turn"
    )
    owner_edits: list[str] = Field(
        default_factory=list, description="plan edits made in the app, not yet acknowledged"
    )
    dismissed_gaps: list[str] = Field(
        default_factory=list, description="maturity question ids whose gap the owner dismissed"
    )
    lanes_set: dict[str, str] = Field(
        default_factory=dict, description="roadmap step id -> the lane the owner moved it to"
    )
    last_step: str | None = Field(
        default=None,
        description="the roadmap step the owner added or changed last: 'that one' of the next",
    )

    @property
    def scope(self) -> str | None:
        """The knowledge this session may search: the shared guidance plus its own uploads
        (``None``, shared only, for a plan made outside a session)."""
        return session_scope(self.session_id) if self.session_id else None

    @property
    def assistant_turns(self) -> int:
        return sum(1 for t in self.transcript if t.role == "assistant")
