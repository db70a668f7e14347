"""The business's own premises, as the owner counts them ("vi selger over disk i 3 egne
butikker", "two salons"): kept in the profile's locations, at any stage of the talk, and
said back once when they change."""

from __future__ import annotations

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.facts import Facts
from assistant.coaching.state import SessionState
from assistant.understanding import cues
from assistant.understanding.text import sentences, without_quoted


def note_sites(state: SessionState, facts: Facts, outcome: Outcome) -> None:
    """The last count of own premises the message says becomes the profile's locations: a
    count said with words of owning ("we run", "egne"), never of serving ("клиентов")."""
    language = state.plan.language
    said = [s.text for s in sentences(without_quoted(facts.said))]  # not the coach's words
    owned = [  # "… i de 3 egne butikkene... altså 3 butikker": owning said just before
        found
        for n, sentence in enumerate(said)
        if (found := cues.search("own_sites", language, sentence)) is not None
        and cues.search("sites_owned", language, " ".join(said[max(0, n - 1) : n + 1]))
        and cues.search("sites_served", language, sentence) is None
    ]
    if not owned:  # "таких клиентов 2 ресторана": customers, not premises
        return
    sites = owned[-1].group("sites").strip()
    profile = state.plan.profile
    if profile.locations == [sites]:
        return
    profile.locations = [sites]
    say = say_for(state)
    field = say.label("edit_fields", "locations")
    outcome.changes.append(say.say("edit_field", field=field, value=sites))
