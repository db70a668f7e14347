"""The coaching service: sessions in, replies and plans out. UI-free; the CLI and the web
app are thin layers over it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from pydantic import BaseModel

from assistant.coaching.brief import plan_from_brief
from assistant.coaching.dialogue import OfflineCoach
from assistant.coaching.graph import build_graph, open_checkpointer
from assistant.coaching.grounding import warm_up
from assistant.coaching.llm_coach import LlmPhraser
from assistant.coaching.plan import StrategyPlan
from assistant.coaching.state import SessionState
from assistant.config import Settings
from assistant.knowledge.service import KnowledgeBase
from assistant.llm import llm_config


class TurnResult(BaseModel):
    reply: str
    plan: dict[str, Any]
    engine: str
    stage: str
    notices: list[str] = []


class CoachService:
    def __init__(self, settings: Settings, today: Callable[[], date] = date.today) -> None:
        self.settings = settings
        self.kb = KnowledgeBase(settings)
        self.kb.ensure_fresh()
        warm_up(self.kb)
        self.coach = OfflineCoach(self.kb, today)
        config = llm_config(settings)
        self.phraser = LlmPhraser(config, today) if config else None
        if self.phraser is not None:
            self.coach.goal_wording = self.phraser.word_goals
        self.engine = self.phraser.name if self.phraser else self.coach.name
        self.today = today
        settings.ensure_dirs()
        self._saver = open_checkpointer(settings.data_dir / "sessions.sqlite")
        self._graph = build_graph(self.coach, self._saver, self.phraser)
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def _lock(self, session_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(session_id, threading.Lock())

    def send(self, session_id: str, message: str, language: str | None = None) -> TurnResult:
        """One user turn; the session is saved when the turn completes."""
        config = {"configurable": {"thread_id": session_id}}
        with self._lock(session_id):
            out = self._graph.invoke(self._payload(session_id, message, language), config)
        return self._result(out)

    def _payload(self, session_id: str, message: str, language: str | None) -> dict[str, Any]:
        payload: dict[str, Any] = {"message": message}
        if language:
            session = self.session(session_id)
            session.language, session.language_fixed = language, True
            session.plan.language = language
            payload["session"] = session.model_dump(mode="json")
        return payload

    def _result(self, out: dict[str, Any]) -> TurnResult:
        session = SessionState.model_validate(out["session"])
        return TurnResult(
            reply=out["reply"],
            plan=session.plan.model_dump(mode="json"),
            engine=self.engine,
            stage=session.stage,
            notices=session.notices,
        )

    def stream(
        self, session_id: str, message: str, language: str | None = None
    ) -> Iterator[str | TurnResult]:
        """The reply as it is written (text pieces), then the turn's ``TurnResult``, whose
        ``reply`` is authoritative (it may replace streamed text after a fallback)."""
        config = {"configurable": {"thread_id": session_id}}
        with self._lock(session_id):
            payload = self._payload(session_id, message, language)
            final: dict[str, Any] = {}
            for mode, chunk in self._graph.stream(
                payload, config, stream_mode=["custom", "values"]
            ):
                if mode == "custom":
                    yield str(chunk)
                else:
                    final = chunk
        yield self._result(final)

    def session(self, session_id: str) -> SessionState:
        snapshot = self._graph.get_state({"configurable": {"thread_id": session_id}})
        values = snapshot.values if snapshot else {}
        return SessionState.model_validate(values.get("session") or {})

    def plan_from_brief(self, brief: str, language: str | None = None) -> StrategyPlan:
        return plan_from_brief(self.coach, brief, language, self.today())
