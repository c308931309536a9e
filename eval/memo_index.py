"""An index whose look-ups are remembered, for tuning runs that ask the same queries under every
candidate setting (eval/tune_lifts.py): `MemoSeam` answers what search() calls from the memo."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["MemoIndex", "MemoSeam"]


class MemoIndex:
    """The index with its look-ups remembered (the same query asked under every candidate)."""

    def __init__(self, index) -> None:
        self.index = index
        self.sparse_search = lru_cache(maxsize=None)(self._sparse)
        self.retrieve_one = lru_cache(maxsize=None)(self._retrieve)

    def _sparse(self, terms: tuple, limit: int, filters: tuple):
        return self.index.sparse_search(dict(terms), limit, {k: list(v) for k, v in filters} or None)

    def _retrieve(self, chunk_id: str):
        return self.index.retrieve([chunk_id])

    def retrieve(self, chunk_ids: list[str]):
        return [h for cid in chunk_ids for h in self.retrieve_one(cid)]


class MemoSeam:
    """What search() calls, answered from the memo."""

    def __init__(self, memo: MemoIndex) -> None:
        self.memo = memo

    def sparse_search(self, terms, limit, filters=None):
        flt = tuple(
            sorted((k, tuple(v) if isinstance(v, list) else (v,)) for k, v in (filters or {}).items())
        )
        return self.memo.sparse_search(tuple(sorted(terms.items())), limit, flt)

    def retrieve(self, chunk_ids):
        return self.memo.retrieve(chunk_ids)
