"""Turn plan parts into the coach's reply text, in the session's language."""

from __future__ import annotations

from collections import Counter
from datetime import date

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Citation, Goal, Initiative, StrategyPlan
from assistant.coaching.say_back import figures_said, objective_name
from assistant.coaching.smart import SmartAssessment, check_goal
from assistant.coaching.state import SessionState
from assistant.coaching.units import money, staff_text

DIMENSIONS = ("strategy", "readiness", "human_centric", "data_security", "automation_ai", "green")


def cite_marks(state: SessionState, citations: list[Citation]) -> str:
    """``[n]`` markers pointing at the session's numbered sources (only retrieved ones)."""
    order = list(state.sources)
    marks = [f"[{order.index(c.chunk_id) + 1}]" for c in citations if c.chunk_id in order]
    return " ".join(dict.fromkeys(marks))


def sources_block(state: SessionState, citations: list[Citation]) -> str:
    say = Messages(state.language)
    order = list(state.sources)
    quotes: dict[str, list[str]] = {}
    for citation in citations:
        if citation.chunk_id in order and citation.quote not in quotes.get(citation.chunk_id, []):
            quotes.setdefault(citation.chunk_id, []).append(citation.quote)
    lines = []
    for chunk_id in sorted(quotes, key=order.index):
        passage = state.sources[chunk_id]
        cited = " … ".join(f"“{quote}”" for quote in quotes[chunk_id])
        lines.append(
            f"[{order.index(chunk_id) + 1}] {passage.title} ({passage.language}) — {cited}"
        )
    return (say.say("sources_head") + "\n" + "\n".join(lines)) if lines else ""


def playback(state: SessionState, ask: str = "playback_ask") -> str:
    """The summary of what the coach understood, ending with ``ask``. Shown again after a
    change, only its parts that changed are repeated ("25 lines after every answer" is
    noise), and the blocks shown are remembered in the state."""
    say = Messages(state.language)
    blocks = playback_blocks(state)
    again = bool(state.shown_summary) and ask != "playback_ask"
    changed = [b for b in blocks if b not in state.shown_summary] if again else blocks
    state.shown_summary = blocks
    head = [] if again else [say.say("playback_head")]
    return "\n\n".join([*head, *changed, say.say(ask)])


def playback_blocks(state: SessionState) -> list[str]:
    """The summary's parts: the business, its maturity, the top gaps, the objectives."""
    say = Messages(state.language)
    plan = state.plan
    parts = [_profile_line(say, plan), maturity_block(plan)]
    if plan.current_state.top_gaps:
        gaps = "".join(f"\n- {gap}" for gap in plan.current_state.top_gaps)
        parts.append(say.say("playback_gaps", gaps=gaps))
    objectives = "".join(_objective_line(say, state, n) for n in range(len(plan.objectives)))
    parts.append(say.say("playback_objectives", objectives=objectives or say.say("unknown")))
    return parts


def _profile_line(say: Messages, plan: StrategyPlan) -> str:
    profile = plan.profile
    unknown = say.say("unknown")
    return say.say(
        "playback_profile",
        name=profile.business_name or unknown,
        industry=profile.industry or unknown,
        staff=staff_text(profile.staff, profile.staff_off_season, say) or unknown,
        revenue=money(profile.annual_revenue) if profile.annual_revenue else unknown,
        markets=", ".join(profile.markets) or unknown,
    )


def _objective_line(say: Messages, state: SessionState, index: int) -> str:
    """What the objective counts and its figures as the plan holds them now ("share of
    new enquiries: 5 % → 25 %, 2027-12-31"), or the owner's words while it has none."""
    words = state.plan.objectives[index].owner_words
    if index >= len(state.candidates):
        return f"\n- {words}"
    candidate = state.candidates[index]
    name = objective_name(candidate, state.language)
    figures = figures_said(candidate, state.language)
    if not (name and figures):
        return f"\n- {words}" + (f": {figures}" if figures else "")
    return f"\n- {name[:1].upper()}{name[1:]}: {figures}"


def maturity_block(plan: StrategyPlan) -> str:
    """The six dimensions, the overall score over the answers given, the DMA-comparable
    overall (unanswered items as 0) and how the short questionnaire differs from the DMA;
    a score resting on too few answers is not given ("100" over one of four is not
    "advanced"): it says how few of its questions were answered."""
    say = Messages(plan.language)
    maturity = plan.current_state.maturity
    asked = Counter(q.dimension for q in load_maturity_questions().questions)
    lines = [say.say("playback_maturity_head")]
    for name in DIMENSIONS:
        dimension = getattr(maturity, name)
        answered = round(dimension.answered_share * asked[name])
        thin = (answered, asked[name]) if dimension.provisional else None
        lines.append(_score_line(say, name, dimension.score, dimension.band, thin))
    total = sum(asked.values())
    answered = sum(round(getattr(maturity, n).answered_share * asked[n]) for n in DIMENSIONS)
    thin = None if maturity.overall_complete else (answered, total)
    lines.append(_score_line(say, "overall", maturity.overall, maturity.overall_band, thin))
    lines.append(_score_line(say, "dma_overall", maturity.dma_overall, maturity.dma_band))
    return "\n".join(lines) + "\n\n" + say.say("maturity_note", count=total)


def _score_line(
    say: Messages,
    name: str,
    score: float | None,
    band: str | None,
    thin: tuple[int, int] | None = None,
) -> str:
    """One dimension's line; one resting on ``thin`` answers (answered, asked) is not rated."""
    dimension = say.label("dimensions", name)
    if thin is not None:
        answered, total = thin
        return say.say(
            "playback_dimension_unrated", dimension=dimension, answered=answered, total=total
        )
    return say.say(
        "playback_dimension",
        dimension=dimension,
        score=f"{score:.0f}" if score is not None else say.say("unknown_score"),
        band=say.label("bands", band) if band else say.say("unknown"),
    )


def goals(state: SessionState, today: date) -> str:
    say = Messages(state.language)
    plan: StrategyPlan = state.plan
    kept = "_kept" if plan.roadmap else ""  # a goal changed once the roadmap is drafted
    lines = [say.say(f"goals_head{kept}")]
    cited: list[Citation] = []
    for number, goal in enumerate(plan.goals, start=1):
        verdict = check_goal(goal, plan.objectives, today, plan.language)
        issues = say.say("goal_fix", fix=verdict.top_fix) if verdict.top_fix else ""
        line = say.say(
            "goal_line", number=number, statement=goal.statement, score=verdict.score, issues=issues
        )
        lines.append(f"{line} {cite_marks(state, goal.citations)}".rstrip())
        cited.extend(goal.citations)
    lines += _due_soon(plan, today, say)
    lines.append(say.say(f"goals_ask{kept}"))
    block = sources_block(state, cited)
    return "\n\n".join([*lines, block] if block else lines)


SOON_DAYS = 42  # a deadline within six weeks is asked about: the owner may mean next year


def _due_soon(plan: StrategyPlan, today: date, say: Messages) -> list[str]:
    """ "Goal 1 is due in 4 weeks (2026-12-31)": said once, so a date read as this year when
    the owner meant the next is seen before the roadmap is built on it."""
    return [
        say.say(
            "goal_due_soon",
            number=n,
            weeks=max((g.deadline - today).days // 7, 1),
            date=g.deadline.isoformat(),
        )
        for n, g in enumerate(plan.goals, start=1)
        if g.deadline is not None and today < g.deadline and (g.deadline - today).days <= SOON_DAYS
    ]


_LANES = (("lane_now", "short"), ("lane_next", "medium"), ("lane_later", "long"))


def roadmap_order(plan: StrategyPlan) -> list[Initiative]:
    """The initiatives in the order the roadmap shows and numbers them: Now, Next, Later."""
    return [i for _, horizon in _LANES for i in plan.roadmap if i.horizon == horizon]


def roadmap(state: SessionState) -> str:
    say = Messages(state.language)
    plan = state.plan
    lines = [say.say("roadmap_head")]
    cited: list[Citation] = []
    number = 0
    for lane, horizon in _LANES:
        items = [i for i in plan.roadmap if i.horizon == horizon]
        if not items:
            continue
        # a heading, then a blank line: "5." cannot start a Markdown list inside a paragraph
        lines.append(("\n" if number else "") + say.say(lane) + "\n")
        for item in items:
            number += 1
            lines.append(
                say.say(
                    "initiative_line",
                    number=number,
                    title=item.title,
                    start=item.start,
                    end=f"–{item.end}" if item.end != item.start else "",
                    priority=say.label("priorities", item.priority) if item.priority else "?",
                    cites=cite_marks(state, item.citations),
                ).rstrip()
            )
            if item.rationale:
                lines.append(f"   {item.rationale}")  # why it is in this plan
            cited.extend(item.citations)
    lines.append("\n" + say.say("review_line", months=plan.review_cadence.reassess_maturity_months))
    lines.append(say.say("roadmap_ask"))
    block = sources_block(state, cited)
    return "\n".join(lines[:1]) + "\n\n" + "\n".join(lines[1:]) + ("\n\n" + block if block else "")


def _fully_smart(goal: Goal, verdict: SmartAssessment) -> bool:
    """Every letter holds, today's value is known and nothing is left to fix: a goal still to
    be measured, or shown with "to fix: …", is not counted as fully SMART."""
    measured = goal.baseline is not None and goal.baseline.status != "pending"
    return verdict.passed and measured and not verdict.top_fix  # no "to fix" shown beside it


def summary(state: SessionState, today: date) -> str:
    from assistant.coaching.handover import first_and_reviews, goal_measure

    say = Messages(state.language)
    plan = state.plan
    horizons = len({i.horizon for i in plan.roadmap if i.horizon})
    verdicts = [check_goal(g, plan.objectives, today, plan.language) for g in plan.goals]
    goals = [
        f"{n}. {g.statement}" + (f"\n   {m}" if (m := goal_measure(g, plan.language)) else "")
        for n, g in enumerate(plan.goals, start=1)
    ]
    parts = [
        say.say("summary_head"),
        _profile_line(say, plan),
        "\n".join(goals),
        _lanes_in_brief(say, plan),
        first_and_reviews(plan, today) if plan.roadmap else "",
        say.say(
            "summary_counts",
            goals=len(plan.goals),
            smart=sum(1 for g, v in zip(plan.goals, verdicts, strict=True) if _fully_smart(g, v)),
            initiatives=len(plan.roadmap),
            horizons=horizons,
        ),
    ]
    fixes = [
        say.say("summary_goal_fix", number=n, fix=v.top_fix)
        for n, (g, v) in enumerate(zip(plan.goals, verdicts, strict=True), start=1)
        if not _fully_smart(g, v) and v.top_fix
    ]
    if fixes:
        parts.append("\n".join(fixes))
    if plan.open_questions:
        parts.append(
            say.say("open_questions_head") + "\n" + "\n".join(f"- {q}" for q in plan.open_questions)
        )
    parts.append(say.say("summary_done"))
    return "\n\n".join(p for p in parts if p)


def _lanes_in_brief(say: Messages, plan: StrategyPlan) -> str:
    """Each lane's initiatives by title, in the roadmap's order and numbers."""
    blocks, number = [], 0
    for lane, horizon in _LANES:
        items = [i for i in plan.roadmap if i.horizon == horizon]
        titles = [f"{number + n}. {i.title}" for n, i in enumerate(items, start=1)]
        number += len(items)
        if titles:
            blocks.append(say.say(lane) + "\n\n" + "\n".join(titles))  # a list after a blank
    return "\n\n".join(blocks)
