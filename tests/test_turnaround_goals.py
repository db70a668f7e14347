"""Times an owner wants cut ("quotes out the same day instead of 3–4 days", "fakturere
innen tre dager"), durations said in words, and goal names taken from the owner's words
around a verb of being, a colon or an aside."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from plan_helpers import drafted_goals, serving_the_only_goal

from assistant.coaching.service import CoachService
from assistant.config import Settings
from assistant.understanding.quantities import read_amounts

TODAY = date(2026, 12, 3)


def _goals(text: str, language: str):
    return drafted_goals(text, language, TODAY)


@pytest.mark.parametrize(
    ("language", "text", "kpi", "baseline", "target"),
    [
        (
            "en",
            "Our estimator takes 2-3 days to get a quote out. I want every quote sent within "
            "24 hours by next summer.",
            "Time to send a quote",
            2.5,
            1.0,
        ),
        (
            "nb",
            "Vi fakturerer først to-tre uker etter at jobben er ferdig. Målet er å fakturere "
            "innen tre dager etter ferdig jobb.",
            "Dager fra ferdig jobb til faktura",
            17.5,
            3.0,
        ),
        (
            "sv",
            "Offerterna tar oss en till två veckor i dag. Vi vill skicka varje offert inom "
            "tre dagar till sommaren 2027.",
            "Tid tills offerten är skickad",
            10.5,
            3.0,
        ),
        (
            "ru",
            "Смету сейчас готовим два-три дня после замера. Хочу отдавать смету клиенту в "
            "течение суток.",
            "Срок подготовки сметы или КП",
            2.5,
            1.0,
        ),
    ],
)
def test_a_time_to_quote_or_invoice_is_a_goal_to_cut_from_todays_time(
    language, text, kpi, baseline, target
):
    [goal] = _goals(text, language)
    assert [k.name for k in goal.kpis] == [kpi]
    assert goal.direction == "decrease"
    assert goal.baseline.value == baseline and goal.baseline.unit == "days"
    assert goal.target.value == target and goal.target.unit == "days"


def test_hours_a_week_on_quotes_stay_an_admin_load_not_a_time_to_quote():
    [goal] = _goals("We spend 6 hours a week on quotes, I want that down to 2 by June 2027.", "en")
    assert [k.name for k in goal.kpis] == ["Hours of manual admin per week"]


@pytest.mark.parametrize(
    ("language", "text", "days"),
    [
        ("en", "it takes two to three weeks", (14, 21)),
        ("nb", "det tar tre dager", (3, 3)),
        ("sv", "vi svarar samma dag", (1, 1)),
        ("ru", "обычно два-три дня", (2, 3)),
    ],
)
def test_durations_said_in_words_are_read_in_days(language, text, days):
    [amount] = [f.amount for f in read_amounts(text, language)]
    assert amount.unit == "days"
    assert (amount.low or amount.value, amount.high or amount.value) == days


def test_a_verb_describing_today_does_not_turn_the_aim_round():
    text = "Winter is slow: we drop to roughly 40% utilisation, I want 70% by next winter."
    [goal] = _goals(text, "en")
    assert goal.direction == "increase"
    assert (goal.baseline.value, goal.target.value) == (40, 70)
    assert goal.deadline == date(2027, 12, 31)


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("nb", "Fyllingsgraden ligger vel på 65 %, vil opp til 85 % i 2027.", "fyllingsgraden"),
        ("nb", "Det jeg vil: selge alle de 120 kassene før jul.", "øke kassene til 120"),
        ("en", "Then get 4 machine operators hired before spring.", "machine operators hired"),
        ("sv", "Just nu ligger vi på runt 30-ish hundar om dagen, vill ha 38.", "hundar"),
    ],
)
def test_a_goal_is_named_by_the_owners_words_not_by_the_verb_around_them(language, text, name):
    [goal] = _goals(text, language)
    assert goal.statement.lower().find(name) >= 0, goal.statement


def test_clauses_after_a_header_sentence_go_on_with_their_objective():
    text = (
        "What I want: cut the no-shows in half this year. And I'd like to start a rehab "
        "class, group thing, maybe 2 classes a week by the autumn."
    )
    goals = _goals(text, "en")
    assert len(goals) == 2
    assert not any(g.metric == "group thing" for g in goals)


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    data_dir: Path = seeded_data_dir("turnaround")
    return CoachService(Settings(data_dir=data_dir), today=lambda: TODAY)


def test_a_quote_time_goal_is_served_by_quoting_work_that_says_why_in_its_terms(service):
    plan = service.plan_from_brief(
        "We're roofers in Leeds, 6 of us. Quotes take us 3-4 days because I type them up at "
        "night. I want every quote out within 24 hours by next summer.",
        "en",
    )
    serving = serving_the_only_goal(plan)
    titles = [i.title for i in serving]
    assert any("quote" in t.lower() for t in titles), titles
    assert all("turn into jobs" not in i.rationale for i in serving), [i.rationale for i in serving]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "nb",
            "Vi har en sportsbutikk i Hamar. Nettbutikken er på WooCommerce og omsetter for "
            "ca 2 mill i året. Jeg vil øke netthandelen til 4 mill innen utgangen av 2027.",
        ),
        (
            "sv",
            "Vi säljer keramik via vår Shopify-butik, omsättning ca 3 Mkr. Vi vill öka "
            "försäljningen på nätet till 5 Mkr nästa år.",
        ),
    ],
)
def test_a_shop_that_already_sells_online_is_not_told_to_build_a_webshop(service, language, text):
    plan = service.plan_from_brief(text, language)
    webshop = load_webshop_title(language)
    assert webshop not in [i.title for i in plan.roadmap]


def load_webshop_title(language: str) -> str:
    from assistant.coaching.catalogue import load_kpi_catalogue

    [spec] = [s for s in load_kpi_catalogue().initiatives if s.id == "launch_webshop"]
    return spec.title.get(language)


def test_the_invented_number_check_accepts_a_time_in_days_only_where_a_time_was_said():
    from assistant.evaluation.number_trace import traceable

    assert traceable(17.5, "to-tre uker") and traceable(1, "within 24 hours")
    assert not traceable(17.5, "to-tre kunder") and not traceable(1, "24 customers")


def test_a_wish_not_to_do_something_under_a_header_is_not_a_goal():
    text = "Mål: fler företagskunder i Skåne. Vi vill INTE börja sälja till privatpersoner."
    assert all("privatpersoner" not in g.statement for g in _goals(text, "sv"))


def test_a_wish_that_points_back_is_the_objective_said_again():
    text = "What I want: the vans sit idle on Monday mornings, want that filled up a bit."
    assert len(_goals(text, "en")) == 1


def test_a_figure_from_another_sentence_far_from_the_target_is_not_todays_value():
    text = (
        "Vi har 1 800 följare på Instagram. Mål: fler hundar per dag, vi vill ha 38 i snitt "
        "till sommaren 2027."
    )
    [goal] = _goals(text, "sv")
    assert goal.target.value == 38 and goal.baseline.value is None


@pytest.mark.parametrize(
    ("language", "text", "due"),
    [
        ("en", "I want 230 children by September next year.", date(2027, 9, 30)),
        ("ru", "Хочу к сентябрю следующего года выйти на 230 детей.", date(2027, 9, 30)),
        ("sv", "Vi vill ha 38 hundar per dag till sommaren nästa år.", date(2027, 8, 31)),
        ("nb", "Vi vil ha 40 faste kunder innen mars neste år.", date(2027, 3, 31)),
    ],
)
def test_a_month_or_season_of_next_year_is_one_deadline(language, text, due):
    [goal] = _goals(text, language)
    assert goal.deadline == due


def test_the_latest_figure_said_before_an_aim_is_todays_value():
    text = (
        "Vi har kapasitet til 30 nye pasienter i måneden, men får kanskje 12. Målet er å "
        "komme opp i 30 nye pasienter i måneden innen juni 2027."
    )
    [goal] = _goals(text, "nb")
    assert (goal.baseline.value, goal.target.value) == (12, 30)


def test_a_list_under_a_header_with_en_dashes_gives_every_objective():
    text = (
        "Цели:\n– постоянных клиентов с 14 до 30 за год\n– 30 % новых клиентов из интернета "
        "к концу следующего года\n– нормальная система учёта дел, в течение квартала"
    )
    goals = _goals(text, "ru")
    assert len(goals) == 3
    assert goals[2].deadline == date(2027, 3, 3)


def test_one_more_aim_said_in_its_own_sentence_is_a_goal():
    text = (
        "I'd like online sales to be about a tenth of turnover rather than the 2% it is "
        "now, give it two years. And a coffee subscription with 150 members by next Christmas."
    )
    first, second = _goals(text, "en")
    assert (first.baseline.value, first.target.value) == (2, 10)
    assert first.deadline == date(2028, 12, 3)
    assert second.target.value == 150 and second.deadline == date(2027, 12, 31)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Increase website traffic by 20% in the next quarter.", date(2027, 3, 31)),
        ("We want 40 new members within two quarters.", date(2027, 6, 3)),
    ],
)
def test_a_quarter_said_as_a_span_or_as_the_next_one_is_a_deadline(text, due):
    [goal] = _goals(text, "en")
    assert goal.deadline == due


def test_a_figure_of_another_thing_in_the_sentence_before_does_not_name_the_goal():
    text = (
        "Instagram has about 1,800 followers. We look after around 30 dogs a day and want "
        "38 by summer 2027."
    )
    [goal] = _goals(text, "en")
    assert "follower" not in goal.statement.lower(), goal.statement


def test_groundwork_says_which_gap_it_closes(service):
    from assistant.coaching.catalogue import load_kpi_catalogue, load_maturity_questions

    questions = {q.id for q in load_maturity_questions().questions}
    for spec in load_kpi_catalogue().initiatives:
        assert set(spec.closes) <= questions, spec.id
    plan = service.plan_from_brief(
        "We are a bike repair shop in Leeds, 4 of us. Customers are in a spreadsheet, no CRM. "
        "We want 30 more service bookings a month by June 2027.",
        "en",
    )
    groundwork = [i for i in plan.roadmap if i.title.startswith("CRM")]
    assert groundwork, [i.title for i in plan.roadmap]
    assert "customer" in groundwork[0].rationale.split(":", 1)[1].lower()


@pytest.mark.parametrize(
    ("language", "text", "due"),
    [
        ("en", "before next summer", date(2027, 5, 31)),
        ("en", "by next summer", date(2027, 8, 31)),
        ("nb", "før jul", date(2026, 12, 24)),
        ("ru", "до лета", date(2027, 5, 31)),
    ],
)
def test_before_a_season_is_due_when_it_starts_and_by_it_when_it_ends(language, text, due):
    from assistant.extraction import extract_deadline

    assert extract_deadline(text, language, TODAY).date == due


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        ("en", "We're rated 9.1 on Booking.com, which I want to keep.", "keep"),
        ("nb", "Vi har 4,8 i snitt på Google og vil holde det.", "holde"),
        ("ru", "Рейтинг 4,9 на Яндекс Картах, хотим его сохранить.", "удерживать"),
    ],
)
def test_a_level_the_owner_wants_to_keep_is_held_not_raised(language, text, words):
    [goal] = _goals(text, language)
    assert goal.target.value == goal.baseline.value
    assert goal.statement.lower().startswith(words), goal.statement


def test_a_deadline_weeks_away_in_a_brief_is_asked_about(service):
    plan = service.plan_from_brief(
        "We run a physio clinic in Cork, 6 of us. I want to cut no-shows in half this year "
        "and get 40 new patients a month by June 2027.",
        "en",
    )
    soon = [q for q in plan.open_questions if "2026-12-31" in q]
    assert soon and "weeks" in soon[0]
    assert not any("2027-06-30" in q and "weeks" in q for q in plan.open_questions)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Konstruktionsbyrå i Göteborg. Vi vill anställa 5 konstruktörer nästa år."),
        ("en", "Machine shop in Sheffield, 22 staff. Get 4 machine operators hired by spring."),
    ],
)
def test_a_hiring_objective_gets_a_recruitment_initiative(service, language, text):
    plan = service.plan_from_brief(text, language)
    serving = serving_the_only_goal(plan)
    assert serving and serving[0].title.lower().startswith(("recruit", "rekryt"))


def test_todays_team_is_not_read_as_hires():
    text = "Elektrikerfirma i Drammen, vi er 12 montører + 2 lærlinger og meg på kontoret."
    assert not _goals(text, "nb")


def test_a_reviews_goal_is_served_by_asking_customers_for_reviews(service):
    plan = service.plan_from_brief(
        "We are roofers in Leeds, 6 of us. We have only got 11 Google reviews and I would "
        "like 50 by next summer.",
        "en",
    )
    serving = serving_the_only_goal(plan)
    assert serving[0].title == "Ask satisfied customers for reviews"
    assert "review request" in serving[0].rationale
