"""Start-up warm-up for a serving process: load everything the first turns need, once.

Models, catalogues, templates and regexes load lazily on first use. When twenty people
write at once to a freshly started app, each of their turns would load them again in
parallel (a cache filled by whoever finishes first), which made the first turns of a
fresh process three times slower than later ones. The rehearsal runs one brief and one
interview turn per language (``knowledge/data/warmup.yaml``) on a graph kept in memory, so
nothing is saved and no session is touched, then embeds the passages' quotable sentences.
"""

from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path
from typing import Any

from langgraph.checkpoint.memory import InMemorySaver

from assistant.coaching.brief import plan_from_brief
from assistant.coaching.dialogue import OfflineCoach
from assistant.coaching.graph import build_graph
from assistant.coaching.grounding import warm_up as embed_passage_sentences
from assistant.config import PROJECT_ROOT
from assistant.yamlfiles import parse_yaml

REHEARSAL_PATH = PROJECT_ROOT / "knowledge" / "data" / "warmup.yaml"
log = logging.getLogger(__name__)


def rehearse(coach: OfflineCoach, today: date, path: Path = REHEARSAL_PATH) -> float:
    """Run the rehearsal; the seconds it took. Failures are logged, never raised: a
    warm-up is an optimisation, and the first real turn would report the same problem."""
    started = time.perf_counter()
    try:
        material: dict[str, dict[str, str]] = parse_yaml(path.read_text(encoding="utf-8"))
        graph = build_graph(coach, InMemorySaver())
        for language, texts in material.items():
            plan_from_brief(coach, texts["brief"], language, today)
            config: dict[str, Any] = {"configurable": {"thread_id": f"warm-up-{language}"}}
            payload = {"message": texts["message"], "answers": {}, "reading": None}
            graph.invoke(payload, config)
        embed_passage_sentences(coach.kb)
    except Exception:
        log.exception("start-up warm-up failed")
    return time.perf_counter() - started
