"""Heading-aware chunking: exact offsets, sections kept apart, overlap, stable ids."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.knowledge.chunking import chunk_text
from assistant.knowledge.loaders import load_document
from assistant.knowledge.models import LoadedDocument

ARTICLES = sorted((PROJECT_ROOT / "knowledge" / "articles").glob("*.md"))
DEFAULTS = Settings()
# the shipped settings, plus small chunks so that every section is split several times
SIZES = [(DEFAULTS.chunk_size, DEFAULTS.chunk_overlap), (300, 60)]

_SECTION_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_ANY_HEADING_LINE = re.compile(r"^#{1,6}[ \t].*$", re.MULTILINE)


def _article(path: Path) -> LoadedDocument:
    return load_document(path)


def _without_headings(text: str) -> str:
    return _ANY_HEADING_LINE.sub("", text).strip()


def test_curated_articles_are_present() -> None:
    assert len(ARTICLES) >= 5
    assert {_article(p).language for p in ARTICLES} >= {"en", "nb", "sv", "ru"}


@pytest.mark.parametrize(("size", "overlap"), SIZES, ids=lambda v: str(v))
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_chunk_is_the_exact_slice_of_the_article_at_its_offsets(
    path: Path, size: int, overlap: int
) -> None:
    doc = _article(path)
    chunks = chunk_text(doc.text, doc.doc_id, size, overlap)
    assert chunks
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip()


@pytest.mark.parametrize(("size", "overlap"), SIZES, ids=lambda v: str(v))
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_chunks_cover_the_whole_article_in_order(path: Path, size: int, overlap: int) -> None:
    doc = _article(path)
    chunks = chunk_text(doc.text, doc.doc_id, size, overlap)
    starts = [c.start for c in chunks]
    assert starts == sorted(set(starts))
    assert [c.index for c in chunks] == list(range(len(chunks)))
    covered_up_to = 0
    for chunk in chunks:
        # nothing but whitespace is ever left out between one chunk and the next
        assert not doc.text[covered_up_to : chunk.start].strip(), chunk.chunk_id
        covered_up_to = max(covered_up_to, chunk.end)
    assert not doc.text[covered_up_to:].strip()


@pytest.mark.parametrize(("size", "overlap"), SIZES, ids=lambda v: str(v))
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_chunk_crosses_a_section_and_its_heading_names_that_section(
    path: Path, size: int, overlap: int
) -> None:
    doc = _article(path)
    sections = [(m.start(), m.group(1).strip()) for m in _SECTION_HEADING.finditer(doc.text)]
    assert sections, "curated articles are organised in ## sections"
    title = doc.title
    for chunk in chunk_text(doc.text, doc.doc_id, size, overlap):
        inside = [(pos, name) for pos, name in sections if chunk.start < pos < chunk.end]
        for pos, name in inside:
            # a later section may only start inside a chunk after nothing but headings
            before = doc.text[chunk.start : pos]
            assert not _without_headings(before), (
                f"{chunk.chunk_id} runs from one section into '## {name}'"
            )
        owning = [name for pos, name in sections if pos < chunk.end]
        expected = f"{title} > {owning[-1]}" if owning else title
        assert chunk.heading == expected, chunk.chunk_id


@pytest.mark.parametrize(("size", "overlap"), SIZES, ids=lambda v: str(v))
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_chunk_is_longer_than_chunk_size(path: Path, size: int, overlap: int) -> None:
    doc = _article(path)
    lengths = [len(c.text) for c in chunk_text(doc.text, doc.doc_id, size, overlap)]
    assert max(lengths) <= size


def test_consecutive_chunks_of_a_long_section_overlap_by_at_most_the_overlap() -> None:
    sentences = [f"Sentence {i} explains one idea about goal number {i * 7}." for i in range(60)]
    text = "# Guide\n\n## Long section\n\nShort intro.\n\n" + " ".join(sentences) + "\n"
    chunks = [c for c in chunk_text(text, "guide", 300, 80) if "Sentence" in c.text]
    assert len(chunks) >= 5
    for previous, current in pairwise(chunks):
        shared = previous.end - current.start
        assert 0 < shared <= 80, (previous.chunk_id, current.chunk_id, shared)
        assert text[current.start : previous.end] in previous.text


def test_overlap_never_reaches_into_the_previous_section() -> None:
    first = " ".join(f"Alpha fact {i} about pricing." for i in range(40))
    second = " ".join(f"Beta fact {i} about hiring." for i in range(40))
    text = f"# Notes\n\n## Pricing\n\n{first}\n\n## Hiring\n\n{second}\n"
    hiring_starts = text.index("## Hiring")
    for chunk in chunk_text(text, "notes", 300, 100):
        assert not ("Alpha" in chunk.text and "Beta" in chunk.text), chunk.chunk_id
        expected = "Notes > Hiring" if chunk.start >= hiring_starts else "Notes > Pricing"
        assert chunk.heading == expected


def test_lone_title_line_is_merged_into_the_next_section() -> None:
    text = (
        "# Strategy Notes\n\n"
        "## Goals\n\n"
        "We want twenty new customers a month from the webshop by the end of the year.\n\n"
        "Every goal has a number, a date and one person who follows it up.\n\n"
        "## Channels\n\n"
        "Instagram for reach, email for returning customers, and a small search budget.\n"
        "We review the numbers on the first Monday of every month together.\n"
    )
    chunks = chunk_text(text, "notes", 900, 150)
    assert all(_without_headings(c.text) for c in chunks), [c.text for c in chunks]
    first = chunks[0]
    assert first.start == 0
    assert first.text.startswith("# Strategy Notes\n\n## Goals")
    assert "twenty new customers" in first.text
    assert first.heading == "Strategy Notes > Goals"
    assert chunks[-1].heading == "Strategy Notes > Channels"


@pytest.mark.parametrize(("size", "overlap"), SIZES, ids=lambda v: str(v))
def test_no_curated_chunk_is_only_heading_lines(size: int, overlap: int) -> None:
    # at 900/150 en-develop-your-digital-strategy-4-steps#001 used to be just
    # '## Why you should develop a digital strategy', and it ranked first in search
    empty = []
    for path in ARTICLES:
        doc = _article(path)
        for chunk in chunk_text(doc.text, doc.doc_id, size, overlap):
            if not _without_headings(chunk.text):
                empty.append(chunk.chunk_id)
    assert empty == []


def test_heading_stays_with_a_first_paragraph_longer_than_a_chunk() -> None:
    paragraph = " ".join(f"Point {i} of the long opening paragraph." for i in range(30))
    text = f"# Guide\n\n## Opening\n\n{paragraph}\n"
    chunks = chunk_text(text, "guide", 300, 60)
    assert len(chunks) > 2
    assert chunks[0].start == 0
    assert chunks[0].text.startswith("# Guide\n\n## Opening\n\nPoint 0 ")
    assert all(_without_headings(c.text) for c in chunks)


def test_short_section_with_real_content_keeps_its_own_heading() -> None:
    text = (
        "# Shop FAQ\n\n"
        "## Pricing\n\n"
        "It costs 100 NOK per month, billed yearly.\n\n"
        "## Support\n\n" + "Support is open on weekdays from nine to five. " * 10
    )
    chunks = chunk_text(text, "faq", 900, 150)
    [pricing] = [c for c in chunks if "100 NOK" in c.text]
    assert pricing.heading == "Shop FAQ > Pricing"
    assert "Support is open" not in pricing.text
    assert all(c.heading == "Shop FAQ > Support" for c in chunks if "Support is open" in c.text)


def test_repeated_paragraphs_get_their_own_offsets_in_document_order() -> None:
    paragraph = "We repeat this paragraph about goals and metrics for small firms."
    text = "# T\n\n## S\n\n" + "\n\n".join([paragraph] * 30)
    chunks = chunk_text(text, "rep", 200, 50)
    starts = [c.start for c in chunks]
    assert starts == sorted(set(starts))
    assert chunks[-1].end == len(text)


def test_chunk_ids_are_unique_and_stable_across_runs() -> None:
    first_run: list[tuple[str, int, int]] = []
    second_run: list[tuple[str, int, int]] = []
    for path in ARTICLES:
        for run in (first_run, second_run):
            doc = _article(path)
            chunks = chunk_text(doc.text, doc.doc_id, DEFAULTS.chunk_size, DEFAULTS.chunk_overlap)
            run.extend((c.chunk_id, c.start, c.end) for c in chunks)
    ids = [chunk_id for chunk_id, _, _ in first_run]
    assert len(ids) == len(set(ids))
    assert first_run == second_run
    assert all(chunk_id.startswith(tuple(p.stem for p in ARTICLES)) for chunk_id in ids)


def test_editing_the_last_section_keeps_the_ids_and_offsets_of_earlier_chunks() -> None:
    doc = _article(ARTICLES[0])
    before = chunk_text(doc.text, doc.doc_id, 300, 60)
    edited = doc.text + "\n\nOne more closing sentence added by the editor.\n"
    after = chunk_text(edited, doc.doc_id, 300, 60)
    unchanged = [(c.chunk_id, c.start, c.end) for c in before[:-1]]
    assert [(c.chunk_id, c.start, c.end) for c in after[: len(unchanged)]] == unchanged
