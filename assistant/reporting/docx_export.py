"""The plan as a Word document a consultant can edit and hand to the client.

Content and order come from ``document.plan_document``; this module only lays it out with
python-docx (imported here, so only the export pays for it).
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import TYPE_CHECKING

from assistant.coaching.state import SessionState
from assistant.reporting import static_charts
from assistant.reporting.document import (
    PlanDocument,
    goal_notes,
    initiative_meta,
    maturity_text,
    plan_document,
    quoted,
    smart_badge,
    source_caption,
    with_citations,
)
from assistant.reporting.views import Labels

if TYPE_CHECKING:
    from docx.document import Document

# Arial is on every office machine (LibreOffice maps it to Liberation Sans) and has
# Cyrillic and Nordic letters; Word falls back per glyph for ✓/✗.
FONT = "Arial"
LOCALES = {"en": "en-GB", "nb": "nb-NO", "sv": "sv-SE", "ru": "ru-RU"}
CHART_WIDTH_CM = 16.0
GOAL_COLUMN_CM = (0.8, 5.0, 2.6, 1.8, 1.8, 2.0, 2.6)


def _styles(document: Document, language: str) -> None:
    """One Cyrillic-capable font and the plan's language for every style we use."""
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    locale = LOCALES.get(language, language)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Quote"):
        style = document.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), locale)


A4_CM = (21.0, 29.7)
MARGIN_CM = 2.0


def _a4(document: Document) -> None:
    """A4 with even margins, as the PDF: the default template is US Letter."""
    from docx.shared import Cm

    for section in document.sections:
        section.page_width, section.page_height = Cm(A4_CM[0]), Cm(A4_CM[1])
        section.left_margin = section.right_margin = Cm(MARGIN_CM)
        section.top_margin = section.bottom_margin = Cm(MARGIN_CM)


def _table(document: Document, rows: list[list[str]], header: bool = True):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    if header:
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    return table


def _title_page(document: Document, doc: PlanDocument) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph(doc.title, style="Title")
    client = document.add_paragraph()
    client_run = client.add_run(doc.client)
    client_run.bold = True
    client_run.font.size = _pt(20)
    document.add_paragraph(doc.prepared_for)
    document.add_paragraph(doc.drafted_with)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _pt(size: float):
    from docx.shared import Pt

    return Pt(size)


def _picture(document: Document, png: bytes) -> None:
    from docx.shared import Cm

    document.add_picture(BytesIO(png), width=Cm(CHART_WIDTH_CM))


def _goals(document: Document, doc: PlanDocument, labels: Labels) -> None:
    from docx.shared import Cm

    document.add_heading(doc.sections["goals"], level=1)
    if not doc.goals:
        document.add_paragraph(doc.no_goals)
        return
    table = _table(document, [doc.goal_headers])
    for goal in doc.goals:
        values = [
            str(goal.number),
            with_citations(goal.statement, goal.citation_numbers),
            goal.metric,
            goal.baseline,
            goal.target,
            goal.deadline,
            smart_badge(goal),
        ]
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
        notes = goal_notes(goal, labels)
        if notes:
            merged = table.add_row().cells
            note_cell = merged[1].merge(merged[-1])
            note_cell.text = notes[0]
            for note in notes[1:]:
                note_cell.add_paragraph(note)
            for paragraph in note_cell.paragraphs:
                for run in paragraph.runs:
                    run.italic = True
    for row in table.rows:
        for cell, width in zip(row.cells, GOAL_COLUMN_CM, strict=False):
            cell.width = Cm(width)


def _roadmap(document: Document, doc: PlanDocument) -> None:
    document.add_heading(doc.sections["roadmap"], level=1)
    if not doc.lanes:
        document.add_paragraph(doc.no_initiatives)
    for lane, items in doc.lanes:
        document.add_heading(lane, level=2)
        for item in items:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(item.title).bold = True
            paragraph.add_run(f" — {initiative_meta(item, doc.priority_label)}")
            if item.description:
                paragraph.add_run(f"\n{item.description}")
            if item.rationale:
                paragraph.add_run(f"\n{item.rationale}").italic = True


def _sources(document: Document, doc: PlanDocument) -> None:
    document.add_heading(doc.sections["sources"], level=1)
    if not doc.sources:
        document.add_paragraph(doc.no_sources)
    for source in doc.sources:
        paragraph = document.add_paragraph()
        paragraph.add_run(source_caption(source)).bold = True
        paragraph.add_run(f"\n{source.heading}").italic = True
        for quote in source.quotes:
            text = f"{doc.quoted_label}: {quoted(quote, doc.language)}"
            document.add_paragraph(text, style="Quote")


def plan_docx(state: SessionState, today: date) -> bytes:
    """The whole plan (title page to sources) as .docx bytes, in the plan's language."""
    import docx

    doc = plan_document(state, today)
    labels = Labels(doc.language)
    document = docx.Document()
    _a4(document)
    _styles(document, doc.language)
    document.core_properties.title = f"{doc.title} – {doc.client}"
    document.core_properties.language = LOCALES.get(doc.language, doc.language)
    document.core_properties.author = "Strategy Coach"

    _title_page(document, doc)
    document.add_heading(doc.sections["profile"], level=1)
    _table(document, [[field, value] for field, value in doc.profile], header=False)

    document.add_heading(doc.sections["maturity"], level=1)
    _picture(document, static_charts.maturity_png(state.plan, labels))
    for row in doc.maturity + doc.maturity_overall:
        document.add_paragraph(f"{row.label}: {maturity_text(row, labels)}", style="List Bullet")
    document.add_paragraph(doc.maturity_note)
    if doc.top_gaps:
        document.add_heading(doc.sections["top_gaps"], level=2)
        for gap in doc.top_gaps:
            document.add_paragraph(gap, style="List Bullet")

    _goals(document, doc, labels)
    _roadmap(document, doc)
    document.add_heading(doc.sections["timeline"], level=1)
    _picture(document, static_charts.timeline_png(state.plan, labels))
    document.add_heading(doc.sections["review"], level=1)
    document.add_paragraph(doc.review)
    document.add_heading(doc.sections["open_questions"], level=1)
    for question in doc.open_questions:
        document.add_paragraph(question, style="List Bullet")
    if not doc.open_questions:
        document.add_paragraph(doc.no_open_questions)
    _sources(document, doc)

    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
