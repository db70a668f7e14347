"""What the eval suites ask of the LLM judge (``judge.Judge``), as metrics of a case."""

from __future__ import annotations

import json
from typing import Any

from assistant.coaching.plan import StrategyPlan


class JudgeHook:
    """Scores plans and answers with the judge's rubrics; a judge failure raises (an error
    of the case, never a zero)."""

    def __init__(self, judge: Any) -> None:  # judge: assistant.evaluation.judge.Judge
        self.judge = judge

    @property
    def name(self) -> str:
        return str(getattr(self.judge, "model", "judge"))

    def plan(self, plan: StrategyPlan) -> dict[str, float | None]:
        objectives = json.dumps(
            [o.model_dump(mode="json") for o in plan.objectives], ensure_ascii=False
        )
        goals = json.dumps(
            [
                {k: v for k, v in g.model_dump(mode="json").items() if k != "citations"}
                for g in plan.goals
            ],
            ensure_ascii=False,
        )
        roadmap = json.dumps(
            [
                {k: v for k, v in i.model_dump(mode="json").items() if k != "citations"}
                for i in plan.roadmap
            ],
            ensure_ascii=False,
        )
        profile = json.dumps(plan.profile.model_dump(mode="json"), ensure_ascii=False)
        quality = self.judge.score("goal_quality", objectives=objectives, goals=goals)
        useful = self.judge.score(
            "roadmap_usefulness", profile=profile, goals=goals, roadmap=roadmap
        )
        return {
            "judge_goal_quality": quality.median,
            "judge_roadmap_usefulness": useful.median,
        }

    def answer(self, question: str, answer: str, passages: list[str]) -> dict[str, float | None]:
        scored = self.judge.score(
            "answer_faithfulness",
            question=question,
            answer=answer,
            passages="\n\n---\n\n".join(passages),
        )
        return {"judge_answer_faithfulness": scored.median}
