"""Charts for printed documents (DOCX/PDF) as PNG bytes, drawn with matplotlib offline.

Each chart uses its own ``Figure`` on an Agg canvas (never pyplot), so nothing leaks between
calls or threads. Text uses the DejaVu Sans that ships with matplotlib, which covers Cyrillic
and Nordic letters. Colours come from the Okabe–Ito palette, which stays distinguishable with
the common kinds of colour blindness; the web charts reuse ``PRIORITY_COLOURS`` and
``BAND_COLOURS`` so a colour means the same everywhere.
"""

from __future__ import annotations

import textwrap
from io import BytesIO
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from assistant.coaching.plan import StrategyPlan, band_for
from assistant.reporting import views
from assistant.reporting.document import maturity_text
from assistant.reporting.views import Labels

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT = "DejaVu Sans"
PRIORITY_ORDER = ("high", "medium", "low", "none")
PRIORITY_COLOURS: dict[str, str] = {
    "high": "#D55E00",  # vermillion
    "medium": "#E69F00",  # orange
    "low": "#56B4E9",  # sky blue
    "none": "#999999",  # grey: not rated
}
BAND_COLOURS: dict[str, str] = {
    "basic": "#D55E00",
    "average": "#E69F00",
    "moderately_advanced": "#56B4E9",
    "advanced": "#009E73",  # bluish green
}
UNKNOWN_COLOUR = "#888888"
PROVISIONAL_ALPHA = 0.45
_DPI = 150
_WIDTH_INCHES = 8.0


class MaturityBar(BaseModel):
    """How one DMA dimension is drawn; ``unknown`` is an outline, never a bar at 0."""

    label: str
    kind: Literal["scored", "provisional", "unknown"]
    score: float | None
    colour: str
    alpha: float
    text: str


def maturity_bars(plan: StrategyPlan, labels: Labels) -> list[MaturityBar]:
    bars = []
    for row in views.maturity_rows(plan, labels):
        band = band_for(row.score)
        if row.score is None or band is None:
            kind, colour, alpha = "unknown", UNKNOWN_COLOUR, 1.0
        else:
            kind = "provisional" if row.provisional else "scored"
            colour = BAND_COLOURS[band]
            alpha = PROVISIONAL_ALPHA if row.provisional else 1.0
        bars.append(
            MaturityBar(
                label=row.label,
                kind=kind,
                score=row.score,
                colour=colour,
                alpha=alpha,
                text=maturity_text(row, labels),
            )
        )
    return bars


def _figure(height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(_WIDTH_INCHES, height), dpi=_DPI)
    FigureCanvasAgg(figure)  # Agg for this figure only; the global backend is left alone
    return figure


def _png(figure: Figure) -> bytes:
    buffer = BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _note_png(note: str) -> bytes:
    """A small image that says why there is nothing to draw (keeps documents uniform)."""
    from matplotlib import rc_context

    with rc_context({"font.family": FONT}):
        figure = _figure(1.2)
        figure.text(0.5, 0.5, textwrap.fill(note, 80), ha="center", va="center", fontsize=11)
        return _png(figure)


def maturity_png(plan: StrategyPlan, labels: Labels) -> bytes:
    """Horizontal 0–100 bars per DMA dimension, coloured by band; unknown drawn hatched."""
    from matplotlib import rc_context
    from matplotlib.patches import Rectangle

    bars = maturity_bars(plan, labels)
    with rc_context({"font.family": FONT, "hatch.color": UNKNOWN_COLOUR}):
        figure = _figure(0.55 * len(bars) + 1.0)
        axes = figure.add_axes((0.25, 0.16, 0.45, 0.8))
        for y, bar in enumerate(bars):
            if bar.kind == "unknown":
                axes.add_patch(
                    Rectangle(
                        (0, y - 0.3), 100, 0.6, fill=False, hatch="///",
                        edgecolor=UNKNOWN_COLOUR, linestyle="--", linewidth=1,
                    )
                )  # fmt: skip
            else:
                score = bar.score or 0.0
                axes.barh(y, score, height=0.6, color=bar.colour, alpha=bar.alpha)
                axes.plot([0, 0], [y - 0.3, y + 0.3], color=bar.colour, linewidth=3)
            axes.text(
                1.03, y, textwrap.fill(bar.text, 30), transform=axes.get_yaxis_transform(),
                va="center", fontsize=8.5, color="#555555" if bar.kind == "unknown" else "#222222",
                style="italic" if bar.kind != "scored" else "normal",
            )  # fmt: skip
        axes.set_xlim(0, 100)
        axes.set_ylim(len(bars) - 0.5, -0.5)
        axes.set_yticks(range(len(bars)), [textwrap.fill(b.label, 26) for b in bars], fontsize=9)
        axes.set_xticks([0, 25, 50, 75, 100])
        axes.set_xlabel(labels.text("score_axis"), fontsize=9)
        axes.grid(axis="x", color="#dddddd", linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        return _png(figure)


def _two_lines(title: str) -> str:
    """An initiative title in at most two short lines, so the bars keep their room."""
    return textwrap.fill(textwrap.shorten(title, 64, placeholder="…"), 34)


def timeline_png(plan: StrategyPlan, labels: Labels) -> bytes:
    """Gantt-like bars by quarter, coloured by priority, legend in the plan's language."""
    from matplotlib import rc_context
    from matplotlib.patches import Patch

    bars = views.timeline_bars(plan, labels)
    if not bars:
        return _note_png(labels.text("no_initiatives"))
    first = min(bar.first for bar in bars)
    last = max(bar.last for bar in bars)
    height = 0.45 * len(bars) + 1.6  # inches: bars + quarter labels below + legend above
    with rc_context({"font.family": FONT}):
        figure = _figure(height)
        axes = figure.add_axes((0.34, 0.95 / height, 0.64, 1 - 1.55 / height))
        for y, bar in enumerate(bars):
            axes.barh(
                y, bar.last - bar.first + 1, left=bar.first - 0.5, height=0.6,
                color=PRIORITY_COLOURS[bar.priority or "none"],
            )  # fmt: skip
        ticks = list(range(first, last + 1))
        axes.set_xticks(ticks, [views.quarter_name(i) for i in ticks], fontsize=8)
        if len(ticks) > 6:
            for tick in axes.get_xticklabels():
                tick.set_rotation(45)
                tick.set_ha("right")
        axes.set_xlim(first - 0.5, last + 0.5)
        axes.set_ylim(len(bars) - 0.5, -0.5)
        axes.set_yticks(range(len(bars)), [_two_lines(b.title) for b in bars], fontsize=7.5)
        axes.set_xticks([i - 0.5 for i in [*ticks, last + 1]], minor=True)
        axes.tick_params(axis="x", which="minor", length=0)
        axes.set_xlabel(labels.text("quarter_axis"), fontsize=9)
        axes.grid(axis="x", which="minor", color="#dddddd", linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        shown = {bar.priority or "none" for bar in bars}
        handles = [
            Patch(color=PRIORITY_COLOURS[p], label=labels.of("priorities", p))
            for p in PRIORITY_ORDER
            if p in shown
        ]
        axes.legend(
            handles=handles, title=labels.text("priority_label"), fontsize=8, title_fontsize=8,
            loc="lower left", bbox_to_anchor=(0, 1.02), ncol=len(handles), frameon=False,
            alignment="left",
        )  # fmt: skip
        return _png(figure)
