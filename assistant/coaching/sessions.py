"""The list of coaching sessions: titles, owners and dates, beside the engine's checkpoints.

The conversation itself lives in the LangGraph checkpoints (``sessions.sqlite``); this index
adds what a person needs to find a session again: a title (the business name once the coach
knows it, or whatever the consultant renamed it to), who it belongs to when the app runs
with logins, and when it was last used. Same SQLite file, its own table.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

MAX_TITLE = 120
UNTITLED = "Untitled session"


class SessionInfo(BaseModel):
    id: str
    title: str
    owner: str = Field(default="", description="login name; empty when the app has no logins")
    renamed: bool = Field(default=False, description="the title was set by a person")
    created: datetime
    updated: datetime


class SessionNotFound(KeyError):
    """No such session for this owner."""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


BUSY_SECONDS = 30.0  # another process on the same data dir may hold the index this long


class SessionCatalogue:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=BUSY_SECONDS, check_same_thread=False)
        self._guard = threading.Lock()
        with self._guard, self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS session_index ("
                " id TEXT PRIMARY KEY, title TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '',"
                " renamed INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, updated TEXT NOT NULL)"
            )

    def _row(self, row: tuple) -> SessionInfo:
        session_id, title, owner, renamed, created, updated = row
        return SessionInfo(
            id=session_id,
            title=title,
            owner=owner,
            renamed=bool(renamed),
            created=datetime.fromisoformat(created),
            updated=datetime.fromisoformat(updated),
        )

    def get(self, session_id: str) -> SessionInfo | None:
        with self._guard:
            row = self._db.execute(
                "SELECT id, title, owner, renamed, created, updated FROM session_index"
                " WHERE id = ?",
                (session_id,),
            ).fetchone()
        return self._row(row) if row else None

    def create(self, owner: str = "", title: str | None = None) -> SessionInfo:
        now = _now()
        info = SessionInfo(
            id=uuid.uuid4().hex,
            title=(title or "").strip()[:MAX_TITLE] or UNTITLED,
            owner=owner,
            renamed=bool(title and title.strip()),
            created=now,
            updated=now,
        )
        self._insert(info)
        return info

    def _insert(self, info: SessionInfo) -> None:
        with self._guard, self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO session_index VALUES (?, ?, ?, ?, ?, ?)",
                (
                    info.id,
                    info.title,
                    info.owner,
                    int(info.renamed),
                    info.created.isoformat(),
                    info.updated.isoformat(),
                ),
            )

    def touch(self, session_id: str, owner: str = "", suggested_title: str | None = None) -> None:
        """Record use of a session (creating its entry if a client named a new id)."""
        now = _now()
        if self.get(session_id) is None:
            title = (suggested_title or "").strip()[:MAX_TITLE] or UNTITLED
            self._insert(
                SessionInfo(id=session_id, title=title, owner=owner, created=now, updated=now)
            )
            return
        with self._guard, self._db:
            self._db.execute(
                "UPDATE session_index SET updated = ? WHERE id = ?", (now.isoformat(), session_id)
            )
            if suggested_title and suggested_title.strip():
                self._db.execute(
                    "UPDATE session_index SET title = ? WHERE id = ? AND renamed = 0",
                    (suggested_title.strip()[:MAX_TITLE], session_id),
                )

    def rename(self, session_id: str, title: str) -> SessionInfo:
        title = title.strip()[:MAX_TITLE]
        if not title:
            raise ValueError("A session needs a name; type one before renaming.")
        with self._guard, self._db:
            done = self._db.execute(
                "UPDATE session_index SET title = ?, renamed = 1 WHERE id = ?", (title, session_id)
            ).rowcount
        if not done:
            raise SessionNotFound(session_id)
        info = self.get(session_id)
        assert info is not None
        return info

    def delete(self, session_id: str) -> None:
        with self._guard, self._db:
            self._db.execute("DELETE FROM session_index WHERE id = ?", (session_id,))

    def list(self, owner: str = "") -> list[SessionInfo]:
        """The owner's sessions, most recently used first."""
        with self._guard:
            rows = self._db.execute(
                "SELECT id, title, owner, renamed, created, updated FROM session_index"
                " WHERE owner = ? ORDER BY updated DESC, created DESC",
                (owner,),
            ).fetchall()
        return [self._row(row) for row in rows]
