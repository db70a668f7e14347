"""Every objective the owner states gets at least one initiative: when no initiative of the
catalogue serves it, the owner's own workstream, named after their aim and in their language;
groundwork only for a gap the owner's own words show, said in plain words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.coaching.plan import Goal, Objective
from assistant.coaching.service import CoachService
from assistant.coaching.workstreams import aim_words, kind_of, load_workstreams
from assistant.config import Settings

TODAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("own-workstreams")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


BRIEFS = {
    "en": (
        "We are a removals firm in Leeds with 12 staff. We want to double office moves from 8 "
        "to 16 a year by the end of 2027. We also want to open a second depot in York next year."
    ),
    "nb": (
        "Vi er et flyttebyrå i Bergen med 12 ansatte. Vi vil doble kontorflyttinger fra 8 til "
        "16 i året innen utgangen av 2027. Vi vil også starte en lagringstjeneste neste år."
    ),
    "sv": (
        "Vi är en flyttfirma i Umeå med 12 anställda. Vi vill dubbla kontorsflyttarna från 8 "
        "till 16 om året till slutet av 2027. Vi vill också starta en lagringstjänst nästa år."
    ),
    "ru": (
        "Мы детский центр в Казани, 9 сотрудников. Хотим к сентябрю 2027 года выйти на 230 "
        "детей, сейчас занимается примерно 170 детей. И запустить летний городской лагерь."
    ),
}


@pytest.mark.parametrize("language", sorted(BRIEFS))
def test_every_stated_objective_has_an_initiative_in_the_owners_language(service, language):
    plan = service.plan_from_brief(BRIEFS[language], language)
    assert len(plan.goals) == 2
    for goal in plan.goals:
        serving = [i for i in plan.roadmap if goal.id in i.goal_ids]
        assert serving, f"nothing serves {goal.statement!r}"
    own = [i for i in plan.roadmap if i.title.startswith(_own_titles(language))]
    assert own, [i.title for i in plan.roadmap]
    for item in own:
        assert item.description and "{what}" not in item.title + item.description
        assert item.goal_ids and item.horizon and item.resources


def _own_titles(language: str) -> tuple[str, ...]:
    """The opening words of each workstream title in ``language`` ("Grow", "Project: ",
    "Launch the ")."""
    specs = load_workstreams().workstreams
    titles = [t.get(language) for w in specs for t in (w.title, w.title_quoted, w.title_offer) if t]
    return tuple(t.split("{what}")[0] for t in titles if t.split("{what}")[0])


def test_a_milestone_has_no_todays_value_to_measure(service):
    plan = service.plan_from_brief(BRIEFS["en"], "en")
    milestone = next(g for g in plan.goals if "depot" in g.statement)
    assert milestone.baseline is None
    assert not any("depot" in q and "today's value" in q.lower() for q in plan.open_questions)
    [project] = [i for i in plan.roadmap if milestone.id in i.goal_ids]
    assert project.title == "Project: open a second depot in York"
    assert not any(i.title == "Measure today's baselines" for i in plan.roadmap)


def _goal(**fields) -> Goal:
    return Goal.model_validate({"id": "g1", "statement": "s", **fields})


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"metric": "launch in Norway"}, "make_happen"),
        (
            {
                "metric": "office moves",
                "direction": "increase",
                "target": {"value": 16, "unit": "units"},
            },
            "grow",
        ),
        ({"metric": "admin hours", "direction": "decrease", "change_percent": -30}, "bring_down"),
        ({"metric": "paid traffic", "direction": "decrease", "change_percent": -30}, "spread"),
        (
            {"metric": "avhengigheten av olje", "direction": "decrease", "change_percent": -25},
            "spread",
        ),
        (
            {
                "metric": "billing rate",
                "direction": "increase",
                "baseline": {"value": 62, "unit": "%", "status": "measured"},
                "target": {"value": 70, "unit": "%"},
            },
            "raise_share",
        ),
    ],
)
def test_the_kind_of_workstream_follows_the_goal(fields, kind):
    language = "nb" if "olje" in fields["metric"] else "en"
    assert kind_of(_goal(**fields), language) == kind


def test_an_aim_that_is_a_piece_of_a_sentence_is_quoted_not_used_as_a_name():
    objective = Objective(id="o1", owner_words="Finland och få 15 % av omsättningen därifrån.")
    quoted = _goal(metric="”Finland och få 15 % av omsättningen därifrån”")
    assert aim_words(quoted, objective) == ("Finland och få 15 % av omsättningen därifrån", False)
    named = _goal(metric="wellness plan members")
    assert aim_words(named, objective) == ("wellness plan members", True)


def test_groundwork_needs_a_gap_the_owner_described_and_says_it_plainly(service):
    said = (
        "We are a removals firm in Leeds with 12 staff. We want to double office moves from 8 "
        "to 16 a year by the end of 2027."
    )
    plan = service.plan_from_brief(said, "en")
    assert not any(i.rationale.startswith("Groundwork") for i in plan.roadmap)
    gap = " We don't have a CRM, customer details live in our inboxes."
    plan = service.plan_from_brief(said + gap, "en")
    groundwork = [i for i in plan.roadmap if i.rationale.startswith("Groundwork")]
    assert [i.title for i in groundwork] == ["CRM basics: one shared customer register"]
    assert "customer data is not kept in one shared place" in groundwork[0].rationale
    assert "readiness" not in groundwork[0].rationale.lower()


def test_work_for_a_goal_never_starts_after_the_goal_is_due(service):
    """Timesheets due on 1 March start now even when Now is full with the owner's earlier
    aims; nothing for a goal due within the year waits for Later."""
    said = (
        "We are a groundworks contractor in Bristol with 40 operators. Our goals: raise website "
        "enquiries from 10 to 30 a month by the end of 2028; get from 20 to 80 Google reviews "
        "by the end of 2028; grow revenue from 6m to 8m by the end of 2028; "
        "cut the days from finished job to invoice from 20 to 5 by the end of 2028; and every "
        "operator logging hours in a phone app instead of paper timesheets by 1 March 2027."
    )
    plan = service.plan_from_brief(said, "en")
    timesheets = next(g for g in plan.goals if "timesheets" in g.statement)
    serving = [i for i in plan.roadmap if timesheets.id in i.goal_ids]
    assert serving and all(i.horizon == "short" for i in serving)
    soon = said.replace("by the end of 2028", "by the end of September 2027")
    plan = service.plan_from_brief(soon, "en")
    for goal in plan.goals:
        lanes = {i.horizon for i in plan.roadmap if goal.id in i.goal_ids}
        assert lanes and "long" not in lanes, goal.statement
