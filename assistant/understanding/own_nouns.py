"""A figure that counts a thing of its own ("Парк 38 машин", "maybe 1,400 names", "ca 35
familjer i kö"): the thing is named right after the number, and no metric counts it. Such
a figure is no metric's value, whatever metric the rest of the sentence names ("old jobs
…, maybe 1,400 names" is not 1,400 orders)."""

from __future__ import annotations

import re

from assistant.knowledge.languages import stopwords
from assistant.understanding import cues
from assistant.understanding.metrics import cue_hits

NAMED_WORDS = 3  # the words after a figure that may name what it counts ("regular customers")
_WORDS = re.compile(r"\s*((?:[^\W\d_][\w'-]*\s*){1,3})")
_CLAUSE_END = re.compile(r"[,;:!?()\n]|\.(?=\s|$)")
_ABBREVIATED = re.compile(r"/|\.\s?[^\W_A-ZА-ЯЁÅÄÖÆØ]")  # "resp. 9 000", "förfrågn/mån": shortened


def counts_own_thing(text: str, end: int, language: str) -> bool:
    """The figure ending at ``end`` is followed by a noun no metric counts."""
    after = text[end : end + 60]
    rest = _CLAUSE_END.split(after, maxsplit=1)[0]
    said = _WORDS.match(rest)
    if said is None:
        return False
    words = said.group(1).split()[:NAMED_WORDS]
    first = words[0].lower()
    if len(first) < 3 or first in stopwords(language) or not _noun(first, language):
        return False
    if words[0].isupper() or _ABBREVIATED.match(after, said.start(1) + len(words[0])):
        return False  # "~180 ООО и ИП", "15-20 förfrågn/mån", "4 000 resp. 9 000"
    if cues.search("not_own_noun", language, first):
        return False  # "typ 12 idag"
    return not cue_hits(" ".join(words), language, 0)


def _noun(word: str, language: str) -> bool:
    """Russian words are checked to be nouns (the dictionary knows); in the other languages
    a word that is not a stop word is taken to be what is counted."""
    if language != "ru":
        return True
    from assistant.understanding.places import _morph

    return "NOUN" in _morph().parse(word)[0].tag
