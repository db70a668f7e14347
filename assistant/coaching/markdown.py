"""The plan as a Markdown document (terminal output now; the export builds on it later)."""

from __future__ import annotations

from assistant.coaching.messages import Messages
from assistant.coaching.plan import StrategyPlan
from assistant.coaching.render import maturity_block


def plan_markdown(plan: StrategyPlan) -> str:
    say = Messages(plan.language)
    unknown = say.say("unknown")
    profile = plan.profile
    lines = [f"# {profile.business_name or unknown}", ""]
    markets = ", ".join(profile.markets) or unknown
    lines.append(f"{profile.industry or unknown} · {profile.staff or unknown} · {markets}")
    lines += ["", "## " + say.say("playback_maturity_head").strip("*: "), ""]
    lines += maturity_block(plan).splitlines()[1:]
    lines += ["", "## " + say.say("goals_head").rstrip(":"), ""]
    for number, goal in enumerate(plan.goals, start=1):
        letters = goal.smart.model_dump() if goal.smart else {}
        badge = "".join(k[0].upper() if v["ok"] else "·" for k, v in letters.items())
        lines.append(f"{number}. {goal.statement} — `{badge}`")
        for citation in goal.citations:
            lines.append(f"   > “{citation.quote}” ({citation.source})")
    lines += ["", "## " + say.say("roadmap_head").rstrip(":"), ""]
    for initiative in plan.roadmap:
        lines.append(
            f"- **{initiative.title}** ({initiative.horizon}, {initiative.start}–{initiative.end}, "
            f"{initiative.priority})"
        )
        for citation in initiative.citations:
            lines.append(f"  > “{citation.quote}” ({citation.source})")
    if plan.open_questions:
        lines += ["", "## " + say.say("open_questions_head").strip("*: "), ""]
        lines += [f"- {question}" for question in plan.open_questions]
    return "\n".join(lines) + "\n"
