"""Targets and tasks kept per document, extracted when the document is indexed.

The records of a document are made once, from its parsed chunks, right after ingest, and kept in
`<data>/records.json` beside the index; a question never waits for them. A document's records
are replaced only when it changes. Duplicate copies (an OCR copy of a clean text) keep their
records but are left out of the tables, as the clean copy says the same. When the extraction
code changes, every document's records are made again from the kept parses.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant import records as extraction
from ingest.parsed import ParsedDocument

log = logging.getLogger(__name__)
Records = tuple[list[dict], list[dict]]


def extraction_fingerprint() -> str:
    """Hash of the extraction code: records made by other code are made again."""
    digest = hashlib.sha256()
    for name in extraction.EXTRACTION_MODULES:
        digest.update(Path(extraction.__file__).with_name(f"{name}.py").read_bytes())
    return digest.hexdigest()[:16]


def document_records(chunks: Iterable[dict]) -> dict:
    """The targets and tasks of one document's chunks (payload dicts)."""
    targets, tasks = extraction.build_records([c | {"duplicate_of": None} for c in chunks])
    return {"targets": targets, "tasks": tasks}


class RecordStore:
    """Per-document records on disk, and the assembled tables in memory."""

    def __init__(self, path: Path):
        self.path = path
        self.lock = threading.Lock()
        self._by_source: dict[str, dict] = {}
        self._tables: Records | None = None
        self._loaded = False

    def _load(self) -> None:
        self._loaded = True
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if data.get("extraction") == extraction_fingerprint():
            self._by_source = data.get("sources", {})

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = {"extraction": extraction_fingerprint(), "sources": self._by_source}
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)

    def update(
        self, parsed: dict[str, ParsedDocument], removed: Iterable[str], hashes: dict[str, str]
    ) -> None:
        """Make the records of the (re)indexed documents and drop those of removed ones."""
        with self.lock:
            if not self._loaded:
                self._load()
            for source in removed:
                self._by_source.pop(source, None)
            for source, doc in parsed.items():
                entry = document_records(c.as_payload() for c in doc.chunks)
                self._by_source[source] = entry | {"hash": hashes.get(source)}
            self._tables = None
            self._save()

    def sync(self, files: dict[str, dict], chunks_of: Callable[[list[str]], dict[str, list[dict]]]) -> None:
        """Make the records missing for indexed documents (or made by other code) from their chunks."""
        with self.lock:
            if not self._loaded:
                self._load()
            stale = [
                s for s, info in files.items() if self._by_source.get(s, {}).get("hash") != info.get("hash")
            ]
            gone = set(self._by_source) - set(files)
            if not stale and not gone:
                return
            for source in gone:
                self._by_source.pop(source)
            for source, chunks in chunks_of(stale).items():
                self._by_source[source] = document_records(chunks) | {"hash": files[source].get("hash")}
            self._tables = None
            self._save()

    def _hash(self, source: str) -> str | None:
        return self._by_source.get(source, {}).get("hash")

    def tables(self, files: dict[str, dict]) -> Records:
        """(targets, tasks) of every indexed document that is not a duplicate copy."""
        with self.lock:
            if self._tables is None:
                targets: list[dict] = []
                tasks: list[dict] = []
                for source in sorted(self._by_source):
                    if source in files and not files[source].get("duplicate_of"):
                        targets.extend(self._by_source[source]["targets"])
                        tasks.extend(self._by_source[source]["tasks"])
                self._tables = (targets, tasks)
            return self._tables
