"""The web app's named API: ``search`` and ``chat`` (message, session_id) -> (reply, plan),
driven with gradio_client against the real server; sessions stay apart, logins own them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from app_server import running_app
from gradio_client import Client
from text_helpers import coach_words

from assistant.coaching.service import CoachService
from assistant.config import PROJECT_ROOT, Settings
from assistant.knowledge.languages import detect_language
from assistant.knowledge.models import SearchResult
from assistant.web.render import results_html

pytestmark = [pytest.mark.slow, pytest.mark.server]
NAMES = {"en-bike-shop": "Northwind Cycles", "nb-hotel": "Fjordtun Hotell"}


def _persona(name: str) -> dict:
    return json.loads((PROJECT_ROOT / "evals" / "personas" / f"{name}.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    settings = Settings(data_dir=seeded_data_dir("web"))
    return CoachService(settings, today=lambda: date(2026, 11, 22))


@pytest.fixture(scope="module")
def client(service: CoachService):
    with running_app(service) as url:
        yield Client(url, verbose=False)


def test_search_endpoint_serves_results(client: Client) -> None:
    html = client.predict("Hva er en digital strategi?", 3, api_name="/search")
    assert html.count("class='coach-passage'") == 3
    assert "nb-hva-er-en-digital-strategi" in html
    assert "Type a question" in client.predict("", 3, api_name="/search")


def test_two_interleaved_sessions_stay_apart(client: Client, service: CoachService) -> None:
    english, norwegian = _persona("en-bike-shop"), _persona("nb-hotel")
    replies: dict[str, list[str]] = {"en": [], "nb": []}
    plans: dict[str, dict] = {}
    for turn in range(max(len(english["script"]), len(norwegian["script"]))):
        for lang, persona, session in (("en", english, "api-en"), ("nb", norwegian, "api-nb")):
            if turn < len(persona["script"]):
                reply, plan = client.predict(persona["script"][turn], session, api_name="/chat")
                replies[lang].append(reply)
                plans[lang] = plan
    en_plan, nb_plan = plans["en"], plans["nb"]
    assert en_plan["profile"]["business_name"] == NAMES["en-bike-shop"]
    assert nb_plan["profile"]["business_name"] == NAMES["nb-hotel"]
    assert len(en_plan["goals"]) >= 3 and len(nb_plan["goals"]) >= 3
    # nothing of one session shows up in the other
    assert NAMES["nb-hotel"] not in json.dumps(en_plan, ensure_ascii=False)
    assert NAMES["en-bike-shop"] not in json.dumps(nb_plan, ensure_ascii=False)
    for lang in ("en", "nb"):  # None: too short to tell (a number, a yes)
        said = {detect_language(coach_words(reply), lang) for reply in replies[lang][1:]}
        assert said <= {lang, None} and lang in said
    # the API returns what the session saved
    assert service.session("api-en").plan.model_dump(mode="json") == en_plan
    assert len(service.session("api-nb").transcript) == 2 * len(norwegian["script"])


def test_chat_without_a_session_id_is_refused_clearly(client: Client) -> None:
    with pytest.raises(Exception, match="session_id is required"):
        client.predict("Hello", "  ", api_name="/chat")


def test_logins_own_their_sessions(seeded_data_dir) -> None:
    settings = Settings(data_dir=seeded_data_dir("logins"))
    service = CoachService(settings, today=lambda: date(2026, 11, 22))
    with running_app(service, logins=[("ann", "pw-ann"), ("bob", "pw-bob")]) as url:
        with pytest.raises(Exception):  # noqa: B017 - any refusal will do: no login, no app
            Client(url, verbose=False).predict("Hi", "s1", api_name="/chat")
        ann = Client(url, auth=("ann", "pw-ann"), verbose=False)
        bob = Client(url, auth=("bob", "pw-bob"), verbose=False)
        reply, _ = ann.predict("We are Fjordbakeri, 6 people in Bergen.", "ann-1", api_name="/chat")
        assert reply
        with pytest.raises(Exception, match="No such session"):
            bob.predict("Show me the plan", "ann-1", api_name="/chat")
    assert [s.id for s in service.sessions("ann")] == ["ann-1"]
    assert service.sessions("bob") == []


def test_document_text_is_escaped_not_executed() -> None:
    hostile = SearchResult(
        source="x.md",
        title="<script>alert(1)</script>",
        language="en",
        heading="h",
        chunk_id="x#000",
        score=0.5,
        text="<img src=x onerror=alert(1)>",
    )
    html = results_html("q", [hostile])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_with_logins_nothing_answers_before_sign_in(seeded_data_dir) -> None:
    import urllib.error
    import urllib.request

    settings = Settings(data_dir=seeded_data_dir("locked"))
    service = CoachService(settings, today=lambda: date(2026, 11, 22))

    def status(url: str, data: bytes | None = None) -> int:
        request = urllib.request.Request(url, data=data, method="POST" if data else "GET")
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    with running_app(service, logins=[("ann", "pw-ann")]) as url:
        for path in (
            "config",
            "gradio_api/info",
            "gradio_api/queue/status",
            "gradio_api/file=README.md",
        ):
            assert status(url + path) in (401, 403), path
        body = json.dumps({"data": ["Hi", "s1"]}).encode()
        assert status(url + "gradio_api/call/chat", body) in (401, 403)
        assert status(url + "gradio_api/upload", b"x") in (401, 403, 422)
    assert service.sessions("") == [] and service.session("s1").transcript == []
