"""What every engine behind the index seam offers, in plain Python data."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

DENSE = "dense"
SPARSE = "bm25"
FILTER_FIELDS = ("source", "doc.province", "doc.type", "doc_year")  # keyword payload indexes

Filters = dict[str, str | list[str]]  # payload key -> value, or any of several values
Sparse = tuple[list[int], list[float]]
Vectors = dict[str, list[float] | Sparse]  # {DENSE: [...], SPARSE: (indices, values)}
PointData = tuple[str, Vectors, dict]  # (chunk id, vectors, payload)


@dataclass
class Hit:
    id: str
    score: float
    payload: dict


def point_id(chunk_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"eduqa:{chunk_id}"))


class ChunkIndex(Protocol):
    """The chunk collection and the few operations ingest, search and backup need."""

    def exists(self) -> bool: ...
    def dense_size(self) -> int | None: ...
    def create(self, dense_size: int | None) -> None: ...
    def upsert(self, points: Iterable[PointData]) -> None: ...
    def replace_source(self, source: str, points: list[PointData]) -> None: ...
    def prune_source(self, source: str, keep_chunk_ids: list[str]) -> None: ...
    def delete_source(self, source: str) -> None: ...
    def set_payload_for_source(self, source: str, payload: dict) -> None: ...
    def count(self) -> int: ...
    def scroll(self, filters: Filters | None = None) -> list[Hit]: ...
    def retrieve(self, chunk_ids: list[str]) -> list[Hit]: ...
    def sparse_search(
        self, terms: dict[str, float], limit: int, filters: Filters | None = None
    ) -> list[Hit]: ...
    def dense_search(self, vector: list[float], limit: int, filters: Filters | None = None) -> list[Hit]: ...
    def dense_vectors(self, point_ids: list[str]) -> dict[str, list[float]]: ...
    def export_points(self) -> Iterator[tuple[str, Vectors, dict]]: ...
    def close(self) -> None: ...


def sparse_pair(value) -> Sparse:
    """(indices, values) from a pair or any object with .indices/.values (an engine's type)."""
    if isinstance(value, tuple | list) and len(value) == 2:
        return list(value[0]), list(value[1])
    return list(value.indices), list(value.values)


def dense_vectors_of(records) -> dict[str, list[float]]:
    """Point id -> stored dense vector, for the records (of either engine) that have one."""
    out = {}
    for record in records:
        if isinstance(record.vector, dict) and record.vector.get(DENSE) is not None:
            out[str(record.id)] = list(record.vector[DENSE])
    return out


def exported_point(record) -> PointData:
    """(point id, vectors as plain data, payload) of a record either engine returns."""
    vectors = record.vector if isinstance(record.vector, dict) else {}
    plain = {name: sparse_pair(v) if name == SPARSE else list(v) for name, v in vectors.items()}
    return str(record.id), plain, record.payload or {}
