"""The LLM engine: the offline coach decides (facts, plan, questions, citations); the model
rewrites the reply conversationally. Any failure, or a rewrite that adds numbers or citation
markers the draft does not have, falls back to the offline reply with a visible notice."""

from __future__ import annotations

import re

from assistant.coaching.dialogue import OfflineCoach
from assistant.coaching.messages import Messages
from assistant.coaching.state import SessionState
from assistant.llm import LlmConfig, LlmUnavailable, complete_text, data_block, make_chat_model
from assistant.llm.prompts import load_prompt

LANGUAGE_NAMES = {"en": "English", "nb": "Norwegian (bokmål)", "sv": "Swedish", "ru": "Russian"}
_NUMBER = re.compile(r"\d+(?:[.,\s]\d+)*")
_MARK = re.compile(r"\[\d+\]")
_HISTORY_TURNS = 6


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[\s,.]", "", n) for n in _NUMBER.findall(text)}


def is_faithful(rewrite: str, draft: str, user_text: str) -> bool:
    """No number and no citation marker that the draft (or the user) did not already have."""
    allowed = _numbers(draft) | _numbers(user_text)
    return _numbers(rewrite) <= allowed and set(_MARK.findall(rewrite)) <= set(_MARK.findall(draft))


class LlmCoach:
    """Same interface as ``OfflineCoach``; the reply is phrased by an OpenAI-compatible model."""

    def __init__(self, offline: OfflineCoach, config: LlmConfig) -> None:
        self.offline = offline
        self.kb = offline.kb
        self.today = offline.today
        self.config = config
        self.model = make_chat_model(config)
        self.name = f"llm:{config.model}"

    def take_turn(self, state: SessionState, message: str) -> str:
        draft = self.offline.take_turn(state, message)
        reply = self._rewrite(state, message or "", draft)
        state.transcript[-1].content = reply
        return reply

    def _rewrite(self, state: SessionState, message: str, draft: str) -> str:
        say = Messages(state.language)
        history = "\n".join(
            f"{turn.role}: {turn.content}" for turn in state.transcript[-_HISTORY_TURNS - 1 : -1]
        )
        prompt = load_prompt("coach_reply")
        messages = prompt.messages(
            language_name=LANGUAGE_NAMES.get(state.language, "English"),
            conversation=data_block("conversation", history),
            draft=data_block("draft reply", draft),
        )
        try:
            rewrite = complete_text(self.model, messages, policy=self.config.retry_policy).strip()
        except LlmUnavailable:
            state.notices.append("llm_unavailable")
            return f"{draft}\n\n_{say.say('llm_fallback_notice')}_"
        if not rewrite or not is_faithful(rewrite, draft, message):
            state.notices.append("llm_rewrite_rejected")
            return f"{draft}\n\n_{say.say('llm_fallback_notice')}_"
        return rewrite
