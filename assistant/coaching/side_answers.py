"""Questions and asides during the interview: declined when the coach does not do that,
answered from the owner's own plan, in plain words ("what is a KPI?"), or from the guidance
when a passage is close enough; an off-topic line gets one line back, an objection before
anything is drafted is noted. The interview then resumes where it was."""

from __future__ import annotations

import re

from assistant.coaching import render
from assistant.coaching.advice import advice_on
from assistant.coaching.business import channels_named, misfit
from assistant.coaching.business_said import fitting, pains_said, session_traits
from assistant.coaching.catalogue import InitiativeSpec, load_kpi_catalogue, stand_in
from assistant.coaching.cues import cues
from assistant.coaching.definitions import definition
from assistant.coaching.facts import MAX_MESSAGE_CHARS, Facts
from assistant.coaching.grounding import Grounded, ground
from assistant.coaching.messages import Messages
from assistant.coaching.plan_answers import answer_plan_question, plan_question
from assistant.coaching.refusals import leave_out
from assistant.coaching.say_back import goals_so_far, noted_so_far
from assistant.coaching.state import SessionState
from assistant.coaching.step_advice import step_for_you
from assistant.coaching.why_answers import why_score
from assistant.coaching.words import initiatives_called, shares_a_word
from assistant.knowledge.glossary import concepts_in, specific_concepts
from assistant.knowledge.service import KnowledgeBase
from assistant.understanding import cues as reading_cues
from assistant.understanding.text import sentences

# A quote this close to a side question, or closer, answers it; below, the coach says it has
# no guidance rather than quote something beside the point (see the answers eval).
SIDE_ANSWER_SIMILARITY = 0.1
# A question said inside a longer answer ("no analytics, maybe the chain has it?") is often
# thinking aloud: quoted only when the guidance is this close, else "no guidance".
INLINE_SIMILARITY = 0.25
LANGUAGE_SLACK = 0.08  # a passage in the owner's language wins when nearly as close


def _own_language_first(found: list[Grounded], language: str) -> list[Grounded]:
    """The passages in the owner's language first when nearly as close as the best; the
    knowledge base has few articles per language, so the best passage may be in another
    (its quote then says which language it is in)."""
    if not found:
        return found
    best = found[0].similarity
    own = [
        g for g in found if g.result.language == language and g.similarity >= best - LANGUAGE_SLACK
    ]
    return own + [g for g in found if g not in own]


CATALOGUE_ANSWERS = 2  # initiatives described in one answer


def _from_catalogue(state: SessionState, question: str, problem: str = "") -> str | None:
    """ "is online booking even worth it for a workshop our size?": the curated initiative the
    question names (else the one for the ``problem`` described beside it), described in the
    owner's language, and what it would do for this business (in the plan already, the goal
    it serves, or why it does not fit)."""
    language = state.language
    catalogue = load_kpi_catalogue()
    named = initiatives_called(question, language)[:CATALOGUE_ANSWERS]  # said whole
    named = named or list(pains_said(problem, language))[:CATALOGUE_ANSWERS]
    fit = {s.id for s in fitting(state)}
    specs = [_for_this_business(s, fit) for s in catalogue.initiatives if s.id in named]
    specs = list({s.id: s for s in specs}.values())  # two named, one stand-in: said once
    specs = [s for s in specs if s.id in fit or not _made_for_others(state, s)] or specs[:1]
    if not specs:
        return None
    say = Messages(language)
    family = session_traits(state).family
    written = [(s, s.written_for(family, language)) for s in specs]  # "after each appointment"
    return "\n\n".join(
        say.say("catalogue_answer", title=title, description=description)
        + "\n"
        + step_for_you(state, s)
        for s, (title, description) in written
    )


def _shared_needed(asked_about: set[str], other_language: bool) -> int:
    """How many of the question's concepts a passage must speak of: one, or two (if asked)
    when it is in another language ("spend on Google Ads" is not answered by a Swedish line
    on launching a webshop "on budget")."""
    return max(1, min(2, len(asked_about))) if other_language else 1


def _made_for_others(state: SessionState, spec: InitiativeSpec) -> bool:
    """The step is for another kind of business ("a site for buyers" asked of by a
    guesthouse), not one this business has already."""
    why_not = misfit(spec.fit, session_traits(state))
    return why_not is not None and why_not not in spec.fit.never_when


def _for_this_business(spec: InitiativeSpec, fit: set[str]) -> InitiativeSpec:
    """The step as it is for this business: "online booking" for a campsite is direct
    booking on its own website, not a step it does not fit."""
    return stand_in(spec.id, lambda other: other.id in fit) or spec


def _small_talk(question: str, language: str) -> bool:
    """ "btw did you see the Leeds game?": answered with one line already, not searched."""
    return reading_cues.search("off_topic", language, question) is not None


LEAD_WORDS = 8  # a question this short ("Is that a good idea?") is about what came before


def _lead_in(question: str, said: str) -> str:
    """The sentence said just before a short question in the same message, or ""."""
    if len(question.split()) > LEAD_WORDS or question not in said:
        return ""
    before = [s.text for s in sentences(said[: said.index(question)]) if s.text.strip()]
    return before[-1] if before else ""


def _about_this_business(state: SessionState, question: str) -> bool:
    """The question names something of this business or its plan (its trade, a goal's or a
    step's words), though not in the guidance's vocabulary: no guidance, but not off-topic.
    Its town is no sign ("are Sheffield United at home on the 19th?")."""
    plan = state.plan
    said = [plan.profile.business_name or "", plan.profile.industry or ""]  # places: no
    said += [o.owner_words for o in plan.objectives] + [g.statement for g in plan.goals]
    said += [i.title for i in plan.roadmap]
    said += [t.content for t in state.transcript[-2:] if t.role == "assistant"]  # its reply
    words = " ".join(said)
    for place in [*plan.profile.markets, *plan.profile.locations]:  # "Sheffield United …"
        words = re.sub(rf"(?i)\b{re.escape(place)}\w*", " ", words)
    held = set(re.findall(r"\d+", words))  # "why 95/100?": a figure the coach showed
    sells_through = channels_named(question, state.language)  # "leave Booking.com?", "Avito?"
    return (
        shares_a_word(question, words, state.language)
        or bool(held & set(re.findall(r"\d+", question)))
        or bool(sells_through)
    )


def boundary(language: str, text: str, asked: bool) -> str | None:
    """The template key of a request the coach declines, if the message is one: a
    guarantee of results, legal/tax/financial advice (when asked), or its instructions."""
    table = cues(language)
    if table.compiled(table.instructions).search(text):
        return "boundary_instructions"
    if table.compiled(table.guarantee).search(text):
        return "boundary_guarantee"
    if asked and table.compiled(table.advice).search(_asked_part(text)):
        return "boundary_advice"  # "stock I update by hand" beside a question is no advice asked
    return None


def _asked_part(text: str) -> str:
    """The sentences that ask ("…?"), or the whole message when none has a question mark."""
    asking = [s.text for s in sentences(text) if "?" in s.text]
    return " ".join(asking) or text


LONG_QUESTION = 4  # paragraphs: a whole roadmap or goals list is not printed again


def _resumed(question: str) -> str:
    """The open question to come back to: a short one whole; of a whole roadmap or list of
    goals only its closing question (the plan panel and "show the roadmap" show the rest)."""
    paragraphs = [p for p in question.split("\n\n") if p.strip()]
    kept = [p for p in paragraphs if not _SOURCES.match(p)]
    return question if len(kept) < LONG_QUESTION else kept[-1]


_SOURCES = re.compile(r"^(?:Sources|Kilder|Källor|Источники)\s*:", re.IGNORECASE)


class SideAnswers:
    """Answers on the side of the interview, from the plan, definitions and the guidance."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def side_question(self, state: SessionState, text: str, facts: Facts | None = None) -> str:
        """A question or an aside: answered (or declined) in a few lines, and the interview
        resumes with the question it was waiting on."""
        say = Messages(state.language)
        text = text[:MAX_MESSAGE_CHARS]  # a pasted book is not searched whole
        if facts is not None and facts.intent == "off_topic" and not facts.asked:
            parts = [say.say("off_topic_ack")]
            state.acts.append("acknowledged")
        elif facts is not None and facts.intent == "objection":
            left_out = leave_out(state, text)
            noted = say.say("left_out", items="; ".join(left_out)) if left_out else None
            parts = [noted or say.say("objection_noted")]
            state.acts.append("acknowledged")
        else:
            parts = [self.answer(state, text)]
        if state.last_question:
            parts += [say.say("resume"), _resumed(state.last_question)]
        return "\n\n".join(parts)

    def inline_answers(self, state: SessionState, facts: Facts) -> list[str]:
        """Answers to the questions asked inside a longer message (its facts are stored as
        well); a turn that was itself a side question has none."""
        asked = [q for q in facts.asked if not (facts.aside and _small_talk(q, state.language))]
        return [self.answer(state, q, INLINE_SIMILARITY, facts.said) for q in asked]

    def answer(
        self,
        state: SessionState,
        question: str,
        floor: float = SIDE_ANSWER_SIMILARITY,
        said: str = "",
    ) -> str:
        """A decline for what the coach does not do, the plan's own answer to a question
        about the plan, else the guidance. A question about the plan is never declined for
        a word it shares with one ("with tax season in 8 weeks, what should I do first?")."""
        if reading_cues.search("asks_what_coach_needs", state.language, question):
            state.acts.append("answered")  # "Hva trenger du å vite?": the next question says
            return Messages(state.language).say("ask_as_we_go")
        kind = plan_question(question, state.language)
        declined = None if kind else boundary(state.language, question, asked=True)
        if declined:
            state.acts.append("declined")
            return Messages(state.language).say(declined)
        if kind == "list_goals":
            state.acts.append("answered")
            return goals_so_far(state)
        if kind == "what_noted":
            state.acts.append("answered")
            return noted_so_far(state)
        scored = why_score(state, question) if kind == "why_score" else None
        if scored:  # "why is data and security 100?": the answers it was scored from
            state.acts.append("answered")
            return scored
        offer = fitting(state) if kind == "how_goal" else []  # only a goal with no step asks
        found = answer_plan_question(state.plan, kind, question, offer) if kind else None
        if found:
            state.acts.append("answered")
            return found
        if kind == "first_step":  # "where do I start?" before anything is drafted
            state.acts.append("answered")
            quoted = self.answer_question(state, question, quiet=True, floor=floor)
            not_yet = Messages(state.language).say("plan_first_not_yet")
            return "\n\n".join(p for p in (not_yet, quoted) if p)
        advised = advice_on(question, state.language)  # "is TikTok worth it for us?"
        if advised is not None:
            state.acts.append("answered")  # when it pays, what the plan holds, any quote
            known = self._recommended(state, question)
            quoted = self.answer_question(state, question, quiet=True, floor=floor)
            return "\n\n".join(p for p in (advised, known, quoted) if p)
        defined = definition(question, state.language)
        if defined is None:
            known = self._recommended(state, question, said)
            if known is None:
                lead = _lead_in(question, said)  # "we'd leave Booking.com. Good idea?"
                return self.answer_question(state, question, floor=floor, lead=lead)
            state.acts.append("answered")  # what the coach recommends, then any quote
            quoted = self.answer_question(state, question, quiet=True, floor=floor)
            return "\n\n".join(p for p in (known, quoted) if p)
        state.acts.append("answered")  # in plain words, then what the guidance says, if any
        quoted = self.answer_question(state, question, quiet=True, floor=floor)
        return "\n\n".join(p for p in (defined, quoted) if p)

    def _recommended(self, state: SessionState, question: str, said: str = "") -> str | None:
        """The curated step the question names, or, when it asks what to do about a problem
        the message describes ("we miss 8-10 calls a week … What do you suggest for that?"),
        the step for that problem; never when it asks for specifics the coach does not hold
        (a price, a law, a posting hour)."""
        table = cues(state.language)
        if table.compiled(table.specifics).search(question):
            return None
        helping = reading_cues.search("asks_for_help", state.language, question) is not None
        return _from_catalogue(state, question, said if helping else _lead_in(question, said))

    def answer_question(
        self,
        state: SessionState,
        question: str,
        quiet: bool = False,
        floor: float = SIDE_ANSWER_SIMILARITY,
        lead: str = "",
    ) -> str:
        """Quotes from the guidance that answer ``question``, or an honest "no guidance"
        (nothing at all when ``quiet``: another answer was given already); a short question
        is on the topic of the sentence that ``lead`` s into it."""
        say = Messages(state.language)
        table = cues(state.language)
        if table.compiled(table.specifics).search(question):
            if quiet:
                return ""
            state.acts.append("declined")
            return say.say("side_answer_none")  # prices, laws, benchmarks: not in the guidance
        on_topic = self.kb.is_on_topic(question)
        topic = f"{lead} {question}"
        strange = not (on_topic or self.kb.is_on_topic(lead)) and not _about_this_business(
            state, topic
        )
        helping = reading_cues.search("asks_for_help", state.language, question) is not None
        if not (quiet or helping) and (strange or _small_talk(question, state.language)):
            state.acts.append("declined")
            return say.say("side_answer_off_topic")
        found = ground(self.kb, question, 3, state.scope) if on_topic else []
        glossary = self.kb.retriever.glossary
        asked_about = specific_concepts(glossary, question)  # "GDPR", not "customer"
        found = [
            g
            for g in found
            if g.similarity >= floor
            and len(asked_about & concepts_in(glossary, g.result.text))
            >= _shared_needed(asked_about, g.result.language != state.language)
        ]
        found = _own_language_first(found, state.language)
        if not found:
            if quiet:
                return ""
            state.acts.append("declined")  # "what do you suggest?": the owner's own step
            own_step = helping and bool(state.plan.roadmap)  # a roadmap to add it to
            return say.say("side_answer_own_step" if own_step else "side_answer_none")
        state.acts.append("answered")
        lines = [say.say("side_answer_head")]
        citations = []
        for grounded in found[:2]:
            state.sources.setdefault(grounded.result.chunk_id, grounded.result)
            citation = grounded.citation()
            citations.append(citation)
            quoted = state.side_quotes.setdefault(citation.chunk_id, [])
            if citation.quote not in quoted:
                quoted.append(citation.quote)
            lines.append(f"> {grounded.quote} {render.cite_marks(state, [citation])}")
            if grounded.result.language != state.language:  # not a slip of language
                name = say.label("language_names", grounded.result.language)
                lines.append(say.say("quoted_in", language=name))
        return "\n\n".join([*lines, render.sources_block(state, citations)])
