"""Plotly figures for the web app's plan panel: DMA maturity bars and a roadmap timeline.

Same data and colours as the exported charts (``assistant.reporting.static_charts``), so a
colour means the same in the app and in the documents. An unknown maturity score is drawn as a
grey patterned bar across the whole axis labelled "unknown", never as a bar of length 0 (which
would read as a score of 0). Text shown inside a figure is escaped: Plotly renders a subset of
HTML in labels, and what the owner or a document wrote is data.
"""

from __future__ import annotations

import textwrap
from html import escape
from typing import TYPE_CHECKING, Any

from assistant.coaching.plan import StrategyPlan
from assistant.reporting import views
from assistant.reporting.document import maturity_text
from assistant.reporting.static_charts import (
    PRIORITY_COLOURS,
    PRIORITY_ORDER,
    UNKNOWN_COLOUR,
    MaturityBar,
    maturity_bars,
)
from assistant.reporting.views import Labels

if TYPE_CHECKING:
    import plotly.graph_objects as go

# Pass to gr.Plot / fig.to_html(config=...) so no logo or modebar clutters the panel.
PLOT_CONFIG: dict[str, Any] = {"displaylogo": False, "displayModeBar": False, "responsive": True}
ROW_HEIGHT = 28
BASE_HEIGHT = 60
LABEL_WIDTH = 34  # characters of a y-axis label before it is shortened (full text on hover)
UNKNOWN_TRACE = "unknown"
SCORED_TRACE = "scored"


def _plain(text: str) -> str:
    """Text for a Plotly label: its pseudo-HTML disabled."""
    return escape(text, quote=False)


def _short(text: str, width: int = LABEL_WIDTH) -> str:
    return _plain(textwrap.shorten(text, width, placeholder="…"))


def _base_layout(figure: go.Figure, rows: int, extra: int = 0) -> None:
    figure.update_layout(
        template="simple_white",
        height=BASE_HEIGHT + ROW_HEIGHT * max(rows, 1) + extra,
        margin={"l": 10, "r": 10, "t": 10 + extra, "b": 40},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        font={"family": "system-ui, sans-serif", "size": 12, "color": "#24292f"},
        dragmode=False,
        hovermode="closest",
        modebar={"remove": ["zoom", "pan", "select", "lasso2d", "autoScale", "toImage"]},
    )


def _score_column(figure: go.Figure, names: list[str], bars: list[MaturityBar]) -> None:
    """The score, band and provisional/unknown note of each row, in a column right of the
    axis (as in the exported chart), plus a tick at the score so a 0 is visibly a 0."""
    import plotly.graph_objects as go

    for name, bar in zip(names, bars, strict=True):
        figure.add_annotation(
            text=_plain(bar.text),
            x=1.01,
            xref="paper",
            xanchor="left",
            y=name,
            yref="y",
            showarrow=False,
            font={
                "size": 11,
                "color": "#57606a" if bar.kind == "unknown" else "#24292f",
                "style": "normal" if bar.kind == "scored" else "italic",
            },
        )
    ends = [(name, bar) for name, bar in zip(names, bars, strict=True) if bar.kind != "unknown"]
    figure.add_trace(
        go.Scatter(
            name="score",
            x=[bar.score for _, bar in ends],
            y=[name for name, _ in ends],
            mode="markers",
            marker={
                "symbol": "line-ns",
                "size": 16,
                "line": {"width": 3, "color": [bar.colour for _, bar in ends]},
            },
            hoverinfo="skip",
            cliponaxis=False,
        )
    )


def maturity_figure(plan: StrategyPlan, labels: Labels) -> go.Figure:
    """Horizontal 0–100 bars per DMA dimension, coloured by band; provisional ones hatched and
    labelled, unknown ones a grey hatched bar across the axis that says so."""
    import plotly.graph_objects as go

    rows = views.maturity_rows(plan, labels)
    bars = maturity_bars(plan, labels)
    names = [_short(row.label) for row in rows]
    scored = [bar.kind != "unknown" for bar in bars]
    hover = [f"<b>{_plain(row.label)}</b><br>{_plain(maturity_text(row, labels))}" for row in rows]
    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            name=SCORED_TRACE,
            orientation="h",
            y=names,
            x=[bar.score if ok else None for bar, ok in zip(bars, scored, strict=True)],
            marker={
                "color": [bar.colour for bar in bars],
                "opacity": [bar.alpha if bar.kind == "provisional" else 1.0 for bar in bars],
                "line": {"color": [bar.colour for bar in bars], "width": 1.5},
                "pattern": {
                    "shape": ["/" if bar.kind == "provisional" else "" for bar in bars],
                    "fillmode": "overlay",
                    "fgcolor": "#ffffff",
                    "solidity": 0.35,
                },
            },
            customdata=[bar.kind for bar in bars],
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    figure.add_trace(
        go.Bar(
            name=UNKNOWN_TRACE,
            orientation="h",
            y=names,
            x=[None if ok else 100 for ok in scored],
            marker={
                "color": "rgba(0,0,0,0)",
                "line": {"color": UNKNOWN_COLOUR, "width": 1},
                "pattern": {"shape": ".", "fgcolor": UNKNOWN_COLOUR, "solidity": 0.15},
            },
            customdata=[bar.kind for bar in bars],
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    _score_column(figure, names, bars)
    _base_layout(figure, len(rows))
    figure.update_layout(barmode="overlay", showlegend=False, bargap=0.35)
    figure.update_layout(margin={"r": 12 + 7 * max(len(bar.text) for bar in bars)})
    figure.update_xaxes(
        range=[0, 100],
        tickvals=[0, 25, 50, 75, 100],
        title={"text": _plain(labels.text("score_axis")), "font": {"size": 11}},
        showgrid=True,
        gridcolor="#e5e5e5",
        fixedrange=True,
    )
    figure.update_yaxes(autorange="reversed", fixedrange=True, automargin=True, ticks="")
    return figure


def _note(figure: go.Figure, note: str) -> None:
    figure.add_annotation(
        text=_plain(note),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 13, "color": "#57606a"},
    )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)


def timeline_figure(plan: StrategyPlan, labels: Labels) -> go.Figure:
    """One bar per scheduled initiative from its start to its end quarter (inclusive),
    coloured by priority, with a legend of the localized priority names."""
    import plotly.graph_objects as go

    bars = views.timeline_bars(plan, labels)
    figure = go.Figure()
    if not bars:
        _base_layout(figure, 1)
        _note(figure, labels.text("no_initiatives"))
        return figure
    rows = list(range(len(bars)))
    for priority in PRIORITY_ORDER:
        chosen = [
            (y, bar)
            for y, bar in zip(rows, bars, strict=True)
            if (bar.priority or "none") == priority
        ]
        if not chosen:
            continue
        figure.add_trace(
            go.Bar(
                name=_plain(labels.of("priorities", priority)),
                legendgroup=priority,
                orientation="h",
                y=[y for y, _ in chosen],
                base=[bar.first - 0.5 for _, bar in chosen],
                x=[bar.last - bar.first + 1 for _, bar in chosen],
                ids=[bar.id for _, bar in chosen],
                customdata=[[_plain(bar.title), bar.start, bar.end] for _, bar in chosen],
                marker={"color": PRIORITY_COLOURS[priority], "line": {"width": 0}},
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]} – %{customdata[2]}"
                    f"<br>{_plain(labels.text('priority_label'))}: "
                    f"{_plain(labels.of('priorities', priority))}<extra></extra>"
                ),
            )
        )
    first = min(bar.first for bar in bars)
    last = max(bar.last for bar in bars)
    quarters = list(range(first, last + 1))
    _base_layout(figure, len(bars), extra=24)
    figure.update_layout(
        barmode="overlay",
        bargap=0.3,
        showlegend=True,
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
            "title": {"text": _plain(labels.text("priority_label")) + ":"},
            "font": {"size": 11},
        },
    )
    figure.update_xaxes(
        range=[first - 0.5, last + 0.5],
        tickvals=quarters,
        ticktext=[views.quarter_name(q) for q in quarters],
        title={"text": _plain(labels.text("quarter_axis")), "font": {"size": 11}},
        showgrid=True,
        gridcolor="#e5e5e5",
        fixedrange=True,
    )
    figure.update_yaxes(
        tickvals=rows,
        ticktext=[_short(bar.title, 40) for bar in bars],
        range=[len(bars) - 0.5, -0.5],
        fixedrange=True,
        automargin=True,
        ticks="",
    )
    return figure
