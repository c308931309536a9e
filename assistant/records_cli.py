"""`eduqa targets` and `eduqa tasks`: the records tables in the terminal, or as CSV for a sheet."""

from __future__ import annotations

import csv as csv_module
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from assistant.records import LEVELS, filter_targets, filter_tasks

TARGET_COLUMNS = (
    "year",
    "period",
    "level",
    "metric_label",
    "value",
    "number",
    "unit",
    "comparator",
    "province",
    "source",
    "section_label",
    "quote",
)
TASK_COLUMNS = (
    "lead_name",
    "lead",
    "deadline",
    "deadline_date",
    "task",
    "partners",
    "output",
    "source",
    "section_label",
)

LEVEL_HELP = ", ".join(LEVELS)


def _records() -> tuple[list[dict], list[dict]]:
    from assistant.service import AssistantService
    from assistant.settings import Settings
    from ingest.index import IndexBusy

    try:
        service = AssistantService(Settings(), owner="eduqa targets")
    except IndexBusy as exc:  # a server holds the index: say so, no traceback
        Console(stderr=True, soft_wrap=True).print(
            f"[red]error:[/red] {exc} The same tables: GET /api/targets, /api/tasks."
        )
        raise typer.Exit(2) from None
    try:
        return service.records()
    finally:
        service.close()


# what fits a terminal; the CSV has every column
TARGET_TABLE = ("year", "level", "metric_label", "value", "comparator", "source", "section_label")
TASK_TABLE = ("lead_name", "deadline", "deadline_date", "task", "section_label")


def _emit(
    rows: list[dict],
    columns: tuple[str, ...],
    as_csv: bool,
    title: str,
    table_columns: tuple[str, ...] = (),
) -> None:
    if as_csv:
        writer = csv_module.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    columns = table_columns or columns
    table = Table(title=f"{title} ({len(rows)})", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console().print(table)


def targets_cmd(
    year: Annotated[int | None, typer.Option(help="Target year (or inside its period).")] = None,
    level: Annotated[str | None, typer.Option(help=LEVEL_HELP)] = None,
    province: Annotated[str | None, typer.Option()] = None,
    q: Annotated[str | None, typer.Option("--q", "-q", help="Words in the metric, any accents.")] = None,
    csv: Annotated[bool, typer.Option("--csv", help="CSV to stdout instead of a table.")] = False,
) -> None:
    """Quantitative targets (chỉ tiêu) found in the indexed directives."""
    rows = filter_targets(_records()[0], year=year, level=level, province=province, q=q)
    rows = sorted(rows, key=lambda r: (r.get("metric_key") or "", r.get("year") or 0, r["level"]))
    _emit(rows, TARGET_COLUMNS, csv, "Chỉ tiêu", TARGET_TABLE)


def tasks_cmd(
    lead: Annotated[str | None, typer.Option(help="Lead unit, part of its name, any accents.")] = None,
    before: Annotated[str | None, typer.Option(help="Due by YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    q: Annotated[str | None, typer.Option("--q", "-q")] = None,
    csv: Annotated[bool, typer.Option("--csv", help="CSV to stdout instead of a table.")] = False,
) -> None:
    """Assigned tasks with lead unit and deadline (appendix rows and dated duties)."""
    rows = filter_tasks(_records()[1], lead=lead, before=before, q=q)
    rows = sorted(rows, key=lambda r: (r.get("deadline_date") or "9999", r.get("lead_name") or ""))
    _emit(rows, TASK_COLUMNS, csv, "Nhiệm vụ", TASK_TABLE)
