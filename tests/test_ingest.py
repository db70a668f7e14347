"""Incremental ingestion: what the owner sees per file, and what the index holds afterwards."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from assistant.knowledge.ingest import IngestReport
from assistant.knowledge.loaders import load_document
from assistant.knowledge.models import SearchResult
from assistant.knowledge.service import KnowledgeBase

BAKERY = (
    "---\ntitle: Bakery pricing\nlanguage: en\n---\n"
    "# Bakery pricing\n\n## Pricing ladder\n\n"
    "The bakery uses a zebra pricing ladder for sourdough loaves, cheapest in the morning.\n"
)
FERRY_OLD = (
    "# Ferry marketing\n\n## Social media\n\n"
    "The ferry company posts puffin photos on Instagram every Tuesday to reach tourists.\n"
)
FERRY_NEW = (
    "# Ferry marketing\n\n## Social media\n\n"
    "The ferry company now sends a walrus newsletter by email once a month to regulars.\n"
)
WORKSHOP = (
    "# Workshop plan\n\n## Roadmap\n\n"
    "The carpentry workshop plans a webshop for oak furniture before the summer season.\n"
)


def _statuses(report: IngestReport) -> dict[str, str]:
    return {item.path: item.status for item in report.files}


def _new_kb(folder: Path) -> KnowledgeBase:
    return KnowledgeBase(Settings(data_dir=folder))


def _rows(kb: KnowledgeBase, **where: Any) -> dict[str, list[Any]]:
    collection = kb.store.vectorstore._collection
    if where:
        return collection.get(where=where, include=["documents", "metadatas"])
    return collection.get(include=["documents", "metadatas"])


def _count_embedded_texts(kb: KnowledgeBase) -> list[int]:
    """Record how many texts each ``embed_documents`` call receives from now on."""
    calls: list[int] = []
    embeddings = kb.store.embeddings
    original: Callable[[list[str]], list[list[float]]] = embeddings.embed_documents

    def counting(texts: list[str]) -> list[list[float]]:
        calls.append(len(texts))
        return original(texts)

    embeddings.embed_documents = counting  # type: ignore[method-assign]
    return calls


# ----- one folder through its life: add, re-run, edit, delete -----


@dataclass
class Lifecycle:
    folder: Path
    reports: dict[str, IngestReport] = field(default_factory=dict)
    embedded: dict[str, int] = field(default_factory=dict)
    row_ids: dict[str, set[str]] = field(default_factory=dict)
    searches: dict[str, list[SearchResult]] = field(default_factory=dict)
    stored_texts: dict[str, list[str]] = field(default_factory=dict)
    ferry_rows: int = 0
    workshop_rows_left: int = -1
    workshop_keys_left: int = -1


@pytest.fixture(scope="module")
def lifecycle(tmp_path_factory: pytest.TempPathFactory) -> Lifecycle:
    root = tmp_path_factory.mktemp("lifecycle")
    folder = root / "docs"
    folder.mkdir()
    kb = _new_kb(root / "data")
    calls = _count_embedded_texts(kb)
    state = Lifecycle(folder=folder)

    def step(name: str) -> None:
        calls.clear()
        state.reports[name] = kb.ingest([folder])
        state.embedded[name] = sum(calls)
        state.row_ids[name] = set(_rows(kb)["ids"])
        state.stored_texts[name] = list(_rows(kb)["documents"])

    (folder / "bakery.md").write_text(BAKERY, encoding="utf-8")
    (folder / "ferry.md").write_text(FERRY_OLD, encoding="utf-8")
    (folder / "workshop.md").write_text(WORKSHOP, encoding="utf-8")
    step("first")
    step("again")

    (folder / "ferry.md").write_text(FERRY_NEW, encoding="utf-8")
    step("edited")
    state.ferry_rows = len(_rows(kb, path=str((folder / "ferry.md").resolve()))["ids"])
    state.searches["old phrase"] = kb.search("puffin photos on Instagram every Tuesday", k=10)
    state.searches["new phrase"] = kb.search("walrus newsletter by email", k=3)

    workshop = (folder / "workshop.md").resolve()
    workshop.unlink()
    step("deleted")
    state.searches["deleted phrase"] = kb.search("carpentry workshop oak furniture webshop", k=10)
    state.workshop_rows_left = len(_rows(kb, path=str(workshop))["ids"])
    state.workshop_keys_left = len(kb.store.records.list_keys(group_ids=[str(workshop)]))
    return state


def test_first_ingest_adds_every_file(lifecycle: Lifecycle) -> None:
    report = lifecycle.reports["first"]
    assert _statuses(report) == {"bakery.md": "added", "ferry.md": "added", "workshop.md": "added"}
    assert all(item.chunks >= 1 and item.reason is None for item in report.files)
    assert report.succeeded
    assert report.summary().startswith("3 added, 0 updated, 0 unchanged, 0 removed")
    assert lifecycle.embedded["first"] == len(lifecycle.row_ids["first"]) > 0


def test_second_ingest_reports_unchanged_and_embeds_nothing(lifecycle: Lifecycle) -> None:
    report = lifecycle.reports["again"]
    assert set(_statuses(report).values()) == {"unchanged"}
    assert len(report.files) == 3
    assert report.succeeded
    assert lifecycle.embedded["again"] == 0
    assert lifecycle.row_ids["again"] == lifecycle.row_ids["first"]


def test_edited_file_is_updated_and_only_it_is_re_embedded(lifecycle: Lifecycle) -> None:
    report = lifecycle.reports["edited"]
    assert _statuses(report) == {
        "bakery.md": "unchanged",
        "ferry.md": "updated",
        "workshop.md": "unchanged",
    }
    assert lifecycle.embedded["edited"] == lifecycle.ferry_rows > 0
    assert len(lifecycle.row_ids["edited"]) == len(lifecycle.row_ids["first"])


def test_text_removed_by_an_edit_cannot_be_found_and_the_new_text_can(
    lifecycle: Lifecycle,
) -> None:
    assert not any("puffin" in text for text in lifecycle.stored_texts["edited"])
    assert not any("puffin" in r.text for r in lifecycle.searches["old phrase"])
    best = lifecycle.searches["new phrase"][0]
    assert best.source == "ferry.md"
    assert "walrus newsletter by email" in best.text


def test_deleted_file_is_removed_from_the_index(lifecycle: Lifecycle) -> None:
    report = lifecycle.reports["deleted"]
    assert _statuses(report) == {
        "bakery.md": "unchanged",
        "ferry.md": "unchanged",
        "workshop.md": "removed",
    }
    assert report.succeeded
    assert lifecycle.embedded["deleted"] == 0
    assert lifecycle.workshop_rows_left == 0
    assert lifecycle.workshop_keys_left == 0
    assert not any("oak furniture" in text for text in lifecycle.stored_texts["deleted"])
    found = lifecycle.searches["deleted phrase"]
    assert found, "the other files are still searchable"
    assert all(r.source != "workshop.md" for r in found)


# ----- one shared knowledge base; every test works in its own folder with its own words -----


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return _new_kb(tmp_path_factory.mktemp("ingest-kb"))


def _folder(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "docs"
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


@pytest.mark.parametrize(
    "copy_name",
    [
        "zz copy of guide.md",
        pytest.param("guide copy.md"),
    ],
)
def test_copy_under_a_new_name_is_a_duplicate_that_names_the_original(
    kb: KnowledgeBase, tmp_path: Path, copy_name: str
) -> None:
    text = f"# Guide\n\n## Hiring\n\nHire a part-time marketer for {copy_name!r} campaigns.\n"
    folder = _folder(tmp_path, {"guide.md": text})
    assert _statuses(kb.ingest([folder])) == {"guide.md": "added"}
    rows_before = len(_rows(kb)["ids"])

    shutil.copy(folder / "guide.md", folder / copy_name)
    report = kb.ingest([folder])

    copy = next(item for item in report.files if item.path == copy_name)
    assert copy.status == "duplicate"
    assert copy.reason is not None and "guide.md" in copy.reason
    assert _statuses(report)["guide.md"] == "unchanged"
    assert len(_rows(kb)["ids"]) == rows_before


def test_identical_new_files_are_indexed_once(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = "# Twins\n\n## Stock\n\nThe florist counts tulip stock every Friday afternoon.\n"
    folder = _folder(tmp_path, {"a-tulips.md": text, "b-tulips.md": text})
    report = kb.ingest([folder])
    assert _statuses(report) == {"a-tulips.md": "added", "b-tulips.md": "duplicate"}
    assert "a-tulips.md" in (report.files[1].reason or "")
    stored = _rows(kb, file_sha256=load_document(folder / "a-tulips.md").file_sha256)
    assert {m["source"] for m in stored["metadatas"]} == {"a-tulips.md"}


def test_folder_of_only_bad_files_does_not_succeed(kb: KnowledgeBase, tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "empty.md": "",
            "picture.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40),
            "broken.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4,
            "sheet.xlsx": b"PK\x03\x04" + bytes(40),
        },
    )
    rows_before = len(_rows(kb)["ids"])
    report = kb.ingest([folder])
    assert not report.succeeded
    assert set(_statuses(report).values()) == {"skipped"}
    assert len(report.files) == 4
    assert all(item.reason and "\n" not in item.reason for item in report.files)
    assert len(_rows(kb)["ids"]) == rows_before


def test_mixed_folder_adds_good_files_and_skips_bad_ones_with_reasons(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    folder = _folder(
        tmp_path,
        {
            "loyalty.md": "# Loyalty\n\n## Cards\n\nA stamp card brings coffee guests back.\n",
            "notes.txt": "Hjemmesiden trenger en tydelig knapp for å bestille bord på nett.\n",
            "broken.docx": b"not a zip file at all",
            "blank.txt": "   \n\n  ",
            "setup.exe": b"MZ" + bytes(40),
        },
    )
    report = kb.ingest([folder])
    assert _statuses(report) == {
        "loyalty.md": "added",
        "notes.txt": "added",
        "broken.docx": "skipped",
        "blank.txt": "skipped",
        "setup.exe": "skipped",
    }
    reasons = {item.path: (item.reason or "").lower() for item in report.files}
    assert "docx" in reasons["broken.docx"]
    assert "empty" in reasons["blank.txt"]
    assert "unsupported" in reasons["setup.exe"]
    assert report.succeeded
    assert "2 added" in report.summary() and "3 skipped" in report.summary()
    best = kb.search("stamp card coffee guests", k=1)[0]
    assert best.source == "loyalty.md"


def test_path_that_does_not_exist_is_skipped(kb: KnowledgeBase, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    report = kb.ingest([missing])
    assert [(f.path, f.status, f.reason) for f in report.files] == [
        (str(missing), "skipped", "no such file or folder")
    ]
    assert not report.succeeded


def test_hidden_files_and_data_files_in_folders_are_ignored(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    note = "# {0}\n\n## Body\n\nThe {0} note is about weekly newsletter subject lines.\n"
    folder = _folder(
        tmp_path,
        {
            "visible.md": note.format("visible"),
            "sub/nested.md": note.format("nested"),
            ".hidden.md": note.format("hidden"),
            ".obsidian/workspace.md": note.format("workspace"),
            "catalogue.yaml": "tools: [crm, erp]\n",
            "settings.yml": "a: 1\n",
            "export.json": '{"a": 1}',
            "table.csv": "a,b\n1,2\n",
        },
    )
    report = kb.ingest([folder])
    assert _statuses(report) == {"visible.md": "added", "sub/nested.md": "added"}


def test_chunk_metadata_says_where_each_passage_comes_from(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    text = (
        "---\ntitle: Nettbutikkplan\nlanguage: nb\n---\n"
        "# Nettbutikkplan\n\n"
        "## Mål\n\n" + "Vi skal doble salget i nettbutikken innen neste sommer. " * 8 + "\n\n"
        "## Kanaler\n\n" + "Vi bruker nyhetsbrev og sosiale medier for å nå kundene. " * 8 + "\n"
    )
    folder = _folder(tmp_path, {"plans/butikk.md": text})
    assert _statuses(kb.ingest([folder])) == {"plans/butikk.md": "added"}
    path = (folder / "plans" / "butikk.md").resolve()
    doc = load_document(path)
    stored = _rows(kb, path=str(path))
    text_rows = [
        (content, meta)
        for content, meta in zip(stored["documents"], stored["metadatas"], strict=True)
        if meta["view"] == "text"
    ]
    assert len(text_rows) >= 2
    required = {"source", "title", "language", "heading", "chunk_id", "start", "end"}
    for content, meta in text_rows:
        assert required <= set(meta)
        assert meta["source"] == "plans/butikk.md"
        assert meta["title"] == "Nettbutikkplan"
        assert meta["language"] == "nb"
        assert meta["heading"] in ("Nettbutikkplan > Mål", "Nettbutikkplan > Kanaler")
        assert meta["chunk_id"].startswith(meta["doc_id"] + "#") and meta["doc_id"].startswith(
            "butikk"
        )
        assert doc.text[meta["start"] : meta["end"]] == content
    assert len({meta["chunk_id"] for _, meta in text_rows}) == len(text_rows)

    best = kb.search("doble salget i nettbutikken", k=1)[0]
    assert (best.source, best.title, best.language) == ("plans/butikk.md", "Nettbutikkplan", "nb")
    assert best.heading == "Nettbutikkplan > Mål"
    assert doc.text[best.start : best.end] == best.text


def test_files_with_the_same_name_in_different_folders_are_both_findable(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    folder = _folder(
        tmp_path,
        {
            "2023/notes.md": "# Notes 2023\n\n## Plan\n\nIn 2023 we tried a punch card for "
            "rhubarb pie customers.\n",
            "2024/notes.md": "# Notes 2024\n\n## Plan\n\nIn 2024 we launched a webshop selling "
            "cinnamon buns nationwide.\n",
        },
    )
    assert set(_statuses(kb.ingest([folder])).values()) == {"added"}
    for phrase, source in [
        ("punch card for rhubarb pie customers", "2023/notes.md"),
        ("webshop selling cinnamon buns", "2024/notes.md"),
    ]:
        best = kb.search(phrase, k=1)[0]
        assert (best.source, phrase in best.text) == (source, True)
