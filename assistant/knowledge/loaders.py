"""Read supported files (.md, .txt, .html, .pdf, .docx) into plain text with metadata.

Every failure becomes an ``UnreadableDocument`` with a one-line reason for the user.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path
from typing import Any

import yaml

from assistant.knowledge.languages import detect_language
from assistant.knowledge.models import LoadedDocument, SectionNotes
from assistant.yamlfiles import parse_yaml

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".pdf", ".docx")
DATA_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl", ".csv")
MAX_FILE_BYTES = 50 * 1024 * 1024
_LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "cp1251", "koi8_r", "mac_roman")

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_MD_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


class UnreadableDocument(Exception):
    """A file that cannot be ingested; ``str(exc)`` is the one-line reason."""


def load_document(path: Path, source: str | None = None) -> LoadedDocument:
    """Read one file. Raises ``UnreadableDocument`` with a short reason on any problem."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise UnreadableDocument(
            f"unsupported type '{suffix or path.name}' (supported: {supported})"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise UnreadableDocument("empty file")
    if len(raw) > MAX_FILE_BYTES:
        raise UnreadableDocument(f"file too large ({len(raw) // 1_000_000} MB; limit 50 MB)")

    meta: dict[str, Any] = {}
    if suffix == ".pdf":
        text = _pdf_text(raw)
    elif suffix == ".docx":
        text = _docx_text(raw)
    else:
        decoded = _decode_text(raw)
        if suffix in (".html", ".htm"):
            text, meta = _html_text(decoded)
        elif suffix in (".md", ".markdown"):
            meta, text = _split_front_matter(decoded)
        else:
            text = decoded
    text = _normalise_newlines(text)
    if not text.strip():
        raise UnreadableDocument("no text found in the file")
    return _build(path, source, raw, text, meta)


def _build(
    path: Path, source: str | None, raw: bytes, text: str, meta: dict[str, Any]
) -> LoadedDocument:
    title = str(meta.get("title") or _first_heading(text) or path.stem.replace("-", " "))
    language = str(meta.get("language") or detect_language(text[:4000]) or "und")
    sections = [SectionNotes.model_validate(s) for s in meta.get("sections") or [] if s]
    tags = meta.get("tags") or []
    return LoadedDocument(
        path=str(path.resolve()),
        source=source or path.name,
        doc_id=str(meta.get("id") or _file_doc_id(path)),
        title=title.strip(),
        language=language,
        text=text,
        file_sha256=hashlib.sha256(raw).hexdigest(),
        author=_optional_str(meta.get("author")),
        publisher=_optional_str(meta.get("publisher")),
        tags=[str(t) for t in tags] if isinstance(tags, list) else [str(tags)],
        summary=_summaries(meta.get("summary")),
        sections=sections,
    )


def _summaries(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return {str(lang): str(text) for lang, text in value.items() if text}
    return {}


def _file_doc_id(path: Path) -> str:
    """The file's stem, made unique per location (two folders may both hold notes.md)."""
    where = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:6]
    return f"{path.stem}-{where}"


def _optional_str(value: Any) -> str | None:
    return str(value) if value else None


def _decode_text(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:8192]:
        raise UnreadableDocument("binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Legacy encodings our users' files come in: Western/Nordic and Cyrillic. Leaving out
    # Central European code pages stops Nordic letters being read as ĺ/ć/ř.
    best = from_bytes(raw, cp_isolation=list(_LEGACY_ENCODINGS)).best()
    if best is None or best.chaos > 0.2:
        raise UnreadableDocument("unreadable text encoding (save the file as UTF-8)")
    return str(best)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = parse_yaml(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise UnreadableDocument(
            f"front matter is not valid YAML ({exc.__class__.__name__})"
        ) from exc
    if not isinstance(meta, dict):
        raise UnreadableDocument("front matter is not a YAML mapping")
    return meta, text[match.end() :]


def _first_heading(text: str) -> str | None:
    match = _MD_TITLE.search(text)
    return match.group(1) if match else None


def _html_text(html: str) -> tuple[str, dict[str, Any]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "footer", "header", "form", "svg"]):
        tag.decompose()
    meta: dict[str, Any] = {}
    if soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    html_tag = soup.find("html")
    lang = html_tag.get("lang") if html_tag else None
    if isinstance(lang, str) and lang:
        meta["language"] = lang.split("-")[0].lower()
    blocks: list[str] = []
    body = soup.body or soup
    for element in body.find_all(["h1", "h2", "h3", "h4", "p", "li", "td", "blockquote", "pre"]):
        words = " ".join(element.get_text(" ", strip=True).split())
        if not words:
            continue
        if element.name in ("h1", "h2", "h3", "h4"):
            blocks.append("#" * int(element.name[1]) + " " + words)
        elif element.name == "li":
            blocks.append("- " + words)
        else:
            blocks.append(words)
    return "\n\n".join(blocks), meta


def _pdf_text(raw: bytes) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not for users
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise UnreadableDocument("encrypted PDF (remove the password and try again)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as exc:
        raise UnreadableDocument(f"corrupt or unreadable PDF ({exc.__class__.__name__})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise UnreadableDocument("PDF has no extractable text (a scanned image?)")
    return text


def _docx_text(raw: bytes) -> str:
    from docx import Document

    try:
        document = Document(io.BytesIO(raw))
    except Exception as exc:  # BadZipFile, PackageNotFoundError, lxml errors: all "not a DOCX"
        raise UnreadableDocument(f"corrupt or unreadable DOCX ({exc.__class__.__name__})") from exc
    blocks: list[str] = []
    for paragraph in document.paragraphs:
        words = paragraph.text.strip()
        if not words:
            continue
        style = (paragraph.style.name or "") if paragraph.style is not None else ""
        level = _heading_level(style)
        blocks.append(("#" * level + " " + words) if level else words)
    return "\n\n".join(blocks)


def _heading_level(style_name: str) -> int:
    if style_name == "Title":
        return 1
    match = re.match(r"Heading (\d)", style_name)
    return min(int(match.group(1)), 4) if match else 0


def load_yaml_data(path: Path) -> Any:
    """Load a curated data file (glossary, catalogues) from ``knowledge/data``."""
    with path.open(encoding="utf-8") as handle:
        return parse_yaml(handle)
