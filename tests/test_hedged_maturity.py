"""A maturity answer said after its topic ("backups - maybe?", "kompetens... vet inte
riktigt") is scored as what it says: unknown, never a yes."""

from __future__ import annotations

import pytest

from assistant.understanding.maturity import read_maturity


def _answers(text: str, language: str) -> dict[str, str]:
    return {f.topic: f.answer for f in read_maturity(text, language, [])}


@pytest.mark.parametrize(
    ("language", "text", "topic"),
    [
        ("en", "backups - maybe? shopify handles it I guess", "backup"),
        ("sv", "kompetens... vet inte riktigt, jag är väl den som fixar datorgrejer.", "skills"),
        ("nb", "backup - kanskje? det tar leverandøren seg av", "backup"),
        ("ru", "бэкапы – может быть? не знаю", "backup"),
    ],
)
def test_a_hedge_after_the_topic_makes_it_unknown(language, text, topic):
    assert _answers(text, language).get(topic, "unknown") == "unknown"


@pytest.mark.parametrize(
    ("language", "text", "topic", "answer"),
    [
        ("en", "Backups - yes, nightly to the cloud.", "backup", "yes"),
        ("en", "Skills - not really, I am an electrician.", "skills", "partly"),
        ("nb", "Backup: ja, hver natt.", "backup", "yes"),
    ],
)
def test_a_plain_answer_after_the_topic_keeps_its_meaning(language, text, topic, answer):
    assert _answers(text, language)[topic] == answer
