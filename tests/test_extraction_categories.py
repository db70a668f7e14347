"""Objective categories and "I don't know" answers, by keyword evidence, in en, nb, sv, ru."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.extraction import (
    SUPPORTED_LANGUAGES,
    classify_objective,
    detect_dont_know,
    load_objective_keywords,
)

CATEGORIES = {
    "revenue_growth",
    "operational_efficiency",
    "brand_awareness",
    "customer_experience",
    "market_reach",
}

# (language, owner's objective, the category that must rank first)
OBJECTIVE_CASES = [
    ("en", "We want to increase sales and grow revenue", "revenue_growth"),
    ("en", "Automate invoicing and save time on paperwork", "operational_efficiency"),
    ("en", "More followers on Instagram and better brand awareness", "brand_awareness"),
    ("en", "Better customer service and fewer complaints", "customer_experience"),
    ("en", "Open a web shop and sell abroad to new markets", "market_reach"),
    ("en", "Our profit margins are too thin", "revenue_growth"),
    ("en", "Keep customers loyal and improve retention", "customer_experience"),
    ("nb", "Vi vil øke omsetningen med 20 %", "revenue_growth"),
    ("nb", "Vi vil automatisere faktureringen og spare tid", "operational_efficiency"),
    ("nb", "Vi vil bli mer synlige og styrke merkevaren", "brand_awareness"),
    ("nb", "Bedre kundeservice og mer fornøyde kunder", "customer_experience"),
    ("nb", "Starte en nettbutikk og nå nye kunder i hele landet", "market_reach"),
    ("nb", "Salget må opp, og lønnsomheten også", "revenue_growth"),
    ("nb", "Mindre manuelt arbeid og lavere kostnader", "operational_efficiency"),
    ("sv", "Vi vill öka försäljningen", "revenue_growth"),
    ("sv", "Effektivisera processerna och minska kostnaderna", "operational_efficiency"),
    ("sv", "Öka kännedomen om varumärket", "brand_awareness"),
    ("sv", "Nöjdare kunder och snabbare kundtjänst", "customer_experience"),
    ("sv", "Starta e-handel och nå nya marknader", "market_reach"),
    ("sv", "Omsättningen ska växa och lönsamheten förbättras", "revenue_growth"),
    ("sv", "Fler följare på Instagram", "brand_awareness"),
    ("ru", "Хотим увеличить выручку и продажи", "revenue_growth"),
    ("ru", "Автоматизировать учёт и сократить расходы", "operational_efficiency"),
    ("ru", "Повысить узнаваемость бренда в соцсетях", "brand_awareness"),
    ("ru", "Повысить лояльность клиентов и качество обслуживания", "customer_experience"),
    ("ru", "Выйти на новые рынки и открыть интернет-магазин", "market_reach"),
    ("ru", "Рост выручки и прибыли", "revenue_growth"),
    ("ru", "Меньше жалоб, больше хороших отзывов", "customer_experience"),
]


@pytest.mark.parametrize(("language", "text", "expected"), OBJECTIVE_CASES)
def test_objective_ranks_the_right_category_first(language: str, text: str, expected: str) -> None:
    ranking = classify_objective(text, language)
    assert ranking[0][0] == expected
    assert ranking[0][1] > 0


@pytest.mark.parametrize(
    ("language", "word"),
    [
        ("nb", "omsetningen"),
        ("nb", "omsetningsvekst"),
        ("sv", "försäljningen"),
        ("sv", "omsättningen"),
        ("ru", "выручки"),
        ("ru", "выручку"),
        ("ru", "продажам"),
        ("en", "revenues"),
    ],
)
def test_inflected_and_compound_words_match(language: str, word: str) -> None:
    assert classify_objective(word, language)[0][0] == "revenue_growth"


def test_mixed_objective_ranks_by_evidence_and_scores_are_shares() -> None:
    ranking = classify_objective(
        "Vi vil øke salget og omsetningen, og få flere følgere på Instagram", "nb"
    )
    categories = [category for category, _ in ranking]
    assert categories[:2] == ["revenue_growth", "brand_awareness"]
    scores = [score for _, score in ranking]
    assert scores == sorted(scores, reverse=True)
    assert sum(scores) == pytest.approx(1.0, abs=0.01)


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", ""), ("en", "   "), ("nb", "hei"), ("sv", "hej hej"), ("ru", "привет"), ("en", "42")],
)
def test_no_evidence_is_other(language: str, text: str) -> None:
    assert classify_objective(text, language) == [("other", 0.0)]


def test_every_category_has_keywords_in_every_language() -> None:
    keywords = load_objective_keywords()
    assert set(keywords) >= CATEGORIES
    assert "other" in keywords
    for category in CATEGORIES:
        for language in SUPPORTED_LANGUAGES:
            assert len(keywords[category].get(language, [])) >= 10, (category, language)


DONT_KNOW_CASES = [
    ("en", "I don't know", True),
    ("en", "No idea, honestly", True),
    ("en", "not sure yet", True),
    ("en", "We haven't decided", True),
    ("en", "I know exactly: 30% growth", False),
    ("nb", "Vet ikke", True),
    ("nb", "Jeg er usikker", True),
    ("nb", "aner ikke", True),
    ("nb", "Vi vet at vi vil vokse", False),
    ("sv", "Vet inte", True),
    ("sv", "ingen aning", True),
    ("sv", "Jag är osäker", True),
    ("sv", "Vi vet att vi ska växa", False),
    ("ru", "Не знаю", True),
    ("ru", "без понятия", True),
    ("ru", "Трудно сказать", True),
    ("ru", "Знаю точно: рост 30%", False),
]


@pytest.mark.parametrize(("language", "text", "expected"), DONT_KNOW_CASES)
def test_detect_dont_know(language: str, text: str, expected: bool) -> None:
    assert detect_dont_know(text, language) is expected


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.text(st.characters(exclude_categories=()), max_size=50),  # lone surrogates too
    ),
    language=st.sampled_from([*SUPPORTED_LANGUAGES, "xx"]),
)
def test_never_raises_and_ranking_is_well_formed(text: str, language: str) -> None:
    ranking = classify_objective(text, language)
    assert ranking
    assert all(0.0 <= score <= 1.0 for _, score in ranking)
    assert {category for category, _ in ranking} <= CATEGORIES | {"other"}
    assert isinstance(detect_dont_know(text, language), bool)


def test_a_one_megabyte_message_is_classified() -> None:
    text = "Vi vil øke omsetningen 🙂 \u202e " * 40_000
    ranking = classify_objective(text, "nb")
    assert detect_dont_know(text, "nb") is False
    assert ranking[0][0] == "revenue_growth"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Om vi har automatisk backup, vet jeg faktisk ikke.", "nb"),
        ("Det vet vi ikke.", "nb"),
        ("Om vi har backup vet jag faktiskt inte.", "sv"),
    ],
)
def test_inverted_dont_know_is_recognised(text: str, language: str) -> None:
    assert detect_dont_know(text, language)
