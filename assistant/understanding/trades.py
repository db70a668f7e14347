"""What the business does: a "we are a ..." phrase or a trade word, with the noun an
adjective needs ("мебельная мастерская"), a compound left open ("bygg- och måleriföretag")
and a second trade joined to the first ("bakeri og kafé")."""

from __future__ import annotations

import re
from functools import cache

from assistant.understanding import cues
from assistant.understanding.places import head_in_nominative
from assistant.understanding.reading import ProfileFact
from assistant.understanding.text import span_of


def _ending(stem: str) -> str:
    """A long stem takes any ending; a short one a plural, or a Russian case ending ("школ":
    школа, школы, школ; "shop" is not "Shopify")."""
    if len(stem) > SHORT_STEM:
        return rf"{re.escape(stem)}[\w-]*"
    if len(stem) == SHORT_STEM and re.match(r"[а-яё]", stem, re.I):  # not "сто" in "Стоп"
        return rf"{re.escape(stem)}[а-яё]{{0,3}}\b"
    return rf"{re.escape(stem)}(?:s|es|er)?\b"


SHORT_STEM = 4


@cache
def trades_pattern(language: str) -> re.Pattern[str]:
    """Trade words: a long stem takes any ending ("plumb" plumbing, "пекарн" пекарня); a
    short one only a plural ("shop", not "Shopify")."""
    stems = sorted(cues.raw("trades").get(language, ()), key=len, reverse=True)
    alternation = "|".join(_ending(stem) for stem in stems)
    return re.compile(
        rf"(?<![^\W\d_])(?:{alternation})(?:\s+(?:and|og|och|и|&|\+)\s+(?:{alternation}))?",
        re.I,
    )  # "bakery and café": a second trade joins the first; "electricians and an" does not


def industry(text: str, language: str) -> ProfileFact | None:
    """What the business does: a "we are a ..." phrase or a trade word, whichever the owner
    says first ("Independent bookshop …, we sell tickets through Eventbrite" is a bookshop);
    words for the people ("vi er et ektepar") or for nothing ("vi säljer ingenting") are
    not a trade. A trade said after the first sentence is only a guess ("… i Örebro, en
    mottagning på Drottninggatan" does not replace "tandvårdsklinik")."""
    labelled = cues.search("industry_label", language, text)
    after = labelled.end() if labelled else 0  # "Чем занимаемся: зуботехническая лаборатория"
    found: list[tuple[int, str, float]] = []
    match = cues.search("industry", language, text)
    if match is not None and match.start("industry") < after:
        match = None
    if match is not None and not cues.search("not_a_trade", language, match.group("industry")):
        end = match.end("industry")
        said = match.group("industry").strip() + _joined_trade(text, end, language)
        said += _suspended(text, end)
        first = _opening(text[: match.start("industry")])
        found.append((match.start("industry"), said, 0.5 if first else TRADE_WORD_ONLY))
    if (trade := _first_trade(text, language, after)) is not None:
        opening = _opening(text[: trade.start()])
        trade = _said_whole(text, trade, language)  # "Solsiden Bakeri …, bakeri og kafé"
        words = _with_noun(text, trade, language)  # "мебельная мастерская"
        words += _suspended(text, trade.start() + len(words))  # "anleggsgartner- og hage…firma"
        found.append((trade.start(), words, 0.5 if opening else TRADE_WORD_ONLY))
    if not found:
        return None
    start, words, confidence = min(found)
    span = span_of(text, start, start + len(words))
    said = head_in_nominative(words, language)  # "фитнес-клуба": a profile says "фитнес-клуб"
    said = said.lower() if said.isupper() and len(said) > SHOUTED else said  # "HUNDDAGIS"
    return ProfileFact(field="industry", value=said, confidence=confidence, span=span)


SHOUTED = 4  # letters from which a word in capitals is shouted, not an acronym ("IT", "SPA")
GREETING_WORDS = 3  # "Hi.", "Hei hei!", "Good morning all.": not a sentence of facts


def _opening(before: str) -> bool:
    """The trade is said in the message's first sentence (after a greeting, if any)."""
    ends = [m.end() for m in re.finditer(r"[.!?\n]", before)]
    return not ends or len(re.findall(r"\w+", before[: ends[-1]])) <= GREETING_WORDS


def _first_trade(text: str, language: str, after: int = 0) -> re.Match[str] | None:
    """The first trade word (from ``after``) that names the trade, not goods sold ("vet
    supplies and pet shop": the shop)."""
    for trade in trades_pattern(language).finditer(text, after):
        if _in_a_staff_list(text, trade.start()):
            continue  # "2 менеджера, бухгалтер, я и мой зам": a role, not the trade
        before = text[max(0, trade.start() - NOT_THE_TRADE_REACH) : trade.start()]
        if cues.search("not_the_trade_before", language, before):
            continue  # "мы не фитнес-клуб", "бассейны арендуем у фитнес-клубов"
        after = text[trade.end() : trade.end() + NOT_THE_TRADE_AFTER]
        if cues.search("not_the_trade_after", language, after):
            continue  # "интернет-магазин нам не нужен", "какой интернет-магазин??"
        if not cues.search("trade_goods_after", language, text[trade.end() : trade.end() + 20]):
            return trade
    return None


_COUNTED_BEFORE = re.compile(
    r"(?:\d+\s*|\d+\s+[^\W\d_]+[^,.;:!?\n]{0,25},\s*(?:[^,.;:!?\n]{1,30},\s*)*)$"
)


def _in_a_staff_list(text: str, start: int) -> bool:
    """A trade word counted ("2 accountants") or listed after counted people."""
    return _COUNTED_BEFORE.search(text[max(0, start - STAFF_LIST_REACH) : start]) is not None


NOT_THE_TRADE_REACH = 25  # characters before a trade word read for a denial or a partner
NOT_THE_TRADE_AFTER = 32  # characters after a trade word read for "… i Tripletex", "… нам не нужен"
STAFF_LIST_REACH = 80  # characters before a trade word searched for the list it is part of


_VERB_ENDING = re.compile(r"(?:ся|сь|ет|ит|ют|ут|ат|ят|ем|им)$")  # a verb, not a kind of trade


def _with_noun(text: str, trade: re.Match[str], language: str) -> str:
    """A trade word that is an adjective, with the noun said after it."""
    ending = trade.group()[-2:]
    noun = re.match(r"\s+([^\W\d_]{3,})", text[trade.end() :])
    if noun and cues.search("trade_adjective", language, ending):
        return f"{trade.group()} {noun.group(1)}"
    kind = re.match(r"\s+([а-яё]{4,})(?![\w-])", text[trade.end() :])  # lower case: no name
    kind = None if kind and _VERB_ENDING.search(kind.group(1)) else kind  # "Школа называется"
    if kind and cues.search("trade_kind_after", language, trade.group().lower()):
        return f"{trade.group()} {kind.group(1)}"  # "школы плавания"
    return trade.group()


_SUSPENDED = re.compile(r"\s+(?:og|och|and|и)\s+[^\W\d_]+", re.IGNORECASE)


def _suspended(text: str, end: int) -> str:
    """A compound left open with a hyphen goes on to the word that closes it ("bygg- och
    måleriföretag")."""
    hyphen = "-" if text[end : end + 1] == "-" else ""
    if not (hyphen or text[:end].endswith("-")):
        return ""
    closing = _SUSPENDED.match(text, end + len(hyphen))
    return hyphen + closing.group() if closing else ""


_AND = re.compile(r"\s+(?:and|og|och|и|&|\+)\s+", re.IGNORECASE)


def _joined_trade(text: str, end: int, language: str) -> str:
    """ "a garden centre and café": a trade joined to the one a "we are a …" phrase names."""
    joined = _AND.match(text, end)
    second = trades_pattern(language).match(text, joined.end()) if joined else None
    return text[end : second.end()] if second else ""


def _said_whole(text: str, first: re.Match[str], language: str) -> re.Match[str]:
    """The trade said first, or, later in the same sentence, the same trade with a second
    one joined to it ("Solsiden Bakeri i Bergen, bakeri og kafé": "bakeri og kafé")."""
    sentence_end = re.search(r"[.!?\n]", text[first.end() :])
    until = first.end() + sentence_end.start() if sentence_end else len(text)
    word = first.group().lower()
    stem = word[: max(DEFINITE_STEM, len(word) - DEFINITE_ENDING)]  # "Bakeriet": "bakeri"
    for later in trades_pattern(language).finditer(text, first.end(), until):
        said = later.group().lower()
        if said.startswith(stem) and len(said) > len(word):
            return later
    return first


DEFINITE_ENDING = 3  # "Bakeriet", "Verkstaden", "Салон": a trade word with its ending
DEFINITE_STEM = 5  # letters kept at least, so "Bar" and "Barber" stay apart


TRADE_WORD_ONLY = 0.3  # "two electricians": a guess that never replaces a trade said outright
