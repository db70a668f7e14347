"""The business's own premises, as the owner counts them ("vi selger over disk i 3 egne
butikker", "two salons"): kept in the profile's locations, at any stage of the talk, and
said back once when they change."""

from __future__ import annotations

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.facts import Facts
from assistant.coaching.state import SessionState
from assistant.understanding import cues


def note_sites(state: SessionState, facts: Facts, outcome: Outcome) -> None:
    """The last count of own premises the message says becomes the profile's locations."""
    found = cues.search("own_sites", state.plan.language, facts.said)
    if found is None:
        return
    said = found.group("sites").strip()
    profile = state.plan.profile
    if profile.locations == [said]:
        return
    profile.locations = [said]
    say = say_for(state)
    field = say.label("edit_fields", "locations")
    outcome.changes.append(say.say("edit_field", field=field, value=said))
