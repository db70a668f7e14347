"""The LLM engine. The offline coach still decides the plan, the questions and the
citations; the model (1) reads each message with structured output, filling facts the
rules missed — only with numbers the owner actually wrote — and (2) phrases the reply. Any
failure, or a reply that adds numbers or citation markers the draft does not have, falls
back to the offline behaviour with a visible notice; the turn is never lost."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date

from pydantic import BaseModel, Field

from assistant.coaching.facts import Facts, Figure, GoalCandidate
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Goal, Money, ObjectiveCategory
from assistant.coaching.smart import check_goal
from assistant.coaching.state import SessionState
from assistant.llm import (
    LlmConfig,
    LlmUnavailable,
    complete_structured,
    data_block,
    make_chat_model,
    stream_text,
)
from assistant.llm.prompts import load_prompt

LANGUAGE_NAMES = {"en": "English", "nb": "Norwegian (bokmål)", "sv": "Swedish", "ru": "Russian"}
_NUMBER = re.compile(r"\d+(?:[.,\s]\d+)*")
_MARK = re.compile(r"\[\d+\]")
_HISTORY_TURNS = 6
_TURN_CHARS = 4000  # a pasted megabyte does not travel to the model


class ObjectiveReading(BaseModel):
    text: str = Field(description="the objective in the owner's words")
    category: ObjectiveCategory = "other"
    baseline: float | None = Field(default=None, description="today's value, only if stated")
    target: float | None = Field(default=None, description="the value to reach, only if stated")
    unit: str | None = None
    deadline: str | None = Field(default=None, description="YYYY-MM-DD, only if stated")


class MessageReading(BaseModel):
    """What the model read in one message. Every field is optional: null when not stated."""

    business_name: str | None = None
    industry: str | None = None
    staff: int | None = None
    annual_revenue: float | None = None
    currency: str | None = None
    markets: list[str] = Field(default_factory=list)
    objectives: list[ObjectiveReading] = Field(default_factory=list)


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[\s,.]", "", n) for n in _NUMBER.findall(text)}


def _stated(value: float | None, message: str) -> bool:
    """A number counts only if the owner wrote it (as digits, any grouping)."""
    if value is None:
        return False
    digits = _numbers(message)
    whole = f"{value:.0f}" if value == int(value) else str(value).replace(".", "")
    return whole in digits or any(d.startswith(whole) for d in digits)


def is_faithful(rewrite: str, draft: str, user_text: str) -> bool:
    """No number and no citation marker that the draft (or the user) did not already have."""
    allowed = _numbers(draft) | _numbers(user_text)
    return _numbers(rewrite) <= allowed and set(_MARK.findall(rewrite)) <= set(_MARK.findall(draft))


def merge_reading(facts: Facts, reading: MessageReading, message: str) -> Facts:
    """Fill only what the rules missed, and only with numbers found in the message."""
    merged = facts.model_copy(deep=True)
    merged.business_name = facts.business_name or reading.business_name
    merged.industry = facts.industry or reading.industry
    if facts.staff is None and reading.staff and _stated(reading.staff, message):
        merged.staff = reading.staff
    revenue = reading.annual_revenue
    if facts.revenue is None and revenue and reading.currency and _stated(revenue, message):
        with contextlib.suppress(ValueError):
            merged.revenue = Money(amount=revenue, currency=reading.currency)
    merged.markets = facts.markets or reading.markets
    if not facts.goals:
        for item in reading.objectives:
            baseline = item.baseline if _stated(item.baseline, message) else None
            target = item.target if _stated(item.target, message) else None
            deadline = None
            if item.deadline:
                try:
                    deadline = date.fromisoformat(item.deadline)
                except ValueError:
                    deadline = None
            merged.goals.append(
                GoalCandidate(
                    text=item.text,
                    category=item.category,
                    baseline=Figure(value=baseline, unit=item.unit)
                    if baseline is not None
                    else None,
                    target=Figure(value=target, unit=item.unit) if target is not None else None,
                    deadline=deadline,
                )
            )
    return merged


class GoalWording(BaseModel):
    id: str
    statement: str = Field(description="the goal as one clear sentence in the owner's language")


class GoalWordings(BaseModel):
    goals: list[GoalWording] = Field(default_factory=list)


def _goal_numbers(goal: Goal) -> set[str]:
    values = [goal.target.value if goal.target else None]
    values.append(goal.baseline.value if goal.baseline else None)
    return {f"{v:.0f}" if v == int(v) else str(v).replace(".", "") for v in values if v is not None}


class LlmPhraser:
    """Plugs into the interview graph: ``enrich`` after the rules, ``phrase`` at the end."""

    def __init__(self, config: LlmConfig, today: Callable[[], date] = date.today) -> None:
        self.config = config
        self.today = today
        self.model = make_chat_model(config)
        self.name = f"llm:{config.model}"

    def enrich(self, state: SessionState, message: str, facts: Facts) -> Facts:
        prompt = load_prompt("read_message")
        messages = prompt.messages(
            language_name=LANGUAGE_NAMES.get(state.language, "English"),
            stage=state.stage,
            message=data_block("owner message", message),
        )
        try:
            reading = complete_structured(
                self.model, messages, MessageReading, policy=self.config.retry_policy
            )
        except LlmUnavailable:
            state.notices.append("llm_reading_failed")
            return facts
        assert isinstance(reading, MessageReading)
        return merge_reading(facts, reading, message)

    def word_goals(self, state: SessionState) -> None:
        """Let the model word each drafted goal; keep a wording only if it carries exactly the
        goal's numbers and scores at least as well on the SMART check (else the template stays)."""
        plan = state.plan
        drafts = "\n".join(f"{g.id}: {g.statement}" for g in plan.goals)
        messages = load_prompt("word_goals").messages(
            language_name=LANGUAGE_NAMES.get(state.language, "English"),
            goals=data_block("draft goals", drafts),
        )
        try:
            wordings = complete_structured(
                self.model, messages, GoalWordings, policy=self.config.retry_policy
            )
        except LlmUnavailable:
            state.notices.append("llm_wording_failed")
            return
        assert isinstance(wordings, GoalWordings)
        by_id = {w.id: w.statement.strip() for w in wordings.goals}
        today = self.today()
        for goal in plan.goals:
            wording = by_id.get(goal.id, "")
            numbers = _numbers(wording)
            if not wording or not _goal_numbers(goal) <= numbers:
                continue
            if not numbers <= _numbers(goal.statement):
                continue  # a number the draft did not have
            before = check_goal(goal, plan.objectives, today, plan.language).score
            template = goal.statement
            goal.statement = wording
            verdict = check_goal(goal, plan.objectives, today, plan.language)
            if verdict.score < before:
                goal.statement = template  # the template was more SMART: keep it
            else:
                goal.smart = verdict.letters

    def phrase(
        self,
        state: SessionState,
        message: str,
        draft: str,
        emit: Callable[[str], None] | None = None,
    ) -> str:
        """The model's wording of ``draft``, streamed piece by piece through ``emit``.

        The returned text is authoritative: when the model fails midway or its wording adds
        a number or a citation marker, it is the draft plus a notice (a UI replaces what it
        streamed with it)."""
        say = Messages(state.language)
        history = "\n".join(
            f"{turn.role}: {turn.content[:_TURN_CHARS]}"
            for turn in state.transcript[-_HISTORY_TURNS:]
        )
        messages = load_prompt("coach_reply").messages(
            language_name=LANGUAGE_NAMES.get(state.language, "English"),
            conversation=data_block("conversation", history),
            draft=data_block("draft reply", draft),
        )
        pieces: list[str] = []
        try:
            for piece in stream_text(self.model, messages, policy=self.config.retry_policy):
                pieces.append(piece)
                if emit is not None:
                    emit(piece)
        except LlmUnavailable:
            state.notices.append("llm_unavailable")
            return f"{draft}\n\n_{say.say('llm_fallback_notice')}_"
        rewrite = "".join(pieces).strip()
        if not rewrite or not is_faithful(rewrite, draft, message):
            state.notices.append("llm_rewrite_rejected")
            return f"{draft}\n\n_{say.say('llm_fallback_notice')}_"
        return rewrite
