""" "remove 'Orders per month: 40' (that's the 40 clients)", "40 isn't orders per month, it's
40 contract clients", «уберите «Заказы в месяц» из записей»: a figure of the notes that the
owner asks to take out, or says a figure is not, is taken out by the label it was shown
with; the reply says which."""

from __future__ import annotations

import re

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.facts import Facts
from assistant.coaching.messages import Messages
from assistant.coaching.plan import Metric
from assistant.coaching.state import SessionState
from assistant.understanding import cues
from assistant.understanding.text import sentences

DENIAL_REACH = 12  # "isn't ", "er ikke ", "это не ": the negation right before the label


def remove_noted_figures(state: SessionState, facts: Facts) -> list[str]:
    """Take out each figure the message asks to remove or says is not what it was noted as;
    the reply's line, or nothing."""
    metrics = state.plan.current_state.metrics
    said = sentences(facts.said)
    gone = [m for m in metrics if any(_taken_out(s.text, m, state.language) for s in said)]
    if not gone:
        return []
    state.plan.current_state.metrics = [m for m in metrics if m not in gone]
    names = {m.name for m in gone}  # "40 isn't orders per month": its 40 is not noted again
    facts.figures = [f for f in facts.figures if _kpi_name(f.kpi_id, state.language) not in names]
    items = "; ".join(m.name for m in gone)
    return [Messages(state.language).say("notes_removed", items=items)]


def _kpi_name(kpi_id: str | None, language: str) -> str | None:
    spec = load_kpi_catalogue().find_kpi(kpi_id) if kpi_id else None
    return spec.name.get(language) if spec else None


def _taken_out(sentence: str, metric: Metric, language: str) -> bool:
    """The sentence names the figure's label with an order to remove it, or right after a
    "not" ("40 isn't orders per month")."""
    label = re.compile(rf"(?<!\w){re.escape(metric.name)}(?!\w)", re.IGNORECASE)
    for match in label.finditer(sentence):
        before = sentence[max(0, match.start() - DENIAL_REACH) : match.start()]
        if cues.search("denied_before", language, before.rstrip(" '\"«“")):
            return True
        if cues.search("remove_note", language, sentence[: match.start()]):
            return True
    return False
