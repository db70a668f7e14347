"""A multilingual domain glossary for query expansion (KPI / nøkkeltall / nyckeltal / ...).

A query that mentions any term of a concept, in any language, is expanded with the
concept's terms in every language, each stemmed by its own language's stemmer, so the
keyword search can find passages written in another language.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.knowledge.languages import analyze, analyze_query
from assistant.knowledge.loaders import load_yaml_data


class Concept(BaseModel):
    id: str
    broad: bool = False  # too general to show that a passage answers a question
    terms: dict[str, list[str]] = Field(default_factory=dict)


class Glossary(BaseModel):
    version: int = 1
    concepts: list[Concept] = Field(default_factory=list)

    def expand(self, query: str) -> list[str]:
        """Stems of every term (all languages) of the concepts the query mentions."""
        query_stems = set(analyze_query(query))
        expansion: list[str] = []
        for patterns, stems in _stemmed(self):
            if any(pattern and pattern <= query_stems for pattern in patterns):
                expansion.extend(stems)
        return list(dict.fromkeys(expansion))


def concepts_in(glossary: Glossary, text: str) -> set[str]:
    """The ids of the concepts ``text`` mentions, by any of their terms in any language."""
    stems = set(analyze_query(text))
    return {
        concept.id
        for concept, (patterns, _) in zip(glossary.concepts, _stemmed(glossary), strict=True)
        if any(pattern and pattern <= stems for pattern in patterns)
    }


def _stemmed(glossary: Glossary) -> list[tuple[list[frozenset[str]], list[str]]]:
    """Per concept: each term's stems as a set (a query mentions the term when it has them
    all) and all its terms' stems in order (the expansion); stemmed once per glossary."""
    cached = getattr(glossary, "_stem_cache", None)
    if cached is None:
        cached = []
        for concept in glossary.concepts:
            per_term = [
                analyze(term, language)
                for language, terms in concept.terms.items()
                for term in terms
            ]
            cached.append(([frozenset(t) for t in per_term], [s for t in per_term for s in t]))
        object.__setattr__(glossary, "_stem_cache", cached)
    return cached


@cache
def load_glossary(path: Path) -> Glossary:
    """The glossary at ``path``; an empty glossary when the file is absent."""
    if not path.exists():
        return Glossary()
    return Glossary.model_validate(load_yaml_data(path) or {})


def specific_concepts(glossary: Glossary, text: str) -> set[str]:
    """The concepts ``text`` mentions that say what it is about ("GDPR", "churn"), without
    the broad ones nearly every question mentions ("customer", "website")."""
    broad = {c.id for c in glossary.concepts if c.broad}
    return concepts_in(glossary, text) - broad
