"""A step rewritten in the owner's words: "change initiative 1 to: click-and-collect with
500 popular items, linked to the stock in Visma", "for the monday-tuesday one, change it to:
10% off mon/tue bookings …". The step keeps its place, lane and goal; its title and
description become what the owner wrote."""

from __future__ import annotations

import re

from assistant.coaching.chat_outcome import Outcome, say_for
from assistant.coaching.chat_steps import initiatives_meant
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.render import roadmap_order
from assistant.coaching.state import SessionState
from assistant.coaching.step_memory import touched_last
from assistant.coaching.words import most_said
from assistant.understanding import cues
from assistant.understanding.text import sentences

_SENTENCE_END = re.compile(r"(?<=[^\d\s])[.!?](?:\s|$)|\n")
REWRITABLE = ("change_goal", "change_initiative", "add_initiative")
MIN_WORDS = 3  # "to: Later" moves a step; a rewrite says what to do


def rewrites(state: SessionState, said: str, commands: list[PlanCommand]) -> list[PlanCommand]:
    """Orders that rewrite a step of the drafted roadmap, as renames that also set its
    description ("change initiative 1 to: …", "bytt ut lagerstyringen med …"); other orders
    as they were, less an add the replacement already says."""
    if not state.plan.roadmap:
        return commands
    replaced = _replacements(state, said)
    kept = [c for c in commands if not (replaced and c.action == "add_initiative")]
    return [_rewrite(state, said, c) or c for c in kept] + replaced


def _replacements(state: SessionState, said: str) -> list[PlanCommand]:
    """ "Og bytt ut lagerstyringen med innkjøp basert på salgstall": the step the old words
    name, rewritten in the new ones."""
    found = []
    for pattern in cues.patterns("replace_step", state.plan.language):
        for match in pattern.finditer(said):
            probe = PlanCommand(action="change_initiative", words=match["old"])
            item = _step_meant(state, probe, match["old"], fall_back=False)
            text = match["new"].strip(" ,;:")
            if item is not None and len(text.split()) >= MIN_WORDS:
                found.append(
                    probe.model_copy(
                        update={
                            "action": "rename_initiative",
                            "item_id": item,
                            "name": text[:1].upper() + text[1:],
                            "rewrite": True,
                        }
                    )
                )
    return found


def _rewrite(state: SessionState, said: str, command: PlanCommand) -> PlanCommand | None:
    if command.action not in REWRITABLE or command.deadline or command.horizon:
        return None
    language = state.plan.language
    order = cues.search("rewrite_to", language, command.words)
    if order is None:
        return None
    start = said.find(command.words)
    rest = said[start + order.end() :] if start >= 0 else command.words[order.end() :]
    text = _SENTENCE_END.split(rest, maxsplit=1)[0].strip(" ,;")
    if len(text.split()) < MIN_WORDS:
        return None
    item = _step_meant(state, command, command.words[: order.start() + len(order.group())])
    if item is None:
        return None
    return command.model_copy(
        update={"action": "rename_initiative", "item_id": item, "name": text, "rewrite": True}
    )


def _step_meant(
    state: SessionState, command: PlanCommand, before_text: str, fall_back: bool = True
) -> str | None:
    """The step by its number ("initiative 1", "шаг 2"), by words of its title said before
    the colon ("the monday-tuesday one"), else the one the owner touched last."""
    numbered = cues.search("initiative_reference", state.plan.language, before_text)
    shown = roadmap_order(state.plan)
    if numbered is not None:
        number = int(numbered.group("n"))
        return shown[number - 1].id if 1 <= number <= len(shown) else None
    named = initiatives_meant(state, command.model_copy(update={"focus": before_text}))
    if len(named) == 1:
        return named[0].id
    goals = state.plan.goals  # "the monday-tuesday one": the step for the goal of that name
    said = {o.id: o.owner_words for o in state.plan.objectives}
    names = [f"{g.metric or g.statement} {said.get(g.objective_id or '', '')}" for g in goals]
    best = most_said(before_text, names, state.plan.language)
    serving = [i for i in shown if best is not None and goals[best].id in i.goal_ids]
    if serving:
        return serving[0].id
    return touched_last(state) if fall_back else None


def amend_steps(state: SessionState, facts: Facts, outcome: Outcome) -> None:
    """ "för klicka och hämta: börja med 500 populära artiklar och koppla till Visma. Kan du
    skriva in det?": the details join the description of the step named before the colon
    (else the step touched last), and the request is handled, not answered as a question."""
    language = state.plan.language
    asks = cues.search("write_in", language, facts.said)
    if not state.plan.roadmap or asks is None or facts.commands:
        return
    said = facts.said[: asks.start()]
    for_step = list(m for p in cues.patterns("step_for", language) for m in p.finditer(said))
    if for_step:
        named, details = for_step[-1].group("step"), for_step[-1].group("details")
    else:
        named, details = "", _last_sentence(said)
    details = _SENTENCE_END.split(details.strip(), maxsplit=1)[0].strip(" ,;")
    probe = PlanCommand(action="change_initiative", words=named, focus=named)
    item_id = _step_meant(state, probe, named) if named else touched_last(state)
    item = next((i for i in state.plan.roadmap if i.id == item_id), None)
    if item is None or len(details.split()) < MIN_WORDS:
        return
    say = say_for(state)
    note = say.say("step_note", details=details)
    item.description = f"{item.description} {note}".strip()
    state.last_step = item.id
    outcome.changes.append(say.say("step_amended", item=item.title, details=details))
    outcome.roadmap_changed = True
    facts.asked = [q for q in facts.asked if not cues.search("write_in", language, q)]


def _last_sentence(said: str) -> str:
    """The last sentence said before the request ("… 500 popular items. Can you add that?")."""
    said_sentences = [p.text for p in sentences(said) if p.text.strip()]
    return said_sentences[-1] if said_sentences else ""
