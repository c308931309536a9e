"""Any sentence-transformers model on disk (a local path or the local hub cache), never
downloaded: the hubs are unreachable on the machines this runs on."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def default_prefixes(name: str) -> tuple[str, str]:
    """Each model family's own prefixes: e5 wants 'query: ' / 'passage: ', bge-m3 none."""
    if "e5" in name.lower():
        return "query: ", "passage: "
    return "", ""


@dataclass
class SentenceTransformerModel:
    name: str
    model: object
    dimension: int
    query_prefix: str = ""
    passage_prefix: str = ""
    batch_size: int = 16

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode([self.passage_prefix + t for t in texts])

    def query(self, text: str) -> np.ndarray:
        return self._encode([self.query_prefix + text])[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(  # type: ignore[attr-defined]
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def load_sentence_model(
    name: str,
    device: str = "cpu",
    query_prefix: str | None = None,
    passage_prefix: str | None = None,
    threads: int | None = None,
) -> SentenceTransformerModel:
    """Load from disk only; raises when the model is not there (the caller says so once)."""
    from sentence_transformers import SentenceTransformer

    if threads:
        import torch

        torch.set_num_threads(threads)
    model = SentenceTransformer(name, device=device, local_files_only=True)
    default_query, default_passage = default_prefixes(name)
    dimension = model.get_embedding_dimension() or len(model.encode(["x"])[0])
    return SentenceTransformerModel(
        name=name,
        model=model,
        dimension=int(dimension),
        query_prefix=default_query if query_prefix is None else query_prefix,
        passage_prefix=default_passage if passage_prefix is None else passage_prefix,
    )
