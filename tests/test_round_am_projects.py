"""An aim with no figure that no catalogue step serves is a project, and a consultant sets
out different steps for different sorts of project: a new market starts with what selling
there takes and the first customers there; a system in place of paper starts with how the
work is done today and tries the tool with one team; a new offer is priced and pre-sold to
today's customers before money is spent on it. Only other projects get the general steps."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.plan import Goal, Objective, Target
from assistant.coaching.workstreams import (
    Reach,
    dated_steps,
    load_workstreams,
    project_sort,
    workstream_for,
)

TODAY = date(2026, 12, 6)


def _aim(words: str) -> tuple[Objective, Goal]:
    objective = Objective(id="o1", owner_words=words, category="other")
    return objective, Goal(id="g1", statement=words, metric=words)


@pytest.mark.parametrize(
    ("language", "words", "sort"),
    [
        ("en", "win accounts in southern NSW", "enter_market"),
        ("en", "start exporting to Germany", "enter_market"),
        ("sv", "lansera i Norge och Finland", "enter_market"),
        ("nb", "få kunder utenfor Rogaland", "enter_market"),
        ("ru", "выйти на клиентов за пределами Сибири", "enter_market"),
        ("en", "no more paper timesheets", "set_up"),
        ("en", "see every job's status in one place", "set_up"),
        ("nb", "slutte med timelister på papir", "set_up"),
        ("sv", "ett CRM som säljarna faktiskt använder", "set_up"),
        ("ru", "видеть загрузку цеха и статус каждого заказа в реальном времени", "set_up"),
        ("ru", "нормально наладить учёт урожая и отгрузок", "set_up"),
        ("en", "open a second depot in York", "make_happen"),
        ("en", "start a monthly grooming plan", "launch"),
        ("sv", "starta hundpensionat som tilläggstjänst", "launch"),
        ("nb", "starte en lagringstjeneste", "launch"),
        ("ru", "Запустить летний городской лагерь", "launch"),
        ("en", "be seen as a serious employer", "make_happen"),
        ("sv", "synas som en seriös arbetsgivare", "make_happen"),
    ],
)
def test_the_sort_of_project_follows_the_owners_words(language, words, sort):
    objective, goal = _aim(words)
    assert project_sort(goal, objective, language) == sort


SAID_OF = {  # a phrase each sort's steps must say, and one they must not
    "enter_market": ("first five to ten", "try it on a small scale"),
    "set_up": ("one team or one kind of job", "first sign-ups or deposits"),
    "launch": ("first sign-ups or deposits", "one team or one kind of job"),
    "make_happen": ("compare two or three ways", "first sign-ups or deposits"),
}


@pytest.mark.parametrize(
    ("words", "sort"),
    [
        ("win accounts in southern NSW", "enter_market"),
        ("no more paper timesheets", "set_up"),
        ("start a puppy class on Saturdays", "launch"),
        ("be seen as a serious employer", "make_happen"),
    ],
)
@pytest.mark.parametrize("deadline", [None, date(2027, 12, 31)])
def test_each_sort_of_project_gets_its_own_steps_with_or_without_dates(words, sort, deadline):
    objective, goal = _aim(words)
    goal = goal.model_copy(update={"deadline": deadline})
    step = workstream_for(objective, goal, "en", today=TODAY)
    said, not_said = SAID_OF[sort]
    assert said in step.description.en
    assert not_said not in step.description.en
    if sort == "launch":  # named by the new offer itself
        launch = "Launch the puppy class on Saturdays: offer, price and first customers"
        assert step.title.en == launch
    else:
        assert step.title.en == f"Project: {words}"
    assert (step.dated is not None) == (deadline is not None)
    if deadline is not None:  # dated once the step has its lane; here it starts today
        assert "By December 2027" in dated_steps(step.dated.en, TODAY, deadline, "en")


def test_every_sort_of_project_speaks_every_language():
    for spec in load_workstreams().workstreams:
        for language in ("en", "nb", "sv", "ru"):
            assert spec.description.get(language) and spec.title.get(language)
            if spec.kind in ("enter_market", "set_up", "launch"):
                assert spec.cues is not None and spec.cues.get(language)
                assert spec.dated is not None and "{done}" in spec.dated.get(language)


def test_a_step_is_written_for_the_kind_of_business_that_gets_it():
    from assistant.coaching.catalogue import load_kpi_catalogue

    catalogue = load_kpi_catalogue()
    offer = next(i for i in catalogue.initiatives if i.id == "corporate_offer")
    bakery_title, bakery_steps = offer.written_for("food_service", "en")
    salon_title, _ = offer.written_for("personal_services", "en")
    assert "office" in bakery_title.lower() and "lunch platters" in bakery_steps
    assert salon_title == offer.title.en  # every other business reads the catalogue's own
    assert catalogue.title_ids("en")[bakery_title] == "corporate_offer"  # "drop it" still works
    hiring = next(i for i in catalogue.initiatives if i.id == "recruitment_page")
    assert "trade schools" not in hiring.written_for("professional_services", "en")[1]
    assert "trade schools" in hiring.written_for("trades", "en")[1]


def test_a_business_that_sells_only_to_firms_gets_no_consumer_channels_in_its_own_step():
    objective, goal = _aim("win 10 new fabrication accounts")
    aim = Target(value=10, unit="count")
    goal = Goal(id="g1", statement="s", metric="new accounts", target=aim)
    firms = workstream_for(objective, goal, "en", Reach(b2b=True, firms_only=True), TODAY)
    mixed = workstream_for(objective, goal, "en", Reach(b2b=True), TODAY)
    assert "Google profile" not in firms.description.en and "references" in firms.description.en
    assert "Google profile" in mixed.description.en and "20–30 businesses" in mixed.description.en
