"""The deterministic SMART checker: verdicts on good and bad goals, localized reasons, scores."""

import math
import re
import string
from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from assistant.coaching.messages import Messages
from assistant.coaching.plan import Baseline, Goal, Objective, Target
from assistant.coaching.smart import (
    LETTERS,
    SmartAssessment,
    SmartBounds,
    check_goal,
    resolve_language,
)
from assistant.config import PROJECT_ROOT

TODAY = date(2026, 4, 1)
OBJECTIVES = [
    Objective(id="grow", category="revenue_growth", owner_words="Sell more to business customers"),
    Objective(id="cost", category="operational_efficiency", owner_words="Spend less on admin"),
    Objective(id="brand", category="brand_awareness", owner_words="Be known in our town"),
]
LETTER_OF = dict(zip("SMART", LETTERS, strict=True))
OTHER_LANGUAGES = ("nb", "sv", "ru")


@cache
def _yaml(name: str) -> dict[str, Any]:
    return yaml.safe_load((PROJECT_ROOT / "prompts" / "templates" / name).read_text("utf-8"))


def base(value: float | None, unit: str = "customers", status: str = "measured") -> dict:
    status = "pending" if value is None else status
    return {"value": value, "unit": unit, "date": "2026-03-31", "status": status}


def tgt(value: float, unit: str = "customers") -> dict:
    return {"value": value, "unit": unit}


# The seed article's short-term goal, fully specified: customer base 20,000 -> 22,000 next quarter.
GOOD: dict[str, Any] = {
    "id": "g1",
    "statement": "Increase the customer base from 20,000 to 22,000 by the end of Q2",
    "objective_id": "grow",
    "metric": "active customers",
    "scope": "all customers",
    "direction": "increase",
    "baseline": base(20000),
    "target": tgt(22000),
    "deadline": "2026-06-30",
    "horizon": "short",
    "owner": "Kari, sales lead",
    "kpis": [{"name": "active customers", "source": "CRM", "cadence": "monthly"}],
}
SHARE = {"metric": "B2B share of revenue", "scope": "B2B customers"}
NO_NUMBERS = {"metric": None, "baseline": None, "target": None}


def make_goal(**changes: Any) -> Goal:
    return Goal.model_validate(GOOD | changes)


def case(name: str, fails: str = "", errors: str = "", warnings: str = "", **changes: Any):
    return pytest.param(
        changes, {LETTER_OF[x] for x in fails}, set(errors.split()), set(warnings.split()), id=name
    )


def days_ahead(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


# Each case: what changes from GOOD, the letters expected to fail (S M A R T), and the error
# and warning codes expected. The score must then be 100 - 20 x errors - 5 x warnings.
# fmt: off
CASES = [
    case("seed: customer base 20k -> 22k next quarter"),
    case("seed: increase revenue by 20% within the next quarter", metric="revenue",
         statement="Increase online revenue by 20% within the next quarter",
         baseline=base(1_000_000, "NOK"), target=tgt(1_200_000, "NOK")),
    case("seed: B2B share of revenue 30% -> 50% in a year", **SHARE,
         statement="Increase B2B revenue's share of total revenue from 30% to 50%",
         baseline=base(30, "%"), target=tgt(50, "% of revenue"), deadline="2027-03-31",
         horizon="medium"),
    case("seed: own-brand product mix 25% -> 50% long term", metric="own-brand share of sales",
         statement="Grow the own-brand product mix from 25% to 50%", scope="own-brand products",
         baseline=base(25, "percent"), target=tgt(50, "%"), deadline="2029-03-31", horizon="long"),
    case("seed: launch an e-commerce platform is an initiative", "SMA",
         "activity_not_goal no_target", "baseline_pending", **NO_NUMBERS,
         statement="Successfully launch a new e-commerce platform, on time and on budget",
         deadline="2026-12-31", horizon="medium"),
    case("seed (sv): introduce product customisation is an initiative", "SMA",
         "activity_not_goal no_target", "baseline_pending", **NO_NUMBERS,
         statement="Introducera produktanpassningar på hemsidan", deadline="2029-03-31",
         horizon="long"),
    case("ru: implement a CRM is an initiative", "SMA",
         "activity_not_goal no_target", "baseline_pending", **NO_NUMBERS,
         statement="Внедрить CRM-систему"),
    case("nb: take a CRM into use is an initiative", "SMA",
         "activity_not_goal no_target", "baseline_pending", **NO_NUMBERS,
         statement="Ta i bruk et nytt CRM-system"),
    case("vague: improve social media", "SMAT", "vague no_target no_deadline", "baseline_pending",
         **NO_NUMBERS, statement="Improve our social media", deadline=None, horizon=None),
    case("vague (nb): forbedre markedsføringen", "SMA", "vague no_target", "baseline_pending",
         **NO_NUMBERS, statement="Forbedre markedsføringen vår"),
    case("vague (ru): improve promotion", "SMA", "vague no_target", "baseline_pending",
         **NO_NUMBERS, statement="Улучшить продвижение в соцсетях"),
    case("vague amount: make a lot of money", "SMA", "vague_amount no_target",
         "baseline_pending", **NO_NUMBERS, statement="Make a lot of money from the webshop"),
    case("vague amount with a verb (sv): sell a few hundred", "SMA", "vague_amount no_target",
         "baseline_pending", baseline=None, target=None, statement="Öka försäljningen med "
         "några hundra paket i månaden"),
    case("vague amount (ru)", "SMA", "vague_amount no_target", "baseline_pending", baseline=None,
         target=None, statement="Значительно увеличить количество клиентов"),
    case("numbers but no metric named", "SMAR", "no_metric no_target reach_only",
         "baseline_pending",
         **NO_NUMBERS, statement="Get 500 more followers"),
    case("+900% in one quarter", "A", "too_big",
         baseline=base(1000, "visits"), target=tgt(10000, "visits")),
    case("just under doubling in a quarter", baseline=base(1000), target=tgt(1990)),
    case("2 -> 5 sales meetings a week in a quarter: a few more", metric="sales meetings a week",
         baseline=base(2, "meetings"), target=tgt(5, "meetings")),
    case("1 -> 12 new clients a month in a quarter is still a leap", "A", "too_big",
         baseline=base(1, "clients"), target=tgt(12, "clients")),
    case("x2.2 in a quarter", "A", "too_big", baseline=base(1000), target=tgt(2200)),
    case("x2.2 in a quarter, kept by the owner who knows why", baseline=base(1000),
         target=tgt(2200), target_kept=True),
    case("x3.5 in a year", baseline=base(1000), target=tgt(3500), deadline="2027-03-31",
         horizon="medium"),
    case("x5 in a year", "A", "too_big", baseline=base(1000), target=tgt(5000),
         deadline="2027-03-31", horizon="medium"),
    case("almost halve cost per order in a quarter", direction="decrease", objective_id="cost",
         metric="cost per order", statement="Reduce cost per order from 100 to 55 NOK",
         baseline=base(100, "NOK"), target=tgt(55, "NOK")),
    case("cut cost per order by 80% in a quarter", "A", "too_big", direction="decrease",
         baseline=base(100, "NOK"), target=tgt(20, "NOK")),
    case("paper invoices to zero", direction="decrease", metric="paper invoices per month",
         statement="Reduce paper invoices from 200 a month to 0", baseline=base(200, "invoices"),
         target=tgt(0, "invoices"), deadline="2026-12-31", horizon="medium"),
    case("decrease goal with a higher target", "MA", "target_not_lower", direction="decrease",
         baseline=base(100, "NOK"), target=tgt(120, "NOK")),
    case("growth goal with a lower target", "MA", "target_not_higher", target=tgt(18000)),
    case("target equals baseline", "MA", "no_change", target=tgt(20000)),
    case("a level to hold", hold=True, target=tgt(20000)),
    case("conversion 1% -> 10% in a quarter", "A", "too_big_points", metric="conversion rate",
         baseline=base(1, "%"), target=tgt(10, "%")),
    case("share 60% -> 95% in a quarter", "A", "too_big_points", **SHARE,
         baseline=base(60, "%"), target=tgt(95, "%")),
    case("online bookings 0% -> 50% in a year: the launch moves it", **SHARE,
         baseline=base(0, "%"), target=tgt(50, "%"), deadline="2027-03-31", horizon="medium"),
    case("a share 0% -> 90% in a quarter is still too steep", "A", "too_big_points", **SHARE,
         baseline=base(0, "%"), target=tgt(90, "%")),
    case("share 30% -> 30.5% is trivial", warnings="trivial", **SHARE,
         baseline=base(30, "%"), target=tgt(30.5, "%")),
    case("conversion 2.0% -> 2.1% is not trivial", metric="conversion rate",
         baseline=base(2.0, "%"), target=tgt(2.1, "%")),
    case("+1% is trivial", warnings="trivial", target=tgt(20200)),
    case("deadline passed", "AT", "deadline_past", deadline="2026-03-01"),
    case("deadline today", "AT", "deadline_past", deadline=TODAY.isoformat()),
    case("short goal due in 8 months", "T", "too_far_for_horizon", deadline="2026-12-01"),
    case("short goal due in 100 days", deadline=days_ahead(100)),
    case("short goal due in 101 days", "T", "too_far_for_horizon", deadline=days_ahead(101)),
    case("medium goal due in 395 days", deadline=days_ahead(395), horizon="medium"),
    case("medium goal due in 14 months", "T", "too_far_for_horizon", deadline="2027-06-01",
         horizon="medium"),
    case("long goal due in 9 months", "T", "too_soon_for_long", deadline="2027-01-01",
         horizon="long"),
    case("long goal due in 7 years", "T", "too_far_for_long", deadline="2033-04-01",
         horizon="long"),
    case("no horizon", warnings="no_horizon", horizon=None),
    case("no objective", "R", "no_objective", objective_id=None),
    case("followers for a firm that wants sales: reach is not the result", "R", "reach_only",
         metric="Instagram followers", statement="Grow Instagram followers from 20,000 to 22,000"),
    case("followers for a brand objective are relevant", metric="Instagram followers",
         objective_id="brand", statement="Grow Instagram followers from 20,000 to 22,000"),
    case("unknown objective", "R", "unknown_objective", objective_id="world_domination"),
    case("pending baseline with a measuring step: its own state, not a failure",
         warnings="baseline_pending after_baseline",
         baseline={"status": "pending", "unit": "customers"},
         measuring_step="count active customers in the CRM by 30 April"),
    case("no baseline at all", warnings="baseline_pending after_baseline", baseline=None),
    case("units differ", "MA", "unit_mismatch", baseline=base(100, "NOK"), target=tgt(120, "EUR")),
    case("units differ only in case", baseline=base(100, "nok"), target=tgt(110, "NOK ")),
    case("percent spelled two ways", **SHARE, baseline=base(30, "percent"), target=tgt(40, "%")),
    case("estimated baseline", warnings="baseline_estimated",
         baseline=base(20000, status="estimated")),
    case("no data source", warnings="no_data_source", kpis=[]),
    case("no owner", warnings="no_owner", owner=None),
    case("no scope", warnings="no_scope", scope=None),
    case("two outcomes in one goal", warnings="several_outcomes",
         statement="Increase customers to 22,000 and reduce returns to 2%"),
    case("two outcomes (nb)", warnings="several_outcomes",
         statement="Øke kundebasen til 22 000 og redusere returene"),
    case("growth and growth channel are one outcome",
         statement="Grow customers from 20,000 to 22,000 through our growth channel"),
    case("activity phrasing with metric and target", warnings="activity_phrased",
         statement="Launch a loyalty club that brings customers from 20,000 to 22,000"),
    case("nb: stems of nouns are not verbs", statement="Selge flere byggevarer på nett og "
         "opprettholde økonomien: fra 20 000 til 22 000 kunder"),
    case("ru: grow the customer base", statement="Увеличить клиентскую базу с 20 000 до 22 000"),
    case("new channel from zero", metric="webshop orders per month", baseline=base(0, "orders"),
         target=tgt(50, "orders"), statement="Reach 50 webshop orders a month"),
    case("from a loss to a profit", metric="operating profit", baseline=base(-100_000, "NOK"),
         target=tgt(50_000, "NOK"), deadline="2027-03-31", horizon="medium",
         statement="Increase operating profit from -100,000 to 50,000 NOK"),
]
# fmt: on


@pytest.mark.parametrize(("changes", "failing", "errors", "warnings"), CASES)
def test_goal_verdicts(
    changes: dict, failing: set[str], errors: set[str], warnings: set[str]
) -> None:
    result = check_goal(make_goal(**changes), OBJECTIVES, TODAY)

    assert {letter for letter in LETTERS if not getattr(result.letters, letter).ok} == failing
    assert {f.code for f in result.findings if f.severity == "error"} == errors
    assert {f.code for f in result.findings if f.severity == "warning"} == warnings
    assert result.score == max(0, 100 - 20 * len(errors) - 5 * len(warnings))
    assert result.passed == (not failing)


def test_a_steep_target_the_owner_kept_passes_achievable_and_says_why() -> None:
    steep = {"baseline": base(1000), "target": tgt(5000)}
    judged = check_goal(make_goal(**steep), OBJECTIVES, TODAY)
    kept = check_goal(make_goal(**steep, target_kept=True), OBJECTIVES, TODAY)
    assert not judged.letters.achievable.ok
    assert kept.letters.achievable.ok and "You kept this target" in kept.letters.achievable.reason
    trivial = check_goal(
        make_goal(baseline=base(1000), target=tgt(1001), target_kept=True), OBJECTIVES, TODAY
    )
    assert "trivial" in {f.code for f in trivial.findings}  # kept: only the steep warning goes


def test_top_fix_is_the_first_error_else_the_first_warning() -> None:
    initiative = check_goal(make_goal(**NO_NUMBERS, statement="Implement a CRM"), OBJECTIVES, TODAY)
    assert initiative.top_fix == initiative.letters.specific.reason

    pending = check_goal(
        make_goal(baseline=None, measuring_step="export Q1 orders from Shopify", owner=None),
        OBJECTIVES,
        TODAY,
    )
    assert pending.top_fix == pending.letters.measurable.reason
    assert "export Q1 orders from Shopify" in pending.top_fix

    only_warning = check_goal(make_goal(owner=None), OBJECTIVES, TODAY)
    assert only_warning.top_fix == only_warning.letters.achievable.reason
    assert check_goal(make_goal(), OBJECTIVES, TODAY).top_fix is None


@pytest.mark.parametrize("language", ["en", *OTHER_LANGUAGES])
def test_pending_baseline_without_step_says_how_to_measure(language: str) -> None:
    result = check_goal(make_goal(baseline=None), OBJECTIVES, TODAY, language)
    default_step = _yaml("smart_reasons.yaml")[language]["default_step"]
    assert result.letters.measurable.ok  # measurable once measured: its own state
    assert default_step in result.letters.measurable.reason


def _all_assessments(language: str) -> list[SmartAssessment]:
    return [check_goal(make_goal(**p.values[0]), OBJECTIVES, TODAY, language) for p in CASES]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_reasons_are_localized(language: str) -> None:
    codes = set(_yaml("smart_reasons.yaml")["en"]["reasons"])
    for english, local in zip(_all_assessments("en"), _all_assessments(language), strict=True):
        assert local.language == language
        for letter in LETTERS:
            en_reason = getattr(english.letters, letter).reason
            reason = getattr(local.letters, letter).reason
            assert reason and reason != en_reason
            assert not {"{", "}"} & set(reason)
            assert not any(code in reason for code in codes)
            if language == "ru":
                assert re.search("[а-яё]", reason)


def test_the_cases_reach_every_reason_text() -> None:
    texts = _yaml("smart_reasons.yaml")["en"]["reasons"]
    results = _all_assessments("en")
    shown = {getattr(result.letters, letter).reason for result in results for letter in LETTERS}
    found = {finding.code for result in results for finding in result.findings}
    ok_texts = {code for code, text in texts.items() if code not in found}  # the "all fine" texts
    assert all(any(r.startswith(texts[code].split("{")[0]) for r in shown) for code in ok_texts)
    assert len(ok_texts) == len(LETTERS) + 2  # one per letter, "not judged", "kept"


def test_templates_agree_across_languages() -> None:
    reasons = _yaml("smart_reasons.yaml")

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for language in OTHER_LANGUAGES:
        assert set(reasons[language]) == set(reasons["en"])
        assert set(reasons[language]["reasons"]) == set(reasons["en"]["reasons"])
        for code, text in reasons["en"]["reasons"].items():
            assert fields(reasons[language]["reasons"][code]) == fields(text), (language, code)
    words = _yaml("smart_words.yaml")
    assert set(words) == {"en", *OTHER_LANGUAGES}
    for lists in words.values():
        assert all(lists[kind] for kind in ("change", "vague", "activity", "joining"))


def test_numbers_are_written_the_local_way() -> None:
    assert (
        "20,000 customers"
        in check_goal(make_goal(), OBJECTIVES, TODAY, "en").letters.measurable.reason
    )
    for language in OTHER_LANGUAGES:  # the number and the unit the local way ("kunder")
        reason = check_goal(make_goal(), OBJECTIVES, TODAY, language).letters.measurable.reason
        unit = Messages(language).label("units", "customers")
        assert f"20\u00a0000 {unit}" in reason and "customers" not in reason
    loss = make_goal(baseline=base(-100_000, "NOK"), target=tgt(50_000, "NOK"))
    assert "−100,000 NOK" in check_goal(loss, OBJECTIVES, TODAY).letters.measurable.reason
    assert (
        "−100\u00a0000 NOK" in check_goal(loss, OBJECTIVES, TODAY, "ru").letters.measurable.reason
    )


@pytest.mark.parametrize(
    ("asked", "used"),
    [("nb-NO", "nb"), ("no", "nb"), ("sv_SE", "sv"), ("RU", "ru"), ("de", "en"), ("", "en")],
)
def test_language_codes_are_resolved(asked: str, used: str) -> None:
    assert resolve_language(asked) == used
    assert check_goal(make_goal(), OBJECTIVES, TODAY, asked).language == used


def test_bounds_are_configurable() -> None:
    tighter = SmartBounds(max_multiple_per_quarter=1.05)
    assert check_goal(make_goal(), OBJECTIVES, TODAY).letters.achievable.ok
    assert not check_goal(make_goal(), OBJECTIVES, TODAY, bounds=tighter).letters.achievable.ok
    with pytest.raises(ValidationError, match="short_max"):
        SmartBounds(short_max_days=500)


# --- properties: the checker never raises, and the score is always consistent ----------------

numbers = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [0.0, -0.0, 1e308, -1e308, 5e-324, 100.0, 30.0, -1.0]
)
units = st.sampled_from(["%", "percent", "NOK", "nok", "customers", "€", "% of revenue", "x"])


@st.composite
def goals(draw: st.DrawFn) -> Goal:
    status = draw(st.sampled_from(["measured", "estimated", "pending", None]))
    baseline = None
    if status is not None:
        value = None if status == "pending" else draw(numbers)
        baseline = Baseline(
            value=value, unit=draw(units), status=status, date=draw(st.none() | st.dates())
        )
    return Goal(
        id="g",
        statement=draw(
            st.text(min_size=1).filter(str.strip)
            | st.sampled_from(
                ["Increase sales and reduce returns", "Launch a webshop", "Улучшить сайт"]
            )
        ),
        objective_id=draw(st.sampled_from([None, "grow", "missing"])),
        metric=draw(st.none() | st.just("orders")),
        direction=draw(st.sampled_from([None, "increase", "decrease"])),
        baseline=baseline,
        target=draw(st.none() | st.builds(Target, value=numbers, unit=units)),
        deadline=draw(st.none() | st.dates()),
        horizon=draw(st.sampled_from([None, "short", "medium", "long"])),
    )


@settings(max_examples=400, deadline=None)
@given(
    goal=goals(),
    today=st.dates(),
    language=st.sampled_from(["en", *OTHER_LANGUAGES, "xx"]),
    multiple=st.floats(1.0001, 1e300),
    points=st.floats(0.001, 1e6),
)
def test_checker_never_raises_and_score_stays_in_range(
    goal: Goal, today: date, language: str, multiple: float, points: float
) -> None:
    bounds = SmartBounds(max_multiple_per_quarter=multiple, max_points_per_quarter=points)
    result = check_goal(goal, OBJECTIVES, today, language, bounds)

    assert 0 <= result.score <= 100
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = sum(f.severity == "warning" for f in result.findings)
    assert result.score == max(0, 100 - 20 * errors - 5 * warnings)
    for letter in LETTERS:
        check = getattr(result.letters, letter)
        blocking = [f for f in result.findings if f.letter == letter and f.severity != "warning"]
        assert check.ok == (not blocking)
        assert check.reason and "{" not in check.reason


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_rejected_at_model_level(value: float) -> None:
    with pytest.raises(ValidationError, match="finite"):
        Target(value=value, unit="NOK")
    with pytest.raises(ValidationError, match="finite"):
        Baseline(value=value, unit="NOK", status="measured")


@pytest.mark.parametrize(
    ("baseline", "target", "unit"),
    [(25, 60, "%"), (1200, 90000, "customers")],  # a share; a count
)
def test_a_realistic_target_is_offered_as_a_round_number(baseline, target, unit):
    deadline = (TODAY + timedelta(days=395)).isoformat()
    goal = Goal(
        **{
            **GOOD,
            "baseline": base(baseline, unit),
            "target": tgt(target, unit),
            "deadline": deadline,
        }
    )
    said = str(check_goal(goal, OBJECTIVES, TODAY, "en").model_dump())
    offered = re.search(r"about ([\d.,\u00a0 ]+)", said)
    assert offered is not None, said
    figure = offered.group(1).strip(" ,")
    assert not re.search(r"[.,]\d{1,2}(?!\d)", figure), figure  # "56 %", never "56.08 %"
    assert len(re.sub(r"\D", "", figure).rstrip("0")) <= 2  # two significant figures at most


def _achievable(baseline: float, target: float, unit: str, days: int) -> str:
    goal = Goal(
        **{
            **GOOD,
            "baseline": base(baseline, unit),
            "target": tgt(target, unit),
            "direction": "increase" if target > baseline else "decrease",
            "deadline": (TODAY + timedelta(days=days)).isoformat(),
            "horizon": "medium",
        }
    )
    return check_goal(goal, OBJECTIVES, TODAY, "en").letters.achievable.reason


def test_a_realistic_target_within_a_tenth_of_the_change_asked_is_no_flag():
    said = _achievable(9, 3, "%", 213)  # "3.2 % rather than 3 %": the owner's own target
    assert "about" not in said, said


def test_a_realistic_count_is_a_whole_number_and_a_large_change_a_whole_percent():
    said = _achievable(45, 3, "orders", 200)
    offered = re.search(r"about ([\d.,]+)", said)
    assert offered is not None and "." not in offered.group(1), said
    steep = _achievable(14, 60, "reviews", 182)
    assert re.search(r"\+\d+ ?%", steep) and not re.search(r"\+\d+\.\d+ ?%", steep), steep
