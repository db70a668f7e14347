"""One scale measurement, run in its own process so its peak memory is its own:

    python -m assistant.benchmarks.scale --system ours|baseline --size knowledge|10000|100000
        [--server]  -> one JSON object on stdout

Builds the index (chunks/s), searches the golden questions warm (p50/p95/p99; for ours
the split into freshness check, query embedding, vector search, BM25 and fusion), then —
with ``--server`` — serves the same on-disk index from a real ``chroma run`` and searches
again through HTTP. On the curated articles it also scores retrieval quality.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.config import PROJECT_ROOT, Settings

ROUNDS = 3


class Latency(BaseModel):
    p50: float
    p95: float
    p99: float
    n: int


class ScaleResult(BaseModel):
    system: str
    corpus: str
    files: int = 0
    chunks: int = 0
    build_s: float = 0.0
    chunks_per_s: float = 0.0
    search_ms: Latency | None = None
    split_ms: dict[str, float] = Field(default_factory=dict, description="mean per step")
    server_search_ms: Latency | None = None
    hit_at_3: float | None = None
    mrr: float | None = None
    peak_rss_mb: float = 0.0
    error: str | None = None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def latency(values_ms: list[float]) -> Latency:
    return Latency(
        p50=round(percentile(values_ms, 0.5), 2),
        p95=round(percentile(values_ms, 0.95), 2),
        p99=round(percentile(values_ms, 0.99), 2),
        n=len(values_ms),
    )


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KB on Linux


def _queries() -> list[str]:
    from assistant.evaluation.datasets import load_retrieval_cases

    return [case.query for case in load_retrieval_cases()]


def _timed_searches(
    search: Callable[[str], object], after_warm_up: Callable[[], None] = lambda: None
) -> list[float]:
    queries = _queries()
    for query in queries:  # warm: caches, index pages, BM25 corpus
        search(query)
    after_warm_up()
    times = []
    for _ in range(ROUNDS):
        for query in queries:
            started = time.perf_counter()
            search(query)
            times.append((time.perf_counter() - started) * 1000)
    return times


def _chroma_binary() -> str:
    candidate = Path(sys.executable).parent / "chroma"
    found = str(candidate) if candidate.exists() else shutil.which("chroma")
    if not found:
        raise RuntimeError("the 'chroma' command (from the chromadb package) is not installed")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def chroma_server(path: Path, port: int | None = None) -> Iterator[str]:
    """A real ``chroma run`` serving ``path`` (on ``port``, or a free one); yields its URL."""
    port = port or _free_port()
    process = subprocess.Popen(
        [_chroma_binary(), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("chroma run did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _corpus_folder(size: str, workdir: Path) -> tuple[Path, int]:
    if size == "knowledge":
        folder = PROJECT_ROOT / "knowledge"
        return folder, len(list((folder / "articles").glob("*.md")))
    from assistant.benchmarks.corpus import write_corpus

    corpus = write_corpus(int(size), workdir / "corpus")
    return corpus.folder, corpus.files


def _quality(rank: Callable[[str], list[str]]) -> tuple[float, float]:
    from assistant.evaluation.datasets import load_retrieval_cases
    from assistant.evaluation.retrieval_suite import case_metrics

    cases = load_retrieval_cases()
    scored = [case_metrics(rank(case.query), case.relevant) for case in cases]
    hit3 = sum(m["hit_at_3"] or 0 for m in scored) / len(scored)
    mrr = sum(m["mrr"] or 0 for m in scored) / len(scored)
    return round(hit3, 3), round(mrr, 3)


def _release_embedded_chroma() -> None:
    """Let go of the in-process Chroma so a server can open the same files."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def _built(system: str, size: str, files: int, chunks: int, build_s: float) -> ScaleResult:
    """A result holding the index build's figures; search figures are added after."""
    return ScaleResult(
        system=system,
        corpus=size,
        files=files,
        chunks=chunks,
        build_s=round(build_s, 2),
        chunks_per_s=round(chunks / build_s, 1) if build_s else 0.0,
    )


def measure_ours(size: str, workdir: Path, server: bool) -> ScaleResult:
    from assistant.evaluation.retrieval_suite import article_ranking
    from assistant.knowledge.service import KnowledgeBase

    folder, files = _corpus_folder(size, workdir)
    settings = Settings(data_dir=workdir / "data", knowledge_dir=folder)
    kb = KnowledgeBase(settings)
    started = time.perf_counter()
    report = kb.ingest([folder])
    build_s = time.perf_counter() - started
    chunks = sum(item.chunks for item in report.files)
    result = _built("ours", size, files, chunks, build_s)
    splits: dict[str, float] = {}
    embeddings = kb.store.embeddings
    forget = getattr(embeddings, "forget_queries", lambda: None)

    def uncached_search(query: str) -> object:
        forget()  # the baseline has no query cache: time our embedding too
        return kb.search(query, 5, splits)

    times = _timed_searches(uncached_search, after_warm_up=splits.clear)
    result.search_ms = latency(times)
    # the timed searches only (the warm-up's first search also reads the corpus into memory)
    result.split_ms = {k: round(v * 1000 / len(times), 3) for k, v in splits.items()}
    if size == "knowledge":
        result.hit_at_3, result.mrr = _quality(lambda q: article_ranking(kb.search(q, 10)))
    if server:
        del kb
        _release_embedded_chroma()
        with chroma_server(settings.chroma_dir) as url:
            remote = KnowledgeBase(settings.model_copy(update={"chroma_url": url}))
            result.server_search_ms = latency(_timed_searches(lambda q: remote.search(q, 5)))
    return result


def measure_baseline(size: str, workdir: Path, server: bool) -> ScaleResult:
    from assistant.evaluation.baseline import BaselineSearch
    from assistant.evaluation.retrieval_suite import article_ranking

    folder, files = _corpus_folder(size, workdir)
    settings = Settings(data_dir=workdir / "data", knowledge_dir=folder)
    settings.ensure_dirs()
    baseline = BaselineSearch(settings, "minilm")
    started = time.perf_counter()
    chunks = baseline.build(folder)
    build_s = time.perf_counter() - started
    result = _built("baseline", size, files, chunks, build_s)
    result.search_ms = latency(_timed_searches(lambda q: baseline.search(q, 5)))
    if size == "knowledge":
        result.hit_at_3, result.mrr = _quality(lambda q: article_ranking(baseline.search(q, 10)))
    if server:
        del baseline
        _release_embedded_chroma()
        with chroma_server(settings.chroma_dir) as url:
            remote = BaselineSearch(settings.model_copy(update={"chroma_url": url}), "minilm")
            result.server_search_ms = latency(_timed_searches(lambda q: remote.search(q, 5)))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--system", choices=["ours", "baseline"], required=True)
    parser.add_argument("--size", default="knowledge")
    parser.add_argument("--server", action="store_true")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="coach-scale-"))
    measure = measure_ours if args.system == "ours" else measure_baseline
    try:
        result = measure(args.size, workdir, args.server)
    except Exception as error:  # reported, not raised: the other measurements go on
        result = ScaleResult(system=args.system, corpus=args.size, error=f"{error!r}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result.peak_rss_mb = peak_rss_mb()
    print(json.dumps(result.model_dump(mode="json")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
