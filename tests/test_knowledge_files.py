"""The curated articles: valid front matter, furniture gone, guidance kept word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT
from assistant.knowledge.loaders import load_document
from assistant.yamlfiles import parse_yaml

ARTICLES = sorted((PROJECT_ROOT / "knowledge" / "articles").glob("*.md"))
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
LANGUAGES = {"en", "nb", "sv", "ru", "de", "fr"}
FURNITURE = [
    "<!--",
    "Be the first who create",
    "ï»¿",
    "OnNet.no",
    "Читать книгу",
    "Оглавление",
    "You need to be logged in",
    "templateKey",
    "featuredimage",
    "Les mer:",
]


CORRECTIONS = parse_yaml(
    (PROJECT_ROOT / "knowledge" / "data" / "seed_corrections.yaml").read_text(encoding="utf-8")
)["corrections"]


def _corrected(stem: str, seed_text: str) -> str:
    """The seed with the typos the curated article corrects (seed_corrections.yaml)."""
    for fix in CORRECTIONS:
        if fix["article"] == stem:
            seed_text = seed_text.replace(fix["seed"], fix["curated"])
    return seed_text


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("ï»¿", "").split())


def test_the_five_seed_articles_are_curated():
    assert {p.stem for p in ARTICLES} == {
        "en-develop-your-digital-strategy-4-steps",
        "en-marketing-misaligned-with-business-objectives",
        "nb-hva-er-en-digital-strategi",
        "ru-postanovka-tselej-tsifrovoj-marketing",
        "sv-identifiera-digitala-mal",
    }


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_front_matter_is_complete(path: Path):
    doc = load_document(path)
    assert doc.title and doc.language == path.stem.split("-")[0]
    assert doc.tags
    headings = re.findall(r"^## (.+)$", doc.text, re.MULTILINE)
    assert [s.heading for s in doc.sections] == headings
    for section in doc.sections:
        assert set(section.summary) >= LANGUAGES, section.heading
        assert set(section.keywords) >= LANGUAGES, section.heading


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_page_furniture_is_gone(path: Path):
    text = path.read_text(encoding="utf-8")
    for marker in FURNITURE:
        assert marker not in text


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_sentence_of_guidance_is_kept_verbatim(path: Path):
    seed = SEEDS / f"{path.stem}.txt"
    if not seed.exists():
        pytest.skip("the seed articles (../shared/seeds) are not beside this checkout")
    seed_text = _squash(_corrected(path.stem, seed.read_text(encoding="utf-8")))
    doc = load_document(path)
    added_headings = {s.heading for s in doc.sections} | {doc.title}
    for line in doc.text.splitlines():
        words = re.sub(r"^\s*(#+|[-*•]|\d+\.)\s+", "", line).strip()
        if not words or words in added_headings:
            continue
        assert _squash(words) in seed_text, f"not in the seed: {words[:80]}"


def test_the_curated_articles_carry_no_typo_of_the_seeds():
    for fix in CORRECTIONS:
        text = (PROJECT_ROOT / "knowledge" / "articles" / f"{fix['article']}.md").read_text("utf-8")
        assert fix["seed"] not in text and fix["curated"] in text
