"""The fixes a message says outright, applied before anything else in the turn: a line of
the notes corrected by its label, the company's name said anew, the currency, the trade,
quiet months, answers the owner denies giving, and in a correction the head count and
revenue."""

from __future__ import annotations

import re
from datetime import date

from assistant.coaching import render
from assistant.coaching.commands import PlanCommand
from assistant.coaching.facts import Facts
from assistant.coaching.gap_dismissals import dismiss_gaps
from assistant.coaching.gaps import score_maturity
from assistant.coaching.labelled_fixes import labelled_fixes
from assistant.coaching.messages import Messages
from assistant.coaching.note_removals import remove_noted_figures
from assistant.coaching.quiet_months import quiet_months_said
from assistant.coaching.state import SessionState
from assistant.coaching.unsaid import forget_unsaid
from assistant.coaching.upkeep import currency_fixed, trade_fixed
from assistant.understanding import cues


def fixes_said(state: SessionState, facts: Facts, today: date) -> list[str]:
    """What this message fixes outright, said back: the company name said anew, the
    currency, the trade, quiet months, answers the owner never gave, and (in a correction)
    the head count and revenue. Goal fixes said by number become commands here."""
    say = Messages(state.language)
    plan = state.plan
    changes = []
    commanded = {c.action for c in facts.commands}
    if facts.drop_goal and "drop_goal" not in commanded:
        facts.commands.append(PlanCommand(action="drop_goal", number=facts.drop_goal, words=""))
    if facts.move_deadline and plan.goals and "change_goal" not in commanded:
        number, deadline = facts.move_deadline
        facts.commands.append(
            PlanCommand(action="change_goal", number=number, words="", deadline=deadline)
        )
    named = facts.business_name if facts.renamed else None
    if named and plan.profile.business_name and named != plan.profile.business_name:
        plan.profile.business_name = named  # "the company is called ...": said outright
        state.understood["business_name"] = facts.sources["business_name"]
        label = say.label("understood_fields", "business_name")
        changes.append(say.say("edit_field", field=label, value=named))
    trade_before = plan.profile.industry
    changes += labelled_fixes(state, facts.said)  # "Own website: yes", "What you do: …"
    changes += currency_fixed(state, facts)
    if plan.profile.industry == trade_before:  # the trade not already set by its label
        changes += trade_fixed(state, facts)
    changes += quiet_months_said(state, facts, today)  # "nothing new before February"
    changes += dismiss_gaps(state, facts)  # "the 'gap' about online sales: remove it"
    changes += remove_noted_figures(state, facts)  # "remove 'Orders per month: 40'"
    if unsaid := forget_unsaid(state, facts):  # "I never said digital skills yes"
        changes += unsaid
        score_maturity(state)
    fixing = facts.intent in ("correction", "objection") or state.stage == "playback"
    fixing = fixing or _denied(facts.said, plan.profile.staff, state.language)  # "9, не 7"
    if not (fixing or facts.profile_fixed):  # "Nej, flera fel. Omsättningen är 16 Mkr"
        return changes  # a count in a later answer ("150 reviews in all") is no fix
    staff = facts.staff
    if staff and plan.profile.staff and staff != plan.profile.staff:
        plan.profile.staff, plan.profile.staff_off_season = staff, facts.staff_off_season
        changes.append(say.say("staff_changed", staff=staff))
    revenue = facts.revenue
    if revenue and plan.profile.annual_revenue and revenue != plan.profile.annual_revenue:
        plan.profile.annual_revenue = revenue
        changes.append(say.say("revenue_changed", revenue=render.money(revenue)))
    return changes


def _denied(said: str, value: int | None, language: str) -> bool:
    """The message denies the figure on record ("Нас 9 человек, не 7" with 7 held)."""
    if value is None:
        return False
    return any(
        cues.search("denied_before", language, said[: m.start()][-20:]) is not None
        for m in re.finditer(rf"(?<![\d.,]){value}(?![\d.,]\d)", said)
    )
