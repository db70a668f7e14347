"""The coaching service as the app uses it: sessions, stop, regenerate, plan edits, answer
controls, ratings, uploads and exports, all through ``CoachService`` with the offline coach
and a fixed today (2026-11-22)."""

from __future__ import annotations

import json
import re
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app as cli_app
from assistant.coaching.catalogue import MaturityQuestion, load_maturity_questions
from assistant.coaching.drafting import HORIZON_QUARTERS, quarter_of
from assistant.coaching.edits import EditRefused, GoalEdit, InitiativeEdit
from assistant.coaching.messages import Messages
from assistant.coaching.service import CoachService, TurnResult
from assistant.coaching.sessions import SessionNotFound
from assistant.coaching.state import SessionState
from assistant.config import PROJECT_ROOT, Settings, get_settings
from assistant.reporting.export import slug

TODAY = date(2026, 11, 22)
SECRET = "sk-test-never-in-a-case-0123456789"


def _persona(persona_id: str) -> dict[str, Any]:
    path = PROJECT_ROOT / "evals" / "personas" / f"{persona_id}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _script(persona_id: str) -> list[str]:
    return _persona(persona_id)["script"]


def _new_id() -> str:
    return uuid.uuid4().hex


@pytest.fixture(scope="module")
def data_dir(seeded_data_dir) -> Path:
    """A data dir of its own, starting with a copy of the shared knowledge index (so the
    curated articles are not embedded again)."""
    return seeded_data_dir("coach-service")


@pytest.fixture(scope="module")
def service(data_dir: Path) -> CoachService:
    # an API key without a model: the offline coach runs, and the key must never leak
    settings = Settings(data_dir=data_dir, llm_api_key=SECRET)
    return CoachService(settings, today=lambda: TODAY)


def _talk(service: CoachService, session_id: str, messages: list[str], **kwargs: Any) -> None:
    for message in messages:
        service.send(session_id, message, **kwargs)


def _finish(service: CoachService, persona_id: str) -> str:
    """A new session with the persona's whole script: a finished plan."""
    session_id = _new_id()
    _talk(service, session_id, _script(persona_id))
    assert service.session(session_id).stage == "done"
    return session_id


def _titles(service: CoachService, owner: str = "") -> dict[str, str]:
    return {info.id: info.title for info in service.sessions(owner)}


def _digits_joined(text: str) -> str:
    """'from 2 000 to 20 000' -> 'from 2000 to 20000' (thousands separators dropped)."""
    return re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text)


# ----- dates -----
@pytest.mark.parametrize("coach_today", [date(2020, 1, 6), date(2099, 12, 31)])
def test_a_plan_is_dated_by_the_coachs_calendar_not_the_wall_clock(
    data_dir: Path, coach_today: date
) -> None:
    """The coach's date can differ from the machine's (evals fix it; a clock can pass
    midnight mid-session). A plan's created and updated dates both follow the coach."""
    service = CoachService(Settings(data_dir=data_dir), today=lambda: coach_today)
    session_id = _new_id()
    result = service.send(session_id, _script("en-bike-shop")[0])
    assert (result.plan["created"], result.plan["updated"]) == (coach_today.isoformat(),) * 2
    brief = service.plan_from_brief(_persona("en-bike-shop")["brief"])
    assert (brief.created, brief.updated) == (coach_today, coach_today)


# ----- the list of sessions -----


def test_a_new_session_is_listed(service: CoachService) -> None:
    info = service.new_session()
    listed = _titles(service)
    assert listed[info.id] == info.title
    assert info.title.strip()


def test_a_session_started_by_sending_is_titled_with_the_business_name(
    service: CoachService,
) -> None:
    session_id = _new_id()
    first = _script("en-bike-shop")[0]
    service.send(session_id, first)
    name = service.session(session_id).plan.profile.business_name
    assert name and name in first  # the coach learned it from the owner's words
    assert _titles(service)[session_id] == name


def test_a_renamed_title_sticks_through_later_turns(service: CoachService) -> None:
    session_id = _new_id()
    script = _script("en-bike-shop")
    service.send(session_id, script[0])
    renamed = service.rename_session(session_id, "  Ann's review · Q1  ")
    assert renamed.title == "Ann's review · Q1"
    _talk(service, session_id, script[1:3])
    assert _titles(service)[session_id] == "Ann's review · Q1"


def test_renaming_to_a_blank_title_is_refused_clearly(service: CoachService) -> None:
    info = service.new_session(title="Keep me")
    with pytest.raises(ValueError, match="name"):
        service.rename_session(info.id, "   ")
    assert _titles(service)[info.id] == "Keep me"


def test_deleting_removes_the_entry_and_the_conversation(service: CoachService) -> None:
    session_id = _new_id()
    service.send(session_id, _script("en-bike-shop")[0])
    assert service.session(session_id).transcript
    service.delete_session(session_id)
    assert session_id not in _titles(service)
    assert service.session(session_id).transcript == []
    assert service.session(session_id).plan.profile.business_name is None


def test_a_session_belongs_to_its_owner(service: CoachService) -> None:
    info = service.new_session(owner="ann")
    service.send(info.id, _script("en-bike-shop")[0], owner="ann")
    before = service.session(info.id)

    assert info.id in _titles(service, "ann")
    assert info.id not in _titles(service, "bob")
    assert info.id not in _titles(service)  # nor for the app without logins
    with pytest.raises(SessionNotFound):
        service.send(info.id, "We have a website.", owner="bob")
    with pytest.raises(SessionNotFound):
        service.edit_goal(info.id, "g1", GoalEdit(target=5), owner="bob")
    with pytest.raises(SessionNotFound):
        service.edit_initiative(info.id, "i1", InitiativeEdit(priority="low"), owner="bob")
    with pytest.raises(SessionNotFound):
        service.rename_session(info.id, "Mine now", owner="bob")
    with pytest.raises(SessionNotFound):
        service.delete_session(info.id, owner="bob")
    with pytest.raises(SessionNotFound):
        service.export(info.id, "md", owner="bob")
    with pytest.raises(SessionNotFound):
        list(service.regenerate(info.id, owner="bob"))

    assert service.session(info.id) == before
    assert _titles(service, "ann")[info.id] == before.plan.profile.business_name


def test_a_restart_lists_the_same_sessions_and_transcripts(
    service: CoachService, data_dir: Path
) -> None:
    session_id = _new_id()
    _talk(service, session_id, _script("nb-hotel")[:2])
    owned = service.new_session(owner="ann", title="Ann's")
    service.send(owned.id, _script("en-bike-shop")[0], owner="ann")

    restarted = CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)

    for owner in ("", "ann"):
        assert [(i.id, i.title) for i in restarted.sessions(owner)] == [
            (i.id, i.title) for i in service.sessions(owner)
        ]
    for sid in (session_id, owned.id):
        assert restarted.session(sid).transcript == service.session(sid).transcript
        assert restarted.session(sid).plan == service.session(sid).plan


# ----- stop -----


def _stop_after_first_piece(service: CoachService, session_id: str, message: str) -> None:
    steps = service.stream(session_id, message)
    first = next(steps)
    assert isinstance(first, str) and first.strip()
    steps.close()


def test_stop_leaves_the_session_as_it_was_and_the_next_turn_is_normal(
    service: CoachService,
) -> None:
    script = _script("en-bike-shop")
    stopped, control = _new_id(), _new_id()
    _talk(service, stopped, script[:2])
    _talk(service, control, script[:2])
    before = service.session(stopped)

    _stop_after_first_piece(service, stopped, script[2])

    after = service.session(stopped)
    assert after.transcript == before.transcript
    assert after.stage == before.stage
    assert after.plan == before.plan
    assert after == before

    # the turn, sent again, goes exactly as in a session that was never stopped
    again = service.send(stopped, script[2])
    expected = service.send(control, script[2])
    assert again.reply == expected.reply
    assert service.session(stopped).transcript == service.session(control).transcript
    assert service.session(stopped).stage == service.session(control).stage


def test_stopping_the_very_first_turn_leaves_an_empty_session(service: CoachService) -> None:
    session_id = _new_id()
    first = _script("ru-dental-clinic")[0]

    _stop_after_first_piece(service, session_id, first)

    assert service.session(session_id) == SessionState()
    assert session_id not in _titles(service)
    result = service.send(session_id, first)
    assert result.reply.strip()
    assert [t.role for t in service.session(session_id).transcript] == ["user", "assistant"]


# ----- regenerate -----


def test_regenerate_writes_the_last_reply_again_in_place(service: CoachService) -> None:
    session_id = _new_id()
    _talk(service, session_id, _script("sv-manufacturing")[:3])
    before = service.session(session_id)

    pieces = list(service.regenerate(session_id))

    assert isinstance(pieces[-1], TurnResult)
    text = pieces[:-1]
    assert text and all(isinstance(p, str) for p in text)
    after = service.session(session_id)
    assert len(after.transcript) == len(before.transcript)
    assert after.transcript[:-1] == before.transcript[:-1]  # the last user message included
    assert after.transcript[-2].content == _script("sv-manufacturing")[2]
    assert after.transcript[-1].content == pieces[-1].reply == "".join(text)  # type: ignore[arg-type]
    assert after.stage == before.stage
    # and the conversation carries on from there
    service.send(session_id, _script("sv-manufacturing")[3])
    assert len(service.session(session_id).transcript) == len(before.transcript) + 2


def test_regenerate_on_an_empty_session_is_refused(service: CoachService) -> None:
    with pytest.raises(EditRefused, match=re.escape(Messages("en").say("regenerate_nothing"))):
        list(service.regenerate(_new_id()))


# ----- editing the plan -----


@pytest.mark.slow
def test_an_unrealistic_target_edit_is_checked_reworded_and_acknowledged(
    service: CoachService,
) -> None:
    session_id = _finish(service, "en-bike-shop")
    state = service.session(session_id)
    goal = next(
        g
        for g in state.plan.goals
        if g.smart
        and g.smart.achievable.ok
        and g.baseline
        and g.baseline.value
        and g.target
        and g.target.unit != "%"
    )
    assert goal.baseline and goal.baseline.value and goal.target
    old_target, new_target = goal.target.value, goal.baseline.value * 10
    assert f"{old_target:g}" in _digits_joined(goal.statement)  # coach-worded

    done = service.edit_goal(session_id, goal.id, GoalEdit(target=new_target))

    edited = next(g for g in service.session(session_id).plan.goals if g.id == goal.id)
    assert edited.target and edited.target.value == new_target
    assert edited.smart and not edited.smart.achievable.ok
    assert edited.smart.achievable.reason.strip()
    assert edited.smart.achievable.reason != goal.smart.achievable.reason  # type: ignore[union-attr]
    wording = _digits_joined(edited.statement)
    assert f"{new_target:g}" in wording and f"{old_target:g}" not in wording
    assert done.change and f"{new_target:g}" in _digits_joined(done.change)  # "20 000"
    assert any(
        g["id"] == goal.id and g["target"]["value"] == new_target for g in done.plan["goals"]
    )

    # a reply written before the edit cannot be written again: it would undo the edit
    with pytest.raises(EditRefused):
        list(service.regenerate(session_id))

    reply = service.send(session_id, "Thanks.").reply
    say = Messages(state.plan.language)
    assert say.say("edits_noted", changes=done.change) in reply
    assert service.session(session_id).owner_edits == []
    assert isinstance(list(service.regenerate(session_id))[-1], TurnResult)  # allowed again


@pytest.mark.slow
@pytest.mark.parametrize("deadline", ["next spring-ish", "2025-03-01", "2026-11-22"])
def test_a_bad_deadline_is_refused_and_nothing_changes(
    service: CoachService, finished_en: str, deadline: str
) -> None:
    before = service.session(finished_en)
    goal = before.plan.goals[0]
    with pytest.raises(EditRefused) as refused:
        service.edit_goal(finished_en, goal.id, GoalEdit(target=1.0, deadline=deadline))
    say = Messages(before.plan.language)
    shown = deadline if deadline == "next spring-ish" else date.fromisoformat(deadline)
    key = "edit_bad_deadline" if isinstance(shown, str) else "edit_past_deadline"
    assert str(refused.value) == say.say(key, value=str(shown))
    assert service.session(finished_en) == before


@pytest.mark.slow
def test_the_owners_wording_survives_later_number_edits(service: CoachService) -> None:
    session_id = _finish(service, "en-bike-shop")
    goal = service.session(session_id).plan.goals[1]
    assert goal.target
    wording = "Win 300 more regular customers before the spring season"

    service.edit_goal(session_id, goal.id, GoalEdit(statement=wording))
    service.edit_goal(session_id, goal.id, GoalEdit(target=goal.target.value + 50))
    service.edit_goal(session_id, goal.id, GoalEdit(deadline="2027-04-30"))

    edited = next(g for g in service.session(session_id).plan.goals if g.id == goal.id)
    assert edited.statement == wording
    assert edited.target and edited.target.value == goal.target.value + 50
    assert edited.deadline == date(2027, 4, 30)


@pytest.mark.slow
def test_moving_an_initiative_to_later_and_overriding_its_priority(
    service: CoachService,
) -> None:
    session_id = _finish(service, "en-bike-shop")
    before = service.session(session_id).plan
    item = next(i for i in before.roadmap if i.horizon != "long")
    priority = next(p for p in ("low", "medium", "high") if p != item.priority)

    done = service.edit_initiative(
        session_id, item.id, InitiativeEdit(horizon="long", priority=priority)
    )

    first, last = HORIZON_QUARTERS["long"]
    moved = next(i for i in service.session(session_id).plan.roadmap if i.id == item.id)
    assert moved.horizon == "long"
    assert moved.start == quarter_of(TODAY, first)
    assert moved.end == quarter_of(TODAY, last)
    assert moved.priority == priority
    shown = next(i for i in done.plan["roadmap"] if i["id"] == item.id)
    assert shown["priority"] == priority and shown["horizon"] == "long"
    others = [i for i in service.session(session_id).plan.roadmap if i.id != item.id]
    assert others == [i for i in before.roadmap if i.id != item.id]
    assert item.title in done.change


@pytest.mark.slow
def test_edits_of_things_not_in_the_plan_are_refused(
    service: CoachService, finished_en: str
) -> None:
    before = service.session(finished_en)
    with pytest.raises(EditRefused, match="no-such-goal"):
        service.edit_goal(finished_en, "no-such-goal", GoalEdit(target=10))
    with pytest.raises(EditRefused, match="no-such-item"):
        service.edit_initiative(finished_en, "no-such-item", InitiativeEdit(priority="low"))
    assert service.session(finished_en) == before


@pytest.mark.slow
@pytest.mark.parametrize("persona_id", ["en-bike-shop", "ru-dental-clinic", "nb-hotel"])
def test_edit_messages_are_in_the_plans_language(service: CoachService, persona_id: str) -> None:
    session_id = _finish(service, persona_id)
    plan = service.session(session_id).plan
    language = _persona(persona_id)["language"]
    assert plan.language == language
    say, english = Messages(language), Messages("en")
    goal = plan.goals[0]
    assert goal.target

    done = service.edit_goal(session_id, goal.id, GoalEdit(target=goal.target.value + 1))
    with pytest.raises(EditRefused) as refused:
        service.edit_goal(session_id, goal.id, GoalEdit(deadline="someday-ish"))
    reply = service.send(session_id, {"en": "Thanks.", "ru": "Спасибо.", "nb": "Takk."}[language])

    assert say.label("edit_fields", "target") in done.change
    assert str(refused.value) == say.say("edit_bad_deadline", value="someday-ish")
    assert say.say("edits_noted", changes=done.change) in reply.reply
    if language != "en":
        assert english.say("edits_noted", changes=done.change) not in reply.reply
        assert english.label("edit_fields", "target") not in done.change


@pytest.fixture(scope="module")
def finished_en(service: CoachService) -> str:
    """A finished en-bike-shop session the tests using it only read (or fail to change)."""
    return _finish(service, "en-bike-shop")


# ----- answer controls -----


def _picks(questions: list[MaturityQuestion]) -> dict[str, Any]:
    """A valid answer for each question: a checklist ticked, yes, and don't know."""
    picks: dict[str, Any] = {}
    singles = 0
    for question in questions:
        if question.kind == "checklist":
            picks[question.id] = [o.id for o in question.options[:2]]
        elif question.kind == "scale_0_5":
            picks[question.id] = 3
        else:
            picks[question.id] = "yes" if singles == 0 else "unknown"
            singles += 1
    return picks


@pytest.mark.parametrize("persona_id", ["en-bike-shop", "ru-dental-clinic"])
def test_picked_answers_are_recorded_and_listed_in_the_session_language(
    service: CoachService, persona_id: str
) -> None:
    session_id = _new_id()
    assert service.quick_questions(session_id) == []
    service.send(session_id, _script(persona_id)[0])
    state = service.session(session_id)
    language = state.language
    assert language == _persona(persona_id)["language"]
    bank = load_maturity_questions()
    group = next(g for g in bank.interview_groups if g.id == state.groups_asked[-1])

    questions = service.quick_questions(session_id)

    assert [q.id for q in questions] == group.question_ids
    picks = _picks(questions)
    assert any(isinstance(v, list) for v in picks.values()) and "unknown" in picks.values()
    other = next(q for q in bank.questions if q.kind == "yes_partial_no" and q.id not in picks)
    invalid = {"no_such_question": "yes", other.id: "maybe"}

    service.send(session_id, "", answers={**picks, **invalid})

    after = service.session(session_id)
    assert after.maturity_answers == {**state.maturity_answers, **picks}
    turn = after.transcript[-2]
    assert turn.role == "user" and turn.answers == picks
    app = Messages(language, "app")
    assert turn.content.startswith(app.say("answers_head"))
    for question in questions:
        assert question.text.get(language) in turn.content
        if question.kind == "checklist":
            for option in question.options[:2]:
                assert option.label.get(language) in turn.content
    assert app.say("unknown") in turn.content and app.say("yes") in turn.content
    assert other.text.get(language) not in turn.content
    assert after.transcript[-1].role == "assistant" and after.transcript[-1].content.strip()

    # writing that reply again keeps the picks as they were
    list(service.regenerate(session_id))
    again = service.session(session_id)
    assert again.transcript[-2] == turn
    assert again.maturity_answers == after.maturity_answers


def test_picks_win_over_the_typed_words_for_their_questions(service: CoachService) -> None:
    first = _script("en-bike-shop")[0]
    words = "We have our own website and a webshop."
    control, picked = _new_id(), _new_id()
    for session_id in (control, picked):
        service.send(session_id, first)
    question = service.quick_questions(picked)[0]
    assert question.kind == "yes_partial_no"

    service.send(control, words)
    read = service.session(control).maturity_answers.get(question.id)
    assert read == "yes"  # the words alone answer the question
    service.send(picked, words, answers={question.id: "no"})

    state = service.session(picked)
    assert state.maturity_answers[question.id] == "no"
    turn = state.transcript[-2]
    assert turn.typed == words and turn.content.startswith(words)


# ----- ratings -----


def _ratings(data_dir: Path) -> list[dict[str, Any]]:
    log = data_dir / "feedback" / "ratings.jsonl"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def _cases(data_dir: Path) -> set[Path]:
    return set((data_dir / "feedback" / "cases").glob("*.json"))


@pytest.fixture(scope="module")
def rated_session(service: CoachService) -> str:
    session_id = _new_id()
    _talk(service, session_id, _script("en-bike-shop")[:4])
    return session_id


def _thumbs_down(service: CoachService, session_id: str, number: int) -> dict[str, Any]:
    path = service.rate(session_id, number, "down", "too vague")
    assert path is not None
    assert path.parent == service.settings.data_dir / "feedback" / "cases"
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text
    return {"path": path, **json.loads(text)}


def test_a_thumbs_down_saves_the_turn_as_a_case(
    service: CoachService, data_dir: Path, rated_session: str
) -> None:
    logged = len(_ratings(data_dir))

    case = _thumbs_down(service, rated_session, 2)

    replies = [
        t.content for t in service.session(rated_session).transcript if t.role == "assistant"
    ]
    assert case["script"] == _script("en-bike-shop")[:3]
    assert case["reply"] == replies[2]
    assert case["comment"] == "too vague" and case["rating"] == "down"
    assert case["session_id"] == rated_session and case["reply_index"] == 2
    assert not [name for name in case["settings"] if "key" in name.lower()]
    logged_now = _ratings(data_dir)[logged:]
    assert [(r["id"], r["rating"], r["reply_index"], r["comment"]) for r in logged_now] == [
        (case["id"], "down", 2, "too vague")
    ]


def test_a_thumbs_up_is_only_logged(
    service: CoachService, data_dir: Path, rated_session: str
) -> None:
    cases, logged = _cases(data_dir), len(_ratings(data_dir))
    assert service.rate(rated_session, 0, "up") is None
    assert _cases(data_dir) == cases
    new = _ratings(data_dir)[logged:]
    assert [(r["rating"], r["reply_index"], r["session_id"]) for r in new] == [
        ("up", 0, rated_session)
    ]


@pytest.mark.parametrize("number", [4, 99, -1])
def test_rating_a_reply_that_does_not_exist_fails(
    service: CoachService, data_dir: Path, rated_session: str, number: int
) -> None:
    cases, logged = _cases(data_dir), len(_ratings(data_dir))
    with pytest.raises(IndexError):
        service.rate(rated_session, number, "down")
    assert _cases(data_dir) == cases and len(_ratings(data_dir)) == logged


@pytest.mark.slow
def test_a_case_replays_through_the_command_line(
    service: CoachService, rated_session: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = _thumbs_down(service, rated_session, 2)
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "replay"))
    get_settings.cache_clear()

    result = CliRunner().invoke(cli_app, ["chat", "--script", str(case["path"]), "--json"])

    assert result.exit_code == 0, result.output
    replay = json.loads(result.stdout)
    users = [t["content"] for t in replay["transcript"] if t["role"] == "user"]
    replies = [t["content"] for t in replay["transcript"] if t["role"] == "assistant"]
    assert users == case["script"]
    assert len(replies) == len(case["script"])
    assert replies[-1] == case["reply"]  # the rated reply, reproduced


# ----- exports -----


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fmt", "extension", "magic"),
    [
        ("md", ".md", b"#"),
        ("docx", ".docx", b"PK"),
        ("pdf", ".pdf", b"%PDF"),
        ("transcript", ".md", b""),
    ],
)
def test_each_export_is_a_file_of_its_kind(
    service: CoachService, finished_en: str, fmt: str, extension: str, magic: bytes
) -> None:
    exported = service.export(finished_en, fmt)  # type: ignore[arg-type]
    assert exported.filename.endswith(extension)
    name = service.session(finished_en).plan.profile.business_name
    assert exported.filename.startswith(slug(name))
    assert TODAY.isoformat() in exported.filename
    assert exported.content and exported.content.startswith(magic)
    if fmt == "transcript":
        assert _script("en-bike-shop")[0].encode() in exported.content


# ----- knowledge uploads (each in a session of its own; see test_upload_isolation.py) -----

KELP = (
    "---\ntitle: Kelp jam from Skarvøy\nlanguage: en\n---\n# Kelp jam from Skarvøy\n\n"
    "## Harvest\n\nThe lighthouse keeper on Skarvøy boils zebra-striped kelp into jam and "
    "ships the jars by ferry every Thursday.\n"
)
QUOKKA = (
    "---\ntitle: Quokka courier\nlanguage: en\n---\n# Quokka courier\n\n## Routes\n\n"
    "Our quokka courier carries marzipan parcels across the Nullarbor plain on tandem "
    "bicycles.\n"
)

GOATS = (
    "# Fjord goats\n\n## Cheese\n\nOur fjord goats graze on saffron meadows, and their cheese "
    "is sold from a rowing boat.\n"
)
WOMBATS = (
    "# Wombat choir\n\n## Rehearsals\n\nThe wombat choir rehearses with a tuba quartet in "
    "an abandoned opal mine.\n"
)


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_an_uploaded_document_is_searchable_at_once(service: CoachService, tmp_path: Path) -> None:
    path = _write(tmp_path, "kelp-notes.md", KELP)
    session_id = _new_id()
    report = service.add_documents(session_id, [path])
    assert [(f.path, f.status) for f in report.files] == [("kelp-notes.md", "added")]
    assert report.files[0].chunks > 0
    query = "zebra-striped kelp jam from the lighthouse keeper"
    best = service.search_knowledge(session_id, query, 3)[0]
    assert best.source == "kelp-notes.md"
    assert best.title == "Kelp jam from Skarvøy"


def test_unreadable_uploads_get_a_reason_each(service: CoachService, tmp_path: Path) -> None:
    empty = _write(tmp_path, "empty.md", "")
    binary = _write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40))
    good = _write(tmp_path, "quokka.md", QUOKKA)

    session_id = _new_id()
    report = service.add_documents(session_id, [empty, binary, good])

    by_name = {f.path: f for f in report.files}
    assert by_name["empty.md"].status == "skipped" and by_name["empty.md"].reason
    assert by_name["photo.txt"].status == "skipped" and by_name["photo.txt"].reason
    assert by_name["empty.md"].reason != by_name["photo.txt"].reason
    assert by_name["quokka.md"].status == "added"
    found = service.search_knowledge(session_id, "quokka courier marzipan parcels", 3)
    assert found[0].source == "quokka.md"
    assert sorted(p.name for p in service.settings.uploads_dir.joinpath(session_id).iterdir()) == [
        "quokka.md"
    ]  # the unreadable ones are not kept
    assert service.send(session_id, _script("en-bike-shop")[0]).reply.strip()


def test_the_same_file_twice_is_kept_once_and_same_names_are_both_kept(
    service: CoachService, tmp_path: Path
) -> None:
    session_id = _new_id()
    first = _write(tmp_path / "a", "notes.md", GOATS)
    assert [f.status for f in service.add_documents(session_id, [first]).files] == ["added"]

    again = service.add_documents(session_id, [first])
    assert [f.status for f in again.files] in (["unchanged"], ["duplicate"])
    assert not again.files[0].chunks

    other = _write(tmp_path / "b", "notes.md", WOMBATS)
    report = service.add_documents(session_id, [other])
    assert [f.status for f in report.files] == ["added"]
    assert report.files[0].path != "notes.md" and report.files[0].path.startswith("notes")

    def best(query: str) -> str:
        return service.search_knowledge(session_id, query, 3)[0].source

    assert best("fjord goats saffron cheese") == "notes.md"
    assert best("wombat choir tuba rehearsal") == report.files[0].path
