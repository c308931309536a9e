"""`eduqa snapshot` and `eduqa restore-snapshot`: back up the index (and its ingest state) to one
file, and put it back. They open the index alone, so stop a running server first."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from assistant.settings import Settings

console = Console(stderr=True)


def _open(settings: Settings, owner: str):
    from ingest.index import IndexBusy, open_index

    try:
        return open_index(
            settings.qdrant_path,
            settings.collection,
            settings.qdrant_url,
            settings.qdrant_api_key,
            owner=owner,
        )
    except IndexBusy as exc:
        console.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from None


def snapshot_cmd(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Snapshot file or folder to write to "
            "(default: <data dir>/snapshots/<collection>-<time>.snapshot.tar.gz)."
        ),
    ] = None,
) -> None:
    """Back up the index: every chunk's vectors and payload plus the ingest state, in one file."""
    from ingest.index.snapshot import BadSnapshot, default_snapshot_path, write_snapshot

    settings = Settings()
    target = path or default_snapshot_path(settings.data_dir / "snapshots", settings.collection)
    if target.is_dir() or not target.suffix:  # a folder: the file is named there
        target = default_snapshot_path(target, settings.collection)
    index = _open(settings, "eduqa snapshot")
    try:
        result = write_snapshot(index, settings.state_path, target)
    except BadSnapshot as exc:
        console.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from None
    finally:
        index.close()
    console.print(
        f"Snapshot of {result['points']} chunks written to {result['path']} "
        f"({result['bytes'] / 2**20:.1f} MB)."
    )


def restore_snapshot_cmd(
    path: Annotated[Path, typer.Argument(help="A file written by `eduqa snapshot`.")],
) -> None:
    """Replace the index and its ingest state with a snapshot's (the corpus folder is not touched;
    a later `eduqa ingest` brings the index in line with it again)."""
    from ingest.index.snapshot import BadSnapshot, restore_snapshot

    if not path.is_file():
        console.print(f"[red]error:[/red] snapshot file {path} does not exist")
        raise typer.Exit(2)
    settings = Settings()
    index = _open(settings, "eduqa restore-snapshot")
    try:
        with console.status("Restoring …") as status:
            result = restore_snapshot(
                index,
                settings.state_path,
                path,
                progress=lambda done, total: status.update(f"Restoring {done}/{total} chunks …"),
            )
    except BadSnapshot as exc:
        console.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        raise typer.Exit(2) from None
    finally:
        index.close()
    console.print(f"Restored {result['restored']} chunks from {path}.")
