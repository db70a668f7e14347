"""The interview as a LangGraph graph, checkpointed after every turn (SQLite in the data dir).

One invocation is one user turn. The graph state carries the whole session (plan,
stage, transcript) as JSON, so a session resumes after a restart from its last
completed turn.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, TypedDict

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph import END, START, StateGraph

from assistant.coaching.dialogue import OfflineCoach
from assistant.coaching.llm_coach import LlmCoach
from assistant.coaching.state import SessionState


class TurnState(TypedDict, total=False):
    session: dict[str, Any]
    message: str
    reply: str


def open_checkpointer(path: Path) -> SqliteSaver:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(str(path), check_same_thread=False)
    saver = SqliteSaver(connection)
    saver.setup()
    return saver


def build_graph(coach: OfflineCoach | LlmCoach, checkpointer: SqliteSaver):
    def coach_turn(state: TurnState) -> TurnState:
        session = SessionState.model_validate(state.get("session") or {})
        reply = coach.take_turn(session, state.get("message", ""))
        return {"session": session.model_dump(mode="json"), "reply": reply}

    graph = StateGraph(TurnState)
    graph.add_node("coach_turn", coach_turn)
    graph.add_edge(START, "coach_turn")
    graph.add_edge("coach_turn", END)
    return graph.compile(checkpointer=checkpointer)
