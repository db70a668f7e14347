"""What the blind reviewers of 2026-12-05s and 2026-12-05l saw in finished plans: quotes in
another language than the owner's, "3.5 dagar" with an English decimal point, a summary whose
later lanes ran together into one paragraph, and "4 fully SMART" beside goals marked "to fix"."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from assistant.coaching.drafting import goal_from_candidate
from assistant.coaching.facts import Figure, GoalCandidate
from assistant.coaching.messages import Messages
from assistant.coaching.render import summary
from assistant.coaching.smart import check_goal

TODAY = date(2026, 11, 22)


READABLE = {"en": {"en"}, "nb": {"nb", "sv", "en"}, "sv": {"sv", "nb", "en"}, "ru": {"ru", "en"}}


def test_every_quote_in_a_finished_plan_is_one_its_reader_can_read(finished_sessions):
    for persona, state in finished_sessions.items():
        language = state.plan.language
        cited = [c for g in state.plan.goals for c in g.citations]
        cited += [c for i in state.plan.roadmap for c in i.citations]
        assert cited, persona
        unreadable = [c.chunk_id for c in cited if c.chunk_id[:2] not in READABLE[language]]
        assert not unreadable, persona
        own = sum(c.chunk_id.startswith(language) for c in cited)
        assert own >= len(cited) / 2, persona  # most quotes in the owner's own language


def test_a_decimal_is_written_as_the_owner_writes_it():
    said = GoalCandidate(
        text="kortare offerttid",
        baseline=Figure(value=3.5, unit="days"),
        target=Figure(value=1.5, unit="days"),
        deadline=date(2027, 6, 30),
        direction="decrease",
    )
    swedish = goal_from_candidate(1, said, "o1", "sv", TODAY)
    english = goal_from_candidate(1, said, "o1", "en", TODAY)
    assert "3,5" in swedish.statement and "1,5" in swedish.statement
    assert "3.5" in english.statement


def test_each_lane_of_the_summary_is_a_list_of_its_own(finished_sessions):
    for persona, state in finished_sessions.items():
        lines = summary(state, TODAY).splitlines()
        for before, line in pairwise(lines):
            if re.match(r"\d+\. ", line) and not re.match(r"1\. ", line):
                continued = before.startswith("   ")  # the item before goes on ("KPI: …")
                assert not before.strip() or re.match(r"\d+\. ", before) or continued, (
                    persona,
                    line,
                )


def test_the_summary_counts_as_fully_smart_only_goals_with_nothing_to_fix(finished_sessions):
    for persona, state in finished_sessions.items():
        plan = state.plan
        verdicts = [check_goal(g, plan.objectives, TODAY, plan.language) for g in plan.goals]
        clean = sum(1 for v in verdicts if v.passed and not v.top_fix)
        counts = Messages(plan.language).say(
            "summary_counts",
            goals=len(plan.goals),
            smart=clean,
            initiatives=len(plan.roadmap),
            horizons=len({i.horizon for i in plan.roadmap if i.horizon}),
        )
        assert counts in summary(state, TODAY), persona
