"""The dense embedding model: a sentence-transformers model loaded from disk only.

Model hubs are unreachable on the machines this runs on, so a model that is not on disk is
reported once and the system runs on BM25 alone rather than hanging or crashing.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Protocol

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

log = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str
    dimension: int

    def embed_passages(self, texts: list[str]) -> list[list[float]]: ...
    def embed_query(self, text: str) -> list[float]: ...


@dataclass
class SentenceTransformerEmbedder:
    name: str
    model: object
    dimension: int
    query_prefix: str = ""
    passage_prefix: str = ""
    batch_size: int = 16

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        vectors = self.model.encode(  # type: ignore[attr-defined]
            [self.passage_prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return [v.tolist() for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        vector = self.model.encode(  # type: ignore[attr-defined]
            [self.query_prefix + text], normalize_embeddings=True, show_progress_bar=False
        )[0]
        return vector.tolist()


def default_prefixes(name: str) -> tuple[str, str]:
    """Each model family's own prefixes: e5 wants 'query: ' / 'passage: ', bge-m3 none."""
    lowered = name.lower()
    if "e5" in lowered:
        return "query: ", "passage: "
    return "", ""


_reported: set[str] = set()


def load_embedder(
    name: str | None,
    device: str = "cpu",
    query_prefix: str | None = None,
    passage_prefix: str | None = None,
) -> SentenceTransformerEmbedder | None:
    """Load the model from a local path or the local cache; None (said once) when it is absent."""
    if not name:
        return None
    try:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(name, device=device, local_files_only=True)
    except Exception as exc:  # any failure to load means: no dense vectors, BM25 only
        if name not in _reported:
            _reported.add(name)
            log.warning(
                "Embedding model %r is not available offline (%s); searching with BM25 only. "
                "Put the model on disk and set EDUQA_EMBEDDING_MODEL to its path to enable "
                "dense search.",
                name,
                type(exc).__name__,
            )
        return None
    default_query, default_passage = default_prefixes(name)
    dimension = model.get_embedding_dimension() or len(model.encode(["x"])[0])
    return SentenceTransformerEmbedder(
        name=name,
        model=model,
        dimension=int(dimension),
        query_prefix=default_query if query_prefix is None else query_prefix,
        passage_prefix=default_passage if passage_prefix is None else passage_prefix,
    )
