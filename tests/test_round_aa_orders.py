"""Orders about roadmap steps as blind owners gave them in round z (evals/listening/
unscripted-2026-12-05z): a step named by its number in brackets ("Рассылку писем
(инициатива 3) уберите") is the one removed, never another that a word of the reason
happens to name; "put it back" restores a step taken out, as it was; a quoted title beats a
number said before the roadmap was renumbered; "fix the link" moves a step to the goal
named."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.render import roadmap_order
from assistant.coaching.service import CoachService
from assistant.config import Settings

pytestmark = pytest.mark.slow
TODAY = date(2026, 12, 5)
BREWERY = [
    "We're Ironside Brewing, a brewery in Sheffield, 12 people, revenue about £1.1m.",
    "Website yes, on Squarespace. No webshop. Instagram and a Mailchimp newsletter.",
    "Customer details in a spreadsheet. Google Analytics on the site. Goals not written.",
    "Skills: a freelancer helps. Invoicing in Xero. Backups in Google Drive. Some paper.",
    "Objectives: 1. Grow online beer sales from £1,450 a month to £6,000 a month by end of "
    "2027. 2. Get more pubs: from 40 pub accounts to 55 by December 2027. 3. Fill the "
    "taproom on quiet nights: Tuesday to Thursday average is maybe 35 people, I'd like 70 "
    "by June 2027.",
    "yes",
    "yes",
]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round-aa")), today=lambda: TODAY)


def _roadmap(service: CoachService, sid: str) -> list[str]:
    return [i.title for i in roadmap_order(service.session(sid).plan)]


def _drafted(service: CoachService, sid: str) -> list[str]:
    for message in BREWERY:
        service.send(sid, message, "en")
    titles = _roadmap(service, sid)
    assert len(titles) >= 4, titles
    return titles


def test_a_step_numbered_in_brackets_is_the_one_removed(service):
    titles = _drafted(service, "brackets")
    third, others = titles[2], [t for n, t in enumerate(titles) if n != 2]
    reply = service.send(
        "brackets",
        f"Thanks. The {third.split()[0].lower()} thing (initiative 3) can go, nobody here has time "
        f"for {titles[0].lower()}.",
        "en",
    ).reply
    assert third not in _roadmap(service, "brackets")
    assert _roadmap(service, "brackets") == others
    assert third in reply


def test_put_it_back_restores_the_step_taken_out_in_the_lane_asked(service):
    titles = _drafted(service, "put-back")
    first = titles[0]
    service.send("put-back", "remove step 1", "en")
    assert first not in _roadmap(service, "put-back")
    reply = service.send("put-back", "Sorry, my mistake, put it back please.", "en").reply
    assert first in _roadmap(service, "put-back")
    assert "back in the roadmap" in reply
    before = _roadmap(service, "put-back")
    service.send("put-back", "remove step 2", "en")
    (gone,) = set(before) - set(_roadmap(service, "put-back"))
    service.send("put-back", f"Bring back {gone.lower()}, in Later.", "en")
    plan = service.session("put-back").plan
    restored = [i for i in plan.roadmap if i.title == gone]
    assert restored and restored[0].horizon == "long"


def test_a_quoted_title_beats_a_stale_number(service):
    titles = _drafted(service, "stale")
    service.send("stale", "remove step 2", "en")
    left = _roadmap(service, "stale")
    reply = service.send("stale", f'Also remove step 2 "{titles[1]}".', "en").reply
    assert _roadmap(service, "stale") == left  # step 2 now is another one: it stays
    assert "already off the roadmap" in reply


def test_fix_the_link_moves_a_step_to_the_goal_named(service):
    _drafted(service, "relink")
    plan = service.session("relink").plan
    reply = service.send(
        "relink",
        "Step 1 (the first one) is really about the pubs, goal 2, not the taproom, fix the link.",
        "en",
    ).reply
    plan = service.session("relink").plan
    first = roadmap_order(plan)[0]
    assert first.goal_ids == [plan.goals[1].id]
    assert first.title in reply


def test_russian_orders_from_the_salon_round():
    from assistant.coaching.facts import read_message

    said = (
        "Спасибо. Рассылку писем (инициатива 3) уберите — почту у нас никто не читает, всё в "
        "ватсапе и телеграме. А напоминания (инициатива 1) — это ведь про неявки, цель 2, а не "
        "про онлайн-запись, поправьте связь."
    )
    orders = {(c.action, c.number) for c in read_message(said, "ru", TODAY, goals=4).commands}
    assert orders == {("drop_initiative", 3), ("link_initiative", 1)}
    said = "Верните онлайн-запись в «Сейчас» и уберите инициативу 3 «Рассылка и письма»."
    actions = [c.action for c in read_message(said, "ru", TODAY, goals=4).commands]
    assert sorted(actions) == ["add_initiative", "drop_initiative"]


SUMMARY_AIMS = BREWERY[:5]


def test_a_rename_said_as_not_x_but_y_or_after_a_bare_goal_number_takes_the_new_name():
    from assistant.coaching.facts import read_message

    said = "And please rename goal 3, it is NOT active customers, it's clients using Xero."
    (order,) = read_message(said, "en", TODAY, goals=4).commands
    assert (order.action, order.number, order.name) == ("rename_goal", 3, "clients using Xero")
    said = "goal 4. rename it average fee per client"
    (order,) = read_message(said, "en", TODAY, goals=4).commands
    assert (order.number, order.name) == (4, "average fee per client")
    said = "I like goal 4. Rename goal 2 to web sales."
    (order,) = read_message(said, "en", TODAY, goals=4).commands
    assert order.number == 2


def test_call_it_x_not_the_summarys_name_renames_it_and_the_summary_repeats_only_changes(service):
    for message in SUMMARY_AIMS:
        first = service.send("summary", message, "en").reply
    assert "Digital maturity" in first and "Pub accounts: 40 → 55" in first
    third = first.split("**Objectives:**")[1].splitlines()[3]  # "- Tuesday …: 35 → 70, …"
    shown = third.removeprefix("- ").split(":")[0].lower()
    reply = service.send(
        "summary", f"Call it taproom visitors on quiet nights, not {shown}.", "en"
    ).reply
    assert "Taproom visitors on quiet nights: 35 → 70" in reply
    assert "Digital maturity" not in reply and "Top gaps" not in reply
    reply = service.send("summary", "Actually we are 14 people, not 12.", "en").reply
    assert "14 people" in reply and "Objectives" not in reply


def test_months_closed_in_chat_are_said_back_and_the_roadmap_keeps_to_them(service):
    _drafted(service, "quiet")
    reply = service.send(
        "quiet", "One thing: April to June is our busy season, no new projects then.", "en"
    ).reply
    assert "nothing new starts in April, May, June" in reply
    plan = service.session("quiet").plan
    assert not any(i.start.endswith("-Q2") for i in plan.roadmap if i.start)


def test_a_business_name_in_another_language_does_not_switch_the_reply_language(service):
    service.send("named", "Hi, we're a small bakery in Bergen, 8 people.")
    reply = service.send("named", "It's called Bakeriet på Hjørnet, revenue about 6 million NOK.")
    assert service.session("named").language == "en"
    assert "Bakeriet på Hjørnet" in reply.reply and "Now your current digital state" in reply.reply


def test_a_goals_unit_said_as_a_correction_changes_its_unit_not_its_name_or_the_markets():
    from assistant.coaching.facts import read_message
    from assistant.coaching.units import unit_named

    facts = read_message("Mål 2 er i TIMER, ikke dager.", "nb", TODAY, goals=3)
    assert not facts.markets
    (order,) = [c for c in facts.commands if c.action == "rename_goal"]
    assert unit_named(order.name, "nb") == "hours"
    assert unit_named("в часах", "ru") == "hours" and unit_named("our own enquiries", "en") is None


def test_a_drafted_goals_unit_is_changed_in_chat(service):
    _drafted(service, "unit")
    plan = service.session("unit").plan
    before = plan.goals[2].statement
    reply = service.send("unit", "Goal 3 is in hours, not bookings.", "en").reply
    goal = service.session("unit").plan.goals[2]
    assert goal.target.unit == "hours" and "hours" in goal.statement, (before, reply)
    assert goal.metric == plan.goals[2].metric


def test_a_clarification_of_what_something_is_about_refuses_nothing():
    from assistant.coaching.refusals import refused_steps

    said = (
        "that measuring answer is about customers cancelling/leaving, not no-shows. no-show "
        "rate = appointments where the dog didn't turn up ÷ all booked appointments. anyway, "
        "yes, go on to the roadmap"
    )
    assert refused_steps(said, "en") == []
    assert refused_steps("no webshop please, we are plumbers", "en") == ["launch_webshop"]
    said = "Og vi har IKKE nettbooking i dag – det er jo det vi vil få på plass."
    assert refused_steps(said, "nb") == []


def test_put_it_back_after_an_objection_restores_that_step_and_not_one_removed_with_it(service):
    titles = _drafted(service, "objected")
    service.send("objected", "remove step 1", "en")
    service.send("objected", "Put it back please, in Now. And remove step 2.", "en")
    roadmap = _roadmap(service, "objected")
    assert titles[0] in roadmap
    assert len(roadmap) == len(titles) - 1


def test_a_side_line_at_the_roadmap_resumes_with_its_question_not_the_whole_roadmap(service):
    titles = _drafted(service, "aside")
    reply = service.send("aside", "btw did you see the match last night?", "en").reply
    assert "Does the roadmap look right?" in reply
    assert not any(t in reply for t in titles), reply


def test_put_back_naming_a_step_never_restores_another_one(service):
    titles = _drafted(service, "named-back")
    service.send("named-back", "remove step 1", "en")
    reply = service.send("named-back", "Put the recruitment page back.", "en").reply
    assert titles[0] not in _roadmap(service, "named-back"), reply


def test_a_measure_denied_then_said_in_the_next_sentence_renames_the_goal(service):
    for message in SUMMARY_AIMS:
        service.send("denied", message, "en")
    reply = service.send(
        "denied",
        "Goal 2 - not pub accounts, that's not how we count! It's pubs that order every month.",
        "en",
    ).reply
    assert service.session("denied").candidates[1].name == "pubs that order every month", reply


def test_a_russian_measure_denied_after_a_dash_is_read():
    from assistant.understanding import cues

    said = "Цель 2 - это не конверсия интернет-магазина, у нас его нет!"
    assert cues.search("measure_denied", "ru", said).group("old").startswith("конверсия")


def test_removing_a_goals_date_keeps_the_goal_and_asks_when(service):
    _drafted(service, "undated")
    goals = len(service.session("undated").plan.goals)
    reply = service.send("undated", "Remove the deadline from goal 2, we don't know yet.", "en")
    plan = service.session("undated").plan
    assert len(plan.goals) == goals and plan.goals[1].deadline is None, reply.reply
    assert "without a deadline" in reply.reply and "2027-12-31" not in plan.goals[1].statement
    for message in SUMMARY_AIMS:
        service.send("undated-summary", message, "en")
    service.send("undated-summary", "Remove the date on the taproom one, not sure yet.", "en")
    candidates = service.session("undated-summary").candidates
    assert len(candidates) == 3 and candidates[2].deadline is None
