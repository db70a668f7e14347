"""The SMART checker against published examples: goals that guides, textbooks and business
sites call good or bad, with the letters each source judged (``evals/smart/``). Each goal is
read as an owner's objective, drafted into a goal and checked; agreement is counted per
letter, only where the source judged that letter.

A goal is judged on the day its own words date it from (the first of January of the
earliest year it names, so "by December 2021" is not "in the past"), else on the day the
suites were written for."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from assistant.coaching.drafting import goal_from_candidate
from assistant.coaching.facts import read_message
from assistant.coaching.plan import Objective
from assistant.coaching.smart import LETTERS, check_goal
from assistant.config import PROJECT_ROOT
from assistant.evaluation import blind_corpus

CORPUS_DIR = PROJECT_ROOT / "evals" / "smart"
FLOORS = CORPUS_DIR / "floors.json"
_YEAR = re.compile(r"(?<!\d)(20[1-3]\d)(?!\d)")  # a year, not "2000 contacts"


class Published(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    lang: Literal["en", "nb", "sv", "ru"]
    goal: str
    source_url: str
    source_says: str = ""
    letters: dict[str, bool | None]
    context: str | None = None


def load(split: str) -> list[Published]:
    lines = (CORPUS_DIR / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [Published.model_validate_json(line) for line in lines if line.strip()]


def frozen_changed() -> str | None:
    return blind_corpus.frozen_changed(CORPUS_DIR)


def judged_on(text: str) -> dt.date:
    years = [int(y) for y in _YEAR.findall(text)]
    return dt.date(min(years), 1, 1) if years else blind_corpus.TODAY


def verdict(example: Published) -> dict[str, bool]:
    """The checker's letters for the goal as the coach would draft it from these words; a
    text the reader finds no objective in fails every letter (nothing could be planned)."""
    today = judged_on(example.goal)
    candidates = read_message(example.goal, example.lang, today).goals
    if not candidates:
        return dict.fromkeys(LETTERS, False)
    candidate = candidates[0]
    objective = Objective(id="o1", category=candidate.category, owner_words=example.goal)
    goal = goal_from_candidate(1, candidate, "o1", example.lang, today)
    letters = check_goal(goal, [objective], today, example.lang).letters
    return {letter: getattr(letters, letter).ok for letter in LETTERS}


def evaluate(settings: Any, split: str) -> dict[str, Any]:
    """Agreement per letter (overall and per language) where the source judged the letter,
    with the disagreements listed for reading."""
    del settings  # the checker needs no index or model
    hits: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    disagreements = []
    for example in load(split):
        ours = verdict(example)
        for letter, theirs in example.letters.items():
            if theirs is None or letter not in ours:
                continue
            agree = ours[letter] == theirs
            for bucket in ("all", example.lang):
                hits[bucket][letter][0] += agree
                hits[bucket][letter][1] += 1
            if not agree:
                disagreements.append({"id": example.id, "letter": letter, "source": theirs})
    rates = {
        bucket: {letter: round(h / n, 4) for letter, (h, n) in sorted(by.items()) if n}
        for bucket, by in hits.items()
    }
    return {
        "split": split,
        "all": rates.get("all", {}),
        "by_language": {k: v for k, v in sorted(rates.items()) if k != "all"},
        "judged": {letter: n for letter, (_, n) in sorted(hits["all"].items())},
        "disagreements": disagreements,
    }


def gate(figures: dict[str, Any]) -> list[str]:
    """Floors broken (``evals/smart/floors.json``: letter or letter@language)."""
    return blind_corpus.floors_broken(figures, FLOORS)
