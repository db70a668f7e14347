"""The opening of an interview reply: what the owner's last answer changed in the plan, in
their language ("Noted: People: 5; Yearly revenue: 420 000 GBP; followers: 310"), so a fact
given is seen to be kept, and a misreading is seen and can be corrected at once."""

from __future__ import annotations

from assistant.coaching.catalogue import load_kpi_catalogue, load_maturity_questions
from assistant.coaching.drafting import metric_name, shown_number
from assistant.coaching.facts import Figure, GoalCandidate
from assistant.coaching.messages import Messages
from assistant.coaching.metric_names import named_metric
from assistant.coaching.state import SessionState
from assistant.coaching.units import money, staff_text

Snapshot = dict[str, str]
UNSAID_UNITS = ("count", "currency")  # a catalogue unit an owner never says ("4 count")


def snapshot(state: SessionState) -> Snapshot:
    """What the plan holds of the business and today's figures, as it would be said back."""
    say = Messages(state.language)
    profile = state.plan.profile
    held = {
        say.label("understood_fields", field): value
        for field, value in (
            ("business_name", profile.business_name or ""),
            ("industry", profile.industry or ""),
            ("staff", staff_text(profile.staff, profile.staff_off_season, say)),
            ("revenue", money(profile.annual_revenue) if profile.annual_revenue else ""),
            ("markets", ", ".join(profile.markets)),
        )
    }
    followers = state.plan.current_state.marketing.social_followers
    if followers is not None:  # recorded with the marketing state, not as a KPI
        held[say.label("understood_fields", "followers")] = shown_number(followers, say.language)
    for metric in state.plan.current_state.metrics:  # "4 days", not "4"
        unit = None if metric.unit in UNSAID_UNITS else metric.unit
        held[metric.name] = figure_said(Figure(value=metric.value, unit=unit), None, say.language)
    held.update(_answers(state, say))
    held.update(_objectives(state, say))
    return held


def _objectives(state: SessionState, say: Messages) -> Snapshot:
    """Each objective's figures as taken so far ("Goal 2 (capacity utilisation): 55 % →
    80 %, 2027-12-31"), so a figure bound to the wrong objective is seen at once."""
    held = {}
    for number, candidate in enumerate(state.candidates, start=1):
        name = objective_name(candidate, state.language)
        label = say.label("understood_fields", "goal") + f" {number}"
        shown = figures_said(candidate, state.language)
        held[f"{label} ({name.lower()})" if name else label] = shown
    return held


def objective_name(candidate: GoalCandidate, language: str) -> str | None:
    """What an objective counts, as short as it is known: the owner's name for it, the
    KPI's, or the words of their sentence that name it ("onboarding a new client")."""
    spec = load_kpi_catalogue().kpi(candidate.kpi_id) if candidate.kpi_id else None
    if candidate.name or spec:
        return metric_name(candidate, spec, language)  # as the drafted goal will name it
    return named_metric(candidate.text, language)


def noted_so_far(state: SessionState) -> str:
    """ "What did you write down about us?", "вы исправили заказы?": every fact held, each
    as it would be said back, so the owner can see a fix took."""
    say = Messages(state.language)
    held = [f"- {field}: {value}" for field, value in snapshot(state).items() if value]
    if not held:
        return say.say("noted_nothing_yet")
    return say.say("noted_so_far", facts="\n".join(held))


def goals_so_far(state: SessionState) -> str:
    """ "Which goals do you have?": the drafted goals, or before the draft each objective in
    the owner's words with the figures taken so far."""
    say = Messages(state.language)
    if state.plan.goals:
        lines = [f"{n}. {g.statement}" for n, g in enumerate(state.plan.goals, start=1)]
    else:
        lines = [_so_far_line(say, n, c) for n, c in enumerate(state.candidates, start=1)]
    if not lines:
        return say.say("plan_no_goals_yet")
    return say.say("plan_goals_so_far", goals="\n".join(lines))


def _so_far_line(say: Messages, number: int, candidate: GoalCandidate) -> str:
    shown = figures_said(candidate, say.language)
    figures = f" — {shown}" if shown else ""
    return say.say("goal_so_far_line", number=number, words=candidate.text, figures=figures)


def figures_said(candidate: GoalCandidate, language: str) -> str:
    """ "10 % → 50 %, 2027-12-31", "55 % → ?": what an objective's figures are so far."""
    unit = next((f.unit for f in (candidate.baseline, candidate.target) if f and f.unit), None)
    figures = [figure_said(f, unit, language) for f in (candidate.baseline, candidate.target) if f]
    if candidate.target is None and candidate.baseline is not None:
        figures = [f"{figures[0]} → ?"]
    shown = " → ".join(figures)
    if candidate.deadline is not None:
        shown = ", ".join(filter(None, [shown, candidate.deadline.isoformat()]))
    return shown


def figure_said(figure: Figure | None, unit: str | None = None, language: str = "en") -> str:
    """ "55 %", "230 000 GBP", "21 dager", "?": a figure as said back, in ``unit`` when it
    has none."""
    if figure is None:
        return "?"
    shown = Messages(language).unit(figure.unit or unit or "", figure.value)
    return f"{shown_number(figure.value, language)} {shown}".strip()


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


def set_up_labels(language: str) -> set[str]:
    """The labels of the digital set-up's answers as said back ("Automatic backups")."""
    return {q.short.get(language) for q in load_maturity_questions().questions}
