"""Reading user files: every supported type gives clean text; every bad file a short reason."""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.knowledge.loaders import UnreadableDocument, load_document

# ----- builders for real binary documents (run inside tests, never at import) -----


def _pdf_bytes(*paragraphs: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 8, paragraph, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _blank_pdf_bytes() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    return bytes(pdf.output())


def _docx_bytes(heading: str, *paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ----- supported types -----


def test_markdown_front_matter_gives_title_language_tags_and_section_notes(tmp_path: Path) -> None:
    source = (
        "---\n"
        "id: smart-goals-guide\n"
        'title: "Setting SMART goals"\n'
        "language: en\n"
        "author: Kari Nordmann\n"
        "tags: [goals, kpi]\n"
        "sections:\n"
        '  - heading: "Why goals matter"\n'
        "    summary:\n"
        '      en: "Goals keep a small team focused."\n'
        '      nb: "Mål holder et lite team fokusert."\n'
        "    keywords:\n"
        '      nb: ["mål", "fokus"]\n'
        "---\n"
        "# Setting SMART goals\n\n"
        "## Why goals matter\n\n"
        "A goal that can be measured keeps a small team focused on what pays.\n"
    )
    path = _write(tmp_path, "smart.md", source)

    doc = load_document(path)

    assert doc.title == "Setting SMART goals"
    assert doc.language == "en"
    assert doc.doc_id == "smart-goals-guide"
    assert doc.author == "Kari Nordmann"
    assert doc.tags == ["goals", "kpi"]
    assert [s.heading for s in doc.sections] == ["Why goals matter"]
    assert doc.sections[0].summary["nb"] == "Mål holder et lite team fokusert."
    assert doc.sections[0].keywords["nb"] == ["mål", "fokus"]
    # the front matter is metadata, not text to search
    assert doc.text.startswith("# Setting SMART goals\n")
    assert "sections:" not in doc.text and "---" not in doc.text
    assert doc.source == "smart.md"
    assert doc.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_markdown_without_front_matter_takes_title_from_heading_and_detects_language(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path,
        "maal.md",
        "# Mål for nettbutikken\n\n"
        "Små bedrifter må sette seg tydelige mål for nettbutikken og følge opp hver måned.\n",
    )
    doc = load_document(path)
    assert doc.title == "Mål for nettbutikken"
    assert doc.language == "nb"
    assert doc.doc_id.startswith("maal-")  # unique per location: two folders may hold maal.md


def test_windows_markdown_with_bom_and_crlf_reads_front_matter(tmp_path: Path) -> None:
    raw = (
        "\ufeff---\r\ntitle: Windows note\r\nlanguage: nb\r\n---\r\n"
        "# Overskrift\r\n\r\nTekst om mål.\r\n"
    )
    path = _write(tmp_path, "windows.md", raw.encode("utf-8"))
    doc = load_document(path)
    assert doc.title == "Windows note"
    assert doc.language == "nb"
    assert doc.text == "# Overskrift\n\nTekst om mål.\n"


def test_utf8_text_keeps_nordic_letters_and_cyrillic_exactly(tmp_path: Path) -> None:
    text = (
        "Små bedrifter må sette seg tydelige mål for nettbutikken og følge opp hver måned.\n"
        "Företaget måste sätta tydliga mål för webbutiken.\n"
        "Малый бизнес должен ставить чёткие цели.\n"
    )
    path = _write(tmp_path, "mine-notater.txt", text)
    doc = load_document(path)
    assert doc.text == text
    assert doc.title == "mine notater"


def test_utf8_text_in_russian_is_detected_as_russian(tmp_path: Path) -> None:
    text = (
        "Малый бизнес должен ставить чёткие цели для интернет-магазина и проверять их каждый месяц."
    )
    doc = load_document(_write(tmp_path, "celi.txt", text))
    assert doc.text == text
    assert doc.language == "ru"


def test_utf16_text_with_bom_is_read(tmp_path: Path) -> None:
    text = "Företaget måste sätta tydliga mål för webbutiken och följa upp dem varje månad."
    doc = load_document(_write(tmp_path, "notepad.txt", text.encode("utf-16")))
    assert doc.text == text
    assert doc.language == "sv"


def test_legacy_windows_1252_norwegian_text_decodes_to_the_right_letters(tmp_path: Path) -> None:
    text = "Blåbærsyltetøy og ærlige søstre gir en god smørbrød på kvelden, sa han."
    doc = load_document(_write(tmp_path, "gammel.txt", text.encode("cp1252")))
    assert doc.text == text


def test_html_headings_become_markdown_and_scripts_are_removed(tmp_path: Path) -> None:
    html = """<!doctype html>
<html lang="sv-SE">
<head>
  <title>Digitala mål</title>
  <style>body { color: red; }</style>
  <script>var tracking = "SECRET_TRACKER";</script>
</head>
<body>
  <nav>Meny Hem Kontakt</nav>
  <h1>Identifiera digitala mål</h1>
  <p>Företaget måste sätta <b>tydliga</b> mål för webbutiken.</p>
  <script>alert("POPUP_SCRIPT")</script>
  <h2>SMART-mål</h2>
  <ul><li>Specifik</li><li>Mätbar</li></ul>
</body>
</html>"""
    doc = load_document(_write(tmp_path, "mal.html", html))

    assert doc.text.split("\n\n") == [
        "# Identifiera digitala mål",
        "Företaget måste sätta tydliga mål för webbutiken.",
        "## SMART-mål",
        "- Specifik",
        "- Mätbar",
    ]
    for leftover in ("SECRET_TRACKER", "POPUP_SCRIPT", "color: red", "Meny", "<"):
        assert leftover not in doc.text
    assert doc.title == "Digitala mål"
    assert doc.language == "sv"


def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    raw = _pdf_bytes(
        "Digital strategy for small businesses.",
        "Set SMART goals and measure them every month.",
    )
    doc = load_document(_write(tmp_path, "strategy-brief.pdf", raw))
    words = " ".join(doc.text.split())
    assert "Digital strategy for small businesses." in words
    assert "Set SMART goals and measure them every month." in words
    assert doc.title == "strategy brief"
    assert doc.language == "en"


def test_docx_heading_becomes_markdown_heading_and_paragraphs_are_kept(tmp_path: Path) -> None:
    raw = _docx_bytes(
        "Roadmap planning",
        "First we map where the shop stands today.",
        "",
        "Then we agree on three goals for the year.",
    )
    doc = load_document(_write(tmp_path, "plan.docx", raw))
    assert doc.text == (
        "# Roadmap planning\n\n"
        "First we map where the shop stands today.\n\n"
        "Then we agree on three goals for the year."
    )
    assert doc.title == "Roadmap planning"
    assert doc.language == "en"


def test_upper_case_suffix_is_accepted(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path, "NOTES.TXT", "Plain notes about the webshop launch."))
    assert doc.text == "Plain notes about the webshop launch."


# ----- bad files: one short line each, never another exception -----

_PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(64)


def _random_bytes(size: int) -> bytes:
    generator = random.Random(20240601)
    return bytes(generator.randrange(256) for _ in range(size))


def _truncated_pdf() -> bytes:
    raw = _pdf_bytes("Digital strategy for small businesses.")
    return raw[: len(raw) // 2]


def _pdf_with_unknown_filter() -> bytes:
    raw = _pdf_bytes("Digital strategy for small businesses.")
    assert b"/FlateDecode" in raw
    return raw.replace(b"/FlateDecode", b"/FlateDecodX")


def _truncated_docx() -> bytes:
    raw = _docx_bytes("Roadmap", "Text.")
    return raw[: len(raw) // 2]


BAD_FILES: list[tuple[str, Callable[[], bytes], str]] = [
    ("picture.txt", lambda: _PNG_HEADER, "binary"),
    ("empty.md", lambda: b"", "empty"),
    ("empty.pdf", lambda: b"", "empty"),
    ("blank.txt", lambda: b"  \n\t \r\n  ", "empty"),
    ("random.pdf", lambda: _random_bytes(4000), "pdf"),
    ("truncated.pdf", _truncated_pdf, "pdf"),
    ("unknown-filter.pdf", _pdf_with_unknown_filter, "pdf"),
    ("scan.pdf", _blank_pdf_bytes, "no extractable text"),
    ("random.docx", lambda: _random_bytes(4000), "docx"),
    ("zip-like.docx", lambda: b"PK\x03\x04" + _random_bytes(500), "docx"),
    ("truncated.docx", _truncated_docx, "docx"),
    ("setup.exe", lambda: b"MZ\x90\x00" + bytes(60), "unsupported"),
    ("budget.xlsx", lambda: b"PK\x03\x04" + bytes(60), "unsupported"),
    ("no-suffix", lambda: b"just text", "unsupported"),
    ("garbled.txt", lambda: bytes(range(128, 256)) * 50, "encoding"),
    ("bad-yaml.md", lambda: b"---\ntitle: [unclosed\n---\n# Hi\n\nSome body text.\n", "yaml"),
    ("list-yaml.md", lambda: b"---\n- one\n- two\n---\n# Hi\n\nSome body text.\n", "front matter"),
    ("only-front-matter.md", lambda: b"---\ntitle: Nothing else\n---\n", "no text"),
    ("empty-page.html", lambda: b"<html><body><script>x()</script></body></html>", "no text"),
]


@pytest.mark.parametrize(
    ("name", "make_bytes", "expected"), BAD_FILES, ids=[name for name, _, _ in BAD_FILES]
)
def test_bad_file_gives_one_short_line_reason(
    tmp_path: Path, name: str, make_bytes: Callable[[], bytes], expected: str
) -> None:
    path = _write(tmp_path, name, make_bytes())
    with pytest.raises(UnreadableDocument) as caught:
        load_document(path)
    reason = str(caught.value)
    assert expected in reason.lower()
    assert reason.strip() == reason and reason
    assert "\n" not in reason
    assert len(reason) < 160
    assert "Traceback" not in reason


def test_unsupported_type_names_the_types_that_are_supported(tmp_path: Path) -> None:
    path = _write(tmp_path, "budget.xlsx", b"PK\x03\x04" + bytes(60))
    with pytest.raises(UnreadableDocument, match=r"\.xlsx") as caught:
        load_document(path)
    for suffix in (".md", ".txt", ".html", ".pdf", ".docx"):
        assert suffix in str(caught.value)


def test_text_in_no_sensible_encoding_asks_for_utf8_instead_of_indexing_garbage(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "garbled.txt", bytes(range(128, 256)) * 50)
    with pytest.raises(UnreadableDocument) as caught:
        load_document(path)
    assert "UTF-8" in str(caught.value)


def test_missing_file_is_reported_not_raised_as_os_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="cannot read"):
        load_document(tmp_path / "gone.md")
