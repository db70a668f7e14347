"""Ratings of the coach's replies. A thumbs-down becomes a case evaluators can replay.

A case holds what is needed to reproduce the turn: the owner's messages up to the rated
reply (``script``, replayable with ``strategy-coach chat --script CASE.json``), the reply
and the comment, the language setting, the engine and the settings that shape answers
(never secrets), and the plan as it stood. Cases are JSON files under
``<data dir>/feedback/cases``; every rating is also appended to ``ratings.jsonl``.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.coaching.state import SessionState
from assistant.config import Settings

Rating = Literal["up", "down"]
# Settings that change what the coach says; secrets and paths are left out on purpose.
ANSWER_SETTINGS = (
    "embedding",
    "chunk_size",
    "chunk_overlap",
    "search_k",
    "llm_model",
    "llm_base_url",
    "llm_temperature",
)


class FeedbackCase(BaseModel):
    id: str
    created: datetime
    rating: Rating
    comment: str = Field(default="", max_length=4000)
    session_id: str
    reply_index: int = Field(description="0-based index of the rated reply among the replies")
    reply: str
    script: list[str] = Field(description="the owner's messages up to the rated reply")
    language: str
    language_fixed: bool
    engine: str
    settings: dict[str, Any]
    plan: dict[str, Any]


def answer_settings(settings: Settings) -> dict[str, Any]:
    return {name: getattr(settings, name, None) for name in ANSWER_SETTINGS}


def build_case(
    session_id: str,
    state: SessionState,
    reply_index: int,
    rating: Rating,
    comment: str,
    engine: str,
    settings: Settings,
) -> FeedbackCase:
    """The case for the ``reply_index``-th reply; IndexError if there is no such reply."""
    replies = [n for n, turn in enumerate(state.transcript) if turn.role == "assistant"]
    if not 0 <= reply_index < len(replies):  # a negative index must not rate a later reply
        raise IndexError(f"no reply {reply_index}; the session has {len(replies)}")
    position = replies[reply_index]
    script = [t.content for t in state.transcript[:position] if t.role == "user"]
    return FeedbackCase(
        id=f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}",
        created=datetime.now(UTC).replace(microsecond=0),
        rating=rating,
        comment=comment.strip()[:4000],
        session_id=session_id,
        reply_index=reply_index,
        reply=state.transcript[position].content,
        script=script,
        language=state.language,
        language_fixed=state.language_fixed,
        engine=engine,
        settings=answer_settings(settings),
        plan=state.plan.model_dump(mode="json"),
    )


def save_case(case: FeedbackCase, data_dir: Path) -> Path | None:
    """Log the rating; a thumbs-down is also saved whole as a case. Returns the case file."""
    folder = data_dir / "feedback"
    (folder / "cases").mkdir(parents=True, exist_ok=True)
    line = {
        "id": case.id,
        "created": case.created.isoformat(),
        "rating": case.rating,
        "session_id": case.session_id,
        "reply_index": case.reply_index,
        "comment": case.comment,
    }
    with (folder / "ratings.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps(line, ensure_ascii=False) + "\n")
    if case.rating != "down":
        return None
    path = folder / "cases" / f"{case.id}.json"
    path.write_text(case.model_dump_json(indent=2), encoding="utf-8")
    return path


def add_comment(case_file: Path, comment: str) -> None:
    """Attach a comment given after the thumbs-down to its saved case."""
    case = FeedbackCase.model_validate_json(case_file.read_text(encoding="utf-8"))
    case.comment = comment.strip()[:4000]
    case_file.write_text(case.model_dump_json(indent=2), encoding="utf-8")
