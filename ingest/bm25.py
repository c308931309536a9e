"""BM25 sparse vectors: term weights computed here, IDF applied by Qdrant (Modifier.IDF)."""

from __future__ import annotations

import os
import zlib
from collections import Counter

from ingest.text import bm25_terms

K1 = 1.2
B = 0.75
DEFAULT_AVGDL = 200.0
TITLE_SWITCH = "EDUQA_BM25_TITLE_WEIGHT"
DEFAULT_TITLE_WEIGHT = 0.0


def term_id(term: str) -> int:
    """A stable index per term, the same in every process (Python's hash() is salted)."""
    return zlib.crc32(term.encode()) & 0x7FFFFFFF


def doc_vector(text: str, avgdl: float = DEFAULT_AVGDL) -> tuple[list[int], list[float]]:
    counts = Counter(bm25_terms(text))
    length = sum(counts.values()) or 1
    norm = K1 * (1 - B + B * length / avgdl)
    weights: dict[int, float] = {}
    for term, tf in counts.items():
        idx = term_id(term)
        weights[idx] = weights.get(idx, 0.0) + tf * (K1 + 1) / (tf + norm)
    return list(weights), list(weights.values())


def query_vector(weighted_terms: dict[str, float]) -> tuple[list[int], list[float]]:
    """A question's terms, each with its weight (expansions weigh less than typed words)."""
    weights: dict[int, float] = {}
    for term, weight in weighted_terms.items():
        idx = term_id(term)
        weights[idx] = max(weights.get(idx, 0.0), weight)
    return list(weights), list(weights.values())


def average_length(texts: list[str]) -> float:
    lengths = [len(bm25_terms(t)) for t in texts]
    return sum(lengths) / len(lengths) if lengths else DEFAULT_AVGDL


def title_field(doc: dict) -> str:
    """What every chunk of a document shares: its type, number and title."""
    return " ".join(str(doc.get(k) or "") for k in ("type", "number", "title")).strip()


def title_weight() -> float:
    """Weight of the title field beside the chunk's own text (0 leaves it out); measured in
    README "Benchmark"."""
    return float(os.environ.get(TITLE_SWITCH, DEFAULT_TITLE_WEIGHT))


def chunk_vector(text: str, title: str, avgdl: float = DEFAULT_AVGDL) -> tuple[list[int], list[float]]:
    """The chunk's own BM25 weights plus, at title_weight(), those of its document's title field:
    the title's words are searchable from every chunk, weighing less than the chunk's own."""
    indices, values = doc_vector(text, avgdl)
    weight = title_weight()
    if not title or weight <= 0:
        return indices, values
    weights = dict(zip(indices, values, strict=True))
    for idx, value in zip(*doc_vector(title, avgdl), strict=True):
        weights[idx] = weights.get(idx, 0.0) + weight * value
    return list(weights), list(weights.values())
