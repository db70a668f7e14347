"""One reading of a message: numbers first, then what each belongs to."""

from __future__ import annotations

import datetime as dt

from assistant.coaching.catalogue import load_maturity_questions
from assistant.extraction import normalize_language
from assistant.extraction.models import MAX_TEXT_CHARS
from assistant.understanding import intents, profile
from assistant.understanding.metrics import bind
from assistant.understanding.objectives import read_objectives
from assistant.understanding.quantities import Found, read_amounts
from assistant.understanding.reading import MaturityFact, MetricFact, ProfileFact, Reading, Span
from assistant.understanding.text import clauses, containing, sentences

_PEOPLE = "people"


def _maturity_answer(value: object) -> str:
    if isinstance(value, list):  # a checklist: any channel ticked is a yes
        return "yes" if value else "no"
    if isinstance(value, int):
        return "yes" if value >= 4 else "partly" if value >= 1 else "no"
    return {"partial": "partly"}.get(str(value), str(value))


def read_maturity(text: str, language: str) -> list[MaturityFact]:
    """Answers to the maturity questions, each from its own sentence, so a "don't know"
    covers only the sentence it is in."""
    bank = load_maturity_questions()
    found: dict[str, MaturityFact] = {}
    for piece in sentences(text):
        if piece.text.rstrip().endswith("?"):
            continue  # a question about a thing is not an answer about it
        for question_id, value in bank.find_answers(piece.text, language).items():
            answer = _maturity_answer(value)
            if question_id in found and answer == "unknown":
                continue
            found[question_id] = MaturityFact(
                topic=question_id[2:],
                answer=answer,
                span=piece.span(),  # type: ignore[arg-type]
            )
    return list(found.values())


def _bound(text: str, language: str, found: Found) -> tuple[str, float] | None:
    sentence = containing(sentences(text), found.start)
    if sentence is None:
        return None
    clause = containing(clauses(sentence), found.start) or sentence
    for piece in (clause, sentence):
        label = bind(piece.text, language, found.start - piece.start, found.amount)
        if label is not None:
            return label
    return None


def _metrics(
    text: str, language: str, amounts: list[Found], staff: Span | None
) -> tuple[list[MetricFact], ProfileFact | None, list[Span]]:
    metrics: list[MetricFact] = []
    revenue: ProfileFact | None = None
    unplaced: list[Span] = []
    for found in amounts:
        if found.counted == _PEOPLE or (staff and staff.start <= found.start < staff.end):
            continue
        bound = _bound(text, language, found)
        if bound is None:
            unplaced.append(found.amount.span)
            continue
        label, confidence = bound
        yearly = found.amount.period in (None, "year")
        if label == "revenue" and yearly and revenue is None and found.amount.value >= 1000:
            revenue = profile.revenue(found)
            continue
        metrics.append(
            MetricFact(
                kpi=label, amount=found.amount, confidence=confidence, span=found.amount.span
            )
        )
    return metrics, revenue, unplaced


def _numbers(reading: Reading) -> list[tuple[float, Span]]:
    found = [(m.amount.value, m.amount.span) for m in reading.metrics]
    found += [(float(p.value), p.span) for p in reading.profile if p.field in ("staff", "revenue")]
    return sorted(found, key=lambda pair: pair[1].start)


def read(text: str, language: str, today: dt.date, brief: bool = False) -> Reading:
    """Everything understood in ``text`` (written in ``language``), as of ``today``."""
    lang = normalize_language(language)
    text = text[:MAX_TEXT_CHARS]
    amounts = read_amounts(text, lang)
    facts = profile.read_profile(text, lang, amounts)
    staff = next((f.span for f in facts if f.field == "staff"), None)
    metrics, revenue, unplaced = _metrics(text, lang, amounts, staff)
    objectives = read_objectives(text, lang, today, amounts, metrics)
    targets = {o.target.span.start for o in objectives if o.target is not None}
    metrics = [m for m in metrics if m.amount.span.start not in targets]
    reading = Reading(
        text=text,
        language=lang,
        profile=facts + ([revenue] if revenue else []),
        metrics=metrics,
        objectives=objectives,
        maturity=read_maturity(text, lang),
        questions=intents.questions(text, lang),
        commands=intents.commands(text, lang),
        unplaced=unplaced,
    )
    reading.corrections = intents.corrections(text, lang, _numbers(reading))
    has_facts = bool(reading.profile or reading.metrics or reading.objectives or reading.maturity)
    reading.intents = intents.classify(
        text, lang, has_facts, reading.questions, reading.commands, reading.corrections
    )
    return reading
