"""The typed reader: one reading of every chat message and client brief (en, nb, sv, ru).

``read(text, language, today)`` returns a ``Reading``: intents with a confidence, and facts
(profile, today's metrics, objectives, maturity answers, corrections, commands, questions),
each with the span of the owner's words it came from.
"""

from __future__ import annotations

from assistant.understanding.reader import read
from assistant.understanding.reading import Reading

__all__ = ["Reading", "read"]
