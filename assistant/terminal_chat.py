"""The terminal chat's own input and commands: text piped in as messages, and "/export"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.coaching.service import CoachService

MESSAGE_BREAK = re.compile(r"^[ \t]*---[ \t]*$", re.MULTILINE)  # a line between two messages


def piped_messages(text: str) -> list[str]:
    """The messages of text piped into the chat: the whole text is one message, blank lines
    and all, unless lines holding only "---" part it into several."""
    return [part.strip() for part in MESSAGE_BREAK.split(text) if part.strip()]


def export_from_chat(service: CoachService, session_id: str, command: str) -> str:
    """ "/export pdf" (or docx, md) in the terminal chat: the plan saved as a file."""
    fmt = (command.split()[1:] or ["pdf"])[0].lower()
    if fmt not in ("pdf", "docx", "md"):
        return "Use /export pdf, /export docx or /export md."
    try:
        return f"Saved: {service.save_export(session_id, fmt)}"
    except Exception as problem:  # the chat goes on; the plan is untouched
        return f"The export failed ({type(problem).__name__}); the plan is unchanged. Try again."
