"""``strategy-coach eval``: the answer-quality suites, the retrieval system comparison, and
the evaluators' housekeeping (feedback import, manifest, schemas)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from assistant.config import Settings

SUITE_CHOICES = ("retrieval", "coaching", "answers", "adversarial", "feedback", "all")
TASKS = ("import-feedback", "manifest", "schemas")
EXIT_MEANING = {0: "pass", 1: "harness error", 2: "a quality gate failed"}


def run_suites(
    settings: Settings,
    suite: str,
    engine: str,
    report: Path,
    baseline_file: Path | None,
    update_floors: bool,
) -> int:
    from assistant.evaluation.reports import write_reports
    from assistant.evaluation.results import SUITES, RunResult
    from assistant.evaluation.runner import run_eval

    console = Console(stderr=True)
    baseline = None
    if baseline_file is not None:
        try:
            baseline = RunResult.model_validate_json(baseline_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot read the baseline {baseline_file}: {exc}") from exc
    suites = list(SUITES) if suite == "all" else [suite]
    run = run_eval(
        settings,
        suites,
        engine,  # type: ignore[arg-type]
        baseline,
        update_floors,
        progress=lambda text: console.print(f"[dim]{text}[/dim]", highlight=False),
    )
    written = write_reports(run, report)
    out = Console()
    for name, result in run.suites.items():
        failed = [c for c in result.cases if not c.passed]
        out.print(
            f"[bold]{name}[/bold]: {len(result.cases) - len(failed)}/{len(result.cases)} "
            "cases pass",
            highlight=False,
        )
    for gate in run.gates:
        mark = "[green]✓[/green]" if gate.passed else "[red]✗[/red]"
        out.print(f"  {mark} {gate.name}: {gate.detail}", highlight=False)
    out.print(f"reports: {', '.join(str(p) for p in written)}", highlight=False)
    out.print(f"exit {run.exit_code}: {EXIT_MEANING[run.exit_code]}", highlight=False)
    return run.exit_code


def import_feedback(source: Path, target: Path) -> list[Path]:
    """Turn the web app's thumbs-down cases into feedback eval cases (new ones only)."""
    from assistant.coaching.cues import supported_language
    from assistant.coaching.feedback import FeedbackCase
    from assistant.evaluation.datasets import FeedbackEvalCase

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.json")):
        case = FeedbackCase.model_validate_json(path.read_text(encoding="utf-8"))
        if case.rating != "down":
            continue
        out = target / f"{case.id}.json"
        if out.exists():
            continue
        replayed = FeedbackEvalCase(
            id=f"fb-{case.id}",
            language=supported_language(case.language),  # type: ignore[arg-type]
            script=case.script or ["(empty)"],
            disliked_reply=case.reply,
            comment=case.comment,
            source_case=case.id,
        )
        out.write_text(
            json.dumps(replayed.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        written.append(out)
    return written


class TaskError(RuntimeError):
    """A housekeeping task that cannot run, said in one line for the evaluator."""


def run_task(task: str, settings: Settings, source: Path | None) -> int:
    """``import-feedback``, ``manifest`` or ``schemas``: the evaluators' housekeeping."""
    from assistant.evaluation.datasets import FEEDBACK, write_schemas
    from assistant.evaluation.manifest import write_manifest

    if task == "import-feedback":
        folder = source or settings.data_dir / "feedback" / "cases"
        if not folder.is_dir():
            raise TaskError(f"no feedback cases at {folder} (rate a reply 👎 in the web app first)")
        written = import_feedback(folder, FEEDBACK)
        print(f"imported {len(written)} new case(s) into {FEEDBACK}")
        for path in written:
            print(f"  {path.name}")
    elif task == "manifest":
        hashes = write_manifest(settings.knowledge_dir / "articles")
        print(f"recorded {len(hashes)} article hashes in evals/knowledge_manifest.json")
    else:
        for path in write_schemas():
            print(f"wrote {path}")
    return 0
