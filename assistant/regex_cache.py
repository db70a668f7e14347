"""Regular expressions compiled once: the reader's data holds more expressions than Python's
own cache keeps (512), so without this every turn compiles thousands of them again."""

from __future__ import annotations

import re
from functools import lru_cache

PATTERNS_KEPT = 8192  # well above the expressions in knowledge/data; never grows with input


@lru_cache(maxsize=PATTERNS_KEPT)
def compiled(expression: str, flags: int = 0) -> re.Pattern[str]:
    """``expression`` compiled with ``flags``; only for expressions built from data, never
    from what a user typed."""
    return re.compile(expression, flags)
