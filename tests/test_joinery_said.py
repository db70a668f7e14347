"""What the joinery owner of the blind web round of 2026-12-05m wrote
(evals/listening/web-2026-12-05m/transcript_sv_joinery.md) that the coach read backwards:
a backup to an external disk "inget automatiskt direkt" became automatic backups, and
"inget automatiskt" became a "no" to automation instead."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.facts import read_message

TODAY = date(2026, 12, 5)


def test_a_manual_backup_said_not_to_be_automatic_is_a_partial_backup():
    said = "backup har vi på en extern disk som jag tar hem ibland.. inget automatiskt direkt."
    maturity = read_message(said, "sv", TODAY).maturity
    assert maturity.get("d_backup") == "partial"
    assert "a_routine_automation" not in maturity


@pytest.mark.parametrize(
    ("text", "language", "question"),
    [
        ("Kunderegister: bare det i PMS-et, vi sender ingen nyhetsbrev", "nb", "r_channels"),
        ("Fakturering gjør vi for hånd. Ingenting er automatisert.", "nb", "a_routine_automation"),
    ],
)
def test_a_no_about_another_topic_still_answers_that_topic(text, language, question):
    assert read_message(text, language, TODAY).maturity.get(question) == []
