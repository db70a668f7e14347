"""Which clauses of a message state an objective: cut at list items, clauses and an "and"
before a new wish; a clause that wants something, opens with a change or goes "from X to Y"."""

from __future__ import annotations

import re
from typing import Any

from assistant.extraction import find_date_spans
from assistant.understanding import cues
from assistant.understanding.text import CONJUNCTION, YEAR_SAID, Piece, sentences, units_of

OPENING = 12  # how far into a clause its wish may start to open a new objective


MIN_WORDS = 3  # "minska avhoppen" (two words) only when it opens with a change


def opens_with_change(text: str, language: str) -> bool:
    match = cues.patterns("objective", language)[1].search(text)
    return match is not None and match.start() == 0 and match.end() < len(text.rstrip(" .,;"))


def states_objective(piece: Piece, language: str) -> bool:
    """A clause that wants something, opens with a change ("cut no-shows to ..."), or goes
    "from X to Y"; not a question, a correction, or talk about having no goals."""
    text = piece.text
    wish, change = cues.patterns("objective", language)
    shortest = MIN_WORDS - opens_with_change(text, language)
    if wish.search(text) and re.search(r"\d", text):
        shortest = MIN_WORDS - 1  # "…сейчас около 25 %, хочу 40 %", "…, want 40 %"
    if text.rstrip().endswith("?") or len(text.split()) < shortest:
        return False
    said = without_asides(text)  # "(ingen konkret målsetting ennå)": an aside denies no aim
    if cues.search("not_objective", language, said) or cues.search("correction", language, text):
        return False
    if cues.search("from_to", language, text) or cues.search(
        "objective_imperative", language, text
    ):
        return True
    return wish.search(text) is not None or changes_something(text, change, language)


def changes_something(text: str, change: re.Pattern[str], language: str) -> bool:
    """A change word states an objective when it opens the clause ("cut no-shows to 1 in
    25") or comes with a figure or a deadline after it; "we go up to about 30 in spring"
    in a staff count, or "more weddings" said in passing, is not one."""
    match = change.search(text)
    if match is None or _described(text[: match.start()], language):
        return False
    if cues.search("past_date", language, text):  # "we doubled sales last year"
        return False
    if match.start() <= OPENING or ":" in text[: match.start()]:
        return True  # "Sånn ellers: vokse eksporten" opens after its label
    rest = text[match.start() :]
    for staff in cues.patterns("staff", language):  # "garden build company, 9 of us"
        rest = staff.sub(" ", rest)
    ahead = [  # "I double booked twice last month": a date gone by sets no deadline
        (start, end)
        for start, end in find_date_spans(rest, language)
        if not cues.search("past_date", language, rest[max(0, start - 12) : end])
    ]
    return bool(ahead) or re.search(r"\d", rest) is not None


def _described(before: str, language: str) -> bool:
    """ "We're open March to October", "vi er åpne": after a form of "to be" the change
    word says how things are, not what should change."""
    return cues.search("state_before", language, before) is not None


def parallel_wish(text: str, piece: Piece, language: str) -> bool:
    """ "Jeg vil at minst halvparten bestilles på nett, at kundene får påminnelse, og at vi
    får flere elbiler": a clause opening with the "that" of a wish said before it in the
    same sentence is a wish of its own."""
    parallel = cues.search("parallel_wish", language, piece.text) is not None
    elided = cues.search("elided_wish", language, piece.text) is not None
    if not (parallel or elided):
        return False
    sentence = next((s for s in sentences(text) if s.start <= piece.start < s.end), None)
    before = text[sentence.start : piece.start] if sentence else ""
    if elided:  # "I want 70 % …, and 8 new clients a month": the same "I want"
        return re.search(r"\d", before) is not None and opens_objective(Piece(before, 0), language)
    return cues.search("wish_that", language, before) is not None


def only_from_to(piece: Piece, language: str) -> bool:
    """ "from about 10 to 25 a quarter": figures with no wish of their own, which belong to
    the objective just said when there is one."""
    text = piece.text
    if not cues.search("from_to", language, text):
        return False
    return not any(pattern.search(text) for pattern in cues.patterns("objective", language))


def opens_objective(piece: Piece, language: str) -> bool:
    """The clause starts with what the owner wants ("and cut admin in half") or with an
    imperative of one that has a figure ("and get 40 new patients a month"; "and get typed
    up after" has none)."""
    if cues.search("objective_imperative", language, piece.text) and re.search(r"\d", piece.text):
        return True
    return any(
        (match := pattern.search(piece.text)) is not None and match.start() <= OPENING
        for pattern in cues.patterns("objective", language)
    )


def at_conjunctions(unit: Piece, language: str) -> list[Piece]:
    """A clause cut at "and" only where the part after it opens a new objective: "get paid
    quicker and cut admin in half" is two, "enquiries about courses and conferences" one."""
    pieces, cursor = [], 0
    for match in CONJUNCTION.finditer(unit.text):
        rest = unit.sub(match.end(), len(unit.text))
        if _and_before_the_wish(rest, language):  # "i Norge och Finland och få 15 %": later
            continue
        if cues.search("from_there", language, rest.text):  # "… och få 15 % därifrån"
            continue
        if opens_objective(rest, language) and len(unit.text[cursor : match.start()].split()) > 1:
            pieces.append(unit.sub(cursor, match.start()))
            cursor = match.end()
    pieces.append(unit.sub(cursor, len(unit.text)))
    return [p for p in pieces if p.text.strip()]


def _and_before_the_wish(rest: Piece, language: str) -> bool:
    """Another "and" comes before the wish that opens ``rest`` ("Finland och få 15 %"): the
    wish starts after that one, and the words up to it belong to the clause before."""
    starts = [
        match.start()
        for pattern in cues.patterns("objective", language)
        if (match := pattern.search(rest.text)) is not None and match.start() <= OPENING
    ]
    return bool(starts) and CONJUNCTION.search(rest.text, 0, min(starts) + 1) is not None


def units(text: str, language: str) -> list[tuple[int, Piece]]:
    """Sentences cut where a new objective may start (list items, clauses, "and" before a
    new wish), each with the number of the sentence it is in. A question states no
    objective ("how long should I boil an egg if I want a soft yolk?")."""
    return [
        (n, part)
        for n, sentence in enumerate(sentences(text))
        if not sentence.text.rstrip().endswith("?")
        for unit in units_of(sentence)
        for part in at_conjunctions(unit, language)
    ]


_LIST_LINE = re.compile(r"\n[ \t]*(?:\d{1,2}[.)]|[-–—•*])[ \t]+[^\n]*")


HEADERS = ("objectives_header", "wishes_header")


def after_header(
    text: str, language: str, headers: tuple[str, ...] = HEADERS
) -> list[tuple[int, int]]:
    """Where a list of objectives runs: from "Objectives:" (or "We want:") to the end of its
    line, and on over the list lines under it ("Objectives:\n1. ...\n2. ...")."""
    found = []
    for pattern in (p for header in headers for p in cues.patterns(header, language)):
        for match in pattern.finditer(text):
            end = text.find("\n", match.end())
            end = end if end >= 0 else len(text)
            end = min(end, _one_aim_end(text, match, language))
            said_at = match.start() + len(match.group()) - len(match.group().lstrip())
            line_start = text.rfind("\n", 0, said_at)  # "- Mål: 25 …" is one item
            while not _LIST_LINE.match(text, line_start) and (item := _LIST_LINE.match(text, end)):
                end = item.end()
            found.append((match.end(), end))
    return found


def _one_aim_end(text: str, header: re.Match[str], language: str) -> int:
    """Where the section after a header that names one aim ("add a goal: …") ends: with
    its sentence; other headers run on."""
    said = text[max(0, header.start() - 20) : header.end()]
    if cues.search("single_aim_header", language, said) is None:
        return len(text)
    stop = re.compile(r"[.!?](?=\s|$)").search(text, header.end())
    return stop.end() if stop else len(text)


def aims_sections(text: str, language: str) -> list[tuple[int, int]]:
    """Where every clause is an aim: a list under "Goals:" or "Mål:", and the rest of the
    line after "Хочу:" or "Det jeg vil:"; the bullets under "hva vi vil:" may mix what the
    business is with what it wants, so each of them must state its aim."""
    wishes = []
    for pattern in cues.patterns("wishes_header", language):
        for match in pattern.finditer(text):
            colon = match.start() + len(match.group().rstrip())  # not the line break after it
            line_end = text.find("\n", colon)
            wishes.append((match.end(), line_end if line_end >= 0 else len(text)))
    return after_header(text, language, ("objectives_header",)) + wishes


def aim_lists(text: str, language: str) -> list[tuple[int, int]]:
    """Where a brief lists its aims over several lines under a header ("What they want",
    "Goals", "Цели"), as (start, end) spans."""
    found = after_header(text, language, ("objectives_header",))
    return [(s, e) for s, e in found if "\n" in text[s:e].strip()]  # a list, not one line


def background_beside(piece: Piece, lists: list[tuple[int, int]], language: str) -> bool:
    """A brief that lists its aims (``aim_lists``) states them there: a clause elsewhere
    ("Turnover last FY about £1.6m", "email addresses for maybe 60 % of plan customers") is
    background, unless it says a wish in so many words or opens with the change wanted
    ("Cut admin time in half by summer")."""
    if not lists or any(s <= piece.start < e for s, e in lists):
        return False
    wish = cues.patterns("objective", language)[0]
    if cues.search("from_to", language, piece.text) and _dated_ahead(piece.text, language):
        return False  # "Och omsättningen från 3,2 till 4 miljoner år 2028": an aim all the same
    return wish.search(piece.text) is None and not opens_with_change(piece.text, language)


def _dated_ahead(text: str, language: str) -> bool:
    """The clause names a date or a year to reach by ("by 2028", "år 2028"): it looks
    ahead, unless it tells of a change gone by."""
    dated = bool(find_date_spans(text, language)) or YEAR_SAID.search(text) is not None
    return dated and not cues.search("past_change", language, text)


def constraint_sections(text: str, language: str) -> list[tuple[int, int]]:
    """Where a brief's budget or constraints paragraph runs: from its label to the blank
    line (or the end); nothing in it is an objective."""
    found = []
    for pattern in cues.patterns("constraints_header", language):
        for match in pattern.finditer(text):
            end = text.find("\n\n", match.end())
            found.append((match.start(), end if end >= 0 else len(text)))
    return found


LABEL_WORDS = 5  # "Objectives:", "Цели на 2027:", "legg heller til et nytt mål:"


def after_label(piece: Piece, listed: list[tuple[int, int]]) -> Piece:
    """The part of a clause after the label it opens with ("Objectives: respond to every
    web enquiry within 2 hours"), or the whole clause."""
    start = next((s for s, _ in listed if piece.start < s < piece.end), None)
    if start is None or len(piece.text[: start - piece.start].split()) > LABEL_WORDS:
        return piece
    return piece.sub(start - piece.start, len(piece.text))


def is_label(text: str, piece: Piece, listed: list[tuple[int, int]]) -> bool:
    """The clause only opens the list that follows it ("The partners want to", "Mål:")."""
    return any(piece.end <= s and not text[piece.end : s].strip() for s, _ in listed)


_WORD = re.compile(r"[^\W\d_]{3,}")
_ASIDE = re.compile(r"\([^()]*\)")


def without_asides(text: str) -> str:
    """The text with what it says in brackets blanked out."""
    return _ASIDE.sub(" ", text)


def adds_to_previous(piece: Piece, language: str, figures: list[Any], open_baseline: bool) -> bool:
    """A clause of a listed objective that only says when ("say end of june", "altså
    slutten av juni"), or today's value ("i dag bruker vi ca 25 000 kr") when the objective
    before it has none yet, or a short phrase that only qualifies it ("without losses"),
    belongs to that objective."""
    if states_objective(piece, language):
        return False
    text = piece.text
    if figures:
        opening = cues.search("today_words", language, text)
        return open_baseline and opening is not None and opening.start() <= OPENING
    if cues.search("modifier_item", language, text):
        return True  # "…принимать все заказы в одном месте, без потерь": how, not an aim
    dates = find_date_spans(text, language)
    if not dates:
        return False
    starts, ends = [0] + [e for _, e in dates], [s for s, _ in dates] + [len(text)]
    rest = "".join(text[a:b] for a, b in zip(starts, ends, strict=True))
    rest = without_asides(rest)  # "by 2027-12-31 (cases, not GBP)": an aside says no aim
    return len(_WORD.findall(rest)) <= 2


DOCUMENT_LINES = 6  # a text this long, with a heading for its objectives, is a document


def in_objectives_section(text: str, language: str, scopes: list[Any]) -> list[Any]:
    """In a brief with a heading for the objectives ("Objectives (from the owners)"), the
    objectives are what it lists; a wish in the description of the business before it
    ("their daughter … wants to modernise") is context, not one of them."""
    if text.count("\n") < DOCUMENT_LINES:
        return scopes
    headers = [start for start, _ in after_header(text, language)]
    if not headers:
        return scopes
    first = min(headers)
    return [s for s in scopes if s.start >= first] or scopes


def aim_before(text: str, start: int, language: str) -> bool:
    """The sentence before is an aim of its own, with its figures ("cut no-shows from 6.5
    to 1.5. Fill mondays, the vans are 50 % booked on those days"): its metric is its own,
    not what "those" points at."""
    before = [p for p in sentences(text) if p.end <= start]
    last = before[-1] if before else None
    if last is None or not re.search(r"\d", last.text):
        return False
    return (
        states_objective(last, language) or cues.search("from_to", language, last.text) is not None
    )
