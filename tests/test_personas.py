"""Persona conversations, end to end through the offline coach, in each language.

Each persona (evals/personas/*.json) is run as a scripted chat and as a one-shot brief. A
good outcome: at least three goals that pass all five SMART checks using the persona's own
numbers, a roadmap of at least six initiatives over at least two horizons, every goal and
initiative cited with a quote found verbatim in a retrieved passage, replies in the
persona's language, and no invented baseline.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from text_helpers import coach_words

from assistant.coaching.plan import StrategyPlan
from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings
from assistant.knowledge.languages import detect_language

pytestmark = pytest.mark.slow

PERSONAS = sorted((PROJECT_ROOT / "evals" / "personas").glob("*.json"))


def _persona(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    settings = Settings(data_dir=seeded_data_dir("coach"))
    return CoachService(settings, today=lambda: date(2026, 11, 22))


def _check_plan(plan: StrategyPlan, persona: dict, passages: dict[str, str]) -> None:
    numbers = set(persona["expect"]["numbers"])
    smart = [
        g for g in plan.goals if g.smart and all(v["ok"] for v in g.smart.model_dump().values())
    ]
    assert len(smart) >= persona["expect"]["min_smart_goals"], [g.statement for g in plan.goals]
    for goal in plan.goals:
        if goal.baseline and goal.baseline.value is not None:
            assert goal.baseline.value in numbers, f"invented baseline in {goal.statement}"
        if goal.target is not None:
            assert goal.target.value in numbers, f"invented target in {goal.statement}"
        assert goal.citations, goal.statement
    assert len(plan.roadmap) >= 6
    assert len({i.horizon for i in plan.roadmap}) >= 2
    for item in [*plan.goals, *plan.roadmap]:
        for citation in item.citations:
            assert citation.quote and citation.quote in passages[citation.chunk_id], citation
    categories = {o.category for o in plan.objectives}
    assert set(persona["expect"]["categories"]) <= categories


@pytest.mark.parametrize("path", PERSONAS, ids=lambda p: p.stem)
def test_scripted_chat_reaches_a_cited_smart_plan(service: CoachService, path: Path) -> None:
    persona = _persona(path)
    session_id = f"chat-{persona['id']}"
    replies = [service.send(session_id, message).reply for message in persona["script"]]
    assert len(replies) == len(persona["script"])
    state = service.session(session_id)
    assert state.stage == "done"
    assert state.assistant_turns <= 12
    passages = service.kb.retriever.corpus().texts
    _check_plan(state.plan, persona, passages)
    for reply in replies[1:]:
        own_words = coach_words(reply)
        assert detect_language(own_words, persona["language"]) in (persona["language"], None)


@pytest.mark.parametrize("path", PERSONAS, ids=lambda p: p.stem)
def test_brief_gives_the_same_quality_plan_in_one_shot(service: CoachService, path: Path) -> None:
    persona = _persona(path)
    plan = service.plan_from_brief(persona["brief"])
    assert plan.language == persona["language"]
    _check_plan(plan, persona, service.kb.retriever.corpus().texts)
