"""The knowledge base as one UI-free service: keep the index fresh, ingest, search.

Ingest and search take a scope (see ``scope.py``); left out, both mean the shared knowledge,
which is what the CLI and the curated folder use. A coaching session passes its own scope.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.config import Settings
from assistant.knowledge.glossary import load_glossary
from assistant.knowledge.ingest import (
    IngestReport,
    ProgressCallback,
    discover_files,
    ingest,
    remove_scope,
)
from assistant.knowledge.models import SearchResult
from assistant.knowledge.retriever import HybridRetriever, SearchMode
from assistant.knowledge.scope import SHARED
from assistant.knowledge.store import KnowledgeStore, open_store
from assistant.knowledge.views import pipeline_signature


class KnowledgeBase:
    """Ingestion and search over one collection (one embedding model)."""

    def __init__(
        self, settings: Settings, embedding: str | None = None, mode: SearchMode = "hybrid"
    ) -> None:
        self.settings = settings
        self.store: KnowledgeStore = open_store(settings, embedding)
        glossary = load_glossary(settings.knowledge_dir / "data" / "glossary.yaml")
        self.retriever = HybridRetriever(self.store, glossary, mode=mode)

    # ----- freshness of the curated knowledge folder -----
    def _manifest_path(self) -> Path:
        return self.settings.data_dir / f"manifest-{self.store.collection_name}.json"

    def _knowledge_state(self) -> dict[str, object]:
        """What the index was built from: the files (size, mtime) and the chunking settings."""
        files, _ = discover_files([self.settings.knowledge_dir])
        state: dict[str, object] = {
            "pipeline": pipeline_signature(self.settings.chunk_size, self.settings.chunk_overlap)
        }
        for path in files:
            stat = path.stat()
            state[str(path)] = [stat.st_size, stat.st_mtime_ns]
        return state

    def is_stale(self) -> bool:
        """True when the index is empty or the knowledge folder changed since last ingest."""
        if self.store.vectorstore._collection.count() == 0:
            return True
        try:
            saved = json.loads(self._manifest_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return True
        return saved != self._knowledge_state()

    def ensure_fresh(self, progress: ProgressCallback | None = None) -> IngestReport | None:
        """Ingest the knowledge folder when the index is missing or stale."""
        if not self.is_stale():
            return None
        return self.ingest([self.settings.knowledge_dir], progress)

    def ingest(
        self, paths: list[Path], progress: ProgressCallback | None = None, scope: str = SHARED
    ) -> IngestReport:
        try:
            report = ingest(paths, self.store, progress, scope)
        finally:
            self.retriever.invalidate()
        knowledge = self.settings.knowledge_dir.resolve()
        if any(p.resolve() == knowledge for p in paths):
            self.settings.ensure_dirs()
            state = json.dumps(self._knowledge_state(), sort_keys=True)
            self._manifest_path().write_text(state, encoding="utf-8")
        return report

    def is_on_topic(self, question: str) -> bool:
        """Does the question use the domain's vocabulary (any glossary concept, any language)?

        Embedding similarity alone cannot tell "how do I change a car tyre?" from a strategy
        question (both score high against short how-to sentences); the glossary can."""
        return bool(self.retriever.glossary.expand(question))

    def remove_scope(self, scope: str, folder: Path | None = None) -> int:
        """Forget a session's uploads: its rows, and the records of files under ``folder``."""
        try:
            return remove_scope(self.store, scope, folder)
        finally:
            self.retriever.invalidate()

    def search(
        self,
        query: str,
        k: int | None = None,
        timings: dict[str, float] | None = None,
        scope: str | None = None,
    ) -> list[SearchResult]:
        """Shared passages, plus those of ``scope`` when a session searches."""
        return self.retriever.search(query, k, timings, scope)
