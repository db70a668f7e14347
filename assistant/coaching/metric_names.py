"""What an objective counts, in the owner's words: "2) more boiler installs, from 8 a month to
15 a month by end of 2027" names "boiler installs"; an aim that names nothing countable is
quoted, or said as the owner's own aim (see ``aims``)."""

from __future__ import annotations

import re

from assistant.coaching.messages import Messages
from assistant.extraction import find_date_spans
from assistant.extraction.dates import month_names
from assistant.regex_cache import compiled
from assistant.understanding import cues
from assistant.understanding.objective_items import points_back
from assistant.understanding.places import head_in_nominative
from assistant.understanding.quantities import read_amounts, time_unit_after
from assistant.understanding.stems import shared_words

_LIST_MARK = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?")


_LEADING_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[^\W\d]\))\s+")  # "2) ", "(c) ", "b) "


_DANGLING = re.compile(r"(?:\s+(?:to reach|reach|to|of|at|til|till|до))?\s*[£$€₽¥]?\s*$", re.I)


def metric_words(text: str, language: str, has_figures: bool = True) -> str:
    """What an objective is about (see ``_metric_words``), with no word left hanging at its
    end ("online sales to reach £" is "online sales")."""
    said = _metric_words(_ratio_as_share(text, language), language, has_figures)
    said = _THAT_IS.sub("", re.sub(r"\s{2,}", " ", said))  # "Третья площадка , т.е"
    return _DANGLING.sub("", said).strip() or said


_THAT_IS = re.compile(
    r"\s*,?\s*(?:i\.?e\.?|that is|т\.\s?е\.?|то есть|dvs\.?|d\.v\.s\.?|altså|alltså)\s*$",
    re.IGNORECASE,
)


def _ratio_as_share(text: str, language: str) -> str:
    """ "hälften av orderraderna via webben": the share of them; the half is the target."""
    for pattern, share in cues.raw("ratio_as_share").get(language, {}).items():
        text = cues.compiled(pattern).sub(share, text, count=1)
    return text


def _metric_words(text: str, language: str, has_figures: bool = True) -> str:
    """What an objective is about, without its figures, dates and lead-in: "2) more boiler
    installs, from 8 a month to 15 a month by end of 2027" -> "boiler installs". The goal's
    statement is rendered from its fields, so the owner's numbers are never said twice."""
    for note in cues.patterns("no_target_note", language):  # "… sold out. Not quantified."
        text = note.sub("", text).strip() or text
    text = _wished_part(text, language)
    share = _share_named(_LEADING_MARKER.sub("", text), language)
    if share is not None:
        return share
    named = named_metric(text, language)
    if named is not None:
        return named
    words, _, whole = _named_parts(_LEADING_MARKER.sub("", text), language)
    if has_figures:  # figures need a name: the owner's words, quoted
        return _quoted(whole, language)
    said = re.split(r"[.!?;]\s+", whole.strip(" .!?;"))
    headline = _cleaned(said[0], language)  # "3) stop wasting evenings … . I'd say half …"
    if len(said) > 1 and _names_enough(headline):
        return headline
    if _names_enough(words) and not cues.search("names_nothing", language, words):  # a milestone
        return words
    return headline if _names_enough(headline) else whole.strip()


def _wished_part(text: str, language: str) -> str:
    """ "Sales fall 40 % below summer months; wants Jan–Mar takings up 15 %": of an aim
    told as a description and then a wish, the wish names what is counted."""
    parts = [p for p in re.split(r";\s+", text) if p.strip()]
    if len(parts) < 2 or cues.search("objective", language, parts[0]):
        return text
    wished = [p for p in parts[1:] if cues.search("objective", language, p)]
    return wished[0] if wished else text


def named_metric(text: str, language: str) -> str | None:
    """The words of an objective that name what it counts ("kontorflyttinger", "want 40 full
    re-roofs a year"), or None when only a quote or a clause would."""
    text = _LEADING_MARKER.sub("", text)  # "(c) win accounts in southern NSW"
    words, after_figure, _ = _named_parts(text, language)
    launched_offer = launched(words, language)
    figures = list(_NUMBER.finditer(text))  # the aim's figure is the last ("£40 a month, …
    clause = text.rfind(",", 0, figures[-1].start()) + 1 if figures else 0  # 80 dogs on it")
    counted = _ON_IT.sub("", _named_parts(text[clause:], language)[1]).strip()
    if launched_offer and _names_enough(counted):  # "start a monthly plan with 80 dogs on it"
        return f"{counted} ({launched_offer})"
    if _one_word(words, language) and _SHARE_NAME.match(after_figure):
        return f"{words} ({after_figure})"  # "flere elbiler – … 10 % av jobbene"
    named = next((c for c in (words, after_figure) if _a_name(c, language)), None)
    if named is not None:  # "kontorflyttinger", "aktiva medlemmar": a short name first
        return named
    for part in (words, after_figure):  # "want 40 full re-roofs a year": what is counted
        if _names_enough(part) and not _clause(part, language):
            return part
    return None


_ON_IT = re.compile(  # "dogs on it", "клиентов на нём": counted on the offer just named
    r"\s+(?:on|in|for|with|at|på|i|til|för|hos|на|в|у)(?:\s+(?:it|them|den|det|dem|него|нём|"
    r"нем|ней|них))?\s*$",
    re.IGNORECASE,
)


def launched(words: str, language: str) -> str | None:
    """ "Start a monthly grooming plan (with 80 dogs on it)": the new offer an aim launches,
    by its name: the words after the opening verb, up to a figure, comma or "with"."""
    words = re.split(r"\d|[,;.:!?]|\s(?:with|med|с|со)\s", words, maxsplit=1)[0]
    opening = cues.search("starts_new", language, words)
    if opening is None:
        return None
    offer = _ON_IT.sub("", words[opening.end() :]).strip(" ,")
    return offer if _names_enough(offer) else None


_SHARE_NAME = re.compile(r"^(?:share|andel|доля)\b", re.IGNORECASE)


def _one_word(words: str, language: str) -> bool:
    """A single word that names a thing but is too short to be a metric's name alone."""
    return len(words.split()) == 1 and _names_enough(words) and not _clause(words, language)


QUOTE_MARKS = "“«”"
QUOTED_WORDS = 12  # an objective quoted as its name is cut after this many words
HEADLINE_WORDS = 6  # a first sentence this short names the objective the next one counts


_CLAUSE_BEFORE_FIGURE = re.compile(r"^([^,;:\d]+?),\s[^,;:]*\d")
MIN_AIM_WORDS = 3  # a clause before the figures this long says the aim on its own


def _quoted(whole: str, language: str) -> str:
    """The owner's own sentence, quoted, when no words of it name what is counted ("start a
    pilates/rehab class, …"): a quote reads as theirs, a fragment reads as garbled."""
    sentences = re.split(r"(?<=[.!?;])\s+", whole.strip())
    headline = len(sentences[0].split()) <= HEADLINE_WORDS  # "2) vinne flere anbud. I fjor …"
    with_figure = (s for s in sentences if re.search(r"\d", s))
    sentence = (sentences[0] if headline else next(with_figure, sentences[0])).strip(" .;")
    sentence = _cleaned(sentence, language) or sentence  # "Og jeg vil at folk kan bestille …"
    aim = _CLAUSE_BEFORE_FIGURE.match(sentence)  # "…på nett, nå er det 0, ønsker 25 %"
    if aim and len(aim.group(1).split()) >= MIN_AIM_WORDS:
        sentence = aim.group(1)
    words = sentence.split()
    cut = " ".join(words[:QUOTED_WORDS]) + (" …" if len(words) > QUOTED_WORDS else "")
    return Messages(language).say("owner_quote", words=cut)


def _named_parts(text: str, language: str) -> tuple[str, str, str]:
    """(the words before the first figure in its sentence, the words the figure counts,
    the whole text with a date said before the figures blanked out)."""
    whole = _after_colon(_LIST_MARK.sub("", text).strip())
    first_figure = re.search(r"\d", whole)
    after_month = compiled(rf"\s*[–—-]\s*(?:{month_names(language)})", re.IGNORECASE)
    dates = [  # "försäljningen under juli–februari": a season the aim counts in, no date
        (start, end)
        for start, end in find_date_spans(whole, language)
        if not after_month.match(whole, end)
    ]
    for start, end in dates:  # "Om två år vill jag ha 40 procent …": a date said first
        if first_figure and end <= first_figure.start():
            whole = whole[:start] + " " * (end - start) + whole[end:]
    dates = [(start, end) for start, end in dates if whole[start:end].strip()]
    words = whole[: dates[0][0]] if dates else whole
    figures = re.search(r"\d", words)
    if figures:
        words = words[: figures.start()]
    said = _figures_sentence(re.split(r"[.!?;]\s+", words), bool(figures or dates), language)
    words = _CONTRAST.split(_cleaned(said, language))[0]  # "two new electricians, but nobody"
    words = _own_clause_name(said, words, language) or _before_aside(
        _before_verb(words, language), language
    )
    if cues.search("attribution", language, words):  # "Karen guesses 5–8 %": who, not what
        words = ""
    number = _NUMBER.match(whole, figures.start()) if figures else None  # "5–8 %": a range
    ends = [start for start, _ in dates if number and start >= number.end()]
    unpriced = _without_money(whole, language)  # "до 45 млн рублей": no "млн рублей" counted
    rest = unpriced[number.end() : ends[0] if ends else len(whole)] if number else ""
    if number and time_unit_after(whole, number.end(), language):
        rest = _after_last_time(whole, ends[0] if ends else len(whole), language)
    rest = _TO_NEXT.sub("", rest, count=1)  # "från 9 till 14 deltagare": what 14 counts
    counted = _share_of(rest, language) or _cleaned(
        _before_clause(_after_figure(rest), language), language
    )
    return words, counted, whole


def _without_money(text: str, language: str) -> str:
    """``text`` with its sums of money blanked out: a currency counts no thing."""
    for found in read_amounts(text, language):
        if found.amount.unit == "money":
            start, end = found.amount.span.start, found.amount.span.end
            text = text[:start] + " " * (end - start) + text[end:]
    return text


_TO_NEXT = re.compile(r"^\s*(?:to|till|til|до|→|->|–>)\s*\d[\d\s.,]*(?=\D)", re.IGNORECASE)


def _figures_sentence(said: list[str], dated: bool, language: str) -> str:
    """The sentence that names what the figures or the date count: the last one before
    them, unless it only points back ("Online booking for boiler services. Karen wants this
    before the autumn rush"); with neither, the first ("Cut phone time. Vague.")."""
    last = said[-1]
    pointing = points_back(last, language)
    return last if dated and not (pointing and len(said) > 1) else said[0]


_NUMBER = re.compile(r"\d+(?:[.,\s]\d+)*(?:\s*[–—-]\s*\d+(?:[.,]\d+)*)?")
_OF = re.compile(r"^\s*(?:of|med|av|på|с|на)\s+", re.IGNORECASE)


def _after_last_time(whole: str, end: int, language: str) -> str:
    """ "från 3 timmar till max 1 timme bokningssamtal per dag" -> "bokningssamtal per dag":
    the words after the last time said; "3 weeks of back and forth" counts nothing."""
    last = list(re.finditer(r"\d+(?:[.,]\d+)?", whole[:end]))
    if len(last) < 2:  # one time said: a duration, nothing counted after it
        return ""
    unit = time_unit_after(whole, last[-1].end(), language)
    if unit is None or unit[1] >= end:
        return ""
    return _OF.sub("", whole[unit[1] : end])


def _own_clause_name(said: str, words: str, language: str) -> str | None:
    """ "… etter hver sesong, lagerverdien er ca 2,1 mill": the name said with its verb in
    the figure's own clause, when the sentence opens with something else."""
    last = re.split(r"[,;]\s+", said)[-1]
    if cues.search("copula", language, last) is None:
        return None
    own = _before_verb(_cleaned(last, language), language)
    own = _before_aside(own, language)  # "elbiler – i dag"
    return own if own != words and _a_name(own, language) else None


_SHARE = re.compile(r"^\s*(?:%|percent|prosent|procent|процент\w*)\s+(?:of|av|из|от)\s+", re.I)
_SHARE_END = re.compile(
    r"[,.;:!?()]|\s(?:rather than|instead of|i stedet for|i stället för|istället för|вместо|а не)\s"
)
_FROM = re.compile(r"^(?:from|fra|från|из|от|via|through|gjennom|genom|через)$", re.I)
_MINE = re.compile(r"^(?:our|my|vår|vårt|våre|våra|min|mitt|mine|mina|наш\w*|мо[иейя]\w*)$", re.I)
SHARE_WORDS = 8  # a longer phrase after "30 % of" is a sentence, not what the share is of


def _share_of(rest: str, language: str) -> str | None:
    """ "30% of our jobs coming from our own enquiries rather than Checkatrade" -> "share of
    jobs from own enquiries": what a share is of, named as a share."""
    found = _SHARE.match(rest)
    if found is None:
        return None
    phrase = _SHARE_END.split(rest[found.end() :], maxsplit=1)[0].split()
    clause = next((n for n, w in enumerate(phrase) if _clause(w, language)), len(phrase))
    source = next((n for n in range(clause, len(phrase)) if _FROM.match(phrase[n])), None)
    kept = phrase[:clause] + (phrase[source:] if source is not None else [])
    kept = [w for w in kept if not _MINE.match(w)]
    if not kept or len(kept) > SHARE_WORDS or not _names_enough(" ".join(kept)):
        return None
    return Messages(language).say("share_of", what=" ".join(kept))


def _share_named(text: str, language: str) -> str | None:
    """ "довести долю сетей и HoReCa до половины продаж" -> "доля сетей и HoReCa"."""
    found = cues.search("share_named", language, text)
    if found is None or not _names_enough(found.group(1)):
        return None
    what = " ".join(w for w in found.group(1).split() if not _MINE.match(w))
    return Messages(language).say("share_of", what=what) if what else None


def _after_colon(text: str) -> str:
    """ "Det jeg vil: ned med andelen jobber" -> "ned med andelen jobber"."""
    head, colon, rest = text.rpartition(":")
    named = colon and _names_enough(rest) and not rest.strip()[:1].isdigit()
    named = named and not re.search(r"\d", head)  # "Fyllingsgraden … 65 %. Mål: opp mot 85 %"
    return rest.strip() if named else text


def _before_verb(words: str, language: str) -> str:
    """ "Fyllingsgraden ligger vel" -> "Fyllingsgraden": the name before its verb."""
    found = cues.search("copula", language, words) or cues.search(
        "change_after_name", language, words
    )
    head = words[: found.start()].strip(" ,.;:-–—") if found else words
    return head if found and _names_enough(head) else words


def _before_aside(words: str, language: str) -> str:
    """ "kontorflyttinger, gjerne dobbelt så mange som" -> "kontorflyttinger", "flere elbiler
    – i dag" -> "flere elbiler"; "понять, какая реклама окупается" has no aside."""
    head, *rest = re.split(r"[,(]|\s[–—-]\s", words, maxsplit=1)
    if rest and cues.search("indirect_question", language, rest[0]):
        return words
    return head.strip() if _names_enough(head.strip()) else words


_CONTRAST = re.compile(r",\s*(?:but|however|men|likevel|dock|но|однако|а)\b", re.IGNORECASE)
_COUNTED = re.compile(  # "40 full re-roofs", "20k kunder", "30-ish hundar": after the scale
    r"^(?:%|[kKmM](?![^\W\d_]))?(?:-?ish\b)?[\s.,%]*((?:[^\W\d_][\w&'-]*\s*){1,4})"
)
_PER = re.compile(  # "a year", "per month", "i måneden", "в месяц": the period, not the metric
    r"\s+(?:a|an|per|pr|om|i|в|за|each|every|hver|varje|by|innen|senast|к|до)(?:\s+\w+)?\s*$",
    re.IGNORECASE,
)


_PERIOD_FIRST = re.compile(  # "8 a month now": a period, then nothing that is counted
    r"^(?:a|an|per|pr|each|every|hver|varje|i|в|за)\s+(?:day|week|month|year|dag|døgn|uke|uka|"
    r"måned|vecka|månad|år|день|неделю|месяц|год)\w*\b",
    re.IGNORECASE,
)


def owner_label(text: str, language: str) -> str | None:
    """What the owner counts, in their words, when that reads as a name rather than a
    clause ("wellness plan members", "имплантации", "faste bedriftskunder")."""
    words, counted, _ = _named_parts(text, language)
    label = next((c for c in (words, counted) if _a_name(c, language)), None)
    return name_form(label, language) if label else None


def name_form(label: str, language: str) -> str:
    """ "долю Озона" (what is lowered) named as "доля Озона"."""
    forms = cues.raw("name_form").get(language, {})
    first, _, rest = label.partition(" ")
    named = forms.get(first.lower())
    if named is None:  # "договоров на обслуживание": "договоры на обслуживание"
        return head_in_nominative(label, language, unless_maybe=True)
    named = named.capitalize() if first[:1].isupper() else named
    return f"{named} {rest}".strip()


def _a_name(words: str, language: str) -> bool:
    if not _names_enough(words) or _clause(words, language) or re.search(r"\d", words):
        return False
    count = len(words.split())
    named = count >= 2 or len(words) >= LONE_WORD  # "jobs" alone names less than the KPI
    return named and count <= LABEL_WORDS


LABEL_WORDS = 5  # longer owner's words are a sentence, not the name of a metric
LONE_WORD = 8  # a single word names a metric when it is a compound: "badrumsjobb"


def _clause(words: str, language: str) -> bool:
    keys = ("not_a_name", "not_a_metric", "names_nothing")
    return any(cues.search(key, language, words) for key in keys)


def _before_clause(words: str, language: str) -> str:
    """ "faste bedriftskunder hadde vært drømmen" -> "faste bedriftskunder"."""
    found = cues.search("not_a_name", language, words)
    return words[: found.start()] if found else words


def _after_figure(rest: str) -> str:
    """The words right after a figure, up to four ("40 full re-roofs a year" -> "full
    re-roofs a year"); a period said after them is cut by the caller's trailing words."""
    match = _COUNTED.match(rest)
    return _PER.sub("", _PERIOD_FIRST.sub("", match.group(1).strip())) if match else ""


def _cleaned(words: str, language: str) -> str:
    words = re.sub(r"^['’]\w+\s+", "", words.strip())  # "'re open ...": a contraction's tail
    words = cues.compiled(_lead_in(language)).sub("", words)
    words = cues.compiled(_trailing(language)).sub("", words).strip(" ,.;:-–—").strip()
    words = _before_purpose(words, language)
    return cues.compiled(_aside_after(language)).sub("", words).strip(" ,.;:-–—").strip()


def _before_purpose(words: str, language: str) -> str:
    """ "students book and pay online so I stop chasing money" -> "students book and pay
    online": why the owner wants it is no part of its name."""
    found = cues.search("aim_purpose", language, words)
    head = words[: found.start()] if found else words
    return head if found and _names_enough(head) else words


def _names_enough(words: str) -> bool:
    return len(re.findall(r"[^\W\d_]", words)) >= 4


def _lead_in(language: str) -> str:
    """Wish and change words that open an objective ("what i want: more", "få flere")."""
    said = "|".join(cues.raw("metric_lead_in").get(language, ()))
    return rf"^(?:\W*(?:{said})(?!\w))+" if said else r"^$"


def _aside_after(language: str) -> str:
    """Words that close an aim as an aside ("a proper website too", "nettside også")."""
    said = "|".join(cues.raw("aim_trailing").get(language, ()))
    return rf"(?:\s+(?:{said}))+\W*$" if said else r"$^"


def _trailing(language: str) -> str:
    """Words that lead into a figure ("from about", "fra ca", "с", "minst")."""
    said = "|".join(cues.raw("figure_lead_in").get(language, ()))
    return rf"(?:\b(?:{said})\W*)+$" if said else r"$^"


_SCOPE = re.compile(  # "60% of the limited-company clients …": the share is of these only
    r"\d\s*(?:%|percent|per cent|prosent|procent|процент\w*)\s+(?P<of>of|av|из|от)\s+"
    r"(?P<rest>[^,;:.!?()]+)",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|all|our|de|dem|våre|våra|alle|alla|всех|наших|тех)$", re.I)
SCOPE_WORDS = 4  # a longer phrase before the metric's word says more than who is counted
COUNTED_WORD = 4  # letters of the first word of a KPI's name that can say what is counted


def scope_said(text: str, label: str, language: str) -> str | None:
    """Who a share counts, when the owner narrows it and the KPI's name does not ("60 % of
    the limited-company clients on cloud bookkeeping" -> "of the limited-company clients"),
    so that the goal keeps the owner's scope; None when the share is of all of them or the
    name does not start with what is counted ("Share of orders …")."""
    found = _SCOPE.search(text)
    if found is None:
        return None
    words = found.group("rest").split()
    counted = next((w for w in label.split() if len(w) >= COUNTED_WORD), "")  # "Clients on"
    head = next((n for n, w in enumerate(words) if shared_words(w, counted, None)), None)
    if head is None:
        return None
    narrowing = [w for w in words[:head] if not _ARTICLE.match(w)]
    if not narrowing or head + 1 > SCOPE_WORDS or shared_words(" ".join(narrowing), label):
        return None
    return f"{found.group('of')} {' '.join(words[: head + 1])}"
