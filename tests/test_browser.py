"""The web app in a real browser: Debian's chromium driven by Playwright.

An owner types a short interview, watches the goals table and the timeline fill, follows a
citation to its passage, edits a goal, and downloads the plan as DOCX, which python-docx opens.
The browser may reach only the app on localhost: any other request (a CDN, fonts, analytics)
fails the test, which proves the page works with the network closed.

Set ``COACH_SCREENSHOTS_DIR`` to keep screenshots of the main screens (``make screenshots``).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
from app_server import running_app

from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.server]
TURN_TIMEOUT_MS = 60_000


def _chromium() -> str | None:
    return os.environ.get("COACH_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        message = "Debian's chromium is not installed (run 'make browser')"
        if os.environ.get("COACH_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                # the network is closed: only the app on localhost resolves
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def app(seeded_data_dir) -> Iterator[tuple[str, CoachService]]:
    settings = Settings(data_dir=seeded_data_dir("browser"))
    service = CoachService(settings, today=lambda: date(2026, 11, 22))
    with running_app(service) as url:
        yield url, service


class Screen:
    """One browser tab on the app, with the steps an owner takes."""

    def __init__(self, browser, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1500, "height": 1000})
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", self._watch)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url)
        self.page.wait_for_selector("#message textarea")
        self.wait_turns(self.turns())

    def _watch(self, request) -> None:
        host = urlparse(request.url).hostname
        if request.url.startswith("http") and host not in ("127.0.0.1", "localhost"):
            self.outside.append(request.url)

    def turns(self) -> int:
        marker = self.page.locator("#turn-marker span")
        marker.wait_for(state="attached", timeout=TURN_TIMEOUT_MS)
        return int(marker.get_attribute("data-turns") or 0)

    def wait_turns(self, count: int) -> None:
        self.page.wait_for_selector(
            f"#turn-marker span[data-turns='{count}']", state="attached", timeout=TURN_TIMEOUT_MS
        )

    def send(self, text: str) -> None:
        before = self.turns()
        self.page.fill("#message textarea", text)
        self.page.click("#send")
        self.wait_turns(before + 2)

    def tab(self, name: str) -> None:
        self.page.get_by_role("tab", name=name, exact=True).click()

    def shot(self, name: str) -> None:
        folder = os.environ.get("COACH_SCREENSHOTS_DIR")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)

    def last_reply(self) -> str:
        return self.page.locator("#chat [data-testid='bot']").last.inner_text()


def _script(name: str) -> list[str]:
    path = PROJECT_ROOT / "evals" / "personas" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))["script"]


def test_interview_fills_the_plan_then_edit_and_export(browser, app, tmp_path) -> None:
    url, service = app
    screen = Screen(browser, url)
    page = screen.page
    welcome = page.locator("#chat").inner_text()  # the first screen invites, in each language
    assert "Tell me about your business" in welcome and "Расскажите" in welcome
    for message in _script("en-bike-shop"):
        screen.send(message)

    goals = page.locator("[data-testid='goals-table'] tr[data-goal-id]")
    assert goals.count() >= 3
    assert (
        page.locator("[data-testid='goals-table'] tr[data-goal-id] [data-letter]").count()
        == 5 * goals.count()
    )
    assert page.locator("[data-testid='lane-short'] [data-initiative-id]").count() >= 1
    bars = page.locator("#timeline-chart .barlayer .point")
    bars.first.wait_for()
    assert bars.count() >= 6
    assert page.locator("#maturity-chart .barlayer .point").count() >= 6
    screen.shot("plan")

    # a citation marker in a reply opens its passage in the sources panel
    marker = page.locator("#chat a[href^='#source-']").first
    target = marker.get_attribute("href")
    marker.click()
    passage = page.locator(f"[id='{target.lstrip('#')}']")
    passage.wait_for(state="visible")
    assert passage.locator("mark").count() >= 1
    screen.shot("sources")

    # edit the first goal's target: the SMART check reruns and the plan shows the new number
    screen.tab("Edit plan")
    page.click("#goal-pick input")
    page.get_by_role("option").first.click()
    page.wait_for_function("document.querySelector('#goal-statement textarea').value.length > 0")
    goal_id = service.session(screen_session(page)).plan.goals[0].id
    new_target = 9999
    page.fill("#goal-target input", str(new_target))
    page.click("#save-goal")
    page.wait_for_selector("#edit-note :text('Saved')")
    screen.shot("edit")
    screen.tab("Plan")
    row = page.locator(f"[data-testid='goals-table'] tr[data-goal-id='{goal_id}']")
    row.locator(":text('9 999')").first.wait_for()
    achievable = row.locator("[data-letter='A']")
    assert achievable.get_attribute("data-ok") == "false"  # 9,999 is not realistic

    # download the plan as DOCX and read it back
    page.click("#export-button")
    link = page.locator("#export-file a").first
    link.wait_for()
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".docx"
    from docx import Document

    document = Document(str(saved))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "Northwind Cycles" in text
    assert "9 999" in text or "9999" in text
    assert len(document.inline_shapes) == 2  # maturity chart and timeline

    # the next client's session shows nothing of this one: no file, no "Saved" notes
    page.click("#new-session")
    page.locator("#export-file a").first.wait_for(state="detached")
    page.locator("#edit-note :text('Saved')").wait_for(state="detached")

    assert screen.outside == [], f"the page reached outside localhost: {screen.outside[:3]}"
    assert screen.errors == []


def screen_session(page) -> str:
    """The id of the session the page shows (the one selected in the session list)."""
    return page.locator("#session-list input:checked").get_attribute("value")


def test_answer_controls_in_the_owners_language(browser, app) -> None:
    url, service = app
    screen = Screen(browser, url)
    page = screen.page
    page.click("#new-session")
    screen.wait_turns(0)
    screen.send(_script("nb-hotel")[0])
    single = page.locator(".quick-single:visible")
    single.first.wait_for()
    assert single.first.get_by_text("Vet ikke").count() == 1
    single.first.get_by_text("Ja", exact=True).click()
    checklist = page.locator(".quick-checklist:visible")
    checklist.first.locator("label").first.click()
    before = screen.turns()
    page.click("#send")
    screen.wait_turns(before + 2)
    user_turns = page.locator("#chat [data-testid='user']")
    assert "Mine svar:" in user_turns.last.inner_text()
    session = service.session(screen_session(page))
    assert session.maturity_answers, "the picks reached the coach"
    screen.shot("answer-controls")
    assert screen.outside == []


def test_sessions_rename_switch_and_language_override(browser, app) -> None:
    url, service = app
    screen = Screen(browser, url)
    page = screen.page
    page.click("#new-session")
    screen.wait_turns(0)
    page.get_by_label("Reply language").click()
    page.get_by_role("option", name="Svenska").click()
    screen.send("Hello, we are a small bakery in Oslo with 6 people.")
    first = screen_session(page)
    assert service.session(first).language == "sv"
    page.fill("[placeholder='e.g. Client: Northwind'] >> visible=true", "Client: Bakery")
    page.get_by_role("button", name="Rename").click()
    page.locator("#session-list :text('Client: Bakery')").first.wait_for()

    page.click("#new-session")
    screen.wait_turns(0)
    assert page.locator("#chat [data-testid='user']").count() == 0
    page.locator("#session-list label", has_text="Client: Bakery").click()
    screen.wait_turns(2)
    assert "bakery" in page.locator("#chat [data-testid='user']").first.inner_text()
    screen.shot("sessions")
    assert screen.outside == []


def test_upload_is_searchable_and_a_thumbs_down_becomes_a_case(browser, app, tmp_path) -> None:
    url, service = app
    screen = Screen(browser, url)
    page = screen.page
    good = tmp_path / "loyalty-stamps.md"
    good.write_text(
        "# Loyalty stamps\n\nA zorblaxian stamp card rewards every tenth coffee with a free "
        "pastry, which brings regulars back twice as often.\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    screen.tab("Knowledge")
    page.locator("#uploads input[type='file']").set_input_files([str(good), str(broken)])
    page.locator("#uploads :text('broken')").first.wait_for()  # name and suffix apart
    page.click("#add-documents")
    report = page.locator("#upload-report")
    report.locator(":text('loyalty-stamps.md')").wait_for()
    assert "added" in report.inner_text()
    assert "broken.pdf" in report.inner_text()  # with its one-line reason
    page.fill("#search-query textarea, #search-query input", "zorblaxian stamp card")
    page.click("#search-button")
    page.locator("#search-results :text('zorblaxian')").first.wait_for()

    page.click("#new-session")
    screen.wait_turns(0)
    screen.send("Hello! We are Kaffebar Nord, a café in Tromsø with 4 people.")
    page.locator("#chat [data-testid='bot']").last.hover()
    page.locator("#chat [aria-label='Dislike']").last.click()
    page.locator("#feedback-text textarea").fill("It should have asked about our coffee.")
    page.click("#feedback-send")
    page.locator("#coach-status :text('comment is saved')").wait_for()
    cases = list((service.settings.data_dir / "feedback" / "cases").glob("*.json"))
    assert len(cases) == 1
    case = json.loads(cases[0].read_text(encoding="utf-8"))
    assert case["comment"] == "It should have asked about our coffee."
    assert case["script"] == ["Hello! We are Kaffebar Nord, a café in Tromsø with 4 people."]
    assert screen.outside == []


def test_html_and_script_show_as_text_and_never_run(browser, app, tmp_path) -> None:
    url, _service = app
    screen = Screen(browser, url)
    page = screen.page
    page.click("#new-session")
    screen.wait_turns(0)
    hostile = (
        'We are <img src=x onerror="window.__pwned=1"> Cycles '
        "<script>window.__pwned=2</script> with 9 people."
    )
    screen.send(hostile)
    user_bubble = page.locator("#chat [data-testid='user']").last
    assert "<script>window.__pwned=2</script>" in user_bubble.inner_text()
    document = tmp_path / "hostile.html"
    document.write_text(
        "<html><body><h1>Pricing notes</h1><p>Quarkle loyalty cards "
        '<img src=x onerror="window.__pwned=3"> bring customers back.</p>'
        "<script>window.__pwned=4</script></body></html>",
        encoding="utf-8",
    )
    screen.tab("Knowledge")
    page.locator("#uploads input[type='file']").set_input_files([str(document)])
    page.locator("#uploads :text('hostile')").first.wait_for()
    page.click("#add-documents")
    page.locator("#upload-report :text('hostile.html')").wait_for()
    page.fill("#search-query textarea, #search-query input", "Quarkle loyalty cards")
    page.click("#search-button")
    page.locator("#search-results :text('Quarkle')").first.wait_for()
    page.wait_for_timeout(500)  # give any injected handler the chance to fire
    assert page.evaluate("window.__pwned") is None
    assert screen.errors == [] and screen.outside == []


def test_a_misread_fact_is_fixed_in_the_what_i_understood_table(browser, app) -> None:
    url, service = app
    screen = Screen(browser, url)
    page = screen.page
    screen.send("Hi, we're Hallam & Sons, plumbers in Manchester, 9 of us, turnover about £1.2m")
    screen.tab("Understood")
    staff = page.locator("#fact-staff input")
    page.wait_for_function("document.querySelector('#fact-staff input').value === '9'")
    assert "9 of us" in page.locator("#fact-staff").inner_text()  # the owner's own words
    staff.fill("11")
    page.click("#save-profile")
    page.wait_for_selector("#profile-note :text('Saved')")
    screen.tab("Plan")
    page.locator("[data-testid='profile'] dd", has_text="11").first.wait_for()
    assert service.session(screen_session(page)).plan.profile.staff == 11
    assert not screen.errors and not screen.outside


def test_a_plan_is_started_from_a_pasted_brief(browser, app) -> None:
    url, _ = app
    screen = Screen(browser, url)
    page = screen.page
    screen.tab("Brief")
    page.fill(
        "#brief-text textarea",
        "Client: Nordvik Bakeri AS, bakery in Bergen, 12 staff, revenue about 9 MNOK. "
        "Goals: grow catering orders from 15 to 40 a month by end of 2027; more online orders.",
    )
    page.click("#brief-button")
    page.wait_for_selector("#brief-note :text('Drafted')")
    screen.wait_turns(2)
    screen.tab("Plan")
    assert page.locator("[data-testid='goals-table'] tr[data-goal-id]").count() >= 2
    assert "Bergen" in page.locator("[data-testid='profile']").inner_text()


def test_enter_sends_and_shift_enter_adds_a_line(browser, app) -> None:
    """What the message box promises: Enter sends, Shift+Enter starts a new line."""
    url, _ = app
    screen = Screen(browser, url)
    page = screen.page
    page.click("#new-session")
    screen.wait_turns(0)
    box = page.locator("#message textarea")
    box.fill("Hi, we run a bakery in York.")
    box.press("Shift+Enter")
    box.type("About 9 people.")
    assert "\n" in box.input_value()  # a new line, nothing sent yet
    assert screen.turns() == 0
    box.press("Enter")
    screen.wait_turns(2)
    assert box.input_value() == ""
