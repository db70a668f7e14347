"""Content hashes of the knowledge articles the eval cases were written against.

When an article changes, the cases that name it may no longer be right: the report flags
them as stale until someone checks them and refreshes the manifest
(``strategy-coach eval manifest``)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from assistant.config import PROJECT_ROOT

MANIFEST = PROJECT_ROOT / "evals" / "knowledge_manifest.json"


def article_hashes(folder: Path) -> dict[str, str]:
    """Article id -> sha256 of its file, for every readable article under ``folder``."""
    from assistant.knowledge.ingest import discover_files
    from assistant.knowledge.loaders import UnreadableDocument, load_document

    hashes = {}
    for path in discover_files([folder])[0]:
        try:
            doc = load_document(path)
        except UnreadableDocument:
            continue
        hashes[doc.doc_id] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(hashes.items()))


def load_manifest(path: Path = MANIFEST) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_manifest(folder: Path, path: Path = MANIFEST) -> dict[str, str]:
    hashes = article_hashes(folder)
    path.write_text(json.dumps(hashes, indent=2) + "\n", encoding="utf-8")
    return hashes


def changed_articles(folder: Path, path: Path = MANIFEST) -> list[str]:
    """Articles whose content differs from the manifest (or that it does not know)."""
    recorded = load_manifest(path)
    current = article_hashes(folder)
    return sorted(doc for doc, digest in current.items() if recorded.get(doc) != digest)
