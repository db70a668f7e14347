"""Plan commands said in chat, applied to the session's plan.

Goals change through the same edit as the app's form (``edits.change_goal``): the statement
the coach wrote is rendered again from the new numbers and the SMART check reruns, so no
text can disagree with its numbers. A removed initiative is remembered by its catalogue id
and never comes back in later drafts of the session. What cannot be applied (no such goal,
"remove this" with nothing to point at) becomes one short question instead of a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.coaching.baseline_unknown import forget_baseline
from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.chat_exports import export_order
from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.chat_steps import (
    add_in_lane,
    initiatives_meant,
    objected_step,
    refused_in_passing,
    rename_initiative,
)
from assistant.coaching.chat_values import goal_by_value, replace_value
from assistant.coaching.commands import PlanCommand
from assistant.coaching.date_meanings import redate_phrases
from assistant.coaching.deadline_orders import clear_deadline, clears_deadline
from assistant.coaching.drafting import apply_smart, shown_number
from assistant.coaching.edits import (
    EditRefused,
    GoalEdit,
    InitiativeEdit,
    change_goal,
    confirm_said,
    first_in_lane,
    kpi_kept,
    kpi_named,
    statement_of,
)
from assistant.coaching.edits import change_initiative as move_initiative
from assistant.coaching.facts import Facts, Figure
from assistant.coaching.goal_adds import add_goal, add_step_or_aim
from assistant.coaching.goal_lookup import (
    drafted,
    goal_ids,
    goal_index,
    goal_names,
    names_one_goal,
    one_goal_moved_by,
)
from assistant.coaching.goal_periods import fix_periods, only_a_period
from assistant.coaching.goal_restated import restate_numbered_goals
from assistant.coaching.goal_restore import remember_taken_goal, restore_goal
from assistant.coaching.goal_sources import record_sources, rename_kpi
from assistant.coaching.goal_turns import turn_goal
from assistant.coaching.goal_words import words_out_of_goal
from assistant.coaching.markets_said import drop_denied_markets
from assistant.coaching.messages import Messages
from assistant.coaching.now_load import lighten_now
from assistant.coaching.objective_asks import forget_objective
from assistant.coaching.plan import Direction
from assistant.coaching.put_back import TAKEN_OUT, taken_out_title, title_over_number
from assistant.coaching.render import roadmap_order
from assistant.coaching.show_orders import show_order
from assistant.coaching.sites_said import note_sites
from assistant.coaching.state import SessionState
from assistant.coaching.step_gaps import unlink_goal
from assistant.coaching.step_links import link_initiative
from assistant.coaching.step_memory import meant_step, remember_step
from assistant.coaching.step_rewrites import amend_steps, rewrites
from assistant.coaching.step_words import word_taken_out
from assistant.coaching.unit_fixes import change_unit, count_in
from assistant.coaching.units import unit_named
from assistant.coaching.words import (
    content_words,
    initiatives_named,
    shares_a_word,
)
from assistant.understanding import cues


def apply_commands(
    state: SessionState,
    facts: Facts,
    today: date,
    save_export: Callable[[SessionState, str], str] | None = None,
) -> Outcome:
    """Numbers are read against the plan as the owner saw it: "remove 7, 6 and 5" removes
    those three, though the first removal renumbers what is left."""
    outcome = Outcome(save_export=save_export)
    facts.commands = drop_denied_markets(state, facts, outcome)  # "Offerta är inte en marknad"
    note_sites(state, facts, outcome)  # "over disk i 3 egne butikker": where it works
    names = goal_names(state)  # "the Tuesday goal: 55 % to 80 %" names no goal: a new aim
    facts.commands = [
        c
        for c in facts.commands
        if not c.goal_name or any(shares_a_word(c.goal_name, n) for n in names)
    ]
    restate_numbered_goals(state, facts, today, outcome)  # "Goal 1: implant cases, 6 -> 15"
    redate_phrases(state, facts, today, outcome)  # "sommer 2027 betyr 30. juni 2027"
    record_sources(state, facts, today, outcome)  # "the numbers come from Fortnox"
    fix_periods(state, facts, today, outcome)  # "mål 3 er per år, ikke i måneden"
    _pin_numbers(state, facts.commands)
    facts.commands = rewrites(state, facts.said, facts.commands)  # "change step 1 to: …"
    amend_steps(state, facts, outcome)  # "för klicka och hämta: … Kan du skriva in det?"
    said = [*facts.commands, *_goals_said_whole(state, facts), *objected_step(state, facts)]
    said += refused_in_passing(state, facts)  # "… also, no paid ads and no tiktok"
    said.sort(key=lambda c: c.action == "lighten_now")  # lightened after the owner's own moves
    lighter = [c for c in said if c.action == "lighten_now"]
    said = [c for c in said if c.action != "lighten_now"] + lighter[:1]  # once a message
    for command in said:
        command = meant_step(state, command)  # "call that one …", "… Put it in Now."
        handler = _HANDLERS.get(command.action)
        if handler is not None:
            before = {i.id for i in state.plan.roadmap}
            handler(state, command, facts, today, outcome)
            remember_step(state, command, before)
    return outcome


def _goals_said_whole(state: SessionState, facts: Facts) -> list[PlanCommand]:
    """Once goals are drafted, an objective said whole with no order around it ("Also the
    Tuesday goal: occupancy from 55 % to 80 % by June 2027") that no goal holds yet is one
    to add, not a remark to confirm past."""
    if not state.plan.goals or facts.commands or facts.approve:
        return []
    held = {
        (g.baseline.value, g.target.value)
        for g in state.plan.goals
        if g.baseline is not None and g.target is not None
    }
    return [
        PlanCommand(action="add_goal", words=g.text, focus=g.text)
        for g in facts.goals
        if g.baseline and g.target and g.deadline and (g.baseline.value, g.target.value) not in held
    ]


def _pin_numbers(state: SessionState, commands: list[PlanCommand]) -> None:
    goals = goal_ids(state)
    items = [i.id for i in roadmap_order(state.plan)]
    for command in commands:
        if command.number is None:
            continue
        listed = items if "initiative" in command.action else goals
        if 1 <= command.number <= len(listed):
            command.item_id = listed[command.number - 1]
        if "initiative" in command.action and command.action != "rename_initiative":
            command.item_id = title_over_number(state, command)  # a rename quotes the new name


def _say(state: SessionState) -> Messages:
    return say_for(state)


# ------------------------------------------------------------------------------------ goals


def _drop_goal(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    if words_out_of_goal(state, command, outcome):  # "remove 'a month' from goal 1"
        return
    index = goal_index(state, command, outcome)
    if index is None:
        return
    if clears_deadline(state, command):
        clear_deadline(state, index, outcome)
        return
    if command.number is None and cues.search("the_other_one", state.plan.language, command.words):
        outcome.notes.append(_say(state).say("only_one_goal_left", number=index + 1))
        return  # "only one goal for no-shows – delete the other": there is no other now
    plan = state.plan
    shown = command.number or index + 1  # "remove 7, 8 and 9": the numbers the owner saw
    remember_taken_goal(state, index, shown)
    if not drafted(state):
        said = forget_objective(state, index)
        outcome.changes.append(_say(state).say("goal_removed", number=shown, goal=said))
        return
    goal = plan.goals.pop(index)
    objective = next((o for o in plan.objectives if o.id == goal.objective_id), None)
    if objective is not None:
        position = plan.objectives.index(objective)
        if position < len(state.candidates):
            forget_objective(state, position)
        else:
            plan.objectives.remove(objective)
    unlink_goal(plan, goal, _say(state))
    outcome.changes.append(_say(state).say("goal_removed", number=shown, goal=goal.statement))


def _keep_goal(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """ "Mål 4 behåller jag på 80 % – vi byter bara rutin": the owner knows why the steep
    target holds; the realism check says so instead of asking again."""
    by_value = goal_by_value(state, command.words) if command.number is None else None
    index = by_value if by_value is not None else goal_index(state, command, outcome)
    if index is None or not drafted(state):
        return  # "I'll keep 15": the goal whose target is 15
    goal = state.plan.goals[index]
    goal.target_kept = True
    coach_worded = goal.statement == statement_of(goal, state.plan.language)
    if goal.target is not None:  # "goal 1 isn't 'proposed', it's my goal": confirmed
        goal.target = goal.target.model_copy(update={"status": "given"})
    goal.deadline_status = "given"
    if coach_worded:
        goal.statement = statement_of(goal, state.plan.language)
    apply_smart(state.plan, today)
    outcome.changes.append(_say(state).say("goal_kept", number=index + 1))


def _goal_changed(outcome: Outcome, say: Messages, index: int, changes: list[str]) -> None:
    """ "Updated: goal 2: target → 40 %": the changes to one goal, said back in one line."""
    if changes:
        outcome.changes.append(
            say.say("goal_changed", number=index + 1, changes="; ".join(changes))
        )


def _change_goal(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    said_before = facts.said.split(command.words)[0] if command.words else ""
    index = goal_index(state, command, outcome, said_before)  # "the 35 -> 60 one. change it"
    if index is None:
        return
    say = _say(state)
    deadline = command.deadline.isoformat() if command.deadline else None
    edit = GoalEdit(baseline=command.baseline, target=command.target, deadline=deadline)
    if edit == GoalEdit():
        outcome.asks.append(say.say("what_goal_change", number=index + 1))
        return
    if not drafted(state):
        changes = _change_objective(state, index, command)
        facts.ordered.append(index)  # "…the 35 -> 60 one. change it to 2027-12-31": done
    else:
        try:
            changes = change_goal(state.plan, state.plan.goals[index], edit, today)
        except EditRefused as refused:
            outcome.asks.append(str(refused))
            return
    if not changes:  # "goal 3 target is 7 days": it already is, and the owner hears so
        goal = state.plan.goals[index] if drafted(state) else None
        said = goal and confirm_said(goal, command.target, command.deadline, state.language)
        outcome.changes.append(
            say.say("goal_confirmed" if said else "goal_unchanged", number=index + 1)
        )
        return
    _goal_changed(outcome, say, index, changes)


def _rename_goal(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    """ "goal 1: rename it to 'EV installs as a share of turnover'": the goal's metric takes
    the owner's name and its statement is rendered again from it."""
    index = goal_index(state, command, outcome)
    if index is None:
        return
    say = _say(state)
    if not command.name:
        outcome.asks.append(say.say("what_goal_change", number=index + 1))
        return
    if only_a_period(command.name, state.plan.language):  # "mål 1 er per år": see fix_periods
        return
    unit = unit_named(command.name, state.plan.language)
    if unit is not None:  # "mål 2 er i TIMER, ikke dager": the unit, not a new name
        count_in(state, index, unit, today, outcome)
        return
    if drafted(state) and _names_kpi(command, state.plan.language):
        _goal_changed(outcome, say, index, rename_kpi(state, index, command.name, today))
        return
    name, way = _verb_first(command.name, state.plan.language)
    if drafted(state):
        edit = GoalEdit(metric=name, direction=way)
        changes = change_goal(state.plan, state.plan.goals[index], edit, today)
    else:
        candidate = state.candidates[index]
        candidate.name = name
        candidate.direction = way or candidate.direction
        figure = candidate.target or candidate.baseline
        named = kpi_named(name, figure and figure.unit, state.plan.language)
        # "время ответа с ценой": measured so; "the number of reviews": no average rating
        candidate.kpi_id = named or kpi_kept(candidate.kpi_id, name, state.plan.language)
        changes = [
            say.say(
                "edit_field",
                field=say.label("edit_fields", "name"),
                value=say.say("owner_quote", words=command.name),
            )
        ]
    _goal_changed(outcome, say, index, changes or [say.say("goal_unchanged_name")])


def _names_kpi(command: PlanCommand, language: str) -> bool:
    """ "Goal 1 KPI should be jobs won divided by quote visits": the order names the KPI
    before the new name, not the goal."""
    order = command.words.split(command.name or "\0")[0] if command.name else command.words
    return cues.search("kpi_named", language, order) is not None


def _verb_first(name: str, language: str) -> tuple[str, Direction | None]:
    """ "minska beroendet av byggfirmorna": the verb says which way the goal goes, and the
    name is what it counts (else the goal would read "Minska minska beroendet …")."""
    for way in ("increase", "decrease"):
        for pattern in cues.patterns(way, language):
            said = pattern.match(name)
            rest = name[said.end() :].strip(" :,-") if said else ""
            if said and len(rest.split()) >= 1 and said.group(0).strip():
                return rest, way  # type: ignore[return-value]
    return name, None


def _change_objective(state: SessionState, index: int, command: PlanCommand) -> list[str]:
    """New numbers for an objective before its goal is drafted: the goal will carry them."""
    say = _say(state)
    candidate = state.candidates[index]
    unit = next((f.unit for f in (candidate.target, candidate.baseline) if f and f.unit), None)
    changes = []
    for name, value in (("baseline", command.baseline), ("target", command.target)):
        if value is not None:
            setattr(candidate, name, Figure(value=value, unit=unit))
            changes.append(
                say.say(
                    "edit_field",
                    field=say.label("edit_fields", name),
                    value=shown_number(value, state.language),
                )
            )
    if command.deadline is not None:
        candidate.deadline = command.deadline
        changes.append(
            say.say(
                "edit_field",
                field=say.label("edit_fields", "deadline"),
                value=command.deadline.isoformat(),
            )
        )
    return changes


# ------------------------------------------------------------------------------ initiatives


def _catalogue_ids(state: SessionState, words: str, titles: list[str]) -> list[str]:
    """The catalogue's initiatives named by these titles, or (before a roadmap exists) by a
    word the owner used for them."""
    language = state.plan.language
    specs = load_kpi_catalogue().initiatives
    by_title = [s.id for s in specs if s.title.get(language) in titles]
    if by_title or titles:
        return by_title
    return initiatives_named(words, language)


TAKEN_OUT_KEPT = 10  # the steps taken out last, kept so that "put it back" can restore them


def _drop_initiative(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    if clears_deadline(state, command):  # "ta bort datumet på rekryteringen": the date only
        _drop_goal(state, command, facts, today, outcome)
        return
    if word_taken_out(state, command, outcome):  # "remove the word Instagram from step 6"
        return
    if command.item_id == TAKEN_OUT:  # "уберите инициативу 3 «Рассылка …»", gone already
        outcome.notes.append(
            _say(state).say("initiative_already_out", item=taken_out_title(state, command))
        )
        return
    named = initiatives_meant(state, command)
    spec_ids = _catalogue_ids(state, command.focus or command.words, [i.title for i in named])
    said = command.focus or command.words
    moved = one_goal_moved_by(state, spec_ids, said)  # "drop the no-show one": a goal
    if moved is not None and command.number is None:
        command = command.model_copy(update={"number": moved + 1})
    a_goal = (
        names_one_goal(state, command)
        or goal_by_value(state, command.words) is not None
        or moved is not None
    ) and not cues.search("initiative_word", state.plan.language, said)  # "från svinn-initiativet"
    before_roadmap = not state.plan.roadmap and bool(state.plan.goals or state.candidates)
    numbered = before_roadmap and command.number is not None  # "ta bort nummer 4": a goal
    if not named and (not spec_ids or not state.plan.roadmap) and (a_goal or numbered):
        _drop_goal(state, command, facts, today, outcome)  # "drop the churn one": a goal
        return
    if state.stage in ("profile", "current_state", "objectives"):
        return  # "we want to get rid of paper": an aim, there is no roadmap to change yet
    say = _say(state)
    if not named and not spec_ids:
        thing = _thing_named(command, state.plan.language)
        if thing:
            outcome.notes.append(say.say("not_in_roadmap", thing=thing))
        else:
            outcome.asks.append(say.say("which_initiative"))
        return
    state.removed_initiatives = list(dict.fromkeys([*state.removed_initiatives, *spec_ids]))
    gone = {i.id for i in named}
    state.taken_out = [*state.taken_out, *named][-TAKEN_OUT_KEPT:]
    outcome.taken_out += [i.title for i in named]  # "put it back … and remove 2": not that one
    state.plan.roadmap = [i for i in state.plan.roadmap if i.id not in gone]
    for item in state.plan.roadmap:
        item.depends_on = [d for d in item.depends_on if d not in gone]
    language = state.plan.language
    specs = load_kpi_catalogue().titles(language)
    titles = [i.title for i in named] or [specs[i] for i in spec_ids]
    said = "initiative_removed" if named else "initiative_left_out"
    for title in titles:
        outcome.changes.append(say.say(said, item=title))
    outcome.roadmap_changed = bool(titles)


def _thing_named(command: PlanCommand, language: str) -> str | None:
    """The word an order names an initiative by ("drop the TikTok one": TikTok), a proper
    name first."""
    words = content_words(command.focus or command.words, language)
    return next((w for w in words if w[:1].isupper()), words[0] if words else None)


def _change_initiative(
    state: SessionState, command: PlanCommand, facts: Facts, today: date, outcome: Outcome
) -> None:
    say = _say(state)
    if not state.plan.roadmap:
        outcome.asks.append(say.say("no_roadmap_yet"))
        return
    named = initiatives_meant(state, command)
    if command.number is None and outcome.last_step and _points_back(command, state):
        named = [i for i in state.plan.roadmap if i.id == outcome.last_step]  # "…поставьте его"
    if not named and command.horizon is not None and add_in_lane(state, command, outcome):
        return
    if len(named) != 1 or not (command.horizon or command.first or command.priority):
        outcome.asks.append(say.say("which_initiative_move"))
        return
    item = named[0]
    lane = command.horizon or ("short" if command.first else None)  # "first": of the plan
    edit = InitiativeEdit(horizon=lane, priority=command.priority)
    title, changes = move_initiative(state.plan, item.id, edit, today)
    if command.first and first_in_lane(state.plan, item.id):
        shown = say.label("horizons", lane or item.horizon or "short")
        changes.append(say.say("edit_item_first", horizon=shown))
    if not changes:  # "move the website to Now" when it is there: the owner hears so
        shown = say.label("horizons", lane)
        outcome.changes.append(say.say("edit_item_already", item=title, horizon=shown))
        return
    if lane is not None:  # kept there when the coach lightens a lane
        state.lanes_set[item.id] = lane
    outcome.changes.append(say.say("edit_item_done", item=title, changes="; ".join(changes)))
    outcome.roadmap_changed = True


def _points_back(command: PlanCommand, state: SessionState) -> bool:
    """The order names its step only as "it" ("и поставьте его в «Сейчас»")."""
    return cues.search("it_again", state.plan.language, command.focus or "") is not None


_HANDLERS = {
    "drop_goal": _drop_goal,
    "change_goal": _change_goal,
    "rename_goal": _rename_goal,
    "turn_goal": turn_goal,
    "add_goal": add_goal,
    "drop_initiative": _drop_initiative,
    "add_initiative": add_step_or_aim,
    "keep_goal": _keep_goal,
    "link_initiative": link_initiative,
    "rename_initiative": rename_initiative,
    "change_initiative": _change_initiative,
    "lighten_now": lighten_now,
    "restore_goal": restore_goal,
    "replace_value": replace_value,
    "export": export_order,
    "show": show_order,
    "change_unit": change_unit,
    "forget_baseline": forget_baseline,
}
