"""Crash consistency for index writes: a document is either fully indexed or absent.

Before ingest deletes or writes any point it records, durably, which sources it is about to
touch (and whether the whole collection is being rebuilt); when the new state file is saved
the record is removed. A process killed in between leaves the record behind, and the next
process to open the index repairs it: each recorded source's points are deleted and the source
is dropped from the state, so the next ingest indexes it again from scratch. The repair uses
only `delete_source`, so it holds for any index engine. Staging folders of interrupted uploads
are removed at the same time. Both are said in the log.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("eduqa.journal")
BATCH_POINTS = 128
STAGING_PREFIX = ".staging-"
UPLOADS = "uploads"
PAUSE_ENV = "EDUQA_TEST_PAUSE_BETWEEN_BATCHES_S"  # test hook: widen the window for a kill


def _write_durably(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


class WriteJournal:
    """The record of sources being written, beside the ingest state file."""

    def __init__(self, state_path: Path):
        self.state_path = state_path
        self.path = state_path.with_name("ingest_journal.json")

    def read(self) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"sources": [], "rebuild": True}  # unreadable record: assume the worst

    def begin(self, sources: Sequence[str], rebuild: bool = False) -> None:
        """Record (adding to any record of this run) the sources about to be written."""
        current = self.read() or {"sources": [], "rebuild": False}
        if not sources and not rebuild and not self.path.exists():
            return
        record = {"sources": sorted(set(current["sources"]) | set(sources)),
                  "rebuild": bool(current.get("rebuild")) or rebuild, "pid": os.getpid()}  # fmt: skip
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _write_durably(self.path, json.dumps(record, ensure_ascii=False))

    def done(self) -> None:
        self.path.unlink(missing_ok=True)


def write_batches(points: list) -> Iterator[list]:
    """Points in batches for upsert (the test hook pauses between them)."""
    pause = float(os.environ.get(PAUSE_ENV) or 0)
    for start in range(0, len(points), BATCH_POINTS):
        if start and pause:
            log.warning("test pause: %d of %d points written", start, len(points))
            time.sleep(pause)
        yield points[start : start + BATCH_POINTS]


def repair_interrupted_write(index, state_path: Path) -> list[str]:
    """Undo a write that a dead process left half done; the sources repaired (logged)."""
    journal = WriteJournal(state_path)
    record = journal.read()
    if record is None:
        return []
    state = json.loads(state_path.read_text()) if state_path.exists() else {"files": {}}
    files: dict = state.setdefault("files", {})
    sources = sorted(set(record.get("sources", [])) | (set(files) if record.get("rebuild") else set()))
    if index.exists():
        for source in sources:
            index.delete_source(source)
    for source in sources:
        files.pop(source, None)
    _write_durably(state_path, json.dumps(state, ensure_ascii=False, indent=1))
    journal.done()
    log.warning("repaired an interrupted index write: removed the partly written documents %s "
                "from the index; the next ingest indexes them again", sources)  # fmt: skip
    return sources


def remove_orphaned_staging(corpus_dir: Path) -> list[str]:
    """Staging folders (and staging files of older versions) of uploads that never finished."""
    uploads = corpus_dir / UPLOADS
    removed = sorted(p.name for p in uploads.glob(f"{STAGING_PREFIX}*")) if uploads.is_dir() else []
    for name in removed:
        path = uploads / name
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    if removed:
        log.warning("removed %d staging file(s) of interrupted uploads: %s", len(removed), removed)
    return removed
