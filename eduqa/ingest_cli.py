"""`eduqa ingest` (parse and index the corpus, with a bar per stage) and `eduqa chunks` (the chunk
listing of DESIGN.md); registered by eduqa.cli."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from assistant.settings import Settings
from eduqa.cli_common import console, open_service, setup_logging

__all__ = ["chunks_cmd", "ingest_cmd"]


def ingest_cmd(
    path: Annotated[Path | None, typer.Argument(help="Corpus folder (default: EDUQA_CORPUS_DIR).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Parse the corpus into numbered-task chunks and index them (unchanged files are skipped)."""
    setup_logging(verbose)
    settings = Settings()
    if path is not None:
        settings = settings.model_copy(update={"corpus_dir": path})
    if not settings.corpus_dir.is_dir():
        console.print(f"[red]error:[/red] corpus folder {settings.corpus_dir} does not exist")
        raise typer.Exit(2)
    service = open_service(settings, "eduqa ingest")
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console) as bar:  # fmt: skip
            summary = service.ingest(progress=_stage_bars(bar))
    finally:
        service.close()
    mode = "dense + BM25" if summary.dense else "BM25 only (no embedding model on disk)"
    console.print(
        f"[green]Ingested[/green] {summary.documents} documents, {summary.chunks} chunks, "
        f"{summary.duplicates} duplicates in {summary.seconds:.1f} s ({mode}); "
        f"indexed {len(summary.indexed)}, unchanged {len(summary.skipped)}, removed {len(summary.removed)}."
    )
    for source, reason in summary.failed.items():
        console.print(f"[yellow]skipped[/yellow] {source}: {reason}")


def chunks_cmd(
    source: Annotated[str | None, typer.Option(help="Only this file (path relative to corpus/).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List the indexed chunks (DESIGN.md chunk listing with --json)."""
    from ingest.parsed import Chunk
    from ingest.sections import section_label

    service = open_service(Settings(), "eduqa chunks")
    try:
        payloads = service.chunks(source)
    finally:
        service.close()
    if source and not payloads:
        console.print(f"[red]error:[/red] no chunks for source {source!r}")
        raise typer.Exit(1)
    fields = Chunk.__dataclass_fields__
    for payload in payloads:
        chunk = Chunk(**{k: payload[k] for k in fields if k in payload})
        if as_json:
            sys.stdout.write(json.dumps(chunk.as_listing(), ensure_ascii=False) + "\n")
        else:
            typer.echo(f"{chunk.source}  {section_label(chunk.section):<14} {chunk.section_title[:70]}")


def _stage_bars(bar: Progress):
    """A progress callback: one bar per ingest stage (reading, each scan's pages, embedding, indexing)."""
    tasks: dict[str, TaskID] = {}
    labels = {"read": "Reading documents", "embed": "Embedding chunks", "index": "Indexing"}

    def progress(stage: str, done: int, total: int) -> None:
        label = labels.get(stage) or f"Reading pages of {stage.partition(':')[2]}"
        if stage not in tasks:
            tasks[stage] = bar.add_task(label, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return progress
