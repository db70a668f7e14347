"""An objective's two figures in one unit: "from 15 to 25 %" (the bare one shares the
other's unit and scale), "3–4 days … within 24 hours" (one unit for both), and two figures
that are not one aim's today and target ("120 returns … the last 3 weeks", "from 1 800 to
38")."""

from __future__ import annotations

import re

from assistant.understanding.metrics import metric_bank, scaled
from assistant.understanding.quantities import in_unit
from assistant.understanding.reading import Amount, ObjectiveFact


def shared_unit(baseline: Amount, target: Amount) -> Amount:
    """ "from 15 to 25 %", "from 2 to 4 million NOK": a bare baseline shares the target's unit
    and, a thousandfold below it, the target's scale word."""
    large = target.unit == "money" or (target.unit == "count" and scaled(target))
    bare = baseline.unit == "count" or (baseline.unit == "score" and large)
    if not bare or baseline.value < 0:  # "fra 7,8 til 9,5 millioner": 7,8 is no score
        return baseline
    if target.unit == "count" and scaled(target) and not scaled(baseline) and baseline.value:
        return baseline.model_copy(update={"value": _scaled_like(baseline.value, target.value)})
    if target.unit in ("count", None):  # "fra 10 til 12 millioner": the scale word is shared
        return baseline
    if target.unit == "%" and baseline.value > 100:  # "600 subscribers … 9 %": another figure
        return baseline
    if baseline.value == 0:  # "today 0": nothing, in the target's unit
        return baseline.model_copy(update={"unit": target.unit, "currency": target.currency})
    value = baseline.value
    if target.unit == "money":
        value = _scaled_like(value, target.value)
    return baseline.model_copy(
        update={"value": value, "unit": target.unit, "currency": target.currency}
    )


TIME_UNITS = ("days", "hours", "minutes", "weeks")
SAID_TOGETHER = 20  # characters between "from 6" and "to 2 days": one range of one thing


_NAMES_A_THING = re.compile(
    r"\s+(?!(?:by|per|a|an|the|in|to|within|before|till?|until|innen|innan|senest|om|och|og"
    r"|and|or|eller|до|к|в|на|på|i)\b)[^\W\d_]{3,}",
    re.IGNORECASE,
)


def apart_in_time(text: str, baseline: Amount, target: Amount) -> bool:
    """A count of things and a span of time said apart ("about 120 returns and half come in
    the last 3 weeks") are two different things, not one figure going from 120 to 21 days;
    a bare figure ("6 hours a week … down to 2") is the same thing again."""
    if not {baseline.unit, target.unit} & set(TIME_UNITS):
        return False
    counts = [a for a in (baseline, target) if a.unit == "count"]
    things = [a for a in counts if _NAMES_A_THING.match(text, a.span.end)]
    first, second = sorted((baseline.span, target.span), key=lambda s: s.start)
    return bool(things) and second.start - first.end > SAID_TOGETHER


_NAMES_ITS_OWN = re.compile(  # "85 anmeldelser", "350 papirbrev": a count of a named thing
    r"\s+(?:ca\.?\s+|about\s+|около\s+)?(?!(?:by|per|a|an|the|in|to|of|from|within|before|till?"
    r"|until|innen|innan|senest|om|och|og|and|or|eller|av|fra|från|из|от|до|к|в|на|på|i|percent"
    r"|prosent|procent|процент\w*|ganger|gånger|times|раз\w*|now|today|nå|idag|nu|сейчас|сегодня"
    r"|per|each|hver|varje|каждый)\b)[^\W\d_]{3,}",
    re.IGNORECASE,
)


def two_things(text: str, baseline: Amount, target: Amount) -> bool:
    """ "4,3 stjerner og 85 anmeldelser … 200 anmeldelser", "350 papirbrev … 90 % digitalt":
    a count of a thing it names and a figure in another unit (stars, a share, a time) are two
    different things, not one aim's today and target; a bare count ("from 15 to 25 %") and
    money ("from 2 to 4 million") share the other's unit."""
    units = {baseline.unit, target.unit}
    if len(units) == 1 or "count" not in units or units & {None, "money"}:
        return False
    count = baseline if baseline.unit == "count" else target
    return names_its_own(text, count)


def names_its_own(text: str, amount: Amount) -> bool:
    """The figure counts a thing named right after it ("40 tårtbeställningar")."""
    return bool(_NAMES_ITS_OWN.match(text, amount.span.end))


def _scaled_like(value: float, target: float) -> float:
    """A bare figure a thousandfold or more below its target shares the target's scale."""
    if target / value < 1000:
        return value
    factor = next((f for f in (1e3, 1e6, 1e9) if target / (value * f) <= 100), 1.0)
    return round(value * factor, 2)  # "4,1 … 5 miljoner": 4 100 000, not 4 099 999.99


def one_time_unit(baseline: Amount, target: Amount) -> tuple[Amount, Amount]:
    """ "3–4 days … within 24 hours": both in the baseline's unit when the target stays
    a whole unit or more in it (1 day), else both in the target's (180 to 30 minutes)."""
    converted = in_unit(target, baseline.unit)
    if converted is None or converted is target:
        return baseline, target
    if converted.value >= 1:
        return baseline, converted
    return in_unit(baseline, target.unit) or baseline, target


MAX_RATIO = 20  # a small business does not aim 20 times up or down in one goal


def plausible_pair(baseline: Amount, target: Amount) -> bool:
    """ "from 1 800 to 38", "from 900 to 3": two figures this far apart belong to two
    different things; the target stands and today's value is left to be measured."""
    if baseline.unit == "%" or not baseline.value or not target.value:
        return True
    ratio = target.value / baseline.value
    return 1 / MAX_RATIO <= ratio <= MAX_RATIO or baseline.value < MAX_RATIO / 2


def priced(objective: ObjectiveFact) -> ObjectiveFact:
    """An aim on a metric counted in money ("Dec-Feb revenue is about 40k a month, I want
    55k") takes its figures said with a scale ("40k", "1,2 mill") as sums of money."""
    spec = metric_bank().get(objective.kpi or "")
    if spec is None or "money" not in spec.units:
        return objective
    update = {
        field: amount.model_copy(update={"unit": "money"})
        for field in ("baseline", "target")
        if (amount := getattr(objective, field)) is not None and scaled(amount)
    }
    return objective.model_copy(update=update) if update else objective
