"""Heading-aware chunking with overlap; every chunk is an exact slice of the document text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.knowledge.models import Chunk

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MIN_SECTION_CHARS = 120


@dataclass
class _Section:
    start: int
    end: int
    path: list[str]


def split_sections(text: str) -> list[_Section]:
    """Cut Markdown-style text at its headings; each section starts at its heading line."""
    sections: list[_Section] = []
    stack: list[tuple[int, str]] = []
    cut = 0
    path: list[str] = []
    for match in _HEADING.finditer(text):
        if text[cut : match.start()].strip():
            sections.append(_Section(cut, match.start(), list(path)))
            cut = match.start()
        level, title = len(match.group(1)), match.group(2).strip()
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        path = [t for _, t in stack]
    if text[cut:].strip():
        sections.append(_Section(cut, len(text), path))
    return _merge_small(sections, text)


def _merge_small(sections: list[_Section], text: str) -> list[_Section]:
    """Fold a section with almost no body (a lone title) into the section after it."""
    merged: list[_Section] = []
    carry: _Section | None = None
    for section in sections:
        if carry is not None:
            section = _Section(carry.start, section.end, section.path)
            carry = None
        body = _HEADING.sub("", text[section.start : section.end]).strip()
        if len(body) < _MIN_SECTION_CHARS and section is not sections[-1]:
            carry = section
            continue
        merged.append(section)
    if carry is not None:
        merged.append(carry)
    return merged


def chunk_text(text: str, doc_id: str, chunk_size: int, overlap: int) -> list[Chunk]:
    """Chunks of at most about ``chunk_size`` characters that never cross a section."""
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=min(overlap, chunk_size // 2),
        separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""],
        keep_separator="end",
        strip_whitespace=True,
    )
    chunks: list[Chunk] = []
    for section in split_sections(text):
        section_text = text[section.start : section.end]
        cursor = 0
        for piece in splitter.split_text(section_text):
            found = section_text.find(piece, max(0, cursor - chunk_size))
            if found < 0:  # the splitter only trims and cuts, so this is a safeguard
                found = section_text.find(piece)
            if found < 0:
                continue
            cursor = found + len(piece)
            start = section.start + found
            chunks.append(
                Chunk(
                    chunk_id=f"{doc_id}#{len(chunks):03d}",
                    index=len(chunks),
                    heading=" > ".join(section.path),
                    start=start,
                    end=start + len(piece),
                    text=piece,
                )
            )
    return chunks
