"""Plan exports (DOCX, PDF, Markdown, conversation) as a consultant would open them."""

from __future__ import annotations

import io
from datetime import date

import pytest

from assistant.coaching.catalogue import load_maturity_questions
from assistant.coaching.plan import DimensionState, LetterCheck, SmartLetters, StrategyPlan
from assistant.coaching.state import SessionState
from assistant.reporting import views
from assistant.reporting.export import EXPORT_FORMATS, ExportedFile, export, slug
from assistant.reporting.static_charts import maturity_bars, maturity_png, timeline_png

TODAY = date(2026, 11, 22)
PERSONAS = ("en-bike-shop", "nb-hotel", "sv-manufacturing", "ru-dental-clinic")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SMART_NAMES = ("specific", "measurable", "achievable", "relevant", "time_bound")


def _squash(text: str) -> str:
    """Text without whitespace: PDF lines wrap wherever the column ends."""
    return "".join(text.split())


def _docx_text(content: bytes) -> tuple[str, list[str], int]:
    """(all text incl. table cells, heading texts, number of inline pictures)."""
    import docx

    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    return "\n".join(parts), headings, len(document.inline_shapes)


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _embedded_fonts(content: bytes) -> set[str]:
    """Base names of fonts whose program is embedded in the PDF."""
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.add(str(font["/BaseFont"]))
    return names


def _badge(smart: SmartLetters) -> str:
    return " ".join(f"{n[0].upper()}{'✓' if getattr(smart, n).ok else '✗'}" for n in SMART_NAMES)


@pytest.fixture(scope="module")
def exported(finished_sessions: dict[str, SessionState]):
    cache: dict[tuple[str, str], ExportedFile] = {}

    def get(persona: str, fmt: str) -> ExportedFile:
        if (persona, fmt) not in cache:
            cache[persona, fmt] = export(finished_sessions[persona], fmt, TODAY)
        return cache[persona, fmt]

    return get


@pytest.mark.slow
@pytest.mark.parametrize("persona", PERSONAS)
def test_docx_has_the_whole_plan(persona, finished_sessions, exported) -> None:
    state = finished_sessions[persona]
    plan = state.plan
    labels = views.Labels(plan.language)
    text, headings, pictures = _docx_text(exported(persona, "docx").content)

    assert plan.profile.business_name and plan.profile.business_name in text
    assert plan.goals, "the persona should end with goals"
    for goal in plan.goals:
        assert goal.statement in text
        assert goal.smart is not None
        assert _badge(goal.smart) in text
    lanes_with_items = [name for name, items in views.lanes(plan, labels) if items]
    assert lanes_with_items
    for lane in lanes_with_items:
        assert lane in headings
    assert views.review_text(plan, labels) in text
    sources = views.cited_sources(state)
    assert sources
    for source in sources:
        assert source.title in text
    assert pictures == 2  # maturity chart and timeline


@pytest.mark.slow
@pytest.mark.parametrize("persona", PERSONAS)
def test_docx_declares_the_plan_language(persona, finished_sessions, exported) -> None:
    import docx

    document = docx.Document(io.BytesIO(exported(persona, "docx").content))
    language = finished_sessions[persona].plan.language
    assert document.core_properties.language.startswith(language)
    assert finished_sessions[persona].plan.profile.business_name in document.core_properties.title
    page = document.sections[0]
    assert (round(page.page_width.cm, 1), round(page.page_height.cm, 1)) == (21.0, 29.7)  # A4


@pytest.mark.slow
@pytest.mark.parametrize("persona", PERSONAS)
def test_pdf_text_survives_in_every_language(persona, finished_sessions, exported) -> None:
    plan = finished_sessions[persona].plan
    content = exported(persona, "pdf").content
    text = _squash(_pdf_text(content))

    assert _squash(plan.profile.business_name) in text
    for goal in plan.goals:
        assert _squash(goal.statement) in text
    if persona == "ru-dental-clinic":
        assert any("а" <= ch <= "я" for ch in plan.goals[0].statement.lower())
    if persona == "nb-hotel":
        nordic = [
            word
            for goal in plan.goals
            for word in goal.statement.split()
            if set(word.lower()) & set("åøæ")
        ]
        assert nordic
        heading = views.Labels("nb").of("sections", "open_questions")
        assert set(heading.lower()) & set("åø")
        assert _squash(heading) in text
        for word in nordic:
            assert word in text
    assert any("DejaVu" in name for name in _embedded_fonts(content))


@pytest.mark.slow
@pytest.mark.parametrize("persona", PERSONAS)
def test_markdown_has_every_section(persona, finished_sessions, exported) -> None:
    plan = finished_sessions[persona].plan
    labels = views.Labels(plan.language)
    markdown = exported(persona, "md").content.decode("utf-8")
    section_lines = {line.lstrip("#").strip() for line in markdown.splitlines() if line[:1] == "#"}
    for key in ("profile", "maturity", "goals", "roadmap", "timeline", "review", "sources"):
        assert labels.of("sections", key) in section_lines
    assert labels.of("sections", "open_questions") in section_lines
    for goal in plan.goals:
        assert goal.statement in markdown
    assert views.review_text(plan, labels) in markdown


@pytest.mark.slow
@pytest.mark.parametrize("persona", PERSONAS)
def test_transcript_keeps_every_user_message(persona, finished_sessions, exported) -> None:
    state = finished_sessions[persona]
    file = exported(persona, "transcript")
    markdown = file.content.decode("utf-8")
    user_turns = [turn.content.strip() for turn in state.transcript if turn.role == "user"]
    assert user_turns
    for message in user_turns:
        assert message in markdown
    assert views.Labels(state.plan.language).of("roles", "user") in markdown
    assert file.filename.endswith(f"-conversation-{TODAY.isoformat()}.md")


@pytest.mark.slow
@pytest.mark.parametrize("persona", PERSONAS)
def test_filenames_name_the_client_and_date(persona, finished_sessions, exported) -> None:
    name = finished_sessions[persona].plan.profile.business_name
    first_word = name.split()[0].casefold()
    for fmt in ("md", "docx", "pdf"):
        file = exported(persona, fmt)
        assert file.filename.startswith(first_word)
        assert file.filename.endswith(f"-strategy-{TODAY.isoformat()}.{fmt}")
        assert "/" not in file.filename and " " not in file.filename


@pytest.mark.slow
def test_failing_letters_and_measuring_step_are_explained(finished_sessions) -> None:
    state = finished_sessions["en-bike-shop"].model_copy(deep=True)
    goal = state.plan.goals[0]
    letters = goal.smart.model_copy(
        update={"achievable": LetterCheck(ok=False, reason="Tripling sales in a month is a leap.")}
    )
    state.plan.goals[0] = goal.model_copy(
        update={"smart": letters, "measuring_step": "Count webshop orders for 30 days."}
    )
    docx_text, _, _ = _docx_text(export(state, "docx", TODAY).content)
    pdf_text = _squash(_pdf_text(export(state, "pdf", TODAY).content))
    markdown = export(state, "md", TODAY).content.decode("utf-8")
    for text in (docx_text, markdown):
        assert "A✗" in text
        assert "Tripling sales in a month is a leap." in text
        assert "Count webshop orders for 30 days." in text
    assert _squash("Tripling sales in a month is a leap.") in pdf_text


def test_empty_plan_exports_everything_and_says_no_goals_yet() -> None:
    state = SessionState()
    no_goals = views.Labels(state.plan.language).text("no_goals")
    for fmt in EXPORT_FORMATS:
        file = export(state, fmt, TODAY)
        assert file.content
        assert file.filename.endswith(
            f"-{TODAY.isoformat()}.{'md' if fmt in ('md', 'transcript') else fmt}"
        )
        if fmt == "md":
            assert no_goals in file.content.decode("utf-8")
        elif fmt == "docx":
            assert no_goals in _docx_text(file.content)[0]
        elif fmt == "pdf":
            assert _squash(no_goals) in _squash(_pdf_text(file.content))
    assert export(state, "pdf", TODAY).content.startswith(b"%PDF")


def test_markdown_table_survives_pipes_in_owner_text() -> None:
    from assistant.coaching.plan import Goal

    state = SessionState()
    state.plan.goals.append(Goal(id="g1", statement="Grow | shrink\nsales"))
    markdown = export(state, "md", TODAY).content.decode("utf-8")
    rows = [line for line in markdown.splitlines() if line.startswith("| 1 |")]
    assert len(rows) == 1
    assert "Grow \\| shrink sales" in rows[0]


def _plan_with(dimensions: dict[str, DimensionState]) -> StrategyPlan:
    plan = StrategyPlan()
    for name, state in dimensions.items():
        setattr(plan.current_state.maturity, name, state)
    return plan


def test_unknown_maturity_is_not_drawn_as_zero() -> None:
    labels = views.Labels("en")
    known = {"strategy": DimensionState(score=60, answered_share=1.0)}
    unknown = _plan_with(known)  # the other five dimensions are unanswered
    zeros = _plan_with(
        known
        | {
            name: DimensionState(score=0, answered_share=1.0)
            for name in ("readiness", "human_centric", "data_security", "automation_ai", "green")
        }
    )
    unknown_bars = maturity_bars(unknown, labels)
    zero_bars = maturity_bars(zeros, labels)
    assert [bar.kind for bar in unknown_bars].count("unknown") == 5
    assert all(bar.score is None for bar in unknown_bars if bar.kind == "unknown")
    assert all(labels.text("unknown_score") in bar.text for bar in unknown_bars[1:])
    assert [bar.kind for bar in zero_bars] == ["scored"] * 6
    assert maturity_png(unknown, labels) != maturity_png(zeros, labels)


@pytest.mark.parametrize("language", ["en", "nb", "sv", "ru"])
def test_every_export_shows_the_dma_comparable_score_and_how_the_questionnaire_differs(
    language,
) -> None:
    state = SessionState(language=language)
    state.plan = _plan_with({"strategy": DimensionState(score=60, answered_share=0.5)})
    state.plan.language = language
    labels = views.Labels(language)
    dma = labels.dimension("dma_overall")
    count = len(load_maturity_questions().questions)
    note = labels.interview.say("maturity_note", count=count)
    texts = {
        "md": export(state, "md", TODAY).content.decode("utf-8"),
        "docx": _docx_text(export(state, "docx", TODAY).content)[0],
        "pdf": _pdf_text(export(state, "pdf", TODAY).content),
    }
    for fmt, text in texts.items():
        assert _squash(f"{dma}: 5 – {labels.band('basic')}") in _squash(text), fmt
        assert _squash(note) in _squash(text), fmt


def test_provisional_scores_are_marked() -> None:
    labels = views.Labels("sv")
    plan = _plan_with({"green": DimensionState(score=40, answered_share=0.25)})
    green = next(bar for bar in maturity_bars(plan, labels) if bar.kind != "unknown")
    assert green.kind == "provisional"
    assert labels.text("provisional") in green.text
    assert green.alpha < 1


def test_charts_are_png_even_for_an_empty_plan() -> None:
    labels = views.Labels("ru")
    plan = StrategyPlan(language="ru")
    assert maturity_png(plan, labels).startswith(PNG_SIGNATURE)
    assert timeline_png(plan, labels).startswith(PNG_SIGNATURE)


@pytest.mark.slow
@pytest.mark.parametrize("persona", PERSONAS)
def test_persona_charts_are_png(persona, finished_sessions) -> None:
    plan = finished_sessions[persona].plan
    labels = views.Labels(plan.language)
    assert maturity_png(plan, labels).startswith(PNG_SIGNATURE)
    assert timeline_png(plan, labels).startswith(PNG_SIGNATURE)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Gnosjö Plåtteknik AB", "gnosjö-plåtteknik-ab"),
        ("Денталика", "денталика"),
        ("Fjordtun Hotell / Bar & Café", "fjordtun-hotell-bar-café"),
        ("../../etc/passwd", "etc-passwd"),
        ("  *** ", "strategy-plan"),
        (None, "strategy-plan"),
    ],
)
def test_slug_keeps_letters_and_drops_the_rest(name, expected) -> None:
    assert slug(name) == expected


def test_slug_is_capped() -> None:
    assert len(slug("Æ" * 500)) <= 60
