"""The audiences and lists the owner already has (followers, a newsletter list, a waiting list,
a customer club), read from their words with knowledge/data/owned_channels.yaml. A plan for
more customers starts with the people who already know the business."""

from __future__ import annotations

import functools
import re

from assistant.coaching.business import NEGATION, WISHED
from assistant.config import PROJECT_ROOT
from assistant.yamlfiles import parse_yaml

CHANNELS_FILE = PROJECT_ROOT / "knowledge" / "data" / "owned_channels.yaml"
BEFORE = 30  # characters before a channel's name read for "no" or "want"
MOST_SAID = 3  # channels named in one sentence of the plan
WHOLE_WORD = 5  # a name this short is said as a whole word, not as the start of one
_CLAUSE_END = re.compile(r"[,.;:!?\n]")  # "Сайта нет, инстаграм завели": the "no" is the site's


@functools.cache
def _data() -> dict:
    return parse_yaml(CHANNELS_FILE.read_text(encoding="utf-8"))


def owned_channels(owner_words: str, language: str) -> list[str]:
    """The channels the owner says they have, in the order first said."""
    text = owner_words.lower()
    found: list[tuple[int, str]] = []
    for channel, spec in _data()["channels"].items():
        at = _first_had(text, spec["names"].get(language, []) + spec["names"]["en"])
        if at is not None:
            found.append((at, channel))
    return [channel for _, channel in sorted(found)]


def _first_had(text: str, names: list[str]) -> int | None:
    """Where a name is first said of something the business has (not "no newsletter", not
    "want to start a newsletter")."""
    spots, denied = [], []
    for name in names:
        whole = r"(?!\w)" if len(name) <= WHOLE_WORD else ""  # "insta", never "installert"
        for match in re.finditer(rf"(?<!\w){re.escape(name)}{whole}", text):
            before = _CLAUSE_END.split(text[max(0, match.start() - BEFORE) : match.start()])[-1]
            if NEGATION.search(before[-20:]):
                denied.append(match.start())
            elif not WISHED.search(before):
                spots.append(match.start())
    if denied and max(denied) > max(spots, default=-1):
        return None  # "Vi har ikke Instagram" said last: the owner has none, whatever came before
    return min(spots, default=None)


def start_with(channels: list[str], language: str) -> str | None:
    """The sentence that points a workstream at the owner's channels, or None."""
    if not channels:
        return None
    return _data()["start_with"][language].format(channels=said_together(channels, language))


def said_together(channels: list[str], language: str) -> str:
    """The channels as the plan names them, joined ("your Instagram and your newsletter list")."""
    data = _data()
    said = [data["channels"][c]["said"][language] for c in channels[:MOST_SAID]]
    joined = said[-1]
    if len(said) > 1:
        joined = f"{', '.join(said[:-1])} {data['and_word'][language]} {said[-1]}"
    return joined


def audience_data() -> dict:
    """The step that puts the owner's audiences to work (see audience_step)."""
    return _data()["audience_step"]
