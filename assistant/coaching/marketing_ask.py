"""The marketing figures the interview asks for: only those that apply to this business and
are not known yet (no website visits for a business with no website, no online share of
revenue for one that sells nothing online)."""

from __future__ import annotations

from assistant.coaching.messages import Messages
from assistant.coaching.state import SessionState


def figures_to_ask(state: SessionState) -> list[str]:
    """ "online_share", "visits", "followers": those still worth asking."""
    answers = state.maturity_answers
    marketing = state.plan.current_state.marketing
    wanted = {
        "online_share": marketing.online_revenue_share_percent is None
        and answers.get("r_webshop") != "no",
        "visits": marketing.monthly_visits is None and answers.get("r_website") != "no",
        "followers": marketing.social_followers is None,
    }
    return [part for part, ask in wanted.items() if ask]


def marketing_question(state: SessionState) -> str | None:
    """One question for the figures still worth asking, or None when none is."""
    parts = figures_to_ask(state)
    if not parts:
        return None
    say = Messages(state.language)
    said = [say.label("marketing_parts", part) for part in parts]
    joined = (
        said[0] if len(said) == 1 else f"{', '.join(said[:-1])} {say.say('list_and')} {said[-1]}"
    )
    return say.say("ask_marketing_parts", parts=joined)
