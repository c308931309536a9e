"""What every `eduqa` command shares: the console it reports on, logging, and the service opened
with a clear error (not a traceback) when another process owns the index."""

from __future__ import annotations

import logging

import typer
from rich.console import Console

from assistant.settings import Settings

__all__ = ["console", "open_service", "setup_logging"]

console = Console(stderr=True, soft_wrap=True)


def open_service(settings: Settings, owner: str):
    from assistant.service import AssistantService
    from ingest.index import IndexBusy

    try:
        return AssistantService(settings, owner=owner)
    except IndexBusy as exc:
        console.print(f"[red]error:[/red] {exc}", soft_wrap=True)  # one line: easy to grep
        raise typer.Exit(2) from None


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")  # fmt: skip
