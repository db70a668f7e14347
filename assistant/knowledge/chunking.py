"""Heading-aware chunking with overlap; every chunk is an exact slice of the document text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.knowledge.models import Chunk

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


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
    """Fold a section that is only heading lines (a lone title) into the section after it."""
    merged: list[_Section] = []
    carry: _Section | None = None
    for section in sections:
        if carry is not None:
            section = _Section(carry.start, section.end, section.path)
            carry = None
        if _body_start(text, section) >= section.end and section is not sections[-1]:
            carry = section
            continue
        merged.append(section)
    if carry is not None:
        merged.append(carry)
    return merged


def _body_start(text: str, section: _Section) -> int:
    """Offset just after the heading lines (and blank lines) that open ``section``."""
    position = section.start
    while position < section.end:
        line_end = text.find("\n", position, section.end)
        line_end = section.end if line_end < 0 else line_end + 1
        line = text[position:line_end]
        if line.strip() and not _HEADING.fullmatch(line.rstrip("\n")):
            return position
        position = line_end
    return section.end


def chunk_text(text: str, doc_id: str, chunk_size: int, overlap: int) -> list[Chunk]:
    """Chunks of at most ``chunk_size`` characters that never cross a section.

    A section's first chunk starts at its heading, so a heading never stands alone.
    """
    chunks: list[Chunk] = []
    for section in split_sections(text):
        body_start = _body_start(text, section)
        if body_start >= section.end:
            body_start = section.start  # a document that is only headings
        heading_room = body_start - section.start
        budget = max(chunk_size - heading_room, min(chunk_size, 100))
        budget_overlap = min(overlap, budget // 2)
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=budget,
            chunk_overlap=budget_overlap,
            separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""],
            keep_separator="end",
            strip_whitespace=True,
        )
        body = text[body_start : section.end]
        previous, previous_end = -1, 0
        for number, piece in enumerate(splitter.split_text(body)):
            # The next piece starts after the previous one, at most `overlap` before its end.
            found = body.find(piece, max(previous + 1, previous_end - budget_overlap))
            if found < 0:  # the splitter only trims and cuts; this is a safeguard
                found = body.find(piece, previous + 1)
            if found < 0:
                continue
            previous, previous_end = found, found + len(piece)
            start = section.start if number == 0 else body_start + found
            end = body_start + found + len(piece)
            chunks.append(
                Chunk(
                    chunk_id=f"{doc_id}#{len(chunks):03d}",
                    index=len(chunks),
                    heading=" > ".join(section.path),
                    start=start,
                    end=end,
                    text=text[start:end],
                )
            )
    return chunks
