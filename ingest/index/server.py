"""qdrant-client: a Qdrant server (`EDUQA_QDRANT_URL`, docker-compose, a cluster) with the same
collection layout as the embedded shard. Also runs over qdrant-client's local mode, which is one
Python object and not thread-safe: then its calls are serialised here."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator

from qdrant_client import QdrantClient, models

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
from ingest.index.filters import client_filter

BATCH = 256


class ClientIndex:
    def __init__(self, client: QdrantClient, collection: str):
        self.client = client
        self.collection = collection
        self.local = client._client.__class__.__name__ == "QdrantLocal"
        self._guard = threading.RLock() if self.local else contextlib.nullcontext()

    def exists(self) -> bool:
        with self._guard:
            return self.client.collection_exists(self.collection)

    def dense_size(self) -> int | None:
        """Dense vector size the collection was built with, None for a BM25-only collection."""
        with self._guard:
            vectors = self.client.get_collection(self.collection).config.params.vectors
        return vectors[DENSE].size if isinstance(vectors, dict) and DENSE in vectors else None

    def create(self, dense_size: int | None) -> None:
        vectors = (
            {DENSE: models.VectorParams(size=dense_size, distance=models.Distance.COSINE)}
            if dense_size
            else {}
        )
        with self._guard:
            if self.client.collection_exists(self.collection):
                self.client.delete_collection(self.collection)
            self.client.create_collection(
                self.collection,
                vectors_config=vectors,
                sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
            )
            if self.local:
                return  # local mode has no payload indexes (it warns); a server builds them
            for key in FILTER_FIELDS:
                self.client.create_payload_index(self.collection, key, models.PayloadSchemaType.KEYWORD)

    def upsert(self, points: Iterable[PointData]) -> None:
        batch = [
            models.PointStruct(id=point_id(cid), vector=_client_vectors(v), payload=p) for cid, v, p in points
        ]
        for start in range(0, len(batch), BATCH):
            with self._guard:
                self.client.upsert(self.collection, points=batch[start : start + BATCH], wait=True)

    def replace_source(self, source: str, points: list[PointData]) -> None:
        """New points first, then the document's others out: no moment without the document."""
        self.upsert(points)
        self.prune_source(source, [cid for cid, _, _ in points])

    def prune_source(self, source: str, keep_chunk_ids: list[str]) -> None:
        """Delete the document's points other than these chunks'."""
        self._delete(client_filter({"source": source}, [point_id(cid) for cid in keep_chunk_ids]))

    def delete_source(self, source: str) -> None:
        self._delete(client_filter({"source": source}))

    def set_payload_for_source(self, source: str, payload: dict) -> None:
        with self._guard:
            self.client.set_payload(
                self.collection,
                payload=payload,
                points=models.FilterSelector(filter=client_filter({"source": source})),
            )

    def count(self) -> int:
        with self._guard:
            return self.client.count(self.collection, exact=True).count if self.exists() else 0

    def scroll(self, filters: Filters | None = None) -> list[Hit]:
        return [Hit(str(p.id), 1.0, p.payload or {}) for p in self._records(filters, with_vectors=False)]

    def retrieve(self, chunk_ids: list[str]) -> list[Hit]:
        if not chunk_ids:
            return []
        with self._guard:
            points = self.client.retrieve(
                self.collection, ids=[point_id(c) for c in chunk_ids], with_payload=True
            )
        return [Hit(str(p.id), 1.0, p.payload or {}) for p in points]

    def sparse_search(self, terms: dict[str, float], limit: int, filters: Filters | None = None) -> list[Hit]:
        indices, values = query_vector(terms)
        if not indices:
            return []
        return self._query(models.SparseVector(indices=indices, values=values), SPARSE, limit, filters)

    def dense_search(self, vector: list[float], limit: int, filters: Filters | None = None) -> list[Hit]:
        return self._query(list(vector), DENSE, limit, filters)

    def dense_vectors(self, point_ids: list[str]) -> dict[str, list[float]]:
        """The stored dense vectors of these points (a point without one is left out)."""
        if not point_ids:
            return {}
        with self._guard:
            points = self.client.retrieve(self.collection, ids=list(point_ids), with_vectors=[DENSE])
        return dense_vectors_of(points)

    def export_points(self) -> Iterator[tuple[str, Vectors, dict]]:
        for p in self._records(None, with_vectors=True):
            yield exported_point(p)

    def flush(self) -> None:
        """Writes are acknowledged once stored (wait=True): nothing to flush."""

    def close(self) -> None:
        with self._guard:
            self.client.close()

    def _delete(self, flt) -> None:
        with self._guard:
            if self.client.collection_exists(self.collection):
                self.client.delete(
                    self.collection, points_selector=models.FilterSelector(filter=flt), wait=True
                )

    def _query(self, query, using: str, limit: int, filters: Filters | None) -> list[Hit]:
        with self._guard:
            result = self.client.query_points(
                self.collection,
                query=query,
                using=using,
                limit=limit,
                query_filter=client_filter(filters),
                with_payload=True,
            )
        return [Hit(str(p.id), p.score, p.payload or {}) for p in result.points]

    def _records(self, filters: Filters | None, with_vectors: bool) -> Iterator:
        if not self.exists():
            return
        offset = None
        while True:
            with self._guard:
                points, offset = self.client.scroll(
                    self.collection,
                    scroll_filter=client_filter(filters),
                    limit=512,
                    offset=offset,
                    with_payload=True,
                    with_vectors=with_vectors,
                )
            yield from points
            if offset is None:
                return


def _client_vectors(vectors: Vectors) -> dict:
    out: dict = {}
    for name, value in vectors.items():
        if name == SPARSE:
            indices, values = sparse_pair(value)
            out[name] = models.SparseVector(indices=indices, values=values)
        elif value is not None:
            out[name] = list(value)  # type: ignore[arg-type]
    return out
