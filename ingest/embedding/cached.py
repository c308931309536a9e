"""The embedder the pipeline and search use: a model behind the on-disk vector cache, in batches,
with progress."""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable
from typing import Protocol

import numpy as np

from ingest.vector_cache import VectorCache

log = logging.getLogger(__name__)
EmbedProgress = Callable[[int, int], None]  # (texts done, texts wanted)


class VectorModel(Protocol):
    """A model that turns texts into L2-normalised vectors (rows of a float32 array)."""

    name: str
    dimension: int
    query_prefix: str
    passage_prefix: str

    def passages(self, texts: list[str]) -> np.ndarray: ...
    def query(self, text: str) -> np.ndarray: ...


class Embedder(Protocol):
    """What ingest and search need: passages and questions as vectors."""

    name: str
    dimension: int

    def embed_passages(
        self, texts: list[str], progress: EmbedProgress | None = None
    ) -> list[list[float]]: ...
    def embed_query(self, text: str) -> list[float]: ...


class CachedEmbedder:
    """A `VectorModel` that never embeds the same text twice: vectors are kept by model name and
    the hash of the prefixed text. `embedded` counts the texts the model really computed."""

    def __init__(self, model: VectorModel, cache: VectorCache, batch_size: int = 16):
        self.model = model
        self.cache = cache
        self.batch_size = max(1, batch_size)
        self.name = model.name
        self.dimension = model.dimension
        self.embedded = 0
        self._lock = threading.Lock()

    def embed_passages(self, texts: list[str], progress: EmbedProgress | None = None) -> list[list[float]]:
        """Vectors for `texts` in order; only texts never seen by this model are computed,
        in batches of similar length, each batch stored as soon as it is done."""
        keyed = [self.model.passage_prefix + t for t in texts]
        found = self.cache.get_many(self.name, keyed)
        todo = sorted({k for k in keyed if k not in found}, key=len)
        wanted = Counter(keyed)
        report = progress or _silent
        done = len(keyed) - sum(wanted[k] for k in todo)
        report(done, len(keyed))
        if todo:
            log.info("embedding %d new passages with %s (%d cached)", len(todo), self.name, done)
        cut = len(self.model.passage_prefix)
        for start in range(0, len(todo), self.batch_size):
            batch = todo[start : start + self.batch_size]
            fresh = dict(zip(batch, self.model.passages([k[cut:] for k in batch]), strict=True))
            self._computed(len(batch))
            self.cache.put_many(self.name, fresh)
            found.update(fresh)
            done += sum(wanted[k] for k in batch)
            report(done, len(keyed))
            log.info("embedded %d/%d passages", done, len(keyed))
        return [found[k].tolist() for k in keyed]

    def embed_query(self, text: str) -> list[float]:
        key = self.model.query_prefix + text
        found = self.cache.get_many(self.name, [key])
        if key not in found:
            found[key] = self.model.query(text)
            self._computed(1)
            self.cache.put_many(self.name, found)
        return found[key].tolist()

    def _computed(self, n: int) -> None:
        with self._lock:
            self.embedded += n


def _silent(done: int, total: int) -> None:
    return None
