"""Hybrid retrieval: BM25 and dense candidates from Qdrant, fused by reciprocal rank
(`assistant.fusion`), lifted where the document fits the question's constraints
(`assistant.lifts`), duplicates collapsed onto the clean copy, and each passage given an
`evidence` score (`assistant.passage_coverage`: how much of the question it covers) for
abstention."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from functools import partial
from typing import Protocol

from assistant.answer_ranking import add_figure_ranking
from assistant.copies import Passage, collapse_duplicates
from assistant.copies import passage_from_payload as _passage
from assistant.dense_rankings import dense_rankings, guide_ranking
from assistant.fusion import fuse
from assistant.fusion_weights import DEFAULT_WEIGHTS, FusionWeights
from assistant.lifts import LIFTS, boost
from assistant.passage_coverage import MAX_RARITY, concept_coverage, evidence, missing_rarity, near, ocr_match
from assistant.query import QueryAnalysis
from assistant.rendering_choice import chosen_terms
from assistant.targeting import fact_ranking, with_named
from ingest.index import ChunkIndex, Filters, Hit

# what other modules read from here: the passage type, and coverage and lifts (their own modules)
__all__ = ["CANDIDATES", "LIFTS", "MAX_RARITY", "Passage", "boost", "concept_coverage", "evidence",
           "idf_table", "load_reranker", "missing_rarity", "near", "ocr_match", "search"]  # fmt: skip

log = logging.getLogger(__name__)
CANDIDATES = 50
FILTER_KEYS = {"source": "source", "document": "source", "province": "doc.province",
               "type": "doc.type", "year": "doc_year"}  # fmt: skip


class Reranker(Protocol):
    def predict(self, pairs: list[tuple[str, str]]) -> list[float]: ...


def build_filter(filters: dict[str, str] | None) -> Filters | None:
    """The request's filters as the index's plain {payload key: value}."""
    if not filters:
        return None
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise ValueError(f"unknown filter keys: {sorted(unknown)}; known: {sorted(FILTER_KEYS)}")
    plain: Filters = {FILTER_KEYS[k]: str(v) for k, v in filters.items() if v not in (None, "")}
    return plain or None


def search(
    index: ChunkIndex,
    analysis: QueryAnalysis,
    *,
    embedder=None,
    reranker: Reranker | None = None,
    filters: dict[str, str] | None = None,
    limit: int = 20,
    idf: dict[str, float] | None = None,
    mode: str = "hybrid",
    weights: FusionWeights | None = None,
    lifts: Mapping[str, float] | None = None,
) -> list[Passage]:
    """Ranked passages for a question; `mode` is hybrid, bm25 or dense (for the benchmark);
    `lifts` other than LIFTS only to measure them (eval.tune_lifts)."""
    flt = build_filter(filters)
    weights = weights or DEFAULT_WEIGHTS
    guide = guide_ranking(index, embedder, analysis, weights, mode=mode, limit=CANDIDATES, filters=flt)
    terms = chosen_terms(analysis, guide, weights.choose_renderings)  # English: the senses used here
    sparse = bm25_ranking(index, analysis, terms, flt) if mode in ("hybrid", "bm25") else []
    dense = dense_rankings(index, embedder, analysis, sparse, weights, mode=mode, limit=CANDIDATES,
                           filters=flt, ranked_already=guide)  # fmt: skip
    fused = fuse(sparse, dense.ranked, analysis, weights, dense.rescored)
    sources = add_fact_ranking(index, analysis, fused, weights.rrf_k, lifts) if not flt else []
    lifted = partial(boost, analysis, lifts=lifts)
    add_figure_ranking(index, analysis, fused, weights.rrf_k, (lifts or LIFTS)["figure"], lifted)
    passages = [
        _passage(pid, score * boost(analysis, payload, lifts, sources), payload)
        for pid, (score, payload) in fused.items()
    ]
    passages = sorted(collapse_duplicates(index, passages), key=lambda p: p.score, reverse=True)
    if reranker is not None and passages:
        passages = rerank(reranker, analysis.question, passages[:limit])
    passages = passages[:limit]
    for p in passages:  # only the passages returned are judged: evidence is the costly part
        p.evidence = evidence(analysis, p.index_text, idf or {})
    return passages


def bm25_ranking(
    index: ChunkIndex, analysis: QueryAnalysis, terms: dict[str, float], flt: Filters | None
) -> list[Hit]:
    """BM25's candidates for the weighted terms; unfiltered, with the chunks of the documents the
    question names by number joined in."""
    sparse = index.sparse_search(terms, CANDIDATES, flt)
    return sparse if flt else with_named(index, terms, sparse, analysis.constraints.documents, CANDIDATES)


def add_fact_ranking(
    index: ChunkIndex, analysis: QueryAnalysis, fused: dict, rrf_k: int, lifts: Mapping[str, float] | None
) -> list[str]:
    """Fuse in the chunks stating the asked fact, from the named documents or else the document
    of the best passage so far; returns those documents."""
    fact, sources = analysis.constraints.fact, analysis.constraints.documents
    if not fact:
        return []
    if not sources and fused:
        best = max(fused.values(), key=lambda sp: sp[0] * boost(analysis, sp[1], lifts))
        sources = [best[1].get("source", "")]
    for rank, hit in enumerate(fact_ranking(index, fact, sources)):
        score, _ = fused.get(hit.id, (0.0, hit.payload))
        fused[hit.id] = (score + 1.0 / (rrf_k + rank + 1), hit.payload)
    return list(sources)


def rerank(reranker: Reranker, question: str, passages: list[Passage]) -> list[Passage]:
    scores = reranker.predict([(question, p.index_text) for p in passages])
    for p, s in zip(passages, scores, strict=True):
        p.score = float(s)
    return sorted(passages, key=lambda p: p.score, reverse=True)


def load_reranker(name: str | None, device: str = "cpu") -> Reranker | None:
    """A CrossEncoder from disk, or None with one clear log line when it is not there."""
    if not name:
        return None
    try:
        from sentence_transformers import CrossEncoder

        return CrossEncoder(name, device=device, local_files_only=True)  # type: ignore[return-value]
    except Exception as exc:
        log.warning(
            "Reranker %r is not available offline (%s); ranking without it.",
            name,
            type(exc).__name__,
        )
        return None


def idf_table(df: dict[str, int], n_docs: int) -> dict[str, float]:
    return {t: math.log(1 + (n_docs - d + 0.5) / (d + 0.5)) for t, d in df.items()}
