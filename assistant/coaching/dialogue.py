"""The offline coach: one user message in, one reply out, the plan updated on the way.

Stages: profile -> current state (maturity groups, then marketing figures) -> objectives
with today's figures -> play back and approve once -> goals -> roadmap -> summary. Side
questions are answered from retrieved guidance and the interview resumes; corrections
apply at any point.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.coaching import render
from assistant.coaching.baseline_unknown import unknown_baselines
from assistant.coaching.business_said import session_kind, session_traits
from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.chat_edits import apply_commands
from assistant.coaching.chat_exports import save_pending_exports
from assistant.coaching.chat_steps import heard_as_objection, moves_steps
from assistant.coaching.commands import STEP_ORDERS
from assistant.coaching.cues import cues, supported_language
from assistant.coaching.deadline_notes import soon_deadline_notes
from assistant.coaching.drafting import apply_smart, cite_goals, goal_from_candidate
from assistant.coaching.facts import MAX_MESSAGE_CHARS, Facts, read_message, said_firmly
from assistant.coaching.gaps import counted_answers, score_maturity
from assistant.coaching.implied import settle_baselines, settle_candidates
from assistant.coaching.interview_groups import next_group_question
from assistant.coaching.kpi_fit import fit_kpis
from assistant.coaching.marketing_ask import marketing_question
from assistant.coaching.messages import Messages
from assistant.coaching.metric_fixes import metric_fixes
from assistant.coaching.objective_asks import (
    add_objectives,
    answer_beside_orders,
    date_for_named_goal,
    fill_pending,
    next_missing,
    restate_objectives,
    skip_pending,
)
from assistant.coaching.plan_answers import plan_question
from assistant.coaching.refusals import left_out_beside_aims, refused_steps
from assistant.coaching.roadmap import add_asked, draft_roadmap
from assistant.coaching.said_fixes import fixes_said
from assistant.coaching.say_back import said_back, set_up_labels, snapshot
from assistant.coaching.side_answers import SideAnswers, boundary
from assistant.coaching.state import SessionState
from assistant.coaching.step_gaps import newly_unserved, served_goals
from assistant.coaching.unit_fixes import unit_fixes
from assistant.coaching.upkeep import (
    baselines_from_figures,
    fill_profile_gaps,
    more_specific,
    record_figures,
    remember_words,
    revenue_currency,
    staff_said,
    tidy_open_questions,
)
from assistant.knowledge.languages import detect_language, sure_language, without_names
from assistant.knowledge.service import KnowledgeBase

CONFIRMING = ("playback", "review", "roadmap")  # steps that end with "is this right?"
SUMMED_UP_FROM = ("review", "roadmap", "done")  # the final summary, once goals are drafted


def say_confirm(state: SessionState, step: str) -> str:
    """The one question a draft waits on: yes, or what to change."""
    return Messages(state.language).say(f"{step}_confirm")


class OfflineCoach:
    """Rules, templates and retrieval; no network, no model weights beyond the embedder."""

    name = "offline"

    def __init__(self, kb: KnowledgeBase, today: Callable[[], date] = date.today) -> None:
        self.kb = kb
        self.today = today
        self.answers = SideAnswers(kb)
        # The LLM engine may reword drafted goals (see llm_coach.LlmPhraser.word_goals).
        self.goal_wording: Callable[[SessionState], None] | None = None
        # The service saves a plan asked for in chat ("send it as PDF") and says where.
        self.save_export: Callable[[SessionState, str], str] | None = None

    # ----- one turn, in steps (the graph in graph.py calls these) -----
    def understand(self, state: SessionState, text: str, facts: Facts) -> tuple[list[str], str]:
        """Opening parts of the reply and where the turn goes next (a stage or a side path)."""
        text = text[:MAX_MESSAGE_CHARS]  # the part that was read (see ``facts.truncated``)
        say = Messages(state.language)
        first = state.assistant_turns == 0
        parts: list[str] = [say.say("greeting")] if first else []
        if state.owner_edits:
            parts.append(say.say("edits_noted", changes="; ".join(state.owner_edits)))
            state.owner_edits = []
        if facts.truncated:
            parts.append(say.say("too_long"))
        if facts.aside:
            parts.append(say.say("aside_noted"))
        today = self.today()
        facts.commands += metric_fixes(state, facts)  # "it's not bookings, it's visitors"
        facts.commands += unit_fixes(state, facts)  # "it's the number of reviews, not points"
        facts.commands += unknown_baselines(state, facts, today)  # "цели 3 сейчас — не знаю"
        changes = fixes_said(state, facts, today)
        if moves_steps(state, facts):  # "move online booking up to Now", goals unapproved
            self._draft_roadmap(state, today)
            parts.append(say.say("roadmap_drafted_for_order"))
        served_before = served_goals(state.plan)
        ordered = apply_commands(state, facts, today, self.save_export)
        said_nothing_else = not (facts.figures or facts.goals or facts.maturity)
        said_nothing_else &= plan_question(text, state.language) is None  # "Ok. What first?"
        if facts.yes_apart and state.stage in CONFIRMING and said_nothing_else:
            facts.approve = True  # "ну это уже смешно. ладно, да": asked to confirm, said yes
        if facts.go_ahead and state.stage in CONFIRMING and not ordered.asks:
            facts.approve = True  # "Change goal 1 to 60 %. Then yes, do the roadmap."
        if facts.final_summary and state.stage in SUMMED_UP_FROM:
            facts.approve = True  # "… I give up on that – give me the final summary."
        if ordered.asked_for:  # a step the owner asked for, added to the drafted roadmap
            wanted = {s: state.wanted_initiatives[s] for s in ordered.asked_for}
            add_asked(state.plan, wanted, self.kb, today, state.sources, state.scope, ordered.lanes)
        if ordered.goals_added:
            apply_smart(state.plan, today)
            cite_goals(state.plan, self.kb, state.sources, state.scope)
        changes += ordered.changes
        if changes:
            state.acts.append("changed")
            parts.append(say.say("correction_done", change="; ".join(changes)))
        parts += ordered.asks + ordered.notes + newly_unserved(state, served_before)
        state.acts += [
            a
            for a, did in (
                ("exported", ordered.exported),
                ("roadmap_changed", ordered.roadmap_changed),
                ("steps_ordered", any(c.action in STEP_ORDERS for c in facts.commands)),
            )
            if did
        ]
        unusable = self._unusable_deadline(state, text, facts)
        if unusable is not None:
            words, why = unusable
            parts.append(say.say(f"deadline_{why}", date=words))
        parts += soon_deadline_notes(facts, today, state.language)
        counted = any(g.baseline or g.target for g in facts.goals)  # not "guarantee it doubles"
        answered = counted or facts.figures or facts.maturity or facts.staff or facts.revenue
        if boundary(state.language, text, facts.question) and not answered:
            return parts, "side_question"  # a legal question beside objectives: both handled
        early = state.stage in ("profile", "current_state", "objectives", "playback") or (
            state.stage == "review" and not state.plan.roadmap
        )
        rejected = refused_steps(text, state.language) if facts.intent == "objection" else []
        if rejected and early and not changes and not facts.goals:
            return parts, "side_question"  # nothing drafted to object to: noted, then on
        parts += left_out_beside_aims(state, facts, text) if early else []
        if plan_question(text, state.language) == "list_goals" and not facts.goals:
            state.acts.append("goals_asked")
            return parts, "show_goals" if state.plan.goals else "side_question"  # "show my goals"
        aside = facts.intent in ("question", "off_topic") and not facts.goals and not facts.approve
        if aside and not self._answers_pending(state, facts):
            return parts, "side_question"
        shown = state.stage in ("review", "roadmap", "done")
        if (changes or unusable or ordered.asks or ordered.show) and shown and not facts.approve:
            return parts, "show_goals"
        return parts, state.stage

    def _unusable_deadline(
        self, state: SessionState, text: str, facts: Facts
    ) -> tuple[str, str] | None:
        """A deadline the owner gave that cannot be used (gone by, or no such day), when the
        message was about a deadline: an answer to "by when?", a request to move one, or an
        objective without a usable one. Said back, so the owner knows why it was not taken."""
        if facts.unusable_deadline is None:
            return None
        table = cues(state.language)
        asked = state.pending is not None and state.pending.field == "deadline"
        moving = table.compiled(table.move_deadline).search(text) is not None
        undated = any(  # early on, only whole objectives ("from X to Y") are kept
            g.deadline is None and (state.stage == "objectives" or (g.baseline and g.target))
            for g in facts.goals
        )
        return facts.unusable_deadline if asked or moving or undated else None

    def read(self, state: SessionState, text: str) -> Facts:
        self._follow_language(state, text)
        goals = len(state.plan.goals) or len(state.candidates)
        facts = read_message(text, state.language, self.today(), goals=goals)
        heard_as_objection(state, facts)
        return facts

    def empty_reply(self, state: SessionState) -> str:
        say = Messages(state.language)
        return "\n\n".join(p for p in (say.say("empty_message"), state.last_question) if p)

    def side_question(self, state: SessionState, text: str, facts: Facts | None = None) -> str:
        return self.answers.side_question(state, text, facts)

    def inline_answers(self, state: SessionState, facts: Facts) -> list[str]:
        return self.answers.inline_answers(state, facts)

    def exports_after_approval(self, state: SessionState) -> list[str]:
        return save_pending_exports(state, self.save_export)

    def show_goals(self, state: SessionState) -> str:
        """The part of the plan the owner is looking at, as it is after their change."""
        apply_smart(state.plan, self.today())
        self._tidy(state)
        about_steps = {"roadmap_changed", "steps_ordered"} & set(state.acts)
        on_roadmap = "goals_asked" not in state.acts and (
            state.stage == "roadmap" or (bool(state.plan.roadmap) and bool(about_steps))
        )  # "which step?" asked after the summary: the roadmap, not the goals again
        shown = render.roadmap(state) if on_roadmap else render.goals(state, self.today())
        state.last_question = shown  # a side question later resumes with the plan as it is now
        return shown

    @staticmethod
    def _tidy(state: SessionState) -> None:
        """The plan kept true to what the owner has said since: open questions answered
        since leave it, and each goal's KPI is measured as this business measures it."""
        tidy_open_questions(state)
        if state.plan.goals:
            fit_kpis(state.plan, session_kind(state))

    def stage_reply(
        self, state: SessionState, facts: Facts, first: bool, held: dict[str, str] | None = None
    ) -> str:
        """The stage's next question, opened by what this message changed in the plan."""
        held = snapshot(state) if held is None else held
        baselines_from_figures(state)  # "48 reviews" said before: not asked again
        said_at = state.stage
        question = self._advance(state, facts, self.today(), first)
        self._tidy(state)
        remember_words(state, facts)
        interviewing = state.stage in ("profile", "current_state", "objectives")
        saying_back = interviewing or said_at == "playback"  # a fix to the summary, too
        now = snapshot(state)
        if not saying_back and said_at in ("review", "roadmap"):  # a set-up answer fixed late
            now = {k: v for k, v in now.items() if k in set_up_labels(state.language)}
            saying_back = True
        noted = said_back(held, now, state.language) if saying_back else None
        opening = f"{noted}\n\n" if noted else ""  # "Noted: People: 5; …"
        if interviewing and question == state.last_question and "changed" in state.acts:
            state.acts.append("reminded")  # only a fix was said: the open question again
            return f"{opening}{Messages(state.language).say('resume')}\n\n{question}"
        if interviewing:
            state.acts.append("asked")  # an interview question (the eval counts repeats)
        state.last_question = question
        return opening + question

    def _follow_language(self, state: SessionState, text: str) -> None:
        if state.language_fixed or len(text.split()) < 3:
            return
        words = without_names(text[:MAX_MESSAGE_CHARS])  # not "Hjørnet"
        replied = any(turn.role == "assistant" for turn in state.transcript)
        detected = sure_language(words, state.language) if replied else detect_language(words)
        if detected and detected == supported_language(detected):  # one of ours: follow it
            state.language = detected
            state.plan.language = state.language
            state.plan.profile.language = state.language

    @staticmethod
    def _answers_pending(state: SessionState, facts: Facts) -> bool:
        """A number or date given while the coach waits for one ("about 40?") answers it."""
        return state.pending is not None and bool(facts.figures or facts.deadline)

    # ----- the interview -----
    def _advance(self, state: SessionState, facts: Facts, today: date, first: bool) -> str:
        stage = state.stage
        if stage != "profile":
            fill_profile_gaps(state, facts)
        if stage in ("profile", "current_state"):
            record_figures(state, facts.figures, self.today())
            add_objectives(state, facts)
        if stage == "profile":
            return self._profile(state, facts, first)
        if stage == "current_state":
            return self._current_state(state, facts)
        if stage == "objectives":
            return self._objectives(state, facts, today)
        if stage == "playback":
            record_figures(state, facts.figures, today)  # "website visits about 200"
            add_objectives(state, facts)  # a late objective, said with its numbers
            answered = self._take_answers(state, facts)  # "invoicing is NOT done by hand"
            if facts.approve:
                state.acts.append("approved")
                return self._draft_goals(state, today)
            changed = (
                answered
                or facts.intent in ("correction", "command")
                or bool(facts.goals or facts.staff or facts.revenue)
            )
            # shown again after a change, it ends with the shorter confirm question
            confirm = (
                render.playback(state, "playback_confirm")
                if changed
                else say_confirm(state, "playback")
            )
            return self._not_yet(state, facts, confirm)
        if stage in ("review", "roadmap"):
            self._take_answers(state, facts)  # "backups aren't really yes … call it partly"
        if stage == "review":
            if not facts.approve:
                return self._not_yet(state, facts, say_confirm(state, "goals"))
            state.acts.append("approved")
            self._draft_roadmap(state, today)
            if not facts.final_summary:
                return render.roadmap(state)
            state.stage = "done"  # "the goals are fine, give me the final summary"
        if stage == "roadmap":
            if not facts.approve:
                return self._not_yet(state, facts, say_confirm(state, "roadmap"))
            state.acts.append("approved")
            state.stage = "done"
        return render.summary(state, today)

    def _draft_roadmap(self, state: SessionState, today: date) -> None:
        state.stage = "roadmap"
        draft_roadmap(
            state.plan,
            self.kb,
            today,
            state.sources,
            state.scope,
            state.removed_initiatives,
            session_traits(state),
            counted_answers(state),  # no groundwork for a gap the owner dismissed
            state.wanted_initiatives,
        )

    @staticmethod
    def _not_yet(state: SessionState, facts: Facts, confirm: str) -> str:
        """Only an approval moves a draft on: an objection is asked what to change, and
        anything else (an answer, "don't know", small talk) is asked to confirm."""
        say = Messages(state.language)
        if facts.intent == "objection" or facts.disagree:
            state.acts.append("asked_what_to_change")
            fix = "playback_what_to_fix" if state.stage == "playback" else "what_to_change"
            return say.say(fix)
        state.acts.append("asked_to_confirm")
        return confirm

    def _profile(self, state: SessionState, facts: Facts, first: bool) -> str:
        say = Messages(state.language)
        profile = state.plan.profile
        asked = state.profile_asks > 0 and not profile.business_name  # "the business name?"
        named = facts.business_name or (facts.bare_name if asked else None)
        profile.business_name = named or profile.business_name
        if not (facts.industry_guessed and profile.industry):
            profile.industry = more_specific(profile.industry, facts.industry)
        profile.staff, profile.staff_off_season = staff_said(facts, profile)
        profile.annual_revenue = facts.revenue or profile.annual_revenue
        profile.markets = list(dict.fromkeys(profile.markets + facts.markets))
        self._take_answers(state, facts)  # "Vi har nettside, ingen CRM": not asked again
        said_something = any(
            (facts.business_name, facts.industry, facts.staff, facts.revenue, facts.markets)
        )
        if first and not said_something:
            return say.say("ask_profile")
        missing = {
            "business_name": profile.business_name,
            "industry": profile.industry,
            "staff": profile.staff,
            "revenue": profile.annual_revenue,
            "markets": profile.markets,
        }
        gaps = [say.label("profile_fields", k) for k, v in missing.items() if not v]
        state.profile_asks += 1
        if gaps and state.profile_asks < 2 and not facts.dont_know:
            return say.say("ask_profile_missing", missing=", ".join(gaps))
        for field in gaps:
            state.plan.open_questions.append(say.say("open_profile", field=field))
        state.stage = "current_state"
        return say.say("maturity_prefix") + " " + next_group_question(state)

    def _current_state(self, state: SessionState, facts: Facts) -> str:
        say = Messages(state.language)
        bank = load_maturity_questions()
        asked = bank.questions_in(state.groups_asked[-1:])  # the group asked now
        said = said_firmly(facts, asked)
        fixing = facts.intent == "correction"
        state.maturity_answers = bank.merge(state.maturity_answers, said, asked, fixing)
        # a bare "don't know" answers the whole group; "not sure about skills" only skills
        blanket = facts.dont_know and not facts.maturity and bool(state.groups_asked)
        if blanket:
            current = next(g for g in bank.interview_groups if g.id == state.groups_asked[-1])
            for question_id in current.question_ids:
                state.maturity_answers.setdefault(question_id, "unknown")
        record_figures(state, facts.figures, self.today())
        score_maturity(state)
        follow = next_group_question(state)
        held = state.maturity_answers  # "not sure" said, and kept as the answer
        unknown = blanket or any(
            held.get(q) == "unknown" for q, v in facts.maturity.items() if v == "unknown"
        )
        prefix = say.say("dont_know_ok") + " " if unknown else ""
        if follow:
            return prefix + follow
        asked = None if state.marketing_asked else marketing_question(state)
        state.marketing_asked = True
        if asked:
            return prefix + asked
        state.stage = "objectives"
        if state.plan.objectives:  # given already, with the figures: not asked again
            closing = Facts(approve=facts.approve, yes_apart=facts.yes_apart)  # "That's all."
            return prefix + self._objectives(state, closing, self.today())
        return prefix + say.say("ask_objectives")

    def _take_answers(self, state: SessionState, facts: Facts) -> bool:
        """A set-up answer said again at the summary replaces the one held; whether any did."""
        before = dict(state.maturity_answers)
        fixing = facts.intent == "correction"
        state.maturity_answers = load_maturity_questions().merge(
            before, said_firmly(facts), corrected=fixing
        )
        if state.maturity_answers == before:
            return False
        score_maturity(state)
        return True

    def _objectives(self, state: SessionState, facts: Facts, today: date) -> str:
        say = Messages(state.language)
        plan = state.plan
        restated = restate_objectives(state, facts)  # the goal list said again, with figures
        facts.goals = [g for g in facts.goals if g not in restated]
        if state.pending is not None and facts.approve:
            skip_pending(state)  # "yes, go on": no more questions about this one
        elif state.pending is not None and not (restated or date_for_named_goal(state, facts)):
            if _plan_orders(state, facts):  # "Drop goal 1 please": not the answer, but a
                answer_beside_orders(state, facts, today)  # sentence beside it may be
            else:
                fill_pending(state, facts, today)
        add_objectives(state, facts, answering=state.pending is not None)
        baselines_from_figures(state)  # "3200 följare", then "dubbla följarna"
        settle_candidates(state)  # "No online booking at all": 0 % today
        state.pending = None
        ask = next_missing(state)
        if ask is not None:
            return ask
        if not plan.objectives and state.objective_asks < 2:
            return say.say("ask_objectives")
        done = facts.approve or facts.yes_apart  # "… by December 2027. That's all."
        if not state.more_objectives_asked and len(plan.objectives) < 3 and not done:
            state.more_objectives_asked = True
            return say.say("ask_more_objectives")
        state.stage = "playback"
        score_maturity(state)
        return render.playback(state)

    def _draft_goals(self, state: SessionState, today: date, also_said: str = "") -> str:
        plan = state.plan
        say = Messages(state.language)
        profile = plan.profile
        scope = ", ".join(profile.markets) or profile.business_name
        currency = revenue_currency(state)
        plan.goals = [
            goal_from_candidate(
                n, c, plan.objectives[n - 1].id, state.language, today, scope, currency
            )
            for n, c in enumerate(state.candidates, start=1)
        ]
        said = [also_said, *(t.content for t in state.transcript if t.role == "user")]
        settle_baselines(plan, said, today)  # "every appointment is booked by phone": 0 %
        for goal in plan.goals:
            if goal.baseline and goal.baseline.status == "pending":
                step = goal.measuring_step or say.say("plan_measure_default")
                plan.open_questions.append(say.say("open_baseline", metric=goal.metric, step=step))
        apply_smart(plan, today)
        if self.goal_wording is not None:
            self.goal_wording(state)
        cite_goals(plan, self.kb, state.sources, state.scope)
        state.stage = "review"
        return render.goals(state, today)


def _plan_orders(state: SessionState, facts: Facts) -> bool:
    """An order that is not about the goal asked about ("drop goal 1", "move the deadline
    of goal 2"); a new name or a corrected value ("2300, not 3200") may come with the answer."""
    asked = state.pending.candidate + 1 if state.pending else None
    return any(
        c.action not in ("replace_value", "rename_goal")
        and not (c.action == "change_goal" and c.number == asked)
        for c in facts.commands
    )
