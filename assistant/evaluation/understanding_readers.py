"""The readers ``strategy-coach eval understanding`` can score.

- ``typed``: the typed reader (``assistant.understanding``).
- ``coach``: what the coach keeps of a message (``read_message``: the typed reading put into
  the coach's ``Facts``, with catalogue KPIs), adapted back to a ``Reading`` without spans.
  Run on the code before the typed reader (commit fb67057), the same adapter scored the
  keyword-and-pattern reader: ``evals/understanding/baseline-rules-*.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.evaluation.understanding_gold import CorpusItem
from assistant.understanding.metrics import label_for_catalogue_kpi
from assistant.understanding.reading import (
    Amount,
    CommandFact,
    Deadline,
    Intent,
    MaturityFact,
    MetricFact,
    ObjectiveFact,
    ProfileFact,
    Reading,
    Span,
)

CORPUS_TODAY = date(2026, 12, 3)  # "today" in every corpus conversation and brief
NO_SPAN = Span(start=0, end=0, text="")
READERS = ("typed", "coach")


def _maturity_answer(value: object) -> str:
    if isinstance(value, list):
        return "partly" if value else "no"
    if isinstance(value, int):
        return "yes" if value >= 4 else "partly" if value >= 1 else "no"
    return {"partial": "partly"}.get(str(value), str(value))


def _facts_intents(facts) -> list[Intent]:  # type: ignore[no-untyped-def]
    """The coach's intent: the typed reading's main intent, as it keeps it."""
    kind = "approval" if facts.approve else facts.intent or "answer"
    return [Intent(kind=kind, confidence=1.0)]


def _amount(figure) -> Amount | None:  # type: ignore[no-untyped-def]
    if figure is None:
        return None
    return Amount(value=figure.value, unit=figure.unit, span=NO_SPAN)


def read_coach_facts(item: CorpusItem) -> Reading:
    """The coach's ``Facts`` of a message, as a ``Reading`` (``Facts`` record no spans)."""
    from assistant.coaching.facts import read_message

    facts = read_message(item.text, item.lang, CORPUS_TODAY)
    reading = Reading(text=item.text, language=item.lang, intents=_facts_intents(facts))
    simple = {
        "business_name": facts.business_name,
        "industry": facts.industry,
        "staff": facts.staff,
    }
    for field, value in simple.items():
        if value is not None:
            reading.profile.append(ProfileFact(field=field, value=value, span=NO_SPAN))
    if facts.revenue is not None:
        reading.profile.append(
            ProfileFact(
                field="revenue",
                value=facts.revenue.amount,
                currency=facts.revenue.currency,
                span=NO_SPAN,
            )
        )
    if facts.markets:
        reading.profile.append(ProfileFact(field="location", value=facts.markets[0], span=NO_SPAN))
    catalogue = load_kpi_catalogue()
    for figure in facts.figures:
        label = label_for_catalogue_kpi(figure.kpi_id) if figure.kpi_id else None
        kpi = label or (catalogue.kpi(figure.kpi_id).id if figure.kpi_id else "other")
        reading.metrics.append(MetricFact(kpi=kpi, amount=_amount(figure), span=NO_SPAN))  # type: ignore[arg-type]
    for goal in facts.goals:
        start = item.text.find(goal.text)
        span = Span(start=max(start, 0), end=max(start, 0) + len(goal.text), text=goal.text)
        deadline = Deadline(date=goal.deadline, span=NO_SPAN) if goal.deadline else None
        reading.objectives.append(
            ObjectiveFact(
                category=goal.category,
                kpi=label_for_catalogue_kpi(goal.kpi_id) if goal.kpi_id else None,
                baseline=_amount(goal.baseline),
                target=_amount(goal.target),
                deadline=deadline,
                span=span,
            )
        )
    for question_id, value in facts.maturity.items():
        topic = question_id[2:]
        reading.maturity.append(
            MaturityFact(topic=topic, answer=_maturity_answer(value), span=NO_SPAN)
        )  # type: ignore[arg-type]
    if facts.drop_goal:
        reading.commands.append(
            CommandFact(action="drop_goal", goal_number=facts.drop_goal, span=NO_SPAN)
        )
    if facts.move_deadline:
        reading.commands.append(
            CommandFact(action="change_goal", goal_number=facts.move_deadline[0], span=NO_SPAN)
        )
    return reading


def read_typed(item: CorpusItem) -> Reading:
    from assistant.understanding import read

    return read(item.text, item.lang, CORPUS_TODAY, brief=item.kind == "brief")


def reader(name: str) -> Callable[[CorpusItem], Reading]:
    return {"typed": read_typed, "coach": read_coach_facts}[name]
