"""Maturity topics by meaning: the nearest labelled example phrasing
(``knowledge/data/maturity_examples.yaml``) in the shipped multilingual embedding model
names the topic of a clause the cue words missed; its polarity is read by rules
(negation is "no", a hedge "partly" or "unknown", "don't know" unknown)."""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from assistant.coaching.catalogue import load_maturity_questions
from assistant.config import PROJECT_ROOT
from assistant.extraction import detect_dont_know
from assistant.regex_cache import compiled
from assistant.understanding import cues
from assistant.yamlfiles import parse_yaml

EXAMPLES_FILE = PROJECT_ROOT / "knowledge" / "data" / "maturity_examples.yaml"
MIN_SIMILARITY = 0.65  # below this, no example is about the same thing
MIN_WORDS = 3
# Languages the embedding model was trained on (Universal Sentence Encoder multilingual):
# Norwegian and Swedish are not among them, and their nearest examples are noise.
MEANING_LANGUAGES = frozenset({"en", "ru"})


@cache
def _examples(language: str) -> tuple[tuple[str, ...], np.ndarray]:
    from assistant.knowledge.embeddings import USEEmbeddings

    data = parse_yaml(EXAMPLES_FILE.read_text(encoding="utf-8"))["examples"]
    labels, texts = [], []
    for topic, by_language in data.items():
        for lang in dict.fromkeys((language, "en")):
            for text in by_language.get(lang, ()):
                labels.append(topic)
                texts.append(text)
    vectors = np.asarray(USEEmbeddings().embed_documents(texts), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return tuple(labels), vectors


def topics(clauses: list[str], language: str) -> dict[str, str]:
    """The topic of each clause whose nearest example is near enough, embedded in one
    batch (one model call per message, not one per clause)."""
    wanted = [c for c in dict.fromkeys(clauses) if len(c.split()) >= MIN_WORDS]
    if not wanted or language not in MEANING_LANGUAGES:
        return {}
    from assistant.knowledge.embeddings import USEEmbeddings

    labels, matrix = _examples(language)
    queries = np.asarray(USEEmbeddings().embed_documents(wanted), dtype=np.float32)
    queries /= np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-9)
    scores = queries @ matrix.T
    found = {}
    for clause, row in zip(wanted, scores, strict=True):
        best = int(np.argmax(row))
        if row[best] >= MIN_SIMILARITY:
            found[clause] = labels[best]
    return found


@cache
def _negation(language: str) -> re.Pattern[str]:
    terms = load_maturity_questions().language_rules.negation.get(language)
    words = [re.escape(t.rstrip("*")) + (r"\w*" if t.endswith("*") else r"\b") for t in terms]
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(words)})", re.IGNORECASE)


def without_negated_figures(text: str, language: str) -> str:
    """ "online bookings aren't 5 %, it's 75 %": a no said of a figure corrects the figure and
    answers no question "no"; the negation is blanked out, every position kept."""
    negation = _negation(language).pattern
    said_of_figure = compiled(rf"{negation}(?=(?:\s+[^\W\d]+)?\s+\d)", re.I)
    text = said_of_figure.sub(lambda m: " " * len(m.group()), text)
    # "300 är inte besök på webbplatsen": what a figure is not says nothing of the website
    figure_is_not = compiled(
        rf"(?<=\d)((?:\s+[^\W\d]+){{0,2}}?\s+)((?:{negation})[^,.;:!?\n]*)", re.I
    )
    return figure_is_not.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def negated(clause: str, language: str) -> bool:
    return _negation(language).search(clause) is not None


def polarity(clause: str, language: str) -> str:
    """What the clause says about its topic: unknown, no, partly or yes."""
    hedges = cues.raw("maturity_hedges")
    if detect_dont_know(clause, language) or _any(hedges["unknown"], clause, language):
        return "unknown"
    if _negation(language).search(clause):
        return "no"
    if _any(hedges["partly"], clause, language):
        return "partly"
    return "yes"


def _any(patterns: dict[str, list[str]], clause: str, language: str) -> bool:
    return any(cues.compiled(p).search(clause) for p in patterns.get(language, ()))
