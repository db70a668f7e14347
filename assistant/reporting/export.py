"""One entry point for every download: the plan as Markdown/DOCX/PDF, or the conversation.

The format modules are imported only when asked for, so importing this (e.g. from the web
app) does not load python-docx, fpdf2 or matplotlib.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Literal, get_args

from pydantic import BaseModel

from assistant.coaching.state import SessionState

ExportFormat = Literal["md", "docx", "pdf", "transcript"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
FALLBACK_SLUG = "strategy-plan"
MAX_SLUG = 60
MEDIA_TYPES: dict[ExportFormat, str] = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "transcript": "text/markdown; charset=utf-8",
}
_NOT_WORD = re.compile(r"[^\w]+|_+")


class ExportedFile(BaseModel):
    filename: str
    media_type: str
    content: bytes


def slug(name: str | None) -> str:
    """'Gnosjö Plåtteknik AB' -> 'gnosjö-plåtteknik-ab'; letters of any script survive,
    everything else (slashes, dots, quotes, spaces) becomes '-'; empty -> 'strategy-plan'."""
    text = unicodedata.normalize("NFC", name or "").casefold()
    text = _NOT_WORD.sub("-", text).strip("-")
    text = text[:MAX_SLUG].rstrip("-")
    return text or FALLBACK_SLUG


def filename(state: SessionState, fmt: ExportFormat, today: date) -> str:
    """'northwind-cycles-strategy-2026-11-22.docx'; 'strategy-plan-2026-11-22.pdf' unnamed."""
    base = slug(state.plan.profile.business_name)
    kind = "conversation" if fmt == "transcript" else "strategy"
    stem = base if base == FALLBACK_SLUG and kind == "strategy" else f"{base}-{kind}"
    extension = "md" if fmt == "transcript" else fmt
    return f"{stem}-{today.isoformat()}.{extension}"


def export(state: SessionState, fmt: ExportFormat, today: date) -> ExportedFile:
    """The plan (or conversation) of ``state`` as a file to download, dated ``today``."""
    if fmt == "md":
        from assistant.reporting.transcript_export import plan_markdown_document

        content = plan_markdown_document(state, today).encode("utf-8")
    elif fmt == "docx":
        from assistant.reporting.docx_export import plan_docx

        content = plan_docx(state, today)
    elif fmt == "pdf":
        from assistant.reporting.pdf_export import plan_pdf

        content = plan_pdf(state, today)
    elif fmt == "transcript":
        from assistant.reporting.transcript_export import transcript_markdown

        content = transcript_markdown(state).encode("utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {EXPORT_FORMATS}")
    return ExportedFile(
        filename=filename(state, fmt, today), media_type=MEDIA_TYPES[fmt], content=content
    )
