"""The ``strategy-coach`` command line: ingest, search, eval, ui.

Every command turns expected failures into a one-line message and an exit code; no
traceback reaches the user.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from assistant.config import Settings, get_settings
from assistant.terminal_chat import export_from_chat, piped_messages

app = typer.Typer(
    name="strategy-coach",
    help="Strategy Coach: digital-strategy coaching for SMEs, grounded in curated guidance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)


def _fail(message: str, code: int = 1) -> None:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _knowledge_base(settings: Settings):
    from assistant.knowledge.embeddings import EmbeddingUnavailable
    from assistant.knowledge.service import KnowledgeBase
    from assistant.knowledge.store import StoreUnavailable

    try:
        return KnowledgeBase(settings)
    except (StoreUnavailable, EmbeddingUnavailable) as exc:
        _fail(str(exc))


def _progress_printer(min_files: int = 20):
    def show(number: int, total: int, name: str) -> None:
        if total >= min_files and (number == total or number % 10 == 0 or number == 1):
            console.print(f"[dim]  {number}/{total}  {name}[/dim]", highlight=False)

    return show


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (default: knowledge/)")
    ] = None,
) -> None:
    """Add, update or remove documents in the knowledge base (.md .txt .html .pdf .docx)."""
    from assistant.knowledge.store import StoreUnavailable

    settings = get_settings()
    kb = _knowledge_base(settings)
    targets = paths or [settings.knowledge_dir]
    try:
        report = kb.ingest(targets, _progress_printer())
    except StoreUnavailable as exc:
        _fail(str(exc))
    for item in report.files:
        detail = f" ({item.chunks} chunk{'s' if item.chunks != 1 else ''})" if item.chunks else ""
        reason = f": {item.reason}" if item.reason else ""
        colour = {"skipped": "yellow", "removed": "magenta", "duplicate": "yellow"}.get(
            item.status, "green"
        )
        console.print(
            f"[{colour}]{item.status:>9}[/{colour}]  {item.path}{detail}{reason}", highlight=False
        )
    console.print(report.summary(), highlight=False)
    if not report.succeeded:
        _fail("nothing could be ingested")


def _read_queries(queries: list[str], from_file: str | None) -> list[str]:
    found = [q for q in queries if q.strip()]
    if from_file is not None:
        try:
            text = (
                sys.stdin.read()
                if from_file == "-"
                else Path(from_file).read_text(encoding="utf-8")
            )
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read queries from {from_file}: {exc}")
        found.extend(line.strip() for line in text.splitlines() if line.strip())
    return found


@app.command()
def search(
    query: Annotated[list[str] | None, typer.Argument(help="One or more queries")] = None,
    from_file: Annotated[
        str | None, typer.Option("--from-file", help="One query per line; '-' = stdin")
    ] = None,
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Passages per query")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output")] = False,
) -> None:
    """Search the knowledge base in any language."""
    from assistant.knowledge.store import StoreUnavailable

    queries = _read_queries(query or [], from_file)
    if not queries:
        _fail('give a query, e.g. strategy-coach search "how do I set SMART goals?"', 2)
    settings = get_settings()
    kb = _knowledge_base(settings)
    try:
        kb.ensure_fresh(_progress_printer())
        answers = [(q, kb.search(q, k)) for q in queries]
    except StoreUnavailable as exc:
        _fail(str(exc))
    if as_json:
        fields = {"source", "title", "language", "heading", "chunk_id", "score", "text"}
        if len(answers) == 1 and not from_file:
            print(
                json.dumps(
                    [r.model_dump(include=fields) for r in answers[0][1]],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            for q, results in answers:
                line = {"query": q, "results": [r.model_dump(include=fields) for r in results]}
                print(json.dumps(line, ensure_ascii=False))
        return
    from assistant.ui_text import results_table

    out = Console()
    for q, results in answers:
        out.print(results_table(q, results))


@app.command("eval")
def evaluate(
    suite: Annotated[
        str,
        typer.Argument(
            help="retrieval | coaching | answers | adversarial | feedback | understanding | "
            "listening | plan-fit | smart | all, "
            "or a task: "
            "import-feedback | manifest | schemas"
        ),
    ] = "all",
    engine: Annotated[str, typer.Option("--engine", help="offline or llm")] = "offline",
    report: Annotated[
        Path, typer.Option("--report", help="Folder for results.json, summary.md, report.html")
    ] = Path("build/eval-report"),
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="A previous results.json to compare with")
    ] = None,
    update_floors: Annotated[
        bool, typer.Option("--update-floors", help="Raise evals/floors.json to this run")
    ] = False,
    systems: Annotated[
        str | None,
        typer.Option("--systems", help="retrieval only: compare search systems (table)"),
    ] = None,
    split: Annotated[str, typer.Option("--split", help="with --systems: dev, test or all")] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="with --systems: print JSON")] = False,
    source: Annotated[
        Path | None,
        typer.Option("--from", help="import-feedback: folder of saved feedback cases"),
    ] = None,
    reader: Annotated[
        str, typer.Option("--reader", help="understanding: typed, or coach (what the coach keeps)")
    ] = "typed",
) -> None:
    """Run the answer-quality evals (exit 0 pass, 2 a quality gate failed, 1 harness error)."""
    from assistant import blind_evals, eval_cli
    from assistant.knowledge.embeddings import EmbeddingUnavailable

    settings = get_settings()
    if suite in eval_cli.TASKS:
        try:
            raise typer.Exit(eval_cli.run_task(suite, settings, source))
        except eval_cli.TaskError as exc:
            _fail(str(exc), 1)
    if suite == "understanding":
        raise typer.Exit(_eval_understanding(split, reader, as_json, report))
    if suite in blind_evals.SUITES:
        raise typer.Exit(blind_evals.run(suite, settings, split, as_json, report))
    if suite not in eval_cli.SUITE_CHOICES:
        _fail(f"unknown suite {suite!r}; choose from {', '.join(eval_cli.SUITE_CHOICES)}", 2)
    if engine not in ("offline", "llm"):
        _fail("--engine must be offline or llm", 2)
    if systems is not None:
        if suite != "retrieval":
            _fail("--systems compares search systems: use it with 'eval retrieval'", 2)
        raise typer.Exit(_compare_systems(settings, systems, split, as_json))
    from assistant.evaluation.runner import EvalSetupError

    try:
        code = eval_cli.run_suites(settings, suite, engine, report, baseline, update_floors)
    except (EvalSetupError, ValueError, EmbeddingUnavailable) as exc:
        _fail(str(exc), 1)
    raise typer.Exit(code)


def _eval_understanding(split: str, reader: str, as_json: bool, report: Path) -> int:
    from assistant.evaluation.understanding_eval import run
    from assistant.evaluation.understanding_readers import READERS

    if split not in ("dev", "test", "all"):
        _fail("--split must be dev, test or all", 2)
    if reader not in READERS:
        _fail(f"--reader must be one of {', '.join(READERS)}", 2)
    splits = ("dev", "test") if split == "all" else (split,)
    codes = [
        run(name, reader, as_json, report / f"understanding-{name}-{reader}.json")
        for name in splits
    ]
    return max(codes)


def _compare_systems(settings, systems: str, split: str, as_json: bool) -> int:
    from assistant.evaluation.system_comparison import run_retrieval_eval
    from assistant.knowledge.embeddings import EmbeddingUnavailable

    if split not in ("dev", "test", "all"):
        _fail("--split must be dev, test or all", 2)
    try:
        return run_retrieval_eval(
            settings, [s.strip() for s in systems.split(",") if s.strip()], split, as_json
        )
    except ValueError as exc:
        _fail(str(exc), 2)
    except EmbeddingUnavailable as exc:
        _fail(f"{exc} (or leave 'baseline' out of --systems)")
    return 1


@app.command("bench")
def bench(
    quick: Annotated[bool, typer.Option("--quick", help="Stop at 10k chunks")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON")] = False,
    no_app: Annotated[
        bool, typer.Option("--no-app", help="Skip cold start, concurrency and two processes")
    ] = False,
    systems: Annotated[str, typer.Option("--systems", help="ours,baseline")] = "ours,baseline",
    again: Annotated[
        list[str] | None,
        typer.Option(
            "--remeasure",
            help="Measure SYSTEM:SIZE again (e.g. ours:100000) into the saved results",
        ),
    ] = None,
) -> None:
    """Benchmark speed, memory and scale, side by side with the plain LangChain recipe."""
    from assistant.benchmarks.run import markdown, remeasure, run_bench, write

    chosen = tuple(s.strip() for s in systems.split(",") if s.strip())
    if not chosen or any(s not in ("ours", "baseline") for s in chosen):
        _fail("--systems takes ours and/or baseline", 2)
    pairs = [tuple(item.split(":", 1)) for item in again or []]
    known = {(s, n) for s in ("ours", "baseline") for n in ("knowledge", "10000", "100000")}
    if any(pair not in known for pair in pairs):
        _fail("--remeasure takes SYSTEM:SIZE: ours or baseline, knowledge, 10000 or 100000", 2)

    def say(text: str) -> None:
        console.print(text)

    if pairs:
        try:
            results = remeasure(pairs, say=say)  # type: ignore[arg-type]
        except (OSError, ValueError) as exc:
            _fail(f"no saved results to update (run 'strategy-coach bench' first): {exc}")
    else:
        results = run_bench(quick=quick, systems=chosen, app=not no_app, say=say)
    data, table = write(results)
    if as_json:
        print(results.model_dump_json(indent=2))
    else:
        print(markdown(results))
        console.print(f"wrote {data} and {table}")


def _coach_service():
    from assistant.coaching.service import CoachService
    from assistant.knowledge.embeddings import EmbeddingUnavailable
    from assistant.knowledge.store import StoreUnavailable
    from assistant.llm import LlmConfigError

    try:
        return CoachService(get_settings())
    except (StoreUnavailable, EmbeddingUnavailable, LlmConfigError) as exc:
        _fail(str(exc))


def _read_script(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read {path}: {exc}")
    except ValueError as exc:
        _fail(f"{path} is not valid JSON: {exc}")
    if isinstance(data, dict):  # a persona or a saved feedback case: its "script"
        data = data.get("script")
    if not isinstance(data, list) or not all(isinstance(m, str) for m in data):
        _fail(
            f"{path} must be a JSON list of user messages (strings), or an object with a "
            "'script' list (a persona or a feedback case)"
        )
    return data


@app.command()
def chat(
    session: Annotated[str | None, typer.Option("--session", help="Session id to resume")] = None,
    script: Annotated[
        Path | None,
        typer.Option("--script", help="JSON list of user messages, or a feedback case file"),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print transcript and plan as JSON")
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Reply language: en, nb, sv, ru")
    ] = None,
) -> None:
    """Talk with the coach in the terminal (or replay a scripted conversation)."""
    import uuid

    session_id = session or uuid.uuid4().hex[:12]
    if lang is not None and lang not in ("en", "nb", "sv", "ru"):
        _fail("--lang must be one of en, nb, sv, ru", 2)
    service = _coach_service()
    if script is not None:
        messages = _read_script(script)
        transcript: list[dict[str, str]] = []
        result = None
        for number, message in enumerate(messages):
            result = service.send(session_id, message, lang if number == 0 else None)
            transcript += [
                {"role": "user", "content": message},
                {"role": "assistant", "content": result.reply},
            ]
        plan = result.plan if result else service.session(session_id).plan.model_dump(mode="json")
        if as_json:
            print(
                json.dumps(
                    {"session_id": session_id, "transcript": transcript, "plan": plan},
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            for turn in transcript:
                print(f"{turn['role']}> {turn['content']}\n")
        return
    from rich.markdown import Markdown

    out = Console()
    if not sys.stdin.isatty():  # piped: a message may run over several lines and paragraphs
        for number, message in enumerate(piped_messages(sys.stdin.read())):
            out.print(f"[bold]you>[/bold] {message}")
            out.print(
                Markdown(service.send(session_id, message, lang if number == 0 else None).reply)
            )
        return
    out.print(
        f"[dim]session {session_id} — type /quit to leave; resume with --session {session_id}[/dim]"
    )
    first_lang = lang
    while True:
        try:
            message = out.input("[bold]you>[/bold] ")
        except EOFError:
            break
        if message.strip() in ("/quit", "/exit"):
            break
        if message.strip().startswith("/export"):
            out.print(export_from_chat(service, session_id, message))
            continue
        result = service.send(session_id, message, first_lang)
        first_lang = None
        out.print(Markdown(result.reply))


@app.command()
def plan(
    brief: Annotated[Path, typer.Option("--brief", help="A free-text client brief")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON")] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Plan language: en, nb, sv, ru")
    ] = None,
) -> None:
    """Consultant mode: a complete plan from a client brief, in one shot."""
    try:
        text = brief.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read the brief {brief}: {exc}")
    if not text.strip():
        _fail(f"the brief {brief} is empty", 2)
    if lang is not None and lang not in ("en", "nb", "sv", "ru"):
        _fail("--lang must be one of en, nb, sv, ru", 2)
    service = _coach_service()
    if as_json:
        result = service.plan_from_brief(text, lang)
        print(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    print(service.brief_document(text, lang))


@app.command()
def ui(
    host: Annotated[str | None, typer.Option(help="Interface to listen on")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 7860)")] = None,
) -> None:
    """Serve the web app (http://127.0.0.1:7860 by default)."""
    from assistant.knowledge.embeddings import EmbeddingUnavailable
    from assistant.knowledge.store import StoreUnavailable
    from assistant.llm import LlmConfigError
    from assistant.web.app import serve

    settings = get_settings()
    try:
        serve(settings, host or settings.host, port or settings.port)
    except (StoreUnavailable, EmbeddingUnavailable, LlmConfigError) as exc:
        _fail(str(exc))


@app.command()
def doctor(
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Rebuild a damaged index; move a damaged session store aside and start afresh",
        ),
    ] = False,
) -> None:
    """Check the data dir, session store, index, knowledge, embedding model, Chroma server and
    language model (exit 0 when healthy, 1 when a problem remains). Nothing is ever deleted."""
    from assistant import doctor as checkup

    settings = get_settings()
    checks = checkup.run_checks(settings)
    for check in checks:
        print(check.line())
    if repair and any(not check.ok and check.repair for check in checks):
        print("repairing:")
        for line in checkup.repair(settings, checks):
            print(f"  {line}")
        print("after the repair:")
        checks = checkup.run_checks(settings)
        for check in checks:
            print(check.line())
    raise typer.Exit(0 if all(check.ok for check in checks) else 1)


def main() -> None:
    from pydantic import ValidationError

    try:
        app()
    except ValidationError as exc:
        problems = "; ".join(
            f"COACH_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors()
        )
        console.print(f"[red]error:[/red] invalid configuration: {problems}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
