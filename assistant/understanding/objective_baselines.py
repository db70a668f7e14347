"""Today's value of an objective said outside its own words: a figure of the sentence before
that the objective points back at, a figure of the same metric said earlier, or a figure
described earlier in words the objective repeats ("about 170 children attend … I want 230
children by September")."""

from __future__ import annotations

import re

from assistant.knowledge.languages import analyze
from assistant.understanding import cues
from assistant.understanding.metrics import cue_hits, fits, metric_bank
from assistant.understanding.objective_scopes import Scope
from assistant.understanding.quantities import Found, in_unit
from assistant.understanding.reading import Amount, MetricFact
from assistant.understanding.stems import shared_words, snowball_root, word_set
from assistant.understanding.text import clauses, containing, sentences, span_of, without_dates


def referred_baseline(
    text: str, scope: Scope, language: str, target: Amount, amounts: list[Found]
) -> Amount | None:
    """ "Bathroom jobs are 30 % of our work. I want that to 50 %": the figure of the sentence
    before, in the target's unit, when the objective points back at it."""
    words = text[scope.start : scope.end]
    if cues.search("anaphora", language, words) is None:
        return None
    lead = sentences(text)
    before = [p for p in lead if p.end <= scope.start]
    if not before:
        return None
    previous = before[-1]
    found = [
        a
        for a in amounts
        if previous.start <= a.start < previous.end and a.amount.unit == target.unit
    ]
    return found[-1].amount if found else None


def known_baseline(
    metrics: list[MetricFact],
    kpi: str,
    target: Amount | None,
    scope: Scope,
    said: Said,
    direction: str | None = None,
) -> Amount | None:
    """Today's value of the objective's metric, said earlier in the message: the latest
    ("capacity for 30 new patients a month, but we get maybe 12"); one said in another
    sentence only if that sentence names what the objective names ("20 orders a month" is not
    today's count of "a subscription with 150 members"), and on the side of the target the
    owner's verb says ("under 8 %": above 8 today)."""
    own = sentences(said[0])
    for metric in reversed(metrics):
        if metric.kpi != kpi or (target is not None and metric.amount.span == target.span):
            continue
        if metric.amount.span.start >= scope.end:
            continue
        if not _names_it(metric.amount.span.start, scope, own, said, kpi):
            continue
        if direction and target is not None and not _consistent(metric.amount, target, direction):
            continue  # "6 % a month, 14 % in summer … summer churn under 8 %": not the 6
        if target is None or in_unit(metric.amount, target.unit) is not None:
            return metric.amount
        if metric.amount.unit == "money" and target.unit == "count":  # "…1,3 млн, хочу 2 млн"
            return metric.amount
    return None


Said = tuple[str, str]  # the owner's text and its language


def _names_it(position: int, scope: Scope, own: list, said: Said, kpi: str) -> bool:
    """The figure's sentence is the objective's, shares a word with it, or names the same
    metric by its own words ("møter ikke 7 % opp" … "halvere uteblivelsene")."""
    text, language = said
    sentence = containing(own, position)
    if sentence is None or sentence.start <= scope.start < sentence.end:
        return True  # said in the objective's own sentence
    words = _undated(text[scope.start : scope.end], language)
    if shared_words(words, _undated(sentence.text, language), language) > 0:
        return True
    return _names_metric(sentence.text, kpi, language) and _names_metric(words, kpi, language)


def _undated(words: str, language: str) -> str:
    """The words without their dates, figures and stretches of time: "within 12 months" and
    "a week" name no metric."""
    words = re.sub(r"\d[\d\s.,]*", " ", without_dates(words, language))
    for period in cues.patterns("period_words", language):
        words = period.sub(" ", words)
    return words


def _same_words(objective: str, described: str, language: str) -> bool:
    """The two name one thing: a shared word by its first letters, or the same long word
    said twice ("детей" and "детей", whose root is too short to compare)."""
    if shared_words(objective, described, language):
        return True
    common = set(cues.raw("common_words").get(language, ()))
    long_words = {w for w in word_set(objective) if len(w) >= LONG_WORD} - common
    return bool(long_words & word_set(described))


def _same_root(objective: str, item: str, language: str) -> bool:
    """A figure's own few words share a root with the objective, however short ("сети" and
    "сетей"): within one item of a list a short root is enough to say what the figure is."""
    common = {
        snowball_root(w, language, SHORT_ROOT) for w in cues.raw("common_words").get(language, ())
    }
    said = {snowball_root(w, language, SHORT_ROOT) for w in word_set(objective)} - common - {None}
    return bool(said & {snowball_root(w, language, SHORT_ROOT) for w in word_set(item)})


LONG_WORD = 5
SHORT_ROOT = 3
CAPACITY_REACH = 20  # "room for ", "plass til ": the words right before a figure
PEOPLE = "people"  # a head count ("6 anställda") is the team, never a goal's today


def _consistent(found: Amount, target: Amount | None, direction: str | None) -> bool:
    """In the target's unit and on the side of it the owner's verb says ("grow to 230":
    today below 230)."""
    if target is None:
        return found.unit != "%" or direction is None
    converted = in_unit(found, target.unit)
    if converted is None or converted.value == target.value:
        return False
    if direction == "increase":
        return converted.value < target.value
    if direction == "decrease":
        return converted.value > target.value
    return True


def _describing(text: str, found: Found) -> tuple[str, str]:
    """The words that describe a figure: its own clause, and its sentence up to the end of
    that clause ("No-shows are a real problem, I'd say 8 or 9 a week")."""
    sentence = containing(sentences(text), found.start)
    if sentence is None:
        return "", ""
    parts = clauses(sentence)
    clause = containing(parts, found.start) or sentence
    start = _named_before_dash(text, parts, clause)
    return text[start : clause.end], text[sentence.start : clause.end]


_DASH = re.compile(r"\s+[-–—]\s+")


def _named_before_dash(text: str, parts: list, clause) -> int:
    """Where a figure's own words start: "сети Magnum и Small – около 30 %" names the 30 %
    before its dash, so the clause before a dash belongs to the figure after it."""
    before = [p for p in parts if p.end <= clause.start]
    if not before or not _DASH.fullmatch(text[before[-1].end : clause.start]):
        return clause.start
    named = before[-1]
    return named.start + named.text.rfind(":") + 1  # "Продаём оптом: перекупщики – 60 %"


def _names_metric(described: str, kpi: str | None, language: str) -> bool:
    return kpi is not None and any(
        label == kpi for _, _, label in cue_hits(described, language, len(described))
    )


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
EXTRA_LETTERS = 2  # "debiteringsgr" and "debiteringsgrad" are one word; "maskin" and
# "maskinfører" (machines, machine operators) are two


def _counted(text: str, end: int, language: str) -> str | None:
    """The stem of the word right after a figure: what a bare count counts."""
    word = _NEXT_WORD.match(text, end)
    stems = analyze(word.group(1), language) if word else []
    return stems[0] if stems else None


def _other_things(text: str, found: Found, target: Amount | None, language: str) -> bool:
    """ "14 maskiner" is not today's value of "få inn 4 maskinførere": two counts, each of a
    thing named right after it, and not the same thing."""
    if target is None or "count" not in (found.amount.unit, target.unit):
        return False
    said = _counted(text, found.end, language)
    aimed = _counted(text, target.span.end, language)
    if not said or not aimed:
        return False
    short, long = sorted((said, aimed), key=len)
    return not (long.startswith(short) and len(long) - len(short) <= EXTRA_LETTERS)


def described_baseline(
    text: str,
    objective: str,
    kpi: str | None,
    language: str,
    target: Amount | None,
    direction: str | None,
    earlier: list[Found],
) -> Amount | None:
    """The figure said before the objective, outside every objective, described in words
    the objective repeats or by its metric's cue ("debiteringsgrad … ligger på ca 71 %" for
    "debiteringsgrad 78 %") and on the side of the target the owner's verb says. Sentences
    are searched from the latest back; inside one, a figure whose own clause names the
    metric comes before one whose sentence does."""
    named = _undated(objective, language)
    if kpi is None:  # "25 % mer omsetning der": revenue of a part is not the whole business's
        for pattern in cues.patterns("money_words", language):
            named = pattern.sub(" ", named)
    spec = metric_bank().get(kpi or "")
    lines = sentences(text)
    by_sentence: dict[int, list[Found]] = {}
    for found in earlier:
        fitting = spec is None or fits(spec, found.amount)
        if (
            found.counted != PEOPLE
            and fitting
            and _consistent(found.amount, target, direction)
            and not _other_things(text, found, target, language)
            and not _a_fee_for_another_aim(text, found, objective, language)
            and not cues.search("capacity_before", language, text[: found.start][-CAPACITY_REACH:])
        ):  # "plass til 800 dekksett, men bare 420 står inne": room is not today's figure
            sentence = containing(lines, found.start)
            by_sentence.setdefault(sentence.start if sentence else -1, []).append(found)
    for start in sorted(by_sentence, reverse=True):
        for reach in (0, 1):  # the figure's own clause first, then its sentence so far
            for found in by_sentence[start]:
                described = _undated(_describing(text, found)[reach], language)
                if (
                    _same_words(named, described, language)
                    or (reach == 0 and _same_root(named, described, language))
                    or _names_metric(described, kpi, language)
                ):
                    return found.amount
    return None


FEE_REACH = 24  # characters after a figure that may say it is a fee


def _a_fee_for_another_aim(text: str, found: Found, objective: str, language: str) -> bool:
    """ "we pay 15–18 % in commission": no today's value of the direct-booking share."""
    after = text[found.end : found.end + FEE_REACH]
    fee = cues.search("fee_after", language, after) is not None
    return fee and cues.search("fee_words", language, objective) is None


def unnamed_aim_baseline(
    text: str, target: Amount, everything: list[Found], language: str
) -> Amount | None:
    """ "we have 22 year-round maintenance contracts right now (…) and I want 45 by end of
    2027": a count aimed at with no word for what it counts is of the count said just before
    it in the same sentence."""
    if target.unit != "count" or _counted_word(text, target.span.end, language):
        return None
    lines = sentences(text)
    own = containing(lines, target.span.start)
    before = [
        f
        for f in everything
        if f.amount.unit == "count"
        and f.end <= target.span.start
        and own is not None
        and own.start <= f.start
        and f.counted != PEOPLE
        and _counted_word(text, f.end, language)
    ]
    return before[-1].amount if before else None


def _counted_word(text: str, end: int, language: str) -> bool:
    """A word right after the figure names what it counts ("22 contracts"), not a date's or
    an order's word ("45 by", "45 til")."""
    word = _NEXT_WORD.match(text, end)
    return bool(word) and not cues.search("figure_lead_in_word", language, word.group(1))


SHORT_SENTENCE = 6  # words: a sentence this short before an aim may say there is none yet


def none_yet_baseline(text: str, scope: Scope, target: Amount, language: str) -> Amount | None:
    """ "Har ingen i dag. Kunne tenke meg 50 betalende nettmedlemmer": a count or share aimed
    at, when its sentence or the one before says there is none today, starts from 0 (so
    does money from a new line: "£40k a year by end of 2027, today it's zero")."""
    if target.unit not in ("count", "%", "money"):
        return None
    lines = sentences(text)
    at = target.span.start if target.span is not None else scope.start
    own = containing(lines, at)  # the target's sentence: "…, today it's none. Second, …"
    if own is None:  # gives the aim before it its zero, not the next one
        return None
    before = [p for p in lines if p.end <= own.start]
    short = before and len(before[-1].text.split()) <= SHORT_SENTENCE  # "Har ingen i dag."
    for piece in [own, before[-1]] if short else [own]:
        found = cues.search("none_today", language, piece.text)
        if found is not None:
            start = piece.start + found.start("none")
            return Amount(
                value=0,
                unit=target.unit,
                currency=target.currency,
                span=span_of(text, start, start + len(found.group("none"))),
            )
    return None


def missing_channel_baseline(
    text: str, kpi: str | None, target: Amount, language: str
) -> Amount | None:
    """ "No online ordering; orders arrive by phone … at least 40 % of repeat orders through
    a self-service channel": the share of a channel the owner says they do not have is 0."""
    if target.unit != "%":
        return None
    for pattern in cues.raw("channel_missing").get(kpi or "", {}).get(language, ()):
        found = cues.compiled(pattern).search(text)
        if found is not None:
            return Amount(value=0, unit="%", span=span_of(text, found.start(), found.end()))
    return None


def launched_market_baseline(
    text: str, scope: Scope, target: Amount, language: str
) -> Amount | None:
    """ "lansera i Norge och Finland och få 15 % av omsättningen därifrån": the share from a
    place the owner has yet to launch in is 0 today."""
    words = text[scope.start : scope.end]
    launch = cues.search("launches_in", language, words)
    if target.unit != "%" or launch is None or not cues.search("from_there", language, words):
        return None
    start = scope.start + launch.start()
    return Amount(value=0, unit="%", span=span_of(text, start, scope.start + launch.end()))


_SAID_RIGHT_AFTER = re.compile(r"(?:[^.!?;\d]|\.(?=\w)){0,60}")  # "… av bokningarna kommer via"


def complement_baseline(
    text: str, kpi: str | None, target: Amount, everything: list[Found], language: str
) -> Amount | None:
    """ "85 % av bokningarna kommer via Booking.com … 35 % direktbokningar": a share that is
    the rest of the one the owner gave starts from 100 less it; the span is their figure."""
    other = cues.raw("share_complement").get(kpi or "")
    if target.unit != "%" or other is None:
        return None
    given = [
        f
        for f in everything
        if f.amount.unit == "%"
        and f.end <= target.span.start
        and (after := _SAID_RIGHT_AFTER.match(text, f.end)) is not None
        and cues.search(other, language, after.group()) is not None
    ]
    if len(given) != 1 or not 0 < given[0].amount.value < 100:
        return None
    return given[0].amount.model_copy(update={"value": round(100 - given[0].amount.value, 1)})
