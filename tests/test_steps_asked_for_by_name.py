"""Steps the owner of a dental clinic asked for in the blind round of 2026-12-05n
(evals/listening/unscripted-2026-12-05n/transcript_sv_dental.md) and did not get: a step
re-linked to another goal ("Steg 1 hör till mål 4, inte till uteblivna besök") was taken
off the roadmap, "lägg till automatiska SMS-påminnelser" was refused because the clinic's
system sends some already, a step read back by its title was not known, and a question
("Du förstår inte ”sms-påminnelser”?") was taken as refusing the step it names; and the
realism check kept calling a target too steep after the owner said why it holds ("Mål 4
behåller jag på 80 % – vi byter bara rutin")."""

from __future__ import annotations

from datetime import date

import pytest
from text_helpers import owner_messages

from assistant.coaching.service import CoachService
from assistant.coaching.step_gaps import served_goals
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
TRANSCRIPT = "unscripted-2026-12-05n/transcript_sv_dental.md"
REMINDERS = "Automatiska påminnelser och bekräftelser av bokade tider"
HEALTH_FORMS = "Digitala hälsodeklarationer och samtycken före besöket"


def _owner_messages() -> list[str]:
    return owner_messages(TRANSCRIPT)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("steps-by-name")), today=lambda: TODAY)


def _roadmap_drafted(service: CoachService, sid: str) -> None:
    for message in _owner_messages()[:14]:  # up to "Ja, gör färdplanen."
        service.send(sid, message, "sv")
    assert service.session(sid).plan.roadmap


def _step(service: CoachService, sid: str, title: str):
    return next((i for i in service.session(sid).plan.roadmap if i.title == title), None)


def test_a_step_said_to_belong_to_another_goal_is_relinked_not_removed(service):
    sid = "relink"
    _roadmap_drafted(service, sid)
    reply = service.send(
        sid, "Steg 1 (digitala hälsodeklarationer) hör till mål 4, inte till uteblivna besök.", "sv"
    ).reply
    step = _step(service, sid, HEALTH_FORMS)
    assert step is not None, reply
    goal_4 = service.session(sid).plan.goals[3]
    assert step.goal_ids == [goal_4.id]
    assert "mål 4" in reply
    assert "borttaget" not in reply


def test_steps_asked_for_by_name_title_or_put_back_are_added_in_the_lane_said(service):
    sid = "asked-by-name"
    _roadmap_drafted(service, sid)
    service.send(sid, "Ta bort de digitala hälsodeklarationerna.", "sv")
    assert _step(service, sid, HEALTH_FORMS) is None
    reply = service.send(
        sid,
        "Du förstår inte ”sms-påminnelser”? Lägg till automatiska SMS-påminnelser före "
        "besöket, i Nu.\nLägg tillbaka digitala hälsodeklarationer och samtycken före besöket.",
        "sv",
    ).reply
    reminders, forms = _step(service, sid, REMINDERS), _step(service, sid, HEALTH_FORMS)
    assert reminders is not None and forms is not None, reply
    assert reminders.horizon == "short"
    assert "hålls utanför" not in reply  # the question refused nothing


def test_a_steep_target_the_owner_keeps_is_no_longer_flagged(service):
    sid = "kept"
    messages = _owner_messages()
    for message in messages[:13]:
        service.send(sid, message, "sv")
    goal_4 = service.session(sid).plan.goals[3]
    assert not goal_4.smart.achievable.ok  # 0 → 80 % in seven months: steep
    reply = service.send(sid, messages[13], "sv").reply  # "Mål 4 behåller jag på 80 % – …"
    goal_4 = service.session(sid).plan.goals[3]
    assert goal_4.smart.achievable.ok
    assert "mål 4 behåller" in reply
    assert service.session(sid).plan.roadmap  # "Ja, gör färdplanen" is still heard


def test_a_long_step_of_the_owners_own_is_titled_whole_words_and_lands_in_the_lane_said(service):
    sid = "own-step"
    _roadmap_drafted(service, sid)
    said = (
        "en sida om implantat på hemsidan med aktuella priser, före och efter-bilder och ett "
        "formulär för gratis konsultation, innan vi annonserar"
    )
    service.send(sid, f"Lägg till ett initiativ: {said}. Lägg det under Nu.", "sv")
    step = next(i for i in service.session(sid).plan.roadmap if i.description == said)
    assert step.horizon == "short"
    assert step.title.startswith("En sida om implantat") and not step.title.endswith("…")
    assert said.lower().startswith(step.title.lower())  # whole clauses, the rest described


def test_a_goal_left_without_a_step_is_said_at_once(service):
    sid = "left-empty"
    _roadmap_drafted(service, sid)
    reply = service.send(sid, "Ta bort steg 1.", "sv").reply
    plan = service.session(sid).plan
    served = served_goals(plan)  # a goal's second year in Later serves it with steps only
    empty = [n for n, g in enumerate(plan.goals, start=1) if g.id not in served]
    assert empty  # the health forms served goals no other step serves
    for number in empty:
        assert f"Mål {number} (" in reply and "ingen åtgärd i färdplanen nu" in reply


def test_a_step_of_a_removed_goal_says_so_and_serves_no_removed_goal(service):
    sid = "goal-gone"
    _roadmap_drafted(service, sid)
    removed = service.session(sid).plan.goals[2]
    service.send(sid, "Ta bort mål 3.", "sv")
    plan = service.session(sid).plan
    assert all(removed.id not in i.goal_ids for i in plan.roadmap)
    orphans = [i for i in plan.roadmap if "som du tog bort" in i.rationale]
    assert orphans and all(not i.goal_ids for i in orphans)


def test_a_target_kept_by_its_value_keeps_the_goal_that_holds_it(service):
    sid = "kept-by-value"
    for message in _owner_messages()[:13]:
        service.send(sid, message, "sv")
    assert not service.session(sid).plan.goals[3].smart.achievable.ok
    reply = service.send(sid, "Jag behåller 80 %, vi byter bara rutin.", "sv").reply
    assert service.session(sid).plan.goals[3].target_kept, reply
