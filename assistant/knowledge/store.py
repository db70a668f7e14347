"""The vector store (Chroma, embedded on disk or a server) and the ingestion record manager."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlparse

from langchain_chroma import Chroma
from langchain_classic.indexes import SQLRecordManager
from langchain_core.embeddings import Embeddings

from assistant.config import Settings
from assistant.knowledge.embeddings import make_embeddings


class StoreUnavailable(RuntimeError):
    """The vector store cannot be reached or opened; the message says what to do."""


def _chroma_settings():  # -> chromadb.config.Settings
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def make_chroma_client(settings: Settings):  # -> chromadb.ClientAPI
    """A Chroma client: HTTP when ``COACH_CHROMA_URL`` is set, else on disk in the data dir."""
    import chromadb

    try:
        if settings.chroma_url:
            url = urlparse(settings.chroma_url)
            if url.scheme not in ("http", "https") or not url.hostname:
                raise StoreUnavailable(
                    f"COACH_CHROMA_URL={settings.chroma_url!r} is not an http(s) URL "
                    "(example: http://127.0.0.1:8000)"
                )
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=_chroma_settings(),
            )
        settings.ensure_dirs()
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=_chroma_settings())
    except StoreUnavailable:
        raise
    except Exception as exc:
        where = settings.chroma_url or str(settings.chroma_dir)
        raise StoreUnavailable(
            f"cannot open the Chroma store at {where}: {exc}. "
            "Check the server is running, or run 'strategy-coach doctor'."
        ) from exc


@dataclass
class KnowledgeStore:
    """The pieces ingestion and search share: vector store, record manager, embeddings."""

    settings: Settings
    embeddings: Embeddings
    vectorstore: Chroma
    records: SQLRecordManager

    @property
    def collection_name(self) -> str:
        return self.vectorstore._collection.name


def collection_name(settings: Settings, embedding: str | None = None) -> str:
    return f"{settings.collection}-{embedding or settings.embedding}"


def open_store(settings: Settings, embedding: str | None = None) -> KnowledgeStore:
    """Open (creating when needed) the collection for the configured embedding model."""
    name = collection_name(settings, embedding)
    embeddings = make_embeddings(embedding or settings.embedding, settings.embedding_threads)
    client = make_chroma_client(settings)
    try:
        vectorstore = Chroma(
            collection_name=name,
            embedding_function=embeddings,
            client=client,
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
    except Exception as exc:
        raise StoreUnavailable(f"cannot open collection {name!r}: {exc}") from exc
    settings.ensure_dirs()
    where = settings.chroma_url or "local"
    records = SQLRecordManager(
        namespace=f"chroma/{where}/{name}", db_url=f"sqlite:///{settings.record_db}"
    )
    records.create_schema()
    return KnowledgeStore(settings, embeddings, vectorstore, records)
