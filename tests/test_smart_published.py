"""The SMART checker against published examples (evals/smart/): the suite's mechanics, and the
checker on goals written the way guides write them (texts written here, not taken from the
suite)."""

from __future__ import annotations

import pytest

from assistant.evaluation import smart_published as suite


def test_the_frozen_test_split_is_as_committed_and_a_figure_below_its_floor_fails():
    assert suite.frozen_changed() is None
    figures = {"split": "dev", "all": {"specific": 0.5}, "by_language": {}}
    assert suite.gate(figures) == ["specific = 0.5 (floor 0.92)"]


def test_every_published_example_names_its_source_and_judges_a_letter():
    for split in ("dev", "test"):
        for example in suite.load(split):
            assert example.source_url.startswith("http")
            assert any(v is not None for v in example.letters.values()), example.id


def _example(lang: str, goal: str) -> suite.Published:
    return suite.Published(id="x", lang=lang, goal=goal, source_url="https://x", letters={})


@pytest.mark.parametrize(
    ("lang", "goal"),
    [
        ("en", "Grow newsletter sign-ups by 30% over the next six months"),
        ("nb", "Øke antall bestillinger på nett med 25 % innen utgangen av 2027"),
        ("sv", "Öka antalet nya kunder med 15 % under nästa år"),
        ("ru", "Увеличить число заявок с сайта на 40% за полгода"),
    ],
)
def test_a_relative_aim_with_a_deadline_is_smart_while_todays_value_waits(lang, goal):
    verdict = suite.verdict(_example(lang, goal))
    assert all(verdict.values()), verdict


@pytest.mark.parametrize(
    ("lang", "goal", "failing"),
    [
        ("en", "Improve our online presence", {"measurable", "time_bound"}),
        ("nb", "Selge mye mer på nett", {"specific", "measurable", "time_bound"}),
        ("ru", "Значительно увеличить продажи", {"specific", "measurable", "time_bound"}),
    ],
)
def test_vague_goals_fail_the_letters_a_guide_would_fail(lang, goal, failing):
    verdict = suite.verdict(_example(lang, goal))
    assert failing <= {letter for letter, ok in verdict.items() if not ok}, verdict


def test_a_goal_judged_in_the_year_it_names_is_not_in_the_past():
    assert suite.judged_on("Reach 500 customers by December 2019").year == 2019
    assert suite.judged_on("collect 2000 contacts by end of November").year == 2026
