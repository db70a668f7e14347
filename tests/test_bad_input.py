"""Bad input from an owner, through every door: the coaching service, the command line and
the web app's send button. Whatever comes in (nothing, a megabyte, binary bytes, control
characters, emoji, right-to-left scripts, absurd numbers, impossible or past dates,
contradictions), the owner gets a clear, friendly reply in their language (or the command
line a one-line error and a non-zero exit), nothing silly enters the plan, and the session
goes on as before."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app as cli_app
from assistant.coaching.messages import Messages
from assistant.coaching.service import CoachService
from assistant.coaching.state import SessionState
from assistant.config import PROJECT_ROOT, Settings, get_settings
from assistant.web import session_view as view
from assistant.web.handlers import MAX_MESSAGE, CoachApp

pytestmark = pytest.mark.slow
TODAY = date(2026, 11, 22)
MEGABYTE = "We sell bikes in Dublin. " * 42_000  # a little over 1 MB of plain words
MEGABYTE_QUESTION = "What is a KPI and how do I set SMART goals? " * 24_000  # ~1 MB, asks
BINARY = b"\xff\xfe\x00\x01\x80\x81 not text \xc3\x28\xa0\xa1\x00" * 50
INVALID_UTF8 = b'["We are a bike shop", "caf\xe9 \xff\xfe"]'  # no BOM, not UTF-8
ODD_MESSAGES = {
    "empty": "",
    "whitespace": " \t\n\u00a0\u2003 ",
    "control characters": "\x00\x01\x07\x1b[31mhello\x1b[0m\x7f\x9b\u200b",
    "emoji only": "🚲🙂👍🏽🇳🇴" * 20,
    "arabic": "مرحبا، نحن متجر دراجات في دبي ولدينا تسعة موظفين.",
    "hebrew": "שלום, אנחנו חנות אופניים בתל אביב עם תשעה עובדים.",
    "bidi controls": "\u202eWe are 9 people\u202c \u2067שלום\u2069 \u200f",
    "replacement characters": "\ufffd\ufeff\ufffe" * 30,
    "a megabyte": MEGABYTE,
    "a megabyte of questions": MEGABYTE_QUESTION,
}
# A normal first message per language, and one with a negative staff count in it.
PROFILE = {
    "en": "We are Northwind Cycles, a bike shop in Dublin. We are 9 people and our revenue is "
    "about 1.2 million EUR.",
    "nb": "Vi er Fjordtun Hotell, et hotell i Balestrand. Vi er 26 ansatte, og omsetningen er "
    "rundt 34 millioner kroner.",
    "sv": "Vi är Gnosjö Plåtteknik AB, ett tillverkningsföretag i Gnosjö. Vi är 38 anställda och "
    "omsättningen är ungefär 72 miljoner kronor.",
    "ru": "Мы — стоматологическая клиника «Денталика» в Екатеринбурге. У нас 32 сотрудника, "
    "выручка — около 96 млн рублей.",
}
NEGATIVE_STAFF = {
    "en": "We are Northwind Cycles, a bike shop in Dublin. We have -5 employees.",
    "nb": "Vi er Fjordtun Hotell, et hotell i Balestrand. Vi har -5 ansatte.",
    "sv": "Vi är Gnosjö Plåtteknik AB, ett tillverkningsföretag i Gnosjö. Vi har -5 anställda.",
    "ru": "Мы — стоматологическая клиника «Денталика» в Екатеринбурге. У нас -5 сотрудников.",
}
CONTRADICTION = {
    "en": "We are Northwind Cycles, a bike shop in Dublin. We are 9 people… actually we are "
    "40 people.",
    "nb": "Vi er Fjordtun Hotell, et hotell i Balestrand. Vi er 9 ansatte … faktisk er vi 40 "
    "ansatte.",
    "sv": "Vi är Gnosjö Plåtteknik AB, ett tillverkningsföretag i Gnosjö. Vi är 9 anställda … "
    "förlåt, vi är 40 anställda.",
    "ru": "Мы — клиника «Денталика» в Екатеринбурге. У нас 9 сотрудников… точнее, 40 сотрудников.",
}
LATER_CORRECTION = {
    "en": "Sorry, we are actually 40 people.",
    "nb": "Unnskyld, vi er faktisk 40 ansatte.",
    "sv": "Förlåt, vi är faktiskt 40 anställda.",
    "ru": "Извините, на самом деле у нас 40 сотрудников.",
}
PERSONA = {
    "en": "en-bike-shop",
    "nb": "nb-hotel",
    "sv": "sv-manufacturing",
    "ru": "ru-dental-clinic",
}
LANGUAGES = tuple(PROFILE)


def _script(persona_id: str) -> list[str]:
    path = PROJECT_ROOT / "evals" / "personas" / f"{persona_id}.json"
    return json.loads(path.read_text(encoding="utf-8"))["script"]


@pytest.fixture(scope="module")
def data_dir(seeded_data_dir) -> Path:
    return seeded_data_dir("bad-input")


@pytest.fixture(scope="module")
def service(data_dir: Path) -> CoachService:
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def _new() -> str:
    return uuid.uuid4().hex


def _roles_paired(state: SessionState) -> bool:
    roles = [turn.role for turn in state.transcript]
    return roles == ["user", "assistant"] * (len(roles) // 2)


def _fixed_part(language: str, key: str) -> str:
    """The words of a template around its placeholder, to find it in a reply."""
    template = Messages(language).say(key, date="\0")
    words = max(template.split("\0"), key=len).strip()
    return words.removeprefix("”").removeprefix("»").removeprefix("”").strip()


def _to_objectives(service: CoachService, persona_id: str) -> str:
    """A new session of the persona, answered up to its objectives."""
    session_id = _new()
    for message in _script(persona_id)[:5]:
        service.send(session_id, message)
    assert service.session(session_id).stage == "objectives"
    return session_id


# ----- odd messages through the coaching service -----


@pytest.mark.parametrize("message", list(ODD_MESSAGES.values()), ids=list(ODD_MESSAGES))
def test_an_odd_first_message_gets_a_clear_reply_and_the_session_goes_on(
    service: CoachService, message: str
) -> None:
    session_id = _new()

    odd = service.send(session_id, message)
    normal = service.send(session_id, PROFILE["en"])

    assert odd.reply.strip() and "Traceback" not in odd.reply
    if not any(ch.isalnum() for ch in message):  # nothing to read: no letter, no digit
        assert Messages("en").say("empty_message") in odd.reply
    if len(message) > 100_000:
        assert Messages("en").say("too_long") in odd.reply
        assert len(odd.reply) < 20_000  # the reply does not echo the megabyte back
    state = service.session(session_id)
    assert _roles_paired(state) and len(state.transcript) == 4
    assert state.transcript[0].content == message  # kept exactly as sent
    assert state.transcript[3].content == normal.reply
    assert state.plan.profile.business_name == "Northwind Cycles"
    assert state.plan.profile.staff == 9


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_or_emoji_message_mid_interview_is_answered_in_the_owners_language(
    service: CoachService, language: str
) -> None:
    session_id = _new()
    service.send(session_id, PROFILE[language])
    asked = service.session(session_id).last_question

    empty = service.send(session_id, "   ").reply
    emoji = service.send(session_id, "🙂🙂🙂 \x07").reply
    service.send(session_id, _script(PERSONA[language])[1])  # the answer to that question

    for reply in (empty, emoji):  # asked again, in their language
        assert Messages(language).say("empty_message") in reply and asked in reply
    state = service.session(session_id)
    assert state.language == language and state.maturity_answers
    assert _roles_paired(state) and len(state.transcript) == 8


# ----- absurd numbers -----


def test_absurd_numbers_do_not_enter_the_profile(service: CoachService) -> None:
    session_id = _new()
    reply = service.send(
        session_id,
        "We are Northwind Cycles, a bike shop in Dublin. We have 1e308 customers, -5 employees "
        "and revenue 999999999999999999999 NOK.",
    ).reply
    profile = service.session(session_id).plan.profile
    assert profile.staff is None and profile.annual_revenue is None
    assert Messages("en").label("profile_fields", "staff") in reply  # asked again

    service.send(session_id, "We are 9 people and our revenue is about 1.2 million EUR.")

    profile = service.session(session_id).plan.profile
    assert profile.staff == 9 and profile.annual_revenue is not None
    assert profile.annual_revenue.amount == 1_200_000


def test_a_revenue_beyond_any_small_business_is_asked_again(service: CoachService) -> None:
    session_id = _new()
    service.send(
        session_id,
        "We are Northwind Cycles, a bike shop in Dublin. We are 9 people and our revenue is "
        "999 999 999 999 999 NOK.",
    )
    assert service.session(session_id).plan.profile.annual_revenue is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_negative_staff_count_is_not_taken_and_asked_again_in_the_owners_language(
    service: CoachService, language: str
) -> None:
    session_id = _new()
    reply = service.send(session_id, NEGATIVE_STAFF[language]).reply
    state = service.session(session_id)
    assert state.plan.profile.staff is None
    assert Messages(language).label("profile_fields", "staff") in reply
    assert state.plan.profile.business_name


def test_negative_visits_and_followers_are_left_out_not_a_crash(service: CoachService) -> None:
    session_id = _new()
    for message in _script("en-bike-shop")[:4]:
        service.send(session_id, message)
    before = service.session(session_id).plan.current_state

    result = service.send(
        session_id, "We have -500 website visits a month and -20 followers on Instagram."
    )

    after = service.session(session_id).plan.current_state
    assert result.reply.strip()
    assert after.marketing.monthly_visits == before.marketing.monthly_visits
    assert after.marketing.social_followers == before.marketing.social_followers
    assert all(metric.value >= 0 for metric in after.metrics)
    service.send(session_id, _script("en-bike-shop")[5])  # the objectives: the session goes on
    state = service.session(session_id)
    assert len(state.candidates) == 3 and _roles_paired(state)


def test_a_negative_customer_baseline_is_asked_for_not_planned(service: CoachService) -> None:
    session_id = _to_objectives(service, "en-bike-shop")
    service.send(
        session_id,
        "We want to grow our customer base from -5 to 2,300 customers by the end of February 2027.",
    )
    state = service.session(session_id)
    assert state.pending is not None and state.pending.field == "baseline"
    assert state.candidates[0].baseline is None

    for message in ("About 2,000 customers.", "That's all.", "Yes."):
        service.send(session_id, message)

    goal = service.session(session_id).plan.goals[0]
    assert goal.baseline is not None and goal.baseline.value == 2000
    assert goal.target is not None and goal.target.value == 2300


@pytest.mark.parametrize(
    "target", ["1e308 customers", "999 999 999 999 999 customers", "-300 customers"]
)
def test_an_impossible_target_is_asked_for_again(service: CoachService, target: str) -> None:
    session_id = _to_objectives(service, "en-bike-shop")
    service.send(
        session_id,
        f"We want to grow our customer base from 2,000 customers to {target} by the end of "
        "February 2027.",
    )
    state = service.session(session_id)
    assert state.candidates[0].target is None
    assert state.pending is not None and state.pending.field == "target"

    service.send(session_id, "2,300 customers.")

    assert service.session(session_id).candidates[0].target.value == 2300


# ----- impossible and past dates -----


@pytest.mark.parametrize(
    ("when", "key"),
    [("by June 2020", "deadline_past"), ("by 31 February 2027", "deadline_impossible")],
)
def test_a_past_or_impossible_deadline_is_explained_and_asked_again(
    service: CoachService, when: str, key: str
) -> None:
    session_id = _to_objectives(service, "en-bike-shop")

    reply = service.send(
        session_id, f"We want to grow online sales from 15% to 25% of revenue {when}."
    ).reply

    assert _fixed_part("en", key) in reply and when in reply
    state = service.session(session_id)
    assert state.candidates[0].deadline is None
    assert state.pending is not None and state.pending.field == "deadline"

    again = service.send(session_id, f"{when[0].upper()}{when[1:]}.").reply  # the same again
    assert _fixed_part("en", key) in again
    service.send(session_id, "By December 2027.")  # a real answer is taken
    for message in ("That's all.", "Yes."):
        service.send(session_id, message)

    goal = service.session(session_id).plan.goals[0]
    assert goal.deadline == date(2027, 12, 31)
    assert goal.smart is not None and goal.smart.time_bound.ok


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_deadline_in_the_past_is_explained_in_the_owners_language(
    service: CoachService, language: str
) -> None:
    persona = PERSONA[language]
    session_id = _to_objectives(service, persona)
    objective = _script(persona)[5].replace("2027", "2020")

    reply = service.send(session_id, objective).reply

    assert _fixed_part(language, "deadline_past") in reply
    state = service.session(session_id)
    assert state.candidates and all(c.deadline is None for c in state.candidates)
    assert state.pending is not None and state.pending.field == "deadline"
    assert _roles_paired(state)


def test_moving_a_deadline_into_the_past_is_refused_with_the_reason(
    service: CoachService,
) -> None:
    session_id = _new()
    for message in _script("en-bike-shop")[:7]:
        service.send(session_id, message)
    before = service.session(session_id)
    assert before.stage == "review" and before.plan.goals

    reply = service.send(session_id, "Move the deadline of goal 1 to June 2020.").reply

    after = service.session(session_id)
    assert _fixed_part("en", "deadline_past") in reply
    assert after.plan.goals[0].deadline == before.plan.goals[0].deadline
    assert after.stage == "review"  # the goals are shown again, not the roadmap
    service.send(session_id, "Move the deadline of goal 1 to June 2028.")
    assert service.session(session_id).plan.goals[0].deadline == date(2028, 6, 30)


# ----- contradictions -----


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_count_taken_back_in_the_same_message_is_replaced(
    service: CoachService, language: str
) -> None:
    session_id = _new()
    service.send(session_id, CONTRADICTION[language])
    assert service.session(session_id).plan.profile.staff == 40


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_count_corrected_in_a_later_message_is_replaced_and_acknowledged(
    service: CoachService, language: str
) -> None:
    session_id = _new()
    service.send(session_id, PROFILE[language])
    staff = service.session(session_id).plan.profile.staff

    reply = service.send(session_id, LATER_CORRECTION[language]).reply

    assert staff != 40 and service.session(session_id).plan.profile.staff == 40
    done = Messages(language).say("correction_done", change="\0").split("\0")[0]
    assert done in reply and "40" in reply


# ----- the command line -----


@pytest.fixture
def cli(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """Run ``strategy-coach`` on the module's data dir, as a user's shell would."""
    monkeypatch.setenv("COACH_DATA_DIR", str(data_dir))
    monkeypatch.setenv("COLUMNS", "1000")  # so an error stays on one line
    for name in ("COACH_LLM_MODEL", "COACH_CHROMA_URL"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()

    def run(*args: str, stdin: str | None = None):
        return CliRunner().invoke(cli_app, list(args), input=stdin)

    yield run
    get_settings.cache_clear()


def _one_line_error(result: Any) -> str:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), result.output
    return lines[0]


@pytest.mark.parametrize("content", [BINARY, INVALID_UTF8], ids=["binary", "invalid-utf8"])
def test_cli_chat_refuses_an_unreadable_script_in_one_line(cli, tmp_path: Path, content) -> None:
    script = tmp_path / "script.json"
    script.write_bytes(content)
    line = _one_line_error(cli("chat", "--script", str(script), "--json"))
    assert str(script) in line and "cannot read" in line


@pytest.mark.parametrize("content", [BINARY, INVALID_UTF8], ids=["binary", "invalid-utf8"])
def test_cli_plan_refuses_an_unreadable_brief_in_one_line(cli, tmp_path: Path, content) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_bytes(content)
    line = _one_line_error(cli("plan", "--brief", str(brief), "--json"))
    assert str(brief) in line


@pytest.mark.parametrize("text", ["", "  \n\t  \n"], ids=["empty", "whitespace"])
def test_cli_plan_refuses_an_empty_brief(cli, tmp_path: Path, text: str) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(text, encoding="utf-8")
    line = _one_line_error(cli("plan", "--brief", str(brief)))
    assert "empty" in line


def test_cli_chat_replays_odd_messages_one_reply_each(cli, tmp_path: Path) -> None:
    messages = [*ODD_MESSAGES.values(), PROFILE["en"]]
    script = tmp_path / "script.json"
    script.write_text(json.dumps(messages), encoding="utf-8")

    result = cli("chat", "--script", str(script), "--json")

    assert result.exit_code == 0, result.output[-2000:]
    out = json.loads(result.stdout)
    transcript = out["transcript"]
    assert [t["role"] for t in transcript] == ["user", "assistant"] * len(messages)
    assert [t["content"] for t in transcript[::2]] == messages
    assert all(t["content"].strip() for t in transcript[1::2])


def test_cli_plan_from_a_brief_full_of_nonsense_keeps_the_nonsense_out(cli, tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(
        "\x00\x1b[31m🚲 We are Northwind Cycles, a bike shop in Dublin. We have -5 employees, "
        "1e308 customers and revenue 999999999999999999999 NOK. We have -500 website visits a "
        "month. We want to grow our customer base from -5 to 2,300 customers by June 2020. We "
        "want to grow online sales from 15% to 25% of revenue by 31 February 2027. "
        "שלום مرحبا",
        encoding="utf-8",
    )

    result = cli("plan", "--brief", str(brief), "--json")

    assert result.exit_code == 0, result.output[-2000:]
    plan = json.loads(result.stdout)
    assert plan["profile"]["staff"] is None and plan["profile"]["annual_revenue"] is None
    assert all(metric["value"] >= 0 for metric in plan["current_state"]["metrics"])
    for goal in plan["goals"]:
        baseline = goal["baseline"] or {}
        assert baseline.get("value") is None or baseline["value"] >= 0
        assert goal["deadline"] is None or date.fromisoformat(goal["deadline"]) > TODAY
        assert not (goal["deadline"] is None and goal["smart"]["time_bound"]["ok"])
    assert plan["open_questions"]


def test_cli_search_refuses_an_unreadable_query_file_in_one_line(cli, tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_bytes(BINARY)
    line = _one_line_error(cli("search", "--from-file", str(queries)))
    assert str(queries) in line


@pytest.mark.parametrize("query", ["   ", "\n\t"], ids=["spaces", "tabs"])
def test_cli_search_refuses_a_blank_query(cli, query: str) -> None:
    line = _one_line_error(cli("search", query))
    assert "strategy-coach search" in line


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("\x01\x02\x1b[31m", id="control"),
        pytest.param("🚲🙂👍🏽", id="emoji"),
        pytest.param("كيف أضع أهدافا ذكية", id="arabic"),
        pytest.param("איך מציבים יעדים", id="hebrew"),
        pytest.param("1e308 -5 999999999", id="numbers"),
    ],
)
def test_cli_search_answers_odd_queries_with_a_list(cli, query: str) -> None:
    result = cli("search", "--json", "--k", "3", query)
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_cli_search_reads_odd_lines_from_stdin(cli) -> None:
    result = cli("search", "--json", "--from-file", "-", stdin="🙂\n\x00\x07\n\nSMART goals\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["🙂", "\x00\x07", "SMART goals"]


def test_cli_ingest_of_binary_and_missing_files_says_why_per_file(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))  # its own, empty index
    get_settings.cache_clear()
    binary = tmp_path / "notes.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    missing = tmp_path / "no-such-file.md"

    result = cli("ingest", str(binary), str(missing))

    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "notes.txt" in result.output and "binary" in result.output
    assert "no-such-file.md" in result.output and "no such file" in result.output
    assert "nothing could be ingested" in result.output


def test_cli_ingest_of_an_odd_but_readable_file_indexes_it(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COACH_KNOWLEDGE_DIR", str(tmp_path / "no-curated-articles"))
    (tmp_path / "no-curated-articles").mkdir()
    get_settings.cache_clear()
    odd = tmp_path / "odd.md"
    odd.write_text(
        "# Mål 🚲\n\n\x07Control \x1b[31m characters, שלום, مرحبا, and a zebra-puffin pricing "
        "ladder.\n",
        encoding="utf-8",
    )

    result = cli("ingest", str(odd))

    assert result.exit_code == 0, result.output
    found = cli("search", "--json", "zebra-puffin pricing ladder")
    assert json.loads(found.stdout)[0]["source"].endswith("odd.md")


# ----- the web app's send button -----


@pytest.fixture(scope="module")
def web(service: CoachService) -> CoachApp:
    return CoachApp(service)


def _turn(web: CoachApp, message: str, session_id: str) -> list[tuple[Any, ...]]:
    picks = (None,) * view.QUICK_SLOTS + ([],) * view.QUICK_SLOTS
    return list(web.turn(message, session_id, "auto", [], *picks, request=None))


@pytest.mark.parametrize("message", ["", "   ", "\n\t\u00a0"], ids=["empty", "spaces", "blank"])
def test_web_a_blank_message_gets_a_hint_and_nothing_is_saved(
    web: CoachApp, service: CoachService, message: str
) -> None:
    session_id = _new()
    (update,) = _turn(web, message, session_id)
    _, box, _, status = update
    assert box == message and status.strip()
    assert service.session(session_id).transcript == []
    _turn(web, PROFILE["en"], session_id)
    assert len(service.session(session_id).transcript) == 2


@pytest.mark.filterwarnings("ignore:That message is")  # the toast, outside a running app
def test_web_a_megabyte_stays_in_the_box_and_the_session_goes_on(
    web: CoachApp, service: CoachService
) -> None:
    session_id = _new()
    _turn(web, PROFILE["en"], session_id)
    before = service.session(session_id)

    (update,) = _turn(web, MEGABYTE, session_id)

    _, box, _, status = update
    assert box == MEGABYTE and f"{MAX_MESSAGE:,}" in status
    assert service.session(session_id) == before
    _turn(web, _script("en-bike-shop")[1], session_id)
    assert len(service.session(session_id).transcript) == 4


@pytest.mark.parametrize(
    "message",
    [
        ODD_MESSAGES["control characters"],
        ODD_MESSAGES["emoji only"],
        ODD_MESSAGES["arabic"],
        ODD_MESSAGES["hebrew"],
        ODD_MESSAGES["bidi controls"],
        "We have 1e308 customers, -5 employees and revenue 999999999999999999999 NOK.",
        "We want more customers by 31 February 2027, or by June 2020.",
    ],
    ids=["control", "emoji", "arabic", "hebrew", "bidi", "absurd-numbers", "bad-dates"],
)
def test_web_an_odd_message_is_answered_and_the_next_one_too(
    web: CoachApp, service: CoachService, message: str
) -> None:
    session_id = _new()

    chat, box, pending, status = _turn(web, message, session_id)[-1]

    saved = service.session(session_id)
    assert chat == view.chat_messages(saved) and box == "" and pending is None
    assert status == ""  # no "something went wrong"
    assert [t.content for t in saved.transcript if t.role == "user"] == [message]
    _turn(web, PROFILE["en"], session_id)
    state = service.session(session_id)
    assert _roles_paired(state) and len(state.transcript) == 4
    assert state.plan.profile.staff == 9
