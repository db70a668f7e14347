"""Which way the owner says a goal should go ("mål 3 ska ÖKA inte minska", "goal 2 is
backwards"). The verbs of rise and fall are data (``reading_cues.yaml``: increase, decrease,
turn_goal, goal_reversed); a verb denied right before it ("not decrease", "а не уменьшить")
does not count."""

from __future__ import annotations

from assistant.coaching.plan import Direction
from assistant.understanding import cues


def direction_said(words: str, language: str, current: Direction | None) -> Direction | None:
    """The direction the words ask for; "backwards" turns the current one round."""
    said = {
        way
        for way in ("increase", "decrease")
        for pattern in cues.patterns(way, language)
        for match in pattern.finditer(words)
        if not cues.search(
            "denied_before", language, words[max(0, match.start() - 12) : match.start()]
        )
    }
    if len(said) == 1:
        return next(iter(said))  # type: ignore[return-value]
    if not said and cues.search("goal_reversed", language, words) and current is not None:
        return "decrease" if current == "increase" else "increase"
    return None
