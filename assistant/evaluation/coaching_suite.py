"""Coaching eval: each persona as a scripted chat and as a one-shot brief.

Per plan: SMART pass rate per letter and fully-SMART rate; baseline fidelity (a baseline is
a number the owner gave, or pending — an invented one is a hard failure); citation validity
(hard) and support; the owner's figures and objective categories kept. Per chat also:
turns to a complete first draft (target 8-12), re-asked questions (0), numbers the coach
states that come from nowhere (0), and reply language = the owner's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.coaching.plan import StrategyPlan
from assistant.coaching.service import CoachService
from assistant.evaluation.datasets import PersonaCase
from assistant.evaluation.grounding import mean, plan_citations, validity
from assistant.evaluation.judge_hooks import JudgeHook
from assistant.evaluation.results import CaseResult, Check, Turn
from assistant.evaluation.textchecks import (
    numbers_in,
    numbers_of,
    speaks,
    template_numbers,
    unsupported_numbers,
)

LETTERS = ("specific", "measurable", "achievable", "relevant", "time_bound")
FIRST_DRAFT_TURNS = (8, 12)


def _close(value: float, pool: set[float]) -> bool:
    return any(abs(value - known) <= 1e-6 * max(1.0, abs(known)) for known in pool)


def plan_checks(
    plan: StrategyPlan, persona: PersonaCase, said: set[float]
) -> tuple[dict[str, float | None], list[Check]]:
    """Metrics and checks every plan must meet, from a chat or from a brief."""
    goals = plan.goals
    metrics: dict[str, float | None] = {}
    checks: list[Check] = []
    for letter in LETTERS:
        passed = [g for g in goals if g.smart and getattr(g.smart, letter).ok]
        metrics[f"smart_{letter}"] = round(len(passed) / len(goals), 4) if goals else None
    fully = [g for g in goals if g.smart and all(getattr(g.smart, x).ok for x in LETTERS)]
    metrics["fully_smart_rate"] = round(len(fully) / len(goals), 4) if goals else None
    metrics["smart_goals"] = len(fully)
    checks.append(
        Check(
            name="enough_smart_goals",
            passed=len(fully) >= persona.expect.min_smart_goals,
            detail=f"{len(fully)} fully SMART, need {persona.expect.min_smart_goals}",
        )
    )
    invented = [
        g.statement
        for g in goals
        if g.baseline and g.baseline.value is not None and not _close(g.baseline.value, said)
    ]
    metrics["invented_baselines"] = len(invented)
    checks.append(
        Check(
            name="no_invented_baseline",
            passed=not invented,
            hard=True,
            detail="; ".join(invented) or "every baseline is the owner's number or pending",
        )
    )
    expected = set(persona.expect.numbers)
    plan_numbers = numbers_of(plan.model_dump(mode="json"), plan.language)
    kept = {n for n in expected if _close(n, plan_numbers)}
    metrics["facts_kept"] = round(len(kept) / len(expected), 4) if expected else None
    checks.append(
        Check(
            name="owner_figures_kept",
            passed=kept == expected,
            detail=f"missing {sorted(expected - kept)}" if kept != expected else "all kept",
        )
    )
    categories = {o.category for o in plan.objectives}
    missing = set(persona.expect.categories) - categories
    checks.append(
        Check(
            name="objective_categories",
            passed=not missing,
            detail=f"missing {sorted(missing)}" if missing else "all found",
        )
    )
    horizons = {i.horizon for i in plan.roadmap if i.horizon}
    checks.append(
        Check(
            name="roadmap_shape",
            passed=len(plan.roadmap) >= 6 and len(horizons) >= 2,
            detail=f"{len(plan.roadmap)} initiatives over {len(horizons)} horizons",
        )
    )
    return metrics, checks


def _grounding(
    service: CoachService, plan: StrategyPlan, passages: Mapping[str, str], sources
) -> tuple[dict[str, float | None], list[Check], list]:
    views = plan_citations(plan, passages, service.kb, sources)
    uncited = [g.statement for g in plan.goals if not g.citations] + [
        i.title for i in plan.roadmap if not i.citations
    ]
    rate = validity(views)
    metrics = {
        "citation_validity": rate,
        "citation_chrf": mean([v.chrf for v in views]),
        "citation_similarity": mean([v.similarity for v in views]),
    }
    checks = [
        Check(
            name="citations_verbatim",
            passed=rate == 1.0,
            hard=True,
            detail="; ".join(v.quote[:60] for v in views if not v.valid) or f"{len(views)} valid",
        ),
        Check(
            name="everything_cited",
            passed=not uncited,
            detail="; ".join(uncited) or "every goal and initiative cites a passage",
        ),
    ]
    return metrics, checks, views


def run_chat(
    service: CoachService, persona: PersonaCase, judge: JudgeHook | None = None
) -> CaseResult:
    session_id = f"eval-chat-{persona.id}"
    service.delete_session(session_id)
    replies: list[str] = []
    first_draft: int | None = None
    plan_numbers: set[float] = set()  # every number any version of the plan held
    for number, message in enumerate(persona.script, start=1):
        result = service.send(session_id, message)
        replies.append(result.reply)
        plan_numbers |= numbers_of(result.plan, persona.language)
        if first_draft is None and result.plan["goals"] and result.plan["roadmap"]:
            first_draft = number
    state = service.session(session_id)
    plan = state.plan
    said: set[float] = set()
    for message in persona.script:
        said |= numbers_in(message, persona.language)
    metrics, checks = plan_checks(plan, persona, said)
    passages = service.kb.retriever.corpus().texts
    grounded, grounding_checks, views = _grounding(service, plan, passages, state.sources)
    metrics.update(grounded)
    checks += grounding_checks
    low, high = FIRST_DRAFT_TURNS
    metrics["turns_to_first_draft"] = first_draft
    checks.append(
        Check(
            name="first_draft_in_8_to_12_turns",
            passed=first_draft is not None and low <= first_draft <= high,
            detail=f"first complete draft after {first_draft} turns",
        )
    )
    asks = [reply.strip().split("\n\n")[-1] for reply in replies]
    asks = [ask for ask in asks if "?" in ask]  # the question each reply ends with, if any
    reasked = len(asks) - len(set(asks))
    metrics["reasked_questions"] = reasked
    checks.append(Check(name="no_reasked_questions", passed=reasked == 0, detail=f"{reasked}"))
    verdicts = [speaks(reply, persona.language) for reply in replies[1:]]
    decided = [v for v in verdicts if v is not None]
    metrics["language_adherence"] = round(sum(decided) / len(decided), 4) if decided else None
    checks.append(
        Check(
            name="replies_in_owner_language",
            passed=all(decided),
            detail=f"{sum(decided)}/{len(decided)} replies",
        )
    )
    allowed = (
        said
        | plan_numbers
        | template_numbers(persona.language)
        | {n for v in views for n in numbers_in(v.passage, v.language or persona.language)}
    )
    for source in state.sources.values():
        allowed |= numbers_in(source.text, source.language)
    stray = [n for reply in replies for n in unsupported_numbers(reply, persona.language, allowed)]
    metrics["unsupported_numbers"] = len(stray)
    checks.append(Check(name="no_unsupported_numbers", passed=not stray, detail=f"{stray[:8]}"))
    if judge is not None:
        metrics.update(judge.plan(plan))
    transcript = [Turn(role=t.role, content=t.content) for t in state.transcript]
    return CaseResult(
        suite="coaching",
        id=persona.id,
        language=persona.language,
        variant="chat",
        passed=all(c.passed for c in checks),
        metrics=metrics,
        checks=checks,
        transcript=transcript,
        plan=plan.model_dump(mode="json"),
        citations=views,
    )


def run_brief(
    service: CoachService, persona: PersonaCase, judge: JudgeHook | None = None
) -> CaseResult:
    plan = service.plan_from_brief(persona.brief)
    said = numbers_in(persona.brief, persona.language)
    metrics, checks = plan_checks(plan, persona, said)
    passages = service.kb.retriever.corpus().texts
    grounded, grounding_checks, views = _grounding(service, plan, passages, None)
    metrics.update(grounded)
    checks += grounding_checks
    checks.append(
        Check(
            name="plan_in_owner_language",
            passed=plan.language == persona.language,
            detail=plan.language,
        )
    )
    if judge is not None:
        metrics.update(judge.plan(plan))
    return CaseResult(
        suite="coaching",
        id=persona.id,
        language=persona.language,
        variant="brief",
        passed=all(c.passed for c in checks),
        metrics=metrics,
        checks=checks,
        transcript=[Turn(role="user", content=persona.brief)],
        plan=plan.model_dump(mode="json"),
        citations=views,
    )
