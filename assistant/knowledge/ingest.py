"""Incremental ingestion: new files added, changed files replaced, deleted files removed.

LangChain's indexing API with a SQL record manager decides which rows to write and which
to clean up; this module walks the folders, reads each file, and reports per file.

An ingest has a scope (see ``scope.py``): shared for the curated knowledge and the CLI, a
session's scope for the files uploaded in it. Duplicates are looked for only among the rows
that scope can see, and ``remove_scope`` takes a session's rows out again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from langchain_core.documents import Document
from langchain_core.indexing import index
from pydantic import BaseModel, Field
from sqlalchemy import text

from assistant.knowledge.loaders import (
    DATA_SUFFIXES,
    UnreadableDocument,
    load_document,
)
from assistant.knowledge.scope import SHARED, chroma_where
from assistant.knowledge.store import KnowledgeStore
from assistant.knowledge.views import document_rows, pipeline_signature

FileStatus = Literal["added", "updated", "unchanged", "removed", "skipped", "duplicate"]
ProgressCallback = Callable[[int, int, str], None]
# rows embedded and written together; a file's rows may span two writes (see ``_write``)
WRITE_BATCH_ROWS = 256


class FileReport(BaseModel):
    path: str
    status: FileStatus
    chunks: int = 0
    reason: str | None = None


class IngestReport(BaseModel):
    files: list[FileReport] = Field(default_factory=list)

    def count(self, status: FileStatus) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def succeeded(self) -> bool:
        """True when at least one file is in the index (or was cleanly removed from it)."""
        good = ("added", "updated", "unchanged", "removed", "duplicate")
        return any(f.status in good for f in self.files)

    def summary(self) -> str:
        parts = [
            f"{self.count(s)} {s}"
            for s in ("added", "updated", "unchanged", "removed", "duplicate", "skipped")
        ]
        return ", ".join(parts)


def discover_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileReport]]:
    """Files under ``paths`` (hidden files and data files in folders left out)."""
    files: list[Path] = []
    problems: list[FileReport] = []
    for path in paths:
        if path.is_file():
            files.append(path.resolve())
        elif path.is_dir():
            for candidate in sorted(path.rglob("*")):
                relative = candidate.relative_to(path).parts
                if any(part.startswith(".") for part in relative) or not candidate.is_file():
                    continue
                if candidate.suffix.lower() in DATA_SUFFIXES or candidate.name == "README.md":
                    continue
                files.append(candidate.resolve())
        else:
            problems.append(
                FileReport(path=str(path), status="skipped", reason="no such file or folder")
            )
    unique = list(dict.fromkeys(files))
    return unique, problems


def known_paths(store: KnowledgeStore) -> set[str]:
    """Paths of every file the record manager has rows for."""
    query = text("SELECT DISTINCT group_id FROM upsertion_record WHERE namespace = :ns")
    with store.records.engine.connect() as connection:
        rows = connection.execute(query, {"ns": store.records.namespace}).fetchall()
    return {row[0] for row in rows if row[0]}


def _stored_file_state(store: KnowledgeStore, path: str) -> tuple[str, str, str] | None:
    found = store.vectorstore.get(where={"path": path}, limit=1, include=["metadatas"])
    metadatas = found.get("metadatas") or []
    if not metadatas:
        return None
    meta = metadatas[0] or {}
    return (
        str(meta.get("file_sha256", "")),
        str(meta.get("signature", "")),
        str(meta.get("scope", "")),
    )


def _duplicate_of(store: KnowledgeStore, sha256: str, path: str, scope: str) -> str | None:
    """Another indexed file with the same content that ``scope`` can see (a copy in another
    session does not count: naming it would tell this client about that one)."""
    where = {"$and": [{"file_sha256": sha256}, chroma_where(scope)]}
    found = store.vectorstore.get(where=where, limit=5, include=["metadatas"])
    for meta in found.get("metadatas") or []:
        if meta and meta.get("path") != path:
            return str(meta.get("source") or meta.get("path"))
    return None


def _remove(store: KnowledgeStore, path: str) -> int:
    keys = store.records.list_keys(group_ids=[path])
    if keys:
        store.vectorstore.delete(ids=keys)
        store.records.delete_keys(keys)
    return len(keys)


def _display(path: Path, roots: list[Path]) -> str:
    for root in roots:
        base = root if root.is_dir() else root.parent
        try:
            return path.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.name


def remove_scope(store: KnowledgeStore, scope: str, folder: Path | None = None) -> int:
    """Delete every row of ``scope`` (and its record-manager records), plus the records of
    any file under ``folder``; the number of rows removed."""
    if scope == SHARED:
        raise ValueError("the shared knowledge is not removed by scope")
    ids: list[str] = []
    paths: set[str] = set()
    page = 5000
    while True:  # Chroma answers in pages
        found = store.vectorstore.get(
            where={"scope": scope}, limit=page, offset=len(ids), include=["metadatas"]
        )
        batch = list(found.get("ids") or [])
        ids += batch
        paths |= {str(m.get("path")) for m in found.get("metadatas") or [] if m}
        if len(batch) < page:
            break
    for start in range(0, len(ids), page):
        store.vectorstore.delete(ids=ids[start : start + page])
    if folder is not None:
        inside = str(folder.resolve()).rstrip("/") + "/"
        paths |= {p for p in known_paths(store) if p.startswith(inside)}
    keys = set(ids)
    if paths:
        keys |= set(store.records.list_keys(group_ids=sorted(paths)))
    strays = sorted(keys - set(ids))  # rows of those files stored without this scope
    if strays:
        store.vectorstore.delete(ids=strays)
    if keys:
        store.records.delete_keys(sorted(keys))
    return len(ids) + len(strays)


def ingest(
    paths: list[Path],
    store: KnowledgeStore,
    progress: ProgressCallback | None = None,
    scope: str = SHARED,
) -> IngestReport:
    """Bring the index in line with the files under ``paths``; new rows get ``scope``."""
    settings = store.settings
    signature = pipeline_signature(settings.chunk_size, settings.chunk_overlap)
    files, problems = discover_files(paths)
    if scope == SHARED:
        files, private = _without_session_uploads(files, settings.uploads_dir)
        problems += private
    before = known_paths(store)
    removed = _remove_deleted(store, paths, files, before)
    gone = {Path(r.path).name for r in removed}
    report = IngestReport(files=[p for p in problems if Path(p.path).name not in gone])
    originals = _originals(files, before, paths)
    pending: list[Document] = []
    for number, path in enumerate(files, start=1):
        if progress:
            progress(number, len(files), path.name)
        shown = _display(path, paths)
        outcome = _prepare_file(store, path, shown, before, originals, signature, scope)
        report.files.append(outcome.report)
        pending += outcome.rows
        if len(pending) >= WRITE_BATCH_ROWS:
            _write(store, pending)
            pending = []
    _write(store, pending)
    report.files.extend(removed)
    return report


def _write(store: KnowledgeStore, rows: list[Document]) -> None:
    """Index the rows of several files at once: one embedding batch and one Chroma write
    per few hundred rows instead of one per file (ten times fewer round trips)."""
    if rows:
        index(
            rows,
            store.records,
            store.vectorstore,
            cleanup="incremental",
            source_id_key="path",
            key_encoder="sha256",
            batch_size=WRITE_BATCH_ROWS,
        )


def _without_session_uploads(
    files: list[Path], uploads: Path
) -> tuple[list[Path], list[FileReport]]:
    """A shared ingest leaves a session's uploads (``uploads/<session>/...``) alone: indexed
    as shared, one client's document would reach every other client's session."""
    root = uploads.resolve()
    kept, private = [], []
    for path in files:
        inside = path.is_relative_to(root) and len(path.relative_to(root).parts) > 1
        if inside:
            reason = "uploaded in a coaching session; it stays private to that session"
            private.append(FileReport(path=path.name, status="skipped", reason=reason))
        else:
            kept.append(path)
    return kept, private


def _originals(files: list[Path], before: set[str], roots: list[Path]) -> dict[str, str]:
    """For each file content, the file that counts as the original among identical copies:
    the one already indexed, else the oldest, else the shortest name."""
    by_hash: dict[str, list[Path]] = {}
    for path in files:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue  # reported when the file is read
        by_hash.setdefault(digest, []).append(path)

    def rank(path: Path) -> tuple[bool, float, int, str]:
        stat_time = path.stat().st_mtime if path.exists() else 0.0
        return (str(path) not in before, stat_time, len(path.name), path.name)

    return {digest: _display(min(group, key=rank), roots) for digest, group in by_hash.items()}


class _Prepared(BaseModel):
    """A file read and checked: its report line, and the rows still to be written."""

    model_config = {"arbitrary_types_allowed": True}

    report: FileReport
    rows: list[Document] = Field(default_factory=list)


def _prepare_file(
    store: KnowledgeStore,
    path: Path,
    shown: str,
    before: set[str],
    originals: dict[str, str],
    signature: str,
    scope: str,
) -> _Prepared:
    settings = store.settings
    key = str(path)
    try:
        doc = load_document(path, source=shown)
    except UnreadableDocument as exc:
        return _Prepared(report=FileReport(path=shown, status="skipped", reason=str(exc)))
    original = originals.get(doc.file_sha256, shown)
    if original != shown:
        reason = f"same content as {original}"
        return _Prepared(report=FileReport(path=shown, status="duplicate", reason=reason))
    stored = _stored_file_state(store, key) if key in before else None
    if stored == (doc.file_sha256, signature, scope):
        return _Prepared(report=FileReport(path=shown, status="unchanged"))
    twin = _duplicate_of(store, doc.file_sha256, key, scope)
    if twin is not None:
        reason = f"same content as {twin}"
        return _Prepared(report=FileReport(path=shown, status="duplicate", reason=reason))
    if scope != SHARED:  # a front-matter id must not collide with a passage of another scope
        tag = hashlib.sha256(scope.encode("utf-8")).hexdigest()[:8]
        doc = doc.model_copy(update={"doc_id": f"{doc.doc_id}~{tag}"})
    rows = document_rows(doc, settings.chunk_size, settings.chunk_overlap, scope)
    if not rows:
        return _Prepared(report=FileReport(path=shown, status="skipped", reason="no text to index"))
    chunks = sum(1 for row in rows if row.metadata.get("view") == "text")
    status: FileStatus = "updated" if key in before else "added"
    return _Prepared(report=FileReport(path=shown, status=status, chunks=chunks), rows=rows)


def _remove_deleted(
    store: KnowledgeStore, roots: list[Path], present: list[Path], before: set[str]
) -> list[FileReport]:
    """Rows of files that lived under ``roots`` (or were named) but no longer exist."""
    present_keys = {str(p) for p in present}
    folders = [str(r.resolve()) for r in roots if r.is_dir()]
    named = {str(r.resolve()) for r in roots if not r.exists()}
    removed = []
    for key in sorted(before - present_keys):
        inside = any(key.startswith(folder.rstrip("/") + "/") for folder in folders)
        if (inside or key in named) and not Path(key).exists():
            _remove(store, key)
            removed.append(FileReport(path=Path(key).name, status="removed"))
    return removed
