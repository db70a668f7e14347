"""Where each objective's words begin and end in a message: the clause that states it with
what leads up to it, the rest of its sentence, and a next sentence that only gives its
figures; and how each figure in those words is used (today's value, the target, the change).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from assistant.extraction import find_date_spans
from assistant.understanding import cues
from assistant.understanding.metrics import cue_hits
from assistant.understanding.objective_clauses import (
    adds_to_previous,
    after_header,
    after_label,
    aim_lists,
    aims_sections,
    background_beside,
    constraint_sections,
    is_label,
    only_from_to,
    opens_objective,
    parallel_wish,
    states_objective,
    units,
    without_asides,
)
from assistant.understanding.objective_figures import (
    figure_role,
    said_as_today,
    unit_price,
)
from assistant.understanding.objective_items import (
    headline_then_figures,
    later_in_item,
    more_of_item,
)
from assistant.understanding.quantities import Found
from assistant.understanding.stems import shared_words
from assistant.understanding.text import Piece, list_items, without_dates

OPENING_WORDS = 3  # "idag ca 5 dagar": today's value opens the clause


@dataclass
class Scope:
    """An objective's words: its sentence, plus a following one that only gives figures."""

    pieces: list[Piece]
    amounts: list[Found] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


def _gives_figures(
    text: str, previous: Scope, piece: Piece, inside: list[Found], language: str
) -> bool:
    """ "lägg till ett mål: svarstid på kundmejl, idag ca ett dygn, ner till 4 timmar": a
    listed clause that opens with today's value gives the figures of the objective just
    named without any."""
    if previous.amounts or not inside or states_objective(piece, language):
        return False
    lead = text[piece.start : inside[0].start]
    return len(lead.split()) <= OPENING_WORDS and said_as_today(
        text, inside[0], language, piece.start
    )


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _listed_by_header(text: str, piece: Piece, listed: list[tuple[int, int]]) -> bool:
    """A clause in the header's own sentence ("Ønsker: nettbooking …, maks 1 uke ventetid,
    …") is an item of its list; a later clause of a later sentence ("…, group thing, …")
    goes on with the objective its sentence opened."""
    return any(
        s <= piece.start < e and _SENTENCE_END.search(text, s, piece.start) is None
        for s, e in listed
    )


def _points_back(
    piece: Piece, inside: list[Found], scopes: list[Scope], same_sentence: bool, language: str
) -> bool:
    """A wish that points back at what its sentence just said is that objective said again:
    with no figure of its own ("…, want that filled up a bit"), or with the target for the
    one figure said before it ("svinn … er altfor høyt, ca 12 %, vil ha det ned til 8 %")."""
    if not (scopes and same_sentence):
        return False
    said = len(scopes[-1].amounts)
    if (inside and said != 1) or (not inside and said):
        return False
    return _pointing(piece, language)


POINTING_WORDS = 7  # longer wishes name something of their own


def _pointing(piece: Piece, language: str) -> bool:
    """A short wish that points back at what was just said ("Want that halved.")."""
    short = len(piece.text.split()) <= POINTING_WORDS
    return short and cues.search("anaphora", language, piece.text) is not None


def _dash_before(text: str, scopes: list[Scope], piece: Piece) -> bool:
    """ "win more of our quotes - from 35% to 45%": only a dash between the objective and
    the figures that follow it on the same line."""
    return re.fullmatch(r"[ \t]*[-–—]?[ \t]*", text[scopes[-1].end : piece.start]) is not None


def _purpose(piece: Piece, scopes: list[Scope], same_sentence: bool, language: str) -> bool:
    """ "Хочу онлайн-запись, чтобы в сезон не было очереди": a clause saying what the
    objective just stated in its sentence is for belongs to it; after a bare "Хочу," the
    same words state the wish itself, and after "that …" they are one more wish."""
    if not (scopes and same_sentence) or cues.search("purpose", language, piece.text) is None:
        return False
    last = scopes[-1].pieces[-1].text
    return cues.search("parallel_wish", language, last) is None


_FIRST_PERSON = re.compile(r"\b(?:we|i|vi|jeg|jag|мы|я)\b", re.IGNORECASE)


def _goes_on_saying(text: str, piece: Piece, language: str) -> bool:
    """ "We are on Checkatrade and get maybe 40 % of enquiries": an "and" that goes on with
    what the owner's own sentence says about today, with no wish in either part."""
    joined = re.search(r"\b(?:and|og|och|и)\s*$", text[max(0, piece.start - 6) : piece.start])
    if ONE_MORE.match(piece.text) is None and joined is None:
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, piece.start)]
    lead = text[max(ends, default=0) : piece.start]
    wish = cues.patterns("objective", language)[0]
    said = _FIRST_PERSON.search(lead) is not None
    return said and wish.search(lead) is None and wish.search(piece.text) is None


ONE_MORE = re.compile(r"^\W*(?:and|plus|also|og|også|och|också|и|а также|а ещё)\s", re.IGNORECASE)


def _one_more_aim(
    text: str, piece: Piece, inside: list[Found], scopes: list[Scope], number: int, language: str
) -> bool:
    """ "I'd like online sales at a tenth of turnover. And a book-of-the-month subscription
    with 150 members by next Christmas.": a sentence that adds one more aim with a figure,
    right after the sentence of an objective."""
    if not scopes or ONE_MORE.match(piece.text) is None or not inside:
        return False
    last = text[scopes[-1].end : piece.start]
    after_aim = last.count(".") + last.count("!") <= 1 and "\n\n" not in last
    dated = bool(find_date_spans(piece.text, language))  # "… by next Christmas": an aim
    dated = dated and not cues.search("done_before", language, piece.text)  # "we did 12 in 2025"
    changes = any(cues.search(k, language, piece.text) for k in ("increase", "decrease"))
    aimed = dated or changes  # "och telefonen tar 2 timmar om dagen": how things are today
    return aimed and after_aim and not said_as_today(text, inside[0], language, piece.start)


_ITEM = re.compile(r"(?:^|(?<=\s))\(?\d{1,2}[).]\s+")  # "1) ", "2. ", "(3) "
_BULLET = re.compile(r"(?:^|(?<=\n))[ \t]*[-–—•*][ \t]+")  # "* 8 nya avtalskunder …"


def _open_base(text: str, language: str, previous: Scope, today: Found) -> bool:
    """The objective before has no today's value yet: "cut it by 40 %, today we spend
    25 000" (a change), "faktura ut innen 3 dager …, i dag 17 dager" (a target alone)."""
    roles = [figure_role(text, a, language) for a in previous.amounts]
    if roles == ["change_by"]:
        return True
    alone = len(previous.amounts) == 1 and roles[0] != "baseline"
    return alone and previous.amounts[0].amount.unit == today.amount.unit


def _listed_beside_aims(
    text: str, piece: Piece, inside: list[Found], amounts: list[Found], language: str
) -> bool:
    """ "1) Flere bad, fra 3 til 6 … 2) Faktura ut innen 3 dager, i dag 17 dager …": a
    numbered item with a figure or a date ("3) Третья площадка … к декабрю 2028"), in a list
    whose other items state aims, is one too; so is a bulleted one that opens with a figure
    and a date ("* 8 nya avtalskunder under 2027"), unless it counts the team."""
    numbered = _ITEM.match(piece.text) is not None
    line_start = text.rfind("\n", 0, piece.start) + 1
    bullet = _BULLET.match(text, line_start)
    if not numbered and (bullet is None or piece.start > bullet.end()):  # its opening words
        return False
    dated = bool(find_date_spans(piece.text, language))
    if not inside and not dated:
        return False
    marker = _ITEM if numbered else _BULLET
    starts = [m.start() for m in marker.finditer(text)] + [len(text)]
    items = [Piece(text[a:b], a) for a, b in itertools.pairwise(starts)]
    own = next((i for i in items if i.start <= piece.start < i.end), None)
    if own is None:
        return False
    figures = [a for a in amounts if own.start <= a.start < own.end]
    aimed = dated or bool(find_date_spans(own.text, language)) or len(figures) >= 2
    if not numbered:  # a bullet of facts ("6 ansatte, omsetning 8,1 mill i år") is no aim
        aimed = dated and bool(inside) and not any(_head_count(text, a) for a in figures)
    siblings = [i for i in items if i is not own]
    return aimed and any(states_objective(i, language) for i in siblings)  # not "1) 11 staff"


def objective_scopes(text: str, language: str, amounts: list[Found]) -> list[Scope]:
    """Each objective's words: the clause that states it with what leads up to it in its
    sentence ("First of all, we want ..."), the rest of its sentence up to the next
    objective, and the next sentence when only that one gives the figures."""
    scopes: list[Scope] = []
    open_sentence: int | None = None
    lead: list[tuple[int, Piece]] = []
    listed = after_header(text, language)
    aims_listed = aims_sections(text, language)
    listed_apart = aim_lists(text, language)  # a brief's list of aims: the rest is background
    kept_out = constraint_sections(text, language)  # "Budget: …", "Begrensning: …"
    sentence_before = -1
    for number, whole in units(text, language):
        if any(start <= whole.start < end for start, end in kept_out):
            continue
        piece = after_label(whole, listed)  # "Objectives: respond to every enquiry …"
        opens_sentence, sentence_before = number != sentence_before, number
        if is_label(text, piece, listed):  # "The partners want to (1) …"
            lead = [*lead, (number, piece)]
            continue
        if background_beside(piece, listed_apart, language):  # "Turnover last FY about £1.6m"
            continue
        inside = [
            a
            for a in amounts
            if piece.start <= a.start < piece.end and not unit_price(text, a, language)
        ]
        in_list = (
            any(s <= piece.start < e for s, e in aims_listed)
            and len(piece.text.split()) >= 2
            and (opens_sentence or _listed_by_header(text, piece, listed))
            and not cues.search("not_objective", language, without_asides(piece.text))  # "INTE"
            and not (scopes and _gives_figures(text, scopes[-1], piece, inside, language))
        )
        figures_only = only_from_to(piece, language)
        continues = bool(scopes) and not scopes[-1].amounts
        continues = continues and (open_sentence == number or _dash_before(text, scopes, piece))
        open_baseline = (
            bool(scopes) and len(inside) == 1 and _open_base(text, language, scopes[-1], inside[0])
        )
        if in_list and scopes and adds_to_previous(piece, language, inside, open_baseline):
            scopes[-1].pieces.append(piece)  # "…by next summer, say end of june"
            scopes[-1].amounts += inside
            continue
        if _purpose(piece, scopes, open_sentence == number, language):
            scopes[-1].pieces.append(piece)  # "online booking, so there are no queues"
            scopes[-1].amounts += inside
            continue
        if in_list and headline_then_figures(text, piece, scopes):
            scopes[-1].pieces.append(piece)  # '- "Stop depending on X" - half of leads direct'
            scopes[-1].amounts += inside
            continue
        if in_list and later_in_item(text, piece, scopes) and more_of_item(piece, inside, language):
            scopes[-1].pieces.append(piece)  # "- Online booking …. Karen wants this by May."
            continue
        wished = in_list or (
            states_objective(piece, language) and not _goes_on_saying(text, piece, language)
        )
        wished = wished or parallel_wish(text, piece, language)
        wished = wished or _one_more_aim(text, piece, inside, scopes, number, language)
        wished = wished or _listed_beside_aims(text, piece, inside, amounts, language)
        if wished and _points_back(piece, inside, scopes, open_sentence == number, language):
            scopes[-1].pieces.append(piece)  # "the cars sit idle, want that filled up"
            scopes[-1].amounts += inside
            continue
        if wished and not (figures_only and continues):
            before = [  # "Вы потеряли ещё одну вещь: хочу …": said to the coach, no aim's words
                p for n, p in lead if n == number and not cues.search("coach_did", language, p.text)
            ]
            if not before and _unnamed(piece, language):  # "Fyllingsgraden … 65 %. Mål: 85 %"
                before = [p for n, p in lead if n == number - 1][-1:]
            if not before and not inside and _pointing(piece, language):
                before = [p for n, p in lead if n == number - 1]  # "…6-7 a week. Want that halved."
            said = [
                (p, a)
                for p in before
                for a in amounts
                if p.start <= a.start < p.end
                and not _head_count(text, a)
                and not unit_price(text, a, language)
            ]
            today = [  # "online booking today 0, we want 1 in 3": today's value leads in
                a for p, a in said if said_as_today(text, a, language, p.start)
            ] or _before_bare_target(text, [a for _, a in said], inside, language)
            scopes.append(Scope([*before, piece], today + inside))
            open_sentence, lead = number, []
        elif (
            scopes
            and inside
            and not scopes[-1].amounts
            and _dated_apart(text, scopes[-1], piece, language)
            and (figures_only or find_date_spans(piece.text, language))
        ):  # "…к концу 2027. заказы с сайта с 450 до 600 до конца 3 квартала": an aim of its own
            scopes.append(Scope([piece], inside))
            open_sentence, lead = number, []
        elif _elided_aim(text, scopes, piece, inside, number == open_sentence, language):
            scopes.append(Scope([piece], inside))  # "…до 15 % к концу года, списание до 10 %"
            open_sentence, lead = number, []
        elif _another_metric_joined(text, scopes, piece, number == open_sentence, language):
            scopes.append(Scope([piece], inside))  # "…subscribers at 600, and churn is bad, 9 %"
            open_sentence, lead = number, []
        elif open_sentence is not None and (
            number == open_sentence
            or (
                inside
                and not scopes[-1].amounts
                and "\n" not in text[scopes[-1].end : piece.start]
                and not _other_metric(text, scopes[-1], piece, inside, language)
                and not _dated_apart(text, scopes[-1], piece, language)
            )
        ):
            scopes[-1].pieces.append(piece)
            scopes[-1].amounts += inside
            open_sentence = number if number == open_sentence else None
        else:
            open_sentence = None
            lead = [*lead, (number, piece)]
    return scopes


def _dated_apart(text: str, scope: Scope, piece: Piece, language: str) -> bool:
    """ "3) Третья площадка … к декабрю 2028. Сейчас у нас 320 детей": a milestone with its
    date takes no figure from the next sentence unless that sentence names what it names."""
    said = text[scope.start : scope.end]
    if not find_date_spans(said, language):
        return False
    return shared_words(without_dates(said, language), piece.text, language) == 0


# "420 people on annual service contracts", "300 personer på ventelisten": people counted
# as customers of something, not the team
_PEOPLE_OF = re.compile(
    r"\s+(?:on|in|with|signed up|subscribed|registered|på|i|med|на|в)\s+"
    r"(?!(?:the |our |vårt |vårt )?(?:team|staff|payroll|office|laget|teamet|staben|штат|команд))",
    re.IGNORECASE,
)


def _head_count(text: str, found: Found) -> bool:
    """A count of people that is the team, never an objective's today's value."""
    return found.counted == "people" and _PEOPLE_OF.match(text, found.end) is None


NAMING = re.compile(r"[^\W\d_]{5,}")  # a word this long could name what is counted


def _unnamed(piece: Piece, language: str) -> bool:
    """ "Mål: opp mot 85 % innen et år": figures, a date and small words, nothing named."""
    return NAMING.search(without_dates(piece.text, language)) is None


def _another_metric_joined(
    text: str, scopes: list[Scope], piece: Piece, same_sentence: bool, language: str
) -> bool:
    """ "I want subscribers at 600 by the end of the year, and churn is bad, around 9 %": an
    "and" that goes on to a metric the objective never named, once it has its figures, opens
    what the owner says about that metric."""
    if not (scopes and same_sentence and scopes[-1].amounts) or not ONE_MORE.match(piece.text):
        return False
    named = _metrics_named(piece.text, language)
    said = _metrics_named(text[scopes[-1].start : scopes[-1].end], language)
    return bool(named) and not named & said


def _elided_aim(
    text: str,
    scopes: list[Scope],
    piece: Piece,
    inside: list[Found],
    same_sentence: bool,
    language: str,
) -> bool:
    """ "cut the aggregator share to 15 % by year end, write-offs to 10 %": a clause that
    names another metric with a target of its own, after an objective that has its target,
    is the same wish said again for that metric."""
    if not (scopes and same_sentence and len(inside) == 1):
        return False
    role = figure_role(text, inside[0], language)
    before = text[scopes[-1].start : scopes[-1].end]
    roles = [figure_role(text, a, language) for a in scopes[-1].amounts]
    named = _metrics_named(piece.text, language)
    said = _metrics_named(before, language)
    if role == "" and _both_dated(before, piece.text, language) and scopes[-1].amounts:
        return bool(named) and not named & said  # "4 partnerships by March, a new service
    if role != "change_to":  # with 10 bookings a week by October"
        return False
    return "change_to" in roles and bool(named) and not named & said


def _both_dated(before: str, piece: str, language: str) -> bool:
    return bool(find_date_spans(before, language)) and bool(find_date_spans(piece, language))


def _before_bare_target(
    text: str, said: list[Found], inside: list[Found], language: str
) -> list[Found]:
    """ "we bin about 8 % of what we bake, and I want it down to 3": a wish whose only
    figure is where to go takes today's value from the clause before it; so does a bare
    share after a share ("about 5 % come via the website, I'd like a quarter")."""
    if len(inside) != 1 or not said:
        return []
    role = figure_role(text, inside[0], language)
    same_unit = role == "" and said[-1].amount.unit == inside[0].amount.unit == "%"
    return said[-1:] if role == "change_to" or same_unit else []


def _other_metric(
    text: str, scope: Scope, piece: Piece, inside: list[Found], language: str
) -> bool:
    """ "I want quotes out the same day. We've only got 11 Google reviews": the next
    sentence gives today's value of a metric the objective never mentions, so its figures
    are not the objective's."""
    if not all(said_as_today(text, a, language, piece.start) for a in inside):
        return False
    named = _metrics_named(piece.text, language)
    said = _metrics_named(text[scope.start : scope.end], language)
    return bool(named) and not named & said


def _names_another(text: str, first: Scope, later: Scope, language: str) -> bool:
    """A later sentence of a list item states an aim of metrics none of which the first part
    named."""
    if not re.search(r"[.!?]\s", text[first.start : later.start]):
        return False  # "Fler större jobb (kök), vill ha 20 % högre oms": one sentence, one aim
    sentence = re.split(r"(?<=[.!?])\s", text[later.start :], maxsplit=1)[0]
    if not states_objective(Piece(sentence, later.start), language):
        return False  # "… by spring. We got 1 reply to our last advert": how it is today
    named = _metrics_named(text[later.start : later.end], language)
    first_named = _metrics_named(text[first.start : first.end], language)
    return bool(named) and bool(first_named) and not named & first_named


def _after_whole(text: str, first: Scope, later: Scope, language: str) -> bool:
    """ "2) Google reviews from 86 to 200 and keep the rating above 4.5": after an aim said
    from one figure to another, a clause that opens an aim of its own is one."""
    said = text[first.start : first.end]
    if len(first.amounts) < 2 or not cues.search("from_to", language, said):
        return False
    return opens_objective(Piece(text[later.start : later.end], later.start), language)


def _metrics_named(words: str, language: str) -> set[str]:
    """The metrics whose cues ``words`` say."""
    return {label for *_, label in cue_hits(words, language, 0)}


def in_one_item(text: str, scopes: list[Scope], language: str) -> list[Scope]:
    """An inline list's item is one objective: "1) get paid quicker. 45 days is silly, want
    it under 20 by next summer" is one, with the words of its first clause; unless each part
    says both today's figure and the aim ("6 implant cases now, want 15. cosmetic is £28k a
    month, want that to £50k"), or a later part names another metric ("3) reviews from 23
    to 100 by December. And admin eats 12 hours a week, I'd like that down to 5"): two
    objectives in one item."""
    items = list_items(text)
    if len(items) < 2:
        return scopes
    merged: list[Scope] = []
    for scope in scopes:
        last = merged[-1] if merged else None
        same = last is not None and any(
            i.start <= last.start < i.end and i.start <= scope.start < i.end for i in items
        )
        whole_each = last is not None and min(len(last.amounts), len(scope.amounts)) >= 2
        other = last is not None and (
            _names_another(text, last, scope, language) or _after_whole(text, last, scope, language)
        )
        if last is not None and same and not whole_each and not other:
            merged[-1] = Scope(last.pieces + scope.pieces, last.amounts + scope.amounts)
        else:
            merged.append(scope)
    return merged


def changed_to(text: str, found: Found, language: str) -> bool:
    """ "den föll från 8,2 till 7,4 miljoner": where a change gone by ended, today's value."""
    before = text[max(0, found.start - CHANGED_REACH) : found.start]
    return cues.search("changed_to", language, before) is not None


CHANGED_REACH = 50  # "fell from about 900k to ": the words of a change gone by
