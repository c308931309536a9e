"""The tables `eduqa eval` prints: each configuration's metrics per document group, the
per-language table, what was left out, and the worst failures."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eval.report import fmt

SHORT = {
    "answer_correct": "answer",
    "citation_precision": "cite P",
    "refusal_precision": "refuse P",
    "refusal_recall": "refuse R",
    "wrong_refusals": "wrong refuse",
    "crag_score": "CRAG",
    "latency_p50_ms": "p50 ms",
}


def print_result(result) -> None:
    from eval.by_language import language_table
    from eval.lead_shape import shape_lines
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
    shapes = shape_lines({n: c["records"] for n, c in result.configs.items() if not c.get("retrieval_only")})
    out.print("\n[bold]Answers' first line (eval/lead_shape.py)[/bold]", *shapes, sep="\n", highlight=False)
    if result.meta.get("perturb"):
        from eval.perturb_run import perturb_table

        out.print(perturb_table(result.meta["perturb"]))
    failures = worst_failures(result)
    if failures:
        out.print(f"\n[bold]Worst failures ({failures[0]['config']}; dev questions only)[/bold]")
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


def print_alqac(out: dict) -> None:
    """The ALQAC table: each configuration's retrieval metrics."""
    table = Table(title=f"ALQAC 2023 — {out['n_questions']} questions over {out['n_articles']} articles")
    table.add_column("config")
    for c in out["metrics"]:
        table.add_column(c, justify="right")
    for name, values in out["configs"].items():
        table.add_row(name, *[_fmt(values.get(c)) for c in out["metrics"]])
    Console().print(table)


def _fmt(value) -> str:
    return fmt(value, large_digits=1)
