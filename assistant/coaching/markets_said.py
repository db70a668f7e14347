"""A place the owner says is no market ("Offerta är inte en marknad, det är en
leadplattform", "remove Techman from the markets"): taken out of the markets, and the order
that said so removes nothing else."""

from __future__ import annotations

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.state import SessionState
from assistant.understanding import cues

STEM_LETTERS = 3  # "Тулу", "Туле" are "Тула": a place is named by its stem and an ending


def _names(word: str, market: str) -> bool:
    """The word names the market, in any case ending ("уберите Тулу": Тула)."""
    word, market = word.casefold(), market.casefold()
    stem = market[: max(STEM_LETTERS, len(market) - 1)]
    return word == market or (word.startswith(stem) and len(word) - len(stem) <= 2)


def _drop_locations(state: SessionState, facts: Facts, outcome: Outcome) -> None:
    """ "remove «2 restaurants» from the profile": a removal naming premises the profile
    holds takes them out of it."""
    profile = state.plan.profile
    orders = [
        (c.focus or c.words).casefold() for c in facts.commands if c.action == "drop_initiative"
    ]
    gone = [p for p in profile.locations if any(p.casefold() in o for o in orders)]
    if not gone:
        return
    profile.locations = [p for p in profile.locations if p not in gone]
    say = say_for(state)
    field = say.label("edit_fields", "locations")
    outcome.changes.append(
        say.say("edit_field", field=field, value=", ".join(profile.locations) or say.say("unknown"))
    )


def _about_profile(command: PlanCommand, language: str) -> bool:
    return cues.search("names_profile", language, command.focus or command.words) is not None


def _removed_by_order(command: PlanCommand, markets: list[str]) -> set[str]:
    """ "уберите Тулу", "remove Leeds": a removal whose object is a market held."""
    if command.action != "drop_initiative":
        return set()
    words = command.focus or command.words
    return {m for m in markets for w in words.split() if _names(w.strip(".,!?«»\"'"), m)}


def drop_denied_markets(state: SessionState, facts: Facts, outcome: Outcome) -> list[PlanCommand]:
    """The markets the message denies ("not in Leeds but …", "Offerta är inte en marknad",
    "уберите Тулу") are dropped; the commands left to carry out."""
    profile = state.plan.profile
    denied = {
        match.group("place")
        for pattern in cues.patterns("not_a_market", state.plan.language)
        for match in pattern.finditer(facts.said)
    }
    gone = [m for m in profile.markets if any(_names(d, m) for d in denied)]
    removing = {c.words: _removed_by_order(c, profile.markets) for c in facts.commands}
    gone += [m for found in removing.values() for m in found if m not in gone]
    _drop_locations(state, facts, outcome)
    language = state.plan.language
    facts.commands = [  # "уберите «2 ресторана» из городов в профиле": not a goal or a step
        c
        for c in facts.commands
        if not (c.action == "drop_initiative" and _about_profile(c, language)) or removing[c.words]
    ]
    facts.markets = [m for m in facts.markets if not any(_names(d, m) for d in [*denied, *gone])]
    if gone:  # "продаем не в Туле, а по всей России": Russia, said in the same breath
        profile.markets += [m for m in facts.markets if m not in profile.markets]
        profile.markets = [m for m in profile.markets if m not in gone]
        say = say_for(state)
        markets = ", ".join(profile.markets) or say.say("unknown")
        field = say.label("understood_fields", "markets")
        outcome.changes.append(say.say("edit_field", field=field, value=markets))
    return [
        c
        for c in facts.commands
        if not removing[c.words] and not any(d.casefold() in c.words.casefold() for d in denied)
    ]
