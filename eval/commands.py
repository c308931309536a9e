"""`eduqa eval` and `eduqa bench`: registered by eduqa.cli."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eval.bench.cli import bench_cmd  # noqa: F401  (registered by eduqa.cli as `eduqa bench`)
from eval.report import fmt

console = Console(stderr=True)
SHORT = {
    "answer_correct": "answer",
    "citation_precision": "cite P",
    "refusal_precision": "refuse P",
    "refusal_recall": "refuse R",
    "wrong_refusals": "wrong refuse",
    "crag_score": "CRAG",
    "latency_p50_ms": "p50 ms",
}


def eval_cmd(
    set_name: Annotated[
        str,
        typer.Option(
            "--set",
            help="Question set: seeds (eval/questions.jsonl over corpus/), devcorpus "
            "(eval/sets/devcorpus.jsonl over the development corpus, indexed once into "
            "<data>/eval-devcorpus/), recent (eval/sets/recent.jsonl over eval/corpora/recent/, "
            "eight documents no rule was written on) or alqac (ALQAC 2023 law questions, retrieval only).",
        ),
    ] = "seeds",
    group: Annotated[
        str, typer.Option(help="Only one document group: dev, held-out or all (both, side by side).")
    ] = "all",
    split: Annotated[
        str, typer.Option(help="Seed set only: its own question split dev, test or all.")
    ] = "all",
    limit: Annotated[int | None, typer.Option(help="Only the first N questions.", min=1)] = None,
    url: Annotated[
        str | None,
        typer.Option(
            help="Ask a running server (POST {url}/api/ask) instead of in-process; only 'hybrid' "
            "(the server's own search) runs then. The server must hold the set's corpus."
        ),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="The set's corpus root (devcorpus: default $EDUQA_DEVCORPUS_DIR or ../shared/devcorpus)."
        ),
    ] = None,
    no_dense: Annotated[
        bool, typer.Option("--no-dense", help="BM25 only: do not load or use the dense model.")
    ] = False,
    reindex: Annotated[
        bool, typer.Option("--reindex", help="Re-read and re-index the set's corpus (after reader changes).")
    ] = False,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the summary JSON here.")
    ] = None,
    configs: Annotated[
        list[str] | None,
        typer.Option(
            "--config",
            help="Configurations to compare (repeatable): bm25, dense, hybrid, "
            "hybrid+rerank, naive-chunks (seed set only). Default: all that can run.",
        ),
    ] = None,
    reports_dir: Annotated[Path | None, typer.Option(help="Where report folders go.")] = None,
) -> None:
    """Score retrieval (hits@k, MRR, nDCG), answers, citations, refusals and a CRAG-style score,
    configurations side by side, on the dev and held-out document groups; writes
    eval/reports/<timestamp>/ (report.md, results.json, plots)."""
    from assistant.settings import Settings

    settings = Settings()
    if no_dense:
        settings = settings.model_copy(update={"embedding_model": None, "reranker_model": None})
    if set_name == "alqac":
        _alqac(settings, limit, corpus, json_path)
        return
    result = _run(settings, set_name, group, split, limit, url, corpus, reindex, configs)
    from eval.report import REPORTS, write_report, write_summary

    folder = write_report(result, reports_dir or REPORTS)
    if json_path:
        write_summary(result, json_path)
    print_result(result)
    Console().print(f"\nReport: {folder}")


def _run(settings, set_name, group, split, limit, url, corpus, reindex, configs):
    from eval.run import load_questions, run_eval
    from ingest.index import IndexBusy

    try:
        questions = load_questions(split, limit, set_name=set_name, group=group)
        return run_eval(
            settings, split=split, url=url, configs=configs or None, console=console,
            questions=questions, set_name=set_name, corpus=corpus, reindex=reindex,
        )  # fmt: skip
    except IndexBusy as exc:
        console.print(f"[red]error:[/red] {exc}\nOr point EDUQA_DATA_DIR at another folder.")
        raise typer.Exit(2) from None
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def print_result(result) -> None:
    from eval.by_language import language_table
    from eval.report import ANSWER_METRICS
    from eval.run import worst_failures

    out = Console()
    table = Table(title=f"eduqa eval — set {result.set_name}, {len(result.questions)} questions")
    cols = ["n", "hits@1", "hits@5", "mrr@10", "ndcg@10", *ANSWER_METRICS[:-1]]
    table.add_column("config")
    table.add_column("group")
    for c in cols:
        table.add_column(SHORT.get(c, c), justify="right")
    for name, entry in result.configs.items():
        for group, summary in [*entry["groups"].items(), ("all", entry["summary"])]:
            table.add_row(name, group, *[_fmt(summary.get(c)) for c in cols])
    out.print(table)
    out.print(language_table(result))
    for name, reason in result.skipped.items():
        out.print(f"[dim]{name} skipped: {reason}[/dim]")
    for source, why in (result.meta.get("left_out") or {}).items():
        out.print(f"[yellow]left out, the reader fails on it:[/yellow] {source} ({why})")
    failures = worst_failures(result)
    if failures:
        out.print(f"\n[bold]Worst failures ({failures[0]['config']})[/bold]")
        for f in failures:
            out.print(
                f"{f['id']} [{f['group']}/{f['lang']}/{f['kind']}] {f['question']}\n"
                f"    gold: {'; '.join(f['gold']) or '(unanswerable)'}\n"
                f"    first retrieved: {f['first_retrieved']}",
                highlight=False,
            )


def _alqac(settings, limit, corpus, json_path) -> None:
    from eval.alqac import ALQAC_DEFAULT, run_alqac

    root = corpus or ALQAC_DEFAULT
    if not (root / "train.json").exists():
        console.print(f"[red]error:[/red] no ALQAC train.json under {root} (pass --corpus)")
        raise typer.Exit(2)
    out = run_alqac(settings, root, limit=limit, console=console)
    table = Table(title=f"ALQAC 2023 — {out['n_questions']} questions over {out['n_articles']} articles")
    table.add_column("config")
    for c in out["metrics"]:
        table.add_column(c, justify="right")
    for name, values in out["configs"].items():
        table.add_row(name, *[_fmt(values.get(c)) for c in out["metrics"]])
    Console().print(table)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(out, ensure_ascii=False, indent=1))


def _fmt(value) -> str:
    return fmt(value, large_digits=1)
