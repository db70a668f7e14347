"""Maturity answers in free text, clause by clause: the question bank's cues name the topic
and say yes or no, a "don't know" covers only its own clause, and a hedge softens a yes
("backups go to the cloud i think" is unknown; "website yes, a bit dated now" is partly).
Questions and wishes say nothing about today: "get online booking live" is not a webshop."""

from __future__ import annotations

import re
from functools import cache

from assistant.coaching.catalogue import load_maturity_questions
from assistant.extraction import find_date_spans
from assistant.understanding import cues
from assistant.understanding import maturity_meaning as meaning
from assistant.understanding.maturity_meaning import EXAMPLES_FILE
from assistant.understanding.reading import MaturityFact, Span
from assistant.understanding.text import Piece, denied_notes, sentences, without_cue

_CLAUSE = re.compile(
    r",\s+|;\s+|(?<=\w)\.\s+(?=[^\W\d])|\s+[-–—]\s+"
    r"|\s+(?:but|though|although|men|fast|но|а|однако|хотя)\s+",
    re.I,
)  # ". so partly": a lower-case sentence the splitter kept is a clause of its own


@cache
def question_ids() -> dict[str, str]:
    """Topic -> question id ("backup" -> "d_backup")."""
    return {q.id[2:]: q.id for q in load_maturity_questions().questions}


def _to_bank(answer: str) -> str:
    return {"partly": "partial"}.get(answer, answer)


def _answer(value: object) -> str:
    if isinstance(value, list):  # a checklist: any option ticked is a yes
        return "yes" if value else "no"
    if isinstance(value, int):
        return "yes" if value >= 4 else "partly" if value >= 1 else "no"
    return {"partial": "partly"}.get(str(value), str(value))


def _hedged(answer: str, clause: str, language: str) -> str:
    """A hedge softens a yes ("i think" unknown, "sort of" partly, "mostly … i think"
    partly) or a no ("not very")."""
    hedges = cues.raw("maturity_hedges")
    if answer == "no" and any(
        cues.compiled(p).search(clause) for p in hedges["soft_no"].get(language, ())
    ):
        return "partly"
    if answer != "yes":
        return answer
    if cues.search("zero_said", language, clause):  # "Netthandel 0 %, som sagt"
        return "no"
    said = [
        level
        for level in ("unknown", "partly")
        if any(cues.compiled(p).search(clause) for p in hedges[level].get(language, ()))
    ]
    if said == ["unknown"]:
        return "unknown"
    return "partly" if said else answer  # "mostly paperless I think" is partly all the same


def _softened(answer: str, clause: str, language: str, alone: bool = True) -> str:
    """A clause after a yes that hedges it, or negates something about it ("the website is
    on Wix, but nobody updates it"), makes it partly; one that says the one thing spoken of
    is never opened ("Analytics - Wix has something built in but I've never looked") no."""
    hedged = _hedged(answer, clause, language)
    if alone and hedged in ("yes", "partly") and cues.search("never_used", language, clause):
        return "no"
    if hedged == "yes" and meaning.negated(clause, language):
        return "partly"
    return hedged


def _after_topic(
    fact: MaturityFact, clause: str, language: str, alone: bool = True, headed: bool = False
) -> str:
    """What a short clause after an answer makes of it: after a topic named in one word
    ("Backups, don't know", "Paperless, definitely not") a "don't know" or a no that opens
    the clause is the answer itself; otherwise the clause softens the answer ("website yes,
    a bit dated now" is partly)."""
    bare = len(fact.span.text.split()) == 1 or headed
    if bare and meaning.polarity(clause, language) == "unknown":
        return "unknown"
    if bare and cues.search("bare_answer_no", language, clause):
        return _hedged("no", clause, language)
    return _softened(fact.answer, clause, language, alone)


TOPIC_WORDS = 3  # "Digital goals", "Automatic backups": a topic named as a heading
_HEADING_MARK = re.compile(r"\s*[-–—:]")


def _headed(fact: MaturityFact, text: str) -> bool:
    """ "Digital goals - no, …": a few words naming a topic, then a dash or colon."""
    short = len(fact.span.text.split()) <= TOPIC_WORDS
    return short and _HEADING_MARK.match(text, fact.span.end) is not None


def _clauses(sentence: Piece) -> list[Piece]:
    pieces, cursor = [], 0
    for match in _CLAUSE.finditer(sentence.text):
        pieces.append(sentence.sub(cursor, match.start()))
        cursor = match.end()
    pieces.append(sentence.sub(cursor, len(sentence.text)))
    return [p for p in pieces if p.text.strip()]


def by_meaning(
    clause: str, language: str, known: set[str], meant: dict[str, str]
) -> dict[str, str]:
    """An answer for a clause no cue word placed, by the nearest example phrasing."""
    topic = meant.get(clause)
    if topic is None:
        return {}
    question_id = question_ids().get(topic)
    if question_id is None or question_id in known:
        return {}
    return {question_id: _to_bank(meaning.polarity(clause, language))}


def _own_words(answers: dict[str, object], clause: str, language: str) -> dict[str, object]:
    """A tool named is not an answer to every checklist: "invoices in QuickBooks" says
    nothing about automation unless the clause says so ("automatic", "by hand")."""
    strict = cues.raw("maturity_needs_own_words")
    kept = {}
    for question_id, value in answers.items():
        own = strict.get(question_id, {}).get(language, ())
        if own and not any(cues.compiled(p).search(clause) for p in own):
            continue
        kept[question_id] = value
    return kept


def _overlaps(piece: Piece, span: Span) -> bool:
    return piece.start < span.end and span.start < piece.end


# "goals written down? no, they are in my head": a topic said back as a short question and
# answered on the same line is read as "topic: answer" (same length, so spans still fit)
_ECHOED = re.compile(r"(?:^|(?<=[.!?\n])\s*)(?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]+\?(?=[ \t]+[^\W\d_])")


def _answered(echo: re.Match[str], text: str, language: str) -> str:
    """The echoed question as "topic:", unless what follows asks in turn ("CRM? what is it")."""
    following = re.match(r"\s*([^\W\d_]+)", text[echo.end() :])
    asks = following is not None and following.group(1).lower() in cues.raw("question_words").get(
        language, ()
    )
    return echo.group(0) if asks else echo.group(0)[:-1] + ":"


# "you wrote 'Own website: no'", «Где продаёте: Тула»: the coach's own words quoted back
_QUOTED = re.compile(r"""(?<!\w)(['"“‘«])([^'"“”‘’«»\n]*\s[^'"“”‘’«»\n]*)(['"”’»])(?!\w)""")


def _unquoted(text: str, language: str) -> str:
    """Words quoted back answer nothing ("a 'website' of sorts" is one word stressed, kept),
    nor do goods made by hand ("мыло ручной работы"), nor "not just" ("not just social
    media" is a yes to it); blanked, every position kept."""
    text = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    for key in ("made_by_hand", "not_only"):  # "not just social media" says yes to it
        text = without_cue(text, key, language)
    return text


@cache
def _label_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each question's label followed by an answer ("Own website: yes")."""
    found = []
    for question in load_maturity_questions().questions:
        label = question.short.get(language)
        if label:
            words = r"\s+".join(re.escape(w) for w in label.split())
            answer = r"\s*[:=—–-]\s*(?P<v>[^\W\d_]+(?:\s+[^\W\d_]+)?)"
            found.append((question.id, re.compile(rf"(?<!\w){words}{answer}", re.I)))
    return tuple(found)


def said_by_label(text: str, language: str) -> dict[str, MaturityFact]:
    """ "Säkerhets- och integritetsrutiner: nej": a question's own label said with an answer
    (owners copy the coach's notes to correct them) answers that question outright."""
    found = {}
    for question_id, pattern in _label_patterns(language):
        for match in pattern.finditer(text):
            value = match.group("v")
            answer = meaning.polarity(value, language)
            span = Span(start=match.start(), end=match.end(), text=match.group())
            found[question_id] = MaturityFact(topic=question_id[2:], answer=answer, span=span)
    return found


def read_maturity(text: str, language: str, wishes: list[Span]) -> list[MaturityFact]:
    denied = _denied_notes(text, language)
    text = _unquoted(text, language)  # words quoted back answer nothing, by label or not
    labelled = said_by_label(text, language) | denied
    for fact in labelled.values():  # "Automatic backups: not sure" answers no other question
        start, end = fact.span.start, fact.span.end
        text = text[:start] + " " * (end - start) + text[end:]
    facts = _read_maturity(text, language, wishes)
    return [f for f in facts if question_ids().get(f.topic) not in labelled] + list(
        labelled.values()
    )


def _of_the_question_before(text: str, sentence: Piece, language: str) -> bool:
    """A sentence that only says what the question before it was thinking of ("är det
    lagligt …? Tänker GDPR och patientdatalagen."): part of the question, no answer."""
    before = text[: sentence.start].rstrip()
    return before.endswith("?") and cues.search("thinking_of", language, sentence.text) is not None


_OTHER_WAY = {"yes": "no", "partly": "no", "no": "yes"}


def _denied_notes(text: str, language: str) -> dict[str, MaturityFact]:
    """'du skrev "Säkerhets- och integritetsrutiner: ja" – det har vi inte': a note of the
    coach's quoted back and denied answers its question the other way."""
    found = {}
    for quote in denied_notes(text, language):
        span = Span(start=quote.start(), end=quote.end(), text=quote.group())
        for question_id, fact in said_by_label(quote.group(), language).items():
            if (answer := _OTHER_WAY.get(fact.answer)) is not None:
                found[question_id] = MaturityFact(topic=fact.topic, answer=answer, span=span)
    return found


def _read_maturity(text: str, language: str, wishes: list[Span]) -> list[MaturityFact]:
    text = _ECHOED.sub(lambda m: _answered(m, text, language), text)
    text = meaning.without_negated_figures(text, language)  # "aren't 5 %": no "no"
    bank = load_maturity_questions()
    found: dict[str, MaturityFact] = {}
    extra: list[MaturityFact] = []
    stated = [
        s
        for s in sentences(text)
        if (not s.text.rstrip().endswith("?") or _goes_on(text, s, language))  # "backups - maybe?"
        and not any(_overlaps(s, w) for w in wishes)
        and not cues.search("goal_reference", language, s.text)  # "mål 2 skulle være …"
        and not cues.search("step_named", language, s.text)  # "du flyttade inte CRM-steget"
        and not cues.search("approval_anywhere", language, s.text)  # "ja, lag SMART-målene"
        and not cues.search("go_ahead", language, s.text)  # "Så ja, lag SMART-mål."
        and not cues.search("never_said", language, s.text)  # "I never said skills yes"
        and not _aimed_by(s.text, language)  # "Nettbooking innen 5. desember 2027 er greit"
        and not _of_the_question_before(text, s, language)  # "…i molnet? Tänker GDPR."
    ]
    cued = {
        c.start: _own_words(bank.find_answers(c.text, language), c.text, language)
        for s in stated
        for c in _clauses(s)
    }
    unplaced = [c.text for s in stated for c in _clauses(s) if not cued[c.start]]
    meant = meaning.topics(unplaced, language) if EXAMPLES_FILE.exists() else {}
    previous: list[str] = []
    last: list[str] = []  # the questions the last clause with an answer spoke of
    for sentence in stated:
        if _sums_up(sentence, language):
            previous = last  # "… on the office pc. so partly I guess?": of the backups
        elif not _goes_on(text, sentence, language):
            previous = []
        heading = _heading(sentence, previous)
        for clause in _clauses(sentence):
            answers = cued[clause.start]
            if heading and not _joined(clause.text, language):
                answers = {q: v for q, v in answers.items() if q == heading}
            if previous and _of_previous(clause.text, previous, answers, language):
                answers = {}  # "backup på en extern disk.. inget automatiskt": of the backup
            guessed = False
            if not answers and (by_topic := by_meaning(clause.text, language, set(found), meant)):
                answers, guessed = by_topic, True
            if cues.search("about_the_goals", language, clause.text):  # "målene er rotete"
                answers = {q: v for q, v in answers.items() if q[2:] == GOALS_TOPIC}
            if not answers and previous and _says_more(clause.text, language):  # "a bit dated"
                for question_id in previous:
                    fact = found[question_id]
                    alone, headed = len(previous) == 1, _headed(fact, text)
                    answer = _after_topic(fact, clause.text, language, alone, headed)
                    span = Span(  # the answer joins its topic: what follows only softens it
                        start=fact.span.start,
                        end=clause.end,
                        text=text[fact.span.start : clause.end],
                    )
                    found[question_id] = fact.model_copy(update={"answer": answer, "span": span})
                continue
            previous = []
            denied = cues.search("answer_denied", language, clause.text) is not None
            for question_id, value in answers.items():
                answer = "unknown" if denied else _hedged(_answer(value), clause.text, language)
                known = found.get(question_id)
                if _half_known(known, answer, sentence):  # "…in the cloud, the laptop not sure"
                    found[question_id] = known.model_copy(update={"answer": "partly"})
                if known is not None and (answer == "unknown" or known.answer == answer):
                    continue
                passing = answer == "yes" and known is not None and known.answer != "unknown"
                if passing and not isinstance(value, list):
                    continue  # said once; a later passing mention ("Shopify is scary") is not
                if known is not None and known.answer != "unknown":
                    extra.append(known)  # a checklist: "instagram yes, facebook sort of"
                found[question_id] = MaturityFact(
                    topic=question_id[2:],
                    answer=answer,
                    span=clause.span(),  # type: ignore[arg-type]
                    in_passing=guessed or _unnamed(question_id, clause.text, language),
                )
                previous.append(question_id)
            last = list(answers) or last
    return extra + list(found.values())


def _heading(sentence: Piece, previous: list[str]) -> str | None:
    """The one topic named just before a dash the sentence goes on from ("Analytics - Wix
    has something built in but I've never looked"): all the sentence says speaks of it."""
    dashed = sentence.text.lstrip()[:1] in "-–—"
    return previous[0] if dashed and len(previous) == 1 else None


def _half_known(known: MaturityFact | None, answer: str, sentence: Piece) -> bool:
    """A yes and a "not sure" of one thing in one sentence ("the Xero stuff is in the cloud,
    the spreadsheet is on her laptop, not sure it's backed up") make a partly."""
    return (
        known is not None
        and known.answer == "yes"
        and answer == "unknown"
        and known.span.start >= sentence.start
    )


def _joined(clause: str, language: str) -> bool:
    """ "…, and we have Instagram": a clause joined on speaks of a thing of its own."""
    return cues.search("joined_on", language, clause.lstrip(" -–—")) is not None


def _unnamed(question_id: str, clause: str, language: str) -> bool:
    """Answered by an everyday cue word ("freelancers") with no word that names the topic."""
    naming = cues.raw("maturity_named_when_unasked").get(question_id, {}).get(language)
    return bool(naming) and not any(word in clause.lower() for word in naming)


AFTERTHOUGHT_WORDS = 7  # "…, but nobody looks at it": longer, a clause says a thing of its own


def _says_more(clause: str, language: str) -> bool:
    """A short clause after an answer says more of it ("a bit dated now"); a long one
    ("members book through an old booking app which everyone hates") is a thing of its own,
    unless it says only some use it or it is dated ("to be honest only half the team
    updates it")."""
    words = len(clause.split())
    softens = cues.search("softens_from_afar", language, clause) is not None
    return words <= AFTERTHOUGHT_WORDS or (softens and words <= 2 * AFTERTHOUGHT_WORDS)


STEM = 6  # letters two words share to be one word ("automatisk", "automatiskt")


GOALS_TOPIC = "digital_goals"  # "the goals aren't written down" answers only this question
_BY = r"(?:by|before|within|innen|innenfor|før|senest|senast|innan|före|inom|к|до)"
_BY_DATE = re.compile(rf"\b{_BY}\s*$", re.IGNORECASE)  # "… innen | 5. desember"
_BY_DATE_START = re.compile(rf"{_BY}\s", re.IGNORECASE)  # "innen 5. desember" as one date


def _aimed_by(sentence: str, language: str) -> bool:
    """The sentence dates something to come ("online booking by December 2027 is fine"):
    it speaks of an aim, not of how the business works today."""
    return any(
        _BY_DATE.search(sentence[max(0, start - 12) : start])
        or _BY_DATE_START.match(sentence[start:end])
        for start, end in find_date_spans(sentence, language)
    )


def _of_previous(clause: str, previous: list[str], answers: dict, language: str) -> bool:
    """ "…en extern disk som jag tar hem ibland.. inget automatiskt": a bare "no" that takes up
    a word of the question just answered ("Automatisk säkerhetskopiering") says more of that
    answer, not a new one ("vi sender ingen nyhetsbrev" after the CRM is a new one)."""
    if not answers or any(v != [] for v in answers.values()):
        return False
    shorts = {q.id: q.short.get(language) for q in load_maturity_questions().questions}
    said = {w[:STEM] for w in re.findall(r"[^\W\d_]{5,}", clause.lower())}
    asked = {w[:STEM] for q in previous for w in re.findall(r"[^\W\d_]{5,}", shorts[q].lower())}
    return bool(said & asked)


SUMMING_UP_WORDS = 5  # "so partly I guess?": a few words that sum up the answer before


def _sums_up(sentence: Piece, language: str) -> bool:
    """ "so partly I guess?": a few words that sum up the answer before them."""
    short = len(sentence.text.split()) <= SUMMING_UP_WORDS
    return short and cues.search("sums_up", language, sentence.text) is not None


def _goes_on(text: str, sentence: Piece, language: str = "en") -> bool:
    """ "skills - not really", "kompetens... vet inte": a dash after a word with no full
    stop, or an ellipsis, goes on with it; so does a short sum-up ("so partly I guess?")."""
    if _sums_up(sentence, language):
        return True
    before = text[: sentence.start]
    said = before.rstrip()
    same_line = "\n" not in before[len(said) :]  # a bullet on a new line is a new answer
    if not said or not same_line:
        return False
    trailing = said.endswith(("..", "…"))
    return trailing or (said[-1] not in ".!?" and sentence.text[:1] in "-–—")


def zero_online_sales(text: str, language: str, found: list[MaturityFact]) -> list[MaturityFact]:
    """ "We sell nothing online" answers the webshop question: no."""
    match = cues.search("zero_online_sales", language, text)
    if match is None or any(f.topic == "webshop" for f in found):
        return found
    span = Span(start=match.start(), end=match.end(), text=match.group())
    return [*found, MaturityFact(topic="webshop", answer="no", span=span)]
