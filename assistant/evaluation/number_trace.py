"""An independent check that a number the coach stored was written by the owner.

The eval's own code, not the reader's: every numeral in a piece of text (digits, with any
grouping and decimal mark, an optional scale word, and small spelled-out numbers), and the
values an honest reader may derive from them (a scale, a ratio, a range midpoint, a relative
change). A stored value none of these explain is an *invented number*.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import product

from assistant.config import PROJECT_ROOT
from assistant.yamlfiles import parse_yaml

_NUMERAL = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d{3})*(?:[.,]\d+)?")
_SCALES = (1.0, 1e3, 1e6, 1e9)
_TIME_UNITS = (7.0, 24.0, 1 / 24, 60.0, 1 / 60)  # weeks, days and hours, hours and minutes
_TIME_WORD = re.compile(
    r"week|wk|uke|uka|veck|недел|hour|hrs|time|timm|час|minut|мин|day|dag|døgn|dygn|дн|день|сут",
    re.IGNORECASE,
)
_WORDS_FILE = PROJECT_ROOT / "evals" / "understanding" / "number_words.yaml"


@cache
def _number_words() -> dict[str, float]:
    data = parse_yaml(_WORDS_FILE.read_text(encoding="utf-8"))
    return {word: float(value) for word, value in data["words"].items()}


def _parse(raw: str) -> set[float]:
    """Both readings of a numeral whose separators are ambiguous ("1.500", "2,5")."""
    compact = raw.replace("\u00a0", " ").replace("\u202f", " ")
    readings = set()
    for group, decimal in ((",", "."), (".", ","), (" ", ","), (" ", ".")):
        candidate = compact.replace(group, "").replace(decimal, ".")
        try:
            readings.add(float(candidate))
        except ValueError:
            continue
    return readings


def numerals(text: str) -> set[float]:
    values: set[float] = set()
    for match in _NUMERAL.finditer(text):
        values |= _parse(match.group())
    lowered = text.lower()
    for word, value in _number_words().items():
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered):
            values.add(value)
    return values


def _all_counts(text: str) -> list[float]:
    """Every whole number said, repeats kept, in order: the items of a listed team ("two
    partners, four accountants and an admin")."""
    lowered = text.lower()
    said = [(m.start(), float(m.group())) for m in re.finditer(r"(?<![\d.,])\d+(?![\d.,]\d)", text)]
    for word, value in _number_words().items():
        said += [
            (m.start(), value) for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)
        ]
    return [value for _, value in sorted(said)]


LISTED_ONES = 3  # "me", "my wife", "an admin": items of a list that count one each


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.011, 0.006 * max(abs(a), abs(b)))


def derivable(text: str) -> set[float]:
    """Values an honest reader may take from ``text``."""
    base = numerals(text)
    if _TIME_WORD.search(text):  # "2 weeks" in days, "24 hours" as 1 day
        base |= {n * k for n in base for k in _TIME_UNITS}
    scaled = {n * s for n in base for s in _SCALES}
    derived = set(scaled) | {0.0} | {n + k for n in base for k in (1, 2)}  # "me and my wife + 6"
    pairs = list(product(base, base))
    for a, b in pairs:
        if b:
            derived.add(100 * a / b)
            derived.add(100 / b)
        derived |= {(a + b) / 2 * s for s in _SCALES}
        derived |= {(a * s + b) / 2 for s in _SCALES}  # "40-50 000": the thousands said once
        derived |= {a * s * (1 + b / 100) for s in _SCALES}
        derived |= {a * s * (1 - b / 100) for s in _SCALES}
        derived |= {(a - b) * s for s in _SCALES} | {(a + b) * s for s in _SCALES}
    total = sum(_all_counts(text))  # a head count summed from a listed team
    derived |= {total + k for k in range(LISTED_ONES + 1)}
    return derived


def traceable(value: float, text: str) -> bool:
    return any(_close(value, candidate) for candidate in derivable(text))
