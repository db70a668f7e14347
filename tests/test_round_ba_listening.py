"""Listening fixes after the owners of round 06ba: a renamed goal is measured as its new
name says; "add that" adds the step the sentence before named; an order put as a question
is obeyed, not looked up; an order to add a goal said after its aim keeps the aim; "we see
it in AmoCRM" is a data source; a final summary asked for anywhere gives the summary; "…,
Now" puts a step in Now; "north Lancashire" is a market; "that long name is ugly" names no
business; a unit denied ("ikke poeng") is changed; a quoted plan line ("«62 poeng → 150
poeng»") is no new figure; a zero said first answers "how much today?"."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.coaching.chat_outcome import Outcome
from assistant.coaching.command_lanes import lane_said, without_lane
from assistant.coaching.edits import kpi_kept, kpi_named
from assistant.coaching.facts import Figure, GoalCandidate, read_message
from assistant.coaching.goal_sources import _sources_said
from assistant.coaching.metric_names import named_metric
from assistant.coaching.refusals import refused_steps
from assistant.coaching.service import CoachService
from assistant.coaching.state import SessionState
from assistant.coaching.unit_fixes import change_unit, unit_fixes
from assistant.config import Settings
from assistant.understanding.quantities import read_amounts
from assistant.understanding.reader import read
from tests.chat_helpers import talk

TODAY = date(2026, 12, 7)
DENTAL = [
    "Hi, I run Kirkgate Dental Care in Leeds, 7 staff, about £780k revenue.",
    "We have an old website, bookings by phone only, a Facebook page. No CRM, no analytics, "
    "goals not written down. Digital skills partly. Backups don't know. Paperless no.",
    "don't know",
    "don't know",
    "1) Grow private treatment revenue from 35% to 50% of revenue by end of 2027. "
    "2) Get Google reviews from 86 to 200 and keep the rating above 4.5, by end of 2027.",
]

GOALS_DRAFTED = [*DENTAL, "that's all", "don't know", "yes"]


@pytest.fixture(scope="module")
def service(seeded_data_dir) -> CoachService:
    return CoachService(Settings(data_dir=seeded_data_dir("round_ba_talk")), today=lambda: TODAY)


@pytest.mark.parametrize(
    ("kpi", "name", "kept"),
    [
        ("review_rating", "the number of Google reviews", None),
        ("conversion_rate", "конверсия пробного урока в абонемент", None),
        ("churn_rate", "отток студентов после первого полугодия", "churn_rate"),
    ],
)
def test_a_renamed_goal_keeps_only_a_kpi_its_new_name_still_names(kpi, name, kept):
    language = "ru" if name[0] > "z" else "en"
    assert kpi_kept(kpi, name, language) == kept


def test_a_plain_count_can_be_a_count_kpi_never_a_rating():
    assert kpi_named("the number of Google reviews", None, "en") == "review_count"
    assert kpi_named("the Google rating", None, "en") is None


def test_the_reviews_goal_and_the_rating_to_keep_are_two_goals(service):
    talk(service, "ba-two", GOALS_DRAFTED, "en")
    goals = service.session("ba-two").plan.goals
    reviews = [g for g in goals if g.target is not None and g.target.value == 200]
    assert len(reviews) == 1 and reviews[0].baseline.value == 86, [g.statement for g in goals]
    assert reviews[0].target.unit == "reviews"


def test_a_drafted_goal_renamed_to_words_the_catalogue_lacks_is_measured_as_named(service):
    talk(service, "ba-rename", GOALS_DRAFTED, "en")
    goals = service.session("ba-rename").plan.goals
    number = next(n for n, g in enumerate(goals, 1) if g.target and g.target.value == 200)
    assert goals[number - 1].kpis, "the reviews goal is measured by the catalogue's count"
    service.send("ba-rename", f"Rename goal {number} to 'new patients from Google'", "en")
    goal = service.session("ba-rename").plan.goals[number - 1]
    assert goal.kpis[0].name == "new patients from Google", goal.kpis


def test_add_that_adds_the_step_the_sentence_before_named(service):
    talk(service, "ba-that", [*GOALS_DRAFTED, "yes"], "en")
    reply = service.send(
        "ba-that", "What I actually need is online booking. Please add that to Now.", "en"
    ).reply
    titles = [i.title for i in service.session("ba-that").plan.roadmap]
    assert any("Online booking" in t for t in titles), titles
    assert "Which step should I add?" not in reply


def test_an_order_put_as_a_question_is_not_looked_up_as_well(service):
    talk(service, "ba-ask", GOALS_DRAFTED, "en")
    reply = service.send("ba-ask", "Can you rename goal 1 to 'private share'?", "en").reply
    assert "private share" in reply
    assert "guidance doesn't cover" not in reply


def test_the_final_summary_asked_for_with_the_goals_gives_the_whole_plan(service):
    talk(service, "ba-summary", GOALS_DRAFTED, "en")
    assert service.session("ba-summary").stage == "review"
    reply = service.send(
        "ba-summary", "The goals are fine. Then show me the full summary of the plan.", "en"
    ).reply
    state = service.session("ba-summary")
    assert state.stage == "done" and state.plan.roadmap
    assert "in brief" in reply


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "Så er jeg fornøyd – gi meg det endelige sammendraget."),
        ("nb", "Ellers ja – gi meg sluttsammendraget."),
        ("sv", "Jag ger upp på det – ge mig slutsammanfattningen."),
        ("ru", "Покажите итоговый план целиком."),
        ("en", "Then yes, show me the full summary of the plan."),
    ],
)
def test_a_final_summary_is_heard_in_every_language(language, text):
    assert read_message(text, language, TODAY).final_summary


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The final summary still says 62 points."),
        ("nb", "Det står fortsatt feil i sammendraget."),
    ],
)
def test_a_complaint_about_the_summary_asks_for_no_summary(language, text):
    assert not read_message(text, language, TODAY).final_summary


@pytest.mark.parametrize(
    ("text", "lane", "name"),
    [
        ("Add a step: an online shop for cans with local delivery, Now.", "short", "an online"),
        ("Legg til: SMS-påminnelser fra verkstedsystemet, Nå", "short", "SMS-påminnelser"),
        ("Add a step: a newsletter, in Later", "long", "a newsletter"),
    ],
)
def test_a_lane_said_after_a_comma_places_the_step_and_leaves_its_title(text, lane, name):
    language = "nb" if "Legg" in text else "en"
    assert lane_said(text, language) == lane
    assert without_lane(text).endswith(("delivery", "verkstedsystemet", "newsletter"))
    assert name in without_lane(text)


@pytest.mark.parametrize(
    ("language", "text", "markets"),
    [
        ("en", "We sell across Cumbria and north Lancashire.", ["Cumbria", "north Lancashire"]),
        ("sv", "Vi säljer i norra Sverige och Stockholm.", ["norra Sverige", "Stockholm"]),
    ],
)
def test_a_region_with_a_compass_word_is_one_market(language, text, markets):
    assert read_message(text, language, TODAY).markets == markets


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Can you call goal 1 just 'Online can sales' please, that long name is ugly.", None),
        ("I own a garage in Loughborough, MOTs, servicing, repairs. 7 of us.", None),
        ("I run a bakery in Leeds, Crumbs & Co.", "Crumbs & Co"),
    ],
)
def test_words_about_a_name_or_a_list_of_services_name_no_business(text, name):
    assert read_message(text, "en", TODAY).business_name == name


@pytest.mark.parametrize(
    ("language", "text", "source"),
    [
        ("ru", "Число студентов и оплаты смотрим в AmoCRM раз в месяц.", "AmoCRM раз в месяц"),
        ("en", "We see the private share in Dentally every month.", "Dentally every month"),
        ("nb", "Omsetningen ser vi i Tripletex hver måned.", "Tripletex hver måned"),
    ],
)
def test_where_the_owner_looks_the_figures_up_is_their_source(language, text, source):
    assert [s for _, s, _ in _sources_said(text, language)] == [source]


def test_an_order_to_add_a_goal_said_after_its_aim_keeps_the_aim():
    text = (
        "Про онлайн-оплату: сейчас онлайн платят 0%, хочу 60% платежей онлайн к концу 2027 — "
        "добавьте как цель."
    )
    goals = read_message(text, "ru", TODAY).goals
    assert len(goals) == 1 and "добавьте" not in goals[0].text
    assert goals[0].target is not None and goals[0].target.value == 60
    assert goals[0].kpi_id == "online_payment_share"


def test_a_unit_denied_is_changed_to_the_count_the_owner_names():
    state = SessionState(language="nb")
    state.plan.language = "nb"
    state.candidates = [
        GoalCandidate(
            text="Google-anmeldelser fra 62 til 150",
            category="customer_experience",
            kpi_id="review_rating",
            baseline=Figure(value=62.0, unit="score"),
            target=Figure(value=150.0, unit="score"),
        ),
        GoalCandidate(
            text="Belegg fra 65 % til 80 %",
            category="revenue_growth",
            baseline=Figure(value=65.0, unit="%"),
            target=Figure(value=80.0, unit="%"),
        ),
    ]
    facts = read_message("Og anmeldelser er ikke poeng, det er antall anmeldelser.", "nb", TODAY)
    orders = unit_fixes(state, facts)
    assert [(o.number, o.unit, o.metric) for o in orders] == [(1, "reviews", "review_count")]
    outcome = Outcome()
    change_unit(state, orders[0], facts, TODAY, outcome)
    candidate = state.candidates[0]
    assert candidate.target.unit == "reviews" and candidate.kpi_id == "review_count"
    assert outcome.changes and "anmeldelser" in outcome.changes[0]
    assert state.candidates[1].target.unit == "%"


def test_a_quoted_plan_line_is_no_new_figure():
    reading = read("Det står fortsatt «62 poeng → 150 poeng» på anmeldelsene.", "nb", today=TODAY)
    assert not reading.objectives and not reading.metrics


def test_a_zero_said_first_answers_how_much_is_sold_online_today(service):
    brewery = [
        "Hi, I run Fellside Brew Co, a craft brewery in Keswick, 8 people, about £420k revenue.",
        "Website yes, Instagram, no webshop, no CRM, no analytics, goals not written down. "
        "Digital skills no. Backups don't know. Paperless no.",
        "don't know",
        "don't know",
        "We want online can sales of £40k a year by end of 2027.",
    ]
    talk(service, "ba-zero", brewery, "en")
    state = service.session("ba-zero")
    if state.pending is not None and state.pending.field == "baseline":
        service.send("ba-zero", "Zero. We don't sell online at all yet.", "en")
    candidate = service.session("ba-zero").candidates[0]
    assert candidate.baseline is not None and candidate.baseline.value == 0


def test_a_goals_number_is_no_count_of_what_follows_it():
    amounts = read_amounts("А у цели 4 повторные покупатели не 5%", "ru")
    assert [a.amount.value for a in amounts] == [5.0]
    assert [a.amount.value for a in read_amounts("we have 4 customers", "en")] == [4.0]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "А у цели 4 повторные покупатели не 5%, я говорила, 5% это скидка!"),
        ("en", "The 10% is the discount on the loyalty card, it is not our repeat rate."),
    ],
)
def test_a_discount_said_back_sets_no_goal_value(language, text):
    facts = read_message(text, language, TODAY, goals=4)
    told = [(c.baseline, c.target) for c in facts.commands if c.action == "change_goal"]
    assert all(5.0 not in pair and 10.0 not in pair for pair in told), told


def test_today_said_before_the_wish_is_the_aims_starting_point():
    text = (
        "Second, get MOT reminders going again, we lose people to the big chains, I reckon "
        "only about 55% of our MOT customers come back each year, I'd like 75% by December 2027."
    )
    objectives = read(text, "en", today=TODAY).objectives
    assert [(o.baseline.value, o.target.value) for o in objectives if o.target] == [(55.0, 75.0)]


def test_none_today_gives_its_zero_to_the_aim_of_its_own_sentence_only():
    text = (
        "What I want: first, online booking, I'd say half of bookings online by the end of "
        "next year, today it's none. Second, we lose people, only about 55% of our MOT "
        "customers come back each year, I'd like 75% by December 2027."
    )
    objectives = [o for o in read(text, "en", today=TODAY).objectives if o.target]
    starts = {o.target.value: o.baseline and o.baseline.value for o in objectives}
    assert starts.get(50.0) == 0 and starts.get(75.0) == 55.0, starts


def test_a_goals_unknown_starting_point_is_forgotten_and_its_target_kept(service):
    talk(service, "ba-unknown", GOALS_DRAFTED[:5], "en")
    reply = service.send(
        "ba-unknown", "Goal 1 today's value, I don't know, target 50% by end of 2027.", "en"
    ).reply
    candidate = service.session("ba-unknown").candidates[0]
    assert candidate.baseline is None and candidate.target.value == 50
    assert "unknown" in reply
    assert len(service.session("ba-unknown").candidates) == 3  # no goal named "today's value"


def test_a_goal_quoted_by_a_name_none_has_is_not_guessed(service):
    talk(service, "ba-quoted", GOALS_DRAFTED, "en")
    before = [g.metric for g in service.session("ba-quoted").plan.goals]
    reply = service.send("ba-quoted", "Remove the goal «Cake orders by phone», it's wrong.", "en")
    assert [g.metric for g in service.session("ba-quoted").plan.goals] == before
    assert "Which goal" in reply.reply


@pytest.mark.parametrize(
    ("language", "text", "values"),
    [
        ("nb", "Mål 2 skal være 30 000 kr. I dag er det 60 000.", (None, 30000.0)),
        (
            "nb",
            "Nå ble mål 1 «60 % → 60 %», det er feil. Det skal være fra 0 % til 60 %.",
            (0.0, 60.0),
        ),
        ("nb", "Men mål 2 ble feil: 90 % er belegget i dekksesongen, ikke målet.", None),
    ],
)
def test_a_goals_new_values_are_the_owners_not_a_quote_or_a_later_today(language, text, values):
    orders = [c for c in read_message(text, language, TODAY, goals=3).commands if c.number]
    told = [(c.baseline, c.target) for c in orders if c.action == "change_goal"]
    if values is None:  # "90 % is the season's occupancy, not the target": no new target
        assert all(90.0 not in pair for pair in told), told
    else:
        assert told == [values]


def test_a_head_count_said_beside_a_goals_date_is_no_value_of_the_goal():
    text = (
        "Mål 3 har jag inte gett något datum, men sätt 31 augusti 2027. Och vi är 18 på sommaren."
    )
    (order,) = [c for c in read_message(text, "sv", TODAY, goals=4).commands if c.number == 3]
    assert (order.baseline, order.target) == (None, None) and order.deadline is not None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "Nei vent, de 60 000 er det vi betaler Mittanbud i dag, det er ikke et mål."),
        ("en", "No wait, the 60,000 is what we pay Checkatrade today."),
    ],
)
def test_a_figure_said_to_be_no_goal_refuses_no_step(language, text):
    assert refused_steps(text, language) == []


def test_an_interjection_names_no_goal():
    text = "Nei vent, de 60 000 er det vi betaler i dag. Målet er å halvere den til 30 000."
    assert named_metric(text, "nb") != "Nei vent"


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "Skills - not really, I'm a joiner not a computer person.", None),
        ("en", "Calder Joinery - joinery and kitchens, 6 of us.", "Calder Joinery"),
    ],
)
def test_a_topic_answered_after_a_dash_names_no_business(language, text, name):
    assert read_message(text, language, TODAY).business_name == name


def test_a_goal_named_with_its_old_name_before_the_order_is_renamed():
    text = (
        "Цель 4 у вас снова называется «Активные клиенты» — переименуйте в «Ученики "
        "онлайн-курса теории»."
    )
    facts = read_message(text, "ru", TODAY, goals=4)
    assert [(c.action, c.number, c.name) for c in facts.commands] == [
        ("rename_goal", 4, "Ученики онлайн-курса теории")
    ]
    assert not facts.renamed
