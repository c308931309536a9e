"""The `eduqa` command: ingest, chunks, ask, serve, eval, bench, targets, tasks, snapshot."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from assistant.settings import Settings
from eduqa.cli_common import console, open_service, setup_logging
from eduqa.ingest_cli import chunks_cmd, ingest_cmd

app = typer.Typer(help="eduqa: answers from Vietnamese education directives, with citations.",
                  no_args_is_help=True, add_completion=False)  # fmt: skip

app.command("ingest")(ingest_cmd)  # documents in: eduqa/ingest_cli.py
app.command("chunks")(chunks_cmd)


def _parse_filters(items: list[str] | None) -> dict[str, str]:
    filters = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"filter {item!r} is not key=value")
        filters[key.strip()] = value.strip()
    return filters


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

    setup_logging(verbose)
    try:
        request = AskRequest(question=question, top_k=top_k, filters=_parse_filters(filter_))
    except ValidationError as exc:
        console.print(f"[red]error:[/red] {exc.errors()[0]['msg']}")
        raise typer.Exit(2) from None
    service = open_service(Settings(), "eduqa ask")
    try:
        from assistant.filters import normalise_filters

        filters = normalise_filters(request.filters.values(), service.provinces)
        answer = service.ask(request.question, request.top_k, filters)
    finally:
        service.close()
    if as_json:
        sys.stdout.write(answer.model_dump_json(indent=1) + "\n")
        return
    from assistant.wording import display_date, section_label

    out = Console()
    out.print(answer.answer if answer.answerable else f"[yellow]{answer.answer}[/yellow]")
    if answer.citations:
        out.print("\n[bold]Nguồn / Sources[/bold]" if answer.answerable else "\n[bold]Related[/bold]")
        for c in answer.citations:
            doc = c.doc
            out.print(f"[{c.n}] {doc.type or ''} {doc.number or ''} {display_date(doc.date)} — "
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

    setup_logging(True)
    settings = Settings()
    service = open_service(settings, "eduqa serve")
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
