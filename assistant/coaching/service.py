"""The coaching service: sessions in, replies and plans out. UI-free; the CLI and the web
app are thin layers over it.

A turn is saved (checkpointed) only when it completes, so a stopped or failed turn leaves the
session exactly as it was. Sessions are separate: each has its own checkpoint thread and its
own lock, and when the app runs with logins a session belongs to the person who made it.
Documents uploaded in a session are that session's alone (its knowledge scope), and deleting
a session deletes its checkpoints, uploads (files and index rows) and exports.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from assistant.coaching import render
from assistant.coaching.brief import plan_from_brief, session_from_brief
from assistant.coaching.catalogue import AnswerValue, MaturityQuestion, load_maturity_questions
from assistant.coaching.dialogue import OfflineCoach
from assistant.coaching.edits import (
    EditRefused,
    GoalEdit,
    InitiativeEdit,
    ProfileEdit,
    edit_goal,
    edit_initiative,
    edit_profile,
    plan_after_edit,
)
from assistant.coaching.feedback import Rating, build_case, save_case
from assistant.coaching.graph import TurnStopped, build_graph, open_checkpointer
from assistant.coaching.llm_coach import LlmPhraser
from assistant.coaching.messages import Messages
from assistant.coaching.plan import StrategyPlan
from assistant.coaching.quick_answers import describe, valid_answers
from assistant.coaching.sessions import SessionCatalogue, SessionInfo, SessionNotFound
from assistant.coaching.state import ChatTurn, SessionState
from assistant.coaching.uploads import Upload, remove_folder, safe_name, session_folder, stage
from assistant.coaching.warmup import rehearse
from assistant.config import Settings
from assistant.knowledge.ingest import IngestReport
from assistant.knowledge.models import SearchResult
from assistant.knowledge.scope import session_scope
from assistant.knowledge.service import KnowledgeBase
from assistant.llm import llm_config

if TYPE_CHECKING:
    from assistant.reporting.export import ExportedFile, ExportFormat


log = logging.getLogger(__name__)


class TurnResult(BaseModel):
    reply: str
    plan: dict[str, Any]
    engine: str
    stage: str
    notices: list[str] = []


class EditResult(BaseModel):
    change: str  # empty when nothing changed
    plan: dict[str, Any]


class CoachService:
    def __init__(self, settings: Settings, today: Callable[[], date] = date.today) -> None:
        self.settings = settings
        self.kb = KnowledgeBase(settings)
        self.kb.ensure_fresh()
        self._adopt_legacy_uploads()
        self.coach = OfflineCoach(self.kb, today)
        config = llm_config(settings)
        self.phraser = LlmPhraser(config, today) if config else None
        if self.phraser is not None:
            self.coach.goal_wording = self.phraser.word_goals
        self.coach.save_export = self._export_in_turn
        self.engine = self.phraser.name if self.phraser else self.coach.name
        self.today = today
        settings.ensure_dirs()
        sessions_db = settings.data_dir / "sessions.sqlite"
        self._saver = open_checkpointer(sessions_db)
        self._graph = build_graph(self.coach, self._saver, self.phraser)
        self.catalogue = SessionCatalogue(sessions_db)
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._warm = threading.Event()
        self._warm.set()  # nothing to wait for unless start_warm_up() is called

    def start_warm_up(self) -> threading.Thread:
        """Rehearse in the background (see ``warmup.py``) while the app starts serving;
        turns wait for it to finish rather than all loading the same models at once."""
        self._warm.clear()

        def run() -> None:
            try:
                seconds = rehearse(self.coach, self.today())
                log.info("warm-up done in %.1f s", seconds)
            finally:
                self._warm.set()

        thread = threading.Thread(target=run, name="coach-warm-up", daemon=True)
        thread.start()
        return thread

    # ----- turns -----
    def send(
        self,
        session_id: str,
        message: str,
        language: str | None = None,
        answers: dict[str, AnswerValue] | None = None,
        owner: str = "",
    ) -> TurnResult:
        """One user turn; the session is saved when the turn completes."""
        result = None
        for piece in self.stream(session_id, message, language, answers, owner):
            if isinstance(piece, TurnResult):
                result = piece
        assert result is not None
        return result

    def stream(
        self,
        session_id: str,
        message: str,
        language: str | None = None,
        answers: dict[str, AnswerValue] | None = None,
        owner: str = "",
    ) -> Iterator[str | TurnResult]:
        """The reply as it is written (text pieces), then the turn's ``TurnResult``, whose
        ``reply`` is authoritative (it may replace streamed text after a fallback). Closing
        the iterator early (a "stop") discards the turn: nothing is saved."""
        self._check_owner(session_id, owner)
        self._warm.wait()
        with self._lock(session_id):
            payload = self._payload(session_id, message, language, answers)
            yield from self._run(session_id, payload, self._config(session_id), owner)

    def regenerate(
        self, session_id: str, language: str | None = None, owner: str = ""
    ) -> Iterator[str | TurnResult]:
        """Write the last reply again: the last turn is replayed from the state before it."""
        self._check_owner(session_id, owner)
        say = Messages(self.session(session_id).language)
        with self._lock(session_id):
            latest = self._graph.get_state(self._config(session_id))
            session = SessionState.model_validate(latest.values.get("session") or {})
            if not session.transcript or session.transcript[-1].role != "assistant":
                raise EditRefused(say.say("regenerate_nothing"))
            if session.owner_edits:  # edited since that reply: replaying would undo the edit
                raise EditRefused(say.say("regenerate_after_edit"))
            last = session.transcript[-2]
            config = self._before_last_turn(session_id, len(session.transcript) - 2)
            words = last.typed if last.answers and last.typed is not None else last.content
            payload = self._payload(session_id, words, language, last.answers, config)
            yield from self._run(session_id, payload, config, owner)

    def _before_last_turn(self, session_id: str, turns: int) -> dict[str, Any]:
        """Config pointing at the checkpoint whose transcript has ``turns`` entries (a fork
        from there becomes the session's newest state); the empty session for ``turns == 0``."""
        if turns == 0:
            self._saver.delete_thread(session_id)
            return self._config(session_id)
        for snapshot in self._graph.get_state_history(self._config(session_id)):
            values = snapshot.values.get("session") or {}
            if not snapshot.next and len(values.get("transcript", [])) == turns:
                return snapshot.config
        raise EditRefused(Messages("en").say("regenerate_nothing"))

    def _run(
        self, session_id: str, payload: dict[str, Any], config: dict[str, Any], owner: str
    ) -> Iterator[str | TurnResult]:
        before = self._graph.get_state(self._config(session_id)).values.get("session")
        stop = threading.Event()
        config = {**config, "configurable": {**config["configurable"], "stop": stop}}
        steps = self._graph.stream(
            payload, config, stream_mode=["custom", "values"], durability="exit"
        )
        final: dict[str, Any] = {}
        try:
            for mode, chunk in steps:
                if mode == "custom":
                    yield str(chunk)
                else:
                    final = chunk
        except GeneratorExit:  # the person pressed stop: abandon the turn, keep the session
            stop.set()
            with contextlib.suppress(TurnStopped):
                steps.close()
            self._restore(session_id, before)
            raise
        except Exception:  # a failed turn (store down, a bug) leaves no half turn behind
            self._restore(session_id, before)
            raise
        result = self._result(final)
        name = result.plan.get("profile", {}).get("business_name")
        self.catalogue.touch(session_id, owner, suggested_title=name)
        yield result

    def _restore(self, session_id: str, before: dict[str, Any] | None) -> None:
        """Put the session back as it was before an abandoned turn."""
        if before is None:
            self._saver.delete_thread(session_id)
            return
        values = {"session": before, "reply": "", "answers": {}, "facts": None}
        self._graph.update_state(self._config(session_id), values, as_node="respond")

    def _payload(
        self,
        session_id: str,
        message: str,
        language: str | None,
        answers: dict[str, AnswerValue] | None,
        config: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        snapshot = self._graph.get_state(config or self._config(session_id))
        session = SessionState.model_validate((snapshot.values or {}).get("session") or {})
        picked = valid_answers(answers or {})
        payload: dict[str, Any] = {"message": message, "answers": picked, "reading": None}
        if language:
            session.language, session.language_fixed = language, True
            session.plan.language = language
            payload["session"] = session.model_dump(mode="json")
        if picked:
            listed = describe(picked, session.language)
            payload["message"] = f"{message.strip()}\n\n{listed}".strip()
            payload["reading"] = message
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

    # ----- reading and changing a session -----
    def session(self, session_id: str) -> SessionState:
        snapshot = self._graph.get_state(self._config(session_id))
        values = snapshot.values if snapshot else {}
        return SessionState.model_validate(values.get("session") or {})

    def quick_questions(self, session_id: str) -> list[MaturityQuestion]:
        """The maturity questions just asked, for answer controls beside the text box."""
        session = self.session(session_id)
        if session.stage != "current_state" or not session.groups_asked:
            return []
        bank = load_maturity_questions()
        group = next(g for g in bank.interview_groups if g.id == session.groups_asked[-1])
        by_id = {q.id: q for q in bank.questions}
        return [by_id[qid] for qid in group.question_ids]

    def edit_goal(
        self, session_id: str, goal_id: str, edit: GoalEdit, owner: str = ""
    ) -> EditResult:
        return self._edit(session_id, owner, lambda s: edit_goal(s, goal_id, edit, self.today()))

    def edit_profile(self, session_id: str, edit: ProfileEdit, owner: str = "") -> EditResult:
        return self._edit(session_id, owner, lambda s: edit_profile(s, edit))

    def edit_initiative(
        self, session_id: str, item_id: str, edit: InitiativeEdit, owner: str = ""
    ) -> EditResult:
        return self._edit(
            session_id, owner, lambda s: edit_initiative(s, item_id, edit, self.today())
        )

    def _edit(
        self, session_id: str, owner: str, change: Callable[[SessionState], str]
    ) -> EditResult:
        self._check_owner(session_id, owner)
        with self._lock(session_id):
            session = self.session(session_id)
            said = change(session)  # EditRefused: nothing is saved
            if said:
                session.plan = plan_after_edit(session.plan)
                self._graph.update_state(
                    self._config(session_id),
                    {"session": session.model_dump(mode="json")},
                    as_node="respond",
                )
        return EditResult(change=said, plan=session.plan.model_dump(mode="json"))

    def rate(
        self, session_id: str, reply_index: int, rating: Rating, comment: str = "", owner: str = ""
    ) -> Path | None:
        """Record a rating; a thumbs-down saves a replayable case (its path is returned)."""
        self._check_owner(session_id, owner)
        state = self.session(session_id)
        case = build_case(
            session_id, state, reply_index, rating, comment, self.engine, self.settings
        )
        return save_case(case, self.settings.data_dir)

    def export(self, session_id: str, fmt: ExportFormat, owner: str = "") -> ExportedFile:
        """The plan (md, docx, pdf) or the conversation (transcript) as a file."""
        from assistant.reporting.export import export  # documents and charts: load on use

        self._check_owner(session_id, owner)
        return export(self.session(session_id), fmt, self.today())

    def save_export(self, session_id: str, fmt: ExportFormat, owner: str = "") -> Path:
        """The export as a file in the session's export folder (``exports/<session>/``),
        for the web app to serve; it is deleted with the session."""
        return self._write_export(session_id, self.export(session_id, fmt, owner))

    def _export_in_turn(self, state: SessionState, fmt: str) -> str:
        """A plan asked for in chat, as it is at this turn, saved; where it is."""
        from assistant.reporting.export import export

        file = export(state, fmt, self.today())  # type: ignore[arg-type]
        return str(self._write_export(state.session_id or "unsaved", file))

    def _write_export(self, session_id: str, file: ExportedFile) -> Path:
        folder = session_folder(self.settings.exports_dir, session_id)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / safe_name(file.filename)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_bytes(file.content)
        os.replace(partial, path)  # a download never sees half a file
        return path

    # ----- the list of sessions -----
    def sessions(self, owner: str = "") -> list[SessionInfo]:
        return self.catalogue.list(owner)

    def new_session(self, owner: str = "", title: str | None = None) -> SessionInfo:
        return self.catalogue.create(owner, title)

    def rename_session(self, session_id: str, title: str, owner: str = "") -> SessionInfo:
        self._check_owner(session_id, owner)
        self.catalogue.touch(session_id, owner)  # a session not yet used gets its entry
        return self.catalogue.rename(session_id, title)

    def delete_session(self, session_id: str, owner: str = "") -> None:
        """Delete the conversation and everything the session brought in or wrote out: its
        checkpoints, its uploads (files and index rows) and its exported files."""
        self._check_owner(session_id, owner)
        with self._lock(session_id):
            self._saver.delete_thread(session_id)
            self.catalogue.delete(session_id)
            uploads = session_folder(self.settings.uploads_dir, session_id)
            self.kb.remove_scope(session_scope(session_id), uploads)
            remove_folder(uploads)
            remove_folder(session_folder(self.settings.exports_dir, session_id))

    def _check_owner(self, session_id: str, owner: str) -> None:
        info = self.catalogue.get(session_id)
        if info is not None and info.owner != owner:
            raise SessionNotFound(session_id)

    # ----- knowledge uploads -----
    def add_documents(
        self, session_id: str, files: Sequence[Path | Upload], owner: str = ""
    ) -> IngestReport:
        """Add documents to one session's knowledge: copied into ``uploads/<session>/`` under
        a safe name and ingested with the same checks and per-file messages as
        ``strategy-coach ingest``. Searchable at once in this session, never in another.
        Files over ``upload_max_mb``, of an unsupported type, or unreadable are refused
        with a reason each and not kept."""
        self._check_owner(session_id, owner)
        scope = session_scope(session_id)
        with self._lock(session_id):
            folder = session_folder(self.settings.uploads_dir, session_id)
            kept, refused = stage(list(files), folder, self.settings.upload_max_bytes)
            report = self.kb.ingest(kept, scope=scope) if kept else IngestReport()
            unreadable = {Path(f.path).name for f in report.files if f.status == "skipped"}
            for path in kept:
                if path.name in unreadable:
                    path.unlink(missing_ok=True)  # an unreadable upload is not kept
            if kept:  # the session now holds client files: list it, so it can be deleted
                self.catalogue.touch(session_id, owner)
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when nothing was kept
        report.files = refused + report.files
        return report

    def search_knowledge(
        self, session_id: str | None, query: str, k: int | None = None, owner: str = ""
    ) -> list[SearchResult]:
        """The guidance a session sees: shared passages plus its own uploads (shared only
        without a session)."""
        if not session_id:
            return self.kb.search(query, k)
        self._check_owner(session_id, owner)
        return self.kb.search(query, k, scope=session_scope(session_id))

    def _adopt_legacy_uploads(self) -> None:
        """Files directly in ``uploads/`` come from before uploads belonged to a session;
        they were shared by every session then, and stay shared rather than vanish."""
        root = self.settings.uploads_dir
        legacy = sorted(p for p in root.iterdir() if p.is_file()) if root.is_dir() else []
        if legacy:
            self.kb.ingest(legacy)

    # ----- plans without a conversation -----
    def plan_from_brief(self, brief: str, language: str | None = None) -> StrategyPlan:
        return plan_from_brief(self.coach, brief, language, self.today())

    def brief_document(self, brief: str, language: str | None = None) -> str:
        """The plan drafted from a brief as the Markdown document the exports give, with
        its sections, labels and sources in the plan's language."""
        from assistant.reporting.transcript_export import plan_markdown_document

        state = session_from_brief(self.coach, brief, language, self.today())
        return plan_markdown_document(state, self.today())

    def start_from_brief(
        self, session_id: str, brief: str, language: str | None = None, owner: str = ""
    ) -> SessionState:
        """An empty session's plan drafted from a pasted brief (consultant mode in the app):
        the brief is kept as the first message, the goals and roadmap as the reply, and the
        session waits on the roadmap's approval; the facts can then be fixed as in any
        session. A session with a conversation is never overwritten."""
        self._check_owner(session_id, owner)
        with self._lock(session_id):
            if self.session(session_id).transcript:
                raise EditRefused("This session already has a conversation; start a new one.")
            state = session_from_brief(self.coach, brief, language, self.today())
            state.session_id = session_id
            reply = "\n\n".join((render.goals(state, self.today()), render.roadmap(state)))
            state.transcript = [
                ChatTurn(role="user", content=brief),
                ChatTurn(role="assistant", content=reply),
            ]
            state.last_question = reply
            self._graph.update_state(
                self._config(session_id),
                {"session": state.model_dump(mode="json")},
                as_node="respond",
            )
        return state

    # ----- plumbing -----
    @staticmethod
    def _config(session_id: str) -> dict[str, Any]:
        return {"configurable": {"thread_id": session_id}}

    def _lock(self, session_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(session_id, threading.Lock())
