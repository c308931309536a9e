"""`eduqa eval` and `eduqa bench`: registered by assistant.cli when this module imports."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

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
    from eval.by_language import language_table
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
    out.print(language_table(result))
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


def bench_cmd(
    quick: Annotated[
        bool, typer.Option("--quick", help="A small run: few requests, small synthetic corpus.")
    ] = False,
    synthetic_chunks: Annotated[
        int, typer.Option(help="Size of the synthetic corpus in chunks (0 skips it).", min=0)
    ] = 20000,
    clients: Annotated[
        list[int] | None,
        typer.Option("--clients", help="Concurrent HTTP clients (repeatable). Default 1, 4, 16."),
    ] = None,
    requests_per_level: Annotated[
        int | None,
        typer.Option("--requests", help="HTTP requests per concurrency level (default 48, quick 12).", min=1),
    ] = None,
    no_http: Annotated[bool, typer.Option("--no-http", help="Skip the HTTP measurements.")] = False,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the results JSON here.")
    ] = None,
) -> None:
    """Measure ingest throughput, query latency (in-process and over HTTP with concurrent
    clients) and peak RSS, on the seed corpus and on a synthetic corpus made from it."""
    from assistant.settings import Settings
    from eval.bench import run_bench

    settings = Settings()
    results = run_bench(
        settings,
        quick=quick,
        synthetic_chunks=min(synthetic_chunks, 600) if quick and synthetic_chunks else synthetic_chunks,
        clients=clients or ([1, 4] if quick else [1, 4, 16]),
        requests=requests_per_level or (12 if quick else 48),
        http=not no_http,
        console=console,
    )
    out = Console()
    table = Table(title=f"eduqa bench — {results['cpu_count']} CPUs")
    for c in ("corpus", "docs", "chunks", "docs/s", "chunks/s", "in-proc p50", "in-proc p95"):
        table.add_column(c, justify="right")
    levels = sorted({k for r in results["corpora"] for k in r.get("http", {})}, key=int)
    for n in levels:
        table.add_column(f"http×{n} p50/p95 (rps)", justify="right")
    table.add_column("peak RSS MB", justify="right")
    for r in results["corpora"]:
        table.add_row(
            r["name"],
            str(r["documents"]),
            str(r["chunks"]),
            _fmt(r["docs_per_s"]),
            _fmt(r["chunks_per_s"]),
            _fmt(r["query_p50_ms"]),
            _fmt(r["query_p95_ms"]),
            *[
                f"{_fmt(r['http'][n]['p50_ms'])}/{_fmt(r['http'][n]['p95_ms'])} ({_fmt(r['http'][n]['rps'])})"
                if n in r.get("http", {})
                else "–"
                for n in levels
            ],
            _fmt(r["peak_rss_mb"]),
        )
    out.print(table)
    out.print(f"Process peak RSS: {results['peak_rss_mb']:.0f} MB; latencies in ms.")
    if (emb := results.get("embedding") or {}).get("model"):
        out.print(f"Embedding ({emb['model']}): {_fmt(emb['passages_per_s'])} passages/s "
                  f"({emb['mean_chars']:.0f} chars avg), question p50/p95 {_fmt(emb['query_p50_ms'])}/"
                  f"{_fmt(emb['query_p95_ms'])} ms, peak RSS {emb['peak_rss_mb']:.0f} MB")  # fmt: skip
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, indent=1))


def _fmt(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
