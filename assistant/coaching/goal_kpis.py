"""Which catalogue KPI an owner's figure or aim is a value of: the one the reading named or
the catalogue's keywords find, only when the figures are counted in its unit and over its
period ("3,6 mill" is no share in %, "3 timmar om dagen" no hours per week, "8,4" no NPS)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.coaching.catalogue import KpiCatalogue, KpiSpec, load_kpi_catalogue
from assistant.coaching.units import figure_unit
from assistant.understanding import cues
from assistant.understanding.metrics import catalogue_kpi, metric_bank, scaled
from assistant.understanding.reading import Amount

if TYPE_CHECKING:
    from assistant.coaching.facts import Figure


def figure_of(amount: Amount, kpi_id: str | None = None, language: str = "en") -> Figure:
    from assistant.coaching.facts import Figure

    unit = figure_unit(amount, language)
    return in_kpis_period(
        Figure(value=amount.value, unit=unit, kpi_id=kpi_id, period=amount.period)
    )


def in_kpis_period(figure: Figure) -> Figure:
    """The figure in its KPI's own period: "600 jobs a year" is 50 orders per month; one
    said per a period that does not convert ("150 a day") is kept under no KPI."""
    spec = load_kpi_catalogue().find_kpi(figure.kpi_id)
    if spec is None or not spec.per or not figure.period or figure.period == spec.per:
        return figure
    per = in_period(figure.value, figure.period, spec.per)
    if per is None:
        return figure.model_copy(update={"kpi_id": None})  # days open vary from trade to trade
    return figure.model_copy(update={"value": per, "period": spec.per})


MONTHS_IN = {"week": 12 / 52, "month": 1.0, "quarter": 3.0, "year": 12.0}
WHOLE_FROM = 10  # at or above this, a converted count is rounded to a whole number


def in_period(value: float, said: str | None, wanted: str | None) -> float | None:
    """A figure said per one period in another: per week, month, quarter and year convert
    (52 weeks make 12 months); a day does not, since days open differ from trade to trade."""
    if said not in MONTHS_IN or wanted not in MONTHS_IN:
        return None
    converted = value * MONTHS_IN[wanted] / MONTHS_IN[said]
    return float(round(converted)) if converted >= WHOLE_FROM else round(converted, 1)


def _same_period(amount: Amount, spec: KpiSpec) -> bool:
    return not (spec.per and amount.period and amount.period != spec.per)


def _fits(amount: Amount, spec: KpiSpec) -> bool:
    """The figure is counted in the KPI's unit and over its period ("3 timmar om dagen" is
    no value of "hours of admin per week")."""
    return _counted_in(amount, spec.unit) and _same_period(amount, spec)


def goal_kpi(
    label: str | None,
    text: str,
    language: str,
    category: str | None,
    figures: tuple[Amount | None, ...] = (),
) -> str | None:
    """The catalogue KPI a goal is about: the reading's metric when the catalogue has it,
    else the catalogue's own keywords when the owner's figures can be counted in it ("3,6
    mill" is never a share in %). Never a metric the catalogue lacks (followers are
    recorded, never a goal's KPI)."""
    catalogue = load_kpi_catalogue()
    found = _more_specific(catalogue, catalogue.find_kpi(catalogue_kpi(label)), text, language)
    if found is not None and all(_fits(f, found) for f in figures if f is not None):
        return found.id  # "8 installs a month … where the margin is": no margin in %
    if found is None and _share_of_a_channel(text, language, figures):
        return DEPENDENCY  # "снизить долю Озона с 75% до 50%": the platform's share
    from assistant.coaching.facts import match_kpi

    guess = match_kpi(text, language, category)
    if guess and _fraction_for_whole(guess, figures):  # "8,4 på Booking.com" is no NPS
        fits = [k for k in catalogue.find_kpis(text, language) if k != guess]
        guess = next((k for k in fits if not _fraction_for_whole(k, figures)), None)
    spec = catalogue.kpi(guess) if guess else None
    if spec is not None and not all(_fits(f, spec) for f in figures if f is not None):
        spec = _one_that_fits(catalogue, text, language, figures)  # "online sales £40k"
    if spec is None:
        return None
    guess = spec.id
    said = metric_bank().get(label or "")
    if said is not None and not _KPI_UNITS.get(spec.unit, {"count"}) & set(said.units):
        return None  # "выручка с 28 до 35 млн. Ну и отзывов побольше": money, not reviews
    return guess


def _more_specific(
    catalogue: KpiCatalogue, found: KpiSpec | None, text: str, language: str
) -> KpiSpec | None:
    """The reading's KPI, unless the words name one the catalogue holds as the narrower
    reading of it ("conversion from trial lesson to a course": trial conversion, not the
    webshop's conversion)."""
    if found is None:
        return None
    named = [catalogue.kpi(k) for k in catalogue.find_kpis(text, language)]
    return next((k for k in named if found.id in k.narrows), found)


def _one_that_fits(
    catalogue: KpiCatalogue, text: str, language: str, figures: tuple[Amount | None, ...]
) -> KpiSpec | None:
    """The next KPI the words name that the figures can be counted in ("online can sales
    from 0 to £40k": online sales in money, not their share in %)."""
    said = [f for f in figures if f is not None]
    found = [catalogue.kpi(k) for k in catalogue.find_kpis(text, language)] if said else []
    return next((k for k in found if k is not None and all(_fits(f, k) for f in said)), None)


DEPENDENCY = "dependency_share"


def _share_of_a_channel(text: str, language: str, figures: tuple[Amount | None, ...]) -> bool:
    """A share in % of sales that names a platform the business sells through; not one
    named as what to move away from ("30% from our own enquiries rather than Checkatrade"
    counts the own enquiries)."""
    from assistant.coaching.business import channels_named

    shares = [f for f in figures if f is not None]
    contrast = cues.search("instead_of", language, text)
    counted = text[: contrast.start()] if contrast else text
    return (
        bool(shares)
        and all(f.unit == "%" for f in shares)
        and bool(channels_named(counted, language))
    )


def _fraction_for_whole(kpi_id: str, figures: tuple[Amount | None, ...]) -> bool:
    spec = load_kpi_catalogue().kpi(kpi_id)
    said = [f.value for f in figures if f is not None]
    return spec is not None and spec.whole and any(v != int(v) for v in said)


_KPI_UNITS = {"%": {"%"}, "currency": {"money"}, "score": {"score", "stars"}}
_TIMES = {"hours", "days", "minutes"}


def _counted_in(amount: Amount, kpi_unit: str) -> bool:
    """Whether a figure can be a value of a KPI counted in ``kpi_unit``."""
    if kpi_unit in ("hours", "days"):
        return amount.unit in _TIMES
    if kpi_unit == "currency" and scaled(amount):  # "3,6 mill": money said without currency
        return True
    return (amount.unit or "count") in _KPI_UNITS.get(kpi_unit, {"count"})
