"""Who may see a row of the index: everyone (the curated knowledge and CLI ingests) or one
coaching session (a client's uploads).

Every stored row carries a ``scope``: ``"shared"``, or ``"session:<id>"`` for a document
uploaded in that session. A search sees the shared rows plus, when it names one, its own
session's rows, never another session's. The ``session:`` prefix keeps a session that happens
to be called "shared" from publishing its uploads to everyone.
"""

from __future__ import annotations

from typing import Any

SHARED = "shared"
_SESSION = "session:"


def session_scope(session_id: str) -> str:
    """The scope of the documents uploaded in ``session_id``."""
    if not session_id:
        raise ValueError("a session scope needs a session id")
    return f"{_SESSION}{session_id}"


def visible_scopes(scope: str | None) -> tuple[str, ...]:
    """The scopes a search in ``scope`` may see (``None``: the shared knowledge only)."""
    if scope is None or scope == SHARED:
        return (SHARED,)
    return (SHARED, scope)


def chroma_where(scope: str | None) -> dict[str, Any]:
    """The Chroma ``where`` filter for the rows a search in ``scope`` may see."""
    allowed = visible_scopes(scope)
    return {"scope": allowed[0]} if len(allowed) == 1 else {"scope": {"$in": list(allowed)}}
