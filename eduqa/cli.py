"""The `eduqa` command: ingest, chunks, ask, serve, eval, bench, targets, tasks, snapshot."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.settings import Settings

app = typer.Typer(help="eduqa: answers from Vietnamese education directives, with citations.",
                  no_args_is_help=True, add_completion=False)  # fmt: skip
console = Console(stderr=True, soft_wrap=True)


def _service(settings: Settings, owner: str):
    from assistant.service import AssistantService
    from ingest.index import IndexBusy

    try:
        return AssistantService(settings, owner=owner)
    except IndexBusy as exc:
        console.print(f"[red]error:[/red] {exc}", soft_wrap=True)  # one line: easy to grep
        raise typer.Exit(2) from None


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")  # fmt: skip


def _parse_filters(items: list[str] | None) -> dict[str, str]:
    filters = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"filter {item!r} is not key=value")
        filters[key.strip()] = value.strip()
    return filters


@app.command("ingest")
def ingest_cmd(
    path: Annotated[Path | None, typer.Argument(help="Corpus folder (default: EDUQA_CORPUS_DIR).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Parse the corpus into numbered-task chunks and index them (unchanged files are skipped)."""
    _setup_logging(verbose)
    settings = Settings()
    if path is not None:
        settings = settings.model_copy(update={"corpus_dir": path})
    if not settings.corpus_dir.is_dir():
        console.print(f"[red]error:[/red] corpus folder {settings.corpus_dir} does not exist")
        raise typer.Exit(2)
    service = _service(settings, "eduqa ingest")
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console) as bar:  # fmt: skip
            tasks: dict[str, int] = {}

            def progress(stage: str, done: int, total: int) -> None:
                labels = {"read": "Reading documents", "embed": "Embedding chunks", "index": "Indexing"}
                label = labels.get(stage) or f"Reading pages of {stage.partition(':')[2]}"
                if stage not in tasks:
                    tasks[stage] = bar.add_task(label, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            summary = service.ingest(progress=progress)
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


@app.command("chunks")
def chunks_cmd(
    source: Annotated[str | None, typer.Option(help="Only this file (path relative to corpus/).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List the indexed chunks (DESIGN.md chunk listing with --json)."""
    from ingest.chunks import Chunk

    service = _service(Settings(), "eduqa chunks")
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
            section = ".".join(chunk.section) or "[]"
            typer.echo(f"{chunk.source}  {section:<14} {chunk.section_title[:70]}")


@app.command("ask")
def ask_cmd(
    question: Annotated[str, typer.Argument(help="The question, in Vietnamese or English.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer contract as JSON.")] = False,
    top_k: Annotated[int, typer.Option("--top-k", min=1, max=20)] = 5,
    filter_: Annotated[
        list[str] | None, typer.Option("--filter", help="key=value: source, province, type, year")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Answer a question from the indexed directives, citing the numbered tasks it rests on."""
    from pydantic import ValidationError

    from assistant.models import AskRequest

    _setup_logging(verbose)
    try:
        request = AskRequest(question=question, top_k=top_k, filters=_parse_filters(filter_))
    except ValidationError as exc:
        console.print(f"[red]error:[/red] {exc.errors()[0]['msg']}")
        raise typer.Exit(2) from None
    service = _service(Settings(), "eduqa ask")
    try:
        from assistant.filters import normalise_filters

        filters = normalise_filters(request.filters.values(), service.provinces)
        answer = service.ask(request.question, request.top_k, filters)
    finally:
        service.close()
    if as_json:
        sys.stdout.write(answer.model_dump_json(indent=1) + "\n")
        return
    from assistant.wording import section_label

    out = Console()
    out.print(answer.answer if answer.answerable else f"[yellow]{answer.answer}[/yellow]")
    if answer.citations:
        out.print("\n[bold]Nguồn / Sources[/bold]" if answer.answerable else "\n[bold]Related[/bold]")
        for c in answer.citations:
            doc = c.doc
            out.print(f"[{c.n}] {doc.type or ''} {doc.number or ''} {doc.date or ''} — "
                      f"{section_label(c.section, answer.language)} ({c.source})")  # fmt: skip


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    no_ingest: Annotated[bool, typer.Option("--no-ingest", help="Do not ingest a stale index.")] = False,
) -> None:
    """Serve the API (/api, docs at /docs) and the chat page (/), ingesting corpus/ if stale."""
    import uvicorn

    from eduqa.server import create_server

    _setup_logging(True)
    settings = Settings()
    service = _service(settings, "eduqa serve")
    if not no_ingest and service.is_stale():
        console.print("Index empty or stale: ingesting corpus/ …")
        summary = service.ingest()
        console.print(f"Ingested {summary.documents} documents, {summary.chunks} chunks.")
    application = create_server(settings, service=service)
    console.print(f"Serving on http://{host}:{port}  (chat page /, API /api, docs /docs)")
    uvicorn.run(application, host=host, port=port, log_level="info")


def _register_commands() -> None:
    """Commands that live beside their own code (benchmark, records, restoration, snapshots)."""
    from assistant.records_cli import targets_cmd, tasks_cmd
    from assistant.snapshot_cli import restore_snapshot_cmd, snapshot_cmd
    from eval.calibrate import calibrate_cmd
    from eval.commands import bench_cmd, eval_cmd
    from eval.restore_cli import restore_cmd

    commands = {"eval": eval_cmd, "bench": bench_cmd, "calibrate": calibrate_cmd, "targets": targets_cmd,
                "tasks": tasks_cmd, "restore": restore_cmd, "snapshot": snapshot_cmd,
                "restore-snapshot": restore_snapshot_cmd}  # fmt: skip
    for name, command in commands.items():
        app.command(name)(command)


_register_commands()


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
