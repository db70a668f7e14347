"""Terminal rendering of search results (Rich)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from assistant.knowledge.models import SearchResult


def results_table(query: str, results: Sequence[SearchResult], width: int = 160) -> Table:
    table = Table(title=f"“{query}”", title_justify="left", show_lines=True, expand=False)
    table.add_column("#", justify="right")
    table.add_column("score", justify="right")
    table.add_column("lang")
    table.add_column("source / heading", max_width=40)
    table.add_column("passage", max_width=width - 60)
    if not results:
        table.add_row("", "", "", "", "nothing relevant found")
    for number, result in enumerate(results, start=1):
        excerpt = " ".join(result.text.split())
        if len(excerpt) > 280:
            excerpt = excerpt[:277] + "…"
        where = f"{result.source}\n[dim]{result.heading}[/dim]"
        table.add_row(str(number), f"{result.score:.2f}", result.language, where, excerpt)
    return table
