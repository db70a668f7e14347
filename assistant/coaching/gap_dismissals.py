""" "Den 'mangelen' om at kunder ikke kan kjøpe på nett er ikke relevant for et
regnskapsbyrå. Ta den bort.": the owner says a gap in the coach's notes does not hold. It
leaves the list of gaps (and the groundwork drafted for it); the answers and the maturity
scores stay as given."""

from __future__ import annotations

from assistant.coaching.facts import Facts
from assistant.coaching.gaps import answered_gaps, counted_answers, score_maturity
from assistant.coaching.messages import Messages
from assistant.coaching.state import SessionState
from assistant.coaching.words import words_shared
from assistant.understanding import cues
from assistant.understanding.stems import shared_words
from assistant.understanding.text import sentences

MIN_SHARED = 2  # words a sentence shares with a gap to name it ("kjøpe", "nett")
SHORT_FOLLOW = 6  # words: "Ta den bort." right after the sentence that names the gap


def dismiss_gaps(state: SessionState, facts: Facts) -> list[str]:
    """Each gap the owner names and says does not hold, taken off the list of gaps (and the
    "take it out" said of it is no order to drop a step); the changes as said back."""
    language = state.language
    changes: list[str] = []
    for said, remark in _gap_remarks(facts.said, language):
        gaps = answered_gaps(counted_answers(state), language)
        best = _gap_named(said, {q: text for q, (_, text) in gaps.items()}, language)
        if best is None:
            continue
        facts.commands = [
            c
            for c in facts.commands
            if not (c.action == "drop_initiative" and (c.focus or c.words).strip() in remark)
        ]
        state.dismissed_gaps.append(best)
        changes.append(Messages(language).say("gap_dismissed", gap=gaps[best][1].rstrip(".")))
        score_maturity(state)
    return changes


def _gap_named(said: str, gaps: dict[str, str], language: str) -> str | None:
    """The gap the remark names: the one it shares two words with, or the only one it shares
    a word of substance with, inflected or not ("booking" ~ "book"; "online" names none)."""
    written = {q: words_shared(said, text, language) for q, text in gaps.items()}
    rooted = {q: shared_words(said, text, language) for q, text in gaps.items()}
    best = max(gaps, key=lambda q: (written[q], rooted[q]), default=None)
    if best is not None and written[best] >= MIN_SHARED:
        return best
    named = [q for q, count in rooted.items() if count]
    return named[0] if len(named) == 1 else None


def _gap_remarks(said: str, language: str) -> list[tuple[str, str]]:
    """(the sentence, with a short order right after it) for each sentence that names a gap
    and says it does not hold ("… er ikke relevant. Ta den bort.")."""
    parts = [s.text for s in sentences(said)]
    found = []
    for n, part in enumerate(parts):
        following = parts[n + 1] if n + 1 < len(parts) else ""
        short = following if len(following.split()) <= SHORT_FOLLOW else ""
        remark = f"{part} {short}"
        if cues.search("gap_word", language, part) and cues.search(
            "gap_dismissed", language, remark
        ):
            found.append((part, remark))
    return found
