"""``strategy-coach eval understanding``: score a reader on the blind corpus, print the
figures per language, check the floors (``evals/understanding/floors.json``) and write a
JSON report with every miss, so a failure can be read, not guessed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from assistant.evaluation.understanding_agreement import SECOND_ANNOTATOR, agreement_figures
from assistant.evaluation.understanding_gold import CORPUS_DIR, file_sha256, load_corpus
from assistant.evaluation.understanding_readers import reader
from assistant.evaluation.understanding_score import ItemResult, report, score
from assistant.evaluation.understanding_smart import SMART_GOALS, smart_goal_figures

FLOORS = CORPUS_DIR / "floors.json"
FROZEN = CORPUS_DIR / "frozen.json"
HEADLINE = (
    "fact_f1",
    "fact_precision",
    "fact_recall",
    "objectives_recall",
    "intent_accuracy",
    "invented_numbers",
    "numbers_without_span",
)
LOWER_IS_BETTER = {"invented_numbers", "numbers_without_span"}


def check_frozen() -> str | None:
    """A message when a frozen file (the test split, the SMART goals) no longer matches
    its recorded hash."""
    frozen = json.loads(FROZEN.read_text(encoding="utf-8"))
    for name, key in (("test.jsonl", "test_sha256"), ("smart_goals.jsonl", "smart_goals_sha256")):
        actual = file_sha256(CORPUS_DIR / name)
        if actual != frozen[key]:
            recorded = frozen[key][:12]
            return f"evals/understanding/{name} changed (sha256 {actual[:12]}…, frozen {recorded}…)"
    return None


def _misses(results: list[ItemResult]) -> list[dict[str, Any]]:
    rows = []
    for r in results:
        wrong_intent = r.item.gold.intent != r.reading.intent
        if not (r.missed or r.extra or r.invented or wrong_intent):
            continue
        rows.append(
            {
                "id": r.item.id,
                "lang": r.item.lang,
                "text": r.item.text,
                "intent": {"gold": r.item.gold.intent, "read": r.reading.intent},
                "missed": [
                    f"{f.field}={f.value!r} ({f.extra.get('kpi', '')}) «{f.span}»" for f in r.missed
                ],
                "extra": [
                    f"{f.field}={f.value!r} ({f.extra.get('kpi', '')}) «{f.span}»" for f in r.extra
                ],
                "invented": r.invented,
            }
        )
    return rows


def gate(figures: dict[str, Any], split: str, reader_name: str) -> list[str]:
    """Floors broken by these figures (floors are kept for the typed reader only)."""
    if reader_name != "typed" or not FLOORS.exists():
        return []
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get(split, {})
    failures = []
    for key, floor in floors.items():
        metric, _, lang = key.partition("@")
        block = figures["by_language"].get(lang, {}) if lang else figures["all"]
        value = block.get(metric)
        if value is None:
            continue
        broken = value > floor if metric in LOWER_IS_BETTER else value < floor
        if broken:
            failures.append(f"{key} = {value} (floor {floor})")
    return failures


def gate_smart_goals(figures: dict[str, Any]) -> list[str]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get("smart_goals", {})
    failures = []
    for key, floor in floors.items():
        metric, _, lang = key.partition("@")
        block = figures["by_language"].get(lang, {}) if lang else figures["all"]
        if block.get(metric) is not None and block[metric] < floor:
            failures.append(f"smart_goals {key} = {block[metric]} (floor {floor})")
    return failures


def _smart_line(figures: dict[str, Any]) -> str:
    per = ", ".join(f"{lang} {v['smart_goal']:g}" for lang, v in figures["by_language"].items())
    return (
        f"SMART goals read with target and deadline: {figures['all']['smart_goal']:g} "
        f"of {figures['goals']} ({per})"
    )


def _agreement_line(figures: dict[str, Any]) -> str:
    per = ", ".join(f"{lang} {v['fact_f1']:g}" for lang, v in figures.items() if lang != "all")
    return (
        f"a second annotator on {figures['all']['items']} dev items agrees with the gold at "
        f"fact F1 {figures['all']['fact_f1']:g} ({per}), intents "
        f"{figures['all']['intent_agreement']:g}: the ceiling a reader can be held to"
    )


def _table(figures: dict[str, Any], title: str) -> Table:
    table = Table(title=title)
    table.add_column("metric")
    languages = sorted(figures["by_language"])
    for column in ["all", *languages]:
        table.add_column(column, justify="right")
    for metric in HEADLINE:
        row = [figures["all"].get(metric)] + [
            figures["by_language"][x].get(metric) for x in languages
        ]
        table.add_row(metric, *("—" if v is None else f"{v:g}" for v in row))
    for name in figures["all"]["fields"]:
        row = [figures["all"]["fields"].get(name, {}).get("f1")] + [
            figures["by_language"][x]["fields"].get(name, {}).get("f1") for x in languages
        ]
        table.add_row(f"  F1 {name}", *("—" if v is None else f"{v:g}" for v in row))
    return table


def run(split: str, reader_name: str, as_json: bool, out: Path | None) -> int:
    console = Console()
    if split == "test" and (changed := check_frozen()):
        console.print(f"[red]the frozen test split was modified: {changed}[/red]")
        return 2
    results = score(load_corpus(split), reader(reader_name))  # type: ignore[arg-type]
    figures = report(results)
    failures = gate(figures, split, reader_name)
    if split == "test" and reader_name == "typed" and SMART_GOALS.exists():
        figures["smart_goals"] = smart_goal_figures()
        failures += gate_smart_goals(figures["smart_goals"])
    if split == "dev" and SECOND_ANNOTATOR.exists():
        figures["annotator_agreement"] = agreement_figures()
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        payload = {"split": split, "reader": reader_name, **figures, "misses": _misses(results)}
        out.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    if as_json:
        print(json.dumps({"split": split, "reader": reader_name, **figures}, ensure_ascii=False))
    else:
        console.print(_table(figures, f"understanding · {split} split · {reader_name} reader"))
        console.print(f"intent confusion (gold → read): {figures['all']['intent_confusion']}")
        if "smart_goals" in figures:
            console.print(_smart_line(figures["smart_goals"]))
        if "annotator_agreement" in figures:
            console.print(_agreement_line(figures["annotator_agreement"]))
        for failure in failures:
            console.print(f"[red]✗ below floor: {failure}[/red]")
    return 2 if failures else 0
