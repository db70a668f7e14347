"""What a message does: answer, correct, command, approve, object, ask, drift off topic, or
say "don't know" — the first intent is the main one, the rest come along."""

from __future__ import annotations

import re

from assistant.extraction import detect_dont_know, find_date_spans
from assistant.understanding import cues
from assistant.understanding.reading import CommandFact, CorrectionFact, Intent, Span
from assistant.understanding.text import sentences, span_of

RHETORICAL_WORDS = 12
_GREETING = re.compile(r"^(?:hi|hey|hello|hei|hej|привет|здравствуйте|ok so|so|well|ну)\W+", re.I)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


RHETORICAL = re.compile(r"\?\?|\?!")  # "a webshop?? we're plumbers"


def questions(text: str, language: str) -> list[Span]:
    """Each sentence that asks something (ends with "?", or opens with a question word and
    has a "?"); rhetorical "??" after a single word is an objection, not a question."""
    found = []
    for piece in sentences(text):
        body = piece.text.strip()
        if not body.endswith("?") and "?" not in body:
            continue
        if RHETORICAL.search(body) and not _asks(body, language):
            continue  # "a webshop?? we're plumbers": rhetorical, an objection
        if not _asks_about(body, language):
            continue  # "Vad?? 21 %?": surprise at a figure, nothing asked
        if cues.search("about_the_answer", language, body):
            continue  # "det svaret ga ingen mening, det var på svensk?": feedback
        if cues.search("fix_request", language, body):
            continue  # "Kan du rette det?": fix what you wrote, nothing to look up
        if cues.search("go_ahead", language, body):
            continue  # "Kan vi gå videre?": go on, nothing to look up
        if (
            not _asks(body, language)
            and not _asks_anywhere(body, language)
            and (_unsure(body, language) or cues.search("hedge_end", language, body))
            and not cues.search("you_words", language, body)  # "registrerte du 8 ansatte?"
        ):
            continue  # "maybe 1000 visits a month?", "… Google greier kanskje?": said unsure
        if _echoed(text, piece.end, body, language):
            continue  # "mål nedskrivna? nej inte direkt": the coach's question, answered
        parts = re.split(r"(?<=[.!])\s+", body)
        asked = next((p for p in parts if "?" in p), body)
        start = piece.start + body.find(asked)
        found.append(span_of(text, start, start + len(asked)))
    return found


ECHO_WORDS = 3  # "backups? not sure": a topic said back as a question, then answered
ECHO_WITH_YES_NO = 6  # "Digital goals written down? No.": longer, answered yes or no


def _echoed(text: str, end: int, body: str, language: str) -> bool:
    """A few words with a "?" and no question word, answered on the same line."""
    if _asks(body, language) or _asks_anywhere(body, language):
        return False
    rest = text[end:].split("\n", 1)[0]
    answered = bool(_words(rest)) and not _asks(rest, language)  # "CRM? what is that"
    if answered and cues.search("yes_no_start", language, rest):
        return len(_words(body)) <= ECHO_WITH_YES_NO  # "Digital goals written down? No."
    return len(_words(body)) <= ECHO_WORDS and answered


SHORT_ANSWER = 10  # words: "next year some time?" is an answer; a longer clause may ask


def _unsure(sentence: str, language: str) -> bool:
    """A short phrase with a figure or a date, said with a "?" but no question word: an
    answer the owner is unsure of ("maybe 1000 a month?", "i løpet av neste år en gang?");
    "Vet du om Volvo V70 från 2008 har kamrem eller kamkedja?" asks."""
    if len(sentence.split()) > SHORT_ANSWER:
        return False
    return bool(re.search(r"\d", sentence)) or bool(find_date_spans(sentence, language))


def _asks_about(sentence: str, language: str) -> bool:
    """Some word besides question words and figures ("what is a KPI?" asks; "What?? 21 %?"
    does not)."""
    asking = set(cues.raw("question_words").get(language, ()))
    return any(w.lower() not in asking and not w.isdigit() for w in _words(sentence))


def _asks_anywhere(sentence: str, language: str) -> bool:
    """A question word after a comma ("…, is it worth it?", "…, kan man koppla ihop det?")."""
    words = set(cues.raw("question_words").get(language, ()))
    return any(
        next(iter(_words(part.lower())), "") in words for part in re.split(r"[,;:]\s*", sentence)
    )


def _asks(sentence: str, language: str) -> bool:
    """The sentence opens with a question word ("what does KPI mean??"), maybe after a small
    word ("Og hvordan måler jeg mål 2?")."""
    words = _words(sentence.lower())[:2]
    if len(words) == 2 and words[0] in cues.raw("question_lead_in").get(language, ()):
        words = words[1:]
    return next(iter(words), "") in cues.raw("question_words").get(language, ())


def _asks_somewhere(text: str, language: str) -> bool:
    """A question sentence that opens with a question word, or has one right after a first
    small word ("с чего мне начать?", "и зачем нам сайт?", "so what now?")."""
    return _opens_with(text, language, "question_words", asked_only=True)


def _rhetorical(text: str, language: str) -> bool:
    """ "a webshop?? we're plumbers": a short "??" that asks nothing, with words of
    objection besides, is an objection, whatever else the message names."""
    doubled = [
        s.text
        for s in sentences(text)
        if RHETORICAL.search(s.text)
        and not _asks(s.text, language)
        and len(_words(s.text)) <= RHETORICAL_WORDS
    ]
    plain = re.sub(r"[?!]{2,}", ".", text)
    return bool(doubled) and cues.search("objection", language, plain) is not None


def commands(text: str, language: str) -> list[CommandFact]:
    found: list[CommandFact] = []
    taken = [s.span() for s in sentences(text) if _asks_not_orders(s.text, language)]
    taken = [(span.start, span.end) for span in taken]
    declined = _declined(text, language)
    quoted = [m.span() for m in _QUOTED_WORDS.finditer(text)]
    for action, match in _order_matches(text, language):
        said_not_to = [] if action == "keep_goal" else declined  # "…, ikke endre det": keep it
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if any(s < match.start() < e for s, e in quoted):
            continue  # "et rart navn med «Legg inn i stedet»": the coach's words quoted back
        if any(s <= match.start() and match.end() <= e for s, e in said_not_to):
            continue  # "bad inte om något nytt mål 4, ta bort det": the order is outside it
        if action == "export" and _own_practice(text, match.start(), language):
            continue  # "we send quotes as PDF": how they work, not an order
        number = _number(match.groupdict().get("n"), language)
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        found.append(  # ". Add …": the order starts at its word, not the space before it
            CommandFact(
                action=action,  # type: ignore[arg-type]
                goal_number=number,
                span=span_of(text, start, match.end()),
            )
        )
        taken.append((match.start(), match.end()))
    return sorted(found, key=lambda c: c.span.start)


def _asks_not_orders(sentence: str, language: str) -> bool:
    """ "Why is step 1 there?", "Did you change the bookings back to 160?": a question
    about the plan, not an order to change it."""
    if cues.search("why_question", language, sentence):
        return True
    return "?" in sentence and cues.label_of("plan_questions", language, sentence) == "what_noted"


_QUOTED_WORDS = re.compile(r"«[^»\n]{1,200}»|“[^”\n]{1,200}”|\"[^\"\n]{1,200}\"")


def _number(said: str | None, language: str) -> int | None:
    """ "2", or a place said in words ("second", "вторая", "andre")."""
    if not said:
        return None
    if said.isdigit():
        return int(said)
    for number, words in cues.raw("ordinal_numbers").items():
        if any(said.lower().startswith(w) for w in words.get(language, ())):
            return int(number)
    return None


def _order_matches(text: str, language: str) -> list[tuple[str, re.Match[str]]]:
    """Each action's matches, those naming a number first ("goal 1: rename it" over
    "rename it"), then the tightest: in "цель 2 удалите, она дублирует цель 3" the order is
    "цель 2 удалите", not "удалите, … цель 3"."""
    by_action: dict[str, list[re.Match[str]]] = {}
    for action, pattern in cues.command_patterns(language):
        by_action.setdefault(action, []).extend(pattern.finditer(text))
    return [
        (action, match)
        for action, matches in by_action.items()
        for match in sorted(matches, key=lambda m: (not m.groupdict().get("n"), len(m[0])))
    ]


_CLAUSE_END = re.compile(r"[,;.!?\n]")


def _own_practice(text: str, position: int, language: str) -> bool:
    sentence = next((s for s in sentences(text) if s.start <= position < s.end), None)
    if sentence is None or sentence.text.rstrip().endswith("?"):
        return False  # "can I get it as a Word doc?" asks for it
    said = sentence.text
    return any(cues.search(k, language, said) for k in ("own_practice", "arrives_as_file"))


def _declined(text: str, language: str) -> list[tuple[int, int]]:
    """The clauses that say not to do something ("I don't want to change goal 2", "jeg vil
    ikke endre mål 2, men …"): no order in them is carried out."""
    spans = []
    said = (m for p in cues.patterns("declined_order", language) for m in p.finditer(text))
    for match in said:
        start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, match.start())), default=0)
        end = _CLAUSE_END.search(text, match.end())
        spans.append((start, end.start() if end else len(text)))
    return spans


_OLD_VALUE = re.compile(
    r"(?:\bnot|\bikke|\bikkje|\binte|\bне|\bnot the|\bа не|\bscratch the"
    r"|(?:\b(?:i|we) (?:said|wrote)|\b(?:jeg|vi|jag) (?:sa|skrev)|\bя (?:писал|говорил|сказал)\w*)"
    r"(?:\s+(?:it's|its|it was|we're|we are|det var|vi er|vi är|det är|нас|было|их)){0,1})"
    r"\s*$",
    re.I,
)
# "9 staff earlier", "18 mill, det var 2024-tallet": a value said before, being replaced
_SAID_BEFORE = re.compile(
    r"^\s*(?:[^\W\d]+\s+){0,2}(?:earlier|before|tidligere|tidigare|innan|раньше)\b", re.I
)
# "40 → 100": the figure before an arrow is where a goal starts, not the new value
_ARROW_AFTER = re.compile(r"^\s*(?:%|\w{1,12})?\s*(?:→|->|–>|=>|⇒)\s*\d")
# "€480k was 2024", "24 var 2024", "520 было в прошлом году": the value of another year
_OTHER_YEAR = re.compile(
    r"^[\s,]*(?:that|det|это|de)?\s*(?:was|were|is|var|är|er|было|был|была)\s+(?:(?:in\s+|i\s+|в\s+)?\d{4}\b"
    r"|last year|i fjor|i fjol|förra året|в прошлом году)",
    re.I,
)


def corrections(
    text: str, language: str, numbers: list[tuple[float, Span]]
) -> list[CorrectionFact]:
    """In a message that corrects something, each new value it gives ("its 1.4m not 1.2"
    gives 1.4m; the value after "not" is the old one)."""
    if cues.search("correction", language, text) is None:
        return []
    found = [
        CorrectionFact(field="", value=value, span=span)
        for value, span in numbers
        if not said_as_old(text, span, language)
        and not _OTHER_YEAR.match(text[span.end : span.end + 24])
        and not _SAID_BEFORE.match(text[span.end : span.end + 24])
        and not _ARROW_AFTER.match(text[span.end : span.end + 24])
    ]
    if found:
        return found
    first = next(p for p in sentences(text) if cues.search("correction", language, p.text))
    return [CorrectionFact(field="", value=None, confidence=0.4, span=first.span())]


def said_as_old(text: str, span: Span, language: str) -> bool:
    """The figure is the wrong one being corrected ("is not 3") or said to be something
    else ("3 was the months"), not a new value."""
    if _OLD_VALUE.search(text[max(0, span.start - 16) : span.start]):
        return True
    after = text[span.end : span.end + 40]  # "7507 ordrer i måneden er helt feil"
    if _OTHER_YEAR.match(after[:24]):
        return False  # "€480k was 2024": another year's value, kept to be replaced
    return cues.search("figure_was", language, after) is not None


def _approves(text: str, language: str, has_facts: bool) -> bool:
    """A strong agreement ("looks good", "kjør på") in the first sentence, or a short one
    that gives no facts of its own ("ja, svare innen 24 timer" answers, it does not approve)."""
    first = next(iter(sentences(text)), None)
    opening = _GREETING.sub("", (first.text if first else text).strip().lower())
    if any(cues.search("approval_anywhere", lang, opening) for lang in {language, "en"}):
        return True
    limit = cues.raw("approval_max_words")
    cleaned = _GREETING.sub("", text.strip().lower())
    short = len(_words(cleaned)) <= limit
    asks = "?" in text or _opens_with_question_word(cleaned, language)  # "ok how do I …"
    return bool(short and not has_facts and not asks and cues.search("approval", language, cleaned))


def _opens_with_question_word(text: str, language: str) -> bool:
    """ "ok how do I measure goal 3": a question though it ends with no question mark."""
    return _opens_with(text, language, "wh_words", asked_only=False)


def _opens_with(text: str, language: str, key: str, asked_only: bool) -> bool:
    """A sentence (one with a "?" when ``asked_only``) whose first or second word is one of
    the ``key`` words of its language."""
    words = set(cues.raw(key).get(language, ()))
    return any(
        set(_words(s.text.lower())[:2]) & words
        for s in sentences(text)
        if "?" in s.text or not asked_only
    )


APART_WORDS = 6  # "ладно, да, давайте дорожную карту": a yes said in a sentence of its own


def yes_said_apart(text: str, language: str) -> bool:
    """A yes in a sentence of its own, first or last, beside a remark or an aside ("да.
    кстати, где тут шашлык?", "ну это уже смешно. ладно, да"). Whether it approves depends
    on what was asked: the dialogue takes it as approval only at a confirmation step."""
    parts = [p.text.strip().lower() for p in sentences(text) if p.text.strip()]
    if len(parts) < 2:
        return False
    if cues.search("contrast_opening", language, parts[1]):  # "ok. men …?": a concession
        parts = parts[1:]
    return len(parts) >= 2 and any(
        "?" not in part
        and len(_words(part)) <= APART_WORDS
        and cues.search("approval", language, _GREETING.sub("", part)) is not None
        for part in (parts[0], parts[-1])
    )


def _whole_dont_know(text: str, language: str, has_facts: bool) -> bool:
    return not has_facts and len(_words(text)) <= 14 and detect_dont_know(text, language)


def _aside(text: str, language: str) -> bool:
    return cues.search("aside", language, text) is not None


def _mostly_questions(text: str, asked: list[Span]) -> bool:
    all_sentences = sentences(text)
    return bool(asked) and len(asked) * 2 > len(all_sentences)


def _main(
    text: str, language: str, facts: bool, asked: list[Span], signals: dict[str, bool]
) -> str:
    """The one thing the message mainly does, in order of what the coach must act on."""
    if signals["aside"] and not facts and not signals["command"] and not signals["approval"]:
        return "off_topic"
    for kind in ("command", "correction", "approval"):
        if signals[kind]:
            return kind
    if asked and (not facts or _mostly_questions(text, asked)) and not signals["wants"]:
        return "question"
    if _whole_dont_know(text, language, facts):
        return "dont_know"
    if facts:
        return "answer"
    if signals["objection"]:
        return "objection"
    if signals["aside"] or cues.search("off_topic", language, text):
        return "off_topic"
    return "answer"


def classify(
    text: str,
    language: str,
    has_facts: bool,
    asked: list[Span],
    ordered: list[CommandFact],
    corrected: list[CorrectionFact],
    wants: bool = False,
) -> list[Intent]:
    """Intents, the main one first: a command or a correction wins over what comes with it,
    an approval over small talk and an export request; facts make an answer; an aside with
    nothing else is off topic."""
    # "ok approve, give me the summary", "yes, and send the PDF": an approval with a request
    only_export = bool(ordered) and all(c.action in ("export", "show") for c in ordered)
    approves = _approves(text, language, has_facts) and not corrected and not wants
    signals = {
        "command": bool(ordered) and not (only_export and approves),
        "correction": bool(corrected),
        "approval": approves and (not ordered or only_export),
        "objection": (not has_facts or _rhetorical(text, language))
        and not ordered
        and bool(cues.search("objection", language, text)),
        "aside": _aside(text, language),
        "wants": wants,
    }
    main = _main(text, language, has_facts, asked, signals)
    if main == "answer" and signals["objection"] and _rhetorical(text, language):
        main = "objection"  # "a webshop?? we're plumbers": what it names is not an answer
    if main == "question" and signals["objection"] and not _asks_somewhere(text, language):
        main = "objection"  # "TikTok in Now? that's not us at all": no question word
    present = [k for k in ("command", "correction", "approval", "objection") if signals[k]]
    present += ["question"] if asked else []
    intents = [Intent(kind=main, confidence=0.8)]  # type: ignore[arg-type]
    intents += [Intent(kind=k, confidence=0.6) for k in present if k != main]  # type: ignore[arg-type]
    return intents
