"""The new name an order gives a goal or a step: quoted, after "to", after a naming verb
("skal hete", "call it"), the Y of "not X, it's Y"; never a verdict ("goal 3 is wrong")."""

from __future__ import annotations

import re

from assistant.coaching.command_lanes import without_lane
from assistant.extraction import SUPPORTED_LANGUAGES
from assistant.understanding import cues

_QUOTED = re.compile(
    r"^[^'\"“”«‘\n]*?(?<![\w])['\"“”«‘](?P<name>[^'\"“”«»‘’\n]{2,120})['\"“”»’](?!\w)"
)
_SAID_AFTER = re.compile(
    r"^\s*(?:it\s+|det\s+|den\s+)?(?:(?:to|as|till|til|в|на)(?!\w)|:)\s*:?\s*"
    r"(?P<name>[^.!?;\n]{2,240})",
    re.IGNORECASE,
)


_NAMING_END = re.compile(
    r"(?:hete|heta|called|read|call (?:it|that one|the [\w-]+ one)|rename (?:it|that)|"
    r"lyde|lyda|называ\w*|звуча\w*|kpi|кпи|metric|nøkkeltall|"
    r"nyckeltal|name|navn\w*|namn\w*|показатель|название|=|:|—|\bis|\ber|\bär|be|(?<!\w)это|"
    r"it's|det er|det är|\bmen|\butan|(?<!\w)а|"
    r"\b(?:er|är)\s+mål\s*\d+)\s*$",
    re.IGNORECASE,
)
_BARE_NAME = re.compile(r"^\s*(?P<name>[^\W\d][^.!?;\n(]{1,240})")
_FOR_GOAL = re.compile(r",?\s*(?:for|för|для)\s+(?:goal|mål(?:et)?|цели)\s*\d\s*$", re.I)
_LANE_FIRST = re.compile(
    r"^\s*(?:in|into|to|i|til|till|under|в|на)\s+[«\"”]?(?:the\s+)?(?:now|next|later|nå|neste|"
    r"senere|nu|nästa|senare|сейчас|далее|позже)[»\"”]?\s*:",
    re.IGNORECASE,
)
_TOPIC_FIRST = re.compile(r"^\s*(?:for|för|til|till|для|по)\s+[^:.!?\n'\"“”«»]{1,40}:")
_OLD_NAME_CUE = re.compile(
    r"\b(?:not|ikke|inte|не|instead of|i stedet for|istället för|вместо)\s*$", re.IGNORECASE
)
_NOT_X_BUT_Y = re.compile(
    r"^[\s,:;–—-]*(?:it(?:'s|’s| is)|this is|det er|det är|это)?\s*(?:not|ikke|inte|не)\s+"
    r"[^,;.!?\n]{2,60}[,;]\s*(?:(?:it(?:'s|’s| is)|but|det er|det är|men|utan|а|это)\s+)"
    r"(?P<name>[^.!?;\n]{2,120})",
    re.IGNORECASE,
)
_NOT_THE_OLD = re.compile(r",?\s+(?:not|ikke|inte|а не|не)\s.*$", re.IGNORECASE)


def new_name(after: str, order: str = "") -> str | None:
    """The name said after a rename order: in quotes when quoted, else the rest of the
    sentence ("goal 2 should read 'Checkatrade share of enquiries'", "rename goal 1 to EV
    installs", "mål 3 skal bare hete svinn på planter", "mål 2 er medlemmer i kundeklubben,
    ikke aktive kunder"). The order's cue may end inside its word ("добавьте инициатив|у:
    …")."""
    whole = after  # a name may come in a later sentence (see ``_said_apart``)
    after = re.sub(r"^\w+", "", after)
    after = _TOPIC_FIRST.sub(":", after)  # "legg til et tiltak for produktsalg: …"
    after = _LANE_FIRST.sub(":", after)  # "legg til et tiltak i Nå: …"
    after = re.split(r"[.!?\n](?:\s|$)", after, maxsplit=1)[0]  # the order's own sentence
    after = without_lane(after)  # "…, в «Сейчас»": where, not a name
    contrast = _NOT_X_BUT_Y.match(after)  # "rename goal 3, it is NOT X, it's Y"
    if contrast:
        return contrast.group("name").strip(" ,:–-\"'“”«»") or None
    quoted = _QUOTED.match(after)
    if quoted and _OLD_NAME_CUE.search(after[: quoted.start("name") - 1]):
        quoted = None  # "rename goal 2 to workshops per year, not 'last year'": the old name
    found = quoted or _SAID_AFTER.match(after)
    if found is None and _NAMING_END.search(order):
        found = _BARE_NAME.match(after)
    name = _NOT_THE_OLD.sub("", found.group("name")).strip(" ,:–-") if found else ""
    if _a_verdict(name):  # "Goal 3 is wrong - its not …": no name, unless said apart
        return _said_apart(whole)
    name = _before_go_ahead(name)  # "Eaton Google reviews, and then yes, go ahead"
    return _FOR_GOAL.sub("", name) or None  # "…, for mål 2": which goal, not the name


_GO_ON_CLAUSE = re.compile(r"\s*[,;–—-]\s+(?:and\s+|then\s+|og\s+|och\s+|и\s+|så\s+)+")


def _before_go_ahead(name: str) -> str:
    """A name said in the same breath as "…, and then yes, go ahead" ends before it."""
    for clause in _GO_ON_CLAUSE.finditer(name):
        rest = name[clause.end() :]
        if any(cues.search("go_ahead", lang, rest) for lang in SUPPORTED_LANGUAGES):
            return name[: clause.start()]
    return name


def _a_verdict(name: str) -> bool:
    return any(cues.search("verdict_not_name", lang, name) for lang in SUPPORTED_LANGUAGES)


def _said_apart(after: str) -> str | None:
    """ "… its a swimming school! it's the % of children who re-enrol": the name the owner
    gives in a sentence of its own, once a verdict stood where the name would be."""
    for lang in SUPPORTED_LANGUAGES:
        for pattern in cues.patterns("name_said_apart", lang):
            for found in pattern.finditer(after):
                name = found.group("name").strip(" ,:–-")
                if not _a_verdict(name) and not name.lower().startswith(("a ", "an ")):
                    return name
    return None
