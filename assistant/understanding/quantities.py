"""Every number in a message as an ``Amount`` with its span: money in any currency and
scale, percentages, ratios as shares ("1 in 5", "hver tredje"), ranges with both ends,
counts, time units, "about", and what the figure is counted per."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.extraction import Quantity, extract_quantities, find_date_spans
from assistant.extraction.numbers import counted_not_year, in_millions
from assistant.regex_cache import compiled
from assistant.understanding import cues
from assistant.understanding.reading import Amount
from assistant.understanding.text import span_of, without_quoted_arrows, without_quoted_notes

_KR = {"nb": "NOK", "sv": "SEK"}
_LOOK_AHEAD = 40
_LOOK_BEHIND = 25


@dataclass(frozen=True)
class Found:
    """An amount and the count unit the number reader saw after it ("people", "customers")."""

    amount: Amount
    counted: str | None = None

    @property
    def start(self) -> int:
        return self.amount.span.start

    @property
    def end(self) -> int:
        return self.amount.span.end


def _currency(unit: str | None, language: str) -> str | None:
    if unit == "kr":
        return _KR.get(language, "NOK")
    return unit


def time_unit_after(text: str, end: int, language: str) -> tuple[str, int] | None:
    after = text[end : end + 25]
    for unit, by_language in cues.raw("time_units").items():
        for pattern in by_language.get(language, ()):
            if match := cues.compiled(pattern).match(after):
                return unit, end + match.end()
    return None


def _unit_before(text: str, start: int, language: str) -> str | None:
    """ "часов 20 в месяц": Russian puts the unit first when the figure is rough."""
    before = text[max(0, start - 12) : start]
    for unit, by_language in cues.raw("units_before").items():
        if any(cues.compiled(p).search(before) for p in by_language.get(language, ())):
            return unit
    return None


DAYS_IN = {"weeks": 7}  # a duration said in weeks is read in days
SPANS_OF_TIME = ("months", "years")  # "in the first 3 months", "open for 4 years": no figure


def _unit(
    quantity: Quantity, text: str, language: str, start: int | None = None
) -> tuple[str, str | None, int]:
    """(unit, currency, end of the amount's words); ``start``: where a range's low end is."""
    if quantity.kind == "money":
        return "money", _currency(quantity.unit, language), quantity.end
    if quantity.kind == "percent":
        return "%", None, quantity.end
    home = cues.raw("home_currency").get(language)
    if quantity.kind == "number" and home and in_millions(quantity.text):
        return "money", home, quantity.end  # "omsetter 1,8 mill", "2 млн": the country's money
    if quantity.kind == "number" and _paid(text, quantity, language, start):
        return "money", home, quantity.end  # "we pay Mittanbud 14–15 000 a month"
    timed = time_unit_after(text, quantity.end, language)
    if timed:
        return timed[0], None, timed[1]
    before = _unit_before(text, quantity.start, language)
    if before:
        return before, None, quantity.end
    if quantity.value != int(quantity.value) and quantity.value <= 10 and quantity.kind == "number":
        return "score", None, quantity.end  # "4.8 on google": no count has a fraction
    return "count", None, quantity.end


PAID_AT_LEAST = 100  # "we pay 2 freelancers" counts people; sums paid are larger


def _paid(text: str, quantity: Quantity, language: str, start: int | None = None) -> bool:
    """A sum said to be paid ("betaler 14-15 000 i mnd", "15 000 is what we pay")."""
    if quantity.value < PAID_AT_LEAST:
        return False
    start = quantity.start if start is None else start
    before = re.split(r"[.;!?\n]", text[max(0, start - 60) : start])[-1]
    after = text[quantity.end : quantity.end + 60]
    return bool(cues.search("paid_before", language, before)) or bool(
        cues.search("paid_after", language, after)
    )


_JOINED = re.compile(r"\d|\b(?:and|og|och|or|eller)\b|(?<!\w)(?:и|или)(?!\w)", re.IGNORECASE)
_ANOTHER_FIGURE = re.compile(r"[,;][^,;]*?\d")  # a later clause with a figure of its own


def _period(text: str, start: int, end: int, language: str) -> str | None:
    """What the figure is counted per: said after it ("40 a week"), else just before it in
    its clause ("оборот в месяц около 2 млн")."""
    after = re.split(r"[.!?\n]", text[end : end + _LOOK_AHEAD])[0]
    if other := _ANOTHER_FIGURE.search(after):  # "25 млн, а не 320 тысяч в месяц": its own
        after = after[: other.start()]
    clause = re.split(r"[.,;!?\n]", text[max(0, start - _LOOK_BEHIND) : start])[-1]
    clause = _JOINED.split(clause)[-1]  # "300 visits a month and 250 followers": not its
    changed = any(cues.search(k, language, clause) for k in ("change_to", "change_from"))
    if changed and cues.search("duration", language, after) is not None:
        return None  # "с 14 до 30 за год", "from 150 to 500 within a year": when, not how often
    if cues.search("total_after", language, after):
        return None  # "100 reviews in total (not a year)"
    for window in (after, clause):
        best: tuple[int, str] | None = None
        for period, pattern in cues.period_patterns(language):
            match = pattern.search(window)
            if match is None or _not_a_period(window[: match.start()], language):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), period)
        if best is not None:
            return best[1]
    return None


def _not_a_period(before: str, language: str) -> bool:
    """ "(not a year)", "by the end of this year": the period's words say what the figure
    is not counted per, or when it is due."""
    return any(
        cues.search(key, language, before)
        for key in ("period_denied_before", "period_as_deadline_before")
    )


def _estimated(text: str, start: int, end: int, language: str) -> bool:
    window = text[max(0, start - _LOOK_BEHIND) : end + 4]
    return cues.search("estimate", language, window) is not None


def _amount(text: str, quantity: Quantity, language: str, high: Quantity | None = None) -> Found:
    last = high or quantity
    unit, currency, end = _unit(last, text, language, quantity.start)
    if quantity.kind == "number" and last.kind == "money":  # "20-30k NOK": low shares the unit
        currency = _currency(last.unit, language)
    factor = DAYS_IN.get(unit, 1) * _scale_before(text, quantity.start, language)
    unit = "days" if unit in DAYS_IN else unit
    low = quantity.value * factor if high else None
    top = high.value * factor if high else None
    value = (low + top) / 2 if low is not None and top is not None else quantity.value * factor
    amount = Amount(
        value=value,
        unit=unit,
        currency=currency,
        period=_period(text, quantity.start, end, language),  # type: ignore[arg-type]
        low=low,
        high=top,
        estimated=bool(high) or _estimated(text, quantity.start, end, language),
        span=span_of(text, quantity.start, end),
    )
    counted = last.unit if last.kind == "count" else None
    return Found(amount, counted)


def _scale_before(text: str, start: int, language: str) -> float:
    """ "тысячи 2 в месяц": a rough figure with its scale said first is 2 000."""
    before = text[max(0, start - 12) : start]
    for scale, by_language in cues.raw("scale_before").items():
        if any(cues.compiled(p).search(before) for p in by_language.get(language, ())):
            return float(scale)
    return 1.0


YEARS = (1900, 2100)  # "12 in 2025": a number this size after "in" is a year


def _ratios(text: str, language: str) -> list[Found]:
    values = cues.raw("ratio_values")
    found = []
    for pattern in cues.patterns("ratios", language):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("b") and YEARS[0] <= float(groups["b"]) <= YEARS[1]:
                continue  # "we did 12 in 2025": a count in a year, not a share
            if groups.get("b") and float(groups["b"]) > 0:  # "1 in 5"; "every 10th" is 1 in 10
                share = 100 * float(groups.get("a") or 1) / float(groups["b"])
                if share > 100:
                    continue  # "would like 150 in 2 years": a figure and a time, not a share
            else:
                word = (groups.get("ord") or groups.get("word") or "").lower()
                keys = sorted(values, key=len, reverse=True)  # "две трети" before "трет"
                key = next((k for k in keys if k in word or word.endswith(k)), None)
                if key is None:
                    continue
                share = float(values[key])
            amount = Amount(
                value=round(share, 2), unit="%", span=span_of(text, match.start(), match.end())
            )
            if not any(_overlaps(Found(amount), f) for f in found):  # said by two patterns
                found.append(Found(amount))
    return found


def _spoken_durations(text: str, language: str) -> list[Found]:
    """ "half an hour", "en halvtime", "полчаса" in hours; "the same day", "innen et døgn"
    in days; "tre dager", "two to three weeks" with the number in words."""
    found: list[Found] = []
    lowered = text.lower()
    for key, unit in (("spoken_durations", "hours"), ("spoken_days", "days")):
        table: dict[str, float] = cues.raw(key).get(language, {})
        for words in sorted(table, key=len, reverse=True):  # "an hour and a half" first
            for match in compiled(rf"(?<!\w){re.escape(words)}(?!\w)").finditer(lowered):
                span = span_of(text, match.start(), match.end())
                amount = Found(Amount(value=float(table[words]), unit=unit, span=span))
                if not _any_overlap(amount, found):
                    found.append(amount)
    return found + [f for f in _worded_times(text, language) if not _any_overlap(f, found)]


def _any_overlap(item: Found, others: list[Found]) -> bool:
    return any(_overlaps(item, other) for other in others)


_RANGE_JOIN = r"\s*(?:-|–|—|to|til|till|or|eller|или)\s*"


def _worded_times(text: str, language: str) -> list[Found]:
    """ "tre dager", "two to three weeks", "два-три дня": a time with its number in words."""
    words = cues.raw("number_words").get(language, {})
    if not words:
        return []
    number = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    pattern = compiled(
        rf"(?<!\w)(?P<a>{number})(?:{_RANGE_JOIN}(?P<b>{number}))?(?=\s)", re.IGNORECASE
    )
    found = []
    for match in pattern.finditer(text):
        timed = time_unit_after(text, match.end(), language)
        if timed is None:
            continue
        unit, end = timed
        factor = DAYS_IN.get(unit, 1)
        low = float(words[match["a"].lower()]) * factor
        high = float(words[match["b"].lower()]) * factor if match["b"] else None
        amount = Amount(
            value=(low + high) / 2 if high else low,
            unit="days" if unit in DAYS_IN else unit,
            low=low if high else None,
            high=high,
            estimated=high is not None,
            span=span_of(text, match.start(), end),
        )
        found.append(Found(amount))
    return found


def _overlaps(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


_LIST_MARKER = re.compile(r"(?:^|[\s(])\d{1,2}[.)](?=\s)")


_GOAL_SIZED = re.compile(r"\d{1,2}(?![\d.,\s]*\d)")  # "4 повторные", not "2 620 members"


def _names_something(text: str, quantity: Quantity, language: str) -> bool:
    """ "goal 2", "G3", a list marker "1)": a number that names, not an amount; nor is a
    change gone by ("footfall is down 15 % since 2023")."""
    if _inside(text, quantity, language, "past_change"):
        return True
    after = text[quantity.end : quantity.end + 24]
    if cues.search("length_of_a_thing", language, after):
        return True  # "6-week courses", "6-ukers kurs": how long a thing lasts, not a count
    if cues.search("discount_after", language, after):
        return True  # "10% off mon/tue bookings": a price cut, not an amount of the aim
    if _age_band(text, quantity, after, language):
        return True  # "unga husägare 25-40 år": which customers, not a figure
    before = text[max(0, quantity.start - NAMING_REACH) : quantity.start]
    small = _GOAL_SIZED.match(text[quantity.start : quantity.end]) is not None
    numbered = small and cues.search("not_amounts", language, before) is not None
    named = numbered or cues.search("names_by_number", language, before) is not None
    if quantity.kind == "count" and small and named:
        return True  # "у цели 4 повторные покупатели …": goal 4, not 4 repeat buyers
    if quantity.kind != "number":
        return False
    after = text[quantity.end : quantity.end + 24]
    if cues.search("multiplier_after", language, after):
        return True  # "в 2 раза больше": a relative change, not an amount
    if cues.search("qualifier_after", language, after):
        return True  # "more 5 star google reviews": which reviews, not how many
    if named or _inside(text, quantity, language, "said_times"):  # not "goal 1 480000"
        return True
    marker = _LIST_MARKER.match(text, max(0, quantity.start - 1))
    if marker is None or marker.end() != quantity.end + 1:
        return False
    return text[quantity.end] == ")" or _in_sequence(text, quantity)


def _age_band(text: str, quantity: Quantity, after: str, language: str) -> bool:
    """ "25-40 år", "25–40-year-olds": an age, said as a range or with a word for one; a
    single "3 år" is a time."""
    aged = cues.search("age_after", language, after)
    if aged is None:
        return False
    worded = not aged.group(0).strip().startswith(("år", "лет"))
    return worded or bool(re.search(r"\d\s*[-–—]\s*\d", text[quantity.start : quantity.end]))


NAMING_REACH = 24  # characters before a number in which "goals 6, 7 or" names it
SAID_REACH = 40  # characters around a number in which "I've said it … times" is said


def _inside(text: str, quantity: Quantity, language: str, key: str) -> bool:
    """The number sits inside what the cue matches nearby: "har sagt det 2 ganger" (how
    often the owner repeated it), "down 15 % since 2023" (a change gone by)."""
    start = max(0, quantity.start - SAID_REACH)
    found = cues.search(key, language, text[start : quantity.end + SAID_REACH])
    return found is not None and found.start() <= quantity.start - start < found.end()


def _in_sequence(text: str, quantity: Quantity) -> bool:
    """ "2." marks a list item only at a line's start or next to "1." or "3." ("idag 0. Sen"
    ends a sentence with a figure)."""
    number = int(quantity.value)
    line_start = text[: quantity.start].rstrip(" \t").endswith(("\n", ":")) or quantity.start == 0
    neighbours = (rf"(?:^|\s){n}\.\s" for n in (number - 1, number + 1) if n >= 1)
    return number >= 1 and (line_start or any(re.search(p, text) for p in neighbours))


def _not_year(text: str, start: int, end: int, language: str) -> bool:
    """ "til 2000 kunder": the date reader's year is the count (see ``counted_not_year``)."""
    return counted_not_year(text, (start, end), end, language)


CLOCK_HOURS = 24


def clock_times(text: str, language: str) -> list[tuple[int, int]]:
    """ "dött mellan 14 och 16", "between 2 and 4 pm", "с 14 до 16": hours of the day, not
    a figure (never a count said with its unit: "between 14 and 16 cakes")."""
    spans = []
    for pattern in cues.patterns("clock_range", language):
        for match in pattern.finditer(text):
            low, high = int(match["a"]), int(match["b"])
            if low < high <= CLOCK_HOURS:
                spans.append(match.span())
    return spans


def read_amounts(text: str, language: str) -> list[Found]:
    """Amounts in text order. Dates, years, goal numbers and list markers are not amounts,
    nor is a plan line or a note the owner quotes back ("«60 % → 60 %»", "'Orders per
    month: 40'")."""
    text = without_quoted_notes(without_quoted_arrows(text))
    quantities = [
        q for q in extract_quantities(text, language) if not _names_something(text, q, language)
    ]
    dates = find_date_spans(text, language) + clock_times(text, language)
    found: list[Found] = []
    index = 0
    while index < len(quantities):
        quantity = quantities[index]
        if any(s <= quantity.start < e and not _not_year(text, s, e, language) for s, e in dates):
            index += 1
            continue
        if quantity.range_role == "low" and index + 1 < len(quantities):
            found.append(_amount(text, quantity, language, high=quantities[index + 1]))
            index += 2
            continue
        found.append(_amount(text, quantity, language))
        index += 1
    ratios = _ratios(text, language) + _spoken_durations(text, language)
    kept = [f for f in found if not any(_overlaps(f, r) for r in ratios)]
    figures = [f for f in kept + ratios if f.amount.unit not in SPANS_OF_TIME]
    return _between(text, language, sorted(figures, key=lambda f: f.start))


def _between(text: str, language: str, found: list[Found]) -> list[Found]:
    """ "between 2 and 2.5 million", "mellom 7 og 8 mill", "от 2 до 3 млн": one range, both
    ends kept, the low end in the high end's unit and scale."""
    merged: list[Found] = []
    for item in found:
        last = merged[-1] if merged else None
        if last is not None and _joins_range(text, language, last, item):
            merged[-1] = _range(text, last, item)
        else:
            merged.append(item)
    return merged


def _joins_range(text: str, language: str, low: Found, high: Found) -> bool:
    if low.amount.low is not None or high.amount.low is not None:
        return False
    before = text[max(0, low.start - 12) : low.start]
    middle = text[low.end : high.start]
    opens = cues.search("range_open", language, before) is not None
    if opens and re.fullmatch(r"\s*(?:and|og|och|и|to|til|till|до|-|–)\s*", middle):
        return True
    either = re.fullmatch(r"\s*(?:or|eller|или)\s*", middle) is not None  # "3 or 4 days"
    bare = low.amount.unit in (None, "count") and low.amount.period in (None, high.amount.period)
    return either and bare and 0 < low.amount.value < high.amount.value


def _range(text: str, low: Found, high: Found) -> Found:
    value = low.amount.value
    if value < high.amount.value / 100:  # "2 and 2.5 million": the low end shares the scale
        value *= next((f for f in (1e3, 1e6, 1e9) if high.amount.value / (value * f) < 100), 1.0)
    amount = high.amount.model_copy(
        update={
            "value": (value + high.amount.value) / 2,
            "low": value,
            "high": high.amount.value,
            "estimated": True,
            "span": span_of(text, low.start, high.end),
        }
    )
    return Found(amount, high.counted)


HOURS_IN = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0}  # a working day is read as 24 h


def in_unit(amount: Amount, unit: str | None) -> Amount | None:
    """The amount in another unit of time ("24 hours" in days is 1), itself when the units
    are the same, else None."""
    if amount.unit == unit:
        return amount
    if amount.unit not in HOURS_IN or unit not in HOURS_IN:
        return None
    factor = HOURS_IN[amount.unit] / HOURS_IN[unit]

    def scaled(value: float | None) -> float | None:
        return None if value is None else round(value * factor, 4)

    return amount.model_copy(
        update={
            "value": scaled(amount.value),
            "low": scaled(amount.low),
            "high": scaled(amount.high),
            "unit": unit,
        }
    )
