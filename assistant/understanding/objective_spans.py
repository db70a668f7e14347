"""Where an objective's own words start in the message."""

from __future__ import annotations

import re

from assistant.understanding.reading import Amount


def objective_start(text: str, start: int, baseline: Amount | None) -> int:
    """Where the objective's words start: with today's value when it is said just before in
    the same sentence or the same list item ("3. Vinterservice: dec–feb har vi 40
    servicejobb i månaden … Vill ha minst 100": the aim counts service jobs, not
    "wintertime")."""
    before = baseline.span.start if baseline is not None else start
    if before >= start or "\n" in text[before:start]:
        return start
    line = text.rfind("\n", 0, before) + 1
    head = _LIST_MARK_START.sub("", text[line:before])
    if not _SENTENCE_ENDS.search(head):  # "3. Vinterservice: dec–feb har vi 40 …"
        return line
    if _SENTENCE_ENDS.search(text[before:start]):
        return start  # today's value in a sentence of its own, mid-paragraph
    return max(m.end() for m in _SENTENCE_ENDS.finditer(text, line, before))


_LIST_MARK_START = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-•*])\s+")
_SENTENCE_ENDS = re.compile(r"[.!?]\s+")
