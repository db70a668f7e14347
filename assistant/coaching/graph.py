"""The interview as a LangGraph state graph, checkpointed after every turn (SQLite).

One invocation is one user turn:

    understand ─┬─ empty ──────────┐
                ├─ side_question ──┤
                ├─ show_goals ─────┤
                └─ <stage> ────────┴─ respond
    stages: profile, current_state, objectives, playback, review, roadmap, done

``understand`` reads the message (rules, plus the model's structured extraction when the
LLM engine is on), applies corrections and picks the route; a stage node advances the
interview; ``respond`` assembles the reply (phrased by the model when the LLM engine is on)
and records the turn. The graph state carries the whole session as JSON, so a session
resumes after a restart from its last completed turn. The checkpoint thread id is the session
id: each node puts it on the ``SessionState`` so the coach searches that session's knowledge
scope (shared guidance plus its own uploads).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypedDict

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, StateGraph

from assistant.coaching.dialogue import OfflineCoach
from assistant.coaching.facts import Facts
from assistant.coaching.say_back import snapshot
from assistant.coaching.state import ChatTurn, SessionState
from assistant.knowledge.store import StoreUnavailable

STAGES = ("profile", "current_state", "objectives", "playback", "review", "roadmap", "done")


class Phraser(Protocol):
    """What the LLM engine adds: better reading of a message and a natural reply."""

    name: str

    def enrich(self, state: SessionState, message: str, facts: Facts) -> Facts: ...

    def phrase(
        self,
        state: SessionState,
        message: str,
        draft: str,
        emit: Callable[[str], None] | None = None,
    ) -> str: ...


class TurnStopped(Exception):
    """The person pressed stop: the turn is abandoned and nothing of it is saved."""


class TurnState(TypedDict, total=False):
    session: dict[str, Any]
    message: str
    answers: dict[str, Any]  # maturity answers picked with the quick-reply controls
    reading: str | None  # the typed text, when ``message`` also lists the picked answers
    facts: dict[str, Any] | None
    parts: list[str]
    route: str
    first: bool
    held: dict[str, str]  # what the plan held of the business before this message
    reply: str


class SessionStoreDamaged(StoreUnavailable):
    """The session store (``sessions.sqlite``) cannot be opened; the message says what to do.

    A ``StoreUnavailable``, so every front end that reports an unreachable store in one line
    reports this one the same way."""


BUSY_SECONDS = 30.0  # another process on the same data dir may hold the store this long


SETUP_ATTEMPTS = 20  # switching the store to WAL skips SQLite's busy wait: tried again
SETUP_PAUSE = 0.5  # seconds between tries while another process holds the store


def _set_up(connection: sqlite3.Connection) -> SqliteSaver:
    """The checkpointer on ``connection``; while another process starting on the same data
    dir holds the store ("database is locked"), the setup waits and tries again."""
    saver = SqliteSaver(connection)
    for attempt in range(SETUP_ATTEMPTS):
        try:
            saver.setup()
            return saver
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or attempt == SETUP_ATTEMPTS - 1:
                raise
            time.sleep(SETUP_PAUSE)
    return saver


def open_checkpointer(path: Path) -> SqliteSaver:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path), timeout=BUSY_SECONDS, check_same_thread=False)
        saver = _set_up(connection)
    except (sqlite3.Error, OSError) as exc:
        raise SessionStoreDamaged(
            f"cannot open the session store {path}: {exc}. Run 'strategy-coach doctor "
            "--repair' to move it aside (nothing is deleted) and start a fresh one."
        ) from exc
    return saver


def _session(state: TurnState, config: RunnableConfig | None = None) -> SessionState:
    session = SessionState.model_validate(state.get("session") or {})
    thread = ((config or {}).get("configurable") or {}).get("thread_id")
    session.session_id = str(thread or "")
    return session


def build_graph(coach: OfflineCoach, checkpointer: SqliteSaver, phraser: Phraser | None = None):
    def understand(state: TurnState, config: RunnableConfig) -> TurnState:
        session = _session(state, config)
        message = state.get("message", "") or ""
        # what to read: the typed words; ``message`` may also list picked answers
        reading = state.get("reading")
        text = (message if reading is None else reading).strip()
        answers = state.get("answers") or {}
        first = session.assistant_turns == 0
        if first:  # the coach's date, not the wall clock's (they differ when one is fixed)
            day = coach.today()  # both at once: each alone may fail "updated >= created"
            session.plan = session.plan.model_copy(update={"created": day, "updated": day})
        session.notices = []  # notices and acts describe this turn only
        session.acts = []
        session.transcript.append(
            ChatTurn(role="user", content=message, answers=answers, typed=reading)
        )
        wordless = not any(ch.isalnum() for ch in text)  # "", "🙂🙂", control characters
        if wordless and not answers:
            return {
                "session": session.model_dump(mode="json"),
                "route": "empty",
                "parts": [],
                "facts": None,
                "first": first,
            }
        facts = coach.read(session, text)
        if phraser is not None:
            facts = phraser.enrich(session, text, facts)
        if answers:  # picked answers win over what the text seemed to say
            facts.maturity = {**facts.maturity, **answers}
        held = snapshot(session)
        parts, route = coach.understand(session, text, facts)
        return {
            "session": session.model_dump(mode="json"),
            "facts": facts.model_dump(mode="json"),
            "parts": parts,
            "route": route,
            "first": first,
            "held": held,
        }

    def empty(state: TurnState) -> TurnState:
        session = _session(state)
        return {"parts": [coach.empty_reply(session)]}

    def side_question(state: TurnState, config: RunnableConfig) -> TurnState:
        session = _session(state, config)
        facts = Facts.model_validate(state["facts"]) if state.get("facts") else None
        text = (state.get("reading") or state["message"]).strip()
        part = coach.side_question(session, text, facts)
        return {"session": session.model_dump(mode="json"), "parts": [*state["parts"], part]}

    def show_goals(state: TurnState, config: RunnableConfig) -> TurnState:
        session = _session(state, config)
        facts = Facts.model_validate(state.get("facts") or {})
        answers = coach.inline_answers(session, facts)  # "… and what do we do first?"
        part = coach.show_goals(session)
        parts = [*state["parts"], *answers, part]
        return {"session": session.model_dump(mode="json"), "parts": parts}

    def stage_node(state: TurnState, config: RunnableConfig) -> TurnState:
        session = _session(state, config)
        facts = Facts.model_validate(state.get("facts") or {})
        answers = coach.inline_answers(session, facts)  # before the stage moves on
        part = coach.stage_reply(session, facts, bool(state.get("first")), state.get("held"))
        files = coach.exports_after_approval(session)  # "approved, send it as PDF"
        parts = [*state["parts"], *answers, part, *files]
        return {"session": session.model_dump(mode="json"), "parts": parts}

    def respond(state: TurnState, config: RunnableConfig) -> TurnState:
        session = _session(state, config)
        # the same line twice (two questions both without guidance) is said once
        draft = "\n\n".join(dict.fromkeys(p for p in state.get("parts", []) if p))
        writer = get_stream_writer()
        stop = (config.get("configurable") or {}).get("stop")

        def emit(piece: str) -> None:
            if stop is not None and stop.is_set():
                raise TurnStopped
            writer(piece)

        if phraser is not None and state.get("route") != "empty":
            reply = phraser.phrase(session, state.get("message", ""), draft, emit)
        else:
            reply = draft
            emit(draft)
        session.transcript.append(ChatTurn(role="assistant", content=reply))
        # a clock set back (or a process on another date) must not fail the turn
        session.plan.updated = max(coach.today(), session.plan.created)
        return {
            "session": session.model_dump(mode="json"),
            "reply": reply,
            "facts": None,
            "answers": {},
            "reading": None,
        }

    graph = StateGraph(TurnState)
    graph.add_node("understand", understand)
    graph.add_node("empty", empty)
    graph.add_node("side_question", side_question)
    graph.add_node("show_goals", show_goals)
    for stage in STAGES:
        graph.add_node(stage, stage_node)
    graph.add_node("respond", respond)
    graph.add_edge(START, "understand")
    routes = ["empty", "side_question", "show_goals", *STAGES]
    graph.add_conditional_edges("understand", lambda s: s["route"], {r: r for r in routes})
    for route in routes:
        graph.add_edge(route, "respond")
    graph.add_edge("respond", END)
    return graph.compile(checkpointer=checkpointer)
