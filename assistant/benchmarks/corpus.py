"""Synthetic corpora for scale benchmarks, generated reproducibly from the articles.

Each file is a Markdown document in one of the articles' languages, made of that
language's sentences drawn with a fixed seed, with headings every few paragraphs, so the
real chunker, loaders and indexing run on it as on real material. A file holds about
``CHUNKS_PER_FILE`` chunks at the default chunk size.
"""

from __future__ import annotations

import random
from pathlib import Path

from pydantic import BaseModel

from assistant.coaching.grounding import candidate_sentences
from assistant.config import PROJECT_ROOT

ARTICLES = PROJECT_ROOT / "knowledge" / "articles"
CHUNKS_PER_FILE = 10
PARAGRAPH_SENTENCES = 4
PARAGRAPHS_PER_SECTION = 3


class SyntheticCorpus(BaseModel):
    folder: Path
    files: int
    target_chunks: int
    languages: dict[str, int]


def article_sentences(folder: Path = ARTICLES) -> dict[str, list[str]]:
    """Language -> the articles' whole sentences (the same ones quotes are taken from)."""
    from assistant.knowledge.loaders import load_document

    by_language: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.md")):
        document = load_document(path)
        by_language.setdefault(document.language, []).extend(candidate_sentences(document.text))
    return by_language


def _document(rng: random.Random, language: str, sentences: list[str], number: int) -> str:
    lines = ["---", f"title: Synthetic note {number}", f"language: {language}", "---", ""]
    lines.append(f"# Synthetic note {number}")
    target_chars = 520 * CHUNKS_PER_FILE  # ~10 chunks: exact slices average ~520 chars
    size = 0
    section = 0
    while size < target_chars:
        section += 1
        lines += ["", f"## Section {section}", ""]
        for _ in range(PARAGRAPHS_PER_SECTION):
            paragraph = " ".join(rng.choice(sentences) for _ in range(PARAGRAPH_SENTENCES))
            lines += [paragraph, ""]
            size += len(paragraph)
    return "\n".join(lines)


def write_corpus(target_chunks: int, folder: Path, seed: int = 7) -> SyntheticCorpus:
    """About ``target_chunks`` chunks of synthetic documents under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences = article_sentences()
    languages = sorted(sentences)
    rng = random.Random(seed)
    files = max(1, round(target_chunks / CHUNKS_PER_FILE))
    counts: dict[str, int] = {}
    for number in range(files):
        language = languages[number % len(languages)]
        counts[language] = counts.get(language, 0) + 1
        text = _document(rng, language, sentences[language], number)
        (folder / f"synthetic-{number:06d}.md").write_text(text, encoding="utf-8")
    return SyntheticCorpus(
        folder=folder, files=files, target_chunks=target_chunks, languages=counts
    )
