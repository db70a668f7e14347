"""Data that crosses the knowledge-base boundary."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SectionNotes(BaseModel):
    """Curated notes on one section of an article: summaries and search terms per language."""

    model_config = ConfigDict(extra="ignore")

    heading: str
    summary: dict[str, str] = Field(default_factory=dict)
    keywords: dict[str, list[str]] = Field(default_factory=dict)


class LoadedDocument(BaseModel):
    """A readable document: its plain text and what we know about it."""

    path: str
    source: str
    doc_id: str
    title: str
    language: str
    text: str
    file_sha256: str
    author: str | None = None
    publisher: str | None = None
    tags: list[str] = Field(default_factory=list)
    summary: dict[str, str] = Field(default_factory=dict)
    sections: list[SectionNotes] = Field(default_factory=list)


class Chunk(BaseModel):
    """A slice of a document's text: ``text == document.text[start:end]``."""

    chunk_id: str
    index: int
    heading: str
    start: int
    end: int
    text: str


class SearchResult(BaseModel):
    """One passage found by a search, with where it comes from."""

    source: str
    title: str
    language: str
    heading: str
    chunk_id: str
    score: float
    text: str
    doc_id: str = ""
    start: int = 0
    end: int = 0
    similarity: float | None = Field(
        default=None,
        description="best cosine similarity of the question to this passage or its notes",
    )
