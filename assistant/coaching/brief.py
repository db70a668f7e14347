"""Consultant mode: a free-text client brief in, a complete plan out, in one shot.

Facts the brief does not give become open questions; nothing is invented. Every objective
the brief states is kept; a target or deadline it leaves out is proposed, marked "proposed"
in the plan and listed as an open question for the client to confirm.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from assistant.coaching.business_said import session_traits
from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.cues import supported_language
from assistant.coaching.dialogue import OfflineCoach
from assistant.coaching.facts import GoalCandidate, read_message
from assistant.coaching.gaps import score_maturity
from assistant.coaching.kpi_fit import fit_kpis
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Objective, StrategyPlan, next_id
from assistant.coaching.proposals import PROPOSED_MONTHS, propose_target
from assistant.coaching.roadmap import draft_roadmap
from assistant.coaching.state import SessionState
from assistant.coaching.upkeep import record_figures, remember_words
from assistant.coaching.words import initiatives_refused
from assistant.extraction.months import months_ahead_end
from assistant.knowledge.languages import detect_language
from assistant.understanding import cues
from assistant.understanding.objective_clauses import constraint_sections
from assistant.understanding.quiet_months import busy_months, quiet_months
from assistant.understanding.text import sentences


def propose(
    candidate: GoalCandidate, today: date, language: str = "en", busy: Sequence[int] = ()
) -> GoalCandidate:
    """What a consultant would pencil in where the brief is silent, marked as proposed: a
    deadline a year out (for a launch meant for one season, "a summer camp", before that
    season starts; for a change to how the work is done, before the ``busy`` months the
    owner named), and a target from the KPI's prudent yearly change when today's value is
    known. A baseline is never proposed: it is measured."""
    if candidate.deadline is None:
        candidate.deadline = (
            _before_season(candidate, today, language)
            or _before_busy(candidate, busy, today)
            or months_ahead_end(today, PROPOSED_MONTHS)
        )
        candidate.proposed.append("deadline")
    propose_target(candidate, today)
    return candidate


LEAD_DAYS = 60  # a season that starts sooner than this is planned for the year after


def _before_season(candidate: GoalCandidate, today: date, language: str) -> date | None:
    """The last day before the season a launch is meant for ("запустить летний лагерь":
    31 May), when the aim has no figures; else None."""
    if any(f is not None for f in (candidate.baseline, candidate.target, candidate.change_percent)):
        return None
    month = next(
        (
            int(m)
            for m, p in cues.labelled_patterns("season_aims", language)
            if p.search(candidate.text)
        ),
        None,
    )
    if month is None:
        return None
    start = date(today.year, month, 1)
    if (start - today).days < LEAD_DAYS:
        start = date(today.year + 1, month, 1)
    return start - timedelta(days=1)


EASING = {"operational_efficiency", "customer_experience"}  # aims that change how work is done


def _before_busy(candidate: GoalCandidate, busy: Sequence[int], today: date) -> date | None:
    """The last day before the next busy time the owner named ("telefonen går varm
    april–maj": 31 March), for a milestone or an aim that eases the work; else None."""
    figures = (candidate.baseline, candidate.target, candidate.change_percent)
    if not busy or (any(f is not None for f in figures) and candidate.category not in EASING):
        return None
    starts = [m for m in busy if (m - 2) % 12 + 1 not in busy]  # where each busy run begins
    firsts = [date(today.year + (m <= today.month), m, 1) for m in starts or busy]
    firsts = [d if (d - today).days >= LEAD_DAYS else date(d.year + 1, d.month, 1) for d in firsts]
    return min(firsts) - timedelta(days=1)


def plan_from_brief(
    coach: OfflineCoach, brief: str, language: str | None, today: date
) -> StrategyPlan:
    return session_from_brief(coach, brief, language, today).plan


def session_from_brief(
    coach: OfflineCoach, brief: str, language: str | None, today: date
) -> SessionState:
    """A session whose plan is drafted from the brief, waiting on the roadmap's approval."""
    lang = supported_language(language or detect_language(brief) or "en")
    state = SessionState(language=lang, language_fixed=True)
    state.plan.language = lang
    state.plan = state.plan.model_copy(update={"created": today, "updated": today})
    state.plan.profile.language = lang
    facts = read_message(brief, lang, today, brief=True)
    remember_words(state, facts)  # the brief's own words behind each fact the app shows
    profile = state.plan.profile
    profile.business_name = facts.business_name
    profile.industry = facts.industry
    profile.staff, profile.staff_off_season = facts.staff, facts.staff_off_season
    profile.annual_revenue = facts.revenue
    profile.markets = facts.markets
    say = Messages(lang)
    for key, value in {  # a missing business name changes nothing in the plan: not asked
        "industry": profile.industry,
        "staff": profile.staff,
        "revenue": profile.annual_revenue,
        "markets": profile.markets,
    }.items():
        if not value:
            state.plan.open_questions.append(
                say.say("open_profile", field=say.label("profile_fields", key))
            )
    state.maturity_answers.update(facts.maturity)
    record_figures(state, facts.figures, today)
    score_maturity(state)
    # Every objective the brief states, with numbers or not ("stop wasting hours on manual
    # order handling"): a goal the SMART check explains, and an open question for its gaps.
    busy = busy_months(brief, state.language, today)
    for candidate in facts.goals:
        objective_id = next_id("o", [o.id for o in state.plan.objectives])
        state.plan.objectives.append(
            Objective(id=objective_id, category=candidate.category, owner_words=candidate.text)
        )
        soon = _due_soon(candidate.deadline, today)
        if soon is not None:  # "i år" said in December: the plan assumes a year on
            candidate.deadline = _a_year_on(soon)
            candidate.proposed.append("deadline")
        state.candidates.append(propose(candidate, today, state.language, busy))
        asked = [f for f in candidate.proposed if not (soon and f == "deadline")]
        if asked or candidate.target is None:
            missing = [say.label("edit_fields", f) for f in asked]
            if candidate.target is None:
                missing.append(say.label("edit_fields", "target"))
            state.plan.open_questions.append(
                say.say("open_proposed", objective=candidate.text, fields=", ".join(missing))
            )
        if soon is not None:
            weeks = max((soon - today).days // 7, 1)
            state.plan.open_questions.append(
                say.say(
                    "open_deadline_soon",
                    objective=candidate.text,
                    deadline=soon.isoformat(),
                    weeks=str(weeks),
                    assumed=_a_year_on(soon).isoformat(),
                )
            )
    coach._draft_goals(state, today, also_said=brief)
    traits = session_traits(state, also_said=brief)
    answers = state.maturity_answers
    state.removed_initiatives = refused_in_brief(brief, state.language)
    state.plan.profile.quiet_months = quiet_months(brief, state.language, today)
    draft_roadmap(
        state.plan,
        coach.kb,
        today,
        state.sources,
        leave_out=state.removed_initiatives,
        traits=traits,
        answers=answers,
    )
    fit_kpis(state.plan, traits)
    state.plan.open_questions += _unserved(state.plan, say)
    state.stage = "roadmap"
    return state


def refused_in_brief(brief: str, language: str) -> list[str]:
    """The steps a brief turns down by name: in its constraints ("Ingen chatbot på
    nettsiden", "no paid ads") or anywhere with a wish not to ("Vi vil IKKE ha nettbutikk",
    "150 a week without hiring"); never drafted, and never proposed again in the session."""
    constraints = constraint_sections(brief, language)
    refused: list[str] = []
    for sentence in sentences(brief):
        bare = any(start <= sentence.start < end for start, end in constraints)
        said = initiatives_refused(sentence.text, language, bare)
        refused += [s for s in said if s not in refused]
    return refused


def _unserved(plan: StrategyPlan, say: Messages) -> list[str]:
    """An open question for each objective only the owner's own workstream serves (general
    steps named after the aim): what would help is asked, not guessed."""
    catalogue = {s.title.get(plan.language) for s in load_kpi_catalogue().initiatives}
    served = {g for i in plan.roadmap if i.title in catalogue for g in i.goal_ids}
    goals = {g.objective_id: g.id for g in plan.goals}
    return [
        say.say("open_unserved", objective=o.owner_words)
        for o in plan.objectives
        if goals.get(o.id) not in served
    ]


SOON_WEEKS = 8  # "this year" written in December: a date this close is no strategy deadline


def _due_soon(deadline: date | None, today: date) -> date | None:
    """A deadline the owner gave that falls within ``SOON_WEEKS``, else None."""
    if deadline is None or (deadline - today).days // 7 >= SOON_WEEKS:
        return None
    return deadline


def _a_year_on(day: date) -> date:
    return (
        day.replace(year=day.year + 1, day=28)
        if (day.month, day.day) == (2, 29)
        else day.replace(year=day.year + 1)
    )
