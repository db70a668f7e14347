"""The plain LangChain + Chroma tutorial recipe, as the baseline we must beat.

Vector-only search over the articles' text, split by ``RecursiveCharacterTextSplitter``
(1000 characters, 200 overlap), embedded with the English all-MiniLM-L6-v2.
"""

from __future__ import annotations

from pathlib import Path

from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.config import Settings
from assistant.knowledge.embeddings import make_embeddings
from assistant.knowledge.ingest import discover_files
from assistant.knowledge.loaders import UnreadableDocument, load_document
from assistant.knowledge.models import SearchResult
from assistant.knowledge.store import make_chroma_client

_BATCH = 1000


class BaselineSearch:
    """Vector-only Chroma search with default chunking and the given embedding model."""

    def __init__(self, settings: Settings, embedding: str = "minilm") -> None:
        self.embeddings = make_embeddings(embedding, settings.embedding_threads)
        self.vectorstore = Chroma(
            collection_name=f"baseline-{embedding}",
            embedding_function=self.embeddings,
            client=make_chroma_client(settings),
        )

    def build(self, folder: Path) -> int:
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        documents: list[Document] = []
        files, _ = discover_files([folder])
        for path in files:
            try:
                loaded = load_document(path)
            except UnreadableDocument:
                continue
            for number, piece in enumerate(splitter.split_text(loaded.text)):
                metadata = {
                    "source": loaded.source,
                    "doc_id": loaded.doc_id,
                    "title": loaded.title,
                    "language": loaded.language,
                    "chunk_id": f"{loaded.doc_id}#{number:03d}",
                }
                documents.append(Document(page_content=piece, metadata=metadata))
        for start in range(0, len(documents), _BATCH):  # Chroma caps one write's size
            self.vectorstore.add_documents(documents[start : start + _BATCH])
        return len(documents)

    def search(self, query: str, k: int = 5) -> list[SearchResult]:
        hits = self.vectorstore.similarity_search_with_score(query, k=k)
        return [
            SearchResult(
                source=d.metadata["source"],
                title=d.metadata["title"],
                language=d.metadata["language"],
                heading="",
                chunk_id=d.metadata["chunk_id"],
                score=round(float(1.0 / (1.0 + distance)), 4),
                text=d.page_content,
                doc_id=d.metadata["doc_id"],
            )
            for d, distance in hits
        ]
