"""Bare figures that are no metric's value. A figure that counts a thing of its own
("Парк 38 машин", "maybe 1,400 names", "ca 35 familjer i kö"): the thing is named right
after the number, and no metric counts it, whatever metric the rest of the sentence names
("old jobs …, maybe 1,400 names" is not 1,400 orders). A figure said as the average of
each one ("bruttofortjeneste per bil (ca 28 000 i snitt)") is no count of orders."""

from __future__ import annotations

import re

from assistant.knowledge.languages import stopwords
from assistant.understanding import cues
from assistant.understanding.metrics import cue_hits, metric_bank
from assistant.understanding.places import russian_noun
from assistant.understanding.quantities import Found

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
    return language != "ru" or russian_noun(word)


def an_average(text: str, found: Found, language: str, label: str) -> bool:
    """A bare figure said as an average of each one ("bruttofortjeneste per bil (ca 28 000 i
    snitt)") bound to a count: said so right beside it."""
    if "money" in metric_bank()[label].units:
        return False  # "средний чек 350 тыс.": an average is that metric's own value
    after = re.split(r"[\n.;]", text[found.end : found.end + AVERAGE_REACH])[0]
    before = re.split(r"[\n.;]", text[max(0, found.start - AVERAGE_REACH) : found.start])[-1]
    said_after = cues.search("average_said", language, after)
    said_before = [m for p in cues.patterns("average_said", language) for m in p.finditer(before)]
    right_after = said_after is not None and not after[: said_after.start()].strip()
    return right_after or any(not before[m.end() :].strip(" ~") for m in said_before)


AVERAGE_REACH = 16  # characters beside a figure that may say it is an average ("i snitt")
