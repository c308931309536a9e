"""The Qdrant collection: one point per chunk, a BM25 sparse vector and (when a model is loaded)
a dense vector. Embedded by default, a server when a URL is set: the same client calls serve both.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from qdrant_client import QdrantClient, models

from ingest.bm25 import query_vector

DENSE = "dense"
SPARSE = "bm25"


class IndexBusy(RuntimeError):
    """The embedded index is open in another process."""


@dataclass
class Hit:
    id: str
    score: float
    payload: dict


def point_id(chunk_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"eduqa:{chunk_id}"))


def _owner_file(path: Path) -> Path:
    return path.parent / "qdrant.owner.json"


def open_client(path: Path, url: str | None = None, api_key: str | None = None, owner: str = "eduqa"):
    """Open Qdrant; for the embedded store, say which process holds it when it is taken."""
    if url:
        return QdrantClient(url=url, api_key=api_key, timeout=30)
    path.mkdir(parents=True, exist_ok=True)
    try:
        client = QdrantClient(path=str(path))
    except RuntimeError as exc:
        if "already accessed" not in str(exc):
            raise
        holder = "another process"
        owner_file = _owner_file(path)
        if owner_file.exists():
            info = json.loads(owner_file.read_text())
            holder = f"'{info.get('command')}' (pid {info.get('pid')})"
        raise IndexBusy(
            f"The index at {path} is in use by {holder}. Embedded Qdrant allows one process at a "
            "time: stop that process first, or, while the server runs, add documents with "
            "POST /api/documents (or the chat page's upload) instead of `eduqa ingest`."
        ) from None
    _owner_file(path).write_text(json.dumps({"pid": os.getpid(), "command": owner}))
    return client


class ChunkIndex:
    """The chunk collection and the few operations ingest and search need."""

    def __init__(self, client: QdrantClient, collection: str):
        self.client = client
        self.collection = collection

    def exists(self) -> bool:
        return self.client.collection_exists(self.collection)

    def dense_size(self) -> int | None:
        """Dense vector size the collection was built with, None for a BM25-only collection."""
        info = self.client.get_collection(self.collection)
        vectors = info.config.params.vectors
        if isinstance(vectors, dict) and DENSE in vectors:
            return vectors[DENSE].size
        return None

    def create(self, dense_size: int | None) -> None:
        if self.exists():
            self.client.delete_collection(self.collection)
        vectors = (
            {DENSE: models.VectorParams(size=dense_size, distance=models.Distance.COSINE)}
            if dense_size
            else {}
        )
        self.client.create_collection(
            self.collection,
            vectors_config=vectors,
            sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
        )
        if _is_local(self.client):
            return  # embedded mode ignores payload indexes (and warns); the server uses them
        for key in ("source", "doc.province", "doc.type", "doc_year"):
            self.client.create_payload_index(self.collection, key, models.PayloadSchemaType.KEYWORD)

    def upsert(self, points: Iterable[tuple[str, dict, dict]]) -> None:
        """Points as (chunk id, vectors {name: vector}, payload)."""
        batch = [
            models.PointStruct(id=point_id(cid), vector=vectors, payload=payload)
            for cid, vectors, payload in points
        ]
        if batch:
            self.client.upsert(self.collection, points=batch, wait=True)

    def delete_source(self, source: str) -> None:
        self.client.delete(
            self.collection,
            points_selector=models.FilterSelector(filter=source_filter(source)),
            wait=True,
        )

    def set_payload_for_source(self, source: str, payload: dict) -> None:
        self.client.set_payload(
            self.collection,
            payload=payload,
            points=models.FilterSelector(filter=source_filter(source)),
        )

    def count(self) -> int:
        return self.client.count(self.collection, exact=True).count if self.exists() else 0

    def scroll(self, flt: models.Filter | None = None, with_payload=True) -> list[Hit]:
        """Every point matching the filter, in no particular order."""
        if not self.exists():
            return []
        hits: list[Hit] = []
        offset = None
        while True:
            points, offset = self.client.scroll(
                self.collection,
                scroll_filter=flt,
                limit=512,
                offset=offset,
                with_payload=with_payload,
                with_vectors=False,
            )
            hits.extend(Hit(str(p.id), 1.0, p.payload or {}) for p in points)
            if offset is None:
                return hits

    def sparse_search(self, terms: dict[str, float], limit: int, flt=None) -> list[Hit]:
        indices, values = query_vector(terms)
        if not indices:
            return []
        result = self.client.query_points(
            self.collection,
            query=models.SparseVector(indices=indices, values=values),
            using=SPARSE,
            limit=limit,
            query_filter=flt,
            with_payload=True,
        )
        return [Hit(str(p.id), p.score, p.payload or {}) for p in result.points]

    def dense_search(self, vector: list[float], limit: int, flt=None) -> list[Hit]:
        result = self.client.query_points(
            self.collection,
            query=vector,
            using=DENSE,
            limit=limit,
            query_filter=flt,
            with_payload=True,
        )
        return [Hit(str(p.id), p.score, p.payload or {}) for p in result.points]


def source_filter(source: str) -> models.Filter:
    return models.Filter(must=[models.FieldCondition(key="source", match=models.MatchValue(value=source))])


def _is_local(client: QdrantClient) -> bool:
    return client._client.__class__.__name__ == "QdrantLocal"
