"""The app's named API endpoint ``chat``, for driving a session from code (gradio_client).

No ``from __future__ import annotations`` here: Gradio reads these type hints at run time to
describe the endpoint.
"""

from collections.abc import Callable

import gradio as gr

from assistant.coaching.service import CoachService
from assistant.coaching.sessions import SessionNotFound
from assistant.web.handlers import MAX_MESSAGE, owner_of


def chat_endpoint(service: CoachService) -> Callable[..., tuple[str, dict]]:
    def chat(message: str, session_id: str, request: gr.Request) -> tuple[str, dict]:
        """One turn of a coaching session: the coach's reply and the plan so far.

        Args:
            message: what the owner says (any of en, nb, sv, ru).
            session_id: any string naming the session; reuse it to continue the session.
        """
        session_id = (session_id or "").strip()
        if not session_id:
            raise gr.Error("session_id is required: any string that names the session.")
        if len(message or "") > MAX_MESSAGE:
            raise gr.Error(f"The message is longer than {MAX_MESSAGE:,} characters; split it.")
        try:
            result = service.send(session_id, message or "", owner=owner_of(request))
        except SessionNotFound:
            raise gr.Error("No such session for this login.") from None
        return result.reply, result.plan

    return chat
