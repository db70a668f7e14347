"""The plan as a PDF to hand over as is: same content and order as the DOCX.

Text is set in the DejaVu Sans that ships inside matplotlib, embedded (subset) in the file,
so Cyrillic and å/ä/ø/æ/ö print and copy correctly on any machine with nothing downloaded.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

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

FAMILY = "DejaVu"
LOCALES = {"en": "en-GB", "nb": "nb-NO", "sv": "sv-SE", "ru": "ru-RU"}
GOAL_COLUMNS = (5, 30, 15, 10, 10, 12, 18)  # shares of the page width
BODY = 10
SMALL = 8.5
LINE = 5.0


def font_files() -> dict[str, Path]:
    """DejaVu Sans regular/bold/oblique from matplotlib's data folder (always installed)."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {
        "": folder / "DejaVuSans.ttf",
        "B": folder / "DejaVuSans-Bold.ttf",
        "I": folder / "DejaVuSans-Oblique.ttf",
    }


class _PlanPdf(FPDF):
    """A4 pages with 'n / total' in the footer."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(110)
        self.cell(0, 6, f"{self.page_no()} / {{nb}}", align="C")
        self.set_text_color(0)


def _new_pdf(doc: PlanDocument) -> _PlanPdf:
    pdf = _PlanPdf(format="A4")
    for style, path in font_files().items():
        pdf.add_font(FAMILY, style, str(path))
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title(f"{doc.title} – {doc.client}")
    pdf.set_lang(LOCALES.get(doc.language, doc.language))
    pdf.set_author("Strategy Coach")
    pdf.set_creator("Strategy Coach")
    return pdf


def _text(pdf: FPDF, text: str, size: float = BODY, style: str = "", indent: float = 0) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _heading(pdf: FPDF, text: str, level: int = 1) -> None:
    size = 15 if level == 1 else 12
    if pdf.get_y() > pdf.page_break_trigger - 45:  # keep a heading with what follows
        pdf.add_page()
    pdf.ln(4 if level == 1 else 2)
    _text(pdf, text, size, "B")
    pdf.ln(1.5)


def _bullet(pdf: FPDF, text: str, size: float = BODY, style: str = "") -> None:
    pdf.set_font(FAMILY, "", size)
    pdf.cell(5, size * 0.5, "•")
    _text(pdf, text, size, style, indent=5)
    pdf.ln(0.8)


def _image(pdf: FPDF, png: bytes) -> None:
    """Full width, or narrower if a tall chart (many initiatives) would not fit on a page."""
    width_px = int.from_bytes(png[16:20], "big")
    height_px = int.from_bytes(png[20:24], "big")
    usable = pdf.page_break_trigger - pdf.t_margin
    width = min(pdf.epw, usable * width_px / height_px)
    pdf.image(BytesIO(png), x=pdf.l_margin + (pdf.epw - width) / 2, w=width)
    pdf.ln(2)


def _title_page(pdf: FPDF, doc: PlanDocument) -> None:
    pdf.add_page()
    pdf.ln(60)
    _text(pdf, doc.title, 26, "B")
    pdf.ln(6)
    _text(pdf, doc.client, 18, "B")
    pdf.ln(10)
    _text(pdf, doc.prepared_for, 12)
    pdf.ln(2)
    _text(pdf, doc.drafted_with, 11)
    pdf.add_page()


def _profile(pdf: FPDF, doc: PlanDocument) -> None:
    _heading(pdf, doc.sections["profile"])
    pdf.set_font(FAMILY, "", BODY)
    with pdf.table(col_widths=(35, 65), first_row_as_headings=False, text_align="LEFT") as table:
        for field, value in doc.profile:
            row = table.row()
            row.cell(field, style=FontFace(emphasis="BOLD"))
            row.cell(value)


def _maturity(pdf: FPDF, doc: PlanDocument, labels: Labels, png: bytes) -> None:
    _heading(pdf, doc.sections["maturity"])
    _image(pdf, png)
    for row in doc.maturity + doc.maturity_overall:
        _bullet(pdf, f"{row.label}: {maturity_text(row, labels)}", SMALL)
    _text(pdf, doc.maturity_note, SMALL)
    if doc.top_gaps:
        _heading(pdf, doc.sections["top_gaps"], level=2)
        for gap in doc.top_gaps:
            _bullet(pdf, gap)


def _goals(pdf: FPDF, doc: PlanDocument, labels: Labels) -> None:
    _heading(pdf, doc.sections["goals"])
    if not doc.goals:
        _text(pdf, doc.no_goals)
        return
    pdf.set_font(FAMILY, "", SMALL)
    with pdf.table(
        col_widths=GOAL_COLUMNS,
        text_align="LEFT",
        line_height=SMALL * 0.5,
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
        padding=1.2,
    ) as table:
        header = table.row()
        for name in doc.goal_headers:
            header.cell(name)
        for goal in doc.goals:
            row = table.row()
            values = [
                str(goal.number),
                with_citations(goal.statement, goal.citation_numbers),
                goal.metric,
                goal.baseline,
                goal.target,
                goal.deadline,
                smart_badge(goal),
            ]
            for value in values:
                row.cell(value)
            notes = goal_notes(goal, labels)
            if notes:
                note_row = table.row()
                note_row.cell("")
                note_row.cell(
                    "\n".join(notes), colspan=len(values) - 1, style=FontFace(emphasis="ITALICS")
                )


def _roadmap(pdf: FPDF, doc: PlanDocument) -> None:
    _heading(pdf, doc.sections["roadmap"])
    if not doc.lanes:
        _text(pdf, doc.no_initiatives)
    for lane, items in doc.lanes:
        _heading(pdf, lane, level=2)
        for item in items:
            _bullet(pdf, item.title, style="B")
            _text(pdf, initiative_meta(item, doc.priority_label), SMALL, indent=5)
            if item.description:
                _text(pdf, item.description, SMALL, indent=5)
            if item.rationale:
                _text(pdf, item.rationale, SMALL, "I", indent=5)
            pdf.ln(1.5)


def _sources(pdf: FPDF, doc: PlanDocument) -> None:
    _heading(pdf, doc.sections["sources"])
    if not doc.sources:
        _text(pdf, doc.no_sources)
    for source in doc.sources:
        _text(pdf, source_caption(source), BODY, "B")
        _text(pdf, source.heading, SMALL, "I")
        for quote in source.quotes:
            pdf.ln(0.8)
            _text(pdf, f"{doc.quoted_label}: {quoted(quote, doc.language)}", SMALL, indent=6)
        pdf.ln(2.5)


def plan_pdf(state: SessionState, today: date) -> bytes:
    """The whole plan (title page to sources) as PDF bytes, in the plan's language."""
    doc = plan_document(state, today)
    labels = Labels(doc.language)
    pdf = _new_pdf(doc)
    _title_page(pdf, doc)
    _profile(pdf, doc)
    _maturity(pdf, doc, labels, static_charts.maturity_png(state.plan, labels))
    _goals(pdf, doc, labels)
    _roadmap(pdf, doc)
    _heading(pdf, doc.sections["timeline"])
    _image(pdf, static_charts.timeline_png(state.plan, labels))
    _heading(pdf, doc.sections["review"])
    _text(pdf, doc.review)
    _heading(pdf, doc.sections["open_questions"])
    for question in doc.open_questions:
        _bullet(pdf, question)
    if not doc.open_questions:
        _text(pdf, doc.no_open_questions)
    _sources(pdf, doc)
    return bytes(pdf.output())
