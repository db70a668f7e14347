"""``strategy-coach eval listening``: the offline coach in owners' conversations written
blind (``evals/listening/``): each correction and command applied, no objection taken as
approval, every question answered or declined, no interview question asked twice, the first
draft of goals within twelve replies, and the plan at the end against the one a careful
consultant would have.

What the coach did in a turn is read from the turn's typed acts (``SessionState.acts``),
not from the wording of its reply; the end plan is compared on values (targets within 2 %,
deadlines within 31 days, the staff count, revenue within 2 %).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from pydantic import BaseModel, Field

from assistant.coaching.catalogue import load_kpi_catalogue
from assistant.coaching.service import CoachService
from assistant.coaching.state import SessionState
from assistant.coaching.words import shares_a_word
from assistant.config import PROJECT_ROOT
from assistant.evaluation import blind_corpus, plan_fit

CORPUS_DIR = PROJECT_ROOT / "evals" / "listening"
FIRST_DRAFT_WITHIN = 12  # replies
DEADLINE_DAYS = 31
INTERVIEW_STAGES = ("profile", "current_state", "objectives")


class OwnerMessage(BaseModel):
    text: str
    kind: str
    also: list[str] = Field(default_factory=list)
    expect: str = ""

    def does(self, kind: str) -> bool:
        return self.kind == kind or kind in self.also


class GoldGoal(BaseModel):
    about: str
    baseline: float | None = None
    target: float
    deadline: dt.date


class ConversationGold(BaseModel):
    profile: dict[str, Any] = Field(default_factory=dict)
    goals: list[GoldGoal] = Field(default_factory=list)
    dropped_initiatives: list[str] = Field(default_factory=list)


class Conversation(BaseModel):
    id: str
    lang: str
    business: str = ""
    messages: list[OwnerMessage]
    gold: ConversationGold


class Tally(BaseModel):
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.total += 1

    @property
    def rate(self) -> float | None:
        return round(self.hit / self.total, 4) if self.total else None


def load(split: str) -> list[Conversation]:
    path = CORPUS_DIR / f"{split}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Conversation.model_validate_json(line) for line in lines if line.strip()]


def frozen_changed() -> str | None:
    return blind_corpus.frozen_changed(CORPUS_DIR)


def _close(a: float | None, b: float | None, share: float = 0.02) -> bool:
    return a is not None and b is not None and abs(a - b) <= share * max(abs(a), abs(b), 1)


def _turns(service: CoachService, conversation: Conversation) -> dict[str, Tally]:
    """Send the owner's messages one by one and tally what the coach did with each."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    asked: list[str] = []
    first_draft: int | None = None
    sid = f"listening-{conversation.id}"
    for number, message in enumerate(conversation.messages, start=1):
        before = service.session(sid).stage if number > 1 else "profile"
        service.send(sid, message.text)
        state = service.session(sid)
        if message.does("objection"):
            tallies["objection_held"].add("approved" not in state.acts and state.stage == before)
        if message.does("question"):
            handled = {"answered", "declined", "exported"}  # "can you send it as a PDF?": done
            tallies["question_handled"].add(bool(handled & set(state.acts)))
        if message.kind in ("correction", "command"):
            tallies["change_said_back"].add(bool({"changed", "exported"} & set(state.acts)))
        if first_draft is None and state.stage not in (*INTERVIEW_STAGES, "playback"):
            first_draft = number
        if "asked" in state.acts:
            tallies["question_not_repeated"].add(state.last_question not in asked)
            asked.append(state.last_question)
    tallies["first_draft_in_time"].add(
        first_draft is not None and first_draft <= FIRST_DRAFT_WITHIN
    )
    _end_plan(service.session(sid), conversation.gold, tallies)
    return tallies


def _end_plan(state: SessionState, gold: ConversationGold, tallies: dict[str, Tally]) -> None:
    plan = state.plan
    profile = gold.profile
    if profile.get("staff") is not None:
        tallies["profile_right"].add(plan.profile.staff == profile["staff"])
    revenue = (profile.get("revenue") or {}).get("amount")
    if revenue is not None:
        held = plan.profile.annual_revenue.amount if plan.profile.annual_revenue else None
        tallies["profile_right"].add(_close(held, revenue))
    free = list(plan.goals)
    for goal in gold.goals:
        match = next(
            (
                g
                for g in free
                if g.target is not None
                and _close(g.target.value, goal.target)
                and g.deadline is not None
                and abs((g.deadline - goal.deadline).days) <= DEADLINE_DAYS
            ),
            None,
        )
        tallies["goal_recall"].add(match is not None)
        if match is not None:
            free.remove(match)
    tallies["no_extra_goal"].add(len(plan.goals) <= len(gold.goals))
    titles = [i.title for i in plan.roadmap]
    for words in gold.dropped_initiatives:
        tallies["dropped_stays_dropped"].add(_gone(words, titles, plan.language) and bool(titles))


def _gone(words: str, titles: list[str], language: str) -> bool:
    """The step the owner dropped is not in the roadmap: none of the catalogue steps its words
    denote ("Amazon marketplace listing": selling on a marketplace, not "your own channel
    alongside the marketplaces"); for words that denote none, no title sharing a word."""
    ids = plan_fit.denoted(words)
    if not ids:
        return not any(shares_a_word(words, t, language) for t in titles)
    named = {s.title.get(language) for s in load_kpi_catalogue().initiatives if s.id in ids}
    return not named & set(titles)


def run_listening(service: CoachService, split: str) -> dict[str, Any]:
    """Figures overall and per language."""
    by_language: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    everything: dict[str, Tally] = defaultdict(Tally)
    for conversation in load(split):
        for name, tally in _turns(service, conversation).items():
            for bucket in (everything, by_language[conversation.lang]):
                bucket[name].hit += tally.hit
                bucket[name].total += tally.total
    return {
        "split": split,
        "all": {k: v.rate for k, v in sorted(everything.items())},
        "by_language": {
            lang: {k: v.rate for k, v in sorted(t.items())}
            for lang, t in sorted(by_language.items())
        },
    }


FLOORS = CORPUS_DIR / "floors.json"
TODAY = blind_corpus.TODAY


def gate(figures: dict[str, Any]) -> list[str]:
    """Floors broken (``evals/listening/floors.json``: overall and per language)."""
    return blind_corpus.floors_broken(figures, FLOORS)


def evaluate(settings: Any, split: str) -> dict[str, Any]:
    """The listening figures of ``split``, with the offline coach on a fresh data folder."""
    with blind_corpus.offline_coach(settings, "listening") as service:
        return run_listening(service, split)
