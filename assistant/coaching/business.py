"""What kind of business this is, as far as the plan should care: its family (trades,
clinic, shop, ...), whether it sells products or services, how customers buy (orders,
bookings, projects, subscriptions), to businesses or consumers, whether it sells online,
and the channels it uses or wants to leave. Read from the trade and the owner's own words;
the families and their defaults are data (``knowledge/data/business_families.yaml``).

An initiative's ``Fit`` says for which businesses it is meant; ``misfit`` says why one does
not fit this business, so a plumber is never offered a webshop."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.config import PROJECT_ROOT
from assistant.regex_cache import compiled
from assistant.yamlfiles import parse_yaml

FAMILIES_FILE = PROJECT_ROOT / "knowledge" / "data" / "business_families.yaml"
MIN_STEM = 5  # a shorter trade word must be whole ("spa", "pub", "vvs")

Sells = Literal["products", "services"]
Via = Literal["orders", "bookings", "projects", "subscriptions"]
Customers = Literal["b2b", "b2c"]
Need = Literal[
    "abroad",
    "sells_online",
    "website",
    "on_marketplaces",
    "on_delivery_platforms",
    "on_booking_platforms",
    "on_lead_platforms",
    "has_booking_reminders",  # the owner has it already: a step that builds on it
    "has_webshop",
    "has_b2b_ordering",
    "named",  # the owner names it somewhere ("600 tyre-hotel customers"), not only the trade
    "makes_for_firms",  # a maker or wholesaler whose buyers are firms
]
Never = Literal[
    "leaving_marketplaces",
    "on_marketplaces",
    "on_booking_platforms",
    "sells_online",
    "has_crm",
    "has_online_booking",
    "has_e_invoicing",
    "has_webshop",
    "has_booking_reminders",
    "has_map_listings",
    "has_loyalty_club",
    "has_gift_cards",
    "has_channel_manager",
    "has_erp",
    "has_b2b_ordering",
    "makes_for_firms",
]


class Fit(BaseModel):
    """For which businesses an initiative is meant; an empty list means any."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sells: list[Sells] = Field(default_factory=list)
    via: list[Via] = Field(default_factory=list)
    customers: list[Customers] = Field(default_factory=list)
    families: list[str] = Field(default_factory=list)
    never_families: list[str] = Field(default_factory=list)
    needs: list[Need] = Field(default_factory=list)
    never_when: list[Never] = Field(default_factory=list)
    # "has_website": a business that has one is offered the step only for a problem said
    # with it ("the site is from 2017"), never for a goal alone
    only_for_pains_when: list[Literal["has_website"]] = Field(default_factory=list)
    step: str = ""  # the initiative this fit belongs to (set by the catalogue)


class BusinessTraits(BaseModel):
    family: str | None = None
    sells: set[str] = Field(default_factory=set)
    via: set[str] = Field(default_factory=set)
    customers: set[str] = Field(default_factory=set)
    customers_said: set[str] = Field(default_factory=set)  # by the owner, not the trade's usual
    sells_online: bool | None = None
    has_website: bool | None = None
    has_crm: bool | None = None
    abroad: bool = False  # aims at customers in another country or language
    channels: set[str] = Field(default_factory=set)  # marketplaces, booking_platforms, ...
    tools: set[str] = Field(default_factory=set)  # what the owner already has: online_booking
    leaving: set[str] = Field(default_factory=set)  # channels the owner wants away from
    pains: dict[str, str] = Field(default_factory=dict)  # initiative id -> the owner's sentence
    named: set[str] = Field(default_factory=set)  # initiatives the owner calls by a name
    owned: list[str] = Field(default_factory=list)  # audiences they have: "instagram", …


@cache
def _data() -> dict:
    return parse_yaml(FAMILIES_FILE.read_text(encoding="utf-8"))


def family_words(text: str, family: str | None, language: str) -> str:
    """A catalogue text with one sale named as this family names it: "after {each_sale}" is
    "after each completed job" for a plumber and "after each appointment" for a clinic; a
    business of no known family hears all of them."""
    if "{each_sale}" not in text:
        return text
    data = _data()
    said = data["families"].get(family or "", {}).get("each_sale") or data["each_sale"]
    return text.replace("{each_sale}", said.get(language) or data["each_sale"]["en"])


def usual_via(family: str | None) -> list[str]:
    """How customers of this family usually buy, the commonest first (a clinic: bookings)."""
    return list(_data()["families"].get(family or "", {}).get("via", ()))


def _first_said(text: str, word: str) -> int | None:
    """Where ``word`` is first said in ``text`` (a long word also as the start of a longer one)."""
    word = word.lower()
    whole = "" if len(word.split()[-1]) >= MIN_STEM else r"(?!\w)"  # "dog groom": "dog grooming"
    found = re.search(rf"(?<!\w){re.escape(word)}{whole}", text)
    return found.start() if found else None


def _modifies(text: str, at: int, said: list[tuple[int, str]]) -> bool:
    """The trade word said at ``at`` only describes the one right after it ("boutique
    fitness studio": a studio, not a boutique)."""
    word_end = re.match(r"[\w-]+", text[at:])
    after = at + (word_end.end() if word_end else 0) + 1
    return any(other == after for other, _ in said)


def family_of(words: str, language: str) -> str | None:
    """The family whose word the owner says first: the trade comes first in "Anleggsfirma …
    Regnskap i Tripletex", the tools and channels later; unless a family said with it
    outranks it ("производство мыла": what is made, not that it is made). A trade word
    right before another only describes it ("boutique fitness studio")."""
    text = words.lower()
    families = _data()["families"]
    named = [
        (at, name, word)
        for name, family in families.items()
        for word in family["words"].get(language, ())
        if (at := _first_said(text, word)) is not None
    ]
    if not named:
        return None
    said = [(at, name) for at, name, _ in named]
    whole = {at for at, _, word in named if " " in word}  # "цветочная мастерская": one name
    heads = [(at, name) for at, name in said if at in whole or not _modifies(text, at, said)]
    first = min(heads)[1]
    outranking = [n for _, n in sorted(said) if first in families[n].get("outranks", ())]
    return outranking[0] if outranking else first  # "производство мыла": soap


def _channels(text: str, language: str) -> tuple[set[str], set[str]]:
    """Channels named, and those named right after a wish to leave ("уйти с маркетплейсов");
    a channel refused ("refuses to sell on Amazon or any marketplace") is left, not used."""
    named, leaving, refused = set(), set(), set()
    patterns = [re.compile(p, re.IGNORECASE) for p in _data()["leaving"].get(language, ())]
    refusals = [re.compile(p, re.IGNORECASE) for p in _data()["refusing"].get(language, ())]
    for channel, by_language in _data()["channels"].items():
        for word in by_language.get(language, ()):
            for match in re.finditer(rf"(?<!\w){re.escape(word.lower())}", text):
                before = text[max(0, match.start() - 40) : match.start()]
                if any(p.search(before) for p in refusals):  # "refuses to sell on Amazon"
                    leaving.add(channel)
                    refused.add(channel)
                    continue
                named.add(channel)
                if any(p.search(before) for p in patterns):
                    leaving.add(channel)
    return named - refused, leaving  # "…, not competing on price with Amazon": still refused


def channels_named(words: str, language: str) -> set[str]:
    """The kinds of sales channel the words name ("Ozon", "Booking.com", "Mittanbud")."""
    return _channels(words.lower(), language)[0]


def _booked(stated: str, language: str) -> bool:
    """ "Verkstaden bokas bara på telefon": a shop whose workshop takes bookings."""
    text = stated.lower()
    return any(re.search(p, text) for p in _data().get("booked", {}).get(language, ()))


ONLINE_CHANNELS = {"marketplaces", "delivery_platforms"}  # selling there is selling online


def traits_of(
    industry: str | None,
    owner_words: str,
    language: str,
    sells_online: bool | None = None,
    has_website: bool | None = None,
) -> BusinessTraits:
    """The traits of a business from its trade and what the owner said (all their messages,
    or a brief); a trade that names no family falls back to the owner's words."""
    from assistant.coaching.owned_channels import owned_channels  # it reads NEGATION here
    from assistant.coaching.words import initiatives_called  # the catalogue loads this module

    kind = kind_of(industry, owner_words, language)
    defaults = _data()["families"].get(kind.family or "", {})
    named, leaving = _channels(owner_words.lower(), language)
    said = _customers_said(owner_words, language)
    return BusinessTraits(
        family=kind.family,
        sells=set(defaults.get("sells", ())),
        via=kind.via,
        customers=said or set(defaults.get("customers", ())),
        customers_said=said,
        sells_online=True if named & ONLINE_CHANNELS else sells_online,  # "почти всё на Ozon"
        has_website=has_website,
        channels=named,
        leaving=leaving,
        tools=kind.tools,
        named=set(initiatives_called(owner_words, language)),
        abroad=aims_abroad(owner_words, language),
        owned=owned_channels(owner_words, language),
    )


def kind_of(industry: str | None, owner_words: str, language: str) -> BusinessTraits:
    """The kind of business only: its family, how its customers buy and the tools it has
    (what the KPIs are measured in), without the rest of ``traits_of``."""
    from assistant.understanding.text import sentences

    trade = industry or ""  # the trade may be said in English ("wholesale distributor")
    stated = " ".join(s.text for s in sentences(owner_words) if "?" not in s.text)
    family = (  # "is booking software worth it for us?" says no trade
        family_of(trade, language) or family_of(trade, "en") or family_of(stated, language)
    )
    family = _outranked(family, f"{trade} {stated}", language)  # "производство" … "мыла"
    via = set(usual_via(family))
    booked = {"bookings"} if _booked(stated, language) else set()
    return BusinessTraits(family=family, via=via | booked, tools=tools_said(owner_words, language))


def _outranked(family: str | None, words: str, language: str) -> str | None:
    """A family the owner's words name that outranks the trade's ("производство", then
    "мыло и косметика": a maker of consumer goods)."""
    families = _data()["families"]
    for name, spec in families.items():
        if family in spec.get("outranks", ()) and any(
            _first_said(words.lower(), w) is not None for w in spec["words"].get(language, ())
        ):
            return name
    return family


_SENTENCE_END = re.compile(r"[.!?\n]")


def _customers_said(words: str, language: str) -> set[str]:
    """ "мы работаем с частными клиентами, а не с компаниями": b2c, whatever the trade's
    usual customers; empty when the owner says neither. Customers the owner wants ("ещё
    хотим корпоративных клиентов") are an aim, not who buys today."""
    from assistant.understanding import cues  # the catalogue loads this module

    text = words.lower()
    said = set()
    wish = cues.patterns("objective", language)[0]
    for kind, by_language in _data().get("customers_said", {}).items():
        for pattern in by_language.get(language, ()):
            for match in compiled(pattern).finditer(text):
                before = text[max(0, match.start() - 30) : match.start()]
                clause = _SENTENCE_END.split(text[: match.start()])[-1]  # "…, og jeg vil gjerne
                wished = WISHED.search(before) or wish.search(clause)  # selge til bedrifter"
                if not (NEGATION.search(before[-20:]) or wished):
                    said.add(kind)
    return said


def names_business_customers(words: str, language: str) -> bool:
    """The words speak of firms as customers ("15 new wholesale accounts", "företagskunder")."""
    patterns = _data().get("customers_said", {}).get("b2b", {}).get(language, ())
    return any(re.search(p, words.lower()) for p in patterns)


def aims_abroad(words: str, language: str) -> bool:
    """The owner names a market in another country or language ("launch in Finland")."""
    patterns = _data()["abroad"].get(language, ())
    return any(re.search(p, words, re.IGNORECASE) for p in patterns)


NEGATION = re.compile(
    r"(?<!\w)(?:no|not|don't|dont|never|without|ikke|ingen|uten|inte|inga|utan|не|нет|без)"
    r"\W+(?:\w+\W+)?$"
)  # "uten egen bookingmotor": without one
# "we send reminders by text manually": done by hand, not by a tool
MANUAL = re.compile(r"\b(?:manual\w*|by hand|manuelt|for hånd|manuellt|för hand|вручную)\b")
# "Хотим свой интернет-магазин", "we want our own webshop", "get at least 40% booked
# online": a wish or an aim, not a tool they have
WISHED = re.compile(
    r"(?<!\w)(?:want|wants|would like|plan|planning|launch|build|start|get|reach|grow|raise|"
    r"increase|хоч\w*|хотим|запуст\w*|сделать|создать|открыть|увелич\w*|довести|достичь|"
    r"подня\w*|ønsker|vil ha|vil|planlegger|lansere|få|nå|øke|vill ha|vill|planerar|lansera|"
    r"starta|öka|målet er|målet är|aim|goal is|set up|connect|install|implement|introduce|"
    r"switch to|e\.g|for example|such as|innføre|koble på|sette opp|ta i bruk|f\.eks|"
    r"for eksempel|införa|koppla på|sätta upp|t\.ex|till exempel|подключ\w*|внедр\w*|"
    r"перейти на|настро\w*|например|типа)\W+(?:\w+\W+){0,2}$"
)


def tools_said(words: str, language: str) -> set[str]:
    """Tools the owner says they already have ("kan bestille time på nett gjennom Opus", or
    a product's name said in any language: "Glofox"), unless a negation comes right before
    ("we can't book online", "не работает") or the sentence says that part is unused."""
    text = words.lower()
    found = set()
    for tool, by_language in _data()["already_has"].items():
        for pattern in by_language.get(language, ()):
            for match in compiled(pattern).finditer(text):
                done_by_hand = MANUAL.search(text[match.start() : match.end() + 30])
                asked = _asked_about(text, match)  # "is online booking on our site worth it?"
                asked = asked or _NONE_YET.match(match.group()) is not None  # "0 % bokas på nätet"
                if not (_wanted_or_denied(text, match.start()) or done_by_hand or asked):
                    found.add(tool)
        for pattern in by_language.get("any", ()):  # a product's name: unless its part is unused
            if any(_in_use(text, m, language) for m in compiled(pattern).finditer(text)):
                found.add(tool)
    return found


_NONE_YET = re.compile(r"0+(?:[.,]0+)?\s*%")  # a share of nothing: not had


def _asked_about(text: str, match: re.Match[str]) -> bool:
    """The words are inside a question: asking about a thing says nothing of having it."""
    end = re.search(r"[.!?\n]", text[match.end() :])
    return bool(end) and end.group() == "?"


def _in_use(text: str, match: re.Match[str], language: str) -> bool:
    """A product the owner has, not one they want ("move to HubSpot next year")."""
    moving = re.search(r"\b(?:move|switch|go) to\s*$", text[: match.start()])
    wanted = _wanted_or_denied(text, match.start()) or moving
    return not (wanted or _unused(text, match, language))


def _wanted_or_denied(text: str, start: int) -> bool:
    """The words just before say the owner wants it or has not got it."""
    before = text[max(0, start - 30) : start]
    return bool(NEGATION.search(before[-20:]) or WISHED.search(before))


def _unused(text: str, match: re.Match[str], language: str) -> bool:
    """ "Cliniko, but only for clinical notes, not the booking side", "Tror Extensor har en
    modul for nettbooking, men vi har ikke slått det på": the product is there, the part the
    initiative is about is not in use, said in any sentence that names the product."""
    from assistant.understanding.text import containing, sentences  # the catalogue loads us

    name = match.group(0).lower()
    pieces = sentences(text)
    said = [s.text for s in pieces if name in s.text.lower()]  # "Tror Extensor har …"
    sentence = containing(pieces, match.start())
    said = said or [sentence.text if sentence else text]
    patterns = _data()["not_in_use"].get(language, ())
    return any(re.search(p, one) for one in said for p in patterns)


def misfit(fit: Fit, traits: BusinessTraits) -> str | None:
    """Why an initiative does not fit this business, or None when it may. Unknown traits
    never rule an initiative out, but one made for a few kinds of business ("families") waits
    until the business is known to be one of them (no food-waste plan for a kayak firm)."""
    checks: list[tuple[str, list[str], set[str]]] = [
        ("sells", list(fit.sells), traits.sells),
        ("via", list(fit.via), traits.via),
        ("customers", list(fit.customers), traits.customers),
    ]
    for name, wanted, has in checks:
        if wanted and has and not set(wanted) & has:
            return name
    if (
        "has_website" in fit.only_for_pains_when
        and traits.has_website
        and (fit.step not in traits.pains)
    ):
        return "has_website"  # a Wix site that works: no "simple website" for a goal
    if fit.families and traits.family not in fit.families:  # food waste needs a food business
        return "family" if traits.family else "family_unknown"
    if traits.family and traits.family in fit.never_families:
        return "never_family"  # a webshop for a plumber: never, even when asked in passing
    if "sells_online" in fit.needs and traits.sells_online is False:
        return "sells_online"
    if "website" in fit.needs and traits.has_website is False:
        return "website"
    if "named" in fit.needs and fit.step not in traits.named:  # no tyre hotel for a boatyard
        return "named"
    if "makes_for_firms" in fit.needs and not _makes_for_firms(traits):
        return "makes_for_firms"  # a two-person farm's buyers are people, not purchasers
    if "abroad" in fit.needs and not traits.abroad:  # "southern NSW" is no foreign market
        return "abroad"
    for need in fit.needs:  # "on_marketplaces": only for a business that sells there
        if need.startswith("on_") and need[3:] not in traits.channels:
            return need
        if need.startswith("has_") and need[4:] not in traits.tools:  # builds on a tool had
            return need
    return _never(fit, traits)


def fits_when_asked(fit: Fit, traits: BusinessTraits) -> bool:
    """Whether an initiative the owner asks for fits once the trade's presumed ways (what it
    sells, how and to whom) give way to the owner's words: a sports shop's "online booking
    for the workshop" does; churn scores made for software never fit a coffee roaster."""
    presumed = traits.model_copy(update={"sells": set(), "via": set(), "customers": set()})
    return misfit(fit, presumed) in (None, "family_unknown") and _never(fit, traits) is None


def _makes_for_firms(traits: BusinessTraits) -> bool:
    """A maker or wholesaler whose buyers are firms, by its trade or the owner's words."""
    firms = "b2b" in traits.customers_said or traits.customers == {"b2b"}
    return traits.family in ("wholesale", "manufacturing") and firms


def _never(fit: Fit, traits: BusinessTraits) -> str | None:
    if "makes_for_firms" in fit.never_when and _makes_for_firms(traits):
        return "makes_for_firms"  # buyers check a supplier out; no call-or-book button
    if "leaving_marketplaces" in fit.never_when and "marketplaces" in traits.leaving:
        return "leaving_marketplaces"
    for never in fit.never_when:  # "on_marketplaces": it sells there already
        if never.startswith("on_") and never[3:] in traits.channels:
            return never
    if "sells_online" in fit.never_when and traits.sells_online:
        return "sells_online"
    if "has_crm" in fit.never_when and traits.has_crm:
        return "has_crm"
    for never in fit.never_when:  # "has_online_booking": the owner has it already
        if never.startswith("has_") and never[4:] in traits.tools:
            return never
    return None
