"""Vectors kept on disk by model name and text hash, so a text is embedded once per model.

One SQLite file (`<data dir>/vectors.sqlite` by default): a row per (model, sha256 of the text
as the model sees it, prefix included) holding the float32 vector, about 1.6 KB for 384
dimensions. Re-ingesting, uploading a document again or re-running the benchmark reads the
vectors back instead of recomputing them; writes land after every batch, so an interrupted
ingest keeps what it embedded. SQLite's own locking lets several processes share the file.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np

_SCHEMA = """CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL, digest BLOB NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (model, digest)) WITHOUT ROWID"""
_LOOKUP_BATCH = 500  # SQLite's limit on bound parameters is far above this


def text_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class VectorCache:
    """Model name + text -> vector; in memory when no path is given."""

    def __init__(self, path: Path | None = None):
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path) if path else ":memory:", timeout=60, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._db:
            if path is not None:
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)

    def get_many(self, model: str, texts: list[str]) -> dict[str, np.ndarray]:
        """The vectors already known for these texts (missing ones are simply absent)."""
        by_digest = {text_digest(t): t for t in texts}
        digests = list(by_digest)
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(digests), _LOOKUP_BATCH):
                part = digests[start : start + _LOOKUP_BATCH]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT digest, vector FROM vectors WHERE model = ? AND digest IN ({marks})",
                    [model, *part],
                ).fetchall()
                for digest, blob in rows:
                    found[by_digest[digest]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        rows = [
            (model, text_digest(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in vectors.items()
        ]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)

    def count(self, model: str | None = None) -> int:
        with self._lock:
            if model is None:
                return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
            return self._db.execute("SELECT COUNT(*) FROM vectors WHERE model = ?", [model]).fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
