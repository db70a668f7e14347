"""One eval run: build the coach in a throw-away data dir, run the suites, judge when a
judge is configured, decide the gates, write the reports.

With ``engine="offline"`` every outbound connection except to localhost is refused for the
whole run, and the LLM settings are ignored, so a passing offline run proves that nothing
reached the network or a real model.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import socket
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from assistant.config import Settings
from assistant.evaluation import datasets
from assistant.evaluation.gates import (
    baseline_values,
    decide,
    load_floors,
    raised_floors,
    save_floors,
    summarize,
)
from assistant.evaluation.results import SUITES, CaseResult, RunResult

Engine = Literal["offline", "llm"]
EVAL_TODAY = date(2026, 11, 22)  # the personas' "today": plans and deadlines are stable
Progress = Callable[[str], None]


class EvalSetupError(RuntimeError):
    """The run cannot start (e.g. ``--engine llm`` without a model)."""


class NetworkRefused(ConnectionError):
    pass


@contextlib.contextmanager
def no_network() -> Iterator[None]:
    """Refuse every outbound connection except to loopback while the block runs."""
    real = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None:
            try:
                local = ipaddress.ip_address(host).is_loopback
            except ValueError:
                local = host == "localhost"
            if not local:
                raise NetworkRefused(f"the offline eval may not connect to {host}")
        real(self, address)  # type: ignore[arg-type]

    socket.socket.connect = guarded  # type: ignore[method-assign]
    try:
        yield
    finally:
        socket.socket.connect = real  # type: ignore[method-assign]


def _case_error(suite: str, case_id: str, language: str, error: Exception) -> CaseResult:
    return CaseResult(
        suite=suite,  # type: ignore[arg-type]
        id=case_id,
        language=language,
        passed=False,
        error=f"{type(error).__name__}: {error}",
    )


def run_eval(
    settings: Settings,
    suites: Sequence[str],
    engine: Engine = "offline",
    baseline: RunResult | None = None,
    update_floors: bool = False,
    progress: Progress | None = None,
) -> RunResult:
    unknown = [s for s in suites if s not in SUITES]
    if unknown:
        raise EvalSetupError(f"unknown suite(s) {unknown}; choose from {', '.join(SUITES)}")
    if engine == "llm" and not settings.llm_model:
        raise EvalSetupError("--engine llm needs a model: set COACH_LLM_MODEL (and its endpoint)")
    workdir = Path(tempfile.mkdtemp(prefix="coach-eval-"))
    run_settings = settings.model_copy(update={"data_dir": workdir, "chroma_url": None})
    if engine == "offline":
        run_settings = run_settings.model_copy(update={"llm_model": None})
    guard = no_network() if engine == "offline" else contextlib.nullcontext()
    try:
        with guard:
            run = _run(settings, run_settings, suites, engine, progress)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if baseline is not None:
        run.baseline = baseline_values(baseline)
    floors = load_floors()
    if update_floors:
        floors = raised_floors(floors, run)
        save_floors(floors)
    run.floors = {name: floors.get(name, {}) for name in run.suites}
    decide(run, baseline)
    return run


def _run(
    settings: Settings,
    run_settings: Settings,
    suites: Sequence[str],
    engine: str,
    progress: Progress | None,
) -> RunResult:
    from assistant.coaching.service import CoachService
    from assistant.evaluation.judge_hooks import JudgeHook
    from assistant.evaluation.manifest import changed_articles

    say = progress or (lambda _: None)
    say("building the knowledge index for the run")
    service = CoachService(run_settings, today=lambda: EVAL_TODAY)
    judge = _judge(settings)
    hook = JudgeHook(judge) if judge is not None else None
    changed = changed_articles(settings.knowledge_dir / "articles")
    run = RunResult(
        created=datetime.now(UTC).replace(microsecond=0),
        engine=service.engine,
        judge=hook.name if hook else None,
        knowledge_manifest_changed=changed,
    )
    for suite in [s for s in SUITES if s in suites]:  # adversarial uploads go last
        say(f"suite: {suite}")
        cases = _suite_cases(suite, service, hook, say)
        for case in cases:
            relied_on = set(case.details.get("relevant", {})) | set(
                case.details.get("articles", [])
            )
            case.stale = bool(relied_on & set(changed))
        result = summarize(suite, cases)
        if suite == "retrieval":
            from assistant.evaluation.retrieval_suite import second_opinion

            relevance = {c.id: c.details["relevant"] for c in cases if not c.error}
            ok = [c for c in cases if not c.error]
            result.second_opinion = second_opinion(ok, relevance)
            result.second_opinion_by_language = {
                lang: second_opinion([c for c in ok if c.language == lang], relevance)
                for lang in result.by_language
            }
        run.suites[suite] = result
    return run


def _judge(settings: Settings):
    try:
        from assistant.evaluation.judge import Judge
    except ImportError:  # pragma: no cover - the judge module ships with the package
        return None
    return Judge.from_settings(settings)


def _guarded(suite: str, case_id: str, language: str, work: Callable[[], CaseResult]):
    try:
        return work()
    except Exception as error:  # one broken case must not hide the others
        return _case_error(suite, case_id, language, error)


def _suite_cases(suite: str, service, hook, say: Progress) -> list[CaseResult]:
    from assistant.evaluation import coaching_suite, conversation_suites, retrieval_suite
    from assistant.evaluation.retrieval import article_languages

    cases: list[CaseResult] = []
    if suite == "retrieval":
        languages = article_languages(service.settings.knowledge_dir)
        for case in datasets.load_retrieval_cases():
            cases.append(
                _guarded(
                    suite,
                    case.id,
                    case.language,
                    lambda c=case: retrieval_suite.run_case(service.kb, c, languages),
                )
            )
    elif suite == "coaching":
        for persona in datasets.load_personas():
            say(f"  persona {persona.id}")
            for variant, run in (
                ("chat", coaching_suite.run_chat),
                ("brief", coaching_suite.run_brief),
            ):
                result = _guarded(
                    suite,
                    persona.id,
                    persona.language,
                    lambda p=persona, r=run: r(service, p, hook),
                )
                result.variant = variant
                cases.append(result)
    elif suite == "answers":
        for case in datasets.load_answer_cases():
            result = _guarded(
                suite,
                case.id,
                case.language,
                lambda c=case: conversation_suites.run_answer(service, c, hook),
            )
            result.details.setdefault("articles", case.relevant)
            cases.append(result)
    elif suite == "adversarial":
        for case in datasets.load_adversarial_cases():
            cases.append(
                _guarded(
                    suite,
                    case.id,
                    case.language,
                    lambda c=case: conversation_suites.run_adversarial(service, c),
                )
            )
    elif suite == "feedback":
        for case in datasets.load_feedback_cases():
            cases.append(
                _guarded(
                    suite,
                    case.id,
                    case.language,
                    lambda c=case: conversation_suites.run_feedback(service, c),
                )
            )
    return cases
