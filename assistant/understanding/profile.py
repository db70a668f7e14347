"""Profile facts: business name, trade, place, staff, yearly revenue, founding year."""

from __future__ import annotations

import re
from functools import cache

from assistant.understanding import cues
from assistant.understanding.places import nominative
from assistant.understanding.quantities import Found
from assistant.understanding.reading import ProfileFact, Span
from assistant.understanding.team import team_size
from assistant.understanding.text import sentences, span_of
from assistant.understanding.trades import TRADE_WORD_ONLY, industry, trades_pattern

_PEOPLE = "people"
MAX_STAFF = 1_000_000  # more than any small or medium business employs: a slip, not a fact
MAX_REVENUE = 1e12  # more than any small business turns over in any currency


@cache
def _lowered(key: str) -> frozenset[str]:
    """A list of words in reading_cues.yaml, in lower case ("not_places")."""
    return frozenset(word.lower() for word in cues.raw(key))


def business_name(text: str, language: str) -> ProfileFact | None:
    for pattern in cues.patterns("business_name", language):
        for match in pattern.finditer(text):
            name = match.group("name").strip(" .,!:;\"'«»“”")
            name = _TRAILING_JOINER.sub("", name)  # "Morgan & Sons Plumbing and" cut short
            name = _FILLER_FIRST.sub("", name)  # "Firmanavn er forresten Grønn Kant AS"
            if _dash_without_trade(text, match, language):
                continue  # "Skills - not really": a topic, not "calder joinery - joinery"
            if _LISTED_AFTER.match(text, match.end("name")):
                continue  # "a garage in Loughborough, MOTs, servicing, repairs": a list
            if name.lower() in cues.raw("greetings").get(language, ()):
                continue  # "Hello - we're a small SaaS company": a greeting, not a name
            if any(
                m.start() == 0 for p in cues.patterns("staff", language) if (m := p.search(name))
            ):
                continue  # "we are 12 people": a head count, not a name
            said_before = text[max(0, match.start("name") - PLAN_ITEM_REACH) : match.start("name")]
            if cues.search("plan_item_named", language, said_before):
                continue  # "Mål 2 heter fortsatt ...": a goal's name, not the business's
            if _a_tools_name(text, match.start("name"), language):
                continue  # "kassasystemet … det heter Sitoo": the till's name
            if cues.search("not_a_business_name", language, name):
                continue  # "Kunduppgifterna ligger i Shopify": where data lives
            if _LOWER_AFTER_NUMBER.match(name) or not re.search(r"[^\W\d_]", name):
                continue  # "We're 8 year-round", "we're 12 in total": a head count
            if name.lower() in _lowered("never_a_business_name"):
                continue  # "in Galway, Ireland": the country, not the name
            if len(name) >= 2 and name.lower() not in _lowered("not_places"):
                start = match.start("name")
                return ProfileFact(
                    field="business_name",
                    value=name,
                    confidence=0.7,
                    span=span_of(text, start, start + len(name)),
                )
    return None


_LISTED_AFTER = re.compile(  # "in Loughborough, MOTs, servicing, repairs": one-word items
    r"\s*,\s*[^\W\d][\w-]*\s*,\s*[^\W\d][\w-]*\s*(?:[,.!;]|and\b|og\b|och\b|и\b)"
)
_LOWER_AFTER_NUMBER = re.compile(r"^\d[\d.,]*\s+[^\W\d]*[a-zæøåäöа-яё]")  # not "3 Brothers"
_FILLER_FIRST = re.compile(
    r"^(?:forresten|egentlig|altså|förresten|faktiskt|egentligen|btw|actually|basically|"
    r"кстати|вообще-то|(?:jeg|vi) (?:eier|driver|har)|(?:jag|vi) (?:äger|driver|har)|"
    r"(?:i|we) (?:own|run|have)|я (?:владею|руковожу)|мы (?:владеем|держим))\s+",
    re.IGNORECASE,
)  # "Jeg eier Nidaros Trykk AS": the owner, then the name
_TRAILING_JOINER = re.compile(r"\s+(?:and|og|och|и|&)$", re.IGNORECASE)
PLAN_ITEM_REACH = 40  # characters before a name in which "goal 2 is called" is said
TOOL_REACH = 90  # characters before "it is called" in which a system is spoken of


def _a_tools_name(text: str, start: int, language: str) -> bool:
    """ "… i kassasystemet, vi har Extenda … eller vänta, det heter Sitoo": "it is
    called" right after a system was spoken of names the system."""
    if not cues.search("pronoun_names", language, text[max(0, start - 20) : start]):
        return False
    return cues.search("tool_named", language, text[max(0, start - TOOL_REACH) : start]) is not None


NAME_WORDS = 6  # a bare name that opens an answer is short
_JOINERS = {"and", "og", "och", "и", "of", "the", "de", "av", "för", "for"}  # "Smith and Sons"


def bare_name(text: str) -> str | None:
    """A name said on its own at the start of an answer to "what is the business called?"
    ("Murphy Plumbing & Heating. turnover about 380k"): a short phrase of capitalised words,
    or one with "&" or a legal form, and no figures."""
    text = _after_said_before(_EMOTICON.sub(".", text))  # "Jeg skrev det jo, Fjellsida … :)"
    said = re.split(r"[.!?\n,;:]\s", text.strip() + " ", maxsplit=1)[0].strip(" .")
    first = said.strip(" .\"'«»“”")
    words = first.split()
    if not 1 < len(words) <= NAME_WORDS or re.search(r"\d", first) or not first[:1].isupper():
        return None
    small = [w for w in words if w[:1].isalpha() and not w[:1].isupper()]
    if not _QUOTED_WHOLE.match(said) and any(w.lower() not in _JOINERS for w in small):
        return None  # "Plumbing in Cork": a description, not a name
    return first


_QUOTED_WHOLE = re.compile(r"^[«\"“][^«»\"“”]+[»\"”]$")  # «Зелёный свет»: a name as said
_EMOTICON = re.compile(r"\s*[:;]-?[)(DPp]")


def _after_said_before(text: str) -> str:
    """The answer after a reminder that it was said already ("I wrote it, …", "Я же
    написала — …"), in any language."""
    for patterns in cues.raw("said_it_before").values():
        for pattern in patterns:
            if found := cues.compiled(pattern).match(text):
                return text[found.end() :]
    return text


def _dash_without_trade(text: str, match: re.Match[str], language: str) -> bool:
    """A name said as "name - what we do" counts only when a trade follows the dash."""
    if not re.search(r"[-–—]\s*$", match.group()):
        return False
    after = text[match.end() : match.end() + 60]
    if _ANSWER_FIRST.match(after):
        return True  # "Skills - not really, I'm a joiner": an answer about a topic
    return trades_pattern(language).search(after) is None


_ANSWER_FIRST = re.compile(
    r"\s*(?:not|no|yes|yeah|nope|don't|ikke|nei|ja|jo|inte|nej|нет|не|да)\b", re.IGNORECASE
)


def location(text: str, language: str, name: ProfileFact | None = None) -> ProfileFact | None:
    for pattern in cues.patterns("location", language):
        for match in pattern.finditer(text):
            if name is not None and _overlap(name.span, span_of(text, *match.span("place"))):
                continue  # "Bakeriet på Hjørnet AS": part of the name, not a place
            place = match.group("place")
            first = place.split()[0].split("-")[0]
            not_places = _lowered("not_places")
            if first.lower() in not_places or place.lower() in not_places:
                continue
            placed = _capitalised_in_text(text, match.start("place"))
            if not placed or product_name(text, match, language):
                continue
            if one_customers_place(text, match.start("place"), language, match.end("place")):
                continue  # "outside a customer in Hallstahammar": not where they sell
            return ProfileFact(
                field="location",
                value=nominative(place, language),
                confidence=0.6,
                span=span_of(text, match.start("place"), match.end("place")),
            )
    return None


def one_customers_place(text: str, start: int, language: str, end: int | None = None) -> bool:
    """The place of one customer or job said in passing, or a part of a town ("в
    Ново-Савиновском районе"): not a market."""
    if cues.search("one_customer_place", language, text[max(0, start - 40) : start]):
        return True
    after = text[end : end + 20] if end is not None else ""
    return bool(after) and cues.search("district_after", language, after) is not None


def product_name(text: str, match: re.Match[str], language: str | None = None) -> bool:
    """ "заказы идут в МойСклад", "we run on HubSpot": a word with a capital inside it is
    a product's name, not a place; so is a long word in capitals (said loud, not a code),
    and a name things are kept or made in ("journalen ligger i Extensor", "проекты делает
    дизайнер в Базис-Мебельщик")."""
    start, end = match.span("place")
    if language and cues.search("kept_in_before", language, text[max(0, start - 50) : start]):
        return True
    word = re.match(r"\w+", text[start:])
    whole = word.group(0) if word else text[start:end]
    if whole.isupper():  # "USA", "UK" are places; "i TIMER, ikke dager" is a shouted word
        return len(whole) > SHORT_PLACE
    return any(c.isupper() for c in whole[1:])


SHORT_PLACE = 3  # all-capital places are short codes (USA, UK, EU, NSW, США, ОАЭ)


def _capitalised_in_text(text: str, start: int) -> bool:
    """A capital at a sentence start says nothing; mid-sentence it marks a name."""
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?\n"


def founded(text: str, language: str) -> ProfileFact | None:
    match = cues.search("founded", language, text)
    if match is None:
        return None
    return ProfileFact(
        field="founded",
        value=int(match.group("year")),
        confidence=0.7,
        span=span_of(text, match.start("year"), match.end("year")),
    )


def staff(text: str, language: str, amounts: list[Found]) -> ProfileFact | None:
    """The number of people: the largest said, so "9 of us, sorry 11" gives 11 and "9 of us
    incl. me and 2 apprentices" gives 9, not the part after it; in a seasonal business the
    count in season ("9 ansatte i sesongen, men bare 3 om vinteren": 9)."""
    kept = _head_counts(text, language, amounts)
    if not kept:
        return None
    _, value, span = max(kept, key=lambda c: (c[1], c[0]))
    return ProfileFact(field="staff", value=int(value), confidence=0.8, span=span)


def off_season_staff(text: str, language: str, amounts: list[Found]) -> int | None:
    """The head count outside the busy season, when the owner gives one beside the count
    in season ("8 year-round, 14 at peak": 8; "14 staff in the season (8 over winter)")."""
    kept = _head_counts(text, language, amounts)
    rest = [c for c in kept if not _seasonal(text, c[2], language)]
    if len(rest) == len(kept):
        return None
    rest += _year_round_counts(text, language)
    peak = max(c[1] for c in kept)
    below = [c for c in rest if c[1] < peak]
    return int(max(below, key=lambda c: c[1])[1]) if below else None


_SHARE_AFTER = re.compile(r"\s*(?:%|percent|per cent|prosent|procent|процент)", re.I)


def _head_counts(text: str, language: str, amounts: list[Found]) -> list[tuple[int, float, Span]]:
    candidates: list[tuple[int, float, Span]] = [
        (f.start, f.amount.value, f.amount.span)
        for f in amounts
        if f.counted == _PEOPLE and f.amount.low is None
    ]
    for pattern in cues.patterns("staff", language):
        for match in pattern.finditer(text):
            value = _people(match.groupdict(), language)
            number = next(g for g in ("n", "plus_one", "plus_two", "a") if match.groupdict().get(g))
            signed = text[max(0, match.start(number) - 1) : match.start(number)]
            share = _SHARE_AFTER.match(text, match.end(number))  # "онлайн у нас 100%"
            if value is not None and not (signed and signed in "-−") and not share:
                span = span_of(text, match.start(), match.end())
                candidates.append((match.start(), value, span))
    if (listed := team_size(text, language)) is not None:  # "two partners, four accountants"
        candidates.append((listed[1].start, float(listed[0]), listed[1]))
    possible = [
        c
        for c in candidates
        if c[1] == int(c[1])
        and 1 <= c[1] <= MAX_STAFF
        and not _audience(text, c[2], language)
        and not _who_can(text, c[2], language)
        and not _room_or_share(text, c[2], language)
        and not _a_rate(text, c[2], language)
        and not _in_a_question(text, c[2])
        and not _counted_within(text, c[2], language)
        and not _imagined(text, c[2], language)
        and not _group_size(text, c[2], language)
        and not _PART_OF_A_NUMBER.search(text, 0, c[2].start)
        and not _MONEY_BEFORE.search(text, 0, c[2].start)  # "£180 incl. prints": a price
    ]
    longest_first = sorted(possible, key=lambda c: -len(c[2].text))
    kept: list[tuple[int, float, Span]] = []
    for candidate in longest_first:  # "me + 3 lads" wins over the "3 lads" inside it
        if not any(_overlap(candidate[2], other[2]) for other in kept):
            kept.append(candidate)
    return kept


_PART_OF_A_NUMBER = re.compile(r"\d[,.]$")  # "2,300 people": not a count of 300
_MONEY_BEFORE = re.compile(r"[£$€¥₽]\s?$")


def _group_size(text: str, span: Span, language: str) -> bool:
    """ "6 classes a week full at 8 people": the people of one class, not the team."""
    before = text[max(0, span.start - GROUP_REACH) : span.start]
    return cues.search("group_size_before", language, before) is not None


GROUP_REACH = 60  # characters before a count read for the class or group it fills


def _imagined(text: str, span: Span, language: str) -> bool:
    """ "we'd need 30 plumbers for that": people the business would need are no head count."""
    before = text[max(0, span.start - INCLUDED_REACH) : span.start]
    return cues.search("hypothetical_before", language, before) is not None


def _counted_within(text: str, span: Span, language: str) -> bool:
    """ "9 is everyone incl. the two of us": a part of the team said inside its total."""
    before = text[max(0, span.start - INCLUDED_REACH) : span.start]
    return cues.search("included_before", language, before) is not None


INCLUDED_REACH = 20  # characters before a count read for "including"


def _year_round_counts(text: str, language: str) -> list[tuple[int, float, Span]]:
    return [
        (m.start(), float(m.group("n")), span_of(text, m.start(), m.end()))
        for pattern in cues.patterns("year_round_count", language)
        for m in pattern.finditer(text)
        if 1 <= int(m.group("n")) <= MAX_STAFF
    ]


_OWN_CLAUSE = re.compile(r"[.,;:!?()\n]|\b(?:and|og|och|и|but|men|а|но)\b", re.IGNORECASE)


def _seasonal(text: str, span: Span, language: str) -> bool:
    """ "8 year-round, 14 at peak": a head count whose own clause says it is for the busy
    season only."""
    before = _OWN_CLAUSE.split(text[max(0, span.start - AUDIENCE_REACH) : span.start])[-1]
    after = _OWN_CLAUSE.split(text[span.end : span.end + AUDIENCE_REACH])[0]
    return cues.search("seasonal_staff", language, f"{before} {span.text} {after}") is not None


def _room_or_share(text: str, span: Span, language: str) -> bool:
    """ "Зал один, на 16 человек": room for people; "5 человек из 16": a share of them."""
    before = text[max(0, span.start - 20) : span.start]
    if cues.search("capacity_before", language, before):
        return True
    return re.match(r"\s*(?:из|of|av|ut av)\s+\d", text[span.end :]) is not None


def _in_a_question(text: str, span: Span) -> bool:
    """ "почему стратегия у нас 50?": a number in a question is no head count."""
    return any(
        p.start <= span.start < p.end and p.text.rstrip().endswith("?") for p in sentences(text)
    )


RATE_REACH = 14  # characters after a count of people that may say it is per week or month


def _a_rate(text: str, span: Span, language: str) -> bool:
    """ "tastings ~30 people a week", "40 personer i uka på kurs": visitors, not the team."""
    after = text[span.end : span.end + RATE_REACH]
    periods = cues.raw("periods")
    found = (
        cues.compiled(p).search(after) for by in periods.values() for p in by.get(language, ())
    )
    return any(m is not None and not after[: m.start()].strip() for m in found)  # right after


AUDIENCE_REACH = 40  # characters before a head count, in its clause, that may name an audience
_CLAUSE_END = re.compile(r"[.,;:!?()\n]")


def _audience(text: str, span: Span, language: str) -> bool:
    """ "a Telegram channel of 900 people": the people counted are an audience, not staff."""
    before = text[max(0, span.start - AUDIENCE_REACH) : span.start]
    clauses = _CLAUSE_END.split(before)
    if cues.search("audience", language, clauses[-1]):
        return True
    after = _CLAUSE_END.split(text[span.end :], maxsplit=1)[0]
    alone = not clauses[-1].strip() and not after.strip()  # "…канал недавно завели, 450 человек."
    return alone and len(clauses) > 1 and cues.search("audience", language, clauses[-2]) is not None


def _who_can(text: str, span: Span, language: str) -> bool:
    """ "Kompetanse: jeg og en ansatt kan litt": the people who can do something are some of
    the team, not its size."""
    return cues.search("team_ability_after", language, text[span.end : span.end + 30]) is not None


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _people(groups: dict[str, str | None], language: str) -> float | None:
    """The head count a staff pattern says: "n", "owner + n", or "a directors + b staff"."""
    if groups.get("a") and groups.get("b"):
        return float(groups["a"]) + float(groups["b"])  # type: ignore[arg-type]
    for group, owners in (("plus_one", 1), ("plus_two", 2)):  # "6 fitters plus me (and my wife)"
        if groups.get(group):
            value = cues.number_word(groups[group] or "", language)
            return value + owners if value is not None else None
    return cues.number_word(groups.get("n") or "", language)


def revenue(amount: Found, language: str) -> ProfileFact | None:
    """Yearly revenue, when it can be true (above zero, below any small business's). Said
    without a currency ("14 mill"), it is in the country's own currency where the language
    names one country (kroner, kronor, roubles), with less confidence."""
    if not 0 < amount.amount.value <= MAX_REVENUE:
        return None
    currency = amount.amount.currency or cues.raw("home_currency").get(language)
    confident = amount.amount.currency is not None
    return ProfileFact(
        field="revenue",
        value=amount.amount.value,
        currency=currency,
        confidence=0.8 if confident else 0.6,
        span=amount.amount.span,
    )


def read_profile(
    text: str, language: str, amounts: list[Found], revenue_said: bool = False
) -> list[ProfileFact]:
    """Profile facts. The trade is read where the owner describes the business (with its
    name, place, size or revenue) or corrects it, so "the shop" in a later answer is not an
    industry."""
    name = business_name(text, language)
    found = [
        name,
        location(text, language, name),
        staff(text, language, amounts),
        founded(text, language),
    ]
    facts = [fact for fact in found if fact is not None]
    corrected = cues.search("correction", language, text) is not None  # "men vi er bakeri og kafé"
    relabelled = cues.search("industry_label", language, text) is not None  # "what we do: …"
    denied = _trade_denied(text, language)  # "Стоп, мы не фитнес-клуб!"
    stated = _states_trade(text, language)  # "Vi är ett HUNDDAGIS."
    if facts or revenue_said or corrected or relabelled or denied or stated:
        trade = _in_name_a_guess(industry(text, language), name)
        if trade is not None and trade.confidence <= TRADE_WORD_ONLY and name is not None:
            trade = _said_beside_name(text, language, name) or trade
        facts += [trade] if trade is not None else []
    return facts


def _states_trade(text: str, language: str) -> bool:
    """ "We're a tattoo studio", "Vi är ett hunddagis": the owner says what the business is,
    in words of a trade."""
    said = cues.search("industry", language, text)
    return said is not None and trades_pattern(language).search(said.group("industry")) is not None


def _in_name_a_guess(trade: ProfileFact | None, name: ProfileFact | None) -> ProfileFact | None:
    """A trade read inside the business's name ("Vi heter Bakeriet AS") is only a guess: it
    never replaces the trade the owner said ("et lite bakeri")."""
    if trade is None or name is None or trade.span is None or name.span is None:
        return trade
    inside = name.span.start <= trade.span.start and trade.span.end <= name.span.end
    return trade.model_copy(update={"confidence": TRADE_WORD_ONLY}) if inside else trade


def _said_beside_name(text: str, language: str, name: ProfileFact) -> ProfileFact | None:
    """ "Cykelkliniken i Uppsala, cykelbutik + verkstad": the trade said after the name,
    when the name holds a trade word of its own."""
    start, end = name.span.start, name.span.end
    trade = industry(text[:start] + " " * (end - start) + text[end:], language)
    if trade is None or trade.confidence <= TRADE_WORD_ONLY or trade.span.start < end:
        return None
    between = text[end : trade.span.start]
    if cues.search("name_words", language, between):
        return None  # "Cykelverket är namnet på butiken": the shop the name is of
    if re.search(r"[.!?]", between) and not _said_as_trade(text, trade, language):
        return None  # "It's called Kirkstall Sparks Ltd. There's me, two electricians"
    return trade


def _said_as_trade(text: str, trade: ProfileFact, language: str) -> bool:
    """ "… Vi er en liten tømrerbedrift": the trade said in so many words ("we are a …"),
    not a trade word that names people in a later sentence."""
    lead = max(0, trade.span.start - INDUSTRY_LEAD)
    said = cues.search("industry", language, text[lead : trade.span.end])
    return said is not None and said.end("industry") > trade.span.start - lead


INDUSTRY_LEAD = 30  # characters before a trade in which "we are a …" is said


def _trade_denied(text: str, language: str) -> bool:
    """The owner says the business is not a trade ("мы не фитнес-клуб", "we're not a gym"):
    the word denied is a trade word."""
    return any(
        trades_pattern(language).match(m.group("denied")) is not None
        for pattern in cues.patterns("trade_denied", language)
        for m in pattern.finditer(text)
    )
