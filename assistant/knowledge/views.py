"""Turn a loaded document into the LangChain ``Document`` rows stored in the vector store.

Each chunk is stored once as its exact text (view ``text``) and, for curated articles, once
per language as a short note (view ``note``: the section's summary and search terms in that
language). A question in any language can then meet the passage through a note written in
its own language, while the text a user sees and cites is always the chunk itself.

Every row also carries its ``scope`` (see ``scope.py``): shared, or the session it was
uploaded in, so searches can keep one client's documents out of another client's session.
"""

from __future__ import annotations

from typing import Any

from langchain_core.documents import Document

from assistant.knowledge.chunking import chunk_text
from assistant.knowledge.models import Chunk, LoadedDocument, SectionNotes
from assistant.knowledge.scope import SHARED

VIEW_TEXT = "text"
VIEW_NOTE = "note"


def pipeline_signature(chunk_size: int, overlap: int) -> str:
    """Changes whenever stored rows would come out differently for the same file
    (v2: rows carry a ``scope``; an index built before is re-ingested on the next start)."""
    return f"v2:{chunk_size}:{overlap}"


def document_rows(
    doc: LoadedDocument, chunk_size: int, overlap: int, scope: str = SHARED
) -> list[Document]:
    chunks = chunk_text(doc.text, doc.doc_id, chunk_size, overlap)
    base: dict[str, Any] = {
        "path": doc.path,
        "source": doc.source,
        "doc_id": doc.doc_id,
        "title": doc.title,
        "language": doc.language,
        "file_sha256": doc.file_sha256,
        "signature": pipeline_signature(chunk_size, overlap),
        "tags": ", ".join(doc.tags),
        "scope": scope,
    }
    if doc.author:
        base["author"] = doc.author
    if doc.publisher:
        base["publisher"] = doc.publisher
    notes_by_heading = {n.heading.strip(): n for n in doc.sections}
    rows: list[Document] = []
    for chunk in chunks:
        chunk_meta = {
            **base,
            "chunk_id": chunk.chunk_id,
            "chunk_index": chunk.index,
            "heading": chunk.heading,
            "start": chunk.start,
            "end": chunk.end,
        }
        rows.append(Document(page_content=chunk.text, metadata={**chunk_meta, "view": VIEW_TEXT}))
        notes = _notes_for(chunk, notes_by_heading)
        if notes is not None:
            rows.extend(_note_rows(notes, chunk_meta, doc.summary))
    return rows


def _notes_for(chunk: Chunk, notes_by_heading: dict[str, SectionNotes]) -> SectionNotes | None:
    for heading in reversed(chunk.heading.split(" > ")):
        if heading.strip() in notes_by_heading:
            return notes_by_heading[heading.strip()]
    return None


def _note_rows(
    notes: SectionNotes, chunk_meta: dict[str, Any], article_summary: dict[str, str]
) -> list[Document]:
    rows = []
    for language in sorted(set(notes.summary) | set(notes.keywords)):
        terms = "; ".join(notes.keywords.get(language, []))
        summary = notes.summary.get(language, "")
        context = article_summary.get(language, "")
        content = f"{summary}\n{terms}\n{context}".strip()
        if content:
            metadata = {**chunk_meta, "view": VIEW_NOTE, "view_language": language}
            rows.append(Document(page_content=content, metadata=metadata))
    return rows
