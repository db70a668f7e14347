"""The next group of digital-state questions to ask: a group the owner has answered in full
already is passed over, and of one answered in part only the open questions are asked
("Vi har nettside, ingen CRM" said with the business is not asked again)."""

from __future__ import annotations

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.state import SessionState


def next_group_question(state: SessionState) -> str:
    """The next group's question (marked asked), or "" when every group has been asked."""
    bank = load_maturity_questions()
    for group in bank.interview_groups:
        open_ids = [q for q in group.question_ids if q not in state.maturity_answers]
        if not open_ids and group.id not in state.groups_asked:
            state.groups_asked.append(group.id)  # all said before it was asked
        if group.id in state.groups_asked or group.optional:
            continue
        state.groups_asked.append(group.id)
        if len(open_ids) < len(group.question_ids):
            texts = {q.id: q.text.get(state.language) for q in bank.questions}
            return " ".join(texts[q] for q in open_ids)
        return group.prompt.get(state.language)
    return ""
