"""What the web app's buttons do: thin calls into ``CoachService``, results shaped for Gradio.

Every handler answers with a clear message instead of a traceback, and never loses what the
person typed: on any failure the message goes back into the text box.

No ``from __future__ import annotations``: Gradio reads the ``gr.Request`` / ``gr.LikeData``
hints at run time to know what to pass in.
"""

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import ValidationError

from assistant.coaching.edits import EditRefused, GoalEdit, InitiativeEdit, ProfileEdit
from assistant.coaching.messages import Messages
from assistant.coaching.quick_answers import parse
from assistant.coaching.service import CoachService, TurnResult
from assistant.coaching.sessions import SessionNotFound
from assistant.web import session_view as view
from assistant.web.render import hint, results_html

log = logging.getLogger(__name__)
LANGUAGE_CHOICES = [
    ("Auto-detect", "auto"),
    ("English", "en"),
    ("Norsk", "nb"),
    ("Svenska", "sv"),
    ("Русский", "ru"),
]
EXPORT_CHOICES = [
    ("Plan · Word (DOCX)", "docx"),
    ("Plan · PDF", "pdf"),
    ("Plan · Markdown", "md"),
    ("Conversation · Markdown", "transcript"),
]
MAX_MESSAGE = 4000
FALLBACK_NOTICE = (
    "This reply came from the built-in offline coach: the language model did not answer."
)


def owner_of(request: gr.Request | None) -> str:
    return (getattr(request, "username", None) or "") if request is not None else ""


def _language(choice: str | None) -> str | None:
    return None if not choice or choice == "auto" else choice


class CoachApp:
    def __init__(self, service: CoachService) -> None:
        self.service = service

    # ----- what the engine is -----
    def engine_badge(self) -> str:
        phraser = self.service.phraser
        if phraser is None:
            return "<span class='coach-engine' data-engine='offline'>Engine: offline coach</span>"
        model = phraser.config.model
        return f"<span class='coach-engine' data-engine='llm'>Engine: LLM · {model}</span>"

    # ----- the whole screen for a session -----
    def screen(self, session_id: str, request: gr.Request | None = None) -> list[Any]:
        """Chat, plan panels, answer controls and the session list, as they stand."""
        state = self.service.session(session_id)
        panels = view.panels(state, self.service.today())
        slots = view.quick_slots(self.service.quick_questions(session_id), state.language)
        radios, checks = [], []
        for number in range(view.QUICK_SLOTS):
            slot = slots[number] if number < len(slots) else None
            single = slot is not None and not slot.checklist
            several = slot is not None and slot.checklist
            radios.append(
                gr.update(
                    visible=single,
                    label=slot.label if single else "",
                    choices=slot.choices if single else [],
                    value=None,
                )
            )
            checks.append(
                gr.update(
                    visible=several,
                    label=slot.label if several else "",
                    choices=slot.choices if several else [],
                    value=[],
                )
            )
        sessions = view.session_choices(self.service.sessions(owner_of(request)))
        return [
            *self.understood(state),
            view.chat_messages(state),
            panels.profile,
            panels.maturity_heading,
            panels.maturity,
            panels.goals,
            panels.lanes,
            panels.timeline_heading,
            panels.timeline,
            panels.open_questions,
            panels.sources,
            gr.update(choices=panels.goal_choices, value=None),
            gr.update(choices=panels.initiative_choices, value=None),
            gr.update(visible=bool(slots)),
            [slot.question_id for slot in slots],
            *radios,
            *checks,
            gr.update(choices=sessions, value=session_id),
            f"<span data-turns='{len(state.transcript)}' data-stage='{state.stage}'></span>",
        ]

    @staticmethod
    def understood(state: Any) -> list[Any]:
        """The "What I understood" boxes: each fact, with the owner's words under it."""
        updates = []
        say = Messages(state.plan.language)
        for field in view.understood_fields(state).values():
            words, known = field["words"], field["value"] not in (None, "")
            said = (
                say.say("understood_said", words=words)
                if words
                else say.say("understood_in_chat" if known else "understood_not_said")
            )  # a fact the plan holds was said, though not in words this table keeps
            said = words if words == say.say("understood_edited") else said
            updates.append(gr.update(value=field["value"], label=field["label"], info=said))
        return updates

    def save_profile(self, session_id: str, *values: Any, request: gr.Request | None = None) -> str:
        """Fix what the coach understood; the plan changes at once."""
        fields = dict(zip(view.UNDERSTOOD_FIELDS, values, strict=True))
        try:
            staff, revenue = fields["staff"], fields["revenue"]
            edit = ProfileEdit(
                business_name=fields["business_name"] or None,
                industry=fields["industry"] or None,
                staff=int(staff) if staff not in (None, "") else None,
                revenue=float(revenue) if revenue not in (None, "") else None,
                markets=fields["markets"] or None,
            )
            done = self.service.edit_profile(session_id, edit, owner_of(request))
        except (EditRefused, ValueError) as refused:
            return f"Not saved: {_first_line(refused)}"
        return f"Saved — {done.change}" if done.change else "Nothing changed."

    def from_brief(
        self, session_id: str, brief: str, choice: str | None, request: gr.Request | None = None
    ) -> str:
        """Consultant mode: the session's plan drafted from a pasted brief."""
        if not (brief or "").strip():
            return "Paste a brief first."
        try:
            self.service.start_from_brief(session_id, brief, _language(choice), owner_of(request))
        except (EditRefused, ValueError) as refused:
            return f"Not drafted: {_first_line(refused)}"
        return "Drafted — see the chat and the plan; fix anything in “Understood”."

    # ----- a turn -----
    def turn(
        self,
        message: str,
        session_id: str,
        language: str,
        quick_ids: list[str],
        *picks: Any,
        request: gr.Request | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Stream one turn: (chat, text box, pending message, status); see ``stop``."""
        message = message or ""
        answers = self._answers(quick_ids, picks)
        if len(message) > MAX_MESSAGE:
            yield (
                gr.skip(),
                message,
                None,
                self._warn(
                    f"That message is {len(message):,} characters; please keep it under "
                    f"{MAX_MESSAGE:,} (split it over two messages)."
                ),
            )
            return
        if not message.strip() and not answers:
            yield gr.skip(), message, None, "Type a message or pick an answer first."
            return
        state = self.service.session(session_id)
        shown = view.as_text(message) or "…"
        history = [*view.chat_messages(state), {"role": "user", "content": shown}]
        pending = {"text": message, "turns": len(state.transcript)}
        yield [*history, {"role": "assistant", "content": "…"}], "", pending, ""
        steps = self.service.stream(
            session_id, message, _language(language), answers, owner_of(request)
        )
        written = ""
        try:
            for piece in steps:
                if isinstance(piece, TurnResult):
                    notices = [FALLBACK_NOTICE] if "llm_unavailable" in piece.notices else []
                    for notice in notices:
                        gr.Warning(notice)
                    final = view.chat_messages(self.service.session(session_id))
                    yield final, "", None, " ".join(notices)
                    return
                written += piece
                streamed = {"role": "assistant", "content": view.as_text(written)}
                yield [*history, streamed], "", pending, ""
        except SessionNotFound:
            yield gr.skip(), message, None, self._warn("This session is not yours or was deleted.")
        except Exception:  # the screen must answer, and the message must survive
            log.exception("turn failed")
            yield (
                view.chat_messages(self.service.session(session_id)),
                message,
                None,
                self._warn("Something went wrong with that turn; your message is back in the box."),
            )
        finally:
            steps.close()

    def _answers(self, quick_ids: list[str], picks: tuple[Any, ...]) -> dict[str, Any]:
        questions = {q.id: q for q in _bank_questions()}
        radios, checks = picks[: view.QUICK_SLOTS], picks[view.QUICK_SLOTS :]
        answers: dict[str, Any] = {}
        for number, question_id in enumerate(quick_ids or []):
            question = questions.get(question_id)
            if question is None:
                continue
            picked = checks[number] if question.kind == "checklist" else radios[number]
            answer = parse(question, picked)
            if answer is not None:
                answers[question_id] = answer
        return answers

    def stop(self, session_id: str, pending: dict[str, Any] | None) -> tuple[Any, ...]:
        """After a stop: the chat as saved; an unsaved message goes back into the box.

        ``pending`` is what ``turn`` recorded when the message was sent: its text and how
        many turns the session had then, so a saved turn is told apart from an abandoned
        one even when the owner sent the same words twice."""
        state = self.service.session(session_id)
        text = (pending or {}).get("text", "")
        saved = not pending or len(state.transcript) >= pending.get("turns", 0) + 2
        put_back = not saved and bool(text)
        note = "Stopped; your message is back in the box." if put_back else "Stopped."
        return view.chat_messages(state), (text if put_back else gr.skip()), None, note

    def regenerate(
        self, session_id: str, language: str, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        state = self.service.session(session_id)
        history = view.chat_messages(state)[:-1]
        try:
            steps = self.service.regenerate(session_id, _language(language), owner_of(request))
            written = ""
            for piece in steps:
                if isinstance(piece, TurnResult):
                    break
                written += piece
                yield [*history, {"role": "assistant", "content": view.as_text(written)}], ""
            yield view.chat_messages(self.service.session(session_id)), ""
        except EditRefused as refused:
            yield gr.skip(), str(refused)

    # ----- ratings -----
    def rate(
        self, session_id: str, data: gr.LikeData, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        index = data.index[0] if isinstance(data.index, tuple | list) else data.index
        liked = data.liked is True or data.liked == "Like"
        state = self.service.session(session_id)
        if index >= len(state.transcript) or state.transcript[index].role != "assistant":
            return gr.update(visible=False), "", ""
        number = view.reply_index(state, index)
        path = self.service.rate(
            session_id, number, "up" if liked else "down", owner=owner_of(request)
        )
        if liked:
            return gr.update(visible=False), "", "Thanks for the feedback."
        return (
            gr.update(visible=True),
            str(path or ""),
            "Saved as a case for the evaluators. What was wrong? (optional)",
        )

    def comment(self, case_path: str, comment: str) -> tuple[Any, ...]:
        from assistant.coaching.feedback import add_comment

        if case_path and comment.strip():
            add_comment(Path(case_path), comment)
        return gr.update(visible=False), "", "", "Thanks, the comment is saved with the case."

    # ----- editing the plan -----
    def pick_goal(self, session_id: str, goal_id: str | None) -> tuple[Any, ...]:
        fields = view.goal_fields(self.service.session(session_id), goal_id)
        return fields["statement"], fields["baseline"], fields["target"], fields["deadline"]

    def pick_initiative(self, session_id: str, item_id: str | None) -> tuple[Any, ...]:
        fields = view.initiative_fields(self.service.session(session_id), item_id)
        return fields["horizon"], fields["priority"]

    def save_goal(
        self,
        session_id: str,
        goal_id: str | None,
        statement: str,
        baseline: float | None,
        target: float | None,
        deadline: str,
        request: gr.Request | None = None,
    ) -> str:
        if not goal_id:
            return "Pick a goal to edit first."
        try:
            edit = GoalEdit(
                statement=statement or None,
                baseline=baseline,
                target=target,
                deadline=(deadline or "").strip() or None,
            )
            done = self.service.edit_goal(session_id, goal_id, edit, owner_of(request))
        except (EditRefused, ValueError) as refused:
            return f"Not saved: {_first_line(refused)}"
        return f"Saved — {done.change}" if done.change else "Nothing changed."

    def save_initiative(
        self,
        session_id: str,
        item_id: str | None,
        horizon: str | None,
        priority: str | None,
        request: gr.Request | None = None,
    ) -> str:
        if not item_id:
            return "Pick an initiative to edit first."
        try:
            edit = InitiativeEdit(horizon=horizon or None, priority=priority or None)
            done = self.service.edit_initiative(session_id, item_id, edit, owner_of(request))
        except (EditRefused, ValueError) as refused:
            return f"Not saved: {_first_line(refused)}"
        return f"Saved — {done.change}" if done.change else "Nothing changed."

    # ----- sessions -----
    def new_session(self) -> str:
        return uuid.uuid4().hex

    def open_session(self, chosen: str | None, current: str) -> str:
        return chosen or current

    def rename(self, session_id: str, title: str, request: gr.Request | None = None) -> str:
        try:
            info = self.service.rename_session(session_id, title or "", owner_of(request))
        except (ValueError, SessionNotFound) as problem:
            return f"Not renamed: {_first_line(problem)}"
        return f"Renamed to “{info.title}”."

    def delete(self, session_id: str, request: gr.Request | None = None) -> tuple[str, str]:
        try:
            self.service.delete_session(session_id, owner_of(request))
        except SessionNotFound:
            return session_id, "This session is not yours or was deleted already."
        return uuid.uuid4().hex, "Session deleted; a new one is open."

    # ----- export and knowledge -----
    def export(
        self, session_id: str, fmt: str, request: gr.Request | None = None
    ) -> tuple[Any, str]:
        try:
            # kept in the session's export folder, deleted with the session
            path = self.service.save_export(session_id, fmt, owner_of(request))  # type: ignore[arg-type]
        except SessionNotFound:
            return None, self._warn("This session is not yours or was deleted.")
        except Exception:
            log.exception("export failed")
            return None, self._warn("The export failed; the plan is unchanged. Try again.")
        return str(path), f"Ready: {path.name}"

    def upload(
        self, files: list[str] | None, session_id: str, request: gr.Request | None = None
    ) -> str:
        """Add documents to this session's knowledge (other sessions never see them)."""
        if not files:
            return "Choose one or more files first (.md, .txt, .html, .pdf, .docx)."
        if not session_id:
            return self._warn("Open a session first; documents belong to one session.")
        try:
            uploads = [Path(f) for f in files]
            report = self.service.add_documents(session_id, uploads, owner_of(request))
        except SessionNotFound:
            return self._warn("This session is not yours or was deleted.")
        except Exception:
            log.exception("upload failed")
            return self._warn("Adding the files failed; nothing was changed.")
        rows = ["| File | Result |", "|---|---|"]
        for item in report.files:
            result = item.status + (f" — {item.chunks} passages" if item.chunks else "")
            if item.reason:
                result += f" — {item.reason}"
            rows.append(f"| {_cell(Path(item.path).name)} | {_cell(result)} |")
        return report.summary() + "\n\n" + "\n".join(rows)

    def search(
        self, query: str, k: float, session_id: str | None, request: gr.Request | None = None
    ) -> str:
        """The Knowledge tab's search: the shared guidance plus this session's uploads."""
        query = (query or "").strip()
        if not query:
            return results_html("", [])
        if len(query) > 2000:
            return hint("That question is very long; please keep it under 2,000 characters.")
        try:
            found = self.service.search_knowledge(session_id, query, int(k), owner_of(request))
        except SessionNotFound:
            return hint("This session is not yours or was deleted.")
        except Exception as exc:  # the page must answer, whatever happened below
            return hint(
                f"Search failed ({type(exc).__name__}). Try again; if it keeps failing, "
                "rebuild the index with 'strategy-coach ingest'."
            )
        return results_html(query, found)

    @staticmethod
    def _warn(message: str) -> str:
        gr.Warning(message)
        return message


def _bank_questions():
    from assistant.coaching.catalogue import load_maturity_questions

    return load_maturity_questions().questions


def _first_line(problem: Exception) -> str:
    if isinstance(problem, ValidationError):
        first = problem.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        return f"{where}: {first['msg']}" if where else first["msg"]
    text = str(problem).strip().splitlines()
    return text[-1] if text else type(problem).__name__


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
