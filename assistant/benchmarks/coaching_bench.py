"""Offline coaching speed: turn latency over the persona scripts, and a plan from a brief."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

from assistant.benchmarks.scale import Latency, latency


class CoachingBench(BaseModel):
    service_start_s: float
    turn_ms: Latency
    brief_ms: Latency


def run_coaching_bench() -> CoachingBench:
    from assistant.coaching.service import CoachService
    from assistant.config import Settings
    from assistant.evaluation.datasets import load_personas
    from assistant.evaluation.runner import EVAL_TODAY

    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="coach-bench-")))
    started = time.perf_counter()
    service = CoachService(settings, today=lambda: EVAL_TODAY)
    start_s = time.perf_counter() - started
    personas = load_personas()
    turns: list[float] = []
    briefs: list[float] = []
    for round_number in range(2):  # the first round warms caches; both are counted
        for persona in personas:
            session = f"bench-{round_number}-{persona.id}"
            for message in persona.script:
                t = time.perf_counter()
                service.send(session, message)
                turns.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            service.plan_from_brief(persona.brief)
            briefs.append((time.perf_counter() - t) * 1000)
    return CoachingBench(
        service_start_s=round(start_s, 2), turn_ms=latency(turns), brief_ms=latency(briefs)
    )
