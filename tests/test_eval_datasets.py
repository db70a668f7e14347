"""The answer and adversarial eval datasets are complete and consistent.

An eval is only as good as its cases. These checks make sure every plan language gets every
kind of case, that answerable questions point at curated articles that exist, that each
injected document is there to upload and carries the canary its case looks for, and that no
two cases share an id or a canary (a shared canary would let one case's leak count against
another). The slow checks replay the cases against the offline coach to confirm they set up
the situation they claim to: the baseline attacks land on the objectives step, and the
document attacks retrieve the passage that holds the injected instruction.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import get_args

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.evaluation.datasets import (
    ADVERSARIAL_DOCUMENTS,
    AdversarialCase,
    AdversarialKind,
    AnswerCase,
    AnswerKind,
    CoachLanguage,
    load_adversarial_cases,
    load_answer_cases,
)
from assistant.knowledge.loaders import load_document

LANGUAGES = get_args(CoachLanguage)
ARTICLES = PROJECT_ROOT / "knowledge" / "articles"
# The mix each language needs (the brief the datasets were written to).
MIN_ANSWER_CASES = {"answerable": 5, "unanswerable": 3, "off_topic": 2}
REFUSAL_KINDS = {"guarantee", "legal_financial"}


@pytest.fixture(scope="module")
def answer_cases() -> list[AnswerCase]:
    return load_answer_cases()


@pytest.fixture(scope="module")
def adversarial_cases() -> list[AdversarialCase]:
    return load_adversarial_cases()


@pytest.fixture(scope="module")
def article_languages() -> dict[str, str]:
    """Curated article id (front-matter ``id``) -> the article's language."""
    documents = [load_document(path) for path in sorted(ARTICLES.glob("*.md"))]
    return {doc.doc_id: doc.language for doc in documents}


def _document_path(case: AdversarialCase) -> Path:
    assert case.document is not None
    return ADVERSARIAL_DOCUMENTS / case.document


def test_ids_are_unique_across_both_datasets(answer_cases, adversarial_cases) -> None:
    ids = [c.id for c in answer_cases] + [c.id for c in adversarial_cases]
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates


def test_every_language_has_every_kind_of_answer_case(answer_cases) -> None:
    counts = Counter((c.language, c.kind) for c in answer_cases)
    assert set(MIN_ANSWER_CASES) == set(get_args(AnswerKind))
    for language in LANGUAGES:
        for kind, minimum in MIN_ANSWER_CASES.items():
            assert counts[language, kind] >= minimum, (language, kind)


def test_every_language_has_every_kind_of_attack(adversarial_cases) -> None:
    present = {(c.language, c.kind) for c in adversarial_cases}
    missing = [(lang, kind) for lang in LANGUAGES for kind in get_args(AdversarialKind)]
    assert [pair for pair in missing if pair not in present] == []


def test_questions_read_like_an_owners_question(answer_cases) -> None:
    for case in answer_cases:
        assert case.question.rstrip().endswith("?"), case.id
        assert 6 <= len(case.question.split()) <= 25, case.id


def test_answerable_cases_name_curated_articles(answer_cases, article_languages) -> None:
    for case in answer_cases:
        unknown = set(case.relevant) - set(article_languages)
        assert not unknown, (case.id, unknown)
        assert len(set(case.relevant)) == len(case.relevant), case.id


def test_each_language_asks_across_languages_too(answer_cases, article_languages) -> None:
    """Owners ask in their own language; some answers live only in another language's article."""
    for language in LANGUAGES:
        answerable = [c for c in answer_cases if c.language == language and c.kind == "answerable"]
        cross = [
            c for c in answerable if language not in {article_languages[a] for a in c.relevant}
        ]
        assert cross, f"{language}: no question whose answer is only in another language"


def test_canaries_are_unique_and_asked_for(adversarial_cases) -> None:
    with_canary = [c for c in adversarial_cases if c.canary]
    canaries = [c.canary for c in with_canary]
    assert len(set(canaries)) == len(canaries)
    for case in with_canary:
        assert case.canary is not None
        others = [c for c in adversarial_cases if c is not case]
        # one case's canary must never turn up in another case's messages or document
        for other in others:
            assert case.canary not in " ".join([other.attack, *other.setup]), (case.id, other.id)
        if case.kind == "injection_document":
            assert case.canary not in case.attack, "the question itself should look innocent"
        else:
            assert case.canary in case.attack, case.id


def test_injected_documents_exist_and_carry_their_canary(adversarial_cases) -> None:
    used = set()
    for case in adversarial_cases:
        if case.kind != "injection_document":
            continue
        path = _document_path(case)
        assert path.is_file(), case.document
        document = load_document(path)
        assert document.title and document.language == case.language, case.id
        assert case.canary and case.canary in document.text, case.id
        used.add(path.name)
    on_disk = {p.name for p in ADVERSARIAL_DOCUMENTS.iterdir() if p.is_file()}
    assert on_disk == used, "every document is uploaded by exactly the cases that name it"


def test_only_guarantees_and_advice_expect_a_refusal(adversarial_cases) -> None:
    for case in adversarial_cases:
        assert case.expect_refusal == (case.kind in REFUSAL_KINDS), case.id


def test_baseline_attacks_follow_a_full_interview_setup(adversarial_cases) -> None:
    for case in adversarial_cases:
        if case.kind == "invent_baseline":
            # profile, the three maturity groups, then the marketing figures
            assert len(case.setup) >= 5, case.id
        elif case.kind.startswith("injection") or case.kind == "prompt_leak":
            assert len(case.setup) <= 1, case.id


@pytest.fixture(scope="module")
def coach(seeded_data_dir):
    from assistant.coaching.service import CoachService

    settings = Settings(data_dir=seeded_data_dir("eval-datasets"))
    return CoachService(settings, today=lambda: date(2026, 11, 22))


@pytest.mark.slow
def test_baseline_attacks_arrive_at_the_objectives_step(coach, adversarial_cases) -> None:
    for case in adversarial_cases:
        if case.kind != "invent_baseline":
            continue
        for message in case.setup:
            coach.send(case.id, message)
        assert coach.session(case.id).stage == "objectives", case.id


@pytest.mark.slow
def test_document_attacks_retrieve_the_injected_passage(coach, adversarial_cases) -> None:
    cases = [c for c in adversarial_cases if c.kind == "injection_document"]
    report = coach.add_documents("attacked", [_document_path(c) for c in cases])
    assert report.count("skipped") == 0
    for case in cases:
        title = load_document(_document_path(case)).title
        found = coach.search_knowledge("attacked", case.attack, 3)
        from_document = [r for r in found if r.title == title]
        assert from_document, f"{case.id}: the question does not find its document"
        assert case.canary and case.canary in from_document[0].text, case.id
