"""Plain filters ({payload key: value or list of values}, all must hold) in each engine's terms."""

from __future__ import annotations

from ingest.index.base import Filters


def _conditions(filters: Filters | None) -> list[tuple[str, str | list[str]]]:
    out = []
    for key, value in (filters or {}).items():
        if value in (None, "", []):
            continue
        out.append((key, [str(v) for v in value] if isinstance(value, list | tuple | set) else str(value)))
    return out


def edge_filter(filters: Filters | None, without_ids: list[str] | None = None):
    import qdrant_edge as qe

    must = [
        qe.FieldCondition(key=k, match=qe.MatchAny(v) if isinstance(v, list) else qe.MatchValue(v))
        for k, v in _conditions(filters)
    ]
    must_not = [qe.HasIdCondition(set(without_ids))] if without_ids else None
    return qe.Filter(must=must, must_not=must_not) if must or must_not else None


def client_filter(filters: Filters | None, without_ids: list[str] | None = None):
    from qdrant_client import models

    must = [
        models.FieldCondition(
            key=k, match=models.MatchAny(any=v) if isinstance(v, list) else models.MatchValue(value=v)
        )
        for k, v in _conditions(filters)
    ]
    must_not = [models.HasIdCondition(has_id=list(without_ids))] if without_ids else None
    return models.Filter(must=must, must_not=must_not) if must or must_not else None
