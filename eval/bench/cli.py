"""`eduqa bench` options and the printed table (registered through eval.commands)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eval.report import fmt

console = Console(stderr=True)
DEFAULT_PLOT = Path(__file__).resolve().parents[1] / "reports" / "bench-latency.png"


Quick = Annotated[bool, typer.Option("--quick", help="A small run: 24 questions, 600-chunk corpus.")]
SyntheticChunks = Annotated[
    int, typer.Option(help="Size of the derived corpus in chunks (0 skips it).", min=0)
]
Large = Annotated[
    int, typer.Option(help="Also a large derived corpus of this many chunks, e.g. 200000 (0: none).", min=0)
]
DenseLarge = Annotated[
    bool, typer.Option(help="Dense vectors in corpora of 100,000 chunks or more (else BM25 only).")
]
Clients = Annotated[
    list[int] | None,
    typer.Option("--clients", help="Concurrent HTTP clients (repeatable). Default 1, 4, 16."),
]
Requests = Annotated[
    int | None,
    typer.Option("--requests", help="HTTP requests per concurrency level (default 48, quick 12).", min=1),
]
NoHttp = Annotated[bool, typer.Option("--no-http", help="Skip the HTTP measurements.")]
JsonPath = Annotated[Path | None, typer.Option("--json", help="Also write the results JSON here.")]
PlotPath = Annotated[Path, typer.Option(help="PNG of p50/p95 latency against corpus size.")]
Sections = Annotated[
    list[str] | None,
    typer.Option(
        "--section", help="Only these sections (repeatable): embedding, corpus, devcorpus-ingest, load."
    ),
]


def bench_cmd(
    quick: Quick = False,
    synthetic_chunks: SyntheticChunks = 20000,
    large: Large = 0,
    dense_large: DenseLarge = True,
    clients: Clients = None,
    requests_per_level: Requests = None,
    no_http: NoHttp = False,
    json_path: JsonPath = None,
    plot: PlotPath = DEFAULT_PLOT,
    sections: Sections = None,
) -> None:
    """Our pipeline beside a PrivateGPT-style one (fixed-size chunks, dense only, top 2) on the same
    questions: in-process latency and hit@5 at the seed size and on larger corpora derived from it,
    HTTP latency with concurrent clients, ingest throughput, peak RSS; and a PNG of the curve."""
    from eval.bench import SECTIONS

    unknown = sorted(set(sections or []) - set(SECTIONS))
    if unknown:
        raise typer.BadParameter(
            f"unknown section(s) {unknown}; known: {list(SECTIONS)}", param_hint="--section"
        )
    results = _run_or_exit(
        quick=quick,
        synthetic_chunks=min(synthetic_chunks, 600) if quick and synthetic_chunks else synthetic_chunks,
        clients=clients or ([1, 4] if quick else [1, 4, 16]),
        requests=requests_per_level or (12 if quick else 48),
        http=not no_http,
        large=large,
        dense_large=dense_large,
        plot=plot,
        json_path=json_path,
        sections=sections or list(SECTIONS),
    )
    print_results(results)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, indent=1))


def _run_or_exit(**options) -> dict:
    """The bench's results under these options; an index another process holds is a clear error."""
    from assistant.settings import Settings
    from eval.bench import run_bench
    from ingest.index import IndexBusy

    try:
        return run_bench(Settings(), console=console, **options)
    except IndexBusy as exc:
        console.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from None


def print_results(results: dict) -> None:
    out = Console(width=max(Console().width, 170))  # the table is wide: do not squeeze it into 80
    out.print(_corpus_table(results))
    for r in results["corpora"]:
        stages = ", ".join(f"{k} {_fmt(v)}" for k, v in r.get("stages_p50_ms", {}).items())
        out.print(f"{r['name']}: stage p50 (ms) {stages}; index built at {_fmt(r['chunks_per_s'])} chunks/s")
    if results.get("synthetic_note"):
        out.print(f"[dim]{results['synthetic_note']}[/dim]")
    if results.get("plot"):
        out.print(f"Latency curve: {results['plot']}")
    out.print(f"Process peak RSS: {results['peak_rss_mb']:.0f} MB; latencies in ms.")
    from eval.bench_ingest import print_devcorpus_ingest
    from eval.bench_load import print_load

    if (emb := results.get("embedding") or {}).get("model"):
        out.print(
            f"Embedding ({emb['model']}): {_fmt(emb['passages_per_s'])} passages/s "
            f"({emb['mean_chars']:.0f} chars avg), question p50/p95 {_fmt(emb['query_p50_ms'])}/"
            f"{_fmt(emb['query_p95_ms'])} ms, peak RSS {emb['peak_rss_mb']:.0f} MB"
        )
    print_devcorpus_ingest(results.get("devcorpus_ingest"), out)
    if results.get("load"):
        print_load(results["load"], out)


def _corpus_table(results: dict) -> Table:
    """One row per corpus: ours beside the PrivateGPT-style pipeline, then each HTTP load level."""
    table = Table(title=f"eduqa bench — {results['cpu_count']} CPUs, model {results.get('embedding_model')}")
    columns = ["corpus", "chunks", "ours p50/p95", "hit@5", "PrivateGPT p50/p95", "hit@5 ", "PGPT/ours p50"]
    for c in columns:
        table.add_column(c, justify="right")
    levels = sorted({k for r in results["corpora"] for k in r.get("http", {})}, key=int)
    for n in levels:
        table.add_column(f"http×{n} p50/p95 (rps, err)", justify="right")
    table.add_column("peak RSS MB", justify="right")
    for r in results["corpora"]:
        table.add_row(
            r["name"],
            str(r["chunks"]),
            f"{_fmt(r['query_p50_ms'])}/{_fmt(r['query_p95_ms'])}",
            _fmt(r.get("hit_at_5")),
            f"{_fmt(r.get('baseline_query_p50_ms'))}/{_fmt(r.get('baseline_query_p95_ms'))}",
            _fmt(r.get("baseline_hit_at_5")),
            _fmt(r.get("baseline_over_ours_p50")),
            *[_http(r["http"].get(n)) for n in levels],
            _fmt(r["peak_rss_mb"]),
        )
    return table


def _http(level: dict | None) -> str:
    if not level:
        return "–"
    return f"{_fmt(level['p50_ms'])}/{_fmt(level['p95_ms'])} ({_fmt(level['rps'])}, {level['errors']})"


def _fmt(value) -> str:
    return fmt(value, large_digits=1)
