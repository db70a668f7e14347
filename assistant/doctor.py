"""``strategy-coach doctor``: is everything the app needs in working order, and if not, what
to do (``--repair`` does what can be done safely).

Each check gives one line: ok, or the problem and what to do. Checks never raise: a check
that fails to run is itself the problem it reports. Repairs never delete anything: a damaged
index or session store is moved aside to ``<name>.broken-<timestamp>`` next to where it was,
and a fresh one is built (the index from the knowledge folder) or started (sessions).
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from assistant.config import Settings

Repair = Literal["index", "sessions"]
SESSIONS_FILE = "sessions.sqlite"
_CHECKPOINT_TABLES = {"checkpoints", "writes"}
_SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside a database
_LLM_CHECK_TIMEOUT_S = 10.0


class Check(BaseModel):
    """The result of one check: what was found and, for a problem, what to do about it."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    repair: Repair | None = None  # what ``--repair`` can do about this problem

    def line(self) -> str:
        if self.ok:
            return f"ok       {self.name}: {self.detail}"
        return f"PROBLEM  {self.name}: {self.detail}" + (f" -> {self.fix}" if self.fix else "")


def run_checks(settings: Settings) -> list[Check]:
    """Every check, in the order a person would fix things."""
    checks: list[Callable[[Settings], Check | None]] = [
        check_data_dir,
        check_knowledge,
        check_sessions,
        check_chroma_server,
        check_index,
        check_embeddings,
        check_llm,
    ]
    found = []
    for check in checks:
        try:
            result = check(settings)
        except Exception as exc:  # a check must report, never crash the doctor
            result = Check(name=check.__name__.removeprefix("check_"), ok=False, detail=str(exc))
        if result is not None:
            found.append(result)
    return found


# ----- the checks -----
def check_data_dir(settings: Settings) -> Check:
    folder = settings.data_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as exc:
        return Check(
            name="data dir",
            ok=False,
            detail=f"cannot write to {folder} ({exc.strerror or exc})",
            fix="set COACH_DATA_DIR to a folder you can write to, or fix its permissions",
        )
    return Check(name="data dir", ok=True, detail=f"{folder} is writable")


def check_knowledge(settings: Settings) -> Check:
    from assistant.knowledge.ingest import discover_files

    folder = settings.knowledge_dir
    fix = "set COACH_KNOWLEDGE_DIR to the folder of guidance documents (knowledge/)"
    if not folder.is_dir():
        return Check(name="knowledge", ok=False, detail=f"no folder at {folder}", fix=fix)
    files, _ = discover_files([folder])
    if not files:
        return Check(name="knowledge", ok=False, detail=f"no documents in {folder}", fix=fix)
    unreadable = []
    for path in files:
        try:
            with path.open("rb") as handle:
                handle.read(1)
        except OSError:
            unreadable.append(path.name)
    if unreadable:
        return Check(
            name="knowledge",
            ok=False,
            detail=f"cannot read {len(unreadable)} file(s) in {folder}: "
            + ", ".join(unreadable[:5]),
            fix="fix the files' permissions",
        )
    return Check(name="knowledge", ok=True, detail=f"{len(files)} documents readable in {folder}")


def check_sessions(settings: Settings) -> Check:
    path = settings.data_dir / SESSIONS_FILE
    if not path.exists():
        return Check(name="session store", ok=True, detail=f"none yet ({path} starts on first use)")
    fix = "run 'strategy-coach doctor --repair' to move it aside and start a fresh one"
    try:
        connection = _read_only(path)
        try:
            verdict = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return Check(
            name="session store",
            ok=False,
            detail=f"{path} cannot be read ({exc})",
            fix=fix,
            repair="sessions",
        )
    if verdict != ["ok"]:
        return Check(
            name="session store",
            ok=False,
            detail=f"{path} fails the integrity check ({'; '.join(verdict[:3])})",
            fix=fix,
            repair="sessions",
        )
    if missing := sorted(_CHECKPOINT_TABLES - tables):
        return Check(
            name="session store",
            ok=False,
            detail=f"{path} lacks the checkpoint table(s) {', '.join(missing)}",
            fix=fix,
            repair="sessions",
        )
    return Check(name="session store", ok=True, detail=f"{path} passes the integrity check")


def check_chroma_server(settings: Settings) -> Check | None:
    """Only when ``COACH_CHROMA_URL`` is set: does the server answer?"""
    if not settings.chroma_url:
        return None
    from assistant.knowledge.store import make_chroma_client

    try:
        make_chroma_client(settings).heartbeat()
    except Exception as exc:  # StoreUnavailable, or the server failing mid-answer
        return Check(
            name="chroma server",
            ok=False,
            detail=f"{settings.chroma_url} does not answer ({_first_line(exc)})",
            fix="start the server (chroma run --path <folder> --port <port>), or unset "
            "COACH_CHROMA_URL to use the index in the data dir",
        )
    return Check(name="chroma server", ok=True, detail=f"{settings.chroma_url} answers")


def check_index(settings: Settings) -> Check:
    """The Chroma collection opens, and holds as many rows as the record manager lists."""
    from assistant.knowledge.store import collection_name

    name = collection_name(settings)
    fix = "run 'strategy-coach doctor --repair' to rebuild it from the knowledge folder"
    try:
        recorded = _recorded_rows(settings)
    except sqlite3.Error as exc:
        return Check(
            name="index",
            ok=False,
            detail=f"the ingestion records {settings.record_db} cannot be read ({exc})",
            fix=fix,
            repair="index",
        )
    if not settings.chroma_url and not settings.chroma_dir.exists() and recorded == 0:
        return Check(name="index", ok=True, detail="not built yet (built on first use)")
    try:
        stored = _stored_rows(settings, name)
    except Exception as exc:
        where = settings.chroma_url or str(settings.chroma_dir)
        cause = _first_line(exc.__cause__ or exc)  # Chroma's own words, not our advice again
        return Check(
            name="index",
            ok=False,
            detail=f"collection {name!r} at {where} cannot be opened ({cause})",
            fix=fix if not settings.chroma_url else "check the Chroma server, then " + fix,
            repair="index",
        )
    if stored != recorded:
        return Check(
            name="index",
            ok=False,
            detail=f"collection {name!r} holds {stored} rows but the ingestion records list "
            f"{recorded}",
            fix=fix,
            repair="index",
        )
    if stored == 0:
        return Check(name="index", ok=True, detail=f"collection {name!r} is empty (built on use)")
    return Check(
        name="index", ok=True, detail=f"collection {name!r} opens; {stored} rows, as recorded"
    )


def check_embeddings(settings: Settings) -> Check:
    from assistant.knowledge.embeddings import make_embeddings

    try:
        vector = make_embeddings(settings.embedding, settings.embedding_threads).embed_query(
            "digital strategy"
        )
    except Exception as exc:
        return Check(
            name="embedding model",
            ok=False,
            detail=f"{settings.embedding} does not load ({_first_line(exc)})",
            fix="reinstall the app's dependencies (pip install -e .), or set COACH_EMBEDDING",
        )
    if not vector or not all(math.isfinite(x) for x in vector):
        return Check(
            name="embedding model",
            ok=False,
            detail=f"{settings.embedding} gives no usable vector",
            fix="reinstall the app's dependencies (pip install -e .)",
        )
    return Check(
        name="embedding model",
        ok=True,
        detail=f"{settings.embedding} loads offline ({len(vector)} dimensions)",
    )


def check_llm(settings: Settings) -> Check:
    """Only a cheap look: does the endpoint list its models (with a short timeout)?"""
    import httpx

    import assistant.llm as llm
    from assistant.llm.settings import is_loopback_url

    try:
        config = llm.llm_config(settings)
    except llm.LlmConfigError as exc:
        return Check(name="language model", ok=False, detail=str(exc))
    if config is None:
        return Check(name="language model", ok=True, detail="none set (the offline coach runs)")
    url = f"{config.base_url}/models"
    if not llm.ALLOW_MODEL_REQUESTS and not is_loopback_url(url):
        return Check(
            name="language model", ok=True, detail=f"{url} not contacted (requests are off)"
        )
    fix = "check COACH_LLM_BASE_URL and that the server runs; the offline coach answers until then"
    try:
        response = httpx.get(
            url,
            headers={"Authorization": f"Bearer {config.api_key.get_secret_value()}"},
            timeout=min(config.timeout_s, _LLM_CHECK_TIMEOUT_S),
        )
    except httpx.TimeoutException:
        detail = f"{url} did not answer in time"
        return Check(name="language model", ok=False, detail=detail, fix=fix)
    except httpx.HTTPError as exc:
        detail = f"{url} cannot be reached ({type(exc).__name__})"
        return Check(name="language model", ok=False, detail=detail, fix=fix)
    if response.status_code in (401, 403):
        return Check(
            name="language model",
            ok=False,
            detail=f"{url} rejects the API key (HTTP {response.status_code})",
            fix="check COACH_LLM_API_KEY",
        )
    if response.status_code != 200:
        detail = f"{url} answered HTTP {response.status_code}"
        return Check(name="language model", ok=False, detail=detail, fix=fix)
    return Check(name="language model", ok=True, detail=f"{url} answers (model {config.model})")


# ----- repairs -----
def repair(settings: Settings, checks: list[Check], now: datetime | None = None) -> list[str]:
    """Do what ``--repair`` can for the problems found; returns one line per thing done."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    needed = {check.repair for check in checks if not check.ok and check.repair}
    server_down = any(check.name == "chroma server" and not check.ok for check in checks)
    done: list[str] = []
    if "sessions" in needed:
        _attempt("the session store", done, lambda: _repair_sessions(settings, stamp, done))
    if "index" in needed and server_down:
        done.append("the index is not rebuilt while the Chroma server does not answer")
    elif "index" in needed:
        _attempt("the index", done, lambda: _repair_index(settings, stamp, done))
    return done


def _attempt(what: str, done: list[str], action: Callable[[], None]) -> None:
    try:
        action()
    except Exception as exc:  # said, not raised: the checks after the repair tell the rest
        done.append(f"could not repair {what}: {_first_line(exc)}")


def _repair_sessions(settings: Settings, stamp: str, done: list[str]) -> None:
    from assistant.coaching.graph import open_checkpointer
    from assistant.coaching.sessions import SessionCatalogue

    path = settings.data_dir / SESSIONS_FILE
    for end in ("", *_SQLITE_COMPANIONS):
        _move_aside(Path(f"{path}{end}"), stamp, done)
    open_checkpointer(path).conn.close()
    SessionCatalogue(path)
    done.append(f"started a fresh session store at {path}")


def _repair_index(settings: Settings, stamp: str, done: list[str]) -> None:
    from assistant.knowledge.service import KnowledgeBase

    if not settings.chroma_url:
        _forget_chroma_client(settings.chroma_dir)
        _move_aside(settings.chroma_dir, stamp, done)
    for end in ("", "-journal"):
        _move_aside(Path(f"{settings.record_db}{end}"), stamp, done)
    for manifest in sorted(settings.data_dir.glob("manifest-*.json")):
        _move_aside(manifest, stamp, done)
    report = KnowledgeBase(settings).ingest([settings.knowledge_dir])
    done.append(f"rebuilt the index from {settings.knowledge_dir}: {report.summary()}")
    uploads = settings.data_dir / "uploads"
    if uploads.is_dir() and any(uploads.iterdir()):
        done.append(f"uploaded documents are not in the new index; upload them again ({uploads})")


def _move_aside(path: Path, stamp: str, done: list[str]) -> None:
    """Rename ``path`` to ``<name>.broken-<stamp>`` beside it (if it is there), and say so."""
    if not path.exists():
        return
    target = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    path.rename(target)
    done.append(f"moved {path} to {target}")


def _forget_chroma_client(folder: Path) -> None:
    """Chroma keeps one open system per folder for the whole process; drop ours, so the index
    built next is not written through handles to the folder just moved aside."""
    from chromadb.api.shared_system_client import SharedSystemClient

    system = SharedSystemClient._identifier_to_system.pop(str(folder), None)
    SharedSystemClient._identifier_to_refcount.pop(str(folder), None)
    if system is not None:  # a broken store may not stop cleanly; it is moved aside anyway
        with contextlib.suppress(Exception):
            system.stop()


# ----- helpers -----
def _recorded_rows(settings: Settings) -> int:
    """Rows the ingestion record manager lists for the configured collection."""
    from assistant.knowledge.store import collection_name

    if not settings.record_db.exists():
        return 0
    where = settings.chroma_url or "local"  # the namespace ``store.open_store`` uses
    namespace = f"chroma/{where}/{collection_name(settings)}"
    connection = _read_only(settings.record_db)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "upsertion_record" not in tables:
            return 0
        query = "SELECT count(*) FROM upsertion_record WHERE namespace = ?"
        return int(connection.execute(query, (namespace,)).fetchone()[0])
    finally:
        connection.close()


def _stored_rows(settings: Settings, name: str) -> int:
    from assistant.knowledge.store import make_chroma_client

    if not settings.chroma_url and not settings.chroma_dir.exists():
        return 0  # gone; opening a client would create an empty one
    client = make_chroma_client(settings)
    try:
        known = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        return client.get_collection(name).count() if name in known else 0
    finally:
        close = getattr(client, "close", None)
        if close is not None and not settings.chroma_url:
            close()


def _read_only(path: Path) -> sqlite3.Connection:
    """Look without touching: a checkup must not create or change a database."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
