"""`eduqa eval` and `eduqa bench`: registered by eduqa.cli."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from eval.bench.cli import bench_cmd  # noqa: F401  (registered by eduqa.cli as `eduqa bench`)
from eval.eval_options import (
    Configs,
    Corpus,
    Group,
    JsonPath,
    Limit,
    NoDense,
    OcrCopy,
    Perturb,
    Reindex,
    ReportsDir,
    SetName,
    Split,
    Url,
)
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
    set_name: SetName = "seeds",
    group: Group = "all",
    split: Split = "all",
    limit: Limit = None,
    url: Url = None,
    corpus: Corpus = None,
    no_dense: NoDense = False,
    reindex: Reindex = False,
    ocr_copy: OcrCopy = False,
    perturb: Perturb = False,
    json_path: JsonPath = None,
    configs: Configs = None,
    reports_dir: ReportsDir = None,
) -> None:
    """Score retrieval (hits@k, MRR, nDCG), answers, citations, refusals and a CRAG-style score,
    configurations side by side, on the dev and held-out document groups; writes
    eval/reports/<timestamp>/ (report.md, results.json, plots)."""
    settings = _settings(no_dense)
    if set_name == "alqac":
        _alqac(settings, limit, corpus, json_path)
        return
    if (ocr_copy or perturb) and url:
        console.print(
            "[red]error:[/red] --ocr-copy and --perturb run in-process; they cannot ask a server (--url)"
        )
        raise typer.Exit(2)
    if ocr_copy and url:
        console.print("[red]error:[/red] --ocr-copy indexes its own copies; it cannot ask a server (--url)")
        raise typer.Exit(2)
    run = _Run(settings, set_name, group, split, limit, url, corpus, reindex, configs)
    result = run.perturbed() if perturb else run.with_ocr_copy() if ocr_copy else run.clean()
    from eval.report import REPORTS, write_report, write_summary

    folder = write_report(result, reports_dir or REPORTS)
    if json_path:
        write_summary(result, json_path)
    print_result(result)
    Console().print(f"\nReport: {folder}")


def _settings(no_dense: bool):
    from assistant.settings import Settings

    settings = Settings()
    if no_dense:
        settings = settings.model_copy(update={"embedding_model": None, "reranker_model": None})
    return settings


@dataclass
class _Run:
    """One `eduqa eval` run: the clean set and, asked for, its OCR-like copy beside it."""

    settings: object
    set_name: str
    group: str
    split: str
    limit: int | None
    url: str | None
    corpus: Path | None
    reindex: bool
    configs: list[str] | None

    def clean(self):
        from eval.run import run_eval

        def run(questions: list[dict]):
            return run_eval(
                self.settings, split=self.split, url=self.url, configs=self.configs or None,
                console=console, questions=questions, set_name=self.set_name, corpus=self.corpus,
                reindex=self.reindex,
            )  # fmt: skip

        return self._guarded(run)

    def perturbed(self):
        from eval.perturb_run import run_perturbed

        return self._guarded(
            lambda questions: run_perturbed(
                self.settings, self.set_name, questions, self.configs, console, self.corpus, self.reindex
            )
        )

    def with_ocr_copy(self):
        from eval.ocr_sets import beside, run_on_copy

        clean = self.clean()
        copy = self._guarded(
            lambda questions: run_on_copy(
                self.settings, self.set_name, questions, self.configs, console, self.corpus, self.reindex
            )
        )
        return beside(clean, copy)

    def _guarded(self, run):
        from eval.run import load_questions
        from ingest.index import IndexBusy

        try:
            return run(load_questions(self.split, self.limit, set_name=self.set_name, group=self.group))
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
    _print_copy_notes(out, result.meta.get("ocr_copy"))
    if result.meta.get("perturb"):
        from eval.perturb_run import perturb_table

        out.print(perturb_table(result.meta["perturb"]))
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


def _print_copy_notes(out: Console, notes: dict | None) -> None:
    if not notes:
        return
    out.print(f"[dim]OCR-like copies: {notes.get('copy_corpus')}[/dim]")
    if notes.get("gold_unresolved"):
        out.print(f"[yellow]gold not found on the copy:[/yellow] {', '.join(notes['gold_unresolved'])}")
    for source in notes.get("copied_as_is") or []:
        out.print(f"[yellow]not plain text, indexed as it is:[/yellow] {source}")
    for source, why in (notes.get("left_out") or {}).items():
        out.print(f"[yellow]copy left out, the reader fails on it:[/yellow] {source} ({why})")


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
