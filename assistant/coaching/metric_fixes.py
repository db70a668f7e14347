"""A goal's measure said again with the one it replaces: "it's not bookings per month, it's
average people per night", "goal 3 is visitors per night Tue–Thu, 35 → 70, not bookings",
"mål 4 er andel av omsetningen, ikke kunder". The goal whose shown measure (its name, its
KPI or its unit) the replaced words name is renamed; a sentence that names no such goal
changes nothing. The ways of saying it are language data (``metric_not`` in
``knowledge/data/reading_cues.yaml``)."""

from __future__ import annotations

import re

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.goal_lookup import drafted
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Target
from assistant.coaching.say_back import objective_name
from assistant.coaching.state import SessionState
from assistant.coaching.words import words_shared
from assistant.understanding import cues
from assistant.understanding.text import sentences

_FIGURES_ON = re.compile(r"[\s,(–-]*(?:from\s+|fra\s+|från\s+|с\s+)?\d.*$", re.IGNORECASE)


def _measure_said(raw: str) -> str:
    """The owner's name for a measure, without the figures said after it or quote marks."""
    return _FIGURES_ON.sub("", raw).strip(" ,:;–-\"'«»“”")


def metric_fixes(state: SessionState, facts: Facts) -> list[PlanCommand]:
    """A rename order for each sentence that replaces a goal's measure by the owner's; the
    sentence is then no aim of its own ("unit is visitors" is not a new goal)."""
    found: list[PlanCommand] = []
    for sentence in sentences(facts.said):
        renames = [c.words for c in facts.commands if c.action == "rename_goal"]
        if any(sentence.text.strip() in words for words in renames):
            continue  # read as a rename already
        command = _renamed(state, sentence.text)
        if command is not None:
            found.append(command)
            facts.goals = [g for g in facts.goals if g.text.strip() not in sentence.text]
    found += _denied_then_said(state, facts, {c.number for c in found})
    return found


LATER = 2  # sentences after a denied measure in which the owner may say the right one
LABEL_WORDS = 3  # "Цель 2", "goal 3": a label the line's dash cut off from its sentence


def _denied_then_said(
    state: SessionState, facts: Facts, done: set[int | None]
) -> list[PlanCommand]:
    """ "цель 2 - это не конверсия интернет-магазина, у нас его нет! Это конверсия из заявки
    в договор": the measure denied in one sentence is replaced by the one said after it."""
    language, shown = state.language, shown_measures(state)
    pieces = [p.text for p in sentences(facts.said)]
    found = []
    for at, piece in enumerate(pieces):
        label = pieces[at - 1] if at and len(pieces[at - 1].split()) <= LABEL_WORDS else ""
        sentence = f"{label} {piece}".strip()  # "Цель 2 | - это не …": a dash cuts the line
        denied = cues.search("measure_denied", language, sentence)
        number = cues.search("goal_reference", language, sentence)
        if denied is None or number is None or int(number.group("n")) in done:
            continue
        index = int(number.group("n")) - 1
        if index >= len(shown) or not words_shared(shown[index], denied.group("old"), language):
            continue  # the goal does not count what is denied: nothing to replace
        said = next(
            (
                m
                for p in pieces[at + 1 : at + 1 + LATER]
                if (m := cues.search("measure_said", language, p))
            ),
            None,
        )
        if said is not None:
            name = _measure_said(said.group("new"))
            found.append(
                PlanCommand(action="rename_goal", number=index + 1, name=name, words=sentence)
            )
    return found


def _renamed(state: SessionState, sentence: str) -> PlanCommand | None:
    said = cues.search("metric_not", state.language, sentence)
    if said is None:
        return None
    name = _measure_said(said.group("new"))
    old, language, shown = said.group("old"), state.language, shown_measures(state)
    number = cues.search("goal_reference", language, sentence)
    named = [int(number.group("n")) - 1] if number else range(len(shown))
    shared = {n: words_shared(shown[n], old, language) for n in named if n < len(shown)}
    most = max(shared.values(), default=0)
    meant = [n for n, count in shared.items() if count == most and most > 0]
    if len(meant) != 1:  # "per month" alone is in many goals: the one saying most of it
        return None
    if said.groupdict().get("swap") is not None:  # "unit is visitors, not bookings"
        name = _swapped(measure_name(state, meant[0]), old, name)
    if not name or name.casefold() == old.strip().casefold():
        return None
    number_said = meant[0] + 1
    return PlanCommand(
        action="rename_goal", number=number_said, name=name, words=sentence, focus=sentence
    )


def measure_name(state: SessionState, index: int) -> str:
    """The name goal ``index`` is shown with."""
    if drafted(state):
        return state.plan.goals[index].metric or ""
    candidate = state.candidates[index]
    spec = load_kpi_catalogue().find_kpi(candidate.kpi_id)
    return candidate.name or (spec.name.get(state.language) if spec else "")


def _swapped(name: str, old: str, new: str) -> str:
    """ "bookings per month" with "visitors" for "bookings": the word and its forms."""
    stems = [w[:5] for w in re.findall(r"\w+", old) if len(w) > 2]
    if not stems:
        return new
    pattern = r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*"
    swapped = re.sub(pattern, new, name, flags=re.IGNORECASE)
    return swapped if swapped != name else new


def shown_measures(state: SessionState) -> list[str]:
    """What each goal is shown to count: its name, its KPI's name and its unit's word."""
    say = Messages(state.language)
    catalogue = load_kpi_catalogue()

    def kpi_name(kpi_id: str | None) -> str:
        spec = catalogue.find_kpi(kpi_id)
        return spec.name.get(state.language) if spec else ""

    if drafted(state):
        return [
            " ".join([g.metric or "", *(k.name for k in g.kpis), _unit_word(say, g.target)])
            for g in state.plan.goals
        ]
    return [  # as the summary names it ("Pub accounts") and by its KPI ("active customers")
        f"{objective_name(c, state.language) or ''} {kpi_name(c.kpi_id)}" for c in state.candidates
    ]


def _unit_word(say: Messages, target: Target | None) -> str:
    return say.label("units", target.unit) if target else ""
