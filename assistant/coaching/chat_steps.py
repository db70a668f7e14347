"""Steps the owner asks to add to the roadmap in chat: the catalogue's step when the owner's
words name one ("could you add a Google Business Profile?"), else a step of the owner's own
("add initiative: a wholesale portal for stockists"), which the roadmap keeps as said; a
step renamed; and which steps of the roadmap an order or an objection points at."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching.business import fits_when_asked, misfit
from assistant.coaching.business_said import session_traits
from assistant.coaching.catalogue import InitiativeSpec, load_kpi_catalogue, stand_in
from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.command_lanes import lane_only, lane_said, without_lane
from assistant.coaching.commands import PlanCommand
from assistant.coaching.drafting import lane_fields
from assistant.coaching.edits import InitiativeEdit, change_initiative
from assistant.coaching.facts import Facts
from assistant.coaching.plan import Goal, Initiative, StrategyPlan, next_id
from assistant.coaching.put_back import last_left_out, put_back
from assistant.coaching.render import roadmap_order
from assistant.coaching.state import SessionState
from assistant.coaching.words import (
    initiatives_named,
    initiatives_refused,
    most_said,
    named_in_passing,
    step_called,
    words_shared,
)
from assistant.understanding import cues
from assistant.understanding.stems import word_set
from assistant.understanding.text import sentences

OWN_STEP_LANE = "medium"  # a step of the owner's own is planned for this year, not this quarter


def add_initiative(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """The step named goes into the roadmap (now, or when it is drafted) and stays there."""
    if put_back(state, command, today, outcome):
        return  # "верните онлайн-запись в «Сейчас»": the step taken out, as it was
    language = state.plan.language
    if last_left_out(state, command, outcome.taken_out):  # "put it back" after "leave it out"
        spec_id = state.removed_initiatives[-1]
        lane = lane_said(command.focus or "", language) or lane_said(command.words, language)
        outcome.lanes.update({spec_id: lane} if lane else {})
        _plan_steps(state, [spec_id], command.words, outcome)
        return
    lane_asked = lane_said(command.focus or "", language) or lane_said(command.words, language)
    lane = lane_asked or OWN_STEP_LANE
    if _moved_back(state, command, today, outcome):
        return  # "Шаг про отзывы верните в «Далее»": a step of the plan, to that lane
    if _described(command.name) and state.plan.roadmap:
        _add_own_step(state, command, lane, today, outcome)  # as the owner put it
        return
    said = [command.focus, command.words, *facts.asked, *_named_before(command, facts, language)]
    words, found = next(
        ((w, steps) for w in said if w and (steps := catalogue_steps(state, w))), ("", [])
    )
    owner_name = command.name or _step_words(command.focus or command.words, language)
    if found and owner_name and state.plan.roadmap and _brushed(owner_name, found, language):
        own = command.model_copy(update={"name": owner_name})  # "vinterservice-kampanj"
        _add_own_step(state, own, lane, today, outcome)  # is no ad campaign: as they put it
        return
    if not words:
        if command.name and state.plan.roadmap:
            _add_own_step(state, command, lane, today, outcome)
        else:
            outcome.asks.append(say_for(state).say("what_to_add"))
        return
    new = _unplanned(state, words)
    outcome.lanes.update({s: lane_asked for s in new if lane_asked})  # "…, i Nu"
    _say_already_planned(state, words, outcome)
    order = {words, command.words, command.focus}
    facts.asked = [q for q in facts.asked if not any(q in o or o in q for o in order if o)]
    _plan_steps(state, new, words, outcome)


def _named_before(command: PlanCommand, facts: Facts, language: str) -> list[str]:
    """ "What I need is online booking in Dentally. Please add that to Now.": an order to add
    "that" points at the sentences before it, the nearest first."""
    if cues.search("add_that", language, command.words) is None:
        return []
    texts = [s.text for s in sentences(facts.said)]
    at = next((n for n, t in enumerate(texts) if command.words.strip() in t), 0)
    return texts[:at][::-1]


def _step_words(order: str, language: str) -> str:
    """The step an order to add names, without the order, the lane and the lead-in ("kan
    du legge til et tiltak for X?", "lägg till X, i Nästa" name X); empty when no order
    to add is said."""
    verb = ADD_VERB.search(order)
    return _bare_step_name(order[verb.end() :], language).strip(" .?!") if verb else ""


def _bare_step_name(name: str, language: str) -> str:
    """A step's name without where it goes, the order to add it and a lead-in ("…, put it
    in Now", "Add: …", "something for the …")."""
    name = without_lane(name)
    name = _ADD_LEAD.sub("", name).strip()
    for lead in cues.patterns("step_lead", language):
        name = lead.sub("", name, count=1).strip()
    return name


ADD_WORDS = r"\b(?:add|legg(?:e)? til|lägg(?:a)? till|добав\w*)"
ADD_VERB = re.compile(rf"{ADD_WORDS}\s+", re.IGNORECASE)  # "legg til SMS …": the step follows


def _brushed(name: str, found: list[str], language: str) -> bool:
    """The owner's name for the step only brushes the catalogue steps ``found`` for it."""
    return not steps_titled(name, language) and named_in_passing(name, found, language)


def add_in_lane(state: SessionState, command: PlanCommand, outcome: Outcome) -> bool:
    """ "move online booking up to Now" when the roadmap has no such step: the catalogue's
    step is added in that lane."""
    words = command.focus or command.words
    new = _unplanned(state, words)
    if len(new) != 1 or command.horizon is None:
        return False
    outcome.lanes[new[0]] = command.horizon
    _plan_steps(state, new, words, outcome)
    return True


def _unplanned(state: SessionState, words: str) -> list[str]:
    """The catalogue's steps the words name that the roadmap does not hold yet."""
    planned = {i.title for i in state.plan.roadmap}
    return [s for s in catalogue_steps(state, words) if _titles(state)[s] not in planned]


def _say_already_planned(state: SessionState, words: str, outcome: Outcome) -> None:
    """ "add the KPI check-in back" when it is there: where it is, not silence."""
    say = say_for(state)
    titles = {_titles(state)[s] for s in catalogue_steps(state, words)}
    for item in state.plan.roadmap:
        if item.title in titles and item.horizon:
            lane = say.label("horizons", item.horizon)
            outcome.changes.append(say.say("edit_item_already", item=item.title, horizon=lane))


def _plan_steps(state: SessionState, new: list[str], words: str, outcome: Outcome) -> None:
    """Steps the owner asked for: never left out again, added to a drafted roadmap, else
    planned for when it is drafted."""
    state.removed_initiatives = [s for s in state.removed_initiatives if s not in new]
    for spec_id in new:
        state.wanted_initiatives[spec_id] = words.strip()
    drafted = bool(state.plan.roadmap)
    outcome.asked_for += new if drafted else []
    key = "initiative_added" if drafted else "initiative_planned"
    outcome.changes += [say_for(state).say(key, item=_titles(state)[s]) for s in new]
    outcome.roadmap_changed = outcome.roadmap_changed or (drafted and bool(new))


def _titles(state: SessionState) -> dict[str, str]:
    language = state.plan.language
    return load_kpi_catalogue().titles(language)


NAME_WORDS = 3  # "add the marketplace back": a name; more words describe a step of their own


def _moved_back(state: SessionState, command: PlanCommand, today: date, outcome: Outcome) -> bool:
    """ "Шаг про отзывы верните в «Далее»": an order to bring back that names only a lane
    moves the step it names there; it adds no step called «Далее»."""
    lane = lane_only(command.name or "", state.plan.language)
    if lane is None:
        return False
    meant = initiatives_meant(state, command)
    if not meant and state.last_step:  # "Верните в «Сейчас»": the step just spoken of
        meant = [i for i in state.plan.roadmap if i.id == state.last_step]
    if len(meant) != 1:  # a lane is never the name of a new step
        outcome.asks.append(say_for(state).say("which_initiative"))
        return True
    title, changes = change_initiative(state.plan, meant[0].id, InitiativeEdit(horizon=lane), today)
    state.lanes_set[meant[0].id] = lane
    say = say_for(state)
    done = say.say("edit_item_done", item=title, changes="; ".join(changes)) if changes else None
    already = say.say("edit_item_already", item=title, horizon=say.label("horizons", lane))
    outcome.changes.append(done or already)
    outcome.roadmap_changed = True
    return True


def _described(name: str | None) -> bool:
    """ "add an initiative: automatic annual service reminders by text and email from
    Tradify": a step the owner describes is added as they put it, not as the catalogue step
    one of its words names ("email")."""
    return bool(name) and len(name.split()) > NAME_WORDS


def catalogue_steps(state: SessionState, words: str) -> list[str]:
    """The catalogue's steps the words name, by a name owners use or by most of its title,
    less those that do not fit the business and, unless the words are just its name, one the
    owner took out ("sync stock on WB and Ozon" is not the marketplace step they removed).
    One step asked for alone is added even where the coach thought the business has it
    already ("add SMS reminders" from a clinic whose system sends some): the owner knows."""
    language = state.plan.language
    titled = steps_titled(words, language)  # the title read back: just its name
    named = titled or initiatives_named(words, language)
    just_named = len(words.split()) <= NAME_WORDS or cues.search("put_back", language, words)
    wanted = [s for s in named if just_named or s in titled or s not in state.removed_initiatives]
    fit = {s.id: s.fit for s in load_kpi_catalogue().initiatives}
    traits = session_traits(state)
    why_not = {  # "lägg till onlinebokning för verkstaden": asked for, a bike shop's too
        s: "" if fits_when_asked(fit[s], traits) else (misfit(fit[s], traits) or "") for s in wanted
    }
    fitting = [s for s in wanted if not why_not[s]]
    had = [s for s in wanted if why_not[s].startswith("has_")]  # "a faster website": theirs
    if not fitting and len(had) > 1:  # is slow; of the sites named, the one for this trade
        held = {why_not[s] for s in had} & set(type(traits).model_fields)
        plain = traits.model_copy(update=dict.fromkeys(held))
        had = [s for s in had if misfit(fit[s], plain) is None]
    if not fitting and len(had) == 1:
        return had

    def fits(spec: InitiativeSpec) -> bool:
        return misfit(spec.fit, traits) is None

    instead = [o.id for s in wanted if why_not[s] and (o := stand_in(s, fits)) is not None]
    if not fitting and not instead and len(wanted) == 1 and (titled or just_named):
        return wanted  # "legg til nettbooking …" after the coach said it does not fit: asked
    return fitting + [s for s in instead if s not in fitting]


def names_a_step(words: str, language: str) -> bool:
    """The words name a step of the catalogue, by an owner's name for it or by its title."""
    return bool(initiatives_named(words, language) or steps_titled(words, language))


TITLE_SHARE = 2 / 3  # "lägg tillbaka digitala hälsodeklarationer och samtycken": its title
TITLE_WORDS = 3


def steps_titled(words: str, language: str) -> list[str]:
    """Catalogue steps whose title the words say most of, as the owner reads it back from
    the roadmap ("automatiska påminnelser och bekräftelser av bokade tider")."""
    found = []
    for spec in load_kpi_catalogue().initiatives:
        title = spec.title.get(language)
        said = words_shared(words, title, language)
        if said >= TITLE_WORDS and said >= TITLE_SHARE * len(word_set(title, language)):
            found.append(spec.id)
    return found


_ADD_LEAD = re.compile(  # "Add: …", "Legg inn i stedet: …": the order, not the step's name
    r"^\W*(?:please\s+)?(?:add|put in|legg(?:e)? (?:til|inn)|lägg(?:a)? (?:till|in)|добав\w*)\b"
    r"(?:\s+(?:instead|in its place|i stedet|istället|i dess ställe|вместо (?:этого|него)))?"
    r"\s*:?\s*",
    re.IGNORECASE,
)


def _add_own_step(
    state: SessionState, command: PlanCommand, lane: str, today: date, outcome: Outcome
) -> None:
    """A step the catalogue does not know, planned as the owner named it, for the goal they
    said it is for ("add a step 'fixed fee packages with GoCardless' for goal 2")."""
    say = say_for(state)
    plan = state.plan
    for_goal = cues.search("for_goal", plan.language, command.words)
    number = int(for_goal.group("n")) if for_goal else 0
    goal = plan.goals[number - 1] if 1 <= number <= len(plan.goals) else None
    name = (command.name or "").replace(for_goal.group(), "") if for_goal else command.name or ""
    name = _bare_step_name(name, plan.language)  # "…, put it in Now, serves goal 1": apart
    goal = goal or _goal_of_step(plan, name)  # "… the monthly grooming plan": its goal
    if not name or cues.search("only_pronoun", plan.language, name):
        outcome.asks.append(say.say("what_to_add"))  # "can you add those?": which, named
        return
    if any(
        i.title.casefold() in (name.casefold(), short_title(name, plan.language).casefold())
        for i in plan.roadmap
    ):
        return
    title = short_title(name, plan.language)
    plan.roadmap.append(
        Initiative(
            id=next_id("i", [i.id for i in plan.roadmap]),
            title=title,
            description=name if title != name else "",
            rationale=say.say("why_objective", objective=goal.metric or goal.statement)
            if goal
            else say.say("why_asked", said=title),
            goal_ids=[goal.id] if goal else [],
            **lane_fields(lane, today),
            impact=3,
            feasibility=3,
            owner="owner",
        )
    )
    said = name[:1].upper() + name[1:]  # said back whole: nothing the owner asked for is cut
    outcome.changes.append(say.say("initiative_added", item=said if title != said else title))
    outcome.roadmap_changed = True


def _goal_of_step(plan: StrategyPlan, name: str) -> Goal | None:
    """The one goal whose name the step's words say more of than any other's ("monthly
    grooming plan: direct debit" serves "monthly grooming plan members")."""
    names = [g.metric or g.statement for g in plan.goals]
    best = most_said(name, names, plan.language)
    return plan.goals[best] if best is not None else None


TITLE_CHARS = 90  # a step of the owner's own is titled by its first words; the rest describes it


def short_title(name: str, language: str = "en") -> str:
    """ "a catering page with menu, prices and an order form, and a list of 50 offices …":
    up to the last whole clause that fits (the rest describes the step), else the last
    word with "…", never cut inside a word nor after a word that leads on ("before
    their …")."""
    name = name[:1].upper() + name[1:]
    if len(name) <= TITLE_CHARS:
        return name
    head = name[:TITLE_CHARS]
    clause = max(head.rfind(","), head.rfind(";"))
    whole = clause > TITLE_CHARS // 2  # a whole clause: the rest is in the step's description
    words = (head[:clause] if whole else head[: head.rfind(" ")]).split()
    while len(words) > 1 and cues.search("leads_on", language, words[-1].strip(",;:–-").lower()):
        words.pop()  # "… online before their": "… online"
    return " ".join(words).rstrip(" ,;:–-") + ("" if whole else " …")


def rename_initiative(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """ "rename initiative 5 to 'Service reminders from Tradify'": the step keeps its place
    and takes the owner's name; the catalogue's version is not proposed again beside it."""
    say = say_for(state)
    item = next((i for i in state.plan.roadmap if i.id == command.item_id), None)
    if item is None and command.item_id is None and command.number is None:
        meant = initiatives_meant(state, command)  # "Шаг про рекламу переименуйте в …"
        item = meant[0] if len(meant) == 1 else None
    if item is None or not command.name:
        outcome.asks.append(say.say("which_initiative"))
        return
    outcome.last_step = item.id
    titles = load_kpi_catalogue().title_ids(state.plan.language)
    if item.title in titles:
        state.removed_initiatives = list(
            dict.fromkeys([*state.removed_initiatives, titles[item.title]])
        )
    before, item.title = item.title, short_title(command.name, state.language)
    if command.rewrite:  # "change initiative 1 to: …": the owner's words are the step
        item.description = command.name
    elif not words_shared(command.name, before, state.plan.language):
        item.description = ""  # "Real wedding stories on the blog": no before-and-after photos
    name = say.say("edit_field", field=say.label("edit_fields", "name"), value=item.title)
    outcome.changes.append(say.say("edit_item_done", item=before, changes=name))
    outcome.roadmap_changed = True


def objected_step(state: SessionState, facts: Facts) -> list[PlanCommand]:
    """ "lojalitetsprogrammet känns inte som vi": an objection that names one step of the
    drafted roadmap, with no order, takes that step off; the step named in the objecting
    sentence, not one the owner asks for in the next."""
    if facts.commands or facts.intent != "objection" or not state.plan.roadmap:
        return []
    if cues.search("coach_did", state.plan.language, facts.said):
        return []  # "вы задвинули корпоратив на 2028": about the coach's change, not the step
    language = state.plan.language
    said = [p.text for p in sentences(facts.said) if not p.text.rstrip().endswith("?")]
    if not said:  # "SMS or email for the recall reminders - yes or no?": a question
        return []
    objecting = " ".join(  # "Начинать с напоминаний нельзя … Первым поставьте онлайн-запись"
        p for p in said if cues.search("objection", language, p)
    )
    ids = load_kpi_catalogue().title_ids(language)
    named = set(initiatives_named(objecting or " ".join(said), language))
    shown = [i for i in state.plan.roadmap if ids.get(i.title) in named]
    if len(shown) != 1:
        return []
    return [PlanCommand(action="drop_initiative", words=facts.said, item_id=shown[0].id)]


def refused_in_passing(state: SessionState, facts: Facts) -> list[PlanCommand]:
    """ "goal 2 target is 3 events … also, no paid ads and no tiktok, not doing that": a
    sentence beside other orders that refuses steps by name leaves them out (once the
    interview is over; before, "no tiktok" says which channels are not used). A question
    refuses nothing."""
    if not facts.commands or state.stage not in ("review", "roadmap", "done"):
        return []
    ordered = [c.focus for c in facts.commands if c.focus]
    language = state.plan.language
    refusing = [
        piece.text
        for piece in sentences(facts.said)
        if not any(o in piece.text or piece.text in o for o in ordered)
        and not piece.text.rstrip().endswith("?")  # "Du förstår inte ”sms-påminnelser”?"
        and not cues.search("initiative_reference", language, piece.text)  # "Сайт (пункт 4) …"
        and initiatives_refused(piece.text, language)
    ]
    moved = {c.item_id for c in facts.commands if c.action == "change_initiative" and c.item_id}
    if not state.plan.roadmap:  # left out of the roadmap still to be drafted
        return [PlanCommand(action="drop_initiative", words=s, focus=s) for s in refusing]
    ids = load_kpi_catalogue().title_ids(state.plan.language)
    return [  # "step 3 wording: fewer returns left unstarted, not fewer returns": no step named
        PlanCommand(action="drop_initiative", words=said, focus=said, item_id=item.id)
        for said in refusing
        for item in state.plan.roadmap
        if item.id not in moved  # "Перенесите пункт 9 … первым": wanted, whatever else is said
        and ids.get(item.title) in initiatives_refused(said, language)
    ]


def heard_as_objection(state: SessionState, facts: Facts) -> None:
    """Once the interview is over, "not keen on the social media stuff, nobody wants to see
    teeth on instagram" objects to steps; it is no answer about the channels used."""
    if state.stage not in ("review", "roadmap", "done") or facts.intent != "answer":
        return
    said_more = facts.goals or facts.figures or facts.commands or facts.staff or facts.revenue
    named = initiatives_named(facts.said, state.plan.language)
    if not said_more and named and cues.search("objection", state.plan.language, facts.said):
        facts.intent = "objection"
        facts.disagree = True


def initiatives_meant(state: SessionState, command: PlanCommand) -> list[Initiative]:
    """The initiatives the command points at: by number in the roadmap as shown, else by a
    word of their title the owner used ("the webshop", "nettbutikk og markedsplass")."""
    shown = roadmap_order(state.plan)
    if command.number is not None or command.item_id is not None:
        return [i for i in shown if i.id == command.item_id]
    said = [command.focus, command.words]
    called = [step_called(w, state.plan.language) for w in said if w]  # "the ads step"
    for words in dict.fromkeys(w for w in [*called, *said] if w):
        named = _named_in(shown, words, state.plan.language)
        if named:
            return named
    return []


def _named_in(shown: list[Initiative], words: str, language: str) -> list[Initiative]:
    ids = load_kpi_catalogue().title_ids(language)
    named = set(initiatives_named(words, language))
    by_name = [i for i in shown if ids.get(i.title) in named]
    if len(by_name) == 1:
        return by_name
    return _best_titled(by_name or shown, words, language) or by_name


def _best_titled(shown: list[Initiative], words: str, language: str) -> list[Initiative]:
    """ "flytt bestill på nett, hent i butikken til Nå": the one initiative whose title the
    order says more words of than any other's."""
    best = most_said(words, [i.title for i in shown], language)
    return [shown[best]] if best is not None else []


def moves_steps(state: SessionState, facts: Facts) -> bool:
    """An order to move or rename a step while the goals wait for approval: the owner has
    moved on to the roadmap, so it is drafted from the goals as they stand."""
    orders = {c.action for c in facts.commands}
    steps = bool(orders & {"change_initiative", "rename_initiative"})
    return steps and state.stage == "review" and not state.plan.roadmap
