"""What the owner ordered in chat, with the values that go with it: "goal 3 should be 3,200
to 4,500", "change the G1 deadline to end of march", "mål 2 skulle være 1,8% ikke 1,5",
"fjern tiltaket om nettbutikk", "move initiative 2 to Later". Read from the typed reading
(``assistant.understanding``); applied to the plan by ``chat_edits``."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel

from assistant.coaching.command_dates import new_deadline, own_date
from assistant.coaching.command_lanes import (
    horizon_of,
    lane_named,
    priority_of,
    put_first,
    without_place,
)
from assistant.coaching.command_names import new_name
from assistant.coaching.command_values import new_values, old_values, order_unit, told_at
from assistant.coaching.listed_orders import each_listed, goals_numbered, renamed_together
from assistant.coaching.words import content_words
from assistant.extraction import extract_deadlines
from assistant.understanding import cues
from assistant.understanding.reading import CommandFact, Reading, Span
from assistant.understanding.text import containing, sentences, span_of

PROFILE_FIELDS = ("staff", "revenue")  # corrections the coach applies to the profile itself


class PlanCommand(BaseModel):
    """One change to the plan the owner asked for, with the words it was said in."""

    action: str
    number: int | None = None  # the goal's or initiative's number, when said
    words: str  # the sentence the command is in
    baseline: float | None = None
    target: float | None = None
    deadline: date | None = None
    horizon: str | None = None  # short | medium | long, for an initiative moved
    first: bool = False  # put first in its lane ("to the top of Now")
    priority: str | None = None  # high | medium | low, for an initiative given one
    item_id: str | None = None  # the goal or initiative the number named when said
    old: float | None = None  # a corrected value as said before ("its 1.4m not 1.2": 1.2)
    unit: str | None = None  # the unit of the values said ("%", "count", "hours")
    focus: str = ""  # the clause of the order itself ("and move the CRM one to Now")
    metric: str | None = None  # the KPI a corrected value belongs to, when the reader knew it
    name: str | None = None  # a goal's new name ("rename it to 'EV installs'")
    goal_name: str | None = None  # the goal as the owner named it ("telefonmålet": "Telefon")
    rewrite: bool = False  # the step takes the owner's words as its title and description


def plan_commands(reading: Reading, today: date) -> list[PlanCommand]:
    """Each command of the reading, and each correction of a goal by number ("goal 2
    should be 1.8 %"), as a ``PlanCommand`` with its new values."""
    found: list[PlanCommand] = []
    said_orders = _one_per_order(reading)
    starts = [c.span.start for c in said_orders]
    previous_end = 0
    for said in said_orders:
        later = [s for s in starts if s > said.span.end]
        reach = _reach(reading.text, said.span.end, later[0] if later else len(reading.text))
        window = (said.span.start if previous_end else 0, later[0] if later else len(reading.text))
        command = _command(
            reading, said.action, said.goal_number, said.span.start, today, reach, window
        )
        own = _own_clause(reading, command, said.span, previous_end, later, reach)
        if said.action in INITIATIVE_ACTIONS or command.action in INITIATIVE_ACTIONS:
            lane = own.horizon or command.horizon  # "перенесите в ближайшие 3 месяца": Now
            command = own.model_copy(update={"horizon": lane})  # "move it to Now": a step
        else:
            command = command.model_copy(update={"focus": own.focus})
        more: list[PlanCommand] = []
        if said.action in ("rename_goal", "rename_initiative", "add_initiative"):
            named = reading.text[said.span.end : later[0] if later else len(reading.text)]
            pieces = renamed_together(named, reading.language)
            if said.action != "rename_goal" or command.number is None:
                pieces = [(None, named)]
            command.name = new_name(pieces[0][1], said.span.text)  # not the next order's
            more = [_renamed(command, n, words) for n, words in pieces[1:] if n is not None]
        previous_end = said.span.end
        if not any(_same_order(c, command) for c in found):
            found += each_listed(command, reading.language) + more
    told = {v for c in found if c.action == "change_goal" for v in (c.baseline, c.target)}
    found += [r for r in _replaced_values(reading) if r.target not in told]  # said once
    found += _said_again_for(reading, found)  # "Удалите шаг 6. И шаг 1 тоже."
    found = _one_step_changed(found, reading.language)  # "… and give it high priority"
    return _without_link_echoes(found + _goals_addressed(reading, today, found))


def _one_step_changed(found: list[PlanCommand], language: str) -> list[PlanCommand]:
    """ "Перенесите шаг 8 в «Сейчас» и поставьте высокий приоритет": a priority that names no
    step, right after a change to one that does, is more of the same change."""
    kept: list[PlanCommand] = []
    for command in found:
        last = kept[-1] if kept else None
        same_step = last is not None and (
            (last.number is not None and command.priority is not None)
            or (command.first and cues.search("it_again", language, command.focus or ""))
        )  # "… and the CRM step to Later" is another step; "…, og sett den først" the same
        if (
            last is not None
            and same_step
            and command.action == last.action == "change_initiative"
            and command.number is None
            and command.horizon in (None, last.horizon)
        ):
            kept[-1] = last.model_copy(
                update={
                    "priority": last.priority or command.priority,
                    "horizon": last.horizon or command.horizon,
                    "first": last.first or command.first,
                }
            )
            continue
        kept.append(command)
    return kept


REPEATABLE = ("drop_initiative", "drop_goal", "change_initiative")


def _said_again_for(reading: Reading, found: list[PlanCommand]) -> list[PlanCommand]:
    """ "Remove step 6. And step 1 too.": a sentence that only names another item and says
    "too" repeats the order said before it for that item."""
    again: list[PlanCommand] = []
    last = next((c for c in reversed(found) if c.action in REPEATABLE), None)
    for sentence in sentences(reading.text):
        said = cues.search("same_order_for", reading.language, sentence.text)
        if said is None or last is None:
            continue
        number = int(said.group("n"))
        if not any(c.action == last.action and c.number == number for c in found + again):
            again.append(last.model_copy(update={"number": number, "item_id": None}))
    return again


def _without_link_echoes(found: list[PlanCommand]) -> list[PlanCommand]:
    """ "…привяжите к цели 4, а не к цели 1": the goal said not to be linked is no change."""
    links = [c.words for c in found if c.action == "link_initiative"]
    return [
        c
        for c in found
        if not (
            c.action == "change_goal"
            and (c.baseline, c.target, c.deadline) == (None, None, None)
            and any(c.words in w or w in c.words for w in links)
        )
    ]


def _goals_addressed(reading: Reading, today: date, found: list[PlanCommand]) -> list[PlanCommand]:
    """ "Telefonmålet: 31 mars 2027 då", "и цель 2 я сказал 30 июня": a sentence no order
    covers that names a goal and gives it a new date or figure changes that goal. A goal
    named by its number needs a correction in the message ("goal 2: 40 customers" may state
    an aim); one named by what it counts does not."""
    addressed: list[PlanCommand] = []
    unfinished: int | None = None  # "Mål 1 ble «60 % → 60 %», det er feil. Det skal være …"
    for sentence in sentences(reading.text):
        said = _goal_said(sentence.text, reading.language)
        if any(_covers(c, sentence.text, said) for c in found):
            continue
        number = _goal_number(sentence.text, reading.language)
        number, unfinished = number or unfinished, number
        named = cues.search("goal_named", reading.language, sentence.text)
        if named is None and number is None:  # "the winter one should be done by …"
            named = cues.search("goal_called_one", reading.language, sentence.text)
        if (number is None or not reading.corrections) and named is None:
            continue
        if cues.search("goal_swapped", reading.language, sentence.text):
            continue  # "bytt ut kundemålet med: rådgivningsoppdrag fra 3 til 10": a new aim
        if cues.search("still_stands", reading.language, sentence.text):
            continue  # "fristen står fortsatt 30.11": what it says now, not a new value
        fixed = _command(reading, "change_goal", number, sentence.start, today, sentence.end)
        new = (fixed.baseline, fixed.target, fixed.deadline) != (None, None, None)
        unfinished = None if new else unfinished  # a goal named with no values: the next says
        if fixed.action == "change_goal" and new:  # not a lane named
            name = named.group("name") if named and number is None else None
            addressed += each_listed(
                fixed.model_copy(update={"goal_name": name, "words": sentence.text}),
                reading.language,
            )  # "I meant December 2027 for both goal 1 and goal 2"
    return addressed


def _same_order(said: PlanCommand, other: PlanCommand) -> bool:
    return (said.action, said.words, said.number) == (other.action, other.words, other.number)


_NO_BREAK = re.compile(r"^[^,.;!?\n]*\Z")  # a new line starts a new order
_JOINED_BY = re.compile(r"\b(?:and|og|och|и|also|også|också|ещё)\b", re.IGNORECASE)


def _one_per_order(reading: Reading) -> list[CommandFact]:
    """ "move initiative 3 to Later" matches two cues (the verb, the lane): one order, when
    nothing between them starts another clause."""
    merged: list[CommandFact] = []
    for said in reading.commands:
        last = merged[-1] if merged else None
        between = reading.text[last.span.end : said.span.start] if last else ""
        if (
            last
            and last.action == said.action
            and _NO_BREAK.match(between)
            and not _JOINED_BY.search(between)
            and not _JOINED_BY.match(said.span.text)  # "… og annonsekampanjene til Senere"
        ):
            span = span_of(reading.text, last.span.start, said.span.end)
            merged[-1] = last.model_copy(
                update={"span": span, "goal_number": last.goal_number or said.goal_number}
            )
        else:
            merged.append(said)
    return merged


INITIATIVE_ACTIONS = (
    "drop_initiative",
    "change_initiative",
    "rename_initiative",
    "link_initiative",
)
STEP_ORDERS = (*INITIATIVE_ACTIONS, "add_initiative", "lighten_now")  # about the roadmap
_CLAUSE = re.compile(r"(?:[^,;.!?]|\.(?=\w))+", re.IGNORECASE)  # "booking.com" is one word


def _own_clause(
    reading: Reading,
    command: PlanCommand,
    span: Span,
    previous_end: int,
    later: list[int],
    reach: int,
) -> PlanCommand:
    """An order about an initiative shares its sentence with the next one ("move the Google
    Ads to Later, and put intake forms first in Now"): its words, lane and number are those
    between the order before it and the order after it."""
    text = reading.text
    pieces = sentences(text)
    own = containing(pieces, span.start)
    start = max(own.start if own else 0, previous_end if previous_end <= span.start else 0)
    end = min(later[0] if later else reach, own.end if own else reach)  # not the next sentence
    if own is not None and _bare_order(text[own.start : own.end], span, own.start, reading):
        before = [p for p in pieces if p.end <= own.start and p.start >= previous_end]
        reach = before[-BARE_ORDER_REACH:]
        items = [p for p in reach if _ITEM_START.match(p.text)]  # "3) Nyhetsbrev … Fjern det."
        start = (items or reach)[-1 if items else 0].start if reach else own.start
        end = own.end  # "сервисные договоры … это что вообще? … какая подписка. убери."
    words = text[start:end].strip(" ,;")
    clauses = [c for c in _CLAUSE.finditer(text, start, end) if c.start() <= span.start]
    focus = clauses[-1].group(0) if clauses else words
    moving = command.action == "change_initiative"
    horizon = horizon_of(words, reading.language) if moving else None
    first = moving and put_first(words, reading.language)
    named = without_place(words, reading.language) if first else words  # not "som nummer 1"
    number = cues.search("initiative_reference", reading.language, named)
    if number is None and first:  # "put step 4 first": the place said around the step
        said = cues.search("initiative_reference", reading.language, words)
        place = said and cues.search("place_number", reading.language, said.group(0))
        number = said if said and not place else None
    bare = command.number if command.action == "link_initiative" else None  # "link 4 to goal 3"
    return command.model_copy(
        update={
            "words": words,
            "horizon": horizon,
            "first": first,
            "priority": priority_of(words, reading.language) if moving else None,
            "number": int(number.group("n")) if number else bare,
            "focus": focus,
        }
    )


BARE_ORDER_REACH = 3  # sentences before a bare order ("убери.") that may name its object
_ITEM_START = re.compile(r"^\s*\(?\d{1,2}[.)]\s")  # a list item: a bare order stays in its own


def _bare_order(sentence: str, span: Span, offset: int, reading: Reading) -> bool:
    """ "убери.", "bin it!": an order whose sentence names nothing points at the sentence
    before it, not at what the owner goes on to say."""
    rest = sentence[: span.start - offset] + sentence[span.end - offset :]
    return not content_words(rest, reading.language)


def _replaced_values(reading: Reading) -> list[PlanCommand]:
    """ "its 1.4m not 1.2", "vi er 15, ikke 14": a new value said against the old one, for a
    correction that does not say which fact it fixes. The plan finds the fact by its value."""
    found: list[PlanCommand] = []
    if any(c.field in PROFILE_FIELDS for c in reading.corrections):
        return found  # the correction says what it fixes ("vi er 15": staff)
    for correction in reading.corrections:
        if not isinstance(correction.value, int | float):
            continue
        sentence = containing(sentences(reading.text), correction.span.start)
        words = sentence.text if sentence else reading.text
        old = old_values(words, reading.language)
        alone = sum(isinstance(c.value, int | float) for c in reading.corrections) == 1
        if not old and alone:  # "scratch the 300 trials, that was october. more like 180"
            words = reading.text
            old = old_values(words, reading.language)
        old = list(dict.fromkeys(old))  # "480, а не 520, 520 было в прошлом году": one old value
        if len(old) == 1 and not any(f.old == old[0] and f.words == words for f in found):
            found.append(
                PlanCommand(
                    action="replace_value",
                    words=words,
                    target=float(correction.value),
                    old=old[0],
                    metric=correction.field or None,
                )
            )
    return found


def _renamed(command: PlanCommand, number: int, words: str) -> PlanCommand:
    """ "…, goal 2 to 'fill monday-tuesday'": the same rename for the next goal listed."""
    return command.model_copy(update={"number": number, "name": new_name(" " + words)})


def _goal_number(text: str, language: str) -> int | None:
    match = cues.search("goal_reference", language, text)
    return int(match.group("n")) if match else None


LOOK_BACK = 40  # "goal 3, the admin one - change the deadline": the goal named just before


SENTENCE_REACH = 80  # how far back in its sentence an order looks for the goal it is about
LABEL_REACH = 12  # "Mål 5: " right before an order names its goal


def _labelled_right_before(reading: Reading, position: int) -> int | None:
    """The goal number an order is labelled with ("Mål 5: endre målet til 90 %")."""
    before = reading.text[max(0, position - LABEL_REACH) : position]
    for pattern in cues.patterns("goal_reference", reading.language):
        for match in pattern.finditer(before):
            if re.fullmatch(r"\s*[:–—-]\s*", before[match.end() :]):
                return int(match.group("n"))
    return None


def _said_alone_before(reading: Reading, position: int) -> int | None:
    """The goal number said as a sentence of its own right before the order ("goal 4.
    rename it average fee per client")."""
    before = reading.text[max(0, position - LOOK_BACK) : position].rstrip()
    alone = re.search(r"(?:^|[.!?\n])\s*([^.!?\n]{1,24})[.:]$", before)
    if alone is None:
        return None
    match = cues.search("goal_reference", reading.language, alone.group(1))
    return (
        int(match.group("n"))
        if match and match.group(0).strip() == alone.group(1).strip()
        else None
    )


def _named_just_before(reading: Reading, position: int) -> int | None:
    """The goal number said before an order, earlier in its sentence ("Mål 1 skal hete
    «salg i nettbutikken», og sett målet til 120 000")."""
    before = reading.text[max(0, position - SENTENCE_REACH) : position]
    before = re.split(r"[.!?\n]", before)[-1]
    return _goal_number(before, reading.language)


def _reach(text: str, end: int, next_command: int) -> int:
    """Where a command's words end: its sentence, and the sentences after it that give no
    other order ("3000 is too many, we have 0 today. say 1000 by end of 2027")."""
    pieces = sentences(text)
    own = containing(pieces, max(end - 1, 0))
    if own is None:
        return end
    after = [p.end for p in pieces if p.start >= own.end and p.end <= next_command]
    return max([end, own.end, *after])


def _words(text: str, start: int, end: int, window: tuple[int, int] | None = None) -> str:
    """The sentences a command's words run through ("goal 3, the admin one - change the
    deadline to end of june" is one order, though a dash starts a new line of a list), cut
    at the orders said before and after it in the same sentence ("move the deadline of goal
    3 to December and make goal 2 target 20 %": two orders, each with its own values)."""
    pieces = sentences(text)
    first, last = containing(pieces, start), containing(pieces, max(start, end - 1))
    if first is None:
        return text
    low, high = window or (0, len(text))
    low = low if first.start < low <= start else first.start
    high = high if start < high < (last or first).end else (last or first).end
    return text[low:high]


def _command(
    reading: Reading,
    action: str,
    number: int | None,
    position: int,
    today: date,
    end: int | None = None,
    window: tuple[int, int] | None = None,
) -> PlanCommand:
    words = _words(reading.text, position, end or position + 1)
    command = PlanCommand(action=action, number=number, words=words)
    if action in ("change_goal", "add_goal"):
        own = _words(reading.text, position, end or position + 1, window)
        said_number = number or _goal_number(own, reading.language)
        own = _without_other_goals(own, said_number, reading.language)
        command.baseline, command.target = new_values(own, reading.language)
        command.unit = order_unit(own, reading.language)
        said = extract_deadlines(own, reading.language, today)  # "sommaren 2027, säg 30 juni"
        found = new_deadline(own, reading.language, said)
        values = tuple(told_at(own, reading.language))
        if found is not None and any(
            own_date(reading, own, position, d.start, values) for d in said
        ):
            command.deadline = found.date
    if action in ("change_goal", "drop_goal", "rename_goal") and number is None:
        own = _words(reading.text, position, end or position + 1, window)
        first_sentence = re.split(r"(?<=[.!?\n])\s", own, maxsplit=1)[0]
        command.number = (
            _labelled_right_before(reading, position)  # "Mål 5: endre målet til 90 %, …"
            or _goal_number(first_sentence, reading.language)
            or _named_just_before(reading, position)  # "Mål 1 skal hete …, og sett målet til"
            or _goal_number(own, reading.language)
            or _said_alone_before(reading, position)  # "goal 4. rename it …"
        )
    horizon = horizon_of(words, reading.language)
    lane = lane_named(words, reading.language)  # "перенесите в ближайшие 3 месяца": Now
    if action == "change_goal" and command.number is None and lane:
        horizon, command.deadline = lane, None
    no_values = command.baseline is None and command.target is None
    # "I want it done before Easter - can you move it to now?": a step moved, its date said
    dated = command.deadline is not None and not (number is None and no_values)
    moved = horizon and not dated and (number is None or no_values)
    only_rank = command.baseline is None and command.target in (None, 1)  # "nummer 1"
    placed = only_rank and command.deadline is None and put_first(words, reading.language)
    if action == "change_goal" and (moved or placed):  # "sett den som nummer 1": a step
        action = command.action = "change_initiative"  # "move it to Later": a lane, no goal
        number = command.number = None  # "the website should be in Now, … for goal 2"
    if action == "change_initiative":
        command.horizon = horizon or lane  # "into the first 3 months": Now
    if action in ("drop_initiative", "change_initiative") and number is None:
        match = cues.search("initiative_reference", reading.language, words)
        command.number = int(match.group("n")) if match else None
    return command


_CLAUSES = re.compile(r"(?<=[.;!?])(?<!\d\.)\s+|,\s+")  # "31. august" is one date


def _covers(command: PlanCommand, sentence: str, goal: int | str | None) -> bool:
    """The order's words hold the sentence, and the sentence names no other goal."""
    own = command.number if command.number is not None else command.goal_name
    named_apart = goal is not None and own is not None and goal != own
    return sentence.strip() in command.words and not named_apart


def _without_other_goals(words: str, number: int | None, language: str) -> str:
    """ "goal 3 target is 7 days not 20. 20% was for goal 2 only", "mål 2 … 30 juni 2027.
    Telefonmålet … till 31 mars": a clause that names another goal says nothing about this
    one's values."""
    clauses = _CLAUSES.split(words)
    own = number if number is not None else _goal_said(clauses[0], language)
    if own is None:
        return words
    kept, about = [], own
    for clause in clauses:  # "Mål 1 ble også rart. Det skal være …": still about goal 1
        named = goals_numbered(clause, language)
        about = own if own in named else _goal_said(clause, language) or about
        if about == own:  # "flytta mål 1 och mål 2 till …": about both
            kept.append(clause)
    return words if len(kept) == len(clauses) else ". ".join(kept)


def _goal_said(text: str, language: str) -> int | str | None:
    """The goal ``text`` names: its number, else its name in lower case."""
    number = _goal_number(text, language)
    if number is not None:
        return number
    named = cues.search("goal_named", language, text)
    return named.group("name").lower() if named else None
