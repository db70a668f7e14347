"""The head count an owner gives as a list of roles: "two partners, four accountants and an
admin" is 7, "sju montører, to lærlinger, meg og kona mi" is 11, "7 врачей, плюс 5
администраторов" is 12. The roles, the owner's own words and family words are data
(``reading_cues.yaml``: team_roles, team_owner, team_family)."""

from __future__ import annotations

import re
from functools import cache

from assistant.understanding import cues
from assistant.understanding.reading import Span
from assistant.understanding.text import sentences, span_of

_ASIDE = re.compile(r"\s*\([^()]{0,60}\)")  # a remark in brackets between two roles
MIN_ITEMS = 2  # one role alone ("three lads") is left to the staff patterns


@cache
def _item_pattern(language: str) -> re.Pattern[str]:
    """A counted role ("four accountants", "a part-time lass", never "one of the coaches"),
    the owner ("me", "meg"), or a family member ("my son", "kona mi")."""
    numbers = sorted(cues.raw("number_words").get(language, {}), key=len, reverse=True)
    one = cues.raw("team_one").get(language, [])
    count = "|".join([r"\d+", *map(re.escape, numbers), *one])
    places = "|".join(cues.raw("team_place").get(language, [])) or "$^"
    roles = "|".join([*cues.raw("team_roles").get(language, []), places])  # "2 in the office"
    owner = "|".join(cues.raw("team_owner").get(language, []))
    family = "|".join(cues.raw("team_family").get(language, []))
    of = "|".join(cues.raw("team_partitive").get(language, [])) or "$^"
    return re.compile(
        rf"(?<![\w-])(?:(?P<count>{count})\s+(?!(?:{of})\s)(?:[\w-]+\s+){{0,3}}?(?P<role>{roles})"
        rf"(?:\s+(?:{places}))?"  # "8 engineers on the road"
        rf"|(?P<named>{roles})\s+(?P<after>\d+)(?![\d.,%])"  # "Педагогов 9": the role first
        rf"|(?P<family>{family})|(?P<owner>{owner}))(?![\w-])",
        re.IGNORECASE,
    )


def _value(match: re.Match[str], language: str) -> float:
    if match["count"] is None and match["after"] is None:
        return 1.0
    said = (match["count"] or match["after"]).lower()
    return cues.number_word(said, language) or 1.0  # "a", "an", "en", "ett", "один": one


def team_size(text: str, language: str) -> tuple[int, Span] | None:
    """The largest head count a sentence lists as roles, with the words it is read from."""
    found: list[tuple[int, Span]] = []
    joiner = cues.compiled(cues.raw("team_joiner").get(language, r"\s*,\s*"))
    included = cues.compiled(cues.raw("team_included").get(language, "$^"))
    for sentence in sentences(text):
        said = included.sub(lambda m: " " * len(m.group(0)), sentence.text)  # "incl. me"
        said = _ASIDE.sub(lambda m: " " * len(m.group(0)), said)  # "Me (owner, I teach), 2 …"
        matches = list(_item_pattern(language).finditer(said))
        run: list[re.Match[str]] = []
        for match in matches:
            between = said[run[-1].end() : match.start()] if run else ""
            if run and not joiner.fullmatch(between):
                found += _counted(run, sentence.start, text, language)
                run = []
            run.append(match)
        found += _counted(run, sentence.start, text, language)
    return max(found, key=lambda f: f[0]) if found else None


def _counted(
    run: list[re.Match[str]], offset: int, text: str, language: str
) -> list[tuple[int, Span]]:
    if len(run) < MIN_ITEMS or not any(m["role"] or m["named"] for m in run):
        return []
    values = [_value(m, language) for m in run]
    total = int(sum(values))
    parts = sum(values[1:])
    if cues.search("team_total", language, run[0].group(0)) and parts <= values[0]:
        total = int(values[0])  # "9 ansatte, 7 snekkere + meg og kona": the 9, broken down
    after = text[offset + run[-1].end() : offset + run[-1].end() + AFTER_LAST]
    if cues.search("team_altogether", language, after) and total - values[-1] <= values[-1]:
        total = int(values[-1])  # "two vets (me and my partner), 9 staff altogether"
    return [(total, span_of(text, offset + run[0].start(), offset + run[-1].end()))]


AFTER_LAST = 20  # characters after the last role read for "altogether", "in total"


def counts_people(text: str, end: int, language: str) -> bool:
    """ "11 engineers on the road", "2 in the office", "4 frisører": the number just before
    ``end`` counts people in a role or a place of work: the team, not a business figure."""
    roles = [*cues.raw("team_roles").get(language, []), *cues.raw("team_place").get(language, [])]
    if not roles:
        return False
    pattern = cues.compiled(rf"\s*(?:{'|'.join(roles)})\b")
    return pattern.match(text, end) is not None
