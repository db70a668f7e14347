"""A place the owner says is no market ("Offerta är inte en marknad, det är en
leadplattform", "remove Techman from the markets"): taken out of the markets, and the order
that said so removes nothing else."""

from __future__ import annotations

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.state import SessionState
from assistant.understanding import cues


def drop_denied_markets(state: SessionState, facts: Facts, outcome: Outcome) -> list[PlanCommand]:
    """The markets the message denies are dropped; the commands left to carry out."""
    profile = state.plan.profile
    denied = {
        match.group("place").casefold()
        for pattern in cues.patterns("not_a_market", state.plan.language)
        for match in pattern.finditer(facts.said)
    }
    gone = [m for m in profile.markets if m.casefold() in denied]
    if gone:
        profile.markets = [m for m in profile.markets if m not in gone]
        say = say_for(state)
        markets = ", ".join(profile.markets) or say.say("unknown")
        field = say.label("understood_fields", "markets")
        outcome.changes.append(say.say("edit_field", field=field, value=markets))
    return [c for c in facts.commands if not any(d in c.words.casefold() for d in denied)]
