"""Objectives said in two pieces made one: today's value in one clause and the target in
the next ("Bathroom jobs are 30 % of our work. I want that to 50 %"), or a wish without
figures followed by the sentence that gives them ("… more EV charger installs. Today EV
chargers are 15 % of turnover, I'd like that at 35 %")."""

from __future__ import annotations

import re

from assistant.understanding import cues
from assistant.understanding.metrics import bind_by_cues, metric_bank, scaled
from assistant.understanding.objective_clauses import (
    opens_objective,
    parallel_wish,
    states_objective,
)
from assistant.understanding.quantities import read_amounts
from assistant.understanding.reading import Amount, ObjectiveFact
from assistant.understanding.text import Piece, clauses, containing, span_of, without_dates

_ITEM = re.compile(r"^\W{0,2}(?:\(?[a-zа-я]\)|\(?\d{1,2}[.)]|[-–—•*])\s", re.IGNORECASE)


def completed(objectives: list[ObjectiveFact], text: str, language: str) -> list[ObjectiveFact]:
    merged: list[ObjectiveFact] = []
    for objective in objectives:
        last = merged[-1] if merged else None
        if last is not None and _restates(last, objective):
            merged[-1] = _with_figures(last, objective, text)  # "Fler … Idag ca 6 …, vill 20"
        elif last is not None and _direction_only(objective, language):
            merged[-1] = last.model_copy(update={"direction": objective.direction})
        elif last is not None and last.deadline is None and _date_only(objective, language):
            merged[-1] = last.model_copy(  # "… £18k a month now, want that by Dec 2027"
                update={"deadline": objective.deadline, "gone_by": objective.gone_by}
            )
        elif last is not None and _halves(last, objective, text, language):
            merged[-1] = _joined_halves(last, objective, text)
        elif last is not None and _today_then_aim(last, objective, text, language):
            merged[-1] = _from_today(last, objective, text)
        elif last is not None and (today := _stated_before(last, objective, text, language)):
            merged[-1] = objective.model_copy(  # "23 reviews, 4.4 stars. Want 100 reviews"
                update={
                    "baseline": today,
                    "span": span_of(text, last.span.start, objective.span.end),
                }
            )
        elif last is not None and (
            _figures_follow(last, objective, text, language)
            or _target_follows(last, objective, text, language)
        ):
            merged[-1] = _with_figures(last, objective, text)
        else:
            merged.append(objective)
    return merged


NAMING_LETTERS = 5  # a word this long could name what an objective counts


def _date_only(objective: ObjectiveFact, language: str) -> bool:
    """ "want that by Dec 2027": a clause that only gives the objective before it its date,
    with no figure and no word naming anything."""
    figures = (objective.baseline, objective.target, objective.change_percent)
    if objective.deadline is None or any(f is not None for f in figures):
        return False
    words = without_dates(objective.span.text, language)
    for key in ("objective", "increase", "decrease", "anaphora"):
        for pattern in cues.patterns(key, language):
            words = pattern.sub(" ", words)
    return not re.search(rf"[^\W\d_]{{{NAMING_LETTERS},}}", words)


def _direction_only(objective: ObjectiveFact, language: str) -> bool:
    """ "… churn is around 9 % a month, needs to come down.": a clause that only says which
    way the objective before it should go, with no figure and no word naming anything."""
    figures = (objective.baseline, objective.target, objective.change_percent, objective.deadline)
    if objective.direction is None or any(f is not None for f in figures):
        return False
    words = objective.span.text
    for key in ("objective", "increase", "decrease"):
        for pattern in cues.patterns(key, language):
            words = pattern.sub(" ", words)
    return not re.search(rf"[^\W\d_]{{{NAMING_LETTERS},}}", words)


def _joined_halves(last: ObjectiveFact, objective: ObjectiveFact, text: str) -> ObjectiveFact:
    whole, today = (objective, last) if last.target is None else (last, objective)
    between = text[last.span.end : objective.span.start]
    apart = re.search(r"[.!?\n]", between) is not None  # other sentences said in between
    span = whole.span if apart else span_of(text, last.span.start, objective.span.end)
    direction = whole.direction
    if today.baseline and whole.target and last.direction != objective.direction:
        up = whole.target.value > today.baseline.value  # "больше заявок, сейчас 3-4, хочу 20,
        direction = "increase" if up else "decrease"  # чтобы меньше зависеть от Авито"
    return whole.model_copy(
        update={
            "direction": direction,
            "baseline": today.baseline,
            "kpi": last.kpi or objective.kpi,
            "category": today.category if whole.category == "other" else whole.category,
            "span": span,  # the owner's words of the aim, not the description between
        }
    )


def _halves(first: ObjectiveFact, second: ObjectiveFact, text: str, language: str) -> bool:
    """Today's value in one clause and the target in the next, in either order ("... to
    100 % by March. today it's 0"); a wish said in parallel ("…, og at vi får flere
    elbiler – i dag 10 %") is not a half."""
    if parallel_wish(text, Piece(second.span.text, second.span.start), language):
        return False
    if _ITEM.match(second.span.text):  # "(b) fewer order-entry errors, currently 3 %"
        return False  # a list item of its own
    if first.target is not None and _new_sentence_aim(first, second, text, language):
        return False  # "Mål: opp mot 85 %. Redusere avhengigheten av olje, i dag 2/3": a new aim
    if first.baseline is not None and first.target is None:
        today, aim = first.baseline, second.target
        other = second.baseline
    elif second.baseline is not None and second.target is None and second.deadline is None:
        today, aim = second.baseline, first.target
        other = first.baseline
    else:
        return False
    if aim is None or other is not None or not (_same_unit(today, aim) or today.value == 0):
        return False  # "today it's 0" is zero of whatever the target counts
    if today.value == 0:  # "idag 0": zero of whatever the aim counts, whatever it bound to
        return True
    if first.kpi is None or second.kpi is None or first.kpi == second.kpi:
        return True
    holder = first if first.target is aim else second  # "2,2 miljoner" beside "kunder"
    spec = metric_bank().get(holder.kpi or "")
    return (
        _same_unit(today, aim)
        and "money" in {today.unit, aim.unit}
        and (spec is not None and "money" not in spec.units)
    )


def _today_then_aim(first: ObjectiveFact, second: ObjectiveFact, text: str, language: str) -> bool:
    """ "…, I reckon only about 55% of our MOT customers come back each year, I'd like 75% by
    December 2027": a figure in a clause with no wish of its own, then in the same sentence
    a wish for the same measure: the first is today's value of the second."""
    figure, aim = first.target, second.target
    if figure is None or aim is None or first.baseline is not None or _own_today(second):
        return False
    if figure.span is None or figure.unit != aim.unit or first.kpi not in (None, second.kpi):
        return False
    if re.search(r"[.!?\n]", text[first.span.end : second.span.start]):
        return False
    own = containing(clauses(Piece(text, 0)), figure.span.start)
    clause = own.text if own else ""
    if any(p.search(clause) for p in cues.patterns("objective", language)):
        return False  # "…, want 55 % of them back": the first figure is wished for
    return opens_objective(Piece(second.span.text, second.span.start), language)


def _stated_before(
    first: ObjectiveFact, second: ObjectiveFact, text: str, language: str
) -> Amount | None:
    """ "- Google reviews: we've got 23 reviews, 4.4 stars. Want 100 reviews by September":
    in one list item, figures stated with no wish, then a wish for one of them; that
    figure is today's value of the wish (and the statement no aim of its own)."""
    aim = second.target
    if aim is None or second.baseline is not None or second.kpi is None:
        return None
    if "\n" in text[first.span.end : second.span.start] or first.baseline is not None:
        return None
    said = first.span.text
    if any(p.search(said) for p in cues.patterns("objective", language)):
        return None  # the first wishes something of its own
    for found in read_amounts(said, language):
        amount = found.amount
        if amount.unit != aim.unit or amount.value == aim.value:
            continue
        if bind_by_cues(said, language, found.start, amount) == second.kpi:
            at = first.span.start
            return amount.model_copy(
                update={"span": span_of(text, at + amount.span.start, at + amount.span.end)}
            )
    return None


def _own_today(objective: ObjectiveFact) -> bool:
    """Today's value said in the objective's own words (not one taken from a later line)."""
    today = objective.baseline
    span = objective.span
    return today is not None and (today.span is None or span.start <= today.span.start < span.end)


def _from_today(first: ObjectiveFact, second: ObjectiveFact, text: str) -> ObjectiveFact:
    return second.model_copy(
        update={
            "baseline": first.target,
            "kpi": second.kpi or first.kpi,
            "span": span_of(text, first.span.start, second.span.end),
        }
    )


def _same_unit(today: Amount, aim: Amount) -> bool:
    """ "1,5 miljoner kronor" today and "2,2 miljoner" aimed at are both money."""
    money = {today.unit, aim.unit} == {"money", "count"}
    return today.unit == aim.unit or (money and scaled(today if today.unit == "count" else aim))


def _new_sentence_aim(
    first: ObjectiveFact, second: ObjectiveFact, text: str, language: str
) -> bool:
    """The second opens a sentence of its own with an aim ("Redusere avhengigheten av olje"),
    not a clause that only gives today's value ("…, opp fra rundt 1 million nå")."""
    between = text[first.span.end - 1 : second.span.start]
    if not re.search(r"[.!?\n]", between):
        return False
    return states_objective(Piece(second.span.text, 0), language)


def _figures_follow(first: ObjectiveFact, second: ObjectiveFact, text: str, language: str) -> bool:
    """A wish with no figures, and right after it, on the same line, a sentence that gives
    today's value and points back at it ("Today EV chargers are 15 %, I'd like that at 35 %")."""
    bare = first.baseline is None and first.target is None and first.change_percent is None
    if not bare or second.baseline is None or second.target is None:
        return False
    between = text[first.span.end : second.span.start]
    if "\n" in between or _ITEM.match(second.span.text) or len(between.strip(" .!")) > 0:
        return False
    opens_today = cues.search("today_words", language, second.span.text[:20]) is not None
    return opens_today and cues.search("anaphora", language, second.span.text) is not None


def _restates(first: ObjectiveFact, second: ObjectiveFact) -> bool:
    """The second is read from words the first already holds, with the target the first
    lacks ("Fler cateringbeställningar. Idag ca 6 i månaden" and "Idag ca 6 i månaden, vill
    upp till 20"): one aim, not two."""
    overlap = second.span.start < first.span.end
    same_today = first.baseline is not None and first.baseline == second.baseline
    return (
        overlap
        and first.target is None
        and second.target is not None
        and (same_today or first.baseline is None)
    )


def _target_follows(first: ObjectiveFact, second: ObjectiveFact, text: str, language: str) -> bool:
    """A wish with no figures, and in the same sentence a clause with only a target that
    points back at it ("start a monthly grooming plan, like a subscription, £40 a month,
    would love 80 dogs on it by end of next year")."""
    bare = first.baseline is None and first.target is None and first.change_percent is None
    if not bare or second.target is None or second.baseline is not None:
        return False
    between = text[first.span.end : second.span.start]
    if re.search(r"[.!?\n]", between) or _ITEM.match(second.span.text):
        return False
    return cues.search("anaphora", language, second.span.text) is not None


def _with_figures(first: ObjectiveFact, second: ObjectiveFact, text: str) -> ObjectiveFact:
    kpi = second.kpi or (first.kpi if _fits(first.kpi, second) else None)
    return second.model_copy(
        update={
            "kpi": kpi,
            "category": first.category if second.category == "other" else second.category,
            "span": span_of(text, first.span.start, second.span.end),
        }
    )


def _fits(kpi: str | None, objective: ObjectiveFact) -> bool:
    """The metric can hold the objective's figures: no "days to get paid" for a share."""
    spec = metric_bank().get(kpi or "")
    unit = objective.target.unit if objective.target else None
    return spec is not None and unit in spec.units
