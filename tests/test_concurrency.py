"""Many sessions at once, and two tabs on one session: turns never interleave inside a
session and nothing crosses between sessions."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.evaluation.datasets import load_personas

pytestmark = pytest.mark.slow


def test_two_tabs_and_many_sessions_at_once(seeded_data_dir) -> None:
    service = CoachService(
        Settings(data_dir=seeded_data_dir("concurrency")), today=lambda: date(2026, 11, 22)
    )
    personas = load_personas()
    errors: list[BaseException] = []

    def tab(session: str, messages: list[str]) -> None:
        try:
            for message in messages:
                service.send(session, message)
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    threads = []
    for persona in personas:
        script = persona.script
        # two "tabs" on the same session, each sending half of the script at the same time
        threads.append(threading.Thread(target=tab, args=(persona.id, script[0::2])))
        threads.append(threading.Thread(target=tab, args=(persona.id, script[1::2])))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    names = {}
    for persona in personas:
        state = service.session(persona.id)
        roles = [turn.role for turn in state.transcript]
        assert roles == ["user", "assistant"] * len(persona.script)  # never half a turn
        assert sorted(t.content for t in state.transcript if t.role == "user") == sorted(
            persona.script
        )
        names[persona.id] = state.plan.profile.business_name
    for persona in personas:
        others = {n for pid, n in names.items() if pid != persona.id and n}
        dump = service.session(persona.id).model_dump_json()
        assert not any(other in dump for other in others), persona.id
