"""Why-questions about the coach's own work, answered from what it holds: "why is bundles the
first thing?" from the step's place, impact, ease and goal; "why is data and security 100
when I said I don't know about backups?" from the answers that make up that score, with how
to fix one. None when the question names no step or no score (the guidance answers)."""

from __future__ import annotations

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Initiative, StrategyPlan
from assistant.coaching.render import roadmap_order
from assistant.coaching.state import SessionState
from assistant.coaching.words import content_words, shares_a_word
from assistant.understanding import cues

_LANES = {"short": "lane_now", "medium": "lane_next", "long": "lane_later"}


def why_step(plan: StrategyPlan, text: str) -> str | None:
    """The step the question names (by number or by its title's words): where it sits in the
    roadmap and why, from its impact, its ease and the goals it serves."""
    shown = roadmap_order(plan)
    step = _step_named(shown, text, plan.language)
    return None if step is None else explain_step(plan, step)


def explain_step(plan: StrategyPlan, step: Initiative) -> str:
    """Where ``step`` sits in the roadmap and why: its impact, its ease, the goals it serves."""
    shown = roadmap_order(plan)
    say = Messages(plan.language)
    goals = [
        f"{n}. {g.statement}" for n, g in enumerate(plan.goals, start=1) if g.id in step.goal_ids
    ]
    serves = say.say("why_step_goals", goals="; ".join(goals)) if goals else ""
    lane = say.say(_LANES.get(step.horizon or "", "lane_next")).strip("*")
    return say.say(
        "why_step",
        n=shown.index(step) + 1,
        title=step.title,
        lane=lane,
        impact=step.impact or "?",
        ease=step.feasibility or "?",
        serves=serves,
    ).strip()


def steps_numbered(text: str, language: str) -> list[int]:
    """The step numbers ``text`` names ("step 1", "tiltak 3", "пункт 2"), in order."""
    return [
        int(m.group("n"))
        for p in cues.patterns("initiative_reference", language)
        for m in p.finditer(text)
    ]


def _step_named(shown: list[Initiative], text: str, language: str) -> Initiative | None:
    numbered = [n for n in steps_numbered(text, language) if 1 <= n <= len(shown)]
    if numbered:
        return shown[numbered[0] - 1]
    named = [i for i in shown if shares_a_word(text, i.title, language)]
    return named[0] if len(named) == 1 else None


def why_score(state: SessionState, text: str) -> str | None:
    """The maturity score the question names ("why is data and security 100?"), with the
    answers it was scored from; None when no dimension is named."""
    say = Messages(state.language)
    dimension = _dimension_named(say, text, state.language)
    if dimension is None:
        return None
    score = getattr(state.plan.current_state.maturity, dimension, None)
    value = getattr(score, "score", None)
    shown = say.label("answer_values", "unknown") if value is None else f"{value:g}"
    bank = load_maturity_questions()
    answers = []
    for question in (q for q in bank.questions if q.dimension == dimension):
        held = state.maturity_answers.get(question.id)
        if isinstance(held, str):
            held = say.label("answer_values", held)
        elif isinstance(held, list):
            held = ", ".join(held) or say.label("answer_values", "no")
        elif held is None:
            held = say.label("answer_values", "not_asked")
        answers.append(f"{question.short.get(state.language)}: {held}")
    return say.say(
        "why_score",
        dimension=say.label("dimensions", dimension),
        score=shown,
        answers="; ".join(answers),
    )


def _dimension_named(say: Messages, text: str, language: str) -> str | None:
    """The dimension whose name's words the question uses ("data and security")."""
    names = say.raw("dimensions") or {}
    said = {w.lower() for w in content_words(text, language)}
    shared = {
        d: len(said & {w.lower() for w in content_words(label, language)})
        for d, label in names.items()
        if d not in ("overall", "dma_overall")
    }
    most = max(shared.values(), default=0)
    named = [d for d, n in shared.items() if n == most]
    return named[0] if most and len(named) == 1 else None
