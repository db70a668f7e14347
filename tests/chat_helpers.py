"""Talking to the offline coach in tests: a few owner messages in a row, or as far as the
drafted roadmap."""

from __future__ import annotations

from assistant.coaching.service import CoachService

YES = {"en": "yes", "nb": "ja", "sv": "ja", "ru": "да"}


def talk(service: CoachService, sid: str, messages: list[str], language: str | None = "en") -> str:
    """The reply to the last of ``messages``; with ``language`` None the coach follows the owner."""
    reply = ""
    for message in messages:
        reply = service.send(sid, message, language).reply
    return reply


def at_roadmap(service: CoachService, sid: str, messages: list[str], language: str) -> None:
    """The owner's messages, then yes until the roadmap is drafted."""
    talk(service, sid, messages, language)
    for _ in range(12):
        if service.session(sid).plan.roadmap:
            return
        talk(service, sid, [YES[language]], language)
    assert service.session(sid).plan.roadmap
