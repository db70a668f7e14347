"""Answer controls for the maturity questions: the choices to offer, what a pick means, and
the picks in words for the conversation.

The owner may answer by ticking instead of typing. Picks reach the coach as structured
answers (they win over what the text seems to say) and appear in the transcript as a short
list in the session's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.coaching.catalogue import AnswerValue, MaturityQuestion, load_maturity_questions
from assistant.coaching.messages import Messages

UNKNOWN = "unknown"
SCALE = tuple(str(n) for n in range(6))


def choices(question: MaturityQuestion, language: str) -> list[tuple[str, str]]:
    """(label, value) pairs for the control of ``question``; "don't know" always offered."""
    say = Messages(language, "app")
    unknown = (say.say("unknown"), UNKNOWN)
    if question.kind == "yes_partial_no":
        return [(say.say(key), key) for key in ("yes", "partial", "no")] + [unknown]
    if question.kind == "scale_0_5":
        return [(value, value) for value in SCALE] + [unknown]
    return [(option.label.get(language), option.id) for option in question.options] + [unknown]


def parse(question: MaturityQuestion, picked: str | list[str] | None) -> AnswerValue | None:
    """The answer a pick means; ``None`` when nothing was picked (the question is skipped)."""
    if picked is None or picked == "" or picked == []:
        return None
    if question.kind == "checklist":
        ticked = [picked] if isinstance(picked, str) else list(picked)
        if UNKNOWN in ticked:
            return UNKNOWN
        known = {option.id for option in question.options}
        return [option for option in ticked if option in known]
    value = picked[0] if isinstance(picked, list) else picked
    if value == UNKNOWN:
        return UNKNOWN
    if question.kind == "scale_0_5":
        return int(value) if value in SCALE else None
    return value if value in ("yes", "partial", "no") else None


def valid_answers(answers: Mapping[str, object]) -> dict[str, AnswerValue]:
    """Only well-formed answers to known questions (anything else is dropped)."""
    bank = load_maturity_questions()
    by_id = {q.id: q for q in bank.questions}
    kept: dict[str, AnswerValue] = {}
    for question_id, answer in answers.items():
        question = by_id.get(question_id)
        if question is None:
            continue
        try:
            question.value_of(answer)  # type: ignore[arg-type]
        except ValueError:
            continue
        kept[question_id] = answer  # type: ignore[assignment]
    return kept


def describe(answers: Mapping[str, AnswerValue], language: str) -> str:
    """The picks as a short list for the transcript, e.g. "- Do you have a website? — Yes"."""
    if not answers:
        return ""
    say = Messages(language, "app")
    by_id = {q.id: q for q in load_maturity_questions().questions}
    lines = [say.say("answers_head")]
    for question_id, answer in answers.items():
        question = by_id[question_id]
        lines.append(f"- {question.text.get(language)} — {_answer_words(question, answer, say)}")
    return "\n".join(lines)


def _answer_words(question: MaturityQuestion, answer: AnswerValue, say: Messages) -> str:
    if answer == UNKNOWN:
        return say.say("unknown")
    if question.kind == "checklist":
        labels = {o.id: o.label.get(say.language) for o in question.options}
        ticked = [labels[o] for o in answer if o in labels] if isinstance(answer, list) else []
        return ", ".join(ticked) or say.say("none_ticked")
    if question.kind == "scale_0_5":
        return f"{answer}/5"
    return say.say(str(answer))
