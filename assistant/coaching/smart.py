"""Deterministic SMART checker: the same goal, objectives and day always give the same verdict.

Reasons come from prompts/templates/smart_reasons.yaml (en/nb/sv/ru), statement words from
prompts/templates/smart_words.yaml. An error fails a letter; a warning (only for a letter with
no error) leaves it ok; "blocked" (Achievable waiting on another fix) fails it at no cost.
Score = 100 - 20 x errors - 5 x warnings, floor 0; ``top_fix``: first error, else first warning.

- Specific: no target and an amount that is no number ("a lot", "a few hundred", in the
  statement or the owner's words of its objective); led by an activity verb = an initiative
  (error; a warning if metric and target exist); led by a change/vague verb with no digit and
  no target = vague; no metric. Warnings:
  no scope; two outcomes joined by "and".
- Measurable: no target; units differ (case, spacing, percent spelling ignored); target not
  moved in ``direction``. Warnings: no or pending baseline, its own state (reason: measure it
  first: ``measuring_step``), Achievable then waits on it (a warning too); estimated
  baseline; no KPI names a data source.
- Achievable: q = quarters from the baseline date (or today) to the deadline, at least 1. The
  factor (target/baseline, either way) may be up to ``max_multiple_per_quarter ** sqrt(q)``:
  x2 a quarter, x4 a year, ~x11 in 3 years. Percents within 0..100 (shares, rates) must also
  move at most ``max_points_per_quarter * sqrt(q)`` points and are shown in points: 30 -> 50 %
  in a year passes (x1.67, 20 points); 1 -> 10 % (x10) or 60 -> 95 % (35 points) in a quarter
  fail. Zero or negative ends (new channel, a loss) are not judged as a percentage. Small whole
  counts (both ends <= ``small_count_max``) move by steps: up to ``small_count_step_per_quarter``
  x sqrt(q) more or fewer (2 -> 5 meetings a week passes in a quarter). Time a task takes
  (hours, days, minutes) may fall by up to ``max_cut_of_time`` at once, whatever the deadline:
  a tool or a routine changes it in one step (6 -> 1 hour a week of listings). Warnings:
  trivial change (< ``min_relative_change``; shares also < ``min_points_change``); no owner.
- Relevant: ``objective_id`` names one of the objectives; a goal measured by reach alone
  (followers, likes, views) serves only an objective about brand awareness.
- Time-bound: deadline after today and within the horizon (``SmartBounds``: short <= 100
  days, medium <= 395, long 330..1900).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, Literal, cast

from pydantic import BaseModel, Field

from assistant.coaching.messages import Messages  # the owner's word for a unit
from assistant.coaching.plan import Goal, Language, LetterCheck, Objective, SmartLetters
from assistant.coaching.smart_limits import (
    DEFAULT_BOUNDS,
    WHOLE_COUNT,
    SmartBounds,
    near_enough,
    round_limit,
    time_scale,
)
from assistant.coaching.units import TIME_UNITS
from assistant.config import PROJECT_ROOT
from assistant.extraction.numbers import CURRENCY_CODES
from assistant.understanding.cues import number_word
from assistant.yamlfiles import parse_yaml

Letter = Literal["specific", "measurable", "achievable", "relevant", "time_bound"]
LETTERS: tuple[Letter, ...] = ("specific", "measurable", "achievable", "relevant", "time_bound")
Severity = Literal["error", "warning", "blocked"]
ERROR_PENALTY = 20
WARNING_PENALTY = 5
_TEMPLATE_DIR = PROJECT_ROOT / "prompts" / "templates"
_LANGUAGE_ALIASES = {"no": "nb", "nn": "nb", "nob": "nb", "eng": "en", "swe": "sv", "rus": "ru"}


class SmartFinding(BaseModel):
    letter: Letter
    code: str
    severity: Severity
    reason: str


class SmartAssessment(BaseModel):
    language: Language
    letters: SmartLetters
    score: int = Field(ge=0, le=100)
    top_fix: str | None = Field(description="reason of the single most important finding")
    findings: list[SmartFinding]

    @property
    def passed(self) -> bool:
        return all(getattr(self.letters, letter).ok for letter in LETTERS)


@dataclass(frozen=True)
class _Issue:
    code: str
    severity: Severity
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class _Verdict:
    issues: list[_Issue]  # errors (or one blocked) before warnings
    ok_code: str
    ok_params: dict[str, str] = field(default_factory=dict)

    def headline(self) -> tuple[str, dict[str, str]]:
        first = self.issues[0] if self.issues else None
        return (first.code, first.params) if first else (self.ok_code, self.ok_params)


@cache
def _load_yaml(name: str) -> dict[str, Any]:
    with (_TEMPLATE_DIR / name).open(encoding="utf-8") as handle:
        return cast(dict[str, Any], parse_yaml(handle))


def resolve_language(language: str) -> Language:
    """'nb-NO' -> 'nb', 'no' -> 'nb'; a language without texts falls back to English."""
    code = language.strip().lower().replace("_", "-").split("-")[0]
    code = _LANGUAGE_ALIASES.get(code, code)
    return cast(Language, code if code in _load_yaml("smart_reasons.yaml") else "en")


@cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """smart_words.yaml, all languages merged: (statement words, percent units)."""
    merged: dict[str, list[list[str]]] = {}
    for lists in _load_yaml("smart_words.yaml").values():
        for kind, entries in lists.items():
            merged.setdefault(kind, []).extend(str(entry).casefold().split() for entry in entries)

    def alternation(kind: str) -> str:  # "word*" matches as a prefix, other words exactly
        words = [
            [re.escape(w.rstrip("*")) + r"\w*" * w.endswith("*") for w in e] for e in merged[kind]
        ]
        return "|".join(r"\s+".join(entry) for entry in sorted(words, key=len, reverse=True))

    kinds = ("activity", "change", "vague", "joining")  # at one spot, the first kind wins
    groups = "|".join(f"(?P<{kind}>{alternation(kind)})" for kind in kinds)
    statement = re.compile(rf"(?<!\w)(?:{groups})(?!\w)")
    return statement, re.compile(rf"(?:{alternation('percent_units')})(?!\w)")


@cache
def _word_list(kind: str) -> re.Pattern[str]:
    """One kind of smart_words.yaml ("vague_amount", "reach_only"), all languages merged."""
    entries = [
        r"\s+".join(re.escape(w.rstrip("*")) + r"\w*" * w.endswith("*") for w in words.split())
        for lists in _load_yaml("smart_words.yaml").values()
        for words in (str(entry).casefold() for entry in lists.get(kind, []))
    ]
    return re.compile(rf"(?<!\w)(?:{'|'.join(sorted(entries, key=len, reverse=True))})(?!\w)")


def _read_statement(statement: str) -> tuple[tuple[str, str] | None, bool]:
    """The first activity/change/vague verb as (kind, word), and whether two change or vague
    verbs are joined by a word like "and", "og", "och", "и" (two outcomes in one goal)."""
    hits = [(m.lastgroup or "", m.group()) for m in _regexes()[0].finditer(statement.casefold())]
    lead = next((hit for hit in hits if hit[0] != "joining"), None)
    marks = "".join({"change": "v", "vague": "v", "joining": "&"}.get(kind, "") for kind, _ in hits)
    return lead, re.search(r"v&+v", marks) is not None


def led_by_activity(statement: str) -> bool:
    """ "Få kassesystemet og nettbutikken til å snakke sammen": a project to carry out."""
    lead, _ = _read_statement(statement)
    return lead is not None and lead[0] == "activity"


def _is_percent(unit: str | None) -> bool:
    text = " ".join((unit or "").casefold().split())
    return "%" in text or _regexes()[1].match(text) is not None


def _unit_key(unit: str | None) -> str:
    return "%" if _is_percent(unit) else " ".join((unit or "").casefold().split()).rstrip(".")


class _Say:
    def __init__(self, language: Language) -> None:
        self.text: dict[str, Any] = _load_yaml("smart_reasons.yaml")[language]
        self.language = language

    def reason(self, code: str, params: dict[str, str]) -> str:
        return str(self.text["reasons"][code]).format(**params)

    def number(self, value: float) -> str:
        style = self.text["number"]
        if abs(value) >= 1e15 or 0 < abs(value) < 0.01:
            digits = f"{abs(value):.2g}"
        else:
            digits = f"{abs(value):,.2f}".rstrip("0").rstrip(".").replace(",", "\0")
        digits = digits.replace(".", style["decimal"]).replace("\0", style["group"])
        return (style["minus"] if value < 0 else "") + digits

    def quantity(self, value: float, unit: str | None) -> str:
        if _is_percent(unit):
            return str(self.text["percent"]).format(n=self.number(value))
        shown = Messages(self.language).unit(unit, value) if unit else ""
        return f"{self.number(value)} {shown}".strip()

    def change(self, amount: float, in_points: bool) -> str:
        """A signed change: ``amount`` in points, or as a fraction (0.1 -> +10 %)."""
        said = amount if in_points else amount * 100
        whole = math.isfinite(said) and abs(said) >= WHOLE_FROM
        shown = self.number(round(said) if whole else said)  # "+329 %", not "+328.57 %"
        signed = ("+" if amount > 0 else "") + shown
        return str(self.text["points" if in_points else "percent"]).format(n=signed)

    def period(self, days: int) -> str:
        if days < 45:
            return self._plural("days", days)
        if days < 730:
            return self._plural("months", max(1, round(days / 30.44)))
        return self._plural("years", round(days / 365.25))

    def _plural(self, unit: str, count: int) -> str:
        forms: dict[str, str] = self.text[unit]
        if "few" in forms:  # East Slavic: 1, 21 -> one; 2-4, 22-24 -> few; else many
            tens, ones = count % 100, count % 10
            few = 2 <= ones <= 4 and not 12 <= tens <= 14
            key = "one" if ones == 1 and tens != 11 else "few" if few else "many"
        else:
            key = "one" if count == 1 else "other"
        return forms[key].format(n=count)


def _fails(issues: list[_Issue]) -> bool:
    return any(issue.severity != "warning" for issue in issues)


def _specific(goal: Goal, say: _Say, owner_words: str = "") -> _Verdict:
    no_aim = goal.target is None and goal.change_percent is None
    milestone = no_aim and not goal.kpis and goal.metric  # "In place by …: <the owner's aim>"
    said = (owner_words or goal.metric or "") if milestone else goal.statement
    lead, several_outcomes = _read_statement(said)
    metric = goal.metric or say.text["the_number"]
    issues: list[_Issue] = []
    vague = _word_list("vague_amount").search(f"{goal.statement} {owner_words}".casefold())
    if no_aim and vague is not None:  # "make a lot of money", "sell a few hundred"
        issues.append(_Issue("vague_amount", "error", {"words": vague.group()}))
    elif milestone:  # "online ordering with pick-up" is concrete; "become successful" is not
        if not _names_something(said, say.language):
            issues.append(_Issue("vague", "error", {"verb": lead[1] if lead else said}))
    elif lead and lead[0] == "activity":
        if goal.metric and goal.target is not None:
            issues.append(_Issue("activity_phrased", "warning", {"metric": metric}))
        else:
            issues.append(_Issue("activity_not_goal", "error"))
    elif lead and goal.target is None and not any(ch.isdigit() for ch in said):
        issues.append(_Issue("vague", "error", {"verb": lead[1]}))
    elif not goal.metric:
        issues.append(_Issue("no_metric", "error"))
    if not _fails(issues):
        if several_outcomes:
            issues.append(_Issue("several_outcomes", "warning"))
        if not goal.scope:
            issues.append(_Issue("no_scope", "warning", {"metric": metric}))
    return _Verdict(issues, "specific_ok", {"metric": metric, "scope": goal.scope or ""})


def _names_something(words: str, language: str) -> bool:
    """Something concrete to have in place (an app, online ordering, reminders) or an
    amount said in words ("four new customers", "three hours", "a billion-dollar")."""
    if _word_list("deliverable").search(words.casefold()) or any(c.isdigit() for c in words):
        return True
    tokens = re.findall(r"[^\W\d_]+", words.casefold())
    return any(number_word(token, language) is not None for token in tokens)


def _measurable(goal: Goal, say: _Say) -> _Verdict:
    target, baseline, metric = goal.target, goal.baseline, goal.metric or say.text["the_number"]
    issues: list[_Issue] = []
    if target is None and goal.change_percent is None:  # "by 20 %" is a target once measured
        issues.append(_Issue("no_target", "error", {"metric": metric}))
    if baseline is None or baseline.value is None:
        # its own state, not a failure: the goal is measurable once today's value is taken
        step = (goal.measuring_step or say.text["default_step"]).rstrip(" .")  # one full stop
        issues.append(_Issue("baseline_pending", "warning", {"step": step}))
    if target is None or baseline is None or baseline.value is None:
        issues = sorted(issues, key=lambda i: i.severity != "error")
        if not issues:  # a relative aim ("by 20 %") on a known value: it reads as a target
            step = (goal.measuring_step or say.text["default_step"]).rstrip(" .")
            issues = [_Issue("baseline_pending", "warning", {"step": step})]
        return _Verdict(issues, "measurable_ok")
    low, high = baseline.value, target.value
    params = {
        "baseline": say.quantity(low, baseline.unit),
        "target": say.quantity(high, target.unit),
    }
    if _unit_key(baseline.unit) != _unit_key(target.unit):
        units = {"baseline_unit": baseline.unit or "", "target_unit": target.unit}
        issues.append(_Issue("unit_mismatch", "error", units))
    elif high == low and not goal.hold:
        issues.append(_Issue("no_change", "error", params))
    elif goal.direction == "increase" and high < low:
        issues.append(_Issue("target_not_higher", "error", params))
    elif goal.direction == "decrease" and high > low:
        issues.append(_Issue("target_not_lower", "error", params))
    if issues:
        return _Verdict(issues, "measurable_ok", params)
    if baseline.status == "estimated":
        issues.append(_Issue("baseline_estimated", "warning", params))
    if not any(kpi.source for kpi in goal.kpis):
        issues.append(_Issue("no_data_source", "warning", params))
    return _Verdict(issues, "measurable_ok", params)


LAUNCH_SHARE = 60  # a share from 0 % moves with the launch itself (booking switched on), not
# at the pace of a share already in use; beyond this it is still judged


def _achievable(
    goal: Goal, numbers_ok: bool, today: date, bounds: SmartBounds, say: _Say
) -> _Verdict:
    pending = goal.baseline is None or goal.baseline.value is None
    if numbers_ok and goal.target is None and goal.change_percent is not None:
        return _relative_change(goal, goal.change_percent, today, bounds, say)
    if numbers_ok and goal.target is not None and pending:
        return _Verdict([_Issue("after_baseline", "warning")], "achievable_ok_unjudged")
    if not numbers_ok or goal.baseline is None or goal.target is None:
        return _Verdict([_Issue("blocked_numbers", "blocked")], "achievable_ok")
    if goal.deadline is None or goal.deadline <= today:
        return _Verdict([_Issue("blocked_deadline", "blocked")], "achievable_ok")
    base, target, unit = cast(float, goal.baseline.value), goal.target.value, goal.target.unit
    start = min(goal.baseline.date or today, today)
    days = (goal.deadline - start).days
    scale = time_scale(days)
    is_share = _is_percent(unit) and 0 <= base <= 100 and 0 <= target <= 100
    relative = (target - base) / abs(base) if base != 0 else math.inf
    shown = say.change(target - base, True) if is_share else say.change(relative, False)
    period = say.period(days)
    issues: list[_Issue] = []
    if _small_whole_step(base, target, scale, bounds):
        pass  # "from 2 to 5 meetings a week": a few more, not a multiple to be afraid of
    elif unit in TIME_UNITS and 0 < target < base and target >= base * (1 - bounds.max_cut_of_time):
        pass  # "listings from 6 hours to 1 a week": an export tool cuts it in one step
    elif base > 0 and target > 0:
        log_limit = math.log(bounds.max_multiple_per_quarter) * scale
        if abs(math.log(target) - math.log(base)) > log_limit:
            factor = math.exp(min(log_limit, 700.0))
            limit = base * factor if target > base else base / factor
            whole = _counted(unit) and limit < WHOLE_COUNT  # "about 7 orders", not 6.4
            limit = round_limit(limit, target > base, whole=whole)
            if near_enough(limit, target, base):
                limit = None  # "about 3.2 % rather than 3 %": no difference worth a flag
        else:
            limit = None
        if limit is not None:
            params = {"change": shown, "period": period, "limit": say.quantity(limit, unit)}
            code = "too_big_points" if is_share else "too_big"  # a share's change in points
            issues.append(_Issue(code, "error", params))
    points = bounds.max_points_per_quarter * scale
    launched = base == 0 and target <= LAUNCH_SHARE  # "online bookings 0 → 50 %": the launch
    if is_share and not issues and not launched and abs(target - base) > points:
        limit = min(base + points, 100.0) if target > base else max(base - points, 0.0)
        limit = round_limit(limit, target > base, whole=True)
        if not near_enough(limit, target, base):
            params = {"change": shown, "period": period, "limit": say.quantity(limit, unit)}
            issues.append(_Issue("too_big_points", "error", params))
    if not issues and not goal.hold:  # holding today's level is no trivial change
        if abs(relative) < bounds.min_relative_change and (
            not is_share or abs(target - base) < bounds.min_points_change
        ):
            issues.append(_Issue("trivial", "warning", {"change": shown}))
        if not goal.owner:
            issues.append(_Issue("no_owner", "warning"))
    if goal.target_kept and all(i.code.startswith("too_big") for i in issues):
        return _Verdict([], "achievable_kept", {"change": shown, "period": period})
    judged = is_share or (base > 0 and target > 0)
    ok_code = "achievable_ok" if judged else "achievable_ok_unjudged"
    return _Verdict(issues, ok_code, {"change": shown, "period": period})


WHOLE_FROM = 10  # a change of this many percent or more is said in whole percent


def _counted(unit: str | None) -> bool:
    """A count of things ("orders", "reviews", none said), not money, time or a share."""
    return not (_is_percent(unit) or unit in TIME_UNITS or unit in CURRENCY_CODES)


def _relative_change(
    goal: Goal, percent: float, today: date, bounds: SmartBounds, say: _Say
) -> _Verdict:
    """ "by 20 % next quarter" before today's value is known: the change itself is judged
    against the same multiple a quarter; the rest waits on the measured value."""
    if goal.deadline is None or goal.deadline <= today:
        return _Verdict([_Issue("blocked_deadline", "blocked")], "achievable_ok")
    days = (goal.deadline - today).days
    scale = time_scale(days)
    factor = 1 + percent / 100
    log_limit = math.log(bounds.max_multiple_per_quarter) * scale
    change, period = say.change(percent / 100, False), say.period(days)
    if factor <= 0 or abs(math.log(factor)) > log_limit:
        limit = math.exp(min(log_limit, 700.0)) - 1 if percent > 0 else math.exp(-log_limit) - 1
        params = {"change": change, "period": period, "limit": say.change(limit, False)}
        return _Verdict([_Issue("too_big", "error", params)], "achievable_ok")
    return _Verdict([_Issue("after_baseline", "warning")], "achievable_ok_unjudged")


def _small_whole_step(base: float, target: float, scale: float, bounds: SmartBounds) -> bool:
    """Small whole counts change by steps, not by multiples: 2 -> 5 meetings a week is three
    more, judged against ``small_count_step_per_quarter`` (x the time scale)."""
    whole = float(base).is_integer() and float(target).is_integer()
    small = max(base, target) <= bounds.small_count_max and min(base, target) >= 0
    steps = round(bounds.small_count_step_per_quarter * scale, 1)  # "in a quarter": 90 days
    return whole and small and abs(target - base) <= steps


def _relevant(goal: Goal, objectives: Sequence[Objective]) -> _Verdict:
    if not goal.objective_id:
        return _Verdict([_Issue("no_objective", "error")], "relevant_ok")
    linked = next((o for o in objectives if o.id == goal.objective_id), None)
    if linked is None:
        params = {"objective_id": goal.objective_id}
        return _Verdict([_Issue("unknown_objective", "error", params)], "relevant_ok")
    shown = linked.owner_words if len(linked.owner_words) <= 80 else linked.owner_words[:79] + "…"
    measured = f"{goal.metric or ''} {goal.statement}".casefold()
    reach = _word_list("reach_only").search(measured)
    if reach is not None and linked.category != "brand_awareness":
        # "Get 10,000 followers" for a firm that wants more clients: reach is not the result
        params = {"metric": reach.group(), "objective": shown}
        return _Verdict([_Issue("reach_only", "error", params)], "relevant_ok")
    return _Verdict([], "relevant_ok", {"objective": shown})


def _time_bound(goal: Goal, today: date, bounds: SmartBounds, say: _Say) -> _Verdict:
    if goal.deadline is None:
        return _Verdict([_Issue("no_deadline", "error")], "time_bound_ok")
    params = {"deadline": goal.deadline.isoformat()}
    days = (goal.deadline - today).days
    if days <= 0:
        return _Verdict([_Issue("deadline_past", "error", params)], "time_bound_ok")
    horizon = say.text["horizon"].get(goal.horizon, "")
    params |= {"horizon": horizon, "period": say.period(days)}
    issues: list[_Issue] = []
    longest = int(getattr(bounds, f"{goal.horizon}_max_days", 0))
    if goal.horizon is None:
        issues.append(_Issue("no_horizon", "warning", params))
    elif days > longest:
        code = "too_far_for_long" if goal.horizon == "long" else "too_far_for_horizon"
        issues.append(_Issue(code, "error", params | {"max_period": say.period(longest)}))
    elif goal.horizon == "long" and days < bounds.long_min_days:
        issues.append(_Issue("too_soon_for_long", "error", params))
    return _Verdict(issues, "time_bound_ok", params)


def check_goal(
    goal: Goal,
    objectives: Sequence[Objective],
    today: date,
    language: str = "en",
    bounds: SmartBounds = DEFAULT_BOUNDS,
) -> SmartAssessment:
    """Judge one goal against the SMART rules; never raises for a valid ``Goal``."""
    lang = resolve_language(language)
    say = _Say(lang)
    measurable = _measurable(goal, say)
    linked = next((o for o in objectives if o.id == goal.objective_id), None)
    verdicts: dict[Letter, _Verdict] = {
        "specific": _specific(goal, say, linked.owner_words if linked else ""),
        "measurable": measurable,
        "achievable": _achievable(goal, not _fails(measurable.issues), today, bounds, say),
        "relevant": _relevant(goal, objectives),
        "time_bound": _time_bound(goal, today, bounds, say),
    }
    findings = [
        SmartFinding(
            letter=letter, code=i.code, severity=i.severity, reason=say.reason(i.code, i.params)
        )
        for letter, verdict in verdicts.items()
        for i in verdict.issues
    ]
    checks = {
        letter: LetterCheck(ok=not _fails(verdict.issues), reason=say.reason(*verdict.headline()))
        for letter, verdict in verdicts.items()
    }
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    fixes = [f for f in findings if f.severity == "error"] or [
        f for f in findings if f.severity == "warning"
    ]
    return SmartAssessment(
        language=lang,
        letters=SmartLetters(**checks),
        score=max(0, 100 - ERROR_PENALTY * errors - WARNING_PENALTY * warnings),
        top_fix=fixes[0].reason if fixes else None,
        findings=findings,
    )
