"""Ingest of the whole development corpus, cold (empty index) and warm (nothing changed).

The development corpus (directives, distractors and long documents, about 280 files) is copied
into a fresh folder and ingested BM25 only (no dense model: the sparse path is what these
machines run; a dense model adds embedding time to the cold run only, since vectors of unchanged
files are never recomputed). Then it is ingested again with nothing changed, and once more after
one file changed. Files read are counted by the reader the service is given.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from eval.sets import find_devcorpus

FOLDERS = ("directives", "distractors", "long")


class CountingReader:
    """The real reader, counting the files it reads."""

    def __init__(self) -> None:
        from ingest.read import read_document

        self.read_document = read_document
        self.count = 0

    def __call__(self, path: Path, progress=None):
        self.count += 1
        return self.read_document(path, progress=progress)


def _copy_corpus(source: Path, target: Path) -> int:
    files = 0
    for folder in FOLDERS:
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder)
            files += sum(1 for p in (target / folder).rglob("*") if p.is_file())
    return files


def _timed_ingest(service, reader: CountingReader) -> tuple[float, int, object]:
    reader.count = 0
    started = time.perf_counter()
    summary = service.ingest()
    return time.perf_counter() - started, reader.count, summary


def measure_devcorpus_ingest(base_settings, root: Path, console: Console) -> dict | None:
    """Cold, warm and one-file-changed ingest of the development corpus (BM25 only)."""
    from assistant.service import AssistantService

    source = find_devcorpus()
    if source is None:
        console.print("development corpus not found (set EDUQA_DEVCORPUS_DIR): cold/warm ingest skipped")
        return None
    corpus = root / "devcorpus" / "corpus"
    files = _copy_corpus(source, corpus)
    settings = base_settings.model_copy(
        update={"corpus_dir": corpus, "data_dir": root / "devcorpus" / "data", "embedding_model": None}
    )
    console.print(f"[bold]devcorpus[/bold]: ingesting {files} files cold (BM25 only) …")
    service = AssistantService(settings, owner="eduqa bench", load_models=False)
    reader = CountingReader()
    service.read_file = reader
    try:
        cold_s, cold_reads, summary = _timed_ingest(service, reader)
        console.print(f"  cold {cold_s:.1f} s; warm (nothing changed) …")
        warm_s, warm_reads, _ = _timed_ingest(service, reader)
        changed = corpus / "directives" / sorted(p.name for p in (corpus / "directives").iterdir())[0]
        changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        one_s, one_reads, _ = _timed_ingest(service, reader)
    finally:
        service.close()
    return {"files": files, "documents": summary.documents, "chunks": summary.chunks,
            "failed": len(summary.failed), "dense": False, "cold_s": round(cold_s, 2),
            "cold_reads": cold_reads, "warm_s": round(warm_s, 3), "warm_reads": warm_reads,
            "warm_share": warm_s / cold_s if cold_s else None, "one_changed_s": round(one_s, 2),
            "one_changed_reads": one_reads}  # fmt: skip


def print_devcorpus_ingest(result: dict | None, out: Console) -> None:
    if not result:
        return
    table = Table(title=f"ingest of the development corpus ({result['files']} files, BM25 only)")
    columns = ("documents", "chunks", "cold s", "warm s", "warm/cold", "one file changed s", "files read")
    for column in columns:
        table.add_column(column, justify="right")
    reads = f"{result['cold_reads']} / {result['warm_reads']} / {result['one_changed_reads']}"
    table.add_row(str(result["documents"]), str(result["chunks"]), f"{result['cold_s']:.1f}",
                  f"{result['warm_s']:.3f}", f"{result['warm_share']:.1%}", f"{result['one_changed_s']:.1f}",
                  reads)  # fmt: skip
    out.print(table)
    if result["failed"]:
        out.print(f"{result['failed']} files could not be read (listed by `eduqa ingest`).")
