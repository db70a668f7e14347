"""The business as the owner described it in this session: its traits (trade, words,
whether it sells online, has a website or a CRM), the problems it described, and the
catalogue's initiatives that fit it."""

from __future__ import annotations

import re

from assistant.coaching.business import BusinessTraits, kind_of, misfit, traits_of
from assistant.coaching.catalogue import InitiativeSpec, load_kpi_catalogue
from assistant.coaching.state import SessionState
from assistant.understanding import cues as reading_cues
from assistant.understanding.cues import compiled as cue_pattern
from assistant.understanding.text import sentences


def session_kind(state: SessionState) -> BusinessTraits:
    """The kind of business only (family, how customers buy, tools): what its KPIs are
    measured in, read more cheaply than ``session_traits``."""
    return kind_of(state.plan.profile.industry, _owner_said(state), state.language)


def _owner_said(state: SessionState, also_said: str = "") -> str:
    messages = [also_said, *(t.content for t in state.transcript if t.role == "user")]
    said = "\n".join(messages)  # each message ends its sentence: no quote runs across two
    return said + "\n" + "\n".join(o.owner_words for o in state.plan.objectives)


def session_traits(state: SessionState, also_said: str = "") -> BusinessTraits:
    """The business as the owner described it (in the interview, or ``also_said`` in a
    brief): trade, their own words, and whether they sell online and have a website."""
    said = _owner_said(state, also_said)
    answers = {k: str(v) for k, v in state.maturity_answers.items()}
    share = state.plan.current_state.marketing.online_revenue_share_percent
    sells_online = _ANSWERED.get(answers.get("r_webshop", ""))
    if sells_online is None and share is not None:
        sells_online = share > 0
    has_website = _ANSWERED.get(answers.get("r_website", ""))
    traits = traits_of(state.plan.profile.industry, said, state.language, sells_online, has_website)
    has_crm = _IN_FULL_USE.get(answers.get("r_crm", ""))
    pains = pains_said(said, state.language)
    return traits.model_copy(update={"has_crm": has_crm, "pains": pains})


def fitting(state: SessionState) -> list[InitiativeSpec]:
    """The catalogue's initiatives that fit this business and the owner has not removed."""
    traits = session_traits(state)
    return [
        s
        for s in load_kpi_catalogue().initiatives
        if s.id not in state.removed_initiatives and misfit(s.fit, traits) is None
    ]


def pains_said(said: str, language: str) -> dict[str, str]:
    """Initiatives a problem the owner described calls for ("a website that doesn't work on
    a phone", "25 missed calls a day"), each with the clause that described it."""
    said_in = [  # "goal 3 should be called 'empty weekday slots'": a name, no problem told
        s.text.strip()
        for s in sentences(said)
        if s.text.strip() and not _names_a_goal(s.text, language)
    ]
    found: dict[str, str] = {}
    for spec in load_kpi_catalogue().initiatives:
        patterns = [cue_pattern(p) for p in spec.pains.get(language, ())]
        hit = next((_clause(s, m) for s in said_in for p in patterns if (m := p.search(s))), None)
        if hit is not None:
            found[spec.id] = hit
    return found


def _names_a_goal(sentence: str, language: str) -> bool:
    """The sentence orders a new name for a goal or step ("should be called …")."""
    return reading_cues.search("names_anew", language, sentence) is not None


_CLAUSE_END = re.compile(r"[,;:–—]\s")
MIN_CLAUSE = 20  # characters: a shorter clause is quoted with its whole sentence


def _clause(sentence: str, match: re.Match[str]) -> str:
    """The clause of ``sentence`` that holds the match ("… and a one-page website a mate
    built in 2017 that doesn't even work properly on a phone")."""
    starts = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, match.start())]
    end = _CLAUSE_END.search(sentence, match.end())
    clause = sentence[starts[-1] if starts else 0 : end.start() if end else len(sentence)]
    clause = clause.strip(" .!?")
    return clause if len(clause) >= MIN_CLAUSE else sentence.strip(" .!?")


_ANSWERED = {"yes": True, "partial": True, "no": False}  # some of it counts as having it
_IN_FULL_USE = {"yes": True, "partial": False, "no": False}  # a CRM half the team ignores
