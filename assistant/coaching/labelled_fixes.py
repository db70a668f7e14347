""" "Own website: yes", "orders per month should be 38, not 0", "change own website to yes",
"What you do should be 'landscaping and garden maintenance'": the owner corrects a line of
the coach's own notes the way it was shown, by its label. The line takes the new value
whole, and the reply says so; a value the line cannot hold (a "maybe" for a yes/no
question, a word for a figure) changes nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.gaps import score_maturity
from assistant.coaching.messages import Messages
from assistant.coaching.state import SessionState
from assistant.extraction import extract_quantities
from assistant.regex_cache import compiled
from assistant.understanding import cues
from assistant.understanding.text import denied_notes, sentences

MOST_NAME_WORDS = 8  # a longer "value" is a sentence, not a trade or a name
_QUOTES = "'\"“”«»‘’„"
_ASIDE = re.compile(r"\s\(")  # an aside in brackets after the value is no part of it
_SIGN = re.compile(r"\s*(?::|=|→|->|—|–)\s*")  # "markets: Bergen", "рынок — вся Россия"
_LIST = re.compile(r"\s*,\s*|\s+(?:and|og|och|и)\s+", re.IGNORECASE)  # "Bergen og Oslo"


@dataclass
class Line:
    label: str  # as the coach shows it: "Own website", "What you do", "Orders per month"
    apply: Callable[[str], str | None]  # sets the value said; the value as shown, or None
    said_as: str | None = None  # a cue for the other ways owners name it ("где мы продаём")
    listed: bool = False  # the value may be a list of names ("Tyskland, Nederland og Norge")


def labelled_fixes(state: SessionState, said: str) -> list[str]:
    """Each line of the notes the message names by its label with a new value, set; the
    changes as said back ("Own website → yes")."""
    say = Messages(state.language)
    changes: list[str] = []
    lines = _lines(state, say)
    for sentence in sentences(_without_denied_notes(said, state.language)):
        if sentence.text.rstrip().endswith("?"):
            continue  # "where did 'customer satisfaction followed: yes' come from?"
        for line in lines:
            value = value_after_label(
                sentence.text, line.label, state.language, line.said_as, line.listed
            )
            shown = line.apply(value) if value else None
            if shown is not None:
                changes.append(say.say("edit_field", field=line.label, value=shown))
    if changes:
        score_maturity(state)
    return changes


def _without_denied_notes(said: str, language: str) -> str:
    """'du skrev "Säkerhetsrutiner: ja" – det har vi inte': a note quoted back and denied
    is what was wrong, not the new value; blanked, every position kept."""
    for note in denied_notes(said, language):
        said = said[: note.start()] + " " * len(note.group()) + said[note.end() :]
    return said


def value_after_label(
    text: str, label: str, language: str, said_as: str | None = None, listed: bool = False
) -> str | None:
    """The value said for ``label`` (or as the cue ``said_as`` names it) in ``text`` ("Own
    website: yes", "change own website to yes"), up to its clause's end and before an old
    value ("38, not 0"); or None."""
    named = compiled(rf"(?<!\w){re.escape(label)}(?!\w)", re.IGNORECASE)
    for match in named.finditer(text):
        if _of_a_goal_or_step(text[: match.start()], language):
            continue  # "Цель 2: название → «…»": the goal's name, not the business's
        joint = _joint(text, match.start(), match.end(), language)
        if joint is not None:
            return _value_from(text[joint:], language, listed)
    other = [
        m for p in (cues.patterns(said_as, language) if said_as else ()) for m in p.finditer(text)
    ]
    for match in other:  # "…markedene – endre markeder til Tyskland": the order says it
        if cues.search("label_verb", language, text[: match.start()]):
            for pattern in cues.patterns("label_to", language):
                if found := pattern.match(text, match.end()):
                    return _value_from(text[found.end() :], language, listed)
    for match in other:  # not "our market is tough"
        if found := _SIGN.match(text, match.end()):
            return _value_from(text[found.end() :], language, listed)
    return None


def _of_a_goal_or_step(before: str, language: str) -> bool:
    """The label follows "goal 2:" or "step 3" in its own clause: it is that item's line."""
    clause = re.split(r"[.;!?\n]", before)[-1]
    keys = ("goal_reference", "initiative_reference")
    return any(cues.search(key, language, clause) for key in keys)


def _joint(text: str, start: int, end: int, language: str) -> int | None:
    """Where the value starts after a label: after "to" in an order naming it ("set own
    website to yes"), else after a joint such as ":" or "should be"."""
    if cues.search("label_verb", language, text[:start]):
        for pattern in cues.patterns("label_to", language):
            if found := pattern.match(text, end):
                return found.end()
    for pattern in cues.patterns("label_joint", language):
        if found := pattern.match(text, end):
            return found.end()
    return None


_LIST_GOES_ON = re.compile(r",\s+(?=[^\W\d_]*[A-ZÆØÅÄÖА-ЯЁ])")  # "Tyskland, Nederland"


def _value_from(rest: str, language: str, listed: bool = False) -> str | None:
    """The value said after a label, up to its end; a list of names ("Tyskland, Nederland og
    Norge") runs on over its commas, up to a comma before another order ("…, fjern Lofoten")."""
    if listed:
        rest = _LIST_GOES_ON.sub(" ¦ ", rest)  # kept past the value's end at commas
    ends = [m.start() for p in cues.patterns("label_value_end", language) if (m := p.search(rest))]
    aside = _ASIDE.search(rest) if not rest.lstrip().startswith(tuple(_QUOTES)) else None
    ends += [aside.start()] if aside else []  # "Harbourside Eyecare (third time!)"
    value = rest[: min(ends, default=len(rest))].strip().strip(_QUOTES).strip()
    return value.replace(" ¦ ", ", ") or None


def _lines(state: SessionState, say: Messages) -> list[Line]:
    profile = state.plan.profile
    fields = "understood_fields"

    def industry(value: str) -> str | None:
        if not _a_name(value) or value == profile.industry:
            return None
        profile.industry = value
        return value

    def business_name(value: str) -> str | None:
        if not _a_name(value) or value == profile.business_name:
            return None
        profile.business_name = value
        return value

    def markets(value: str) -> str | None:
        places = [p.strip() for p in _LIST.split(value) if p.strip()]
        if not places or not all(_a_name(p) for p in places) or places == profile.markets:
            return None
        profile.markets = places
        return ", ".join(places)

    lines = [
        Line(say.label(fields, "industry"), industry),
        Line(say.label(fields, "business_name"), business_name),
        Line(say.label(fields, "markets"), markets, said_as="markets_label", listed=True),
    ]
    lines += [_answer_line(state, q.id, q.short.get(state.language) or "", say) for q in _asked()]
    count = len(state.plan.current_state.metrics)
    lines += [_metric_line(state, index, say) for index in range(count)]
    return [line for line in lines if line.label]


def _asked() -> list:
    return [q for q in load_maturity_questions().questions if q.kind == "yes_partial_no"]


def _answer_line(state: SessionState, question_id: str, label: str, say: Messages) -> Line:
    def answer(value: str) -> str | None:
        said = _answer_word(value, state.language)
        if said is None or state.maturity_answers.get(question_id) == said:
            return None
        state.maturity_answers[question_id] = said
        return say.label("answer_values", said)

    return Line(label, answer)


def _answer_word(value: str, language: str) -> str | None:
    for answer, by_language in cues.raw("label_answers").items():
        if any(compiled(p, re.IGNORECASE).search(value) for p in by_language.get(language, ())):
            return str(answer)
    return None


def _metric_line(state: SessionState, index: int, say: Messages) -> Line:
    metric = state.plan.current_state.metrics[index]

    def figure(value: str) -> str | None:
        said = extract_quantities(value, state.language)
        if not said or said[0].value == metric.value:
            return None
        metric.value = said[0].value
        shown = f"{said[0].value:g}"
        unit = say.unit(metric.unit, said[0].value) if metric.unit else ""  # "kunder"
        return f"{shown} {unit}".strip()

    return Line(metric.name, figure)


def _a_name(value: str) -> bool:
    words = value.split()
    return 0 < len(words) <= MOST_NAME_WORDS and any(c.isalpha() for c in value)
