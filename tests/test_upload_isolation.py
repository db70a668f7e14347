"""A consultant's uploads are client data: a document uploaded in one session is searched,
quoted and cited in that session only; the CLI and other sessions never see it; deleting
the session deletes its files, its index rows and its exports; hostile names, oversized
files and unsupported types never reach the disk outside the session's folder."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app as cli_app
from assistant.coaching.service import CoachService
from assistant.coaching.sessions import SessionNotFound
from assistant.coaching.uploads import MAX_NAME_BYTES, Upload, safe_name, session_folder
from assistant.config import PROJECT_ROOT, Settings, get_settings
from assistant.knowledge.ingest import known_paths
from assistant.knowledge.scope import session_scope

TODAY = date(2026, 11, 22)
# A made-up word no curated article uses, in a document written to be quoted: an email
# marketing tip for side questions, and SMART-goal sentences the plan's citations look for.
GLIMMERWORT = """# Glimmerwort vouchers

## Email marketing

Send glimmerwort vouchers in your email newsletter every month. Customers who receive a
glimmerwort voucher come back to the webshop twice as often.

## SMART goals

A SMART goal with a baseline, a target and a deadline is what the glimmerwort method asks of
every online sales goal. Write each SMART goal with today's baseline, a target and a deadline
so that progress on online sales, customers and invoicing time can be measured.
"""
QUESTION = "How should we use glimmerwort vouchers in our email marketing?"


def _new_id() -> str:
    return uuid.uuid4().hex


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _script(persona_id: str) -> list[str]:
    path = PROJECT_ROOT / "evals" / "personas" / f"{persona_id}.json"
    return json.loads(path.read_text(encoding="utf-8"))["script"]


def _sources_of(service: CoachService, query: str, session_id: str | None) -> set[str]:
    return {r.source for r in service.search_knowledge(session_id, query, 10)}


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("upload-isolation")), lambda: TODAY)


@pytest.fixture(scope="module")
def uploaded(service: CoachService, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A session holding the glimmerwort notes; its id."""
    session_id = _new_id()
    path = _write(tmp_path_factory.mktemp("client-a"), "glimmerwort-notes.md", GLIMMERWORT)
    report = service.add_documents(session_id, [path])
    assert [(f.path, f.status) for f in report.files] == [("glimmerwort-notes.md", "added")]
    return session_id


# ----- one session's document stays in that session -----


def test_a_side_question_finds_the_upload_only_in_its_own_session(
    service: CoachService, uploaded: str
) -> None:
    own = service.send(uploaded, QUESTION).reply
    other_id = _new_id()
    other = service.send(other_id, QUESTION).reply

    assert "glimmerwort" in own.lower()
    assert "glimmerwort-notes.md" in {s.source for s in service.session(uploaded).sources.values()}
    assert "glimmerwort" not in other.lower()
    assert all(
        s.source != "glimmerwort-notes.md" for s in service.session(other_id).sources.values()
    )
    assert "glimmerwort-notes.md" in _sources_of(service, QUESTION, uploaded)
    assert "glimmerwort-notes.md" not in _sources_of(service, QUESTION, other_id)


@pytest.mark.slow
def test_another_sessions_plan_never_cites_the_upload(service: CoachService, uploaded: str) -> None:
    other_id = _new_id()
    plans = {}
    for session_id in (uploaded, other_id):
        for message in _script("en-bike-shop"):
            service.send(session_id, message)
        plan = service.session(session_id).plan
        assert plan.goals and plan.roadmap
        plans[session_id] = [
            c.source for item in [*plan.goals, *plan.roadmap] for c in item.citations
        ]

    assert "glimmerwort-notes.md" in plans[uploaded]  # the document is worth citing ...
    assert plans[other_id] and "glimmerwort-notes.md" not in plans[other_id]  # ... not there
    assert all(
        s.source != "glimmerwort-notes.md" for s in service.session(other_id).sources.values()
    )


def test_the_same_front_matter_id_in_two_sessions_does_not_mix_passages(
    service: CoachService, tmp_path: Path
) -> None:
    first, second = _new_id(), _new_id()
    head = "---\nid: pricing-notes\ntitle: Pricing notes\nlanguage: en\n---\n# Pricing notes\n\n"
    one = _write(tmp_path / "a", "pricing.md", head + "Zanthic bundles sell best on Fridays.\n")
    two = _write(tmp_path / "b", "pricing.md", head + "Morvelle discounts end in March.\n")
    service.add_documents(first, [one])
    service.add_documents(second, [two])

    def texts(session_id: str, query: str) -> str:
        return " ".join(r.text for r in service.search_knowledge(session_id, query, 10))

    assert "Zanthic" in texts(first, "zanthic bundles")
    assert "Morvelle" in texts(second, "morvelle discounts")
    assert "Morvelle" not in texts(first, "morvelle discounts")
    assert "Zanthic" not in texts(second, "zanthic bundles")


def test_the_cli_search_and_a_shared_ingest_never_see_uploads(
    service: CoachService, uploaded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "glimmerwort-notes.md" in _sources_of(service, QUESTION, uploaded)
    monkeypatch.setenv("COACH_DATA_DIR", str(service.settings.data_dir))
    get_settings.cache_clear()
    runner = CliRunner()

    ingest = runner.invoke(cli_app, ["ingest", str(service.settings.uploads_dir)])
    result = runner.invoke(cli_app, ["search", "--json", "--k", "10", QUESTION])

    assert "stays private to that session" in " ".join(ingest.output.split())
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found and all("glimmerwort" not in r["text"].lower() for r in found)
    assert "glimmerwort-notes.md" not in {r["source"] for r in found}
    assert "glimmerwort-notes.md" not in _sources_of(service, QUESTION, None)
    assert "glimmerwort-notes.md" in _sources_of(service, QUESTION, uploaded)  # still private


def test_another_login_cannot_upload_into_or_search_a_session(
    service: CoachService, tmp_path: Path
) -> None:
    session_id = _new_id()
    path = _write(tmp_path, "ann.md", "# Ann's notes\n\nThe plorbix campaign starts in May.\n")
    service.add_documents(session_id, [path], owner="ann")

    with pytest.raises(SessionNotFound):
        service.add_documents(session_id, [path], owner="bob")
    with pytest.raises(SessionNotFound):
        service.search_knowledge(session_id, "plorbix campaign", 5, owner="bob")
    found = service.search_knowledge(session_id, "plorbix campaign", 5, owner="ann")
    assert "ann.md" in {r.source for r in found}


# ----- deleting a session deletes what it brought in and wrote out -----


def test_deleting_a_session_deletes_its_uploads_rows_and_exports(
    service: CoachService, tmp_path: Path
) -> None:
    from assistant.web.handlers import CoachApp

    session_id = _new_id()
    query = "quillfeather loyalty postcards for returning customers"
    path = _write(
        tmp_path,
        "quillfeather.md",
        "# Quillfeather postcards\n\nSend quillfeather loyalty postcards to returning "
        "customers after their third visit.\n",
    )
    service.add_documents(session_id, [path])
    service.send(session_id, _script("en-bike-shop")[0])
    exported, note = CoachApp(service).export(session_id, "md")
    uploads = session_folder(service.settings.uploads_dir, session_id)
    exports = session_folder(service.settings.exports_dir, session_id)
    scope = session_scope(session_id)
    assert exported is not None and Path(exported).is_file() and Path(exported).name in note
    assert Path(exported).resolve().is_relative_to(exports.resolve())
    assert (uploads / "quillfeather.md").is_file()
    assert service.kb.store.vectorstore.get(where={"scope": scope})["ids"]
    assert "quillfeather.md" in _sources_of(service, query, session_id)

    service.delete_session(session_id)

    assert not uploads.exists() and not exports.exists() and not Path(exported).exists()
    assert service.kb.store.vectorstore.get(where={"scope": scope})["ids"] == []
    inside = str(uploads.resolve()) + "/"
    assert not [p for p in known_paths(service.kb.store) if p.startswith(inside)]
    for searcher in (_new_id(), session_id, None):  # a new session, the same id, the CLI's
        assert "quillfeather.md" not in _sources_of(service, query, searcher)
    assert service.session(session_id).transcript == []


def test_deleting_one_session_leaves_another_sessions_upload(
    service: CoachService, uploaded: str, tmp_path: Path
) -> None:
    doomed = _new_id()
    service.add_documents(doomed, [_write(tmp_path, "glimmerwort-notes.md", GLIMMERWORT)])
    service.delete_session(doomed)
    assert "glimmerwort-notes.md" in _sources_of(service, QUESTION, uploaded)
    assert (
        session_folder(service.settings.uploads_dir, uploaded) / "glimmerwort-notes.md"
    ).is_file()


# ----- names, sizes and types -----


@pytest.mark.parametrize(
    "hostile",
    [
        "../../etc/passwd.md",
        "..\\evil.md",
        "/etc/cron.d/job.md",
        "C:\\Windows\\system32\\drivers.md",
        "nul\x00byte.md",
        "bell\x07and\nnewline.md",
        "right\u202eto-left.md",
        ".hidden.md",
        "kj" * 300 + ".md",
    ],
)
def test_a_hostile_file_name_is_stored_inside_the_session_folder(
    service: CoachService, tmp_path: Path, hostile: str
) -> None:
    session_id = _new_id()
    source = _write(
        tmp_path / "in", "plain.md", "# Notes\n\nThe wobbleberry stall opens at nine.\n"
    )
    folder = session_folder(service.settings.uploads_dir, session_id)

    report = service.add_documents(session_id, [Upload(path=source, name=hostile)])

    assert [f.status for f in report.files] == ["added"]
    stored = list(folder.iterdir())
    assert len(stored) == 1 and stored[0].resolve().parent == folder.resolve()
    name = stored[0].name
    assert report.files[0].path == name
    assert name.endswith(".md") and not name.startswith(".") and ".." not in name
    assert not any(c in name for c in "/\\\x00\x07\n\u202e")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    data_dir = service.settings.data_dir
    assert (
        not (data_dir / "etc").exists() and not (service.settings.uploads_dir / "evil.md").exists()
    )


def test_safe_names_keep_letters_of_every_script() -> None:
    assert safe_name("Плåн för Gnosjö.docx") == "Плåн för Gnosjö.docx"
    assert safe_name("../../etc/passwd.md") == "passwd.md"
    assert safe_name("..\\evil.md") == "evil.md"
    assert safe_name("..") == "upload"
    long = safe_name("я" * 200 + ".pdf")
    assert long.endswith(".pdf") and len(long.encode("utf-8")) <= MAX_NAME_BYTES


def test_a_session_id_cannot_point_outside_the_uploads_folder(
    service: CoachService, tmp_path: Path
) -> None:
    root = service.settings.uploads_dir
    for session_id in ("../../escape", "..", "a/b", "/etc"):
        folder = session_folder(root, session_id)
        assert folder.resolve().parent == root.resolve(), session_id
    session_id = "../../escape"
    source = _write(tmp_path, "x.md", "# Notes\n\nThe snarfle kiosk sells maps.\n")
    assert [f.status for f in service.add_documents(session_id, [source]).files] == ["added"]
    assert not (service.settings.data_dir.parent / "escape").exists()
    assert (session_folder(root, session_id) / "x.md").is_file()


def test_oversized_and_unsupported_files_are_refused_and_not_kept(
    service: CoachService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service.settings, "upload_max_mb", 1)
    session_id = _new_id()
    big = _write(tmp_path, "big.md", "# Big\n\n" + "frobnitz sales notes. " * 60_000)
    program = _write(tmp_path, "setup.exe", b"MZ\x90\x00" + bytes(64))
    table = _write(tmp_path, "prices.csv", "item,price\nfrobnitz,10\n")
    good = _write(tmp_path, "small.md", "# Small\n\nThe frobnitz counter closes at six.\n")

    report = service.add_documents(session_id, [big, program, table, good])

    by_name = {f.path: f for f in report.files}
    assert by_name["big.md"].status == "skipped"
    assert "too large" in (by_name["big.md"].reason or "")
    assert "1 MB" in (by_name["big.md"].reason or "")
    for name in ("setup.exe", "prices.csv"):
        assert by_name[name].status == "skipped"
        assert "unsupported type" in (by_name[name].reason or ""), name
    assert by_name["small.md"].status == "added"
    folder = session_folder(service.settings.uploads_dir, session_id)
    assert sorted(p.name for p in folder.iterdir()) == ["small.md"]
    assert _sources_of(service, "frobnitz sales notes", session_id) & {"big.md"} == set()


def test_nothing_acceptable_leaves_no_folder(service: CoachService, tmp_path: Path) -> None:
    session_id = _new_id()
    report = service.add_documents(session_id, [_write(tmp_path, "run.sh", "echo hi\n")])
    assert [f.status for f in report.files] == ["skipped"]
    assert not session_folder(service.settings.uploads_dir, session_id).exists()


def test_the_upload_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().upload_max_mb == 20
    monkeypatch.setenv("COACH_UPLOAD_MAX_MB", "3")
    assert Settings().upload_max_mb == 3
    assert Settings().upload_max_bytes == 3 * 1024 * 1024


@pytest.mark.server
def test_the_web_server_refuses_files_over_the_limit(service: CoachService) -> None:
    from app_server import free_port

    from assistant.web.app import launch

    demo = launch(service, "127.0.0.1", free_port(), block=False)
    try:
        assert demo.max_file_size == service.settings.upload_max_bytes
        assert str(service.settings.exports_dir) in demo.allowed_paths
    finally:
        demo.close()
