"""Heading-aware chunking: exact offsets, sections kept apart, overlap, stable ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.knowledge.chunking import chunk_text
from assistant.knowledge.loaders import load_document
from assistant.knowledge.models import Chunk, LoadedDocument

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
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    covered = "".join(
        doc.text[max(c.start, previous.end) : c.end]
        for previous, c in zip([Chunk(chunk_id="", index=-1, heading="", start=0, end=0, text="")]
                               + chunks, chunks, strict=False)
    )
    # nothing but whitespace is ever left out between chunks
    assert "".join(covered.split()) == "".join(doc.text.split())


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
    for previous, current in zip(chunks, chunks[1:], strict=False):
        shared = previous.end - current.start
        assert 0 < shared <= 80, (previous.chunk_id, current.chunk_id, shared)
        assert text[current.start : previous.end] in previous.text


def test_overlap_never_reaches_into_the_previous_section() -> None:
    first = " ".join(f"Alpha fact {i} about pricing." for i in range(40))
    second = " ".join(f"Beta fact {i} about hiring." for i in range(40))
    text = f"# Notes\n\n## Pricing\n\n{first}\n\n## Hiring\n\n{second}\n"
    for chunk in chunk_text(text, "notes", 300, 100):
        assert not ("Alpha" in chunk.text and "Beta" in chunk.text), chunk.chunk_id
        expected = "Notes > Hiring" if "Beta" in chunk.text else "Notes > Pricing"
        assert chunk.heading == expected


def test_lone_title_line_is_merged_into_the_next_section() -> None:
    text = (
        "# Strategy Notes\n\n"
        "## Goals\n\n"
        "We want twenty new customers a month from the webshop.\n\n"
        "Every goal has a number and a date.\n\n"
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


@pytest.mark.xfail(
    strict=True,
    reason="BUG: when a section's first paragraph does not fit next to its heading, the "
    "splitter emits the heading line(s) alone, e.g. en-develop-your-digital-strategy-4-steps"
    "#001 == '## Why you should develop a digital strategy' at the shipped 900/150 settings; "
    "such empty chunks carry the section notes and rank first in search",
)
def test_no_curated_chunk_is_only_heading_lines_at_default_settings() -> None:
    empty = []
    for path in ARTICLES:
        doc = _article(path)
        for chunk in chunk_text(doc.text, doc.doc_id, DEFAULTS.chunk_size, DEFAULTS.chunk_overlap):
            if not _without_headings(chunk.text):
                empty.append(chunk.chunk_id)
    assert empty == []


@pytest.mark.xfail(
    strict=True,
    reason="BUG: _merge_small folds any ## section with under 120 characters of body into the "
    "next one, so a short real section is cited under the next section's heading",
)
def test_short_section_with_real_content_keeps_its_own_heading() -> None:
    text = (
        "# Shop FAQ\n\n"
        "## Pricing\n\n"
        "It costs 100 NOK per month, billed yearly.\n\n"
        "## Support\n\n" + "Support is open on weekdays from nine to five. " * 10
    )
    for chunk in chunk_text(text, "faq", 900, 150):
        if "100 NOK" in chunk.text:
            assert chunk.heading == "Shop FAQ > Pricing"
            assert "Support is open" not in chunk.text


@pytest.mark.xfail(
    strict=True,
    reason="BUG: chunk_text looks a piece up again from cursor - chunk_size, so repeated "
    "paragraphs are all placed at the first copy (offsets (11, 143) repeated)",
)
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
