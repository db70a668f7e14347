"""Steps the owner turns down before a roadmap exists ("a webshop?? we're plumbers", "so no
webshop stuff please"): remembered, so no roadmap proposes them, and said back."""

from __future__ import annotations

from assistant.coaching.business import tools_said
from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.facts import Facts
from assistant.coaching.messages import Messages
from assistant.coaching.state import SessionState
from assistant.coaching.words import initiatives_named, initiatives_refused
from assistant.understanding import cues
from assistant.understanding.intents import RHETORICAL
from assistant.understanding.maturity import read_maturity
from assistant.understanding.text import sentences, without_cue, without_quoted


def refused_steps(words: str, language: str, describing: bool = False) -> list[str]:
    """The steps an objection turns down: those named in a sentence that refuses or objects
    ("a webshop?? we're plumbers", "so no webshop stuff please"), not every step a longer
    message names ("half of bookings … booked online", "more google reviews"). While the
    owner ``describing`` today's business, "no analytics" says what they lack, not a refusal."""
    words = without_cue(words, "not_a_refusal", language)  # "backups is don't know"
    words = without_quoted(words)  # '"Routine tasks … by hand" is wrong': the coach's words
    said = sentences(words)
    refusing = [
        s.text
        for s in said
        if _scoffed(s.text, language)
        or (
            not describing
            and not s.text.rstrip().endswith("?")  # "Du förstår inte ”sms-påminnelser”?"
            and not cues.search("goal_reference", language, s.text)  # "Mål 2 handlar inte om …"
            and not cues.search("coach_did", language, s.text)  # "no you replaced the … goal"
            and not cues.search("label_swapped", language, s.text)  # "it's not bookings, it's …"
            and not cues.search("not_a_goal", language, s.text)  # "…, det er ikke et mål"
            and not cues.search(
                "lacks_not_refuses", language, s.text
            )  # "ikke … i dag – det vil vi"
            and not cues.search("has_it_already", language, s.text)  # "…är automatiskt"
            and (
                initiatives_refused(s.text, language) or cues.search("objection", language, s.text)
            )
        )
    ]
    asked_for = {
        step
        for s in said
        if cues.search("add_order", language, s.text)
        for step in initiatives_named(s.text, language)
    }  # "… Add online booking please": wanted, whatever else the message says of it
    had = _had_already(words, language) if refusing else set()
    refused = initiatives_named(" ".join(refusing), language)
    return [s for s in refused if s not in asked_for and s not in had]


def _had_already(words: str, language: str) -> set[str]:
    """ "No no, customers CAN book online – on our booking engine": the objection says the
    business has what the step would bring, so the step is no refusal (the roadmap leaves it
    out for having it)."""
    has = {f"has_{tool}" for tool in tools_said(words, language)}
    said = read_maturity(words, language, [])  # what they have; a "??" scoff says nothing
    if any(f.topic == BUYS_ONLINE and f.answer == "yes" for f in said):
        has |= {"has_online_booking", "has_webshop", "sells_online"}  # "bokning på nätet är JA"
    if any(f.topic == "website" and f.answer == "yes" for f in said):
        has.add("has_website")  # "… on our website booking engine": no site to refuse
    return {
        spec.id
        for spec in load_kpi_catalogue().initiatives
        if has & {*spec.fit.never_when, *spec.fit.only_for_pains_when}
    }


BUYS_ONLINE = "webshop"  # the topic "can customers buy or book online?"
SCOFF_WORDS = 6  # "Nettbutikk?? Vi er rørleggere": a short scoff, not a longer question


def _scoffed(sentence: str, language: str) -> bool:
    """ "a webshop??" turns the step down; "what do you mean none of my goals needs online
    booking??" asks about the coach's words."""
    if not RHETORICAL.search(sentence) or len(sentence.split()) > SCOFF_WORDS:
        return False
    return not cues.search("why_question", language, sentence)


def leave_out(state: SessionState, words: str) -> list[str]:
    """Initiatives the owner rejects before a roadmap exists ("a webshop?? we're plumbers"):
    remembered, so the roadmap never proposes them; returns their titles."""
    describing = state.stage in ("profile", "current_state")
    refused = refused_steps(words, state.plan.language, describing)
    spec_ids = [s for s in refused if s not in state.removed_initiatives]
    state.removed_initiatives = list(dict.fromkeys([*state.removed_initiatives, *spec_ids]))
    titles = load_kpi_catalogue().titles(state.plan.language)
    return [titles[i] for i in spec_ids]


def left_out_beside_aims(state: SessionState, facts: Facts, text: str) -> list[str]:
    """ "…4) more google reviews. we don't sell online, so no webshop stuff please": the
    aims are read as aims, and the steps refused beside them are left out."""
    if not facts.goals:
        return []
    titles = leave_out(state, text)
    return [Messages(state.language).say("left_out", items="; ".join(titles))] if titles else []
