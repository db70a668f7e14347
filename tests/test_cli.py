"""The ``strategy-coach`` command line as an owner uses it: ingest, search, bad input."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import PROJECT_ROOT, Settings, get_settings
from assistant.knowledge.service import KnowledgeBase

RESULT_KEYS = {"source", "title", "language", "heading", "chunk_id", "score", "text"}

# A tiny knowledge folder: three articles, each with words no other article uses.
ARTICLES = {
    "bakery.md": (
        "---\ntitle: Bakery pricing\nlanguage: en\n---\n# Bakery pricing\n\n## Pricing ladder\n\n"
        "The bakery uses a zebra pricing ladder for sourdough loaves, cheapest in the morning.\n"
    ),
    "ferry.md": (
        "---\ntitle: Ferry marketing\nlanguage: en\n---\n# Ferry marketing\n\n## Social media\n\n"
        "The ferry company posts puffin photos on Instagram every Tuesday to reach tourists.\n"
    ),
    "snekker.md": (
        "---\ntitle: Snekkerens veikart\nlanguage: nb\n---\n# Snekkerens veikart\n\n"
        "## Nettbutikk\n\n"
        "Snekkerverkstedet planlegger en nettbutikk for eikemøbler før sommersesongen.\n"
    ),
}
QUERIES = {
    "zebra pricing ladder sourdough": "articles/bakery.md",
    "puffin photos Instagram": "articles/ferry.md",
    "nettbutikk for eikemøbler": "articles/snekker.md",
}


def _knowledge_folder(root: Path) -> Path:
    articles = root / "knowledge" / "articles"
    articles.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    return root / "knowledge"


@pytest.fixture(scope="module")
def knowledge_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _knowledge_folder(tmp_path_factory.mktemp("cli-knowledge"))


@pytest.fixture(scope="module")
def built_data_dir(tmp_path_factory: pytest.TempPathFactory, knowledge_dir: Path) -> Path:
    """A data dir whose index already covers ``knowledge_dir`` (built once for the module)."""
    data_dir = tmp_path_factory.mktemp("cli-data")
    report = KnowledgeBase(Settings(data_dir=data_dir, knowledge_dir=knowledge_dir)).ensure_fresh()
    assert report is not None and report.count("added") == len(ARTICLES)
    return data_dir


@pytest.fixture
def use_env(monkeypatch: pytest.MonkeyPatch):
    """Set ``COACH_*`` variables the way a user's shell would, then forget cached settings."""

    def apply(**variables: str | Path) -> None:
        for name, value in variables.items():
            monkeypatch.setenv(name, str(value))
        monkeypatch.setenv("COLUMNS", "200")
        get_settings.cache_clear()

    return apply


@pytest.fixture
def searchable(use_env, built_data_dir: Path, knowledge_dir: Path) -> None:
    use_env(COACH_DATA_DIR=built_data_dir, COACH_KNOWLEDGE_DIR=knowledge_dir)


def _run(args: list[str], stdin: str | None = None) -> Result:
    result = CliRunner().invoke(app, args, input=stdin)
    # expected failures end with an exit code, never with an exception reaching the user
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def _json_lines(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


# ----- ingest -----


def test_ingest_prints_a_line_per_file_and_a_summary(use_env, tmp_path: Path) -> None:
    use_env(COACH_KNOWLEDGE_DIR=tmp_path / "unused-knowledge")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "loyalty.md").write_text(
        "# Loyalty\n\n## Cards\n\nA stamp card brings coffee guests back every week.\n",
        encoding="utf-8",
    )
    (folder / "menu.txt").write_text("Lunch menu ideas for the café webshop.\n", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40))

    result = _run(["ingest", str(folder)])

    assert result.exit_code == 0, result.output
    assert re.search(r"^\s*added\s+loyalty\.md \(1 chunks?\)$", result.output, re.M)
    assert re.search(r"^\s*added\s+menu\.txt", result.output, re.M)
    assert re.search(r"^\s*skipped\s+photo\.txt: binary file, not text$", result.output, re.M)
    summary = "2 added, 0 updated, 0 unchanged, 0 removed, 0 duplicate, 1 skipped"
    assert summary in result.output

    again = _run(["ingest", str(folder)])
    assert again.exit_code == 0
    assert "0 added, 0 updated, 2 unchanged" in again.output


def test_ingest_of_only_bad_files_fails_with_a_clear_message(use_env, tmp_path: Path) -> None:
    use_env(COACH_KNOWLEDGE_DIR=tmp_path / "unused-knowledge")
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40))
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04" + bytes(40))

    result = _run(["ingest", str(folder)])

    assert result.exit_code != 0
    assert "nothing could be ingested" in result.output
    assert "3 skipped" in result.output
    for name in ("empty.md", "photo.txt", "sheet.xlsx"):
        assert re.search(rf"^\s*skipped\s+{re.escape(name)}: \S", result.output, re.M)


def test_ingest_of_a_corrupt_pdf_prints_only_its_one_line_reason(
    use_env, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    use_env(COACH_KNOWLEDGE_DIR=tmp_path / "unused-knowledge")
    folder = tmp_path / "pdfs"
    folder.mkdir()
    (folder / "broken.pdf").write_bytes(bytes(range(256)) * 8)

    with caplog.at_level(logging.WARNING):
        result = _run(["ingest", str(folder)])

    # pytest holds log records back; in a real terminal every one of them is printed
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    lines = [line.strip() for line in result.output.splitlines() if line.strip()]
    assert lines[0].startswith("skipped  broken.pdf: corrupt or unreadable PDF")
    assert lines[1:] == [
        "0 added, 0 updated, 0 unchanged, 0 removed, 0 duplicate, 1 skipped",
        "error: nothing could be ingested",
    ]


# ----- search -----


@pytest.mark.usefixtures("searchable")
def test_search_json_for_one_query_prints_a_list_of_cited_passages() -> None:
    result = _run(["search", "--json", "zebra pricing ladder sourdough"])
    assert result.exit_code == 0, result.output
    passages = json.loads(result.stdout)
    assert isinstance(passages, list) and passages
    for passage in passages:
        assert set(passage) >= RESULT_KEYS
        assert 0.0 <= passage["score"] <= 1.0
        assert passage["text"].strip()
    best = passages[0]
    assert best["source"] == "articles/bakery.md"
    assert best["title"] == "Bakery pricing"
    assert best["language"] == "en"
    assert best["heading"] == "Bakery pricing > Pricing ladder"
    assert "zebra pricing ladder" in best["text"]


@pytest.mark.usefixtures("searchable")
def test_search_json_for_two_queries_prints_one_line_each_in_order() -> None:
    queries = list(QUERIES)[1::-1]  # deliberately not in the articles' order
    result = _run(["search", "--json", *queries])
    assert result.exit_code == 0, result.output
    lines = _json_lines(result)
    assert [line["query"] for line in lines] == queries
    for line in lines:
        assert set(line) == {"query", "results"}
        assert line["results"][0]["source"] == QUERIES[line["query"]]
        assert all(set(r) >= RESULT_KEYS for r in line["results"])


@pytest.mark.usefixtures("searchable")
def test_search_reads_queries_from_stdin_one_per_line_in_order() -> None:
    queries = [*QUERIES][::-1]
    stdin = "\n".join([queries[0], "", "   ", *queries[1:]]) + "\n"
    result = _run(["search", "--json", "--from-file", "-"], stdin=stdin)
    assert result.exit_code == 0, result.output
    lines = _json_lines(result)
    assert [line["query"] for line in lines] == queries
    assert [line["results"][0]["source"] for line in lines] == [QUERIES[q] for q in queries]


@pytest.mark.usefixtures("searchable")
def test_search_reads_queries_from_a_file(tmp_path: Path) -> None:
    query_file = tmp_path / "questions.txt"
    query_file.write_text("puffin photos Instagram\n", encoding="utf-8")
    result = _run(["search", "--json", "--from-file", str(query_file)])
    assert result.exit_code == 0, result.output
    [line] = _json_lines(result)
    assert line["query"] == "puffin photos Instagram"
    assert line["results"][0]["source"] == "articles/ferry.md"


@pytest.mark.usefixtures("searchable")
def test_search_k_limits_the_number_of_passages() -> None:
    result = _run(["search", "--json", "--k", "2", "pricing for a small shop"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2


@pytest.mark.usefixtures("searchable")
def test_search_without_json_prints_a_readable_table() -> None:
    result = _run(["search", "puffin photos Instagram"])
    assert result.exit_code == 0, result.output
    assert "articles/ferry.md" in result.stdout
    assert "puffin photos" in result.stdout


@pytest.mark.usefixtures("searchable")
@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["search"], "strategy-coach search"),
        (["search", "--json", "   "], "strategy-coach search"),
        (["search", "--k", "0", "goals"], "--k"),
        (["search", "--from-file", "no-such-questions.txt"], "no-such-questions.txt"),
    ],
    ids=["no-query", "blank-query", "k-zero", "missing-query-file"],
)
def test_search_with_bad_arguments_exits_non_zero_with_a_hint(args: list[str], hint: str) -> None:
    result = _run(args)
    assert result.exit_code != 0
    assert hint in result.output
    assert not result.stdout.strip().startswith(("[", "{"))


def test_first_search_on_an_empty_data_dir_builds_the_index_itself(
    use_env, knowledge_dir: Path
) -> None:
    data_dir = Path(os.environ["COACH_DATA_DIR"])
    assert not any(data_dir.iterdir()), "the newcomer starts with nothing"
    use_env(COACH_KNOWLEDGE_DIR=knowledge_dir)

    result = _run(["search", "--json", "nettbutikk for eikemøbler"])

    assert result.exit_code == 0, result.output
    passages = json.loads(result.stdout)
    assert passages[0]["source"] == "articles/snekker.md"
    assert {p["source"] for p in passages} == set(QUERIES.values())
    # the index is kept, so the next search does not rebuild it
    settings = Settings()
    kb = KnowledgeBase(settings)
    assert not kb.is_stale()
    assert kb.ensure_fresh() is None


def test_invalid_configuration_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "COACH_CHUNK_SIZE": "abc", "COLUMNS": "200"}
    completed = subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bin" / "strategy-coach"), "search", "goals"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert "Traceback" not in output
    assert "invalid configuration" in completed.stderr
    assert "COACH_CHUNK_SIZE" in completed.stderr
    assert len(completed.stderr.strip().splitlines()) <= 2
