"""The configurations side by side per question language (hits@5 and MRR@10), for the console."""

from __future__ import annotations

from rich.table import Table

METRICS = ("hits@5", "mrr@10")


def language_table(result) -> Table:
    """Rows: languages; columns: each configuration's hits@5 and MRR@10 (retrieval only)."""
    langs = sorted(
        {lang for entry in result.configs.values() for lang in entry.get("by", {}).get("lang", {})}
    )
    table = Table(title="by language")
    table.add_column("lang")
    for name in result.configs:
        for metric in METRICS:
            table.add_column(f"{name} {metric}", justify="right")
    for lang in langs:
        cells = []
        for entry in result.configs.values():
            values = entry.get("by", {}).get("lang", {}).get(lang, {})
            cells += [_fmt(values.get(m)) for m in METRICS]
        table.add_row(lang, *cells)
    return table


def _fmt(value) -> str:
    return "–" if value is None or value != value else f"{value:.3f}"
