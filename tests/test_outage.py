"""A Chroma server that goes away mid-session and comes back, and two app processes on one
data dir at the same time: the session stays intact and work resumes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assistant.benchmarks.scale import chroma_server
from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings
from assistant.evaluation.datasets import load_personas

pytestmark = [pytest.mark.slow, pytest.mark.server]


def test_a_chroma_outage_loses_nothing_and_work_resumes(tmp_path: Path) -> None:
    chroma_path = tmp_path / "chroma"
    persona = load_personas()[0]
    with chroma_server(chroma_path) as url:
        settings = Settings(data_dir=tmp_path / "data", chroma_url=url)
        service = CoachService(settings, today=lambda: date(2026, 11, 22))
        service.send("s1", persona.script[0])
        before = service.session("s1")
    # the server is gone: a turn that needs it fails cleanly and saves nothing
    with pytest.raises(Exception) as failure:
        service.send("s1", "What is a SMART goal and how do I write one?")
    assert "Traceback" not in str(failure.value)
    during = service.session("s1")
    assert during.transcript == before.transcript and during.plan == before.plan
    # the server returns on the same port and data: the session goes on where it was
    port = int(url.rsplit(":", 1)[1])
    with chroma_server(chroma_path, port=port):
        for message in persona.script[1:]:
            service.send("s1", message)
    after = service.session("s1")
    assert after.transcript[: len(before.transcript)] == before.transcript
    assert after.plan.goals and after.plan.roadmap


def test_two_processes_on_one_data_dir_keep_their_sessions(seeded_data_dir, tmp_path) -> None:
    data_dir = seeded_data_dir("two-processes")
    personas = load_personas()[:2]
    env = {**os.environ, "COACH_DATA_DIR": str(data_dir)}
    env.pop("COACH_LLM_MODEL", None)
    processes = []
    for persona in personas:
        script = tmp_path / f"{persona.id}.json"
        script.write_text(json.dumps(persona.script), encoding="utf-8")
        command = [sys.executable, "-m", "assistant.cli", "chat", "--session", persona.id]
        command += ["--script", str(script), "--json"]
        processes.append(
            subprocess.Popen(
                command,
                env=env,
                cwd=PROJECT_ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outputs = [process.communicate(timeout=600) for process in processes]
    assert [p.returncode for p in processes] == [0, 0], [err[-500:] for _, err in outputs]
    service = CoachService(Settings(data_dir=data_dir), today=lambda: date(2026, 11, 22))
    names = {}
    for persona in personas:
        state = service.session(persona.id)
        assert len(state.transcript) == 2 * len(persona.script)
        names[persona.id] = state.plan.profile.business_name
    assert len(set(names.values())) == 2 and all(names.values())
