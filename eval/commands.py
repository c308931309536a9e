"""`eduqa eval` and `eduqa bench`: registered by assistant.cli when this module imports."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eval.bench.cli import bench_cmd  # noqa: F401  (registered by assistant.cli as `eduqa bench`)

console = Console(stderr=True)


def eval_cmd(
    split: Annotated[str, typer.Option(help="Question split: dev, test or all.")] = "test",
    limit: Annotated[int | None, typer.Option(help="Only the first N questions of the split.", min=1)] = None,
    url: Annotated[
        str | None,
        typer.Option(
            help="Ask a running server (POST {url}/api/ask) instead of in-process; only 'hybrid' "
            "(the server's own search) and 'naive-chunks' run then."
        ),
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the summary JSON here.")
    ] = None,
    configs: Annotated[
        list[str] | None,
        typer.Option(
            "--config",
            help="Configurations to compare (repeatable): bm25, dense, hybrid, "
            "hybrid+rerank, naive-chunks. Default: all that can run.",
        ),
    ] = None,
    reports_dir: Annotated[Path | None, typer.Option(help="Where report folders go.")] = None,
) -> None:
    """Score retrieval (hits@k, MRR, nDCG), answers, citations and abstention on eval/questions.jsonl,
    configurations side by side; writes eval/reports/<timestamp>/ (report.md, results.json, plots)."""
    from assistant.settings import Settings
    from eval.report import ANSWER_METRICS, REPORTS, write_report, write_summary
    from eval.run import run_eval, worst_failures
    from ingest.index import IndexBusy

    if split not in ("dev", "test", "all"):
        raise typer.BadParameter("split must be dev, test or all", param_hint="--split")
    try:
        result = run_eval(
            Settings(), split=split, limit=limit, url=url, configs=configs or None, console=console
        )
    except IndexBusy as exc:
        console.print(f"[red]error:[/red] {exc}\nOr point EDUQA_DATA_DIR at another folder.")
        raise typer.Exit(2) from None
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    folder = write_report(result, reports_dir or REPORTS)
    if json_path:
        write_summary(result, json_path)
    out = Console()
    table = Table(title=f"eduqa eval — {split}, {len(result.questions)} questions")
    cols = ["hits@1", "hits@5", "mrr@10", "ndcg@10", *ANSWER_METRICS]
    table.add_column("config")
    for c in cols:
        table.add_column(c.replace("_", " "), justify="right")
    for name, entry in result.configs.items():
        table.add_row(name, *[_fmt(entry["summary"].get(c)) for c in cols])
    out.print(table)
    for name, reason in result.skipped.items():
        out.print(f"[dim]{name} skipped: {reason}[/dim]")
    failures = worst_failures(result)
    if failures:
        out.print(f"\n[bold]Worst failures ({failures[0]['config']})[/bold]")
        for f in failures:
            out.print(
                f"{f['id']} [{f['lang']}/{f['kind']}] {f['question']}\n"
                f"    gold: {', '.join(f['gold']) or '(unanswerable)'}\n"
                f"    first retrieved: {f['first_retrieved']}",
                highlight=False,
            )
    out.print(f"\nReport: {folder}")


def _fmt(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
