"""Numbers, amounts, percentages and staff counts in free text (en, nb, sv, ru).

Locale rules: in English "," groups thousands and "." is the decimal mark; in nb, sv and ru
"." groups thousands ("20.000") and "," is the decimal mark. Spaces, NBSP and thin spaces
group thousands everywhere ("20 000"). Numbers inside date expressions, quarter markers
("Q3"), ordinals ("3rd") and bare years ("2027" with no unit) are not quantities.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import cache
from itertools import pairwise

from assistant.extraction.dates import find_date_spans
from assistant.extraction.models import (
    MAX_TEXT_CHARS,
    Language,
    Quantity,
    QuantityKind,
    normalize_language,
)

_SPACE = "[ \u00a0\u202f\u2009]"
_MAX_INTEGER_DIGITS = 15
_MAX_STAFF = 1_000_000
_YEAR_LIKE = range(1900, 2101)

_SCALE_WORDS = (
    (1e3, r"thousands?|tusen|tkr|тыс\.?|тысяч[аи]?"),
    (1e6, r"millions?|millioner|mill\.?|mille|miljon(?:er)?|milj\.?|mln\.?|mio\.?|млн\.?|"
          r"миллион(?:а|ов)?"),
    (1e9, r"billions?|milliard(?:er)?|miljard(?:er)?|mrd\.?|млрд\.?|миллиард(?:а|ов)?"),
)  # fmt: skip
_ATTACHED_SCALE = {"k": 1e3, "к": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
_MILLIONS_OR_MORE = re.compile(
    r"\d\s*(?:" + "|".join(body for scale, body in _SCALE_WORDS if scale >= 1e6) + r")(?!\w)",
    re.IGNORECASE,
)


def in_millions(said: str) -> bool:
    """The quantity's words scale it by a million or more ("1,8 mill", "2 млн", "1 mrd")."""
    return _MILLIONS_OR_MORE.search(said) is not None


_CURRENCY_WORDS = (
    ("NOK", r"(?-i:NOK)|kroner|krone|norske\s+kroner"),
    ("SEK", r"(?-i:SEK)|kronor|krona|svenska\s+kronor"),
    ("kr", r"kr\.?(?:-|,-)?"),
    ("EUR", r"(?-i:EUR)|€|euros?|евро"),
    ("GBP", r"(?-i:GBP)|£|pounds?|quid|фунт(?:ов|а)?"),
    (
        "AUD",
        r"(?-i:AUD)|(?-i:AU?)\$|australian\s+dollars?|aussie\s+dollars?|австралийск\w+\s+доллар\w*",
    ),
    ("NZD", r"(?-i:NZD)|(?-i:NZ)\$|new\s+zealand\s+dollars?"),
    ("CAD", r"(?-i:CAD)|(?-i:CA?)\$|canadian\s+dollars?"),
    ("DKK", r"(?-i:DKK)|danske\s+kroner"),
    ("CHF", r"(?-i:CHF)|swiss\s+francs?|franken"),
    ("USD", r"(?-i:USD)|\$|dollars?|доллар(?:ов|а)?"),
    ("RUB", r"(?-i:RUB)|₽|roubles?|rubles?|руб\.?|рубл(?:ей|я|ь)|р\.?(?=\s|$|[,;)])"),
)
CURRENCY_CODES = frozenset(code for code, _ in _CURRENCY_WORDS if code != "kr")  # ISO 4217
_NOT_BEFORE = re.compile(r"(?:\b(?:not|ikke|inte|ej)|(?<!\w)не)\W+(?:in\W+|i\W+|в\W+)?$", re.I)


def currency_said_alone(text: str) -> str | None:
    """A currency named without an amount ("it's euro by the way, not pounds"): the one not
    denied, or None when none is said that way."""
    for code, body in _CURRENCY_WORDS:
        if code == "kr":
            continue
        for match in re.finditer(rf"(?<![\w$€£₽])(?:{body})(?!\w)", text, re.IGNORECASE):
            clause = re.split(r"[.,;:!?\n]", text[: match.start()])[-1]
            after = text[match.end() : match.end() + 6]
            if len(match.group(0).strip(".")) < 2:
                continue  # "р" alone is a currency only right after an amount ("2900 р")
            if re.search(r"\d", clause + after) or _NOT_BEFORE.search(text[: match.start()][-20:]):
                continue  # "2 million pounds": an amount's currency; "not pounds": denied
            if match.group(0) == code and not _about_money(text, match.start()):
                continue  # "Vi ritar i CAD": a drawing program, not Canadian dollars
            return code
    return None


_MONEY_CONTEXT = re.compile(  # words that make a bare code a currency ("the figures are in SEK")
    r"\b(?:revenue|turnover|currency|figures|amounts?|prices?|omsetning\w*|omsättning\w*|"
    r"valuta\w*|beløp\w*|belopp\w*|tall|tallene|siffror\w*|priser?\w*)\b|"
    r"(?<!\w)(?:выручк\w*|оборот\w*|валют\w*|цен\w*|сумм\w*)",
    re.IGNORECASE,
)
SHORT_SAYING = 8  # words: "It's SEK, not NOK." names a currency on its own


def _about_money(text: str, position: int) -> bool:
    """A bare currency code counts where its sentence is short or speaks of money."""
    start = max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1
    ends = [e for e in (text.find(mark, position) for mark in ".!?\n") if e >= 0]
    sentence = text[start : min(ends) if ends else len(text)]
    return len(sentence.split()) <= SHORT_SAYING or _MONEY_CONTEXT.search(sentence) is not None


_PERCENT_WORDS = r"%|prosent|percent|per\s?cent|procent|процент(?:ов|а)?|проц\."
_POINT_WORDS = (
    r"pp|p\.p\.|percentage\s+points?|prosentpoeng|procentenhet(?:er)?|п\.\s?п\.|"
    r"процентн(?:ых|ого|ые)\s+пункт(?:а|ов)?"
)
_KR_BY_LANGUAGE = {"nb": "NOK", "sv": "SEK"}

# Count units: regex per unit, matched against the word after the number (or the one after it).
_COUNT_UNITS: dict[Language, dict[str, str]] = {
    "en": {"people": r"people|persons?|employees?|staff|workers?|colleagues|ftes?",
           "customers": r"customers?|clients?", "orders": r"orders?", "users": r"users?",
           "visitors": r"visitors?|visits",
           "subscribers": r"subscribers?|addresses|followers|members"},
    "nb": {"people": r"ansatte?|personer|person|folk|medarbeidere?|årsverk|heltidsansatte|"
                     r"deltidsansatte|kolleger|kollegaer",
           "customers": r"kunder?|kundene|klienter", "orders": r"bestillinger|bestilling|ordrer?",
           "users": r"brukere?", "visitors": r"besøkende|besøk",
           "subscribers": r"abonnenter|adresser|følgere|medlemmer"},
    "sv": {"people": r"anställda|anställd|personer|person|medarbetare|årsarbetare|"
                     r"heltidsanställda|kollegor|kolleger",
           "customers": r"kunder?|kunderna|klienter", "orders": r"beställningar|beställning|"
                                                               r"order|ordrar",
           "users": r"användare", "visitors": r"besökare|besök",
           "subscribers": r"prenumeranter|adresser|följare|medlemmar"},
    "ru": {"people": r"человека?|людей|сотрудник(?:а|ов|и)?|работник(?:а|ов|и)?|"
                     r"специалист(?:а|ов|ы)?",
           "customers": r"клиент(?:а|ов|ы)?|покупател(?:ь|я|ей|и)",
           "orders": r"заказ(?:а|ов|ы)?", "users": r"пользовател(?:ь|я|ей|и)",
           "visitors": r"посетител(?:ь|я|ей|и)|посещени(?:й|я)|визит(?:ов|а)?",
           "subscribers": r"подписчик(?:а|ов|и)?|адрес(?:а|ов)?|участник(?:а|ов|и)?"},
}  # fmt: skip

# Staff: employee words always count; "people" words only with a company/team context.
_EMPLOYEE_WORDS: dict[Language, str] = {
    "en": r"employees?|staff|workers?|colleagues|ftes?|team\s+members",
    "nb": r"ansatte?|medarbeidere?|årsverk|heltidsansatte|kolleger|kollegaer",
    "sv": r"anställda|anställd|medarbetare|årsarbetare|heltidsanställda|kollegor|kolleger",
    "ru": r"сотрудник(?:а|ов|и)?|работник(?:а|ов|и)?",
}
_PEOPLE_WORDS: dict[Language, str] = {
    "en": r"people|persons",
    "nb": r"personer|folk|stk",
    "sv": r"personer|pers",
    "ru": r"человека?|людей",
}
_STAFF_CONTEXT: dict[Language, str] = {
    "en": r"\bwe(?:'re|\s+are|\s+have|\s+employ)\b|\bteam\b|\bcompany\b|\bemploy|\bwork|\bstaff",
    "nb": r"\bvi\s+er\b|\bvi\s+har\b|\bteam|\bbedrift|\bfirma|\bselskap|\bjobber\b|\bansatt",
    "sv": r"\bvi\s+är\b|\bvi\s+har\b|\bteam|\bföretag|\bfirma|\bjobbar\b|\barbetar\b",
    "ru": r"\bнас\b|\bкоманд|\bкомпани|\bработа|\bштат|\bфирм",
}
_STAFF_PHRASES: dict[Language, str] = {
    "en": r"\bteam\s+of\s+{n}|\bstaff\s+of\s+{n}|\bheadcount\s*(?:is|of|:)?\s*{n}|"
    r"\bwe(?:'re|\s+are)\s+{n}(?=\s*(?:$|[.,;!?)]|in\s+total|of\s+us|in\s+the\s+))",
    "nb": r"\bteam\s+på\s+{n}|\bvi\s+er\s+{n}(?=\s*(?:$|[.,;!?)]|totalt|i\s+(?:alt|firmaet|"
    r"bedriften|selskapet)))",
    "sv": r"\bteam\s+på\s+{n}|\bvi\s+är\s+{n}(?=\s*(?:$|[.,;!?)]|totalt|i\s+(?:företaget|"
    r"firman)))",
    "ru": r"(?<!у\s)\bнас\s+{n}|\bкоманда\s+из\s+{n}|\bштат\s*(?:[—:-]|из)?\s*{n}",
}
_NOT_STAFF_MODIFIERS = (
    r"more|new|additional|extra|flere|nye|ekstra|fler|nya|ytterligare|ещё|еще|новых|"
    r"дополнительных"
)
# Words that take back a number said just before ("we are 9 people… actually 40"): a staff
# count after one of them replaces the count before it.
_CORRECTION: dict[Language, str] = {
    "en": r"\bactually\b|\bsorry\b|\bi\s+mean\b|\bcorrection\b|\bin\s+fact\b|\brather\b|"
    r"\bwait\b",
    "nb": r"\bfaktisk\b|\begentlig\b|\bunnskyld\b|\bjeg\s+mener\b|\brettelse\b|\bvent\b",
    "sv": r"\bfaktiskt\b|\begentligen\b|\bförlåt\b|\bjag\s+menar\b|\brättelse\b|"
    r"\brättare\s+sagt\b|\bvänta\b",
    "ru": r"на\s+самом\s+деле|\bвернее\b|\bточнее\b|\bизвините\b|\bпростите\b|"
    r"\bпоправка\b|\bто\s+есть\b",
}
_RANGE_DASH = r"\s*[-–—‒]\s*"
_NEGATION_BEFORE = r"(?:\bnot|\bno\s+longer|\bikke|\binte|\bне|\bnei)\s*$"


def _alternation(words: str) -> str:
    return rf"(?:{words})(?![^\W\d_])"


# "28:e", "1:a", "28-го", "3-й": a day or a rank said with its ordinal ending, no quantity
_NOT_ORDINAL = r"(?!:[ea](?![^\W\d_])|-(?:го|му|е|й|я|ое|ого|ый|ий|ая)(?![^\W\d_]))"


@cache
def _number_pattern(language: Language) -> re.Pattern[str]:
    grouped = r",\d{3}(?!\d)" if language == "en" else r"\.\d{3}(?!\d)"
    return re.compile(
        rf"(?:(?P<pre>(?<![^\W\d_])(?-i:AU|NZ|A|C)\$|[$€₽£]|(?<![^\W\d_])"
        rf"(?:kr\.?|руб\.?|(?-i:{'|'.join(sorted(CURRENCY_CODES))}))){_SPACE}?)?"
        rf"(?<![\w.,:/])(?P<sign>[-−+])?"
        rf"(?P<int>\d{{1,3}}(?:{_SPACE}\d{{3}}(?!\d))+|\d{{1,3}}(?:{grouped})+|\d+)"
        rf"(?P<frac>[.,]\d+)?(?![.,:/]?\d){_NOT_ORDINAL}",
        re.IGNORECASE,
    )


@cache
def _suffix_pattern() -> re.Pattern[str]:
    scale_words = "|".join(f"(?P<s{i}>{body})" for i, (_, body) in enumerate(_SCALE_WORDS))
    currencies = "|".join(f"(?P<c{i}>{body})" for i, (_, body) in enumerate(_CURRENCY_WORDS))
    return re.compile(
        rf"(?:{_SPACE}?(?P<combo_scale>[MmKkTt])(?P<combo_cur>nok|sek|eur|usd|gbp|aud|kr)"
        rf"(?![^\W\d_]))?"
        rf"(?:(?P<att>k|к|m|mn|bn)(?![^\W\d_])|{_SPACE}?(?:{scale_words})(?![^\W\d_]))?"
        rf"(?:{_SPACE}?(?:(?P<pp>{_alternation(_POINT_WORDS)})|(?P<pct>%|{_alternation(_PERCENT_WORDS)})"
        rf"|{_alternation(currencies)}))?",
        re.IGNORECASE,
    )


@cache
def _count_unit_patterns(language: Language) -> tuple[tuple[str, re.Pattern[str]], ...]:
    units = _COUNT_UNITS[language]
    return tuple((unit, re.compile(rf"(?:{body})", re.IGNORECASE)) for unit, body in units.items())


_NEXT_WORDS = r"[ \u00a0\u202f]+([^\W\d_][\w-]{0,24})(?:[ \u00a0\u202f]+([^\W\d_]+))?"


def _count_unit(text: str, position: int, language: Language) -> tuple[str, int] | None:
    """The count unit after ``position`` ("12 employees", "2 000 nye kunder"), if any."""
    match = re.compile(_NEXT_WORDS).match(text, position)
    if match is None:
        return None
    for group in (1, 2):
        word = match.group(group)
        if word is None:
            return None
        for unit, pattern in _count_unit_patterns(language):
            if pattern.fullmatch(word):
                return unit, match.end(group)
    return None


def _parse_value(match: re.Match[str]) -> float | None:
    digits = re.sub(r"\D", "", match.group("int"))
    if len(digits.lstrip("0")) > _MAX_INTEGER_DIGITS:
        return None
    fraction = match.group("frac")
    value = float(f"{digits}.{fraction[1:]}" if fraction else digits)
    return -value if match.group("sign") in ("-", "−") else value


def _is_bare_year(match: re.Match[str]) -> bool:
    """A unitless four-digit number from 1900 to 2100 ("2027") is a year, not an amount."""
    raw = match.group("int")
    return not match.group("frac") and len(raw) == 4 and raw.isdigit() and int(raw) in _YEAR_LIKE


def _currency(code: str, language: Language) -> str:
    return _KR_BY_LANGUAGE.get(language, "kr") if code == "kr" else code


def _currency_code(raw: str) -> str:
    for code, body in _CURRENCY_WORDS:
        if re.fullmatch(rf"(?:{body})", raw.strip(), re.IGNORECASE):
            return code
    return "kr"


def _read_one(text: str, match: re.Match[str], language: Language) -> tuple[Quantity, float] | None:
    """The quantity starting at ``match`` and the scale applied to it ("2 mill" -> 1e6)."""
    value = _parse_value(match)
    if value is None:
        return None
    end = match.end()
    suffix = _suffix_pattern().match(text, end)
    assert suffix is not None  # every part is optional
    scale = 1.0
    unit: str | None = None
    kind: QuantityKind = "number"
    if suffix.group("combo_scale"):
        scale = _ATTACHED_SCALE.get(suffix.group("combo_scale").lower(), 1e3)
        code = suffix.group("combo_cur").upper()
        unit, kind = _currency("kr" if code == "KR" else code, language), "money"
    if suffix.group("att"):
        scale = _ATTACHED_SCALE[suffix.group("att").lower()]
    for index, (multiplier, _) in enumerate(_SCALE_WORDS):
        if suffix.group(f"s{index}"):
            scale = multiplier
    if suffix.group("pp"):
        unit, kind = "pp", "percent"
    elif suffix.group("pct"):
        unit, kind = "%", "percent"
    for index, (code, _) in enumerate(_CURRENCY_WORDS):
        if suffix.group(f"c{index}"):
            unit, kind = _currency(code, language), "money"
    if match.group("pre") and kind == "number":
        unit, kind = _currency(_currency_code(match.group("pre")), language), "money"
    if suffix.end() > end:
        end = suffix.end()
    elif end < len(text) and text[end].isalpha():
        return None  # "3D", "2nd", "10x": a number glued to a word is not a quantity
    if kind == "number":
        counted = _count_unit(text, end, language)
        if counted is not None:
            unit, kind, end = counted[0], "count", counted[1]
        elif scale == 1.0 and _is_bare_year(match):
            return None
    value *= scale
    if not math.isfinite(value):
        return None
    start = match.start()
    quantity = Quantity(
        value=value, unit=unit, kind=kind, start=start, end=end, text=text[start:end]
    )
    return quantity, scale


_YEAR_SPAN = re.compile(r"\S*\s+(?P<year>\d{4})$")  # "til 2000", "до 8000": read as a year


def counted_not_year(text: str, span: tuple[int, int], number_end: int, language: str) -> bool:
    """ "fra 1500 til 2000 kunder", "till 8000": a number the date reader took for a year
    ("til 2027") that is no year: a count follows it, or no calendar year is that large."""
    match = _YEAR_SPAN.match(text[span[0] : span[1]])
    if match is None or span[1] != number_end:
        return False
    year = int(match.group("year"))
    lang = normalize_language(language)
    return not 1900 <= year <= 2100 or _count_unit(text, number_end, lang) is not None


def extract_quantities(text: str, language: str) -> list[Quantity]:
    """Every quantity in ``text`` in order of appearance (see module docs for locale rules).

    Only the first ``MAX_TEXT_CHARS`` characters are read.
    """
    lang = normalize_language(language)
    text = text[:MAX_TEXT_CHARS]
    date_spans = find_date_spans(text, lang)
    date_starts = [start for start, _ in date_spans]
    found: list[tuple[Quantity, float]] = []
    for match in _number_pattern(lang).finditer(text):
        index = bisect_right(date_starts, match.start("int")) - 1
        in_date = index >= 0 and date_spans[index][1] > match.start("int")
        if in_date and not counted_not_year(text, date_spans[index], match.end("int"), lang):
            continue
        read = _read_one(text, match, lang)
        if read is not None:
            found.append(read)
    return _mark_ranges(text, found)


def _mark_ranges(text: str, found: list[tuple[Quantity, float]]) -> list[Quantity]:
    """ "20–30%" -> low 20 % and high 30 %; the low end takes the high end's unit and scale."""
    result = [quantity for quantity, _ in found]
    for i in range(len(result) - 1):
        (low, low_scale), (high, high_scale) = found[i], found[i + 1]
        between = text[low.end : high.start]
        if result[i].range_role or not re.fullmatch(_RANGE_DASH, between) or "\n" in between:
            continue  # "18k site visits\n- 410 signups": a list's dash, no range
        if between != between.strip() and _SAID_OF_IT.match(text, high.end):
            continue  # "till 4,6 – 4,7 är nog orealistiskt" ("14-15 000 er hva vi betaler" is one)
        update: dict[str, object] = {"range_role": "low"}
        if low.unit is None and high.unit is not None:
            update.update(unit=high.unit, kind=high.kind)
        if low_scale == 1.0 and high_scale > 1.0:
            update["value"] = low.value * high_scale
        elif _thousands_said_once(low.value, high.value, text[high.start : high.end]):
            update["value"] = low.value * 1000  # "14–15 000 i mnd": 14 000 to 15 000
        result[i] = low.model_copy(update=update)
        result[i + 1] = high.model_copy(update={"range_role": "high"})
    return result


_SAID_OF_IT = re.compile(r"\s+(?:is|was|are|er|var|blir|är|blev|это|было|был)\b", re.IGNORECASE)
_THOUSANDS_GROUP = re.compile(r"\d[ \u00a0\u202f.]\d{3}\b")


def _thousands_said_once(low: float, high: float, high_text: str) -> bool:
    """ "14–15 000": the thousands written once, on the high end, belong to both ends."""
    grouped = _THOUSANDS_GROUP.search(high_text) is not None
    return grouped and low < 1000 <= high and low * 1000 <= high


@cache
def _staff_patterns(language: Language) -> tuple[re.Pattern[str], ...]:
    def words(body: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])", re.IGNORECASE)

    return (
        words(_EMPLOYEE_WORDS[language]),
        words(_PEOPLE_WORDS[language]),
        words(_NOT_STAFF_MODIFIERS),
        re.compile(_STAFF_PHRASES[language].format(n=r"(\d{1,7})"), re.IGNORECASE),
        re.compile(_STAFF_CONTEXT[language], re.IGNORECASE),
        re.compile(_CORRECTION[language], re.IGNORECASE),
    )


def extract_staff_count(text: str, language: str) -> int | None:
    """How many people work in the company, or None when the text does not say.

    Employee words ("12 ansatte") always count; people words ("12 people", "12 человек")
    count in a sentence about the company or team. Negated numbers ("not 9") are skipped,
    and so are counts of hires ("5 more people"). A range gives its upper end; the first
    count left wins, unless a later one is said as a correction ("we are 9 people… actually
    40"). Zero, negative, fractional and absurd (> 1 000 000) counts give None.
    """
    lang = normalize_language(language)
    text = text[:MAX_TEXT_CHARS]
    employees, people, modifiers, phrase, context, correction = _staff_patterns(lang)
    candidates: list[tuple[int, float]] = []
    quantities = extract_quantities(text, lang)
    for position, quantity in enumerate(quantities):
        if quantity.unit != "people" or quantity.range_role == "low":
            continue  # of a range, the upper end is used
        first = quantities[position - 1] if quantity.range_role == "high" else quantity
        head = text[max(0, first.start - 20) : first.start]
        if re.search(_NEGATION_BEFORE, head, re.IGNORECASE) or modifiers.search(quantity.text):
            continue
        about_company = context.search(_sentence_around(text, quantity.start)) is not None
        if employees.search(quantity.text) or (people.search(quantity.text) and about_company):
            candidates.append((quantity.start, quantity.value))
    units_by_start = {quantity.start: quantity.unit for quantity in quantities}
    for match in phrase.finditer(text):
        group = next(i for i, value in enumerate(match.groups(), start=1) if value)
        if units_by_start.get(match.start(group)) in (None, "people"):  # not "нас 300 клиентов"
            candidates.append((match.start(group), float(match.group(group))))
    counts = [
        (start, int(v)) for start, v in sorted(candidates) if v == int(v) and 1 <= v <= _MAX_STAFF
    ]
    if not counts:
        return None
    chosen = counts[0]
    for (before, _), (start, value) in pairwise(counts):
        if correction.search(text, before, start):
            chosen = (start, value)
    return chosen[1]


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, position) for mark in ".!?\n") if i != -1]
    return text[start : min(ends) if ends else len(text)]
