"""The chunk index: one point per chunk, a BM25 sparse vector and (when a model is loaded) a dense
vector, payload indexes on the filter fields. Callers speak plain data: filters as
{payload key: value or list of values}, sparse vectors as (indices, values), dense as list[float].

Two engines sit behind the one `ChunkIndex` seam: Qdrant Edge in-process (the default, persisted
under the data folder) and qdrant-client for a Qdrant server (`EDUQA_QDRANT_URL`), with the same
collection layout.
"""

from __future__ import annotations

from pathlib import Path

from ingest.index.base import DENSE, FILTER_FIELDS, SPARSE, ChunkIndex, Filters, Hit, point_id
from ingest.index.owner import IndexBusy, OwnerLock

__all__ = [
    "DENSE",
    "FILTER_FIELDS",
    "SPARSE",
    "ChunkIndex",
    "Filters",
    "Hit",
    "IndexBusy",
    "OwnerLock",
    "open_index",
    "point_id",
    "source_filter",
]


def source_filter(source: str) -> Filters:
    return {"source": source}


def open_index(
    path: Path, collection: str, url: str | None = None, api_key: str | None = None, owner: str = "eduqa"
) -> ChunkIndex:
    """A Qdrant server's collection when `url` is set, else the embedded Edge shard under `path`
    (one process at a time: a second opener gets `IndexBusy` naming the holder)."""
    if url:
        from qdrant_client import QdrantClient

        from ingest.index.server import ClientIndex

        return ClientIndex(QdrantClient(url=url, api_key=api_key, timeout=30), collection)
    from ingest.index.edge import EdgeIndex

    lock = OwnerLock(path.parent / "qdrant.owner.json", path, owner)
    lock.acquire()
    try:
        return EdgeIndex(path / "edge" / collection, lock)
    except Exception:
        lock.release()
        raise
