"""Qdrant Edge: Qdrant's own engine in-process, one shard on disk under the data folder.

Reads run in parallel (the engine releases the GIL and guards its segments itself); writes are
serialised by the caller. A re-indexed document is swapped in place: new points are written
first, then the document's points that are no longer wanted are deleted.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import qdrant_edge as qe

from ingest.bm25 import query_vector
from ingest.index.base import (
    DENSE,
    FILTER_FIELDS,
    SPARSE,
    Filters,
    Hit,
    PointData,
    Vectors,
    dense_vectors_of,
    exported_point,
    point_id,
    sparse_pair,
)
from ingest.index.filters import edge_filter
from ingest.index.owner import OwnerLock

BATCH = 512


class EdgeIndex:
    def __init__(self, path: Path, lock: OwnerLock | None = None):
        self.path = path
        self.layout_file = path.parent / f"{path.name}.layout.json"
        self._owner = lock
        self._write = threading.Lock()  # the shard's own writes, e.g. create vs upsert
        self._shard: qe.EdgeShard | None = None
        if self.layout_file.exists() and path.is_dir() and any(path.iterdir()):
            self._shard = qe.EdgeShard.load(str(path))

    @property
    def shard(self) -> qe.EdgeShard:
        shard = self._shard
        if shard is None:
            raise RuntimeError(f"the index at {self.path} has not been created; run `eduqa ingest`")
        return shard

    def exists(self) -> bool:
        return self._shard is not None

    def dense_size(self) -> int | None:
        return json.loads(self.layout_file.read_text()).get("dense_size") if self.exists() else None

    def create(self, dense_size: int | None) -> None:
        """A new, empty shard (any old one is removed): cosine dense, BM25 with IDF, indexes."""
        vectors = (
            {DENSE: qe.EdgeVectorParams(size=dense_size, distance=qe.Distance.Cosine)} if dense_size else {}
        )
        config = qe.EdgeConfig(
            vectors=vectors, sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)}
        )
        with self._write:
            old, self._shard = self._shard, None
            if old is not None:
                old.close()
            shutil.rmtree(self.path, ignore_errors=True)
            self.layout_file.unlink(missing_ok=True)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            shard = qe.EdgeShard.create(str(self.path), config)
            for key in FILTER_FIELDS:
                shard.update(qe.UpdateOperation.create_field_index(key, qe.PayloadSchemaType.Keyword))
            shard.flush()
            self.layout_file.write_text(json.dumps({"dense_size": dense_size}))
            self._shard = shard

    def upsert(self, points: Iterable[PointData]) -> None:
        batch: list[qe.Point] = []
        for cid, vectors, payload in points:
            batch.append(qe.Point(point_id(cid), _edge_vectors(vectors), payload))
            if len(batch) >= BATCH:
                self.shard.update(qe.UpdateOperation.upsert_points(batch))
                batch = []
        if batch:
            self.shard.update(qe.UpdateOperation.upsert_points(batch))

    def replace_source(self, source: str, points: list[PointData]) -> None:
        """The document's new points in, then its points not among them out: readers see the old
        or the new version of each passage, never a missing document."""
        self.upsert(points)
        self.prune_source(source, [cid for cid, _, _ in points])

    def prune_source(self, source: str, keep_chunk_ids: list[str]) -> None:
        """Delete the document's points other than these chunks'."""
        keep = [point_id(cid) for cid in keep_chunk_ids]
        self.shard.update(qe.UpdateOperation.delete_points_by_filter(edge_filter({"source": source}, keep)))

    def delete_source(self, source: str) -> None:
        if self.exists():
            self.shard.update(qe.UpdateOperation.delete_points_by_filter(edge_filter({"source": source})))

    def set_payload_for_source(self, source: str, payload: dict) -> None:
        self.shard.update(qe.UpdateOperation.set_payload_by_filter(edge_filter({"source": source}), payload))

    def count(self) -> int:
        return self.shard.count(qe.CountRequest(exact=True)) if self.exists() else 0

    def scroll(self, filters: Filters | None = None) -> list[Hit]:
        """Every point matching the filters, in no particular order."""
        return [Hit(str(r.id), 1.0, r.payload or {}) for r in self._records(filters, with_vector=False)]

    def retrieve(self, chunk_ids: list[str]) -> list[Hit]:
        if not self.exists() or not chunk_ids:
            return []
        records = self.shard.retrieve([point_id(c) for c in chunk_ids], True, False)
        return [Hit(str(r.id), 1.0, r.payload or {}) for r in records]

    def sparse_search(self, terms: dict[str, float], limit: int, filters: Filters | None = None) -> list[Hit]:
        indices, values = query_vector(terms)
        if not indices or not self.exists():
            return []
        return self._query(qe.Query.Nearest(qe.SparseVector(indices, values), using=SPARSE), limit, filters)

    def dense_search(self, vector: list[float], limit: int, filters: Filters | None = None) -> list[Hit]:
        if not self.exists():
            return []
        return self._query(qe.Query.Nearest(list(vector), using=DENSE), limit, filters)

    def dense_vectors(self, point_ids: list[str]) -> dict[str, list[float]]:
        """The stored dense vectors of these points (a point without one is left out)."""
        if not point_ids or not self.exists():
            return {}
        return dense_vectors_of(self.shard.retrieve(list(point_ids), False, True))

    def export_points(self) -> Iterator[tuple[str, Vectors, dict]]:
        for r in self._records(None, with_vector=True):
            yield exported_point(r)

    def optimize(self) -> None:
        """Merge segments and build the vector indexes (after a large ingest)."""
        with self._write:
            self.shard.optimize()

    def flush(self) -> None:
        if self.exists():
            self.shard.flush()

    def close(self) -> None:
        with self._write:
            if self._shard is not None:
                self._shard.close()
                self._shard = None
        if self._owner is not None:
            self._owner.release()

    def _query(self, query, limit: int, filters: Filters | None) -> list[Hit]:
        request = qe.QueryRequest(limit=limit, query=query, filter=edge_filter(filters), with_payload=True)
        return [Hit(str(p.id), p.score, p.payload or {}) for p in self.shard.query(request)]

    def _records(self, filters: Filters | None, with_vector: bool) -> Iterator:
        if not self.exists():
            return
        offset = None
        while True:
            request = qe.ScrollRequest(
                offset=offset,
                limit=BATCH,
                filter=edge_filter(filters),
                with_payload=True,
                with_vector=with_vector,
            )
            records, offset = self.shard.scroll(request)
            yield from records
            if offset is None:
                return


def _edge_vectors(vectors: Vectors) -> dict:
    out: dict = {}
    for name, value in vectors.items():
        if name == SPARSE:
            indices, values = sparse_pair(value)
            out[name] = qe.SparseVector(indices, values)
        elif value is not None:
            out[name] = list(value)  # type: ignore[arg-type]
    return out
