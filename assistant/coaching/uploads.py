"""Files that belong to one coaching session: uploaded documents and exported plans.

A consultant's uploads are client data. Each session keeps its own folder
(``uploads/<session>/``, ``exports/<session>/``) that is deleted with the session, refuses
files that are too large or of a type the knowledge base cannot read, and stores every file
under a sanitised base name that cannot leave its folder, whatever name the browser sent.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from pydantic import BaseModel

from assistant.knowledge.ingest import FileReport
from assistant.knowledge.loaders import SUPPORTED_SUFFIXES

MAX_NAME_BYTES = 120  # well under the 255-byte limit of common file systems, suffix included
FALLBACK_STEM = "upload"
_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


class Upload(BaseModel):
    """A file to add to a session: where it is now, and the name the person gave it
    (``None``: the file's own name)."""

    path: Path
    name: str | None = None


def session_folder(root: Path, session_id: str) -> Path:
    """The session's folder under ``root``. A plain id (a uuid, letters, digits, ``-``/``_``)
    names its folder as it is; any other id, which a client may choose, is hashed, so no
    session id can point outside ``root`` or at another session's folder."""
    if _PLAIN_ID.fullmatch(session_id):
        name = session_id
    else:
        name = "_" + hashlib.sha256(session_id.encode("utf-8")).hexdigest()[:40]
    return root / name


def safe_name(name: str) -> str:
    """A file name that is only a base name: no folders (``/`` or ``\\``), no ``..``, no
    control characters, no leading dots, at most ``MAX_NAME_BYTES`` bytes of UTF-8, suffix
    kept. Letters of any script survive ('Плåн.md' stays 'Плåн.md')."""
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    text = PureWindowsPath(PurePosixPath(text).name).name  # the last part, either separator
    text = " ".join(text.replace("/", " ").replace("\\", " ").split())
    text = text.lstrip(". ").rstrip(". ")
    suffix = Path(text).suffix if len(Path(text).suffix) <= 10 else ""
    stem = text[: len(text) - len(suffix)] if suffix else text
    stem = _clip(stem.rstrip(". "), MAX_NAME_BYTES - len(suffix.encode("utf-8")))
    return f"{stem or FALLBACK_STEM}{suffix}"


def _clip(text: str, limit: int) -> str:
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text.rstrip(". ")


def refusal(path: Path, name: str, max_bytes: int) -> str | None:
    """Why an upload is refused before it is stored (``None``: it may be stored)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        return f"unsupported type '{suffix or name}' (supported: {supported})"
    try:
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    if not path.is_file():
        return "not a file"
    if size > max_bytes:
        limit = max_bytes / 1024 / 1024
        return f"file too large ({size / 1024 / 1024:.1f} MB; the limit is {limit:g} MB)"
    return None


def keep(path: Path, name: str, folder: Path) -> Path:
    """A stable copy of an upload in ``folder`` under ``name`` (already safe); a different
    file with the same name gets a short content digest added."""
    target = _inside(folder, name)
    if target.exists() and not _same_bytes(target, path):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
        target = _inside(folder, f"{Path(name).stem}-{digest}{Path(name).suffix}")
    if not target.exists():
        shutil.copyfile(path, target)
    return target


def stage(
    uploads: list[Path | Upload], folder: Path, max_bytes: int
) -> tuple[list[Path], list[FileReport]]:
    """Store the acceptable uploads in ``folder``; a report for each refused one."""
    kept: list[Path] = []
    refused: list[FileReport] = []
    for item in uploads:
        upload = item if isinstance(item, Upload) else Upload(path=item)
        name = safe_name(upload.name if upload.name is not None else upload.path.name)
        reason = refusal(upload.path, name, max_bytes)
        if reason:
            refused.append(FileReport(path=name, status="skipped", reason=reason))
            continue
        folder.mkdir(parents=True, exist_ok=True)
        kept.append(keep(upload.path, name, folder))
    return kept, refused


def remove_folder(folder: Path) -> None:
    """Delete a session's folder and everything in it (nothing when it does not exist)."""
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)
    elif folder.exists() or folder.is_symlink():
        folder.unlink()


def _inside(folder: Path, name: str) -> Path:
    target = folder / name
    if target.resolve().parent != folder.resolve():  # cannot happen with a safe name
        raise ValueError(f"refusing to store {name!r} outside {folder}")
    return target


def _same_bytes(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
