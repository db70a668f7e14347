"""What the suites written blind share: a frozen test split whose hash is recorded when it
is committed, and a run of the offline coach on a fresh data folder, dated the day the
texts were written for."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.coaching.service import CoachService

TODAY = dt.date(2026, 12, 3)  # the date the conversations and profiles were written for


def frozen_changed(corpus_dir: Path) -> str | None:
    """None while ``test.jsonl`` is as committed; else its new hash, shortened."""
    recorded = json.loads((corpus_dir / "frozen.json").read_text(encoding="utf-8"))
    actual = hashlib.sha256((corpus_dir / "test.jsonl").read_bytes()).hexdigest()
    return None if actual == recorded["test.jsonl"] else f"sha256 {actual[:12]}…"


def floors_broken(figures: dict[str, Any], floors_file: Path) -> list[str]:
    """Floors of ``figures["split"]`` in ``floors_file`` that a figure is below: a key is a
    metric, or metric@language for that language's figure."""
    if not floors_file.exists():
        return []
    floors = json.loads(floors_file.read_text(encoding="utf-8")).get(figures["split"], {})
    broken = []
    for key, floor in floors.items():
        metric, _, lang = key.partition("@")
        block = figures["by_language"].get(lang, {}) if lang else figures["all"]
        value = block.get(metric)
        if value is not None and value < floor:
            broken.append(f"{key} = {value} (floor {floor})")
    return broken


@contextmanager
def offline_coach(settings: Any, name: str) -> Iterator[CoachService]:
    """The offline coach (no LLM, no Chroma server) on a data folder removed afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix=f"coach-{name}-"))
    try:
        run_settings = settings.model_copy(
            update={"data_dir": workdir, "chroma_url": None, "llm_model": None}
        )
        yield CoachService(run_settings, today=lambda: TODAY)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
