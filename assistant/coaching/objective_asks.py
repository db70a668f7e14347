"""The objectives of the interview: new ones taken from a message, and the one question
at a time that asks for what an objective still lacks (today's value, target, deadline)."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.drafting import proposal_note
from assistant.coaching.facts import Facts, Figure, GoalCandidate, read_message
from assistant.coaching.messages import Messages
from assistant.coaching.metric_names import named_metric
from assistant.coaching.milestone_aims import held_milestone, is_milestone
from assistant.coaching.pending_dates import dates_by_objective
from assistant.coaching.plan import Objective, next_id
from assistant.coaching.proposals import propose_target
from assistant.coaching.say_back import figure_said
from assistant.coaching.state import PendingAsk, SessionState
from assistant.coaching.units import figure_unit
from assistant.extraction import find_date_spans
from assistant.understanding import cues
from assistant.understanding.intents import said_as_old
from assistant.understanding.metrics import cue_hits
from assistant.understanding.objective_clauses import HEADERS
from assistant.understanding.quantities import read_amounts
from assistant.understanding.relative import change_word
from assistant.understanding.stems import shared_words
from assistant.understanding.text import sentences, without_dates

MAX_OBJECTIVES = 4


def _vague(candidate: GoalCandidate) -> bool:
    """ "Main thing: I want the phone to stop running my life": no kind, no metric, no figure
    and no date."""
    return candidate.category == "other" and candidate.kpi_id is None and _detail(candidate) == 0


def _worth_asking(goals: list[GoalCandidate], language: str) -> list[GoalCandidate]:
    """Beside aims that can be counted, a vague one is why they matter, not a goal of its
    own; said alone, it is the objective the coach asks about. A sentence that answers back
    ("Nej, man kan inte köpa på nätet hos oss, det är ju det jag vill ändra") is none."""
    goals = [g for g in goals if not (_detail(g) == 0 and _answers_back(g.text, language))]
    if all(_vague(g) for g in goals):
        return goals
    return [g for g in goals if not _vague(g)]


def _answers_back(text: str, language: str) -> bool:
    return cues.search("not_objective", language, text) is not None


def add_objectives(state: SessionState, facts: Facts, answering: bool = False) -> None:
    """The message's new objectives, those with figures first when there is not room for
    all; a whole objective ("from X to Y") takes the place of one said with nothing to count.
    Under a heading ("Objectives: …") every aim is one, figures or not."""
    known = {c.text for c in state.candidates}
    worth = _worth_asking(facts.goals, state.language)
    headed = any(cues.search(h, state.language, facts.said) for h in HEADERS)
    opening = [
        c for c in worth if (headed and _no_figures(c)) or _opens_objective(state, c, answering)
    ]
    if opening:  # "beläggningen 72 % → 85 % … Ca 45 % är återkommande, vill ha fler": both
        opening = [c for c in worth if c in opening or _whole_wish(c)]
    new = [c for c in opening if c.text not in known and not _said_again(state, c, facts.ordered)]
    room = max(MAX_OBJECTIVES - len(state.plan.objectives), 0)
    chosen = sorted(new, key=_detail, reverse=True)[:room]  # a stable sort keeps their order
    for candidate in new:
        candidate = _with_known_revenue(state, candidate)
        if any(candidate.text == c.text for c in chosen):
            _append(state, candidate)
        elif _detail(candidate) == WHOLE:
            _replace_bare(state, candidate)


WHOLE = 2  # today's value and the target


def _no_figures(candidate: GoalCandidate) -> bool:
    """An aim said in words only ("and more people searching for our name"), not a clause
    cut from an aim with figures ("och 30 nya kunder, från 180 till 210")."""
    said = (candidate.baseline, candidate.target, candidate.change_percent)
    return all(f is None for f in said)


def _whole_wish(candidate: GoalCandidate) -> bool:
    """A sentence of its own that gives today's figure and wishes it to change ("Ca 45 % är
    återkommande kunder, skulle vilja ha fler"), not a clause cut from a longer aim ("och 30
    nya kunder, från 180 till 210")."""
    return candidate.baseline is not None and candidate.text.rstrip()[-1:] in (".", "!")


def _detail(candidate: GoalCandidate) -> int:
    if candidate.baseline and candidate.target:
        return WHOLE
    said = (candidate.baseline, candidate.target, candidate.deadline, candidate.change_percent)
    return 1 if any(f is not None for f in said) else 0


def _opens_objective(state: SessionState, candidate: GoalCandidate, answering: bool) -> bool:
    if answering or state.stage != "objectives":  # an answer to the pending question, or
        dated_aim = candidate.target is not None and candidate.deadline is not None
        return _detail(candidate) == WHOLE or dated_aim  # early: "from X to Y", "60 by 2028"
    return True


def _said_again(state: SessionState, candidate: GoalCandidate, ordered: list[int]) -> bool:
    """ "web enquiries 5 % to 25 % by end of next year": the same figures as an objective
    already taken are that objective said again; a date said with them is its deadline,
    unless an order in the message changed that objective ("you still have 2026-12-31 for
    the 35 -> 60 one. change it to 2027-12-31": the old date is quoted, not given)."""
    if candidate.target is None:
        return held_milestone(state, candidate) is not None
    for index, held in enumerate(state.candidates):
        same = _same_figure(held.target, candidate.target) and (
            _same_figure(held.baseline, candidate.baseline)
            if candidate.baseline
            else index == _only_one_named(state, candidate)  # "uteblivelsene skal ned til 5 %"
        )
        if same:
            if index not in ordered:
                held.deadline = candidate.deadline or held.deadline
            return True
    return False


def _only_one_named(state: SessionState, candidate: GoalCandidate) -> int | None:
    """The one objective held whose words the new one shares, if only one does."""
    words = without_dates(candidate.text, state.language)
    named = [
        i for i, c in enumerate(state.candidates) if shared_words(c.text, words, state.language)
    ]
    return named[0] if len(named) == 1 else None


def _same_figure(held: Figure | None, said: Figure) -> bool:
    same_unit = held is not None and (held.unit == said.unit or None in (held.unit, said.unit))
    return same_unit and held.value == said.value


def _append(state: SessionState, candidate: GoalCandidate) -> None:
    objective_id = next_id("o", [o.id for o in state.plan.objectives])
    state.plan.objectives.append(
        Objective(id=objective_id, category=candidate.category, owner_words=candidate.text)
    )
    state.candidates.append(candidate)


def _replace_bare(state: SessionState, candidate: GoalCandidate) -> None:
    """The last objective with nothing to count yet makes room for ``candidate``."""
    bare = [i for i, c in enumerate(state.candidates) if _detail(c) == 0]
    if not bare:
        return
    index = bare[-1]
    objective = state.plan.objectives[index]
    state.plan.objectives[index] = objective.model_copy(
        update={"category": candidate.category, "owner_words": candidate.text}
    )
    state.candidates[index] = candidate
    state.asked_fields = [f for f in state.asked_fields if not f.startswith(f"{index}:")]


PLAUSIBLE_REVENUE_STEP = 10  # a revenue aim within ten times today's turnover, either way


def _with_known_revenue(state: SessionState, candidate: GoalCandidate) -> GoalCandidate:
    """ "get revenue back up to 230k" after "revenue is around £210k a year": today's value
    is the turnover the owner already gave, not a question to ask again."""
    revenue = state.plan.profile.annual_revenue
    if revenue is None or candidate.baseline is not None or candidate.kpi_id is not None:
        return candidate
    hits = cue_hits(candidate.text, state.language, 0)
    if candidate.category != "revenue_growth" or not hits or hits[0][2] != "revenue":
        return candidate
    target = candidate.target.value if candidate.target else None
    ratio = target / revenue.amount if target and revenue.amount else 1.0
    if not 1 / PLAUSIBLE_REVENUE_STEP <= ratio <= PLAUSIBLE_REVENUE_STEP:
        return candidate  # "revenue of 230k from the new shop": another amount
    today = Figure(value=revenue.amount, unit=revenue.currency)
    return candidate.model_copy(update={"baseline": today})


LIST_SAID_AGAIN = 2  # whole objectives in one message that make it the goal list said again


def restate_objectives(state: SessionState, facts: Facts) -> list[GoalCandidate]:
    """ "The goals are the numbers: online bookings from 10 % to 50 % …, Tue/Wed occupancy
    from 55 % to 80 %": a whole objective said again (same today's value, same aim or same
    metric as one already taken) replaces that one's figures; returns those it replaced.
    One whole objective said on its own is a new one ("Во-вторых, … с 30 % до 40 %")."""
    whole = [g for g in facts.goals if g.baseline and g.target]
    alone = len(whole) < LIST_SAID_AGAIN  # in a correction, one aim said again by a figure
    if alone and facts.intent != "correction":
        whole = [g for g in whole if _gives_missing_baseline(state, g)]  # "i dag 10 %, mål 50 %"
    restated: list[GoalCandidate] = []
    fixed: set[int] = set()
    for said in whole:
        index = _same_objective(state.candidates, said, state.language, by_figure_only=alone)
        if index is None or index in fixed:
            continue
        fixed.add(index)
        if index in facts.ordered:  # the order in the message changed it; the aim names it
            restated.append(said)
            continue
        candidate = state.candidates[index]
        # "…antallet opp fra 62 til 150" is no rating in points, though it replaces one
        held = candidate if said.kpi_id in (None, candidate.kpi_id) else None
        update = {
            field: _in_unit_of(getattr(said, field), getattr(held, field, None))
            for field in ("baseline", "target")
        }
        update |= {"deadline": said.deadline} if said.deadline else {}
        update |= {"kpi_id": said.kpi_id} if said.kpi_id else {}
        update |= {"direction": said.direction, "change_percent": None}
        state.candidates[index] = candidate.model_copy(update=update)
        restated.append(said)
    return restated


def _gives_missing_baseline(state: SessionState, said: GoalCandidate) -> bool:
    """ "I dag fyller vi kanske 10 %, målet är 50 %": the target of an objective still without
    today's value, said again with it."""
    target = said.target
    return target is not None and any(
        c.baseline is None
        and c.target is not None
        and c.target.value == target.value
        and c.target.unit == target.unit
        for c in state.candidates
    )


def _in_unit_of(said: Figure | None, held: Figure | None) -> Figure | None:
    """ "from 210k to 230k" after "£210k a year": the unit the figure was first given in."""
    if said is None or said.unit or held is None or held.unit is None:
        return said
    return said.model_copy(update={"unit": held.unit})


def _same_objective(
    candidates: list[GoalCandidate], said: GoalCandidate, language: str, by_figure_only=False
) -> int | None:
    """The objective ``said`` repeats: by a figure said again, else by its metric, else by
    a word that names what it counts."""
    for index, candidate in enumerate(candidates):
        for mine, theirs in ((candidate.baseline, said.baseline), (candidate.target, said.target)):
            if mine is not None and theirs is not None and mine.value == theirs.value:
                return index
    if by_figure_only:
        return None
    same_kpi = [i for i, c in enumerate(candidates) if said.kpi_id and c.kpi_id == said.kpi_id]
    if len(same_kpi) == 1:
        return same_kpi[0]
    named = [i for i, c in enumerate(candidates) if shared_words(said.text, c.text, language)]
    return named[0] if len(named) == 1 else None  # "telefonordertid" for "telefonorder"


def forget_objective(state: SessionState, index: int) -> str:
    """Removes the objective at ``index`` (its words are returned); the open question and
    the fields already asked move with the objectives after it."""
    said = state.candidates.pop(index).text
    state.plan.objectives.pop(index)
    shifted = []
    for asked in state.asked_fields:
        number, field = asked.split(":", 1)
        if int(number) != index:
            shifted.append(f"{int(number) - (int(number) > index)}:{field}")
    state.asked_fields = shifted
    pending = state.pending
    if pending is not None and pending.candidate == index:
        state.pending = None
    elif pending is not None and pending.candidate > index:
        state.pending = pending.model_copy(update={"candidate": pending.candidate - 1})
    return said


def skip_pending(state: SessionState) -> None:
    pending = state.pending
    assert pending is not None
    for field in ("baseline", "target", "deadline"):
        state.asked_fields.append(f"{pending.candidate}:{field}")


def date_for_named_goal(state: SessionState, facts: Facts) -> bool:
    """ "Och telefonordertiden: till december 2027" while another goal is asked about: the
    date goes to the goal the owner names, and the open question stays open."""
    pending = state.pending
    if facts.deadline is None or facts.goals or pending is None:
        return False
    words = without_dates(_dated_sentences(facts.said, state.language), state.language)
    named = [
        i for i, c in enumerate(state.candidates) if shared_words(c.text, words, state.language)
    ]
    if len(named) != 1 or named[0] == pending.candidate:
        return False
    state.candidates[named[0]].deadline = facts.deadline
    state.asked_fields.append(f"{named[0]}:deadline")
    return True


def _dated_sentences(text: str, language: str) -> str:
    """The sentences of ``text`` that say a date: a goal named in another sentence ("si
    oktober 2027. forresten er mål 2 medlemmer …") is not the one the date is for."""
    dates = find_date_spans(text, language)
    return " ".join(s.text for s in sentences(text) if any(s.start <= d < s.end for d, _ in dates))


def fill_pending(state: SessionState, facts: Facts, today: date) -> None:
    pending = state.pending
    assert pending is not None
    candidate = state.candidates[pending.candidate]
    # A complete new objective ("from X to Y") is not an answer to the open question.
    loose = [g for g in facts.goals if not (g.baseline and g.target)]
    figures = facts.figures or [f for g in loose for f in (g.baseline, g.target) if f]
    figures = figures or _said_alone(facts, state.language)  # "about 40", "1%"
    figures = [f for f in figures if _fits(candidate, f)]  # "…boka via 1177": no share
    if not figures and pending.field == "baseline" and _zero_first(facts, state.language):
        unit = candidate.target.unit if candidate.target else None
        figures = [Figure(value=0.0, unit=unit)]  # "Zero. We don't sell online at all yet."
    elif figures and pending.field == "baseline" and _zero_opens(facts, state.language):
        _aim_after_zero(candidate, figures[0], facts)  # "…нет, значит ноль. Пусть будет 100"
        figures = [Figure(value=0.0, unit=figures[0].unit)]
    if pending.field == "deadline":
        dates = [g.deadline for g in facts.goals if g.deadline] or [facts.deadline]
        by_objective = dates_by_objective(state, facts.said, today)  # "…; X by end of 2027"
        for index, said in by_objective.items():
            if index != pending.candidate:
                state.candidates[index].deadline = said
        dates = [by_objective[pending.candidate]] if pending.candidate in by_objective else dates
        if by_objective and pending.candidate not in by_objective:
            return  # only another objective's date was said: the question stays open
        if dates[0] is not None:
            candidate.deadline = dates[0]
            for other in _all_said(state, facts):  # "December 2027 for all three"
                other.deadline = dates[0]
        elif facts.unusable_deadline is not None:
            return  # a date gone by or no such day: said so, and asked again
        if figures and candidate.target is None:  # "1 час в неделю к марту 2027": both
            candidate.target = Figure(value=figures[0].value, unit=figures[0].unit)
    elif figures and getattr(candidate, pending.field) is None:  # not one an order just set
        setattr(candidate, pending.field, Figure(value=figures[0].value, unit=figures[0].unit))
        if pending.field == "target" and not candidate.deadline:
            dates = [g.deadline for g in facts.goals if g.deadline]
            candidate.deadline = dates[0] if dates else facts.deadline
    relative = change_word(facts.said, state.language)  # "в 2 раза больше, чем сейчас"
    if pending.field in ("baseline", "target") and not figures and relative is not None:
        candidate.change_percent = relative
        candidate.deadline = candidate.deadline or facts.deadline
    elif pending.field == "target" and not figures and not facts.goals:
        propose_target(candidate, today)  # "чем меньше, тем лучше, не знаю точно"
    hedged = facts.unsure and pending.field in ("target", "deadline")
    if hedged and getattr(candidate, pending.field) is not None:  # "maybe next year? not sure"
        candidate.proposed = list(dict.fromkeys([*candidate.proposed, pending.field]))
    state.asked_fields.append(f"{pending.candidate}:{pending.field}")


def _all_said(state: SessionState, facts: Facts) -> list[GoalCandidate]:
    """The objectives a date is given for at once ("for all three", "для всех")."""
    if cues.search("for_all_goals", state.language, facts.said) is None:
        return []
    return list(state.candidates)


def beside_orders(facts: Facts) -> str:
    """The sentences of the message that no order holds."""
    orders = [c.words for c in facts.commands]
    return " ".join(
        s.text for s in sentences(facts.said) if not any(s.text.strip() in w for w in orders)
    )


def answer_beside_orders(state: SessionState, facts: Facts, today: date) -> None:
    """ "I meant December 2027 for goals 1 and 2. For the taproom, by September 2027.": the
    orders are carried out, and the sentences no order holds answer the open question."""
    rest = beside_orders(facts)
    if rest.strip():
        beside = read_message(rest, state.language, today, goals=len(state.plan.goals))
        if beside.figures or beside.deadline or beside.goals:
            fill_pending(state, beside, today)


SHARE_MOST = 100


def _fits(candidate: GoalCandidate, figure: Figure) -> bool:
    """A figure that can answer for this objective: not one said of another KPI ("1 177
    besök på webbplatsen" for the no-show rate), nor over 100 for a share in percent."""
    if figure.kpi_id and candidate.kpi_id and figure.kpi_id != candidate.kpi_id:
        return False
    units = {f.unit for f in (candidate.baseline, candidate.target) if f is not None}
    if figure.unit not in (None, "count") and units - {None, "count"} and figure.unit not in units:
        return False  # "1 день" answers no question about a share in %
    return not ("%" in units and figure.unit in (None, "%") and figure.value > SHARE_MOST)


def _zero_first(facts: Facts, language: str) -> bool:
    """A zero said first, or any figure of zero ("Zero. We don't sell online at all yet",
    "0 GBP, nothing yet"): the answer to "how much today?", whatever it was said of."""
    first = next(iter(sentences(facts.said)), None)
    said_first = first is not None and cues.search("zero_said", language, first.text) is not None
    return said_first or any(f.value == 0 for f in facts.figures)


def _zero_opens(facts: Facts, language: str) -> bool:
    """The answer opens with a zero said in words and no figure ("Сейчас онлайн-курса нет,
    значит ноль. Пусть будет 100 учеников …"): today is zero, the figure after is the aim."""
    first = next(iter(sentences(facts.said)), None)
    if first is None or re.search(r"[1-9]", first.text):
        return False
    return cues.search("zero_said", language, first.text) is not None


def _aim_after_zero(candidate: GoalCandidate, aim: Figure, facts: Facts) -> None:
    if candidate.target is None and aim.value != 0:
        candidate.target = Figure(value=aim.value, unit=aim.unit)
        dates = [g.deadline for g in facts.goals if g.deadline]
        candidate.deadline = candidate.deadline or (dates[0] if dates else facts.deadline)


def _said_alone(facts: Facts, language: str) -> list[Figure]:
    """A figure said with nothing that names what it counts ("about 40", "1%"): the answer
    to the question asked, unless the message goes on to other things."""
    if facts.goals:
        return []
    rest = beside_orders(facts)  # "… 1 день, к лету 2027. … не 2%, а 5%": 1 day
    found = [
        f for f in read_amounts(rest, language) if not said_as_old(rest, f.amount.span, language)
    ][:1]  # "не 2 дня, а 1 день": the 1
    return [Figure(value=f.amount.value, unit=figure_unit(f.amount, language)) for f in found]


def next_missing(state: SessionState) -> str | None:
    say = Messages(state.language)
    catalogue = load_kpi_catalogue()
    for index, candidate in enumerate(state.candidates):
        for field in ("baseline", "target", "deadline"):
            if getattr(candidate, field) is not None or f"{index}:{field}" in state.asked_fields:
                continue
            if field == "target" and candidate.change_percent is not None:
                continue  # "three times as many as now": the target follows from today's
            if field in ("baseline", "target") and is_milestone(candidate):
                continue  # "journals in a cloud system by 1 September": done or not
            state.pending = PendingAsk(candidate=index, field=field)
            objective = candidate.name or named_metric(candidate.text, state.language)
            objective = objective or candidate.text  # the owner's words, not a KPI guessed
            if field == "baseline":
                spec = catalogue.kpi(candidate.kpi_id) if candidate.kpi_id else None
                question = (
                    spec.baseline_question.get(state.language)
                    if spec
                    else say.say("baseline_pending_question", metric=objective)
                )
                return say.say("ask_baseline", objective=objective, question=question)
            if field == "target" and candidate.baseline is None:  # not "today it is ?"
                return say.say("ask_target_open", objective=objective)
            if field == "target":
                shown = figure_said(candidate.baseline, language=state.language)
                return say.say("ask_target", objective=objective, baseline=shown)
            if candidate.target is None:  # no target said or proposed: the aim's own words
                return say.say("ask_deadline_open", objective=objective)
            shown = figure_said(candidate.target, language=state.language)
            shown += proposal_note(
                ["target"] if "target" in candidate.proposed else [], state.language
            )
            return say.say("ask_deadline", objective=objective, target=shown)
    return None
