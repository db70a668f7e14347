"""The owner of a bookkeeping firm in the blind web round of 2026-12-05i
(evals/listening/web-2026-12-05i/transcript_web_sv_accounting.md) said "ta bort det där
om webbutik" about a gap the coach named, and the coach deleted the goal of 15 new clients,
whose KPI a webshop would move."""

from __future__ import annotations

from datetime import date

import pytest
from text_helpers import owner_messages

from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
TRANSCRIPT = "web-2026-12-05i/transcript_web_sv_accounting.md"


def test_removing_the_webshop_leaves_the_goal_it_would_serve(seeded_data_dir):
    said = owner_messages(TRANSCRIPT)
    service = CoachService(Settings(data_dir=seeded_data_dir("accounting")), today=lambda: TODAY)
    for message in said[:8]:
        service.send("acc", message, "sv")
    aims = len(service.session("acc").candidates)
    reply = service.send("acc", said[8], "sv").reply  # "… Och ta bort det där om webbutik."
    state = service.session("acc")
    assert len(state.candidates) == aims, reply
    assert "launch_webshop" in state.removed_initiatives
