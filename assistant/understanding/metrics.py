"""Which metric a number belongs to, by meaning and unit (``knowledge/data/metric_bank.yaml``).

A number is bound to a metric whose unit fits it: first by the metric's cue words in the
number's own clause, nearest to the number; failing that, by the nearest labelled example
phrasing in the shipped multilingual embedding model, when it is close enough.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np

from assistant.config import PROJECT_ROOT
from assistant.understanding import cues
from assistant.understanding.reading import Amount
from assistant.yamlfiles import parse_yaml

BANK_FILE = PROJECT_ROOT / "knowledge" / "data" / "metric_bank.yaml"
MIN_SIMILARITY = 0.5  # below this, the nearest example is not the same metric
_UNIT_GROUPS = {
    "money": "money",
    "%": "%",
    "count": "count",
    "hours": "hours",
    "days": "days",
    "minutes": "minutes",
    "score": "score",
    "stars": "stars",
}


@dataclass(frozen=True)
class MetricSpec:
    label: str
    units: tuple[str, ...]
    category: str
    kpi: str | None
    cues: dict[str, tuple[re.Pattern[str], ...]]
    examples: dict[str, tuple[str, ...]]
    once: bool = False  # a time it takes once ("a quote within 24 hours"), never per week
    new_ones: bool = False  # counts new ones ("new patients", "leads"), not a total
    share_via: bool = False  # the share done through a channel ("40 % of repeat orders
    # through self-service"): it names a share figure over what the share is of
    base: bool = False  # everyone the business has at one time ("140 company accounts"),
    # never a count per day or week ("250-300 customers a day" come through the door)


SHORT_PERIODS = ("day", "week")
SHARE_VIA_REACH = 60  # characters from a share figure to the channel it is done through
WHOLE_WORD = "="  # "=ig": a whole word only ("ig" is not in "big")
COMPOUND_LANGUAGES = frozenset({"nb", "sv"})  # "grossistkunder": the head ends the word
COMPOUND_HEAD = 6


def _cue_pattern(cue: str, language: str) -> re.Pattern[str]:
    word = re.escape(cue.lower().removeprefix(WHOLE_WORD))
    if cue.startswith(WHOLE_WORD):
        return re.compile(rf"(?<![^\W\d_]){word}(?![^\W\d_])", re.IGNORECASE)
    if language in COMPOUND_LANGUAGES and len(cue) >= COMPOUND_HEAD and cue.isalpha():
        return re.compile(rf"{word}", re.IGNORECASE)
    return re.compile(rf"(?<![^\W\d_]){word}", re.IGNORECASE)


@cache
def metric_bank() -> dict[str, MetricSpec]:
    data = parse_yaml(BANK_FILE.read_text(encoding="utf-8"))["metrics"]
    return {
        label: MetricSpec(
            label=label,
            units=tuple(spec["units"]),
            category=spec.get("category", "other"),
            kpi=spec.get("kpi"),
            cues={
                lang: tuple(_cue_pattern(c, lang) for c in cs) for lang, cs in spec["cues"].items()
            },
            examples={lang: tuple(xs) for lang, xs in spec["examples"].items()},
            once=bool(spec.get("once", False)),
            new_ones=bool(spec.get("new_ones", False)),
            share_via=bool(spec.get("share_via", False)),
            base=bool(spec.get("base", False)),
        )
        for label, spec in data.items()
    }


def label_for_catalogue_kpi(kpi_id: str | None) -> str | None:
    """The bank's label for a catalogue KPI id (None when the bank has none)."""
    return next((m.label for m in metric_bank().values() if m.kpi == kpi_id), kpi_id)


def catalogue_kpi(label: str | None) -> str | None:
    spec = metric_bank().get(label or "")
    return spec.kpi if spec else None


_SCALED = re.compile(
    r"\d\s*(?:k|m|mn|bn|mill\w*|million\w*|miljon\w*|milj\w*|mln|mkr|msek|mnok|tusen|"
    r"thousand|grand|тыс\w*|млн|миллион\w*)\.?$",
    re.IGNORECASE,
)


def scaled(amount: Amount) -> bool:
    """ "6,5 mill", "20k", "45 млн": a sum of money said without its currency."""
    return amount.unit == "count" and _SCALED.search(amount.span.text.strip()) is not None


def fits(spec: MetricSpec, amount: Amount) -> bool:
    if spec.once and amount.period is not None:  # "6 hours a week on quotes" is a load
        return False
    if spec.base and amount.period in SHORT_PERIODS:  # "250-300 kunder om dagen": footfall
        return False
    unit = _UNIT_GROUPS.get(amount.unit or "count", amount.unit)
    if unit == "stars":
        unit = "score" if "score" in spec.units and "stars" not in spec.units else unit
    if "money" in spec.units and scaled(amount):
        return True
    return unit in spec.units


def cue_hits(text: str, language: str, position: int) -> list[tuple[float, int, str]]:
    """(distance from ``position``, label) for every cue found in ``text``, nearest first.
    Owners borrow English terms in every language ("AOV", "leads", "churn"), so English
    cues count everywhere. A cue after the number counts a little more than one before it
    at the same distance; among equals the longer cue wins ("new patients" over
    "patients")."""
    return _weighed(_cues_in(text, language), position)


Said = tuple[int, int, int, str]  # a cue found: start, end, its pattern's length, its label


def _cues_in(text: str, language: str) -> list[Said]:
    found = []
    for spec in metric_bank().values():
        borrowed = spec.cues.get("en", ()) if language != "en" else ()
        for pattern in spec.cues.get(language, ()) + borrowed:
            for match in pattern.finditer(text):
                found.append((match.start(), match.end(), len(pattern.pattern), spec.label))
    return found


def _weighed(found: list[Said], position: int) -> list[tuple[float, int, str]]:
    hits = []
    for start, end, length, label in found:
        before = end <= position
        distance = position - end if before else start - position
        hits.append((max(distance, 0) * (1.2 if before else 1.0), -length, label))
    return sorted(hits)


FEE_REACH = 24  # characters after a percentage that may say it is a fee


def bind_by_cues(
    text: str,
    language: str,
    position: int,
    amount: Amount,
    settle: bool = True,
    said_before: frozenset[str] = frozenset(),
) -> str | None:
    """The nearest cue whose metric fits the amount; at the same distance a time said once
    ("quotes within 24 hours") goes to a metric of such times, not to a weekly load, and a
    word two metrics share goes to the one the text names more often. Unless ``settle``,
    a shared word the text does not settle gives None, for a wider text to settle
    ("the newsletter (mailchimp, 1,900 subscribers)": newsletter subscribers). A shared word
    goes to a metric ``said_before`` ("310 active subscribers … subscribers at 600")."""
    bank = metric_bank()
    after = text[position : position + FEE_REACH]
    if amount.unit == "%" and cues.search("fee_after", language, after):
        return None  # "Pitchup takes 15% commission": a fee, no share of anything
    found = _cues_in(text, language)  # read once: the figure's own words, then the sentence
    own = _own_hits(text, found, language, position, amount)
    if own is None:
        return None
    hits = own or _weighed(found, position)
    named = Counter(label for _, label in {(hit[0], hit[2]) for hit in hits})  # at each place
    fitting = [hit for hit in hits if fits(bank[hit[2]], amount)]
    once_first = amount.period is None  # at the same distance and length, a time said once

    def rank(hit: tuple[float, int, str]) -> tuple:
        once = once_first and not bank[hit[2]].once
        return hit[0], hit[1], once, hit[2] not in said_before, -named[hit[2]]

    fitting.sort(key=rank)
    if not fitting:
        return None
    via = [h for h in fitting if bank[h[2]].share_via and h[0] <= SHARE_VIA_REACH]
    if amount.unit == "%" and via:  # "40 % of repeat orders through self-service"
        return via[0][2]
    tied = {hit[2] for hit in fitting if rank(hit) == rank(fitting[0])}
    return fitting[0][2] if settle or len(tied) == 1 else None


_CLAUSE_EDGE = re.compile(r"[,;:()\n]|\s(?:and|og|och|и|but|men|а|но)\s", re.IGNORECASE)
_FIGURE = re.compile(r"\d(?:[\d\s.,–-]*\d)?")


def _own_window(text: str, position: int, length: int) -> tuple[int, int]:
    """The figure's own words: from the first clause edge after the figure before it, to the
    last clause edge before the figure after it ("65 % via Booking.com and 35 % direct")."""
    figures = list(_FIGURE.finditer(text))
    before = max((m.end() for m in figures if m.end() <= position), default=0)
    after = min((m.start() for m in figures if m.start() >= position + length), default=len(text))
    edges_before = [m.end() for m in _CLAUSE_EDGE.finditer(text, before, position)]
    edges_after = [m.start() for m in _CLAUSE_EDGE.finditer(text, position + length, after)]
    start = edges_before[0] if edges_before and before else before
    end = edges_after[-1] if edges_after and after < len(text) else after
    return start, end


def _own_hits(
    text: str, found: list[Said], language: str, position: int, amount: Amount
) -> list[tuple[float, int, str]] | None:
    """The cues in the figure's own words when one of them fits it; None (no metric) for a
    share said of a booking site or marketplace with no cue of its own ("55 % via
    Booking.com, 30 % direct"); else [] (the sentence decides)."""
    start, end = _own_window(text, position, len(amount.span.text))
    hits = _weighed([c for c in found if start <= c[0] and c[1] <= end], position)
    bank = metric_bank()
    if any(fits(bank[label], amount) for _, _, label in hits):
        return hits
    if amount.unit == "%" and cues.search("platform_named", language, text[start:end]):
        return None
    return []


@cache
def _example_matrix(language: str) -> tuple[tuple[str, ...], np.ndarray]:
    from assistant.knowledge.embeddings import USEEmbeddings

    labels, texts = [], []
    for spec in metric_bank().values():
        for example in spec.examples.get(language, ()) + spec.examples.get("en", ()):
            labels.append(spec.label)
            texts.append(example)
    vectors = np.asarray(USEEmbeddings().embed_documents(texts), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return tuple(labels), vectors


def bind_by_meaning(text: str, language: str, amount: Amount | None) -> tuple[str, float] | None:
    """The nearest example's metric among those whose unit fits, with its similarity."""
    from assistant.knowledge.embeddings import USEEmbeddings
    from assistant.understanding.maturity_meaning import MEANING_LANGUAGES

    if language not in MEANING_LANGUAGES:
        return None
    labels, matrix = _example_matrix(language)
    query = np.asarray(USEEmbeddings().embed_query(text), dtype=np.float32)
    scores = matrix @ (query / (np.linalg.norm(query) or 1.0))
    bank = metric_bank()
    for index in np.argsort(-scores):
        label = labels[index]
        if amount is None or fits(bank[label], amount):
            similarity = float(scores[index])
            return (label, similarity) if similarity >= MIN_SIMILARITY else None
    return None
