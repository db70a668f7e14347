"""The opening of an interview reply: what the owner's last answer changed in the plan, in
their language ("Noted: People: 5; Yearly revenue: 420 000 GBP; followers: 310"), so a fact
given is seen to be kept, and a misreading is seen and can be corrected at once."""

from __future__ import annotations

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.drafting import shown_number
from assistant.coaching.messages import Messages
from assistant.coaching.render import money
from assistant.coaching.state import SessionState

Snapshot = dict[str, str]


def snapshot(state: SessionState) -> Snapshot:
    """What the plan holds of the business and today's figures, as it would be said back."""
    say = Messages(state.language)
    profile = state.plan.profile
    held = {
        say.label("understood_fields", field): value
        for field, value in (
            ("business_name", profile.business_name or ""),
            ("industry", profile.industry or ""),
            ("staff", str(profile.staff) if profile.staff else ""),
            ("revenue", money(profile.annual_revenue) if profile.annual_revenue else ""),
            ("markets", ", ".join(profile.markets)),
        )
    }
    for metric in state.plan.current_state.metrics:
        unit = " %" if metric.unit == "%" else ""
        held[metric.name] = f"{shown_number(metric.value)}{unit}"
    held.update(_answers(state, say))
    return held


def _answers(state: SessionState, say: Messages) -> Snapshot:
    """The digital set-up as answered so far ("Own website: no", "Automatic backups: not
    sure", "Tasks that run automatically: invoices")."""
    said = {}
    for question in load_maturity_questions().questions:
        answer = state.maturity_answers.get(question.id)
        if answer is None:
            continue
        if isinstance(answer, list):
            options = {o.id: o.label.get(state.language) for o in question.options}
            shown = ", ".join(options.get(a, a) for a in answer) or say.label("answer_values", "no")
        elif isinstance(answer, int):
            shown = f"{answer}/5"
        else:
            shown = say.label("answer_values", answer)
        said[question.short.get(state.language)] = shown
    return said


def said_back(before: Snapshot, after: Snapshot, language: str) -> str | None:
    """ "Noted: …" for each fact that is new or changed, or None when nothing changed."""
    changed = [
        f"{name}: {value}" for name, value in after.items() if value and before.get(name) != value
    ]
    return Messages(language).say("noted_facts", facts="; ".join(changed)) if changed else None
